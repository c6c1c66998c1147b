namespace DeepRom.Numerics.Ode;

/// <summary>
/// The tolerance an adaptive integrator keeps its local error estimates within: a step is accepted when the root mean square
/// of e_i / (Absolute + Relative max(|x_i|, |x_new,i|)) is at most 1 (Hairer, Norsett &amp; Wanner, Solving ODEs I, II.4).
/// </summary>
public sealed record ErrorTolerance(double Relative, double Absolute)
{
    /// <summary>DeepRom's ground truth for data: rtol 1e-10, atol 1e-12.</summary>
    public static ErrorTolerance GroundTruth { get; } = new(1e-10, 1e-12);

    /// <summary>scipy's solve_ivp defaults (rtol 1e-3, atol 1e-6), with which the HiTS reference made its data.</summary>
    public static ErrorTolerance ScipyDefault { get; } = new(1e-3, 1e-6);

    /// <summary>The error scale of one component over a step from <paramref name="x"/> to <paramref name="xNew"/>.</summary>
    public double Scale(double x, double xNew) => Absolute + Relative * Math.Max(Math.Abs(x), Math.Abs(xNew));

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> unless both tolerances are positive and finite.</summary>
    public void Validate()
    {
        if (!(Relative > 0) || double.IsInfinity(Relative)) throw new ArgumentOutOfRangeException(nameof(Relative), Relative, "must be positive and finite");
        if (!(Absolute > 0) || double.IsInfinity(Absolute)) throw new ArgumentOutOfRangeException(nameof(Absolute), Absolute, "must be positive and finite");
    }
}
