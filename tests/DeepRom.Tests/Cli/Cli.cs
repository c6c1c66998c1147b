using DeepRom.Cli;

namespace DeepRom.Tests.Cli;

/// <summary>What one in-process <c>deeprom</c> invocation returned and printed.</summary>
internal sealed record CliOutcome(int Code, string Out, string Err)
{
    public string[] ErrLines => Err.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Asserts the bad-input contract: exit 2 and exactly one stderr line that mentions every given word.</summary>
    public string AssertBadInput(params string[] mentions)
    {
        Assert.True(Code == DeepRomCli.BadInput, $"expected exit 2, got {Code}; stderr:\n{Err}");
        Assert.True(ErrLines.Length == 1, $"expected one stderr line, got {ErrLines.Length}:\n{Err}");
        foreach (string word in mentions) Assert.Contains(word, ErrLines[0]);
        return ErrLines[0];
    }

    public void AssertSuccess() => Assert.True(Code == DeepRomCli.Success, $"expected exit 0, got {Code}; stderr:\n{Err}");
}

/// <summary>Runs the command line in-process with captured output.</summary>
internal static class Cli
{
    public static async Task<CliOutcome> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = await DeepRomCli.RunAsync(args, stdout, stderr);
        return new CliOutcome(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Every file below <paramref name="folder"/> with its bytes, to show that a refused command left it alone.</summary>
    public static Dictionary<string, byte[]> Contents(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllBytes);

    public static void AssertUnchanged(Dictionary<string, byte[]> before, string folder)
    {
        var after = Contents(folder);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        foreach (var (file, bytes) in before) Assert.True(bytes.AsSpan().SequenceEqual(after[file]), $"{file} changed");
    }

    /// <summary>Temporary files left by atomic writes: hidden names ending in .tmp.</summary>
    public static string[] TempFilesIn(string folder) =>
        Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories)
            .Where(p => Path.GetFileName(p).StartsWith('.') && p.EndsWith(".tmp", StringComparison.Ordinal)).ToArray();
}

/// <summary>A fresh folder under the system temp folder, deleted on dispose.</summary>
internal sealed class CliScratch : IDisposable
{
    public CliScratch() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"deeprom-cli-{Guid.NewGuid():N}");

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
