using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace DeepRom.Physics.Cylinder;

/// <summary>
/// Two-relaxation-time collision: the even part of the populations relaxes at omega+ (which sets the viscosity
/// nu = (1/omega+ - 1/2) / 3), the odd part at omega-, chosen so that (1/omega+ - 1/2)(1/omega- - 1/2) equals the
/// magic parameter.
/// </summary>
public readonly record struct TrtCollision(double OmegaPlus, double OmegaMinus)
{
    /// <summary>
    /// The magic parameter 1/4: it makes the scheme's steady solutions independent of the viscosity for a given
    /// Reynolds number and gives the best stability of the TRT family.
    /// </summary>
    public const double Magic = 0.25;

    /// <summary>The relaxation time tau = 3 nu + 1/2 of the even part.</summary>
    public double Tau => 1 / OmegaPlus;

    /// <summary>The rates for lattice viscosity <paramref name="nu"/> and the magic parameter 1/4.</summary>
    public static TrtCollision ForViscosity(double nu)
    {
        double lambdaPlus = 3 * nu;
        double lambdaMinus = Magic / lambdaPlus;
        return new TrtCollision(1 / (lambdaPlus + 0.5), 1 / (lambdaMinus + 0.5));
    }

    /// <summary>Relaxes nine populations in place (one node).</summary>
    public void Collide(Span<double> f)
    {
        double rho = f[0] + f[1] + f[2] + f[3] + f[4] + f[5] + f[6] + f[7] + f[8];
        double jx = f[1] - f[3] + f[5] - f[6] - f[7] + f[8];
        double jy = f[2] - f[4] + f[5] + f[6] - f[7] - f[8];
        double inv = 1 / rho, jj = 1.5 * (jx * jx + jy * jy) * inv, wp = OmegaPlus, wm = OmegaMinus;
        f[0] -= wp * (f[0] - 4.0 / 9 * (rho - jj));
        Pair(ref f[1], ref f[3], jx, 1.0 / 9, rho, jj, inv, wp, wm);
        Pair(ref f[2], ref f[4], jy, 1.0 / 9, rho, jj, inv, wp, wm);
        Pair(ref f[5], ref f[7], jx + jy, 1.0 / 36, rho, jj, inv, wp, wm);
        Pair(ref f[6], ref f[8], jy - jx, 1.0 / 36, rho, jj, inv, wp, wm);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Pair(ref double a, ref double b, double cj, double w, double rho, double jj, double inv, double wp, double wm)
    {
        double even = 0.5 * (a + b) - w * (rho + 4.5 * cj * cj * inv - jj);
        double odd = 0.5 * (a - b) - w * 3 * cj;
        double change = wp * even, skew = wm * odd;
        a -= change + skew;
        b -= change - skew;
    }

    /// <summary>
    /// The same relaxation for four nodes at once, one per vector lane; written out separately from the scalar form
    /// because Vector256 has no generic-math interface to share one body (a test holds the two equal).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Collide(ref Vector256<double> f0, ref Vector256<double> f1, ref Vector256<double> f2, ref Vector256<double> f3,
        ref Vector256<double> f4, ref Vector256<double> f5, ref Vector256<double> f6, ref Vector256<double> f7, ref Vector256<double> f8)
    {
        var rho = f0 + f1 + f2 + f3 + f4 + f5 + f6 + f7 + f8;
        var jx = f1 - f3 + f5 - f6 - f7 + f8;
        var jy = f2 - f4 + f5 + f6 - f7 - f8;
        var inv = Vector256<double>.One / rho;
        var jj = Vector256.Create(1.5) * (jx * jx + jy * jy) * inv;
        var wp = Vector256.Create(OmegaPlus);
        var wm = Vector256.Create(OmegaMinus);
        f0 -= wp * (f0 - Vector256.Create(4.0 / 9) * (rho - jj));
        Pair(ref f1, ref f3, jx, Vector256.Create(1.0 / 9), rho, jj, inv, wp, wm);
        Pair(ref f2, ref f4, jy, Vector256.Create(1.0 / 9), rho, jj, inv, wp, wm);
        Pair(ref f5, ref f7, jx + jy, Vector256.Create(1.0 / 36), rho, jj, inv, wp, wm);
        Pair(ref f6, ref f8, jy - jx, Vector256.Create(1.0 / 36), rho, jj, inv, wp, wm);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Pair(ref Vector256<double> a, ref Vector256<double> b, Vector256<double> cj, Vector256<double> w,
        Vector256<double> rho, Vector256<double> jj, Vector256<double> inv, Vector256<double> wp, Vector256<double> wm)
    {
        var half = Vector256.Create(0.5);
        var even = half * (a + b) - w * (rho + Vector256.Create(4.5) * cj * cj * inv - jj);
        var odd = half * (a - b) - w * Vector256.Create(3.0) * cj;
        var change = wp * even;
        var skew = wm * odd;
        a -= change + skew;
        b -= change - skew;
    }
}
