namespace DeepRom.Physics.Cylinder;

/// <summary>The default Reynolds numbers of the wake data set: training points spread over 60..200, test points between them.</summary>
public static class WakeReynoldsSets
{
    /// <summary>60, 80, ..., 200.</summary>
    public static IReadOnlyList<double> Train { get; } = [60, 80, 100, 120, 140, 160, 180, 200];

    /// <summary>70, 110, 150, 190: each halfway between two training points.</summary>
    public static IReadOnlyList<double> Test { get; } = [70, 110, 150, 190];

    /// <summary>Williamson's fit for the unconfined cylinder, St = -3.3265 / Re + 0.1816 + 1.6e-4 Re (49 &lt; Re &lt; 178).</summary>
    public static double WilliamsonStrouhal(double re) => -3.3265 / re + 0.1816 + 1.6e-4 * re;
}
