using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace DeepRom.Models.Rom.Reductions.Convolutional;

/// <summary>
/// The encoding half of the shared backbone: simulations (B, T, N) to flat features (B, <see cref="Features"/>). As in
/// the LSH-VAE's public descendant, the nodal values are the channels and the convolutions run along time.
/// </summary>
/// <remarks>
/// The lift from N nodal values to the width is a linear layer applied at every time step rather than a 1 x 1
/// convolution: it reads the (B, T, N) tensor in its own layout, and the whole backbone stays in that (B, T, features)
/// layout, in which <see cref="TimeConvolution"/> works.
/// </remarks>
public sealed class TemporalConvolutionEncoder : Module<Tensor, Tensor>
{
    private readonly Linear lift;
    private readonly ModuleList<TimeConvolution> downsampling;

    public TemporalConvolutionEncoder(TemporalConvolutionConfig config, int steps, int nodes) : base(nameof(TemporalConvolutionEncoder))
    {
        config.Validate();
        if (nodes < 1) throw new ArgumentException($"a time step needs at least one value, got {nodes}");
        Lengths = config.Lengths(steps);
        lift = Linear(nodes, config.Width);
        downsampling = new ModuleList<TimeConvolution>();
        for (int level = 1; level < Lengths.Length; level++)
            downsampling.Add(new TimeConvolution(config.Width, config.Kernel, stride: 2));
        Width = config.Width;
        RegisterComponents();
    }

    /// <summary>Time steps at each level, input first, bottleneck last.</summary>
    public int[] Lengths { get; }

    public int Width { get; }

    /// <summary>Length of the flat feature vector: width x the bottleneck's time steps.</summary>
    public int Features => Width * Lengths[^1];

    public override Tensor forward(Tensor simulations)
    {
        using var scope = NewDisposeScope();
        Tensor h = functional.silu(lift.forward(simulations));
        foreach (var convolution in downsampling) h = functional.silu(convolution.forward(h));
        return h.flatten(1).MoveToOuterDisposeScope();
    }
}
