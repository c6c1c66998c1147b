using System.Diagnostics;
using System.Text;

namespace DeepRom.Tests.Build;

/// <summary>
/// The build step that marks libLibTorchSharp.so's GLIBCXX_3.4.32 requirement weak: applied to the copy in the
/// output, idempotent, and leaves every other byte alone. Read back with an ELF reader written independently here.
/// </summary>
public class LibTorchCompatibilityTests
{
    private const string Version = "GLIBCXX_3.4.32";

    [Fact]
    public void Output_copy_has_the_requirement_marked_weak()
    {
        string lib = Path.Combine(AppContext.BaseDirectory, "libLibTorchSharp.so");
        Assert.True(File.Exists(lib), $"{lib} missing");
        Assert.Equal(ElfVersionFlags.Weak, ElfVersionRequirements.Read(File.ReadAllBytes(lib), Version) & ElfVersionFlags.Weak);
    }

    [Fact]
    public void Build_step_patches_a_pristine_copy_once_and_then_changes_nothing()
    {
        string? pristine = Directory.EnumerateFiles(NuGetTorchSharpFolder(), "libLibTorchSharp.so", SearchOption.AllDirectories)
            .FirstOrDefault(f => f.Contains("linux-x64"));
        Assert.NotNull(pristine);
        byte[] original = File.ReadAllBytes(pristine);
        Assert.Equal(0, (int)(ElfVersionRequirements.Read(original, Version) & ElfVersionFlags.Weak));

        string dir = Directory.CreateTempSubdirectory("deeprom-elf-").FullName;
        try
        {
            string copy = Path.Combine(dir, "libLibTorchSharp.so");
            File.WriteAllBytes(copy, original);
            string project = Path.Combine(dir, "patch.proj");
            File.WriteAllText(project, $"""
                <Project>
                  <Import Project="{Path.Combine(RepositoryRoot(), "Directory.Build.targets")}" />
                  <Target Name="Patch"><DeepRomWeakenGlibcxxRequirement Files="{copy}" VersionName="{Version}" /></Target>
                </Project>
                """);
            RunMsBuild(project);
            byte[] once = File.ReadAllBytes(copy);
            Assert.Equal(ElfVersionFlags.Weak, ElfVersionRequirements.Read(once, Version) & ElfVersionFlags.Weak);
            Assert.Equal(1, Enumerable.Range(0, original.Length).Count(i => original[i] != once[i]));
            RunMsBuild(project);
            Assert.Equal(once, File.ReadAllBytes(copy));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static void RunMsBuild(string project)
    {
        var start = new ProcessStartInfo("dotnet", $"msbuild \"{project}\" -t:Patch -nologo -v:q") { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, output);
    }

    private static string NuGetTorchSharpFolder()
    {
        string root = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        return Path.Combine(root, "torchsharp", "0.107.0");
    }

    internal static string RepositoryRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "DeepRom.slnx"))) return d.FullName;
        throw new InvalidOperationException("repository root not found");
    }
}

/// <summary>
/// vna_flags of a version requirement, found through the program headers and the dynamic segment (DT_VERNEED),
/// not the section headers the build step uses, so the two readings are independent.
/// </summary>
[Flags]
internal enum ElfVersionFlags : ushort
{
    None = 0,
    Weak = 2,
}

internal static class ElfVersionRequirements
{
    private const uint PtLoad = 1, PtDynamic = 2;
    private const long DtStrtab = 5, DtVerneed = 0x6ffffffe, DtVerneednum = 0x6fffffff;

    public static ElfVersionFlags Read(byte[] elf, string version)
    {
        long phoff = BitConverter.ToInt64(elf, 0x20);
        int phentsize = BitConverter.ToUInt16(elf, 0x36), phnum = BitConverter.ToUInt16(elf, 0x38);
        var loads = new List<(long VAddr, long Offset, long Size)>();
        long dynamicOffset = -1;
        for (int i = 0; i < phnum; i++)
        {
            int ph = (int)(phoff + i * phentsize);
            uint type = BitConverter.ToUInt32(elf, ph);
            long offset = BitConverter.ToInt64(elf, ph + 8), vaddr = BitConverter.ToInt64(elf, ph + 16), filesz = BitConverter.ToInt64(elf, ph + 32);
            if (type == PtLoad) loads.Add((vaddr, offset, filesz));
            if (type == PtDynamic) dynamicOffset = offset;
        }
        long FileOffset(long address) => loads.Where(l => address >= l.VAddr && address < l.VAddr + l.Size).Select(l => address - l.VAddr + l.Offset).First();
        long strtab = 0, verneed = 0, count = 0;
        for (int at = (int)dynamicOffset; ; at += 16)
        {
            long tag = BitConverter.ToInt64(elf, at), value = BitConverter.ToInt64(elf, at + 8);
            if (tag == 0) break;
            if (tag == DtStrtab) strtab = FileOffset(value);
            if (tag == DtVerneed) verneed = FileOffset(value);
            if (tag == DtVerneednum) count = value;
        }
        long need = verneed;
        for (long n = 0; n < count; n++)
        {
            long aux = need + BitConverter.ToUInt32(elf, (int)need + 8);
            for (int a = 0; a < BitConverter.ToUInt16(elf, (int)need + 2); a++)
            {
                long name = strtab + BitConverter.ToUInt32(elf, (int)aux + 8);
                int end = Array.IndexOf(elf, (byte)0, (int)name);
                if (Encoding.ASCII.GetString(elf, (int)name, end - (int)name) == version)
                    return (ElfVersionFlags)BitConverter.ToUInt16(elf, (int)aux + 4);
                aux += BitConverter.ToUInt32(elf, (int)aux + 12);
            }
            need += BitConverter.ToUInt32(elf, (int)need + 12);
        }
        throw new InvalidDataException($"no requirement {version}");
    }
}
