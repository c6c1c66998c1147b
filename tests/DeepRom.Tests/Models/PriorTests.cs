using DeepRom.Models.Priors;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepRom.Tests.Models;

public class PriorTests
{
    [Fact]
    public void Standard_normal_kl_matches_the_closed_form()
    {
        using var scope = NewDisposeScope();
        var prior = new StandardNormalPrior(2);
        var mu = tensor(new float[] { 1, -2 }).reshape(1, 2);
        var logVar = tensor(new float[] { 0, (float)Math.Log(0.25) }).reshape(1, 2);
        double expected = 0.5 * (1 + 1 - 1 - 0) + 0.5 * (0.25 + 4 - 1 - Math.Log(0.25));
        Assert.Equal(expected, prior.Regularisation(mu, logVar, mu).item<float>(), 5);
    }

    [Fact]
    public void Scaled_prior_kl_uses_variances_one_and_two()
    {
        using var scope = NewDisposeScope();
        var prior = ScaledGaussianPrior.Default(2);
        var mu = tensor(new float[] { 0, 1 }).reshape(1, 2);
        var logVar = zeros(1, 2);
        // dim 1: KL(N(0,1)||N(0,1)) = 0; dim 2: 0.5 (log 2 - 0 + (1 + 1)/2 - 1).
        Assert.Equal(0.5 * Math.Log(2), prior.Regularisation(mu, logVar, mu).item<float>(), 5);
        var samples = prior.Sample(20000);
        Assert.Equal(2.0, samples.select(1, 1).var().item<float>(), 1);
        Assert.Equal(1.0, samples.select(1, 0).var().item<float>(), 1);
    }

    [Fact]
    public void Hierarchical_prior_decoder_mean_can_be_negative()
    {
        // The reference's prior decoder forced its mean through a ReLU; here a negative mean must come through.
        using var scope = NewDisposeScope();
        var prior = new HierarchicalPrior(2);
        using (no_grad())
        {
            foreach (var (name, p) in prior.named_parameters())
                if (name.StartsWith("priorDecoder.4")) p.fill_(name.EndsWith("bias") ? -5f : 0f);
        }
        var z = prior.Sample(4000);
        Assert.Equal(-5.0, z.mean().item<float>(), 0);
    }

    [Fact]
    public void Hierarchical_regulariser_adds_a_positive_prior_cost_to_the_posterior_log_density()
    {
        // The estimate is log q(z|y) + KL(q(xi|z)||p(xi)) - log p(z|xi). At initialisation p(z|xi) has unit variance,
        // so -log p(z|xi) >= log(2 pi) > 0 and KL >= 0: the mean estimate must exceed E[log q(z|y)], which is minus
        // the entropy of q, known in closed form.
        using var scope = NewDisposeScope();
        manual_seed(7);
        var prior = new HierarchicalPrior(2);
        var mu = tensor(new float[] { 0.3f, -0.2f }).reshape(1, 2).expand(20000, 2);
        var logVar = full(new long[] { 20000, 2 }, -1f);
        var z = mu + (0.5 * logVar).exp() * randn_like(mu);
        double estimate = prior.Regularisation(mu, logVar, z).mean().item<float>();
        // log q(z|y) averages to minus the entropy of q: -0.5 d (1 + log 2 pi) - 0.5 sum logVar.
        double expectedLogQ = -0.5 * 2 * (1 + Math.Log(2 * Math.PI)) - 0.5 * 2 * -1;
        Assert.True(double.IsFinite(estimate));
        Assert.True(estimate > expectedLogQ + Math.Log(2 * Math.PI), $"estimate {estimate} must exceed E log q + log 2 pi = {expectedLogQ + Math.Log(2 * Math.PI)}");
    }
}
