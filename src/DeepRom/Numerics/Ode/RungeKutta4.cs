namespace DeepRom.Numerics.Ode;

/// <summary>The classical fourth-order Runge-Kutta method with a fixed step, for one state or a batch of states stepped together.</summary>
/// <remarks>
/// A batch is n states row-major (n, d), all at the same time t; every stage is one <see cref="IVectorField.EvaluateMany"/> call
/// over the whole batch (HiTS's hybrid stepper fills from every anchor at once; for autonomous systems the anchors' own
/// times do not matter). Stage buffers are kept between calls, so an instance belongs to one thread.
/// </remarks>
public sealed class RungeKutta4(IVectorField field)
{
    private double[] _k1 = [], _k2 = [], _k3 = [], _k4 = [], _stage = [];

    /// <summary>The field being integrated.</summary>
    public IVectorField Field { get; } = field;

    /// <summary>Advances every state of <paramref name="states"/> ((n, d) row-major) from <paramref name="t"/> to t + <paramref name="h"/> in place.</summary>
    public void Step(double t, double h, Span<double> states)
    {
        int length = states.Length, d = Field.Dimension;
        if (length == 0 || length % d != 0)
            throw new ArgumentException($"states has {length} values, not a positive multiple of the dimension {d}", nameof(states));
        if (_k1.Length < length)
        {
            _k1 = new double[length];
            _k2 = new double[length];
            _k3 = new double[length];
            _k4 = new double[length];
            _stage = new double[length];
        }
        Span<double> k1 = _k1.AsSpan(0, length), k2 = _k2.AsSpan(0, length), k3 = _k3.AsSpan(0, length),
            k4 = _k4.AsSpan(0, length), stage = _stage.AsSpan(0, length);
        double half = 0.5 * h;

        Field.EvaluateMany(t, states, k1);
        for (int i = 0; i < length; i++) stage[i] = states[i] + half * k1[i];
        Field.EvaluateMany(t + half, stage, k2);
        for (int i = 0; i < length; i++) stage[i] = states[i] + half * k2[i];
        Field.EvaluateMany(t + half, stage, k3);
        for (int i = 0; i < length; i++) stage[i] = states[i] + h * k3[i];
        Field.EvaluateMany(t + h, stage, k4);
        double sixth = h / 6;
        for (int i = 0; i < length; i++) states[i] += sixth * (k1[i] + 2 * (k2[i] + k3[i]) + k4[i]);
    }

    /// <summary>
    /// Takes <paramref name="steps"/> steps of size <paramref name="h"/> from <paramref name="initialStates"/> ((n, d)) at
    /// <paramref name="t0"/>, all states together, and writes every state at every step into <paramref name="trajectories"/>
    /// ((n, steps + 1, d), the initial states first). Step k starts at t0 + k h (multiplied, so no round-off accumulates in t).
    /// </summary>
    public void Integrate(ReadOnlySpan<double> initialStates, double t0, double h, int steps, Span<double> trajectories)
    {
        int d = Field.Dimension, length = initialStates.Length;
        if (length == 0 || length % d != 0)
            throw new ArgumentException($"initialStates has {length} values, not a positive multiple of the dimension {d}", nameof(initialStates));
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        int count = length / d, row = (steps + 1) * d;
        if (trajectories.Length != (long)count * row)
            throw new ArgumentException($"trajectories has {trajectories.Length} values, expected {count} x {steps + 1} x {d}", nameof(trajectories));

        var current = initialStates.ToArray();
        for (int k = 0; ; k++)
        {
            for (int m = 0; m < count; m++) current.AsSpan(m * d, d).CopyTo(trajectories.Slice(m * row + k * d, d));
            if (k == steps) break;
            Step(t0 + k * h, h, current);
        }
    }
}
