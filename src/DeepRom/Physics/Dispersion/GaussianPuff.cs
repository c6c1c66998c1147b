namespace DeepRom.Physics.Dispersion;

/// <summary>
/// Exact solution of c_t + u c_x + v c_y = D (c_xx + c_yy) in free space for a Gaussian release of width sigma0 at
/// (x0, y0) at t = 0: c = M / (2 pi s^2) exp(-((x - x0 - u t)^2 + (y - y0 - v t)^2) / (2 s^2)), s^2 = sigma0^2 + 2 D t.
/// </summary>
/// <param name="Mass">Released mass M (the integral of c over the plane, conserved).</param>
/// <param name="ReleaseX">Release point x0 (m).</param>
/// <param name="ReleaseY">Release point y0 (m).</param>
/// <param name="WindX">Wind component u (m/s).</param>
/// <param name="WindY">Wind component v (m/s).</param>
/// <param name="Diffusivity">Eddy diffusivity D (m^2/s), the same in both directions.</param>
/// <param name="InitialWidth">Standard deviation sigma0 (m) of the release.</param>
public readonly record struct GaussianPuff(
    double Mass,
    double ReleaseX,
    double ReleaseY,
    double WindX,
    double WindY,
    double Diffusivity,
    double InitialWidth)
{
    /// <summary>Variance s^2 = sigma0^2 + 2 D t of the puff in each direction at time <paramref name="t"/>.</summary>
    public double Variance(double t) => InitialWidth * InitialWidth + 2 * Diffusivity * t;

    /// <summary>x of the centre, x0 + u t: the wind carries the puff without changing its shape.</summary>
    public double CentreX(double t) => ReleaseX + WindX * t;

    /// <summary>y of the centre, y0 + v t.</summary>
    public double CentreY(double t) => ReleaseY + WindY * t;

    /// <summary>Concentration at the centre, M / (2 pi s^2), the largest value at time <paramref name="t"/>.</summary>
    public double Peak(double t) => Mass / (2 * Math.PI * Variance(t));

    /// <summary>Concentration c(x, y, t).</summary>
    public double Concentration(double x, double y, double t)
    {
        double variance = Variance(t);
        double dx = x - CentreX(t), dy = y - CentreY(t);
        return Mass / (2 * Math.PI * variance) * Math.Exp(-(dx * dx + dy * dy) / (2 * variance));
    }
}
