using System.Globalization;

namespace DeepRom.Reporting;

/// <summary>Formats numbers for tables, reports and tick labels: compact, culture-invariant, exponent only when needed.</summary>
public static class NumberText
{
    /// <summary>
    /// Four significant digits; scientific notation (e.g. 1.235e-05) outside [1e-3, 1e5); "NaN", "inf", "-inf" for non-finite.
    /// </summary>
    public static string Format(double value)
    {
        if (double.IsNaN(value)) return "NaN";
        if (double.IsPositiveInfinity(value)) return "inf";
        if (double.IsNegativeInfinity(value)) return "-inf";
        if (value == 0) return "0";
        double magnitude = Math.Abs(value);
        if (magnitude >= 1e-3 && magnitude < 1e5)
        {
            string fixedText = value.ToString("G4", CultureInfo.InvariantCulture);
            // G4 switches to exponent form itself for e.g. 12345.6; keep plain digits in this range.
            return fixedText.Contains('E') ? Math.Round(value).ToString("0", CultureInfo.InvariantCulture) : fixedText;
        }
        return value.ToString("0.###e+00", CultureInfo.InvariantCulture);
    }

    /// <summary>Formats an integer count with no separators.</summary>
    public static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Tick label for a log10 axis: 10^exponent written as 1e-03 … 1e+03, with plain digits near one.</summary>
    internal static string PowerOfTen(double exponent)
    {
        int e = (int)Math.Round(exponent);
        return e switch
        {
            >= 0 and <= 3 => Math.Pow(10, e).ToString("0", CultureInfo.InvariantCulture),
            -1 => "0.1",
            -2 => "0.01",
            _ => "1e" + e.ToString("+00;-00", CultureInfo.InvariantCulture),
        };
    }
}
