using System.Text.Json.Serialization;

namespace DeepRom.Models.Hits;

/// <summary>
/// The shape of a hierarchy of residual steppers x_{n+1} = x_n + MLP(x_n), one per level of <see cref="Levels"/>: state
/// dimension d, hidden width and number of hidden layers (the reference: [d, 128, 128, 128, d], ReLU, levels 0-10).
/// </summary>
public sealed record StepperEnsembleConfig(int Dimension, LevelRange Levels, int Width = 128, int Depth = 3)
{
    public void Validate()
    {
        if (Dimension < 1) throw new ArgumentException($"the state dimension must be at least 1, got {Dimension}");
        if (Levels.Lowest < 0 || Levels.Highest > LevelRange.MaxLevel || Levels.Lowest > Levels.Highest)
            throw new ArgumentException($"levels {Levels} are outside 0-{LevelRange.MaxLevel}");
        if (Width < 1) throw new ArgumentException($"the width must be at least 1, got {Width}");
        if (Depth < 1) throw new ArgumentException($"the depth (hidden layers) must be at least 1, got {Depth}");
    }

    /// <summary>Input and output widths of the layers: d -> width (x Depth) -> d.</summary>
    [JsonIgnore]
    public IReadOnlyList<(int In, int Out)> Layers =>
        Enumerable.Range(0, Depth + 1).Select(i => (i == 0 ? Dimension : Width, i == Depth ? Dimension : Width)).ToArray();
}
