namespace DeepRom.Physics.Cylinder;

/// <summary>The D2Q9 velocity set (rest, four axis and four diagonal directions), its weights and the second-order equilibrium.</summary>
public static class D2Q9
{
    /// <summary>Number of discrete velocities.</summary>
    public const int Q = 9;

    // The usual numbering: rest, E, N, W, S, NE, NW, SW, SE.
    public static ReadOnlySpan<int> Cx => [0, 1, 0, -1, 0, 1, -1, -1, 1];
    public static ReadOnlySpan<int> Cy => [0, 0, 1, 0, -1, 1, 1, -1, -1];
    public static ReadOnlySpan<double> W => [4.0 / 9, 1.0 / 9, 1.0 / 9, 1.0 / 9, 1.0 / 9, 1.0 / 36, 1.0 / 36, 1.0 / 36, 1.0 / 36];
    public static ReadOnlySpan<int> Opposite => [0, 3, 4, 1, 2, 7, 8, 5, 6];

    /// <summary>The direction with its y component reversed (specular reflection at a wall y = const).</summary>
    public static ReadOnlySpan<int> MirrorY => [0, 1, 4, 3, 2, 8, 7, 6, 5];

    /// <summary>Squared lattice speed of sound, 1/3.</summary>
    public const double SoundSpeedSquared = 1.0 / 3;

    /// <summary>
    /// The equilibrium w_q (rho + 3 c.j + 4.5 (c.j)^2 / rho - 1.5 j^2 / rho) written with the momentum j = rho u, as the
    /// collision uses it, so that its moments are exactly rho and j.
    /// </summary>
    public static double Equilibrium(int q, double rho, double jx, double jy)
    {
        double cj = Cx[q] * jx + Cy[q] * jy;
        return W[q] * (rho + 3 * cj + (4.5 * cj * cj - 1.5 * (jx * jx + jy * jy)) / rho);
    }

    /// <summary>Fills <paramref name="feq"/> (9 values) with the equilibrium for density rho and velocity (ux, uy).</summary>
    public static void EquilibriumForVelocity(double rho, double ux, double uy, Span<double> feq)
    {
        for (int q = 0; q < Q; q++) feq[q] = Equilibrium(q, rho, rho * ux, rho * uy);
    }

    /// <summary>Density and momentum, the zeroth and first moments of the nine populations.</summary>
    public static (double Rho, double Jx, double Jy) Moments(ReadOnlySpan<double> f)
    {
        double rho = 0, jx = 0, jy = 0;
        for (int q = 0; q < Q; q++)
        {
            rho += f[q];
            jx += Cx[q] * f[q];
            jy += Cy[q] * f[q];
        }
        return (rho, jx, jy);
    }
}
