using DeepRom.Physics.Aeroelastic;
using static DeepRom.Physics.Aeroelastic.PitchPlungeState;

namespace DeepRom.Tests.Physics.Aeroelastic;

/// <summary>The hardening airfoil: decay below flutter, a periodic limit cycle above it whose amplitude grows with U*.</summary>
public class LimitCycleTests
{
    private static readonly double Flutter = FlutterAnalysis.Find(PitchPlungeConfig.Standard).Speed;

    /// <summary>The pitch history of one run, sampled every quarter tau so that parabolic peak refinement is exact to far below 1e-4.</summary>
    private static double[] Pitch(double speed, double initialPitch = Math.PI / 180, double duration = 4000)
    {
        var config = new LcoDataConfig(Duration: duration, Samples: (int)(4 * duration) + 1, InitialPitch: initialPitch);
        var states = new double[config.Samples * Dimension];
        LcoSolver.Run(config, speed, states);
        return Enumerable.Range(0, config.Samples).Select(k => states[k * Dimension + PitchPlungeState.Pitch]).ToArray();
    }

    private static double Amplitude(double speed, double initialPitch = Math.PI / 180)
    {
        double[] peaks = LimitCycleAmplitude.PitchPeaks(Pitch(speed, initialPitch));
        Assert.True(peaks.Length >= 8, $"{peaks.Length} peaks in the last quarter at U* = {speed}");
        double largest = peaks.Max(), smallest = peaks.Min();
        Assert.True((largest - smallest) / largest < 1e-4, $"U* = {speed}: peaks from {smallest} to {largest}, not periodic");
        return peaks.Average();
    }

    [Fact]
    public void Below_the_flutter_speed_the_largest_pitch_falls_from_one_stretch_to_the_next_and_the_motion_dies_out()
    {
        // Two oscillating modes beat, so single peaks may rise; the largest |pitch| per 200 tau (two to three periods) may not.
        double[] pitch = Pitch(0.8 * Flutter, duration: 2000);
        const int stretch = 800;
        double[] largest = pitch.Chunk(stretch).Select(c => c.Max(Math.Abs)).ToArray();

        for (int i = 1; i < largest.Length; i++) Assert.True(largest[i] < largest[i - 1], $"stretch {i} rose: {largest[i - 1]} -> {largest[i]}");
        Assert.True(pitch.Skip(3 * pitch.Length / 4).Max(Math.Abs) < 1e-10);
    }

    [Fact]
    public void Above_the_flutter_speed_the_limit_cycle_is_periodic_and_its_amplitude_grows_with_speed()
    {
        double[] ratios = [1.1, 1.25, 1.4];
        double[] amplitudes = ratios.Select(r => Amplitude(r * Flutter)).ToArray();

        for (int i = 1; i < amplitudes.Length; i++)
            Assert.True(amplitudes[i] > amplitudes[i - 1] * 1.1, $"amplitude {amplitudes[i]} at {ratios[i]} U*_L, {amplitudes[i - 1]} at {ratios[i - 1]}");
    }

    [Fact]
    public void The_limit_cycle_attracts_small_and_large_starts_alike()
    {
        double fromSmall = Amplitude(1.25 * Flutter, Math.PI / 180), fromLarge = Amplitude(1.25 * Flutter, 40 * Math.PI / 180);

        Assert.Equal(1, fromLarge / fromSmall, 1e-4);
    }

    [Fact]
    public void Near_flutter_the_amplitude_grows_like_the_square_root_of_the_excess_speed()
    {
        // A supercritical Hopf bifurcation: amplitude^2 proportional to U* - U*_L, so doubling the excess scales it by sqrt 2.
        double ratio = Amplitude(1.02 * Flutter) / Amplitude(1.01 * Flutter);

        Assert.InRange(ratio, 1.39, 1.44); // measured 1.420
    }
}
