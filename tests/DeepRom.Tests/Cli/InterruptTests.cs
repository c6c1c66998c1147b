using System.Diagnostics;
using System.Text;

namespace DeepRom.Tests.Cli;

/// <summary>A real <c>deeprom</c> process stopped by SIGINT or SIGTERM exits non-zero and leaves no output or temporary file.</summary>
public class InterruptTests
{
    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task A_signal_during_data_generation_leaves_no_partial_or_temporary_file(string signal)
    {
        using var scratch = new CliScratch();
        string file = scratch.File("large.h5");
        // About two minutes of solving: the signal surely lands while the run is under way.
        using var process = Start(["data", "darcy", "--nodes", "33", "--count", "20000", "--out", file], scratch.Path, out StringBuilder stderr);
        try
        {
            var started = Stopwatch.StartNew();
            while (!Contains(stderr, "Darcy solves") && started.Elapsed < TimeSpan.FromSeconds(90) && !process.HasExited)
                await Task.Delay(100);
            Assert.False(process.HasExited, $"the run ended before the signal:\n{stderr}");
            await Task.Delay(500);

            using (var kill = Process.Start("kill", ["-" + signal, process.Id.ToString()])) await kill.WaitForExitAsync();

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);
            Assert.NotEqual(0, process.ExitCode);
            Assert.False(File.Exists(file), "an output file was left behind");
            Assert.Empty(Cli.TempFilesIn(scratch.Path));
            Assert.Contains("interrupted", stderr.ToString());
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
    }

    private static Process Start(string[] args, string workingDirectory, out StringBuilder stderr)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "DeepRom.Cli.dll"));
        foreach (string a in args) info.ArgumentList.Add(a);
        var process = new Process { StartInfo = info };
        var lines = new StringBuilder();
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (lines) lines.AppendLine(e.Data); };
        process.OutputDataReceived += (_, _) => { };
        process.Start();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        stderr = lines;
        return process;
    }

    private static bool Contains(StringBuilder text, string value)
    {
        lock (text) return text.ToString().Contains(value);
    }
}
