using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using DeepRom.Data;
using DeepRom.Runs.Hits;

namespace DeepRom.Cli;

/// <summary><c>deeprom data pod-coefficients</c>: one simulation of a dynamic snapshot file as the time series of its leading POD coefficients.</summary>
public static class DataPodCoefficientsCommand
{
    public static Command Build(CliConsole console)
    {
        var data = new Option<string>("--data") { Description = "A dynamic snapshots/1 file (fields (P, T, C, *grid) with time), e.g. from deeprom data cylinder.", Required = true };
        var simulation = new Option<int>("--simulation") { Description = "Which simulation of the file, counted from 0.", DefaultValueFactory = _ => 0 };
        var modes = new Option<int>("--modes") { Description = "Number of leading POD modes whose coefficients are written (22 in seed 002's cylinder task).", DefaultValueFactory = _ => 22 };
        var channels = new Option<string?>("--channels") { Description = "Comma-separated channel names to use (default: all channels)." };
        var io = new OutputOptions("Sequence file to write (trajectories/1: states (1, T, modes), time; .h5 or .npz).");
        var command = new Command("pod-coefficients",
            "Reduce one simulation of a dynamic snapshot file to the time series of its leading POD coefficients (snapshots centred on their time mean), " +
            "written as one trajectory for hits train or hits benchmark: seed 002's fluid sequence task.");
        foreach (Option o in new Option[] { data, simulation, modes, channels }) command.Add(o);
        io.AddTo(command);
        command.SetAction((ParseResult r, CancellationToken ct) =>
        {
            string source = r.GetValue(data)!;
            var (path, format, force, json) = io.Resolve(r);
            AtomicFile.EnsureWritable(path, force);
            var clock = Stopwatch.StartNew();
            SnapshotSet set = SnapshotFile.Read(source);
            string[]? names = r.GetValue(channels) is { } text ? text.Split(',', StringSplitOptions.TrimEntries) : null;
            TrajectorySet sequence = null!;
            GeneratedFile.ValidateAsOptions(() => sequence = ModalSequence.Reduce(set, r.GetValue(simulation), r.GetValue(modes), names, source), OptionFor);
            ct.ThrowIfCancellationRequested();
            TrajectoryFile.Write(path, sequence, force, format, ct);
            double energy = ((double[])sequence.Aux["pod_energy"].Data)[0];
            var result = GeneratedFile.Describe(path, format, sequence);
            result["source"] = Path.GetFullPath(source);
            result["simulation"] = r.GetValue(simulation);
            result["energy"] = energy;
            result["seconds"] = Math.Round(clock.Elapsed.TotalSeconds, 3);
            if (sequence.Params is { } p)
                result["params"] = new JsonObject(sequence.ParamNames!.Select((n, k) => KeyValuePair.Create(n, (JsonNode?)p[k])));
            console.Result(json, result, new[]
            {
                string.Create(CultureInfo.InvariantCulture,
                    $"wrote the first {sequence.Dimension} POD coefficients of simulation {r.GetValue(simulation)} of {source} ({sequence.Steps} snapshots, {energy:P3} of the fluctuation energy) to {path}"),
            });
            return Task.FromResult(DeepRomCli.Success);
        });
        return command;
    }

    private static readonly Dictionary<string, string> OptionFor = new()
    {
        ["simulation"] = "--simulation",
        ["modes"] = "--modes",
        ["channels"] = "--channels",
    };
}
