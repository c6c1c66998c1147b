namespace DeepRom.Physics.Ode.Systems;

/// <summary>
/// The Lorenz system x' = sigma (y - x), y' = x (rho - z) - y, z' = x y - beta z with sigma 10, rho 28, beta 8/3, sampled every
/// dt = 5e-4; 6400/640/640 trajectories along one orbit per split after a 10,000-step warm-up from U(-0.1, 0.1)^3.
/// </summary>
public sealed record LorenzSystem(double Sigma = 10, double Rho = 28, double Beta = 8.0 / 3) : DynamicalSystem
{
    public override OdeSystemKind Kind => OdeSystemKind.Lorenz;
    public override string Title => "Lorenz system";
    public override string Equations => "x' = sigma (y - x); y' = x (rho - z) - y; z' = x y - beta z";
    public override IReadOnlyList<string> StateNames { get; } = ["x", "y", "z"];
    public override IReadOnlyDictionary<string, double> Parameters =>
        new Dictionary<string, double> { ["sigma"] = Sigma, ["rho"] = Rho, ["beta"] = Beta };
    public override double TimeStep => 5e-4;
    public override SplitCounts Counts { get; } = new(6400, 640, 640);
    public override InitialStates InitialStates { get; } = new AttractorChain(10_000, UniformBox.Cube(3, -0.1, 0.1));

    public override void Evaluate(double t, ReadOnlySpan<double> state, Span<double> rate)
    {
        double x = state[0], y = state[1], z = state[2];
        rate[0] = Sigma * (y - x);
        rate[1] = x * (Rho - z) - y;
        rate[2] = x * y - Beta * z;
    }
}
