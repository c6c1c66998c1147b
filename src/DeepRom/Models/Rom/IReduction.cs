namespace DeepRom.Models.Rom;

/// <summary>
/// The reduction half of a reduced-order model: whole simulations (each flattened to one vector) to latent codes and back.
/// </summary>
public interface IReduction
{
    /// <summary>Length r of a latent code; known after <see cref="Fit"/>.</summary>
    int LatentSize { get; }

    /// <summary>
    /// Fits the reduction to the training simulations (P vectors of equal length) and returns their codes (P, r);
    /// <paramref name="control"/> carries progress, cancellation and, for trained reductions, the checkpoint to resume from.
    /// </summary>
    double[][] Fit(IReadOnlyList<double[]> simulations, FitControl? control = null);

    /// <summary>The code of one simulation (for a basis: its projection).</summary>
    double[] Encode(ReadOnlySpan<double> simulation);

    /// <summary>The simulation a code stands for.</summary>
    double[] Decode(ReadOnlySpan<double> code);
}
