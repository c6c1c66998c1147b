using DeepRom.Data;

namespace DeepRom.Reporting;

/// <summary>Saves rendered figures and reports atomically (temporary file, then rename), refusing to overwrite unless forced.</summary>
public static class ReportFile
{
    /// <summary>Writes PNG bytes from one of the plot functions to <paramref name="path"/>.</summary>
    public static void WritePng(string path, byte[] png, bool force)
    {
        ArgumentNullException.ThrowIfNull(png);
        if (!PngSignature.Matches(png)) throw new ArgumentException("bytes are not a PNG image", nameof(png));
        AtomicFile.WriteAllBytes(path, png, force);
    }

    /// <summary>Writes the report's HTML (UTF-8) to <paramref name="path"/>.</summary>
    public static void WriteHtml(string path, HtmlReport report, bool force)
    {
        ArgumentNullException.ThrowIfNull(report);
        AtomicFile.WriteAllText(path, report.ToHtml(), force);
    }

    /// <summary>Writes a Markdown table (e.g. an experiment summary) to <paramref name="path"/>.</summary>
    public static void WriteMarkdown(string path, string markdown, bool force)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        AtomicFile.WriteAllText(path, markdown, force);
    }
}
