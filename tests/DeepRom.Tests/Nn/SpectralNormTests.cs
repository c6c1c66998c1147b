using CsCheck;
using DeepRom.Nn;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepRom.Tests.Nn;

public class SpectralNormTests : IDisposable
{
    // These networks are tiny: a second libtorch thread only adds synchronisation, which costs milliseconds per operation
    // when the machine is busy, so each test runs on one thread and puts the setting back after.
    private readonly int threads = get_num_threads();

    public SpectralNormTests() => set_num_threads(1);

    public void Dispose() => set_num_threads(threads);

    /// <summary>Same shape and exactly the same values.</summary>
    private static bool Same(Tensor a, Tensor b) => a.shape.SequenceEqual(b.shape) && a.eq(b).all().item<bool>();

    public enum Kind { Linear, Conv1d, ConvTranspose1d }

    private static SpectralNorm Make(Kind kind, int outputs, int inputs, int kernel) => kind switch
    {
        Kind.Linear => SpectralNorm.Linear(inputs, outputs),
        Kind.Conv1d => SpectralNorm.Conv1d(inputs, outputs, kernel, padding: kernel / 2),
        _ => SpectralNorm.ConvTranspose1d(inputs, outputs, kernel, padding: kernel / 2),
    };

    /// <summary>The weight as torch.nn.utils.spectral_norm views it: (out, in * k), output dimension first.</summary>
    private static Tensor Matrix(Kind kind, Tensor weight) => kind == Kind.ConvTranspose1d
        ? weight.transpose(0, 1).reshape(weight.shape[1], -1)
        : weight.reshape(weight.shape[0], -1);

    /// <summary>Writes the matrix (out, in * k) into the layer's weight in the layer's own layout.</summary>
    private static void SetMatrix(SpectralNorm sn, Kind kind, Tensor matrix)
    {
        using var noGrad = no_grad();
        Tensor weight = sn.Weight;
        Tensor shaped = kind switch
        {
            Kind.Linear => matrix,
            Kind.Conv1d => matrix.reshape(weight.shape),
            _ => matrix.reshape(weight.shape[1], weight.shape[0], weight.shape[2]).transpose(0, 1),
        };
        weight.copy_(shaped);
    }

    private static double LargestSingularValue(Tensor matrix) => linalg.svdvals(matrix.to(float64))[0].item<double>();

    private static readonly Gen<(Kind Kind, int Out, int In, int K, int Seed, double Scale)> Layers =
        from kind in Gen.Enum<Kind>()
        from outputs in Gen.Int[1, 24]
        from inputs in Gen.Int[1, 24]
        from k in Gen.Int[0, 2].Select(h => 2 * h + 1)
        from seed in Gen.Int[0, 1_000_000]
        from exponent in Gen.Double[-2, 2]
        select (kind, outputs, inputs, kind == Kind.Linear ? 1 : k, seed, Math.Pow(10, exponent));

    [Fact]
    public void Sigma_converges_to_the_largest_singular_value_and_never_exceeds_it()
    {
        Layers.Sample(c =>
        {
            using var scope = NewDisposeScope();
            manual_seed(c.Seed);
            using var sn = Make(c.Kind, c.Out, c.In, c.K);
            sn.train();
            // A random matrix whose top singular value is 1.5 times the next: power iteration converges as (1/1.5)^(2 n).
            Tensor random = randn(c.Out, c.In * c.K, dtype: float64);
            var (u, s, vh) = linalg.svd(random, fullMatrices: false);
            Tensor spectrum = s.clone();
            if (s.shape[0] > 1) spectrum[0].copy_(s[1] * 1.5);
            Tensor matrix = (u * spectrum.unsqueeze(0)).matmul(vh) * c.Scale;
            SetMatrix(sn, c.Kind, matrix.to(float32));
            double expected = LargestSingularValue(Matrix(c.Kind, sn.Weight));
            Assert.True(sn.Sigma <= expected * (1 + 1e-5), $"sigma {sn.Sigma} above the largest singular value {expected}");
            for (int i = 0; i < 40; i++) sn.NormalisedWeight().Dispose();
            Assert.True(Math.Abs(sn.Sigma - expected) <= 1e-4 * expected, $"{c}: sigma {sn.Sigma}, largest singular value {expected}");
        });
    }

    [Theory]
    [InlineData(Kind.Linear, 16, 40, 1)]
    [InlineData(Kind.Conv1d, 12, 7, 3)]
    [InlineData(Kind.ConvTranspose1d, 5, 9, 3)]
    public void Training_steps_find_sigma_of_a_random_weight_and_the_normalised_weight_has_unit_spectral_norm(Kind kind, int outputs, int inputs, int kernel)
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        using var sn = Make(kind, outputs, inputs, kernel);
        sn.train();
        Tensor x = kind == Kind.Linear ? randn(4, inputs) : randn(4, inputs, 10);
        for (int i = 0; i < 300; i++) sn.forward(x).Dispose();
        double expected = LargestSingularValue(Matrix(kind, sn.Weight));
        Assert.Equal(expected, sn.Sigma, expected * 1e-3);
        sn.eval();
        Assert.Equal(1.0, LargestSingularValue(Matrix(kind, sn.NormalisedWeight())), 1e-3);
    }

    [Fact]
    public void Eval_mode_does_not_iterate_and_training_mode_does()
    {
        using var scope = NewDisposeScope();
        manual_seed(4);
        using var sn = SpectralNorm.Linear(30, 20);
        var buffers = sn.named_buffers().ToDictionary(b => b.name, b => b.buffer);
        Assert.Equal(["u", "v"], buffers.Keys.Order());
        using (no_grad()) sn.Weight.mul_(randn(20, 30));
        Tensor u0 = buffers["u"].clone();
        sn.eval();
        sn.forward(randn(2, 30)).Dispose();
        Assert.True(Same(buffers["u"], u0));
        sn.train();
        sn.forward(randn(2, 30)).Dispose();
        Assert.False(Same(buffers["u"], u0));
    }

    [Fact]
    public void Gradients_flow_and_match_finite_differences()
    {
        using var scope = NewDisposeScope();
        manual_seed(5);
        using var sn = SpectralNorm.Conv1d(3, 4, 3, padding: 1);
        sn.to(float64);
        sn.eval(); // u and v fixed, so the output is a smooth function of the weight
        Tensor x = randn(2, 3, 6, dtype: float64);
        Tensor probe = randn(2, 4, 6, dtype: float64);
        (sn.forward(x) * probe).sum().backward();
        Tensor grad = sn.Weight.grad!.clone();
        Assert.True(grad.abs().max().item<double>() > 0);
        const double h = 1e-6;
        using var noGrad = no_grad();
        Tensor flat = sn.Weight.view(-1);
        foreach (long i in new long[] { 0, 5, 17, 35 })
        {
            double original = flat[i].item<double>();
            flat[i].fill_(original + h);
            double plus = (sn.forward(x) * probe).sum().item<double>();
            flat[i].fill_(original - h);
            double minus = (sn.forward(x) * probe).sum().item<double>();
            flat[i].fill_(original);
            double numeric = (plus - minus) / (2 * h);
            Assert.Equal(numeric, grad.view(-1)[i].item<double>(), 1e-6 * Math.Max(1, Math.Abs(numeric)));
        }
    }

    [Fact]
    public void Singular_vectors_survive_a_save_and_load()
    {
        using var scope = NewDisposeScope();
        manual_seed(6);
        using var trained = SpectralNorm.ConvTranspose1d(5, 3, 3, stride: 2, padding: 1, outputPadding: 1);
        trained.train();
        Tensor x = randn(2, 5, 7);
        for (int i = 0; i < 5; i++) trained.forward(x).Dispose();
        string path = Path.Combine(Path.GetTempPath(), $"spectral-norm-{Guid.NewGuid():N}.bin");
        try
        {
            trained.save(path);
            manual_seed(7);
            using var loaded = SpectralNorm.ConvTranspose1d(5, 3, 3, stride: 2, padding: 1, outputPadding: 1);
            loaded.load(path);
            var before = trained.state_dict();
            var after = loaded.state_dict();
            Assert.Equal(before.Keys.Order(), after.Keys.Order());
            foreach (string key in new[] { "u", "v", "layer.weight" }) Assert.True(Same(before[key], after[key]), key);
            trained.eval();
            loaded.eval();
            Assert.True(Same(trained.forward(x), loaded.forward(x)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Wrapping_a_layer_it_cannot_normalise_is_refused()
    {
        using var norm = nn.BatchNorm1d(3);
        Assert.Throws<ArgumentException>(() => new SpectralNorm(norm));
    }
}
