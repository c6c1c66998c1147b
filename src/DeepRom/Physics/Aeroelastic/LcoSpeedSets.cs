namespace DeepRom.Physics.Aeroelastic;

/// <summary>
/// The default reduced speeds: a training grid U* = 4.00, 4.25, ..., 9.00 (0.64 to 1.43 U*_L, ten below the flutter speed
/// 6.2851 and eleven above) and a test set at the midpoints 4.125, 4.625, ..., 8.625, each between two training speeds.
/// </summary>
public static class LcoSpeedSets
{
    public const double TrainFirst = 4, TrainLast = 9, TrainStep = 0.25, TestFirst = 4.125, TestStep = 0.5;
    public const int TrainCount = 21, TestCount = 10;

    /// <summary>The 21 training speeds, evenly spaced, both ends included.</summary>
    public static IReadOnlyList<double> Train() => Enumerable.Range(0, TrainCount).Select(k => TrainFirst + k * TrainStep).ToArray();

    /// <summary>The 10 test speeds, halfway between every other pair of training speeds.</summary>
    public static IReadOnlyList<double> Test() => Enumerable.Range(0, TestCount).Select(k => TestFirst + k * TestStep).ToArray();

    /// <summary>
    /// Speeds above flutter for the settled-cycle ROM benchmark: training U* = 6.50, 6.75, ..., 9.00 (11, 1.03 to 1.43 U*_L)
    /// and test speeds at the 10 midpoints 6.625, ..., 8.875. Below flutter the settled motion is zero, and a relative error
    /// of zero is undefined.
    /// </summary>
    public static IReadOnlyList<double> CyclesTrain() => Enumerable.Range(0, 11).Select(k => 6.5 + k * 0.25).ToArray();

    /// <summary>The 10 test speeds of the settled-cycle benchmark, halfway between neighbouring training speeds.</summary>
    public static IReadOnlyList<double> CyclesTest() => Enumerable.Range(0, 10).Select(k => 6.625 + k * 0.25).ToArray();
}
