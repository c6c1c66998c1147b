using DeepRom.Nn;
using DeepRom.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace DeepRom.Models.Rom.Reductions.Convolutional;

/// <summary>
/// The deterministic baseline of seed 000: a convolutional autoencoder whose dense bottleneck is the code (as many entries
/// as the latent budget), trained on the mean squared reconstruction error.
/// </summary>
public sealed class ConvolutionalAutoencoder : nn.Module, ISimulationNetwork
{
    private readonly TemporalConvolutionEncoder encoder;
    private readonly Linear bottleneck;
    private readonly TemporalConvolutionDecoder decoder;

    /// <param name="steps">Time steps T of a simulation (1 for static data).</param>
    /// <param name="nodes">Values N per time step (channels x grid).</param>
    /// <param name="codeSize">The latent budget r.</param>
    public ConvolutionalAutoencoder(ConvolutionalAutoencoderConfig config, int steps, int nodes, int codeSize) : base(nameof(ConvolutionalAutoencoder))
    {
        config.Validate();
        if (codeSize < 1) throw new ArgumentException($"the latent budget must be at least 1, got {codeSize}");
        Config = config;
        CodeSize = codeSize;
        encoder = new TemporalConvolutionEncoder(config.Backbone, steps, nodes);
        bottleneck = Linear(encoder.Features, codeSize);
        decoder = new TemporalConvolutionDecoder(config.Backbone, steps, nodes, codeSize);
        RegisterComponents();
    }

    public ConvolutionalAutoencoderConfig Config { get; }

    public nn.Module Module => this;

    public int CodeSize { get; }

    public Tensor Encode(Tensor simulations)
    {
        using var features = encoder.forward(simulations);
        return bottleneck.forward(features);
    }

    public Tensor Decode(Tensor codes) => decoder.forward(codes);

    public StepLoss Loss(Tensor simulations)
    {
        using var scope = NewDisposeScope();
        Tensor mse = (Decode(Encode(simulations)) - simulations).Squared().mean();
        return new StepLoss(mse.MoveToOuterDisposeScope(), new Dictionary<string, double> { ["mse"] = mse.item<float>() });
    }
}
