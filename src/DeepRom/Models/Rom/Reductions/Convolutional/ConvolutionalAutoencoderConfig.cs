namespace DeepRom.Models.Rom.Reductions.Convolutional;

/// <summary>Settings of a <see cref="ConvolutionalAutoencoder"/>: its backbone (the code size is the latent budget).</summary>
public sealed record ConvolutionalAutoencoderConfig
{
    public TemporalConvolutionConfig Backbone { get; init; } = new();

    /// <summary>Throws <see cref="ArgumentException"/> for settings that cannot work.</summary>
    public void Validate() => Backbone.Validate();
}
