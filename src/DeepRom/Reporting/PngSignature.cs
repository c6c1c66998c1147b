namespace DeepRom.Reporting;

/// <summary>The eight-byte signature every PNG file starts with.</summary>
internal static class PngSignature
{
    private static readonly byte[] Bytes = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static bool Matches(ReadOnlySpan<byte> data) => data.Length > Bytes.Length && data[..Bytes.Length].SequenceEqual(Bytes);
}
