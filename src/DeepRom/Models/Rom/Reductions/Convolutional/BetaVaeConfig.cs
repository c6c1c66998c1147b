namespace DeepRom.Models.Rom.Reductions.Convolutional;

/// <summary>Settings of a <see cref="BetaVae"/>: its backbone and the annealing of its KL weight (the latent size is the budget).</summary>
public sealed record BetaVaeConfig
{
    public TemporalConvolutionConfig Backbone { get; init; } = new();

    public BetaAnnealing Beta { get; init; } = new();

    /// <summary>Throws <see cref="ArgumentException"/> for settings that cannot work.</summary>
    public void Validate()
    {
        Backbone.Validate();
        Beta.Validate();
    }
}
