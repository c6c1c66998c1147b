namespace DeepRom.Numerics.Ode;

/// <summary>Solves an initial value problem and reports the solution at given sample times.</summary>
public interface IOdeSolver
{
    /// <summary>The field being integrated.</summary>
    IVectorField Field { get; }

    /// <summary>
    /// Writes the solution from <paramref name="initialState"/> at <paramref name="times"/>[0] into <paramref name="states"/>
    /// ((times.Length, d) row-major; row 0 is the initial state). <paramref name="times"/> must increase strictly.
    /// </summary>
    void Solve(ReadOnlySpan<double> initialState, ReadOnlySpan<double> times, Span<double> states);

    /// <summary>The work done by every <see cref="Solve"/> call so far.</summary>
    StepCounts Counts { get; }
}
