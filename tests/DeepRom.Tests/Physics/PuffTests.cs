using DeepRom.Physics.Dispersion;

namespace DeepRom.Tests.Physics;

/// <summary>The Gaussian puff solves advection-diffusion, and the generator stores it on the documented grid and parameters.</summary>
public class PuffTests
{
    private static readonly PuffConfig Defaults = new();

    // A mass other than the data set's so that nothing depends on the unit-peak normalisation.
    private static readonly GaussianPuff Puff = new(Mass: 7, ReleaseX: 30, ReleaseY: 40, WindX: 0.5, WindY: 0.25, Diffusivity: 0.5, InitialWidth: 4);

    /// <summary>c_t + u c_x + v c_y - D (c_xx + c_yy) by second-order central differences of step h in t, x and y.</summary>
    private static double Residual(GaussianPuff p, double x, double y, double t, double h)
    {
        double c = p.Concentration(x, y, t);
        double ct = (p.Concentration(x, y, t + h) - p.Concentration(x, y, t - h)) / (2 * h);
        double cxPlus = p.Concentration(x + h, y, t), cxMinus = p.Concentration(x - h, y, t);
        double cyPlus = p.Concentration(x, y + h, t), cyMinus = p.Concentration(x, y - h, t);
        double cx = (cxPlus - cxMinus) / (2 * h), cy = (cyPlus - cyMinus) / (2 * h);
        double cxx = (cxPlus - 2 * c + cxMinus) / (h * h), cyy = (cyPlus - 2 * c + cyMinus) / (h * h);
        return ct + p.WindX * cx + p.WindY * cy - p.Diffusivity * (cxx + cyy);
    }

    [Theory]
    [InlineData(63, 52, 60)]   // beside the centre (60, 55) at T
    [InlineData(48, 61, 60)]   // on the flank, more than one width away
    [InlineData(33, 38, 5)]    // shortly after the release
    public void The_solution_satisfies_the_pde_to_second_order(double x, double y, double t)
    {
        double[] steps = [0.4, 0.2, 0.1];
        double[] residuals = steps.Select(h => Math.Abs(Residual(Puff, x, y, t, h))).ToArray();
        // The terms themselves, to show the residual is small against them and not small by accident.
        double scale = Math.Abs((Puff.Concentration(x, y, t + 1e-3) - Puff.Concentration(x, y, t - 1e-3)) / 2e-3);
        Assert.True(scale > 0);
        for (int k = 1; k < steps.Length; k++)
        {
            double ratio = residuals[k - 1] / residuals[k];
            Assert.True(ratio > 3.8 && ratio < 4.2, $"halving h from {steps[k - 1]} shrank the residual by {ratio}, expected about 4 (h^2)");
        }
        Assert.True(residuals[^1] < 1e-3 * scale, $"residual {residuals[^1]} against |c_t| = {scale}");
    }

    /// <summary>Mass, centre and variance per axis of c(., ., t) by the midpoint rule on a grid far larger than the puff.</summary>
    private static (double Mass, double X, double Y, double VarianceX, double VarianceY) Moments(GaussianPuff p, double t)
    {
        const double lo = -200, hi = 500, step = 0.5;
        int cells = (int)((hi - lo) / step);
        double mass = 0, sx = 0, sy = 0, sxx = 0, syy = 0;
        for (int j = 0; j < cells; j++)
        {
            double y = lo + (j + 0.5) * step;
            for (int i = 0; i < cells; i++)
            {
                double x = lo + (i + 0.5) * step;
                double m = p.Concentration(x, y, t) * step * step;
                mass += m;
                sx += m * x;
                sy += m * y;
                sxx += m * x * x;
                syy += m * y * y;
            }
        }
        double cx = sx / mass, cy = sy / mass;
        return (mass, cx, cy, sxx / mass - cx * cx, syy / mass - cy * cy);
    }

    [Fact]
    public void Mass_is_conserved_the_centre_moves_with_the_wind_and_the_width_grows_diffusively()
    {
        double[] times = [0, 60, 300];
        var moments = times.Select(t => Moments(Puff, t)).ToArray();
        for (int k = 0; k < times.Length; k++)
        {
            double t = times[k];
            var m = moments[k];
            Assert.True(Math.Abs(m.Mass - Puff.Mass) < 1e-9 * Puff.Mass, $"mass {m.Mass} at t = {t}");
            Assert.True(Math.Abs(m.X - (30 + 0.5 * t)) < 1e-8, $"centre x {m.X} at t = {t}");
            Assert.True(Math.Abs(m.Y - (40 + 0.25 * t)) < 1e-8, $"centre y {m.Y} at t = {t}");
            double expected = 4 * 4 + 2 * 0.5 * t;
            Assert.True(Math.Abs(Math.Sqrt(m.VarianceX) - Math.Sqrt(expected)) < 1e-6, $"width x {Math.Sqrt(m.VarianceX)} at t = {t}");
            Assert.True(Math.Abs(Math.Sqrt(m.VarianceY) - Math.Sqrt(expected)) < 1e-6, $"width y {Math.Sqrt(m.VarianceY)} at t = {t}");
        }
        // The centre's velocity between the times is the wind.
        for (int k = 1; k < times.Length; k++)
        {
            double dt = times[k] - times[k - 1];
            Assert.Equal(0.5, (moments[k].X - moments[k - 1].X) / dt, 1e-9);
            Assert.Equal(0.25, (moments[k].Y - moments[k - 1].Y) / dt, 1e-9);
        }
    }

    [Fact]
    public void The_stored_field_peaks_at_one_on_the_node_under_the_centre()
    {
        // h = 100/64 = 1.5625 m; release (32.5, 25.625) puts the centre at T = 60 s on (62.5, 40.625) = node i = 40, j = 26.
        int n = Defaults.Nodes;
        var field = new float[n * n];
        PuffGenerator.Fill(Defaults, 32.5, 25.625, field);

        int argmax = Array.IndexOf(field, field.Max());
        Assert.Equal((26, 40), (argmax / n, argmax % n));
        Assert.Equal(1f, field[26 * n + 40]);
        // Rows are y, columns x: the neighbours one node away in x and in y are equal (isotropic puff).
        Assert.Equal(field[26 * n + 41], field[27 * n + 40]);
        Assert.All(field, v => Assert.InRange(v, 0f, 1f));
    }

    [Fact]
    public void The_stored_field_is_the_solution_divided_by_its_peak()
    {
        var config = Defaults with { Nodes = 33, Count = 8, Seed = 5 };
        var set = PuffGenerator.Generate(config);
        int n = config.Nodes, size = n * n;
        double h = 100.0 / (n - 1);
        for (int q = 0; q < config.Count; q++)
        {
            var puff = Puff with { ReleaseX = set.Params![2 * q], ReleaseY = set.Params[2 * q + 1] };
            double peak = puff.Peak(60);
            for (int j = 0; j < n; j++)
                for (int i = 0; i < n; i++)
                {
                    double expected = puff.Concentration(i * h, j * h, 60) / peak;
                    Assert.True(Math.Abs(set.Fields[q * size + j * n + i] - expected) <= 1e-6 * Math.Max(expected, 1e-30),
                        $"sample {q} node ({j}, {i}): {set.Fields[q * size + j * n + i]} vs {expected}");
                }
        }
    }

    [Fact]
    public void Every_sample_peaks_near_one_on_the_node_nearest_its_centre()
    {
        var config = Defaults with { Count = 200, Seed = 9 };
        var set = PuffGenerator.Generate(config);
        int n = config.Nodes, size = n * n;
        double h = config.NodeSpacing;
        // The centre is at most h / sqrt(2) from a node: the nodal maximum is at least exp(-h^2 / (4 s^2)).
        double lowest = Math.Exp(-h * h / (4 * (16 + 2 * 0.5 * 60)));
        for (int q = 0; q < config.Count; q++)
        {
            var sample = set.Fields.AsSpan(q * size, size);
            int argmax = sample.IndexOf(Largest(sample));
            double xc = set.Params![2 * q] + 0.5 * 60, yc = set.Params[2 * q + 1] + 0.25 * 60;
            Assert.Equal(((int)Math.Round(yc / h), (int)Math.Round(xc / h)), (argmax / n, argmax % n));
            Assert.InRange(sample[argmax], (float)lowest, 1f);
        }
    }

    private static float Largest(ReadOnlySpan<float> values)
    {
        float max = float.MinValue;
        foreach (float v in values) max = Math.Max(max, v);
        return max;
    }

    [Fact]
    public void Most_of_the_field_is_near_zero()
    {
        var set = PuffGenerator.Generate(Defaults with { Count = 64 });
        double small = set.Fields.Count(v => v < 0.01) / (double)set.Fields.Length;
        Assert.True(small > 0.7, $"only {small:P0} of the pixels are below 0.01");
    }

    [Fact]
    public void Release_points_are_uniform_on_the_stated_range()
    {
        var config = Defaults with { Count = 20000, Seed = 17 };
        double[] points = ReleasePoints.Draw(config);
        foreach (int axis in new[] { 0, 1 })
        {
            double[] v = Enumerable.Range(0, config.Count).Select(q => points[2 * q + axis]).ToArray();
            double mean = v.Average(), variance = v.Sum(a => (a - mean) * (a - mean)) / (v.Length - 1);
            Assert.True(Math.Abs(mean - 35) < 0.3, $"axis {axis}: mean {mean}, expected 35"); // standard error 0.06
            Assert.True(Math.Abs(variance - 75) < 3, $"axis {axis}: variance {variance}, expected 30^2 / 12 = 75");
            Assert.InRange(v.Min(), 20, 20.05);
            Assert.InRange(v.Max(), 49.95, 50);
        }
        double correlation = Enumerable.Range(0, config.Count).Sum(q => (points[2 * q] - 35) * (points[2 * q + 1] - 35)) / config.Count / 75;
        Assert.True(Math.Abs(correlation) < 0.03, $"x0 and y0 correlate: {correlation}");
    }

    [Fact]
    public void Data_set_has_the_documented_shapes_names_and_config()
    {
        var config = Defaults with { Nodes = 17, Count = 6, Seed = 11 };
        var progress = new List<int>();
        var set = PuffGenerator.Generate(config, new SynchronousProgress(progress));
        Assert.Equal([6, 1, 17, 17], set.FieldShape);
        Assert.Equal(6 * 17 * 17, set.Fields.Length);
        Assert.Equal(["concentration"], set.Channels);
        Assert.Equal(["release_x", "release_y"], set.ParamNames!);
        Assert.Equal(ReleasePoints.Draw(config), set.Params);
        Assert.Null(set.Time);
        Assert.Empty(set.Aux);
        Assert.Equal("puff", set.Generator);
        Assert.Equal(config, PuffConfig.FromJson(set.GeneratorConfig));
        Assert.Contains("\"Diffusivity\":0.5", set.GeneratorConfig);
        Assert.Equal(Enumerable.Range(1, 6), progress.Order());
    }

    [Fact]
    public void Generation_is_reproducible_and_depends_on_the_seed()
    {
        var config = Defaults with { Nodes = 33, Count = 64, Seed = 2 };
        var first = PuffGenerator.Generate(config);
        var second = PuffGenerator.Generate(config);
        var other = PuffGenerator.Generate(config with { Seed = 3 });
        Assert.Equal(first.Fields, second.Fields);
        Assert.Equal(first.Params, second.Params);
        Assert.NotEqual(first.Params, other.Params);
        Assert.NotEqual(first.Fields, other.Fields);
    }

    [Theory]
    [InlineData(nameof(PuffConfig.Nodes))]
    [InlineData(nameof(PuffConfig.Count))]
    [InlineData(nameof(PuffConfig.InitialWidth))]
    [InlineData(nameof(PuffConfig.Diffusivity))]
    [InlineData(nameof(PuffConfig.ReleaseMax))]
    [InlineData(nameof(PuffConfig.WindX))]
    public void Invalid_settings_are_named(string item)
    {
        PuffConfig bad = item switch
        {
            nameof(PuffConfig.Nodes) => Defaults with { Nodes = 15 },
            nameof(PuffConfig.Count) => Defaults with { Count = 0 },
            nameof(PuffConfig.InitialWidth) => Defaults with { InitialWidth = 0 },
            nameof(PuffConfig.Diffusivity) => Defaults with { Diffusivity = double.NaN },
            nameof(PuffConfig.ReleaseMax) => Defaults with { ReleaseMax = 20 },
            _ => Defaults with { WindX = 1 }, // centre up to 50 + 60 = 110 m, outside [0, 100]
        };
        var e = Assert.Throws<InputException>(() => bad.Validate());
        Assert.Equal(item, e.Item);
    }

    [Fact]
    public void The_default_settings_are_valid_and_keep_every_centre_inside_the_domain()
    {
        Defaults.Validate();
        Assert.Equal(100.0 / 64, Defaults.NodeSpacing);
        var puff = Defaults.ReleasedAt(20, 50);
        Assert.Equal((50.0, 65.0), (puff.CentreX(60), puff.CentreY(60)));
        Assert.Equal(1.0, puff.Peak(60));
    }

    private sealed class SynchronousProgress(List<int> seen) : IProgress<int>
    {
        public void Report(int value) { lock (seen) seen.Add(value); }
    }
}
