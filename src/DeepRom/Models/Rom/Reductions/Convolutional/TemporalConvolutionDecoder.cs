using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace DeepRom.Models.Rom.Reductions.Convolutional;

/// <summary>
/// The decoding half of the shared backbone, the mirror of <see cref="TemporalConvolutionEncoder"/>: codes (B, r) to
/// simulations (B, T, N) in the standardised units, from the code alone.
/// </summary>
/// <remarks>
/// Each level is upsampled to the exact length the encoder had there (linear interpolation along time, then a
/// stride-1 convolution), which maps any T back without the output-padding bookkeeping of transposed convolutions.
/// The output head is linear, as the data are standardised, not bounded.
/// </remarks>
public sealed class TemporalConvolutionDecoder : Module<Tensor, Tensor>
{
    private readonly Linear expand;
    private readonly ModuleList<TimeConvolution> upsampling;
    private readonly Linear head;
    private readonly int[] lengths;
    private readonly int width;

    public TemporalConvolutionDecoder(TemporalConvolutionConfig config, int steps, int nodes, int codeSize) : base(nameof(TemporalConvolutionDecoder))
    {
        config.Validate();
        if (nodes < 1) throw new ArgumentException($"a time step needs at least one value, got {nodes}");
        if (codeSize < 1) throw new ArgumentException($"the code needs at least one entry, got {codeSize}");
        lengths = config.Lengths(steps);
        width = config.Width;
        expand = Linear(codeSize, width * lengths[^1]);
        upsampling = new ModuleList<TimeConvolution>();
        for (int level = 1; level < lengths.Length; level++)
            upsampling.Add(new TimeConvolution(width, config.Kernel, stride: 1));
        head = Linear(width, nodes);
        RegisterComponents();
    }

    public override Tensor forward(Tensor codes)
    {
        using var scope = NewDisposeScope();
        Tensor h = functional.silu(expand.forward(codes)).view(codes.shape[0], lengths[^1], width);
        // upsampling[k] restores level k's length, so the deepest level is undone first.
        for (int level = lengths.Length - 2; level >= 0; level--)
        {
            h = functional.interpolate(h.permute(0, 2, 1), size: [lengths[level]], mode: InterpolationMode.Linear, align_corners: false).permute(0, 2, 1);
            h = functional.silu(upsampling[level].forward(h));
        }
        return head.forward(h).MoveToOuterDisposeScope();
    }
}
