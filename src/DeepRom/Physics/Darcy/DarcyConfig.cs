using System.Text.Json;
using System.Text.Json.Serialization;

namespace DeepRom.Physics.Darcy;

/// <summary>Settings of the Darcy-flow data set of seed 001 (KLE permeability, corner injection and production).</summary>
/// <param name="Nodes">Nodes per side n of the grid on [0,1]^2.</param>
/// <param name="CorrelationLength">Length l of the exponential covariance exp(-|x - x'| / l).</param>
/// <param name="KleModes">Number S of KLE terms (and of generative parameters theta).</param>
/// <param name="Theta">Distribution of theta.</param>
/// <param name="Count">Number of samples N.</param>
/// <param name="Seed">Seed of the theta sampler.</param>
/// <param name="SourceStrength">Source magnitude s: +s at the injection corner, -s at the production corner.</param>
/// <param name="SourceExtent">Side e of the source squares [0,e]^2 and [1-e,1]^2.</param>
public sealed record DarcyConfig(
    int Nodes = 65,
    double CorrelationLength = 0.1,
    int KleModes = 2,
    ThetaDistribution Theta = ThetaDistribution.Normal,
    int Count = 1024,
    int Seed = 0,
    double SourceStrength = 10,
    double SourceExtent = 0.125)
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Throws <see cref="InputException"/> naming the first invalid setting; <paramref name="source"/> names where it came from.</summary>
    public void Validate(string source = "darcy config")
    {
        if (Nodes < 3) throw new InputException(source, nameof(Nodes), $"must be at least 3, got {Nodes}");
        if (!(CorrelationLength > 0) || double.IsInfinity(CorrelationLength))
            throw new InputException(source, nameof(CorrelationLength), $"must be positive and finite, got {CorrelationLength}");
        if (KleModes < 1 || KleModes > Nodes * Nodes)
            throw new InputException(source, nameof(KleModes), $"must be in 1..{Nodes * Nodes}, got {KleModes}");
        if (!Enum.IsDefined(Theta)) throw new InputException(source, nameof(Theta), $"unknown distribution {Theta}");
        if (Count < 1) throw new InputException(source, nameof(Count), $"must be at least 1, got {Count}");
        if (!double.IsFinite(SourceStrength)) throw new InputException(source, nameof(SourceStrength), "must be finite");
        if (!(SourceExtent >= 0 && SourceExtent < 0.5))
            throw new InputException(source, nameof(SourceExtent), $"must be in [0, 0.5), got {SourceExtent}");
    }

    /// <summary>The settings as JSON (enum values as names), stored as the data set's generator_config.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>Reads settings written by <see cref="ToJson"/>.</summary>
    public static DarcyConfig FromJson(string json) =>
        JsonSerializer.Deserialize<DarcyConfig>(json, JsonOptions) ?? throw new JsonException("empty Darcy configuration");
}
