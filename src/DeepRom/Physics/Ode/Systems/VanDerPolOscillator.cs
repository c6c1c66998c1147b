namespace DeepRom.Physics.Ode.Systems;

/// <summary>
/// The Van der Pol oscillator x' = y, y' = mu (1 - x^2) y - x with mu = 2, 3200/320/320 trajectories; training starts from
/// x ~ U[-2, 2], y ~ U[-4, 4], validation and test from the narrower y ~ U[-2, 2] (inside what training has seen).
/// </summary>
public sealed record VanDerPolOscillator(double Mu = 2) : DynamicalSystem
{
    public override OdeSystemKind Kind => OdeSystemKind.Vdp;
    public override string Title => "Van der Pol oscillator";
    public override string Equations => "x' = y; y' = mu (1 - x^2) y - x";
    public override IReadOnlyList<string> StateNames { get; } = ["x", "y"];
    public override IReadOnlyDictionary<string, double> Parameters => new Dictionary<string, double> { ["mu"] = Mu };
    public override SplitCounts Counts { get; } = new(3200, 320, 320);

    public override InitialStates InitialStates { get; } = new IndependentStarts(
        Train: new UniformBox([-2, -4], [2, 4]),
        Validation: new UniformBox([-2, -2], [2, 2]),
        Test: new UniformBox([-2, -2], [2, 2]));

    public override void Evaluate(double t, ReadOnlySpan<double> state, Span<double> rate)
    {
        double x = state[0], y = state[1];
        rate[0] = y;
        rate[1] = Mu * (1 - x * x) * y - x;
    }
}
