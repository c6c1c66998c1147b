using System.CommandLine;
using DeepRom.Runs;

namespace DeepRom.Cli;

/// <summary>The options of commands that write a run folder: <c>--out</c>, <c>--resume</c>, <c>--force</c>, <c>--json</c>.</summary>
public sealed class RunOptions
{
    private RunOptions(string description) => Out = new Option<string>("--out") { Description = description, Required = true };

    public Option<string> Out { get; }
    public Option<bool> Resume { get; } = new("--resume") { Description = "Continue an interrupted run from its last checkpoint." };
    public Option<bool> Force { get; } = new("--force") { Description = "Delete an existing run folder and start over." };
    public Option<bool> Json { get; } = new("--json") { Description = "Print the result as JSON on stdout (progress goes to stderr)." };

    public static RunOptions Create(string description) => new(description);

    public void AddTo(Command command)
    {
        command.Add(Out);
        command.Add(Resume);
        command.Add(Force);
        command.Add(Json);
    }

    public bool IsResume(ParseResult r) => r.GetValue(Resume);

    public (RunFolder Folder, bool Json) Open(ParseResult r) => (Open(r, r.GetValue(Out)!), r.GetValue(Json));

    /// <summary>Opens the run folder at <paramref name="path"/> (for commands whose <c>--out</c> has a default) as --resume and --force say.</summary>
    public RunFolder Open(ParseResult r, string path)
    {
        if (r.GetValue(Resume) && r.GetValue(Force)) throw new InputException("--resume", "--force", "choose one: resume the run or start it over");
        return RunFolder.Open(path, r.GetValue(Resume), r.GetValue(Force));
    }
}
