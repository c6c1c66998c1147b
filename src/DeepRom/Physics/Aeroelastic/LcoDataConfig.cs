using System.Text.Json;
using System.Text.Json.Serialization;
using DeepRom.Numerics.Ode;

namespace DeepRom.Physics.Aeroelastic;

/// <summary>
/// How the limit-cycle data are made: the airfoil, the time span in tau = U t / b, the number of samples (both ends included),
/// the initial pitch (the other seven states start at zero), the integrator's tolerance and where the record starts.
/// </summary>
/// <param name="Duration">Recorded span in tau; by default long enough for every default speed's motion to settle before the last quarter.</param>
/// <param name="Samples">Samples k Duration / (Samples - 1), k = 0..Samples - 1.</param>
/// <param name="InitialPitch">alpha(0) in radians (1 degree by default).</param>
/// <param name="RelativeTolerance">DOP853's rtol.</param>
/// <param name="AbsoluteTolerance">DOP853's atol.</param>
/// <param name="Settle">
/// 0: the record starts at the initial condition. Otherwise the motion is first integrated for this many tau and the
/// record starts at the next upward zero crossing of the pitch, with time counted from that crossing: runs at different
/// speeds then start in the same phase of their settled cycle, so that a reduction compares like with like (the
/// equations are autonomous, so the shift of origin changes nothing else).
/// </param>
public sealed record LcoDataConfig(
    double Duration = 4000,
    int Samples = 4001,
    double InitialPitch = Math.PI / 180,
    double RelativeTolerance = 1e-10,
    double AbsoluteTolerance = 1e-12,
    double Settle = 0)
{
    /// <summary>
    /// The settled-cycle records of the ROM benchmark: 400 tau (about five limit cycles) every tau after 3000 tau of
    /// settling, from an upward pitch crossing.
    /// </summary>
    public static LcoDataConfig SettledCycles { get; } = new(Duration: 400, Samples: 401, Settle: 3000);

    /// <summary>A run shorter than this is mostly start-up: one oscillation near the flutter speed takes about 75 tau.</summary>
    public const double MinimumDuration = 100;

    /// <summary>The sampling must resolve the uncoupled pitch period 2 pi U* (in tau) with at least this many samples.</summary>
    public const int SamplesPerPitchPeriod = 10;

    /// <summary>The airfoil (Lee, Price &amp; Wong's standard set with beta_a = 3 by default).</summary>
    public PitchPlungeConfig Airfoil { get; init; } = PitchPlungeConfig.Standard;

    /// <summary>The integrator's tolerance.</summary>
    [JsonIgnore]
    public ErrorTolerance Tolerance => new(RelativeTolerance, AbsoluteTolerance);

    /// <summary>The spacing of the samples in tau.</summary>
    [JsonIgnore]
    public double SampleSpacing => Duration / (Samples - 1);

    /// <summary>The sample times (multiplied, not accumulated, so the last one is Duration exactly).</summary>
    public double[] Times()
    {
        var times = new double[Samples];
        for (int k = 0; k < Samples; k++) times[k] = k == Samples - 1 ? Duration : k * Duration / (Samples - 1);
        return times;
    }

    /// <summary>Throws <see cref="InputException"/> naming the first invalid setting; <paramref name="source"/> names where it came from.</summary>
    public void Validate(string source = "lco config")
    {
        Airfoil.Validate(source);
        if (!double.IsFinite(Duration) || Duration < MinimumDuration)
            throw new InputException(source, nameof(Duration), $"must be finite and at least {MinimumDuration} tau, got {Duration}");
        if (Samples < 2) throw new InputException(source, nameof(Samples), $"must be at least 2, got {Samples}");
        if ((long)Samples * PitchPlungeState.Mechanical > Array.MaxLength)
            throw new InputException(source, nameof(Samples), $"{Samples} samples do not fit in one array");
        if (!double.IsFinite(InitialPitch) || InitialPitch == 0 || Math.Abs(InitialPitch) > Math.PI / 2)
            throw new InputException(source, nameof(InitialPitch), $"must be nonzero and at most pi/2 in magnitude, got {InitialPitch} rad");
        if (!(RelativeTolerance > 0) || double.IsInfinity(RelativeTolerance))
            throw new InputException(source, nameof(RelativeTolerance), $"must be positive and finite, got {RelativeTolerance}");
        if (!(AbsoluteTolerance > 0) || double.IsInfinity(AbsoluteTolerance))
            throw new InputException(source, nameof(AbsoluteTolerance), $"must be positive and finite, got {AbsoluteTolerance}");
        if (!(Settle >= 0) || double.IsInfinity(Settle))
            throw new InputException(source, nameof(Settle), $"must be zero or positive and finite, got {Settle}");
    }

    /// <summary>
    /// Throws <see cref="InputException"/> unless every speed is positive, finite and unique and the sampling resolves the pitch
    /// period at the slowest of them.
    /// </summary>
    public void ValidateSpeeds(IReadOnlyList<double> speeds, string source = "lco config", string item = "speeds")
    {
        if (speeds.Count == 0) throw new InputException(source, item, "no speeds");
        var seen = new HashSet<double>();
        foreach (double u in speeds)
        {
            if (!double.IsFinite(u)) throw new InputException(source, item, $"U* = {u} is not finite");
            if (!(u > 0)) throw new InputException(source, item, $"U* = {u} is not positive");
            if (!seen.Add(u)) throw new InputException(source, item, $"U* = {u} appears more than once");
        }
        double slowest = speeds.Min(), period = 2 * Math.PI * slowest;
        if (SampleSpacing > period / SamplesPerPitchPeriod)
            throw new InputException(source, nameof(Samples),
                $"{Samples} samples over {Duration} tau are {SampleSpacing:G4} tau apart, more than a tenth of the pitch period 2 pi U* = {period:G4} tau at U* = {slowest}");
    }

    /// <summary>The settings as JSON, stored as the data set's generator_config.</summary>
    public string ToJson() => JsonSerializer.Serialize(this);

    /// <summary>Reads settings written by <see cref="ToJson"/>.</summary>
    public static LcoDataConfig FromJson(string json) =>
        JsonSerializer.Deserialize<LcoDataConfig>(json) ?? throw new JsonException("empty LCO data configuration");
}
