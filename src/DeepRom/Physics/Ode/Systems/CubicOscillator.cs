namespace DeepRom.Physics.Ode.Systems;

/// <summary>
/// The damped cubic oscillator x' = -0.1 x^3 + 2 y^3, y' = -2 x^3 - 0.1 y^3, 3200/320/320 trajectories from U[-1, 1]^2.
/// x^4 + y^4 decays at the rate 0.4 (x^6 + y^6) (<see cref="Energy"/>).
/// </summary>
public sealed record CubicOscillator(double Damping = 0.1, double Coupling = 2) : DynamicalSystem
{
    public override OdeSystemKind Kind => OdeSystemKind.Cubic;
    public override string Title => "damped cubic oscillator";
    public override string Equations => "x' = -damping x^3 + coupling y^3; y' = -coupling x^3 - damping y^3";
    public override IReadOnlyList<string> StateNames { get; } = ["x", "y"];
    public override IReadOnlyDictionary<string, double> Parameters => new Dictionary<string, double> { ["damping"] = Damping, ["coupling"] = Coupling };
    public override SplitCounts Counts { get; } = new(3200, 320, 320);
    public override InitialStates InitialStates { get; } = new IndependentStarts(UniformBox.Cube(2, -1, 1));

    public override void Evaluate(double t, ReadOnlySpan<double> state, Span<double> rate)
    {
        double x3 = state[0] * state[0] * state[0], y3 = state[1] * state[1] * state[1];
        rate[0] = -Damping * x3 + Coupling * y3;
        rate[1] = -Coupling * x3 - Damping * y3;
    }

    /// <summary>E = x^4 + y^4, whose rate along solutions is -4 damping (x^6 + y^6): the coupling terms cancel.</summary>
    public static double Energy(ReadOnlySpan<double> state) => Math.Pow(state[0], 4) + Math.Pow(state[1], 4);
}
