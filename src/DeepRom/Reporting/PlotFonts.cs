using SkiaSharp;

namespace DeepRom.Reporting;

/// <summary>Whether plot text can be drawn on this machine.</summary>
/// <remarks>
/// Skia's Linux native assets without dependencies look for fonts under the system font folders. With none installed,
/// ScottPlot still renders every line, point and heatmap but silently draws no text at all (no titles, labels or
/// tick numbers). Callers can check this once and warn the user, e.g. to install a font package such as DejaVu.
/// </remarks>
public static class PlotFonts
{
    private static readonly Lazy<bool> Found = new(() =>
    {
        // Only the looked-up typeface is ours to dispose; SKTypeface.Default is a shared instance.
        using SKTypeface? named = SKTypeface.FromFamilyName(ScottPlot.Fonts.Default);
        return HasLatin(named) || HasLatin(SKTypeface.Default);
    });

    private static bool HasLatin(SKTypeface? typeface) => typeface is not null && typeface.GlyphCount > 0 && typeface.GetGlyph('A') != 0;

    /// <summary>True when a font with Latin glyphs is available, so titles, labels and ticks will appear in PNGs.</summary>
    public static bool Available => Found.Value;
}
