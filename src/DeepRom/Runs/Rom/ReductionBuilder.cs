using DeepRom.Models.Rom;
using DeepRom.Models.Rom.Reductions;
using DeepRom.Models.Rom.Reductions.Convolutional;
using DeepRom.Training;
using TorchSharp;

namespace DeepRom.Runs.Rom;

/// <summary>Builds the reduction a <see cref="RomRunConfig"/> names, untrained, for simulations of a given shape.</summary>
public static class ReductionBuilder
{
    /// <summary>
    /// The reduction of <paramref name="config"/> for simulations of <paramref name="steps"/> x <paramref name="nodes"/>
    /// values; a network is initialised from the config's seed. Settings that cannot work are an <see cref="InputException"/>.
    /// </summary>
    public static IReduction Create(RomRunConfig config, int steps, int nodes)
    {
        if (config.Latent < 1) throw new InputException("--latent", config.Latent.ToString(System.Globalization.CultureInfo.InvariantCulture), "the latent budget must be at least 1");
        if (config.Reduction == ReductionKind.Pod) return new Pod(new PodConfig(config.Latent, config.EnergyTarget));
        TrainerConfig trainer = config.Trainer ?? throw new InputException("config.json", "Trainer", $"missing: a {ChoiceName.Of(config.Reduction)} fit needs its training settings");
        try { trainer.Validate(); }
        catch (ArgumentException e) { throw new InputException("config.json", "Trainer", e.Message); }
        torch.manual_seed(config.Seed);
        ISimulationNetwork network;
        try
        {
            network = config.Reduction switch
            {
                ReductionKind.Cae => new ConvolutionalAutoencoder(config.Cae ?? new ConvolutionalAutoencoderConfig(), steps, nodes, config.Latent),
                ReductionKind.BetaVae => new BetaVae(config.BetaVae ?? new BetaVaeConfig(), steps, nodes, config.Latent),
                ReductionKind.LshVae => LshVae.Create(config.LshVae ?? new LshVaeConfig().WithCodeSize(config.Latent), steps, nodes),
                _ => throw new InputException("--model", config.Reduction.ToString(), "unknown reduction"),
            };
        }
        catch (ArgumentException e)
        {
            throw new InputException("config.json", ChoiceName.Of(config.Reduction), e.Message);
        }
        return new NeuralReduction(network, steps, nodes, trainer);
    }
}
