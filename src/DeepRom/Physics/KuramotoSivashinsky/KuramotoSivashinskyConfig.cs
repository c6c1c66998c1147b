namespace DeepRom.Physics.KuramotoSivashinsky;

/// <summary>Settings of one <c>deeprom data ks</c> run: grid, domain, step, sampling, transient and initial field.</summary>
/// <param name="Points">Grid points N, a power of two, at least 8.</param>
/// <param name="DomainLength">Period L of the domain; the grid is x_j = L (j + 1) / N.</param>
/// <param name="TimeStep">ETDRK4 step h.</param>
/// <param name="Snapshots">Stored snapshots S, the first one included.</param>
/// <param name="SaveEvery">Steps between stored snapshots.</param>
/// <param name="Transient">Time integrated before the first stored snapshot; null for the profile's default (<see cref="TransientTime"/>).</param>
/// <param name="Init">The initial field.</param>
/// <param name="Seed">Seed of the random initial field.</param>
public sealed record KuramotoSivashinskyConfig(
    int Points = KuramotoSivashinskyConfig.DefaultPoints,
    double DomainLength = KuramotoSivashinskyConfig.DefaultDomainLength,
    double TimeStep = KuramotoSivashinskyConfig.DefaultTimeStep,
    int Snapshots = KuramotoSivashinskyConfig.DefaultSnapshots,
    int SaveEvery = KuramotoSivashinskyConfig.DefaultSaveEvery,
    double? Transient = null,
    InitialProfile Init = InitialProfile.Random,
    int Seed = 0)
{
    /// <summary>Grid points of the default sequence, the size of HiTS's Kuramoto-Sivashinsky data.</summary>
    public const int DefaultPoints = 512;

    /// <summary>The paper's domain, 32 pi: 15 linearly unstable modes, chaotic; 512 points resolve its spectrum to round-off.</summary>
    public const double DefaultDomainLength = 32 * Math.PI;

    /// <summary>A tenth of the sampling interval: the scheme's error over one interval is then about 1e-7 of max |u|.</summary>
    public const double DefaultTimeStep = 0.025;

    /// <summary>Snapshots of the default sequence, the length of HiTS's Kuramoto-Sivashinsky data.</summary>
    public const int DefaultSnapshots = 4001;

    /// <summary>Steps between snapshots by default: with the default step, one snapshot every 0.25, the paper's h.</summary>
    public const int DefaultSaveEvery = 10;

    /// <summary>The default transient from the random field: its growth saturates by t = 60, so 250 leaves only the chaotic state.</summary>
    public const double DefaultRandomTransient = 250;

    /// <summary>
    /// The transient actually integrated: <see cref="Transient"/> when given, else 0 for the paper's profile (its run starts
    /// at u0) and <see cref="DefaultRandomTransient"/> for a random one; rounded to whole steps.
    /// </summary>
    public double TransientTime => TransientSteps * TimeStep;

    /// <summary>Steps of the transient: the requested transient time over h, rounded to the nearest whole step.</summary>
    public long TransientSteps => (long)Math.Round(RequestedTransient / TimeStep);

    private double RequestedTransient => Transient ?? (Init == InitialProfile.Random ? DefaultRandomTransient : 0);

    /// <summary>Time between stored snapshots, SaveEvery h.</summary>
    public double SampleInterval => SaveEvery * TimeStep;

    /// <summary>Steps from the start of the integration to the last snapshot.</summary>
    public long TotalSteps => TransientSteps + (long)(Snapshots - 1) * SaveEvery;

    /// <summary>Snapshot times k SaveEvery h, k = 0..S-1, counted from the end of the transient (multiplied, so no round-off accumulates).</summary>
    public double[] Times() => Enumerable.Range(0, Snapshots).Select(k => k * SampleInterval).ToArray();

    /// <summary>Throws <see cref="InputException"/> naming the first invalid setting; <paramref name="source"/> names where it came from.</summary>
    public void Validate(string source = "ks config")
    {
        // The real FFT is radix 2; eight points is the least on which the equation has an unstable and a damped band to resolve.
        if (Points < 8 || (Points & (Points - 1)) != 0)
            throw new InputException(source, nameof(Points), $"must be a power of two, at least 8, got {Points}");
        if (!(DomainLength > 0) || double.IsInfinity(DomainLength))
            throw new InputException(source, nameof(DomainLength), $"must be positive and finite, got {DomainLength}");
        if (!(TimeStep > 0) || double.IsInfinity(TimeStep)) throw new InputException(source, nameof(TimeStep), $"must be positive and finite, got {TimeStep}");
        if (Snapshots < 2) throw new InputException(source, nameof(Snapshots), $"must be at least 2, got {Snapshots}");
        if (SaveEvery < 1) throw new InputException(source, nameof(SaveEvery), $"must be at least 1, got {SaveEvery}");
        if (Transient is { } t && (!(t >= 0) || double.IsInfinity(t)))
            throw new InputException(source, nameof(Transient), $"must be non-negative and finite, got {t}");
        if (!Enum.IsDefined(Init)) throw new InputException(source, nameof(Init), $"unknown initial profile {Init}");
        if ((long)Snapshots * Points > Array.MaxLength)
            throw new InputException(source, nameof(Snapshots), $"{Snapshots} snapshots of {Points} points do not fit in one array");
        if (RequestedTransient / TimeStep > long.MaxValue / 2 || (double)(Snapshots - 1) * SaveEvery > long.MaxValue / 2)
            throw new InputException(source, nameof(TimeStep), "the run would take more steps than can be counted");
    }
}
