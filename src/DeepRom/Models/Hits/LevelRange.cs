using System.Globalization;
using System.Text.Json.Serialization;

namespace DeepRom.Models.Hits;

/// <summary>
/// A contiguous range of levels k = <see cref="Lowest"/> .. <see cref="Highest"/> of the hierarchy; level k steps 2^k dt.
/// Written "A-B" (or "K" for one level) on the command line and in files.
/// </summary>
public sealed record LevelRange(int Lowest, int Highest)
{
    /// <summary>The deepest level accepted: 2^20 steps are already far more than any trajectory holds.</summary>
    public const int MaxLevel = 20;

    /// <summary>The reference's hierarchy: 1, 2, 4, ..., 1024 dt.</summary>
    public static LevelRange Reference { get; } = new(0, 10);

    [JsonIgnore]
    public int Count => Highest - Lowest + 1;

    /// <summary>Levels from the finest to the coarsest.</summary>
    [JsonIgnore]
    public IEnumerable<int> Levels => Enumerable.Range(Lowest, Count);

    /// <summary>The step of the coarsest level, in samples.</summary>
    [JsonIgnore]
    public int LargestStep => StepOf(Highest);

    /// <summary>The step of level <paramref name="level"/> in samples (multiples of dt): 2^level.</summary>
    public static int StepOf(int level) => 1 << level;

    public bool Contains(LevelRange other) => other.Lowest >= Lowest && other.Highest <= Highest;

    /// <summary>Position of <paramref name="level"/> within the range (0 for <see cref="Lowest"/>).</summary>
    public int IndexOf(int level) => level >= Lowest && level <= Highest ? level - Lowest
        : throw new ArgumentOutOfRangeException(nameof(level), level, $"not in levels {this}");

    /// <summary>Every contiguous sub-range, finest first.</summary>
    public IEnumerable<LevelRange> SubRanges() =>
        from low in Levels from high in Enumerable.Range(low, Highest - low + 1) select new LevelRange(low, high);

    public override string ToString() => Lowest == Highest ? Lowest.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{Lowest}-{Highest}");

    /// <summary>Parses "A-B" or "K"; anything else is an <see cref="InputException"/> naming <paramref name="source"/>.</summary>
    public static LevelRange Parse(string text, string source)
    {
        string[] parts = text.Trim().Split('-');
        if (parts.Length is < 1 or > 2 || !parts.All(p => int.TryParse(p.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            throw new InputException(source, $"'{text}'", "expected levels as A-B (e.g. 0-10) or one level K");
        int low = int.Parse(parts[0].Trim(), CultureInfo.InvariantCulture);
        int high = int.Parse(parts[^1].Trim(), CultureInfo.InvariantCulture);
        if (low > high) throw new InputException(source, $"'{text}'", "the first level must not exceed the last");
        if (high > MaxLevel) throw new InputException(source, $"'{text}'", $"levels run from 0 to {MaxLevel}");
        return new LevelRange(low, high);
    }
}
