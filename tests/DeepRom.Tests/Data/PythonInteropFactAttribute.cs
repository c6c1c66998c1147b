using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace DeepRom.Tests.Data;

/// <summary>A fact that runs only where /usr/bin/python3 imports h5py and numpy; elsewhere it is skipped with the reason.</summary>
public sealed class PythonInteropFactAttribute : FactAttribute
{
    public const string Python = "/usr/bin/python3";

    private static readonly Lazy<string?> Unavailable = new(Probe);

    public PythonInteropFactAttribute()
    {
        if (Unavailable.Value is { } reason) Skip = reason;
    }

    private static string? Probe()
    {
        if (!File.Exists(Python)) return $"{Python} not found (install python3-h5py and python3-numpy to run interop tests)";
        try
        {
            var (code, _, error) = PythonRunner.Run(["-c", "import h5py, numpy"], TimeSpan.FromSeconds(30));
            return code == 0 ? null : $"{Python} cannot import h5py and numpy: {error.Trim().Split('\n')[^1]}";
        }
        catch (Exception e)
        {
            return $"{Python} could not be started: {e.Message}";
        }
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

    /// <summary>Runs a script from tests/DeepRom.Tests/Data/python and fails the test on a non-zero exit.</summary>
    public static string Script(string name, params string[] arguments)
    {
        string script = Path.Combine(ScriptFolder(), name);
        var (code, output, error) = Run([script, .. arguments], TimeSpan.FromSeconds(60));
        Assert.True(code == 0, $"{name} failed ({code}): {error}");
        return output;
    }

    // The scripts are read from the source tree (beside this file), so the project needs no copy step.
    private static string ScriptFolder([CallerFilePath] string here = "") => Path.Combine(Path.GetDirectoryName(here)!, "python");
}
