using System.CommandLine;
using DeepRom.Data;

namespace DeepRom.Cli;

/// <summary>The options every file-writing command shares: <c>--out</c>, <c>--format</c>, <c>--force</c>, <c>--json</c>.</summary>
public sealed class OutputOptions(string outDescription)
{
    public Option<string> Out { get; } = new("--out") { Description = outDescription, Required = true };
    public Option<string?> Format { get; } = CreateFormat();
    public Option<bool> Force { get; } = new("--force") { Description = "Overwrite an existing output file." };
    public Option<bool> Json { get; } = new("--json") { Description = "Print the result as JSON on stdout (progress goes to stderr)." };

    private static Option<string?> CreateFormat()
    {
        var option = new Option<string?>("--format") { Description = "File format: h5 or npz (default: from the file extension)." };
        option.AcceptOnlyFromAmong("h5", "npz");
        return option;
    }

    public void AddTo(Command command)
    {
        command.Add(Out);
        command.Add(Format);
        command.Add(Force);
        command.Add(Json);
    }

    /// <summary>The output path, explicit format (null = by extension), force and json flags.</summary>
    public (string Path, DataFileFormat? Format, bool Force, bool Json) Resolve(ParseResult r)
    {
        string path = r.GetValue(Out)!;
        DataFileFormat? format = r.GetValue(Format) switch
        {
            "h5" => DataFileFormat.Hdf5,
            "npz" => DataFileFormat.Npz,
            _ => null,
        };
        SnapshotFile.FormatFor(path, format); // rejects an unknown extension before any work
        return (path, format, r.GetValue(Force), r.GetValue(Json));
    }
}
