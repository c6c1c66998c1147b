using DeepRom.Nn;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepRom.Models.Rom.Reductions;

/// <summary>
/// The descendant LSH-VAE's per-node min-max scaling of simulations (B, T, N) to [-range, range], fitted over all
/// training simulations and time steps and kept in buffers so that it is saved with the weights.
/// </summary>
public sealed class LshVaeNodeScaling : nn.Module
{
    private readonly Tensor low;
    private readonly Tensor high;
    private readonly double range;

    /// <summary>An identity-equivalent scaling for <paramref name="values"/> nodes until <see cref="Fit"/> is called.</summary>
    public LshVaeNodeScaling(long values, double range) : base(nameof(LshVaeNodeScaling))
    {
        this.range = range;
        low = full(values, HeldScalar.Of(-range));
        high = full(values, HeldScalar.Of(range));
        RegisterComponents();
    }

    /// <summary>Sets each node's minimum and maximum from simulations (P, T, N). A node that never varies gets a unit span.</summary>
    public void Fit(Tensor simulations)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        Tensor flat = simulations.reshape(-1, simulations.shape[2]).to(float32);
        Tensor min = flat.amin(0), max = flat.amax(0);
        Tensor flatNode = (max - min).le(HeldScalar.Of(1e-12));
        low.copy_(min);
        high.copy_(where(flatNode, min.Plus(1), max));
    }

    /// <summary>Simulations (B, T, N) mapped to [-range, range] per node.</summary>
    public Tensor Scale(Tensor x)
    {
        using var scope = NewDisposeScope();
        return ((x - low) / (high - low)).Times(2 * range).Minus(range).MoveToOuterDisposeScope();
    }

    /// <summary>The inverse of <see cref="Scale"/>.</summary>
    public Tensor Unscale(Tensor y)
    {
        using var scope = NewDisposeScope();
        return (y.Plus(range).div(HeldScalar.Of(2 * range)) * (high - low)).Plus(low).MoveToOuterDisposeScope();
    }
}
