using System.CommandLine;
using DeepRom.Cli;

namespace DeepRom.Tests.Cli;

/// <summary>Every command and subcommand answers <c>--help</c> with exit 0 and its description.</summary>
public class HelpTests
{
    private static IEnumerable<(string[] Path, Command Command)> Walk(Command command, string[] path)
    {
        yield return (path, command);
        foreach (Command sub in command.Subcommands)
            foreach (var item in Walk(sub, [.. path, sub.Name])) yield return item;
    }

    public static TheoryData<string> CommandPaths()
    {
        var root = DeepRomCli.BuildRoot(new CliConsole(TextWriter.Null, TextWriter.Null));
        var data = new TheoryData<string>();
        foreach (var (path, _) in Walk(root, [])) data.Add(string.Join(' ', path));
        return data;
    }

    /// <summary>The command paths of the README's command synopsis: the lowercase words (hyphens inside allowed) after "deeprom" on each line.</summary>
    private static HashSet<string> ReadmeCommands()
    {
        string readme = File.ReadAllText(Path.Combine(DeepRom.Tests.Build.LibTorchCompatibilityTests.RepositoryRoot(), "README.md"));
        return readme.Split('\n')
            .Where(l => l.StartsWith("deeprom ", StringComparison.Ordinal))
            .Select(l => string.Join(' ', l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).TakeWhile(w => w[0] is >= 'a' and <= 'z' && w.All(c => c is >= 'a' and <= 'z' or '-'))))
            .ToHashSet();
    }

    [Fact]
    public void The_tree_holds_every_command_the_readme_lists_and_the_readme_lists_every_command()
    {
        var root = DeepRomCli.BuildRoot(new CliConsole(TextWriter.Null, TextWriter.Null));
        // Every command that runs something (quickstart runs, and has quickstart rom beneath it).
        var leaves = Walk(root, []).Where(item => item.Command.Action is not null).Select(item => string.Join(' ', item.Path)).ToHashSet();
        var documented = ReadmeCommands();
        Assert.Contains("vae train", documented);
        Assert.Empty(documented.Except(leaves));
        Assert.Empty(leaves.Except(documented));
    }

    [Theory]
    [MemberData(nameof(CommandPaths))]
    public async Task Help_exits_zero_and_shows_the_description(string path)
    {
        var root = DeepRomCli.BuildRoot(new CliConsole(TextWriter.Null, TextWriter.Null));
        string[] words = path.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Command command = words.Aggregate((Command)root, (c, name) => c.Subcommands.Single(s => s.Name == name));
        Assert.False(string.IsNullOrWhiteSpace(command.Description), $"'{path}' has no description");

        var outcome = await Cli.Run([.. words, "--help"]);

        outcome.AssertSuccess();
        string flat(string s) => System.Text.RegularExpressions.Regex.Replace(s, @"\s+", " ");
        Assert.Contains(flat(command.Description!), flat(outcome.Out));
        foreach (Option option in command.Options.Where(o => !o.Hidden && o.Name.StartsWith("--")))
            Assert.Contains(option.Name, outcome.Out);
    }

    [Theory]
    [InlineData("", "Usage: deeprom [command] [options]")]
    [InlineData("vae train", "Usage: deeprom vae train [options]")]
    public async Task Usage_names_the_program_deeprom(string path, string usage)
    {
        var outcome = await Cli.Run([.. path.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--help"]);

        outcome.AssertSuccess();
        Assert.Contains(usage, System.Text.RegularExpressions.Regex.Replace(outcome.Out, @"\s+", " "));
    }

    [Fact]
    public async Task An_unknown_command_is_named_in_the_error_with_where_to_find_help()
    {
        var outcome = await Cli.Run("vae", "trian");

        outcome.AssertBadInput("'trian'", "see 'deeprom vae --help'");
    }
}
