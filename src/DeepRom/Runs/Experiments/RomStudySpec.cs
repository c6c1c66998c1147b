namespace DeepRom.Runs.Experiments;

/// <summary>
/// A parametric-ROM study (<c>"kind": "rom"</c>): datasets of whole simulations, and a grid of reductions, latent budgets
/// and seeds, each fitted once and evaluated with every listed interpolation.
/// </summary>
public sealed record RomStudySpec
{
    public List<RomDataSpec> Datasets { get; init; } = new();
    public RomTrialGrid Grid { get; init; } = new();

    /// <summary>Training epochs of the learned reductions; null keeps each model's default.</summary>
    public int? Epochs { get; init; }
}

/// <summary>
/// A dataset of a ROM study: generated (<c>"generator": "burgers"</c>: the benchmark's training grid and its test set with
/// <see cref="Seed"/>; <c>"lco"</c>: the pitch-plunge airfoil at its default train and test speeds; <c>"lco-cycles"</c>: its
/// settled limit cycles above flutter, phase-aligned; <c>"cylinder"</c>: the
/// cylinder wake at its default train and test Reynolds numbers) or a pair of existing files (<see cref="Train"/>, <see cref="Test"/>, relative to the config's folder).
/// </summary>
public sealed record RomDataSpec
{
    public string Name { get; init; } = "";
    public string? Generator { get; init; }
    public int Seed { get; init; }
    public string? Train { get; init; }
    public string? Test { get; init; }
}

/// <summary>The axes of a ROM study's grid: every dataset x model x latent x seed is one fit.</summary>
public sealed record RomTrialGrid
{
    public List<string> Datasets { get; init; } = new();
    public List<string> Models { get; init; } = new() { "pod" };
    public List<int> Latents { get; init; } = new() { 20 };
    public List<string> Interps { get; init; } = new() { "slerp", "lerp" };
    public int Seeds { get; init; } = 1;
}
