using System.Text.Json;
using DeepRom.Physics.KuramotoSivashinsky;

namespace DeepRom.Tests.Physics.KuramotoSivashinsky;

/// <summary>The generator: the sequence it stores, its times and settings, the random start and the config's rules.</summary>
public class KuramotoSivashinskyGeneratorTests
{
    [Fact]
    public void Snapshots_are_every_save_every_th_step_after_the_transient()
    {
        var config = new KuramotoSivashinskyConfig(Points: 64, DomainLength: 22, TimeStep: 0.05, Snapshots: 5, SaveEvery: 3, Transient: 1.02);

        var set = KuramotoSivashinskyGenerator.Generate(config);

        Assert.Equal([1, 5, 64], set.StateShape);
        Assert.Equal([0, 0.15, 0.3, 0.45, 0.6], set.Time.Select(t => Math.Round(t, 12)));
        Assert.Equal(20, config.TransientSteps);
        var solver = new KuramotoSivashinskySolver(64, 22, 0.05);
        solver.SetState(InitialProfiles.Random(solver.Grid, 22, 0));
        solver.Advance(20 + 3 * 4);
        var last = new double[64];
        solver.CopyState(last);
        Assert.Equal(last, set.States[(4 * 64)..]);
        Assert.Equal("ks", set.Generator);
        Assert.Null(set.Params);
    }

    [Fact]
    public void The_papers_start_has_no_transient_and_is_the_first_snapshot()
    {
        var config = new KuramotoSivashinskyConfig(Points: 128, DomainLength: 32 * Math.PI, TimeStep: 0.25, Snapshots: 3, SaveEvery: 1,
            Init: InitialProfile.KassamTrefethen);

        var set = KuramotoSivashinskyGenerator.Generate(config);

        Assert.Equal(0, config.TransientSteps);
        double[] x = Enumerable.Range(1, 128).Select(j => 32 * Math.PI * j / 128).ToArray();
        for (int j = 0; j < 128; j++) Assert.Equal(Math.Cos(x[j] / 16) * (1 + Math.Sin(x[j] / 16)), set.States[j], 1e-13);
    }

    [Fact]
    public void The_random_start_is_small_smooth_zero_mean_and_fixed_by_its_seed()
    {
        double[] grid = Enumerable.Range(1, 256).Select(j => 100.0 * j / 256).ToArray();
        double[] a = InitialProfiles.Random(grid, 100, 7), b = InitialProfiles.Random(grid, 100, 7), c = InitialProfiles.Random(grid, 100, 8);

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.Equal(0, a.Average(), 1e-15);
        Assert.Equal(InitialProfiles.RandomAmplitude, Math.Sqrt(a.Average(v => v * v)), 14);
        // Only modes with 2 pi n / L < 1 (n <= 15 for L = 100) are present.
        var fft = new DeepRom.Numerics.Fft.RealFft(256);
        var re = new double[129];
        var im = new double[129];
        fft.Forward(a, re, im);
        for (int n = 16; n <= 128; n++) Assert.True(Math.Abs(re[n]) + Math.Abs(im[n]) < 1e-14, $"mode {n}");
        Assert.True(Enumerable.Range(1, 15).Count(n => Math.Abs(re[n]) + Math.Abs(im[n]) > 1e-4) >= 12);
    }

    [Fact]
    public void The_settings_record_the_domain_grid_scheme_and_sampling()
    {
        var config = new KuramotoSivashinskyConfig(Points: 16, Snapshots: 2, Transient: 0.5, Seed: 3);

        using var json = JsonDocument.Parse(KuramotoSivashinskyGenerator.Generate(config).GeneratorConfig);
        var root = json.RootElement;

        Assert.Equal(32 * Math.PI, root.GetProperty("DomainLength").GetDouble());
        Assert.Equal(16, root.GetProperty("Points").GetInt32());
        Assert.Equal(2 * Math.PI, root.GetProperty("GridSpacing").GetDouble(), 14);
        Assert.Contains("j = 1..Points", root.GetProperty("Grid").GetString());
        Assert.Contains("ETDRK4", root.GetProperty("Scheme").GetString());
        Assert.Equal(0.025, root.GetProperty("TimeStep").GetDouble());
        Assert.Equal(10, root.GetProperty("SaveEvery").GetInt32());
        Assert.Equal(0.25, root.GetProperty("SampleInterval").GetDouble(), 15);
        Assert.Equal(20, root.GetProperty("TransientSteps").GetInt64());
        Assert.Equal("random", root.GetProperty("Init").GetString());
        Assert.Equal(3, root.GetProperty("Seed").GetInt32());
    }

    [Theory]
    [InlineData(nameof(KuramotoSivashinskyConfig.Points), 12, "power of two")]
    [InlineData(nameof(KuramotoSivashinskyConfig.Points), 4, "at least 8")]
    [InlineData(nameof(KuramotoSivashinskyConfig.DomainLength), 0.0, "positive")]
    [InlineData(nameof(KuramotoSivashinskyConfig.DomainLength), double.PositiveInfinity, "finite")]
    [InlineData(nameof(KuramotoSivashinskyConfig.TimeStep), -0.1, "positive")]
    [InlineData(nameof(KuramotoSivashinskyConfig.TimeStep), double.NaN, "positive")]
    [InlineData(nameof(KuramotoSivashinskyConfig.Snapshots), 1, "at least 2")]
    [InlineData(nameof(KuramotoSivashinskyConfig.SaveEvery), 0, "at least 1")]
    [InlineData(nameof(KuramotoSivashinskyConfig.Transient), -1.0, "non-negative")]
    public void Invalid_settings_are_refused_naming_the_setting(string item, object value, string problem)
    {
        var config = item switch
        {
            nameof(KuramotoSivashinskyConfig.Points) => new KuramotoSivashinskyConfig(Points: (int)value),
            nameof(KuramotoSivashinskyConfig.DomainLength) => new KuramotoSivashinskyConfig(DomainLength: (double)value),
            nameof(KuramotoSivashinskyConfig.TimeStep) => new KuramotoSivashinskyConfig(TimeStep: (double)value),
            nameof(KuramotoSivashinskyConfig.Snapshots) => new KuramotoSivashinskyConfig(Snapshots: (int)value),
            nameof(KuramotoSivashinskyConfig.SaveEvery) => new KuramotoSivashinskyConfig(SaveEvery: (int)value),
            _ => new KuramotoSivashinskyConfig(Transient: (double)value),
        };

        var e = Assert.Throws<InputException>(() => config.Validate());

        Assert.Equal(item, e.Item);
        Assert.Contains(problem, e.Problem);
    }
}
