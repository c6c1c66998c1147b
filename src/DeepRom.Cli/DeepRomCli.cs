using System.CommandLine;
using System.Runtime.InteropServices;
using DeepRom.Data;

namespace DeepRom.Cli;

/// <summary>The <c>deeprom</c> command tree and its exit-code contract: 0 success, 1 failure during the run, 2 bad usage or input.</summary>
public static class DeepRomCli
{
    public const int Success = 0;
    public const int RunFailure = 1;
    public const int BadInput = 2;

    /// <summary>Parses <paramref name="args"/>, runs the command and returns the exit code; never throws.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        using var interrupt = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; interrupt.Cancel(); });
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; interrupt.Cancel(); });
        var console = new CliConsole(stdout, stderr);
        Command root = BuildRoot(console);
        ParseResult parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // An unknown word also leaves a command without its subcommand; the unknown word is the news.
            var error = parsed.Errors.FirstOrDefault(e => parsed.UnmatchedTokens.Any(t => e.Message.Contains(t, StringComparison.Ordinal))) ?? parsed.Errors[0];
            string message = System.Text.RegularExpressions.Regex.Replace(error.Message, @"\s*\n\s*", " ");
            // Some parser messages (e.g. a value outside AcceptOnlyFromAmong) do not say which option they are about.
            if (OptionOf(error.SymbolResult) is { } option && !message.Contains(option, StringComparison.Ordinal))
                message = $"{option}: {message}";
            stderr.WriteLine($"deeprom: {message} (see '{string.Join(' ', CommandPath(parsed).Prepend("deeprom"))} --help')");
            return BadInput;
        }
        try
        {
            var config = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
            return await parsed.InvokeAsync(config, interrupt.Token);
        }
        catch (InputException e)
        {
            stderr.WriteLine($"deeprom: error: {e.Message}");
            return BadInput;
        }
        catch (OperationCanceledException)
        {
            TempFiles.DeleteAll();
            stderr.WriteLine("deeprom: interrupted; no partial output was kept");
            return RunFailure;
        }
        catch (Exception e)
        {
            TempFiles.DeleteAll();
            stderr.WriteLine($"deeprom: failed: {e.GetType().Name}: {e.Message}");
            if (Environment.GetEnvironmentVariable("DEEPROM_DEBUG") == "1") stderr.WriteLine(e);
            return RunFailure;
        }
    }

    /// <summary>The full command tree (also used by tests to check that every command has help).</summary>
    public static Command BuildRoot(CliConsole console)
    {
        // A plain command named after the program: RootCommand takes its name from the entry assembly, DeepRom.Cli.
        var root = new Command("deeprom", "DeepRom: data-driven reduced-order models with deep generative models and neural time-steppers.")
        {
            new System.CommandLine.Help.HelpOption(),
            new VersionOption(),
        };
        root.Add(QuickstartCommand.Build(console));
        root.Add(DataCommands.Build(console));
        root.Add(VaeCommands.Build(console));
        root.Add(RomCommands.Build(console));
        root.Add(HitsCommands.Build(console));
        root.Add(ExperimentCommands.Build(console));
        return root;
    }

    private static string? OptionOf(System.CommandLine.Parsing.SymbolResult? result) => result switch
    {
        System.CommandLine.Parsing.OptionResult o => o.Option.Name,
        System.CommandLine.Parsing.ArgumentResult { Parent: System.CommandLine.Parsing.OptionResult o } => o.Option.Name,
        _ => null,
    };

    private static IEnumerable<string> CommandPath(ParseResult parsed)
    {
        var names = new Stack<string>();
        for (var r = parsed.CommandResult; r.Parent is System.CommandLine.Parsing.CommandResult parent; r = parent)
            names.Push(r.Command.Name);
        return names;
    }
}
