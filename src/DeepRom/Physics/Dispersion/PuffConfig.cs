using System.Text.Json;
using System.Text.Json.Serialization;

namespace DeepRom.Physics.Dispersion;

/// <summary>Settings of the moving-puff data set: one Gaussian puff per sample, released at a random point, seen at time T.</summary>
/// <param name="Nodes">Nodes per side n of the grid x_i = i L / (n - 1) on [0, L]^2.</param>
/// <param name="DomainLength">Side L of the square domain (m).</param>
/// <param name="WindX">Wind component u (m/s).</param>
/// <param name="WindY">Wind component v (m/s).</param>
/// <param name="Diffusivity">Eddy diffusivity D (m^2/s).</param>
/// <param name="InitialWidth">Standard deviation sigma0 of the release (m).</param>
/// <param name="Time">Time T after the release at which the field is stored (s).</param>
/// <param name="ReleaseMin">Lower end of the uniform range of each release coordinate x0, y0 (m).</param>
/// <param name="ReleaseMax">Upper end of that range (m).</param>
/// <param name="Count">Number of samples N.</param>
/// <param name="Seed">Seed of the release-point sampler.</param>
public sealed record PuffConfig(
    int Nodes = 65,
    double DomainLength = 100,
    double WindX = 0.5,
    double WindY = 0.25,
    double Diffusivity = 0.5,
    double InitialWidth = 4,
    double Time = 60,
    double ReleaseMin = 20,
    double ReleaseMax = 50,
    int Count = 1024,
    int Seed = 0)
{
    /// <summary>Distance h = L / (n - 1) between neighbouring nodes (m).</summary>
    [JsonIgnore]
    public double NodeSpacing => DomainLength / (Nodes - 1);

    /// <summary>
    /// The puff released at (<paramref name="releaseX"/>, <paramref name="releaseY"/>) with mass M = 2 pi s(T)^2, so that its
    /// concentration at time T is c / c_peak: dimensionless, 1 at the centre.
    /// </summary>
    public GaussianPuff ReleasedAt(double releaseX, double releaseY)
    {
        var puff = new GaussianPuff(1, releaseX, releaseY, WindX, WindY, Diffusivity, InitialWidth);
        return puff with { Mass = 2 * Math.PI * puff.Variance(Time) };
    }

    /// <summary>Throws <see cref="InputException"/> naming the first invalid setting; <paramref name="source"/> names where it came from.</summary>
    public void Validate(string source = "puff config")
    {
        // Fewer nodes leave the puff (a few metres wide on a 100 m domain) a handful of pixels.
        if (Nodes < 16) throw new InputException(source, nameof(Nodes), $"must be at least 16, got {Nodes}");
        RequirePositive(source, nameof(DomainLength), DomainLength);
        RequireFinite(source, nameof(WindX), WindX);
        RequireFinite(source, nameof(WindY), WindY);
        if (!(Diffusivity >= 0) || double.IsInfinity(Diffusivity))
            throw new InputException(source, nameof(Diffusivity), $"must be non-negative and finite, got {Diffusivity}");
        RequirePositive(source, nameof(InitialWidth), InitialWidth);
        if (!(Time >= 0) || double.IsInfinity(Time)) throw new InputException(source, nameof(Time), $"must be non-negative and finite, got {Time}");
        RequireFinite(source, nameof(ReleaseMin), ReleaseMin);
        RequireFinite(source, nameof(ReleaseMax), ReleaseMax);
        if (!(ReleaseMin < ReleaseMax)) throw new InputException(source, nameof(ReleaseMax), $"must exceed ReleaseMin = {ReleaseMin}, got {ReleaseMax}");
        // A centre outside the domain would store a cut-off puff, or none at all.
        RequireCentreInside(source, nameof(WindX), WindX);
        RequireCentreInside(source, nameof(WindY), WindY);
        if (Count < 1) throw new InputException(source, nameof(Count), $"must be at least 1, got {Count}");
        if ((long)Count * Nodes * Nodes > Array.MaxLength)
            throw new InputException(source, nameof(Count), $"N n^2 = {(long)Count * Nodes * Nodes} values do not fit in one array (at most {Array.MaxLength})");
    }

    private void RequireCentreInside(string source, string wind, double speed)
    {
        double low = ReleaseMin + speed * Time, high = ReleaseMax + speed * Time;
        if (low < 0 || high > DomainLength)
            throw new InputException(source, wind, $"carries the puff centre to [{low}, {high}] m at T = {Time} s, outside the domain [0, {DomainLength}] m");
    }

    private static void RequirePositive(string source, string item, double value)
    {
        if (!(value > 0) || double.IsInfinity(value)) throw new InputException(source, item, $"must be positive and finite, got {value}");
    }

    private static void RequireFinite(string source, string item, double value)
    {
        if (!double.IsFinite(value)) throw new InputException(source, item, $"must be finite, got {value}");
    }

    /// <summary>The settings as JSON, stored as the data set's generator_config.</summary>
    public string ToJson() => JsonSerializer.Serialize(this);

    /// <summary>Reads settings written by <see cref="ToJson"/>.</summary>
    public static PuffConfig FromJson(string json) =>
        JsonSerializer.Deserialize<PuffConfig>(json) ?? throw new JsonException("empty puff configuration");
}
