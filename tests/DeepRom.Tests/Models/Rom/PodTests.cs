using DeepRom.Models.Rom.Reductions;
using MathNet.Numerics.LinearAlgebra;

namespace DeepRom.Tests.Models.Rom;

public class PodTests
{
    /// <summary>P simulations of length n that are the mean plus a combination of <paramref name="rank"/> fixed patterns.</summary>
    private static double[][] RankR(int p, int n, int rank, int seed)
    {
        var random = new Random(seed);
        var mean = Enumerable.Range(0, n).Select(i => Math.Sin(0.1 * i) + 2).ToArray();
        var patterns = Enumerable.Range(0, rank).Select(_ => Enumerable.Range(0, n).Select(_ => random.NextDouble() - 0.5).ToArray()).ToArray();
        return Enumerable.Range(0, p).Select(_ =>
        {
            var x = (double[])mean.Clone();
            foreach (var pattern in patterns)
            {
                double a = 3 * (random.NextDouble() - 0.5);
                for (int i = 0; i < n; i++) x[i] += a * pattern[i];
            }
            return x;
        }).ToArray();
    }

    [Fact]
    public void A_rank_r_data_set_is_reproduced_exactly_with_r_modes()
    {
        var data = RankR(12, 3000, 4, seed: 1);
        var pod = new Pod(new PodConfig(MaxRank: 20, EnergyTarget: 1));

        double[][] codes = pod.Fit(data);

        Assert.Equal(4, pod.LatentSize); // the budget is cut at the numerical rank
        Assert.Equal(1, pod.EnergyCaptured, 12);
        for (int j = 0; j < data.Length; j++)
        {
            var back = pod.Decode(codes[j]);
            double err = Math.Sqrt(back.Zip(data[j], (a, b) => (a - b) * (a - b)).Sum() / data[j].Sum(v => v * v));
            Assert.True(err < 1e-12, $"simulation {j}: relative error {err}");
        }
        for (int a = 0; a < pod.LatentSize; a++)
        for (int b = 0; b < pod.LatentSize; b++)
            Assert.Equal(a == b ? 1 : 0, pod.Modes[a].Zip(pod.Modes[b], (x, y) => x * y).Sum(), 12);
    }

    [Fact]
    public void Singular_values_match_the_svd_of_the_centred_snapshot_matrix()
    {
        var random = new Random(3);
        var data = Enumerable.Range(0, 7).Select(_ => Enumerable.Range(0, 40).Select(_ => random.NextDouble()).ToArray()).ToArray();
        var pod = new Pod(new PodConfig(MaxRank: 3, EnergyTarget: 1));
        pod.Fit(data);

        var x = Matrix<double>.Build.Dense(40, 7, (i, j) => data[j][i] - data.Average(s => s[i]));
        var expected = x.Svd().S;
        for (int k = 0; k < 6; k++) Assert.Equal(expected[k], pod.SingularValues[k], 10);
        Assert.True(pod.SingularValues[6] < 1e-6); // centring removes one direction
        Assert.Equal(3, pod.LatentSize);
        double energy = expected.Take(3).Sum(s => s * s) / expected.Sum(s => s * s);
        Assert.Equal(energy, pod.EnergyCaptured, 12);
    }

    [Fact]
    public void The_energy_target_cuts_the_budget_and_encode_is_the_projection()
    {
        var data = RankR(10, 500, 6, seed: 2);
        var full = new Pod(new PodConfig(MaxRank: 20, EnergyTarget: 1));
        full.Fit(data);
        double target = Pod.EnergyOf(full.SingularValues, 3) - 1e-9;
        var cut = new Pod(new PodConfig(MaxRank: 20, EnergyTarget: target));

        var codes = cut.Fit(data);

        Assert.Equal(3, cut.LatentSize);
        Assert.Equal(codes[4], cut.Encode(data[4]));
    }

    [Fact]
    public void Fewer_than_two_simulations_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new Pod(new PodConfig()).Fit([new double[5]]));
    }
}
