using DeepRom.Data;
using DeepRom.Models.Rom;
using DeepRom.Models.Rom.Interpolation;

namespace DeepRom.Tests.Models.Rom;

public class LatentConditionerTests
{
    /// <summary>Three smooth codes of different sizes over Burgers' parameter box.</summary>
    private static double[] Codes(double[] p)
    {
        double u = (p[0] - 4.25) / 1.25, v = (p[1] - 0.015) / 0.015;
        return [10 * Math.Sin(2 * u) + 3 * v, 2 * u * v - 1, 0.5 * Math.Cos(u - 2 * v)];
    }

    private static double[][] Grid(int n) =>
        (from i in Enumerable.Range(0, n) from j in Enumerable.Range(0, n) select new[] { 4.25 + 1.25 * i / (n - 1), 0.015 + 0.015 * j / (n - 1) }).ToArray();

    private static LatentConditioner Fitted(ConditionerConfig config, double[][] points)
    {
        var conditioner = new LatentConditioner(config);
        conditioner.Fit(points, points.Select(Codes).ToArray());
        return conditioner;
    }

    private static double[][] Queries(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => new[] { 4.25 + 1.25 * random.NextDouble(), 0.015 + 0.015 * random.NextDouble() }).ToArray();
    }

    [Fact]
    public void It_fits_a_smooth_map_with_a_small_error_at_held_out_points()
    {
        var conditioner = Fitted(new ConditionerConfig(), Grid(8));

        double error = 0, size = 0;
        foreach (var q in Queries(200, 1))
        {
            var p = conditioner.Predict(q);
            Assert.False(p.Extrapolated);
            Assert.Empty(p.Neighbours);
            double[] truth = Codes(q);
            error += p.Code.Zip(truth, (a, b) => (a - b) * (a - b)).Sum();
            size += truth.Sum(t => t * t);
        }
        double relative = Math.Sqrt(error / size);
        Assert.True(relative < 0.01, $"relative RMS error {relative:g3} at held-out points");
        Assert.InRange(conditioner.TrainingRms, 0, 0.01);
        Assert.InRange(conditioner.FitSeconds, 1e-6, 60);
    }

    [Fact]
    public void The_same_seed_gives_the_same_bits_and_another_seed_other_weights()
    {
        var config = new ConditionerConfig(Iterations: 200, Seed: 3);
        var a = Fitted(config, Grid(5));
        var b = Fitted(config, Grid(5));
        var c = Fitted(config with { Seed = 4 }, Grid(5));

        foreach (var q in Queries(20, 2))
        {
            Assert.Equal(a.Predict(q).Code, b.Predict(q).Code);
            Assert.NotEqual(a.Predict(q).Code, c.Predict(q).Code);
        }
    }

    [Fact]
    public void Saved_and_read_back_it_predicts_the_same_bits()
    {
        var points = Grid(5);
        var conditioner = Fitted(new ConditionerConfig(Hidden: 16, Layers: 3, Iterations: 100), points);
        string path = Path.Combine(Path.GetTempPath(), $"deeprom-conditioner-{Guid.NewGuid():N}.bin");
        try
        {
            ChecksummedArrayFile.Write(path, conditioner.Arrays(), force: false);
            var loaded = LatentConditioner.Restore(conditioner.Config, ChecksummedArrayFile.Read(path), points);

            foreach (var q in Queries(20, 3).Append([6.0, 0.02]))
            {
                var (x, y) = (conditioner.Predict(q), loaded.Predict(q));
                Assert.True(x.Code.AsSpan().SequenceEqual(y.Code), "the read-back conditioner predicts other bits");
                Assert.Equal(x.Extrapolated, y.Extrapolated);
            }
            Assert.Equal(conditioner.Description, loaded.Description);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Arrays_that_do_not_fit_the_settings_are_refused_naming_the_array()
    {
        var points = Grid(3);
        var conditioner = Fitted(new ConditionerConfig(Hidden: 8, Iterations: 10), points);
        var arrays = conditioner.Arrays();

        var wider = Assert.Throws<ArgumentException>(() => LatentConditioner.Restore(conditioner.Config with { Hidden = 9 }, arrays, points));
        Assert.Contains("layer0_weight", wider.Message);
        arrays.Remove("layer1_bias");
        Assert.Contains("layer1_bias", Assert.Throws<ArgumentException>(() => LatentConditioner.Restore(conditioner.Config, arrays, points)).Message);
    }

    [Fact]
    public void Outside_the_hull_the_network_extrapolates_and_says_so()
    {
        var conditioner = Fitted(new ConditionerConfig(Iterations: 300), Grid(4));

        Assert.False(conditioner.Contains([5.7, 0.02]));
        var outside = conditioner.Predict([5.7, 0.02]);
        Assert.True(outside.Extrapolated);
        Assert.NotEqual(conditioner.Predict([5.5, 0.02]).Code, outside.Code); // not clamped to the hull like a stencil
        Assert.All(outside.Code, v => Assert.True(double.IsFinite(v)));
    }

    [Fact]
    public void Settings_no_network_can_be_trained_with_are_refused()
    {
        var points = Grid(3);
        var codes = points.Select(Codes).ToArray();
        Assert.Throws<ArgumentException>(() => new LatentConditioner(new ConditionerConfig(Hidden: 0)).Fit(points, codes));
        Assert.Throws<ArgumentException>(() => new LatentConditioner(new ConditionerConfig(Iterations: 0)).Fit(points, codes));
        Assert.Throws<ArgumentException>(() => new LatentConditioner(new ConditionerConfig(LearningRate: double.NaN)).Fit(points, codes));
    }
}
