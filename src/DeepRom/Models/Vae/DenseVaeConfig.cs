namespace DeepRom.Models.Vae;

/// <summary>
/// Architecture of the <see cref="DenseVae"/>. Defaults reproduce the reference DenseVAE of seed 001
/// (blocks [4, 6, 4], growth rate 4, 2 initial features, 3 channels, 2 latents on 65 x 65: 7,996,642 parameters).
/// </summary>
public sealed record DenseVaeConfig
{
    public int Channels { get; init; } = 3;
    public int Height { get; init; } = 65;
    public int Width { get; init; } = 65;
    public int Latents { get; init; } = 2;

    /// <summary>Dense-block depths: encoder block, first decoder block, second decoder block.</summary>
    public int[] Blocks { get; init; } = [4, 6, 4];

    public int GrowthRate { get; init; } = 4;
    public int InitFeatures { get; init; } = 2;

    /// <summary>
    /// Width of the hidden layer between the flattened features and the latent code, in encoder and decoder.
    /// Null means half the flattened feature count (1152 for 65 x 65), as in the reference, where these layers hold
    /// over 99 % of the weights; a small width (e.g. 64) makes training several times faster.
    /// </summary>
    public int? HiddenWidth { get; init; }

    /// <summary>Reference: the mean and the log-variance of q(z|y) come from two separate, identical encoders.</summary>
    public bool SeparateEncoders { get; init; } = true;

    /// <summary>How the per-pixel output variance of p(y|z) is found.</summary>
    public OutputVariance OutputVariance { get; init; } = OutputVariance.Learned;

    /// <summary>
    /// With a calibrated output variance: the smallest per-pixel variance, as a fraction of the mean over pixels of
    /// the same minibatch's calibrated variance (per channel when calibrated per channel); 0 = no floor. Without a
    /// floor, pixels that hardly vary across samples (the background of a localised field) drive their variance
    /// towards zero, their weight 1 / sigma^2 without limit, and the moving structure is never learned. A floor of
    /// 0.01 caps any pixel's weight at 100 times the average.
    /// </summary>
    public double OutputVarianceFloor { get; init; }

    /// <summary>Smallest grid the derived shapes support.</summary>
    public const int MinimumGrid = 16;

    /// <summary>Checks the configuration against the data it will see; throws <see cref="ArgumentException"/> with the reason.</summary>
    public void Validate()
    {
        if (Channels < 1) throw new ArgumentException($"channels must be at least 1 (got {Channels})");
        if (Height < MinimumGrid || Width < MinimumGrid)
            throw new ArgumentException($"grid {Height} x {Width} is smaller than the {MinimumGrid} x {MinimumGrid} the DenseVAE needs");
        if (Latents < 1) throw new ArgumentException($"latent size must be at least 1 (got {Latents})");
        if (Blocks.Length != 3 || Blocks.Any(b => b < 1)) throw new ArgumentException("blocks must be three positive depths");
        if (GrowthRate < 1 || InitFeatures < 1) throw new ArgumentException("growth rate and initial features must be positive");
        if (HiddenWidth is < 1) throw new ArgumentException("hidden width must be positive");
        if (!(OutputVarianceFloor >= 0 && OutputVarianceFloor < 1)) throw new ArgumentException($"output variance floor must be in [0, 1) (got {OutputVarianceFloor})");
    }

    /// <summary>Resolution after the stride-2 7x7 input convolution (padding 2).</summary>
    internal (int H, int W) FirstResolution => ((Height - 3) / 2 + 1, (Width - 3) / 2 + 1);

    /// <summary>Resolution of the code-side feature maps, after the stride-2 transition.</summary>
    internal (int H, int W) CodeResolution => ((FirstResolution.H + 1) / 2, (FirstResolution.W + 1) / 2);

    internal int EncoderBlockFeatures => InitFeatures + Blocks[0] * GrowthRate;

    internal int CodeFeatures => EncoderBlockFeatures / 2;

    internal int FlatFeatures => CodeFeatures * CodeResolution.H * CodeResolution.W;

    internal int Hidden => HiddenWidth ?? FlatFeatures / 2;
}
