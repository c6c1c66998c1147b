namespace DeepRom.Numerics.Ode;

/// <summary>The argument rules every <see cref="IOdeSolver"/> shares: strictly increasing finite times and matching buffers.</summary>
internal static class SampleTimes
{
    public static void Check(ReadOnlySpan<double> initialState, ReadOnlySpan<double> times, Span<double> states, int dimension)
    {
        if (initialState.Length != dimension)
            throw new ArgumentException($"initial state has {initialState.Length} values, expected the dimension {dimension}", nameof(initialState));
        if (times.Length == 0) throw new ArgumentException("no sample times", nameof(times));
        if (states.Length != (long)times.Length * dimension)
            throw new ArgumentException($"states has {states.Length} values, expected {times.Length} x {dimension}", nameof(states));
        if (!double.IsFinite(times[0])) throw new ArgumentException("sample times must be finite", nameof(times));
        for (int k = 1; k < times.Length; k++)
            if (!(times[k] > times[k - 1]) || !double.IsFinite(times[k]))
                throw new ArgumentException($"sample times must be finite and strictly increasing (times[{k}] = {times[k]})", nameof(times));
    }
}
