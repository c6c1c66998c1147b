using CsCheck;
using DeepRom.Models.Vae;

namespace DeepRom.Tests.Models;

/// <summary>Labels in the user's units map to the latent scale and back, with statistics from the labelled rows only.</summary>
public class LabelStandardisationTests
{
    [Fact]
    public void Statistics_come_from_the_labelled_rows_only()
    {
        var theta = new double[,] { { 10, -1 }, { 20, -3 }, { 1000, 500 }, { 30, -5 } };
        var s = LabelStandardisation.FromLabelled(theta, [0, 1, 3]);
        Assert.Equal(20, s.Mean[0], 12);
        Assert.Equal(10, s.Scale[0], 12);
        Assert.Equal(-3, s.Mean[1], 12);
        Assert.Equal(2, s.Scale[1], 12);
        double[,] z = s.ToLatent(theta);
        Assert.Equal(-1, z[0, 0], 12);
        Assert.Equal(1, z[3, 1] * -1, 12);
    }

    [Fact]
    public void One_label_or_a_constant_parameter_keeps_scale_one()
    {
        var theta = new double[,] { { 7, 2 }, { 9, 2 } };
        Assert.Equal([1.0, 1.0], LabelStandardisation.FromLabelled(theta, [1]).Scale);
        Assert.Equal([9.0, 2.0], LabelStandardisation.FromLabelled(theta, [1]).Mean);
        Assert.Equal(1.0, LabelStandardisation.FromLabelled(theta, [0, 1]).Scale[1]);
        Assert.Equal([0.0, 0.0], LabelStandardisation.FromLabelled(theta, []).Mean);
    }

    [Fact]
    public void Latents_map_back_to_the_parameters_they_came_from()
    {
        Gen.Int[2, 12].SelectMany(n => Gen.Double[-1e4, 1e4].Array2D[n, 3]).Sample(theta =>
        {
            int n = theta.GetLength(0);
            var s = LabelStandardisation.FromLabelled(theta, Enumerable.Range(0, n).ToArray());
            double[,] back = s.ToParameters(s.ToLatent(theta));
            for (int i = 0; i < n; i++)
                for (int j = 0; j < 3; j++)
                    Assert.Equal(theta[i, j], back[i, j], 1e-9 * Math.Max(1, Math.Abs(theta[i, j])));
            double[,] z = s.ToLatent(theta);
            for (int j = 0; j < 3; j++)
            {
                double mean = Enumerable.Range(0, n).Average(i => z[i, j]);
                Assert.Equal(0, mean, 1e-9);
            }
        });
    }
}
