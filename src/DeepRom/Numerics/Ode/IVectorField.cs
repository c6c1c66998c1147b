namespace DeepRom.Numerics.Ode;

/// <summary>The right-hand side f of an ordinary differential equation x' = f(t, x) in <see cref="Dimension"/> dimensions.</summary>
/// <remarks>
/// Implementations must be pure (the same t and x give the same rate, no state kept between calls) so that one field can be
/// shared by integrators running on several threads.
/// </remarks>
public interface IVectorField
{
    /// <summary>Number of state components d.</summary>
    int Dimension { get; }

    /// <summary>Writes f(<paramref name="t"/>, <paramref name="state"/>) into <paramref name="rate"/> (both of length d).</summary>
    void Evaluate(double t, ReadOnlySpan<double> state, Span<double> rate);

    /// <summary>
    /// Evaluates f at time <paramref name="t"/> for many states at once: <paramref name="states"/> and <paramref name="rates"/> hold
    /// n states row-major (n, d). Override it where a field can vectorise across states; the default goes state by state.
    /// </summary>
    void EvaluateMany(double t, ReadOnlySpan<double> states, Span<double> rates)
    {
        int d = Dimension;
        for (int offset = 0; offset < states.Length; offset += d)
            Evaluate(t, states.Slice(offset, d), rates.Slice(offset, d));
    }
}
