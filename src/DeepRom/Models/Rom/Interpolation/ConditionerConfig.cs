namespace DeepRom.Models.Rom.Interpolation;

/// <summary>Settings of <see cref="LatentConditioner"/>: the network's size and its full-batch training.</summary>
/// <param name="Hidden">Width of each hidden layer.</param>
/// <param name="Layers">Number of hidden layers (SiLU after each).</param>
/// <param name="Iterations">AdamW steps on the whole training set; the learning rate follows a cosine from <paramref name="LearningRate"/> to 0.</param>
/// <param name="WeightDecay">AdamW's decoupled weight decay.</param>
/// <param name="Seed">Seeds the initial weights, the only randomness: one machine gives the same network every time.</param>
/// <param name="SharedCodeScale">
/// Standardise the codes with one scale for all components (the default) rather than one per component. For POD, whose
/// modes are orthonormal, the loss is then the error of the simulation itself; per component, the network would spend
/// as much effort on the last, nearly silent mode as on the first.
/// </param>
public sealed record ConditionerConfig(
    int Hidden = 64,
    int Layers = 2,
    int Iterations = 2000,
    double LearningRate = 3e-3,
    double WeightDecay = 1e-4,
    int Seed = 0,
    bool SharedCodeScale = true)
{
    /// <summary>Throws <see cref="ArgumentException"/> for settings no network can be trained with.</summary>
    public void Validate()
    {
        if (Hidden < 1 || Layers < 1) throw new ArgumentException($"the conditioner needs at least one hidden layer of width 1, got {Layers} x {Hidden}");
        if (Iterations < 1) throw new ArgumentException($"the conditioner needs at least one iteration, got {Iterations}");
        if (!(LearningRate > 0) || !(WeightDecay >= 0)) throw new ArgumentException($"learning rate {LearningRate} must be positive and weight decay {WeightDecay} non-negative");
    }
}
