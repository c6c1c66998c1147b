using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using DeepRom.Data;
using DeepRom.Physics.KuramotoSivashinsky;

namespace DeepRom.Cli;

/// <summary><c>deeprom data ks</c>: one Kuramoto-Sivashinsky trajectory by pseudo-spectral ETDRK4 (Kassam &amp; Trefethen 2005).</summary>
public static class DataKsCommand
{
    public static Command Build(CliConsole console)
    {
        var points = new Option<int>("--points") { Description = "Grid points N, a power of two, at least 8.", DefaultValueFactory = _ => KuramotoSivashinskyConfig.DefaultPoints };
        var length = new Option<double>("--domain-length")
        {
            Description = "Period L of the domain; the grid is x = L (1..N)/N (default 32 pi, the paper's).",
            DefaultValueFactory = _ => KuramotoSivashinskyConfig.DefaultDomainLength,
        };
        var dt = new Option<double>("--dt") { Description = "ETDRK4 time step h.", DefaultValueFactory = _ => KuramotoSivashinskyConfig.DefaultTimeStep };
        var snapshots = new Option<int>("--snapshots") { Description = "Snapshots S stored, the first included.", DefaultValueFactory = _ => KuramotoSivashinskyConfig.DefaultSnapshots };
        var saveEvery = new Option<int>("--save-every") { Description = "Steps between stored snapshots.", DefaultValueFactory = _ => KuramotoSivashinskyConfig.DefaultSaveEvery };
        var transient = new Option<double?>("--transient")
        {
            Description = $"Time integrated before the first snapshot, rounded to whole steps (default {KuramotoSivashinskyConfig.DefaultRandomTransient} " +
                          "from a random start, 0 from the paper's, whose run starts at u0).",
        };
        var init = new Option<string>("--init")
        {
            Description = "Initial field: kassam-trefethen = cos(2 pi x/L)(1 + sin(2 pi x/L)), the paper's cos(x/16)(1 + sin(x/16)) for L = 32 pi; " +
                          "random = a seeded Gaussian field over the linearly unstable modes, root-mean-square 0.01, zero mean.",
            DefaultValueFactory = _ => ChoiceName.Of(InitialProfile.Random),
        };
        init.AcceptOnlyFromAmong([.. ChoiceName.All<InitialProfile>()]);
        var seed = new Option<int>("--seed") { Description = "Seed of the random initial field (same seed, same file).", DefaultValueFactory = _ => 0 };
        var io = new OutputOptions("Trajectory file to write (.h5 or .npz).");
        var command = new Command("ks",
            "The Kuramoto-Sivashinsky equation u_t = -u u_x - u_xx - u_xxxx, periodic, pseudo-spectral with ETDRK4 (Kassam & Trefethen 2005, " +
            "contour-integral coefficients, no dealiasing); writes one trajectory (trajectories/1: states (1, S, N), time). " +
            "--points 128 --domain-length 100.53096491487338 --dt 0.25 --init kassam-trefethen is the paper's standard run.");
        foreach (Option o in new Option[] { points, length, dt, snapshots, saveEvery, transient, init, seed }) command.Add(o);
        io.AddTo(command);
        command.SetAction((ParseResult r, CancellationToken ct) =>
        {
            var config = new KuramotoSivashinskyConfig(
                Points: r.GetValue(points),
                DomainLength: r.GetValue(length),
                TimeStep: r.GetValue(dt),
                Snapshots: r.GetValue(snapshots),
                SaveEvery: r.GetValue(saveEvery),
                Transient: r.GetValue(transient),
                Init: ChoiceName.Parse<InitialProfile>(r.GetValue(init)!, "--init", "value"),
                Seed: r.GetValue(seed));
            GeneratedFile.ValidateAsOptions(() => config.Validate(), OptionFor);
            if (r.GetResult(seed) is { Implicit: false } && config.Init != InitialProfile.Random)
                throw new InputException("--seed", "value", "is used only by --init random");
            var (path, format, force, json) = io.Resolve(r);
            AtomicFile.EnsureWritable(path, force);

            var clock = Stopwatch.StartNew();
            const int scale = 1000;
            TrajectorySet set = null!;
            GeneratedFile.ValidateAsOptions(() => set = console.WithProgress($"Kuramoto-Sivashinsky ({config.Points} points, {config.TotalSteps} steps)", scale,
                p => KuramotoSivashinskyGenerator.Generate(config, new SyncProgress<double>(f => p.Report(scale * f)), ct)), OptionFor);
            double integrateSeconds = clock.Elapsed.TotalSeconds;
            ct.ThrowIfCancellationRequested();
            TrajectoryFile.Write(path, set, force, format, ct);
            double total = clock.Elapsed.TotalSeconds;

            double stepsPerSecond = config.TotalSteps / Math.Max(integrateSeconds, 1e-9);
            var result = GeneratedFile.Describe(path, format, set);
            result["points"] = config.Points;
            result["domain_length"] = config.DomainLength;
            result["time_step"] = config.TimeStep;
            result["save_every"] = config.SaveEvery;
            result["sample_interval"] = config.SampleInterval;
            result["transient"] = config.TransientTime;
            result["init"] = ChoiceName.Of(config.Init);
            result["seed"] = config.Seed;
            result["steps"] = config.TotalSteps;
            result["steps_per_second"] = Math.Round(stepsPerSecond);
            result["integrate_seconds"] = Math.Round(integrateSeconds, 3);
            result["total_seconds"] = Math.Round(total, 3);
            console.Result(json, result, new[]
            {
                string.Create(CultureInfo.InvariantCulture,
                    $"wrote a Kuramoto-Sivashinsky trajectory ({config.Snapshots} snapshots every {config.SampleInterval:0.####} of {config.Points} points, " +
                    $"L = {config.DomainLength:0.######}, init {ChoiceName.Of(config.Init)}, transient {config.TransientTime:0.####}) to {path}"),
                string.Create(CultureInfo.InvariantCulture,
                    $"ETDRK4 h = {config.TimeStep}: {config.TotalSteps} steps in {integrateSeconds:0.00} s ({stepsPerSecond:0} steps/s), total {total:0.00} s"),
            });
            return Task.FromResult(DeepRomCli.Success);
        });
        return command;
    }

    // The generator's own rules, reported under the option the user typed rather than the config field.
    private static readonly Dictionary<string, string> OptionFor = new()
    {
        [nameof(KuramotoSivashinskyConfig.Points)] = "--points",
        [nameof(KuramotoSivashinskyConfig.DomainLength)] = "--domain-length",
        [nameof(KuramotoSivashinskyConfig.TimeStep)] = "--dt",
        [nameof(KuramotoSivashinskyConfig.Snapshots)] = "--snapshots",
        [nameof(KuramotoSivashinskyConfig.SaveEvery)] = "--save-every",
        [nameof(KuramotoSivashinskyConfig.Transient)] = "--transient",
    };
}
