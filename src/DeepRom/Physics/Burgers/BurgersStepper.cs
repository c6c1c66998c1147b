namespace DeepRom.Physics.Burgers;

/// <summary>
/// Backward-Euler steps of the finite-volume Burgers equations with Godunov fluxes and cell-centred source:
/// (w_i' - w_i) / dt + (F_{i+1/2} - F_{i-1/2}) / dx = s_i, with F_{-1/2} = G(mu1, w_0') at the inflow and the
/// outflow flux F_{n-1/2} = G(w_{n-1}', w_{n-1}') taken from the last cell.
/// </summary>
public sealed class BurgersStepper
{
    private readonly double[] _source;

    public BurgersStepper(BurgersConfig config, BurgersParameters parameters)
    {
        config.Validate();
        if (!(parameters.Mu1 > 0) || double.IsInfinity(parameters.Mu1))
            throw new ArgumentOutOfRangeException(nameof(parameters), $"inflow mu1 must be positive and finite, got {parameters.Mu1}");
        if (!double.IsFinite(parameters.Mu2)) throw new ArgumentOutOfRangeException(nameof(parameters), $"mu2 must be finite, got {parameters.Mu2}");
        Cells = config.Cells;
        CellWidth = config.CellWidth;
        TimeStep = config.TimeStep;
        Inflow = parameters.Mu1;
        _source = new double[Cells];
        for (int i = 0; i < Cells; i++) _source[i] = config.SourceAmplitude * Math.Exp(parameters.Mu2 * (i + 0.5) * CellWidth);
    }

    public int Cells { get; }
    public double CellWidth { get; }
    public double TimeStep { get; }

    /// <summary>The inflow state mu1 at x = 0.</summary>
    public double Inflow { get; }

    /// <summary>The source s_i at the cell centres.</summary>
    public ReadOnlySpan<double> Source => _source;

    /// <summary>
    /// Replaces <paramref name="w"/> (all positive) by the solution of one backward-Euler step. With positive states
    /// every face flux is upwind, so cell i depends only on its own new value and the new value of cell i - 1:
    /// a sweep from the inflow solves the implicit system exactly, cell by cell, in place.
    /// </summary>
    public void Step(Span<double> w)
    {
        if (w.Length != Cells) throw new ArgumentException($"state has {w.Length} cells, stepper {Cells}", nameof(w));
        double ratio = TimeStep / CellWidth, a = 0.5 * ratio;
        double fluxIn = GodunovFlux.Burgers(Inflow, Inflow);
        for (int i = 0; i < w.Length; i++)
        {
            // u + a u^2 = c with a = dt / (2 dx) > 0. When c > 0 the roots' product -c/a is negative: one root is
            // positive and one negative. The upwind flux u^2 / 2 on the right face is the Godunov flux only for
            // u > 0, so the positive root is the only one consistent with the equation being solved. It is written
            // as 2c / (1 + sqrt(1 + 4ac)) so that no nearly equal numbers are subtracted.
            double c = w[i] + TimeStep * _source[i] + ratio * fluxIn;
            if (!(c > 0) || double.IsInfinity(c))
                throw new InvalidOperationException($"cell {i}: the implicit update has no positive root (c = {c}); the sweep needs positive states");
            double u = 2 * c / (1 + Math.Sqrt(1 + 4 * a * c));
            w[i] = u;
            fluxIn = 0.5 * u * u;
        }
    }

    /// <summary>The flux entering through x = 0 for the state <paramref name="w"/>.</summary>
    public double InflowFlux(ReadOnlySpan<double> w) => GodunovFlux.Burgers(Inflow, w[0]);

    /// <summary>The flux leaving through x = L for the state <paramref name="w"/>.</summary>
    public double OutflowFlux(ReadOnlySpan<double> w) => GodunovFlux.Burgers(w[^1], w[^1]);

    /// <summary>
    /// The residual of the backward-Euler equations with the general Godunov flux, (w_i' - w_i) / dt + (F_{i+1/2} -
    /// F_{i-1/2}) / dx - s_i, for the step <paramref name="previous"/> -> <paramref name="next"/>: zero (to round-off)
    /// after <see cref="Step"/>, which is how the sweep is checked against the equations it claims to solve.
    /// </summary>
    public void Residual(ReadOnlySpan<double> previous, ReadOnlySpan<double> next, Span<double> residual)
    {
        if (previous.Length != Cells || next.Length != Cells || residual.Length != Cells)
            throw new ArgumentException($"states and residual must have {Cells} cells");
        double left = InflowFlux(next);
        for (int i = 0; i < Cells; i++)
        {
            double right = i + 1 < Cells ? GodunovFlux.Burgers(next[i], next[i + 1]) : OutflowFlux(next);
            residual[i] = (next[i] - previous[i]) / TimeStep + (right - left) / CellWidth - _source[i];
            left = right;
        }
    }
}
