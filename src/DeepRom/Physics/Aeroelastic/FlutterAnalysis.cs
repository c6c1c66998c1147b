using System.Numerics;
using DeepRom.Numerics.LinearAlgebra;
using DeepRom.Numerics.Roots;

namespace DeepRom.Physics.Aeroelastic;

/// <summary>Linear stability of the pitch-plunge airfoil: its modes at a given speed and the flutter speed where the first one goes unstable.</summary>
public static class FlutterAnalysis
{
    /// <summary>Step of the scan that brackets the first crossing, from <see cref="ScanStart"/> upward.</summary>
    public const double ScanStep = 0.05, ScanStart = 0.05, ScanEnd = 100;

    /// <summary>The eigenvalues of the linearised system at <paramref name="speed"/>, in 1/tau, largest real part first.</summary>
    public static Complex[] Modes(PitchPlungeConfig config, double speed) =>
        RealEigenvalues.Of(new PitchPlungeField(config, speed).Linearisation());

    /// <summary>The largest real part among the modes: negative when every small motion decays.</summary>
    public static double GrowthRate(PitchPlungeConfig config, double speed) => Modes(config, speed)[0].Real;

    /// <summary>
    /// The first speed where <see cref="GrowthRate"/> crosses zero: bracketed by a scan in steps of <see cref="ScanStep"/>, then
    /// refined by Brent's method to <paramref name="tolerance"/>. The growth rate is a maximum over branches, continuous but
    /// kinked where branches swap; the bracket holds one crossing, where the unstable branch is smooth.
    /// </summary>
    public static FlutterPoint Find(PitchPlungeConfig config, double tolerance = 1e-9)
    {
        config.Validate();
        double previous = ScanStart;
        if (GrowthRate(config, previous) >= 0) throw new InvalidOperationException($"the airfoil is already unstable at U* = {previous}");
        for (double speed = ScanStart + ScanStep; speed <= ScanEnd; speed = Math.Round(speed + ScanStep, 10))
        {
            if (GrowthRate(config, speed) >= 0)
            {
                double flutter = BrentRoot.Find(u => GrowthRate(config, u), previous, speed, tolerance);
                Complex mode = Modes(config, flutter)[0];
                return new FlutterPoint(flutter, Math.Abs(mode.Imaginary) * flutter, tolerance);
            }
            previous = speed;
        }
        throw new InvalidOperationException($"no flutter below U* = {ScanEnd}");
    }
}
