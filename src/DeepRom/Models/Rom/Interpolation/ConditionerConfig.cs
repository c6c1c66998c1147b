namespace DeepRom.Models.Rom.Interpolation;

/// <summary>Settings of <see cref="LatentConditioner"/>: the network's size and its full-batch training.</summary>
/// <param name="Hidden">Width of each hidden layer.</param>
/// <param name="Layers">Number of hidden layers (SiLU after each).</param>
/// <param name="Iterations">AdamW steps on the whole training set; the learning rate follows a cosine from <paramref name="LearningRate"/> to 0.</param>
/// <param name="WeightDecay">AdamW's decoupled weight decay.</param>
/// <param name="Seed">Seeds the initial weights, the only randomness: one machine gives the same network every time.</param>
/// <param name="SharedCodeScale">
/// Standardise the codes with one scale for all components instead of one per component (the default). One scale makes
/// the loss the error of the simulation itself for POD's orthonormal modes, but it trained worse on Burgers (20 POD
/// codes, the first hundreds of times larger than the last): mean test rel_l2 0.0028-0.0031 against 0.0023-0.0025
/// per component over seeds 0-2 (likely because the small codes barely move a shared-scale loss and are fitted late).
/// </param>
public sealed record ConditionerConfig(
    int Hidden = 64,
    int Layers = 2,
    int Iterations = 2000,
    double LearningRate = 1e-2,
    double WeightDecay = 1e-4,
    int Seed = 0,
    bool SharedCodeScale = false)
{
    /// <summary>Throws <see cref="ArgumentException"/> for settings no network can be trained with.</summary>
    public void Validate()
    {
        if (Hidden < 1 || Layers < 1) throw new ArgumentException($"the conditioner needs at least one hidden layer of width 1, got {Layers} x {Hidden}");
        if (Iterations < 1) throw new ArgumentException($"the conditioner needs at least one iteration, got {Iterations}");
        if (!(LearningRate > 0) || !(WeightDecay >= 0)) throw new ArgumentException($"learning rate {LearningRate} must be positive and weight decay {WeightDecay} non-negative");
    }
}
