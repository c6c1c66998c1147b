using System.Text.Json;

namespace DeepRom.Physics.Burgers;

/// <summary>Settings of the parametric inviscid Burgers problem of Lee &amp; Carlberg (2020): grid, time stepping, initial state, source.</summary>
/// <param name="Cells">Number of finite volumes on [0, Length].</param>
/// <param name="Length">Length of the domain; the inflow boundary is x = 0, the outflow boundary x = Length.</param>
/// <param name="TimeStep">Backward-Euler time step dt.</param>
/// <param name="Steps">Number of time steps; Steps + 1 snapshots are kept (t = 0 included).</param>
/// <param name="Initial">Uniform initial state w(x, 0).</param>
/// <param name="SourceAmplitude">Amplitude a of the source a exp(mu2 x).</param>
public sealed record BurgersConfig(
    int Cells = 256,
    double Length = 100,
    double TimeStep = 0.07,
    int Steps = 500,
    double Initial = 1,
    double SourceAmplitude = 0.02)
{
    /// <summary>Width of one finite volume.</summary>
    public double CellWidth => Length / Cells;

    /// <summary>Number of stored snapshots, t = 0 included.</summary>
    public int Snapshots => Steps + 1;

    /// <summary>The snapshot times k dt, k = 0..Steps (multiplied, not accumulated, so t = Steps dt carries no summed round-off).</summary>
    public double[] Times() => Enumerable.Range(0, Snapshots).Select(k => k * TimeStep).ToArray();

    /// <summary>Throws <see cref="InputException"/> naming the first invalid setting; <paramref name="source"/> names where it came from.</summary>
    public void Validate(string source = "burgers config")
    {
        if (Cells < 2) throw new InputException(source, nameof(Cells), $"must be at least 2, got {Cells}");
        if (!(Length > 0) || double.IsInfinity(Length)) throw new InputException(source, nameof(Length), $"must be positive and finite, got {Length}");
        if (!(TimeStep > 0) || double.IsInfinity(TimeStep)) throw new InputException(source, nameof(TimeStep), $"must be positive and finite, got {TimeStep}");
        if (Steps < 1) throw new InputException(source, nameof(Steps), $"must be at least 1, got {Steps}");
        if ((long)Snapshots * Cells > Array.MaxLength)
            throw new InputException(source, nameof(Cells), $"{Cells} cells times {Snapshots} snapshots do not fit in one array");
        // The cell-by-cell implicit solve needs positive states; a positive start and a non-negative source keep them positive.
        if (!(Initial > 0) || double.IsInfinity(Initial)) throw new InputException(source, nameof(Initial), $"must be positive and finite, got {Initial}");
        if (!(SourceAmplitude >= 0) || double.IsInfinity(SourceAmplitude))
            throw new InputException(source, nameof(SourceAmplitude), $"must be non-negative and finite, got {SourceAmplitude}");
    }

    /// <summary>The settings as JSON, stored as the data set's generator_config.</summary>
    public string ToJson() => JsonSerializer.Serialize(this);

    /// <summary>Reads settings written by <see cref="ToJson"/>.</summary>
    public static BurgersConfig FromJson(string json) =>
        JsonSerializer.Deserialize<BurgersConfig>(json) ?? throw new JsonException("empty Burgers configuration");
}
