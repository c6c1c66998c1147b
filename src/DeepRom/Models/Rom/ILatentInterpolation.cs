namespace DeepRom.Models.Rom;

/// <summary>The approximation half of a reduced-order model: latent codes as a function of the parameters.</summary>
public interface ILatentInterpolation
{
    /// <summary>What the interpolation is, for reports (after <see cref="Fit"/>).</summary>
    string Description { get; }

    /// <summary>Fits to the training parameters (P, s) and their codes (P, r).</summary>
    void Fit(IReadOnlyList<double[]> parameters, IReadOnlyList<double[]> codes);

    /// <summary>An unfitted interpolation of the same kind and settings: leave-one-out refits through it.</summary>
    ILatentInterpolation CreateUnfitted();

    /// <summary>True when <paramref name="parameter"/> lies in the hull of the training parameters, where interpolation is defined.</summary>
    bool Contains(ReadOnlySpan<double> parameter);

    /// <summary>
    /// The code at <paramref name="parameter"/>. Outside the hull the result is an extrapolation (see the implementation for
    /// which one) and says so; whether to accept it is the caller's decision.
    /// </summary>
    LatentPrediction Predict(ReadOnlySpan<double> parameter);
}

/// <summary>
/// A predicted latent code, the training simulations it was combined from (with their weights; empty for a code that is
/// no combination of training codes, such as a network's), and whether it lies outside the training hull.
/// </summary>
public sealed record LatentPrediction(double[] Code, int[] Neighbours, double[] Weights, bool Extrapolated);
