namespace DeepRom.Physics.Ode.Systems;

/// <summary>
/// The Hopf normal form with its bifurcation parameter as a state: mu' = 0, x' = mu x + y - x (x^2 + y^2),
/// y' = -x + mu y - y (x^2 + y^2); 3200/320/320 trajectories from mu ~ U[-0.2, 0.6], x ~ U[-1, 2], y ~ U[-1, 1].
/// For mu &gt; 0 orbits approach the limit cycle of radius sqrt(mu); the solution is known in closed form (<see cref="Exact"/>).
/// </summary>
public sealed record HopfNormalForm : DynamicalSystem
{
    public override OdeSystemKind Kind => OdeSystemKind.Hopf;
    public override string Title => "Hopf normal form";
    public override string Equations => "mu' = 0; x' = mu x + y - x (x^2 + y^2); y' = -x + mu y - y (x^2 + y^2)";
    public override IReadOnlyList<string> StateNames { get; } = ["mu", "x", "y"];
    public override IReadOnlyDictionary<string, double> Parameters => new Dictionary<string, double>();
    public override SplitCounts Counts { get; } = new(3200, 320, 320);
    public override InitialStates InitialStates { get; } = new IndependentStarts(new UniformBox([-0.2, -1, -1], [0.6, 2, 1]));

    public override void Evaluate(double t, ReadOnlySpan<double> state, Span<double> rate)
    {
        double mu = state[0], x = state[1], y = state[2], r2 = x * x + y * y;
        rate[0] = 0;
        rate[1] = mu * x + y - x * r2;
        rate[2] = -x + mu * y - y * r2;
    }

    /// <summary>
    /// The exact state at time <paramref name="t"/>: in polar form r' = mu r - r^3 and theta' = -1, so
    /// r^2 = mu / (1 + (mu / r0^2 - 1) e^(-2 mu t)) (r0^2 / (1 + 2 r0^2 t) when mu = 0) and theta = theta0 - t.
    /// </summary>
    public static void Exact(ReadOnlySpan<double> start, double t, Span<double> state)
    {
        double mu = start[0], x0 = start[1], y0 = start[2], r02 = x0 * x0 + y0 * y0;
        double r2 = r02 == 0 ? 0
            : mu == 0 ? r02 / (1 + 2 * r02 * t)
            // Written with expm1 so that small mu t keeps its digits: 1 + (mu/r0^2 - 1) e^(-2 mu t) = e^(-2 mu t) mu/r0^2 - expm1(-2 mu t).
            : mu / (Math.Exp(-2 * mu * t) * mu / r02 - ExpM1(-2 * mu * t));
        double scale = r02 == 0 ? 0 : Math.Sqrt(r2 / r02), c = Math.Cos(t), s = Math.Sin(t);
        state[0] = mu;
        // Rotation by -t of (x0, y0), then the radial scaling.
        state[1] = scale * (x0 * c + y0 * s);
        state[2] = scale * (-x0 * s + y0 * c);
    }

    private static double ExpM1(double v) => Math.Abs(v) < 1e-5 ? v + v * v / 2 + v * v * v / 6 : Math.Exp(v) - 1;
}
