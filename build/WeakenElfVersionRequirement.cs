// MSBuild task (compiled by RoslynCodeTaskFactory) that marks one ELF symbol-version requirement weak.
// The same logic is mirrored by DeepRom's test suite, which checks the patched library in the output.
using System;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public class DeepRomWeakenGlibcxxRequirement : Task
{
    [Required] public ITaskItem[] Files { get; set; }
    [Required] public string VersionName { get; set; }

    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlgWeak = 0x2;

    public override bool Execute()
    {
        foreach (var item in Files)
        {
            string path = item.ItemSpec;
            try
            {
                string outcome = Patch(path);
                Log.LogMessage(MessageImportance.Low, "libtorch compatibility: " + path + ": " + outcome);
            }
            catch (Exception e)
            {
                Log.LogError("libtorch compatibility step failed on " + path + ": " + e.Message);
                return false;
            }
        }
        return !Log.HasLoggedErrors;
    }

    private string Patch(string path)
    {
        byte[] elf = File.ReadAllBytes(path);
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
            throw new InvalidDataException("not an ELF file");
        if (elf[4] != 2 || elf[5] != 1) throw new InvalidDataException("not a little-endian ELF64 file");
        long shoff = (long)BitConverter.ToUInt64(elf, 0x28);
        int shentsize = BitConverter.ToUInt16(elf, 0x3A);
        int shnum = BitConverter.ToUInt16(elf, 0x3C);
        for (int s = 0; s < shnum; s++)
        {
            long sh = shoff + (long)s * shentsize;
            if (BitConverter.ToUInt32(elf, (int)sh + 4) != ShtGnuVerneed) continue;
            long offset = (long)BitConverter.ToUInt64(elf, (int)sh + 0x18);
            uint link = BitConverter.ToUInt32(elf, (int)sh + 0x28);
            uint count = BitConverter.ToUInt32(elf, (int)sh + 0x2C);
            long strtab = (long)BitConverter.ToUInt64(elf, (int)(shoff + (long)link * shentsize) + 0x18);
            long need = offset;
            for (uint n = 0; n < count; n++)
            {
                int auxCount = BitConverter.ToUInt16(elf, (int)need + 2);
                long aux = need + BitConverter.ToUInt32(elf, (int)need + 8);
                for (int a = 0; a < auxCount; a++)
                {
                    ushort flags = BitConverter.ToUInt16(elf, (int)aux + 4);
                    uint name = BitConverter.ToUInt32(elf, (int)aux + 8);
                    if (ReadString(elf, strtab + name) == VersionName)
                    {
                        if ((flags & VerFlgWeak) != 0) return "already weak";
                        byte[] patched = BitConverter.GetBytes((ushort)(flags | VerFlgWeak));
                        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write))
                        {
                            stream.Position = aux + 4;
                            stream.Write(patched, 0, 2);
                        }
                        return "marked weak";
                    }
                    aux += BitConverter.ToUInt32(elf, (int)aux + 12);
                }
                need += BitConverter.ToUInt32(elf, (int)need + 12);
            }
        }
        return "no such requirement";
    }

    private static string ReadString(byte[] bytes, long at)
    {
        int end = (int)at;
        while (bytes[end] != 0) end++;
        return Encoding.ASCII.GetString(bytes, (int)at, end - (int)at);
    }
}
