namespace DeepRom.Metrics;

/// <summary>What S_D and r2_linear together say about a latent space.</summary>
public enum LatentSpaceKind
{
    /// <summary>Each latent follows one generative parameter (S_D at or above the threshold).</summary>
    Disentangled,

    /// <summary>The latents hold the parameters (an affine map recovers them) but along rotated or mixed axes.</summary>
    Rotated,

    /// <summary>An affine map of the latents misses part of the parameters' variance: lost, or held nonlinearly.</summary>
    PartlyRecovered,

    /// <summary>S_D below the threshold, and no r2_linear to tell rotation from loss.</summary>
    Entangled,
}

/// <summary>
/// Reads a run's S_D and r2_linear as one verdict, so that a user sees at once whether a low S_D means mixed axes
/// (the information is there; the standard normal prior cannot prefer the parameter axes to any rotation of them on
/// isotropic parameters) or lost information.
/// </summary>
public sealed record DisentanglementVerdict(LatentSpaceKind Kind, double SdMean, double? R2Linear, double SdThreshold)
{
    /// <summary>S_D from which a latent space counts as disentangled, unless a study sets its own.</summary>
    public const double DefaultSdThreshold = 0.9;

    /// <summary>r2_linear from which the latents count as holding every parameter.</summary>
    public const double R2Threshold = 0.9;

    /// <summary>The verdict on <paramref name="metrics"/>, or null when they have no sd_mean (data without parameters).</summary>
    public static DisentanglementVerdict? From(IReadOnlyDictionary<string, double?> metrics, double sdThreshold = DefaultSdThreshold)
    {
        if (metrics.GetValueOrDefault("sd_mean") is not { } sd || !double.IsFinite(sd)) return null;
        double? r2 = metrics.GetValueOrDefault("r2_linear") is { } v && double.IsFinite(v) ? v : null;
        LatentSpaceKind kind = sd >= sdThreshold ? LatentSpaceKind.Disentangled
            : r2 is null ? LatentSpaceKind.Entangled
            : r2 >= R2Threshold ? LatentSpaceKind.Rotated
            : LatentSpaceKind.PartlyRecovered;
        return new DisentanglementVerdict(kind, sd, r2, sdThreshold);
    }

    /// <summary>One sentence for the console and the report.</summary>
    public string Describe()
    {
        string sd = Number(SdMean), r2 = R2Linear is { } v ? Number(v) : "n/a", threshold = Number(SdThreshold);
        return Kind switch
        {
            LatentSpaceKind.Disentangled => $"disentangled: each latent follows one parameter (S_D {sd} >= {threshold})",
            LatentSpaceKind.Rotated =>
                $"rotated: the latents hold the parameters (r2_linear {r2}) but along mixed axes (S_D {sd}); " +
                "an isotropic prior cannot prefer the parameter axes; a few labelled samples (e.g. --labels 16) align them",
            LatentSpaceKind.Entangled => $"not disentangled (S_D {sd} < {threshold})",
            _ => $"partly recovered: an affine map of the latents recovers only {r2} of the parameters' variance, the rest is lost or held nonlinearly (S_D {sd})",
        };
    }

    private static string Number(double x) => x.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
}
