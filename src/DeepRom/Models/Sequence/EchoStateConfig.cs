namespace DeepRom.Models.Sequence;

/// <summary>
/// An echo-state network: a fixed sparse random reservoir of <see cref="Units"/> tanh units scaled to spectral radius
/// <see cref="SpectralRadius"/>, input weights uniform on [-<see cref="InputScaling"/>, <see cref="InputScaling"/>], and a
/// linear readout solved in closed form after a washout of <see cref="Washout"/> steps, with ridge regulariser
/// <see cref="Ridge"/> (0: the pseudo-inverse, as the reference). The reference: 1600 units, spectral radius 0.9.
/// </summary>
/// <param name="Connectivity">Fraction of non-zero reservoir weights.</param>
public sealed record EchoStateConfig(int Dimension, int Units = 1600, double SpectralRadius = 0.9, double Connectivity = 0.01,
    double InputScaling = 0.1, int Washout = 100, double Ridge = 1e-6)
{
    public void Validate()
    {
        if (Dimension < 1) throw new ArgumentException($"the state dimension must be at least 1, got {Dimension}");
        if (Units < 1) throw new ArgumentException($"the reservoir needs at least 1 unit, got {Units}");
        if (!(SpectralRadius > 0) || !double.IsFinite(SpectralRadius)) throw new ArgumentException($"the spectral radius must be positive, got {SpectralRadius}");
        if (!(Connectivity > 0 && Connectivity <= 1)) throw new ArgumentException($"the connectivity must lie in (0, 1], got {Connectivity}");
        if (!(InputScaling > 0) || !double.IsFinite(InputScaling)) throw new ArgumentException($"the input scaling must be positive, got {InputScaling}");
        if (Washout < 0) throw new ArgumentException($"the washout must be at least 0 steps, got {Washout}");
        if (!(Ridge >= 0) || !double.IsFinite(Ridge)) throw new ArgumentException($"the ridge regulariser must be finite and >= 0, got {Ridge}");
    }
}
