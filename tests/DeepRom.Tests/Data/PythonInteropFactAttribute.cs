using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace DeepRom.Tests.Data;

/// <summary>A fact that runs only where /usr/bin/python3 imports h5py and numpy; elsewhere it is skipped with the reason.</summary>
public sealed class PythonInteropFactAttribute : FactAttribute
{
    public const string Python = "/usr/bin/python3";

    private static readonly Lazy<string?> Unavailable = new(() => PythonRunner.Missing("h5py, numpy", "python3-h5py and python3-numpy"));

    public PythonInteropFactAttribute()
    {
        if (Unavailable.Value is { } reason) Skip = reason;
    }
}

/// <summary>Runs the system python with arguments and collects its output.</summary>
internal static class PythonRunner
{
    public static (int Code, string Output, string Error) Run(IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(PythonInteropFactAttribute.Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill();
            throw new TimeoutException($"python did not finish within {timeout}");
        }
        return (process.ExitCode, output.Result, error.Result);
    }

    /// <summary>
    /// Null when /usr/bin/python3 imports <paramref name="modules"/> (comma-separated), otherwise why not, naming the
    /// Debian <paramref name="packages"/> to install.
    /// </summary>
    public static string? Missing(string modules, string packages)
    {
        string python = PythonInteropFactAttribute.Python;
        if (!File.Exists(python)) return $"{python} not found (install {packages} to run these tests)";
        try
        {
            var (code, _, error) = Run(["-c", $"import {modules}"], TimeSpan.FromSeconds(30));
            return code == 0 ? null : $"{python} cannot import {modules} (install {packages}): {error.Trim().Split('\n')[^1]}";
        }
        catch (Exception e)
        {
            return $"{python} could not be started: {e.Message}";
        }
    }

    /// <summary>Runs a script from tests/DeepRom.Tests/Data/python and fails the test on a non-zero exit.</summary>
    public static string Script(string name, params string[] arguments) =>
        ScriptAt(Path.Combine(ScriptFolder(), name), TimeSpan.FromSeconds(60), arguments);

    /// <summary>Runs the script at <paramref name="script"/> and fails the test on a non-zero exit; returns its stdout.</summary>
    public static string ScriptAt(string script, TimeSpan timeout, params string[] arguments)
    {
        var (code, output, error) = Run([script, .. arguments], timeout);
        Assert.True(code == 0, $"{Path.GetFileName(script)} failed ({code}): {error}");
        return output;
    }

    // The scripts are read from the source tree (beside this file), so the project needs no copy step.
    private static string ScriptFolder([CallerFilePath] string here = "") => Path.Combine(Path.GetDirectoryName(here)!, "python");
}
