namespace DeepRom.Physics.Ode.Systems;

/// <summary>
/// The hyperbolic fixed point x' = mu x, y' = lambda (y - x^2) with a slow and a fast time scale (mu = -0.05, lambda = -1),
/// 1600/320/320 trajectories from U[-1, 1]^2. It has a closed-form solution (<see cref="Exact"/>).
/// </summary>
public sealed record HyperbolicFixedPoint(double Mu = -0.05, double Lambda = -1) : DynamicalSystem
{
    public override OdeSystemKind Kind => OdeSystemKind.Hyperbolic;
    public override string Title => "hyperbolic fixed point";
    public override string Equations => "x' = mu x; y' = lambda (y - x^2)";
    public override IReadOnlyList<string> StateNames { get; } = ["x", "y"];
    public override IReadOnlyDictionary<string, double> Parameters => new Dictionary<string, double> { ["mu"] = Mu, ["lambda"] = Lambda };
    public override SplitCounts Counts { get; } = new(1600, 320, 320);
    public override InitialStates InitialStates { get; } = new IndependentStarts(UniformBox.Cube(2, -1, 1));

    public override void Evaluate(double t, ReadOnlySpan<double> state, Span<double> rate)
    {
        double x = state[0];
        rate[0] = Mu * x;
        rate[1] = Lambda * (state[1] - x * x);
    }

    /// <summary>
    /// The exact state at time <paramref name="t"/> from <paramref name="start"/>: x = x0 e^(mu t) and
    /// y = (y0 - a) e^(lambda t) + a e^(2 mu t) with a = lambda x0^2 / (lambda - 2 mu) (requires lambda != 2 mu).
    /// </summary>
    public void Exact(ReadOnlySpan<double> start, double t, Span<double> state)
    {
        if (Lambda == 2 * Mu) throw new InvalidOperationException("the closed form needs lambda != 2 mu");
        double x0 = start[0], a = Lambda * x0 * x0 / (Lambda - 2 * Mu);
        state[0] = x0 * Math.Exp(Mu * t);
        state[1] = (start[1] - a) * Math.Exp(Lambda * t) + a * Math.Exp(2 * Mu * t);
    }
}
