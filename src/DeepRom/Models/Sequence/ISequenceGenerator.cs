using static TorchSharp.torch;

namespace DeepRom.Models.Sequence;

/// <summary>A model that generates a sequence free-running: it reads a context, then feeds its own output back.</summary>
public interface ISequenceGenerator
{
    /// <summary>The state dimension d.</summary>
    int Dimension { get; }

    /// <summary>
    /// Reads <paramref name="context"/> (K, d) with teacher forcing (its first sample at step 0 of the model's clock), then
    /// generates the <paramref name="steps"/> states that follow its last sample, each from the previous output: (steps, d).
    /// </summary>
    Tensor Generate(Tensor context, int steps);
}
