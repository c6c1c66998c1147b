namespace DeepRom.Numerics.Ode;

/// <summary>The signature of x' = f(t, x) as a function: writes the rate of <paramref name="state"/> at <paramref name="t"/>.</summary>
public delegate void VectorFieldFunction(double t, ReadOnlySpan<double> state, Span<double> rate);

/// <summary>A vector field given by a function, for right-hand sides written inline (tests, one-off problems).</summary>
public sealed class VectorField(int dimension, VectorFieldFunction function) : IVectorField
{
    public int Dimension { get; } = dimension > 0 ? dimension : throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "must be positive");

    public void Evaluate(double t, ReadOnlySpan<double> state, Span<double> rate) => function(t, state, rate);
}
