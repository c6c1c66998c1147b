using System.Globalization;

namespace DeepRom.Physics.Burgers;

/// <summary>The parameter box mu1 in [4.25, 5.5], mu2 in [0.015, 0.03] of Lee &amp; Carlberg and the training and test points in it.</summary>
public static class BurgersParameterSets
{
    public const double Mu1Min = 4.25, Mu1Max = 5.5, Mu2Min = 0.015, Mu2Max = 0.03;
    public const int Mu1Count = 10, Mu2Count = 8;

    /// <summary>The two test points of the literature, (4.3, 0.021) and (5.15, 0.0285).</summary>
    public static IReadOnlyList<BurgersParameters> Literature { get; } = [new(4.3, 0.021), new(5.15, 0.0285)];

    /// <summary>Number of seeded random points <see cref="Test"/> adds to <see cref="Literature"/>.</summary>
    public const int RandomTestPoints = 8;

    /// <summary>True when <paramref name="p"/> lies in the closed box (false for NaN).</summary>
    public static bool Contains(BurgersParameters p) =>
        p.Mu1 >= Mu1Min && p.Mu1 <= Mu1Max && p.Mu2 >= Mu2Min && p.Mu2 <= Mu2Max;

    /// <summary>The box as text for messages.</summary>
    public static string Describe() => string.Create(CultureInfo.InvariantCulture, $"mu1 in [{Mu1Min}, {Mu1Max}], mu2 in [{Mu2Min}, {Mu2Max}]");

    /// <summary>The 10 x 8 training grid: mu1 slowest, both ranges evenly spaced with both ends included.</summary>
    public static IReadOnlyList<BurgersParameters> Train()
    {
        var grid = new List<BurgersParameters>(Mu1Count * Mu2Count);
        for (int i = 0; i < Mu1Count; i++)
            for (int j = 0; j < Mu2Count; j++)
                grid.Add(new(Even(Mu1Min, Mu1Max, i, Mu1Count), Even(Mu2Min, Mu2Max, j, Mu2Count)));
        return grid;
    }

    /// <summary>The literature points followed by <see cref="RandomTestPoints"/> points drawn uniformly from the open box with <see cref="Random"/>(<paramref name="seed"/>).</summary>
    public static IReadOnlyList<BurgersParameters> Test(int seed)
    {
        var random = new Random(seed);
        var points = new List<BurgersParameters>(Literature);
        for (int k = 0; k < RandomTestPoints; k++)
        {
            double mu1 = Interior(random, Mu1Min, Mu1Max);
            points.Add(new(mu1, Interior(random, Mu2Min, Mu2Max)));
        }
        return points;
    }

    // The last point is set to the upper end itself: lo + (hi - lo) can round away from hi (0.015 + 0.015 vs 0.03).
    private static double Even(double lo, double hi, int k, int count) => k == count - 1 ? hi : lo + (hi - lo) * k / (count - 1);

    // NextDouble is in [0, 1): redraw the (improbable) zero, and the open interior also excludes a sum that rounds onto hi.
    private static double Interior(Random random, double lo, double hi)
    {
        while (true)
        {
            double value = lo + (hi - lo) * random.NextDouble();
            if (value > lo && value < hi) return value;
        }
    }
}
