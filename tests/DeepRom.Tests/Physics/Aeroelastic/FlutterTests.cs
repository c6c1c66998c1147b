using DeepRom.Physics.Aeroelastic;

namespace DeepRom.Tests.Physics.Aeroelastic;

/// <summary>The linear flutter point of Lee, Price &amp; Wong's standard set.</summary>
public class FlutterTests
{
    [Fact]
    public void The_standard_set_flutters_at_the_published_speed_and_frequency()
    {
        FlutterPoint point = FlutterAnalysis.Find(PitchPlungeConfig.Standard);

        // Published: U*_L = 6.2851 and about 0.528 w_alpha; measured 6.285092 and 0.52823.
        Assert.Equal(6.2851, Math.Round(point.Speed, 4));
        Assert.Equal(0.528, point.FrequencyRatio, 0.001);
    }

    [Fact]
    public void The_largest_growth_rate_changes_sign_at_the_flutter_speed()
    {
        double flutter = FlutterAnalysis.Find(PitchPlungeConfig.Standard).Speed;

        Assert.True(FlutterAnalysis.GrowthRate(PitchPlungeConfig.Standard, flutter - 1e-4) < 0);
        Assert.True(FlutterAnalysis.GrowthRate(PitchPlungeConfig.Standard, flutter + 1e-4) > 0);
        Assert.Equal(0, FlutterAnalysis.GrowthRate(PitchPlungeConfig.Standard, flutter), 1e-9);
        foreach (double ratio in new[] { 0.2, 0.5, 0.8, 0.99 })
            Assert.True(FlutterAnalysis.GrowthRate(PitchPlungeConfig.Standard, ratio * flutter) < 0, $"unstable at {ratio} U*_L");
    }

    [Fact]
    public void The_flutter_speed_is_a_property_of_the_linear_system_alone()
    {
        double hardening = FlutterAnalysis.Find(PitchPlungeConfig.Standard).Speed;
        double linear = FlutterAnalysis.Find(PitchPlungeConfig.Standard.WithLinearSpring()).Speed;

        Assert.Equal(linear, hardening);
    }

    [Fact]
    public void Structural_pitch_damping_raises_the_flutter_speed()
    {
        double undamped = FlutterAnalysis.Find(PitchPlungeConfig.Standard).Speed;
        double damped = FlutterAnalysis.Find(PitchPlungeConfig.Standard with { PitchDamping = 0.02, PlungeDamping = 0.02 }).Speed;

        Assert.True(damped > undamped, $"{damped} against {undamped}");
    }
}
