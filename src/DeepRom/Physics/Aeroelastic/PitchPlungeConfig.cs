using System.Text.Json;

namespace DeepRom.Physics.Aeroelastic;

/// <summary>
/// The two-degree-of-freedom airfoil of Lee, Price &amp; Wong (1999) in nondimensional form: mass ratio, elastic-axis position,
/// static imbalance, radius of gyration, frequency ratio, structural damping and the cubic pitch stiffness. The defaults are
/// their standard set (mu 100, a_h -0.5, x_a 0.25, r_a 0.5, w_bar 0.2, no structural damping) with a hardening spring beta_a = 3.
/// </summary>
/// <param name="MassRatio">mu = m / (pi rho b^2).</param>
/// <param name="ElasticAxis">a_h: elastic axis aft of mid-chord in semichords (-0.5 is the quarter chord).</param>
/// <param name="StaticImbalance">x_a: centre of mass aft of the elastic axis in semichords.</param>
/// <param name="GyrationRadius">r_a: radius of gyration about the elastic axis in semichords.</param>
/// <param name="FrequencyRatio">w_bar = w_xi / w_alpha, uncoupled plunge over pitch natural frequency.</param>
/// <param name="PitchDamping">zeta_a, viscous damping ratio in pitch.</param>
/// <param name="PlungeDamping">zeta_xi, viscous damping ratio in plunge.</param>
/// <param name="CubicPitchStiffness">beta_a in M(alpha) = alpha + beta_a alpha^3 (alpha in radians).</param>
public sealed record PitchPlungeConfig(
    double MassRatio = 100,
    double ElasticAxis = -0.5,
    double StaticImbalance = 0.25,
    double GyrationRadius = 0.5,
    double FrequencyRatio = 0.2,
    double PitchDamping = 0,
    double PlungeDamping = 0,
    double CubicPitchStiffness = 3)
{
    /// <summary>Lee, Price &amp; Wong's standard set with the hardening spring beta_a = 3.</summary>
    public static PitchPlungeConfig Standard { get; } = new();

    /// <summary>The same airfoil with a linear pitch spring (beta_a = 0).</summary>
    public PitchPlungeConfig WithLinearSpring() => this with { CubicPitchStiffness = 0 };

    /// <summary>Throws <see cref="InputException"/> naming the first invalid setting; <paramref name="source"/> names where it came from.</summary>
    public void Validate(string source = "pitch-plunge config")
    {
        Positive(source, nameof(MassRatio), MassRatio);
        Finite(source, nameof(ElasticAxis), ElasticAxis);
        Finite(source, nameof(StaticImbalance), StaticImbalance);
        Positive(source, nameof(GyrationRadius), GyrationRadius);
        Positive(source, nameof(FrequencyRatio), FrequencyRatio);
        NonNegative(source, nameof(PitchDamping), PitchDamping);
        NonNegative(source, nameof(PlungeDamping), PlungeDamping);
        // A softening spring lets the motion escape to infinity above flutter; the generator is for bounded limit cycles.
        NonNegative(source, nameof(CubicPitchStiffness), CubicPitchStiffness);
        // The structural mass matrix [[1, x_a], [x_a, r_a^2]] must be positive definite: a centre of mass outside the radius of gyration is not a rigid body.
        if (!(Math.Abs(StaticImbalance) < GyrationRadius))
            throw new InputException(source, nameof(StaticImbalance), $"|x_a| must be below the radius of gyration {GyrationRadius}, got {StaticImbalance}");
    }

    /// <summary>The settings as JSON, part of the data set's generator_config.</summary>
    public string ToJson() => JsonSerializer.Serialize(this);

    /// <summary>Reads settings written by <see cref="ToJson"/>.</summary>
    public static PitchPlungeConfig FromJson(string json) =>
        JsonSerializer.Deserialize<PitchPlungeConfig>(json) ?? throw new JsonException("empty pitch-plunge configuration");

    private static void Finite(string source, string item, double value)
    {
        if (!double.IsFinite(value)) throw new InputException(source, item, $"must be finite, got {value}");
    }

    private static void Positive(string source, string item, double value)
    {
        if (!(value > 0) || double.IsInfinity(value)) throw new InputException(source, item, $"must be positive and finite, got {value}");
    }

    private static void NonNegative(string source, string item, double value)
    {
        if (!(value >= 0) || double.IsInfinity(value)) throw new InputException(source, item, $"must be non-negative and finite, got {value}");
    }
}
