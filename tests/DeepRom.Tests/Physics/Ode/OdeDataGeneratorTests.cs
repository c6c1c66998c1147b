using System.Text.Json;
using DeepRom.Numerics.Ode;
using DeepRom.Physics.Ode;
using DeepRom.Physics.Ode.Systems;

namespace DeepRom.Tests.Physics.Ode;

/// <summary>The generator: shapes and times, per-trajectory seeds, the reference's noise, and the settings it records.</summary>
public class OdeDataGeneratorTests
{
    [Fact]
    public void Each_trajectory_is_its_own_seeded_draw_integrated_alone_whatever_the_other_splits_hold()
    {
        var small = OdeDataGenerator.Generate(new OdeDataConfig(OdeSystemKind.Vdp, Points: 200, Train: 3, Validation: 2, Test: 2, Seed: 7));
        var larger = OdeDataGenerator.Generate(new OdeDataConfig(OdeSystemKind.Vdp, Points: 200, Train: 9, Validation: 4, Test: 2, Seed: 7));
        var other = OdeDataGenerator.Generate(new OdeDataConfig(OdeSystemKind.Vdp, Points: 200, Train: 3, Validation: 2, Test: 2, Seed: 8));

        Assert.Equal(small.Test.States, larger.Test.States);
        Assert.Equal(small.Train.States, larger.Train.States[..small.Train.States.Length]);
        Assert.Equal(small.Validation.States, larger.Validation.States[..small.Validation.States.Length]);
        Assert.NotEqual(small.Test.States, other.Test.States);

        var system = new VanDerPolOscillator();
        var start = new double[2];
        ((IndependentStarts)system.InitialStates).Test.Sample(TrajectorySeeds.For(7, DataSplit.Test, 1, RandomPurpose.InitialState), start);
        var alone = new double[200 * 2];
        new DormandPrince853(system, ErrorTolerance.GroundTruth).Solve(start, OdeDataConfig.Times(0.01, 200), alone);
        Assert.Equal(alone, small.Test.States[400..]);
    }

    [Fact]
    public void Sets_have_the_shape_times_and_starting_boxes_of_the_reference()
    {
        var sets = OdeDataGenerator.Generate(new OdeDataConfig(OdeSystemKind.Vdp, Points: 50, Train: 40, Validation: 30, Test: 30));

        Assert.Equal([40, 50, 2], sets.Train.StateShape);
        Assert.Equal([30, 50, 2], sets.Test.StateShape);
        Assert.Equal(Enumerable.Range(0, 50).Select(k => k * 0.01).ToArray(), sets.Train.Time);
        Assert.Equal(0.49, sets.Train.Time[^1], 15);
        Assert.Equal("ode", sets.Train.Generator);
        Assert.Null(sets.Train.Params);
        Assert.Empty(sets.Train.Aux);
        // Training starts fill y in [-4, 4], validation and test stay in [-2, 2].
        var trainY = Enumerable.Range(0, 40).Select(m => sets.Train.States[m * 100 + 1]).ToArray();
        var testY = Enumerable.Range(0, 30).Select(m => sets.Test.States[m * 100 + 1]).Concat(
            Enumerable.Range(0, 30).Select(m => sets.Validation.States[m * 100 + 1])).ToArray();
        Assert.True(trainY.Max(Math.Abs) > 2.5);
        Assert.All(trainY, y => Assert.InRange(y, -4, 4));
        Assert.All(testY, y => Assert.InRange(y, -2, 2));
    }

    [Fact]
    public void Noise_has_the_given_fraction_of_each_components_mean_temporal_deviation_and_the_clean_states_are_kept()
    {
        const double level = 0.02;
        var sets = OdeDataGenerator.Generate(new OdeDataConfig(OdeSystemKind.Hopf, Points: 2000, Train: 12, Validation: 6, Test: 6, Noise: level, Seed: 4));

        foreach (var set in new[] { sets.Train, sets.Validation, sets.Test })
        {
            var clean = (double[])set.Aux[OdeDataGenerator.CleanStates].Data;
            Assert.Equal(set.StateShape, set.Aux[OdeDataGenerator.CleanStates].Shape);
            int count = set.Count, steps = set.Steps;
            // The scale, computed here independently: mean over trajectories of each one's population standard deviation in time.
            for (int c = 0; c < 3; c++)
            {
                double scale = Enumerable.Range(0, count).Select(m =>
                {
                    var values = Enumerable.Range(0, steps).Select(k => clean[(m * steps + k) * 3 + c]).ToArray();
                    double mean = values.Average();
                    return Math.Sqrt(values.Select(v => (v - mean) * (v - mean)).Average());
                }).Average();
                var noise = Enumerable.Range(0, count * steps).Select(i => set.States[i * 3 + c] - clean[i * 3 + c]).ToArray();
                double noiseStd = Math.Sqrt(noise.Select(v => v * v).Average());
                using var config = JsonDocument.Parse(set.GeneratorConfig);
                Assert.Equal(scale, config.RootElement.GetProperty("NoiseScale")[c].GetDouble(), 1e-12);
                if (c == 0)
                {
                    // Hopf's mu is constant in time: zero scale, so no noise, as in the reference.
                    Assert.Equal(0, config.RootElement.GetProperty("NoiseScale")[c].GetDouble());
                    Assert.All(noise, v => Assert.Equal(0, v));
                    continue;
                }
                // count * steps >= 12000 draws: the sample deviation is within about 1 % of the true one (3 sigma: 2 %).
                Assert.InRange(noiseStd / scale, level * 0.98, level * 1.02);
                // Zero mean: the sample mean in standard errors (one set here sits at -3.5 of them; 4.5 is a 1-in-150,000 bound).
                Assert.InRange(noise.Average() / (noiseStd / Math.Sqrt(noise.Length)), -4.5, 4.5);
            }
        }
        Assert.NotEqual(sets.Validation.States, sets.Test.States);
    }

    [Fact]
    public void The_generator_config_records_system_parameters_step_tolerance_noise_and_seed()
    {
        var sets = OdeDataGenerator.Generate(new OdeDataConfig(OdeSystemKind.Lorenz, Points: 30, Train: 2, Validation: 1, Test: 1, Noise: 0.01, Seed: 5));

        using var doc = JsonDocument.Parse(sets.Validation.GeneratorConfig);
        var root = doc.RootElement;
        Assert.Equal("lorenz", root.GetProperty("System").GetString());
        Assert.Equal(28, root.GetProperty("Parameters").GetProperty("rho").GetDouble());
        Assert.Equal(8.0 / 3, root.GetProperty("Parameters").GetProperty("beta").GetDouble());
        Assert.Equal(["x", "y", "z"], root.GetProperty("States").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("val", root.GetProperty("Split").GetString());
        Assert.Equal(1, root.GetProperty("Trajectories").GetInt32());
        Assert.Equal(2, root.GetProperty("Counts").GetProperty("train").GetInt32());
        Assert.Equal(5e-4, root.GetProperty("TimeStep").GetDouble());
        Assert.Equal(30, root.GetProperty("Points").GetInt32());
        Assert.Equal(1e-10, root.GetProperty("RelativeTolerance").GetDouble());
        Assert.Equal(0.01, root.GetProperty("Noise").GetDouble());
        Assert.Equal(5, root.GetProperty("Seed").GetInt32());
        Assert.Contains("10000-step warm-up", root.GetProperty("InitialStates").GetString());
        Assert.Contains("DOP853", root.GetProperty("Integrator").GetString());
        Assert.Contains("std(1).mean(0)", root.GetProperty("NoiseDefinition").GetString());
    }

    [Fact]
    public void Generating_twice_gives_the_same_bits()
    {
        var config = new OdeDataConfig(OdeSystemKind.Cubic, Points: 300, Train: 25, Validation: 3, Test: 3, Noise: 0.01, Seed: 2);

        var a = OdeDataGenerator.Generate(config);
        var b = OdeDataGenerator.Generate(config);

        Assert.Equal(a.Train.States, b.Train.States);
        Assert.Equal(a.Test.States, b.Test.States);
        Assert.Equal(a.Train.GeneratorConfig, b.Train.GeneratorConfig);
    }

    [Theory]
    [InlineData(1, null, 0.0, 1e-10, "Points")]
    [InlineData(100, 0, 0.0, 1e-10, "Train")]
    [InlineData(100, null, -0.01, 1e-10, "Noise")]
    [InlineData(100, null, double.NaN, 1e-10, "Noise")]
    [InlineData(100, null, 0.0, 1e-6, "RelativeTolerance")]
    public void Invalid_settings_are_refused_naming_the_setting(int points, int? train, double noise, double rtol, string item)
    {
        var config = new OdeDataConfig(OdeSystemKind.Hyperbolic, Points: points, Train: train, Noise: noise, RelativeTolerance: rtol);

        var e = Assert.Throws<InputException>(() => config.Validate());

        Assert.Equal(item, e.Item);
    }
}
