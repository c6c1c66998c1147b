namespace DeepRom.Numerics.Ode;

/// <summary>
/// Dormand &amp; Prince's adaptive 5(4) pair run the way scipy's <c>solve_ivp(method="RK45", t_eval=...)</c> runs it: free steps
/// over the whole interval, samples read off Shampine's quartic dense output. It exists to reproduce data made with scipy's
/// defaults (the HiTS reference's, rtol 1e-3, atol 1e-6) and measure how far it lies from a tight solution.
/// </summary>
/// <remarks>
/// Same tableau, error weights, dense-output matrix and controller as scipy's RK45 (safety 0.9, factor bounded to [0.2, 10],
/// exponent -1/5, no growth right after a rejection, a step accepted when its scaled RMS error is below 1, Hairer's initial
/// step). Buffers are kept between calls, so an instance belongs to one thread.
/// </remarks>
public sealed class DormandPrince54 : IOdeSolver
{
    private const double Safety = 0.9, MinFactor = 0.2, MaxFactor = 10;
    private const int ErrorOrder = 4, Stages = 6;

    private static readonly double[] C = [0, 1.0 / 5, 3.0 / 10, 4.0 / 5, 8.0 / 9, 1];
    private static readonly double[][] A =
    [
        [],
        [1.0 / 5],
        [3.0 / 40, 9.0 / 40],
        [44.0 / 45, -56.0 / 15, 32.0 / 9],
        [19372.0 / 6561, -25360.0 / 2187, 64448.0 / 6561, -212.0 / 729],
        [9017.0 / 3168, -355.0 / 33, 46732.0 / 5247, 49.0 / 176, -5103.0 / 18656],
    ];
    private static readonly double[] B = [35.0 / 384, 0, 500.0 / 1113, 125.0 / 192, -2187.0 / 6784, 11.0 / 84];
    // Weights of the error estimate over the six stages and the rate at the new point.
    private static readonly double[] E = [-71.0 / 57600, 0, 71.0 / 16695, -71.0 / 1920, 17253.0 / 339200, -22.0 / 525, 1.0 / 40];
    // Shampine's (1986) quartic: y(t_old + x h) = y_old + h sum_j (K^T P)_j x^(j+1).
    private static readonly double[][] P =
    [
        [1, -8048581381.0 / 2820520608, 8663915743.0 / 2820520608, -12715105075.0 / 11282082432],
        [0, 0, 0, 0],
        [0, 131558114200.0 / 32700410799, -68118460800.0 / 10900136933, 87487479700.0 / 32700410799],
        [0, -1754552775.0 / 470086768, 14199869525.0 / 1410260304, -10690763975.0 / 1880347072],
        [0, 127303824393.0 / 49829197408, -318862633887.0 / 49829197408, 701980252875.0 / 199316789632],
        [0, -282668133.0 / 205662961, 2019193451.0 / 616988883, -1453857185.0 / 822651844],
        [0, 40617522.0 / 29380423, -110615467.0 / 29380423, 69997945.0 / 29380423],
    ];

    private readonly double[][] _k;
    private readonly double[] _stage, _next;

    public DormandPrince54(IVectorField field, ErrorTolerance tolerance)
    {
        tolerance.Validate();
        Field = field;
        Tolerance = tolerance;
        int d = field.Dimension;
        _k = Enumerable.Range(0, Stages + 1).Select(_ => new double[d]).ToArray();
        _stage = new double[d];
        _next = new double[d];
    }

    public IVectorField Field { get; }

    /// <summary>The tolerance every accepted step's error estimate meets.</summary>
    public ErrorTolerance Tolerance { get; }

    public StepCounts Counts { get; private set; }

    public void Solve(ReadOnlySpan<double> initialState, ReadOnlySpan<double> times, Span<double> states)
    {
        int d = Field.Dimension;
        SampleTimes.Check(initialState, times, states, d);
        initialState.CopyTo(states);
        if (times.Length == 1) return;
        var state = initialState.ToArray();
        var rate = new double[d];
        double t = times[0], bound = times[^1];
        Field.Evaluate(t, state, rate);
        double hAbs = InitialStepSize.Select(Field, t, state, rate, ErrorOrder, Tolerance, bound - t);
        Counts += new StepCounts(0, 0, 2);
        int sample = 1;
        while (t < bound)
        {
            double minStep = 10 * (Math.BitIncrement(t) - t);
            if (hAbs < minStep) hAbs = minStep;
            bool rejected = false;
            double tNew, h;
            while (true)
            {
                if (hAbs < minStep) throw new IntegrationException(t, $"step size {hAbs:G3} is below the resolution of t");
                tNew = Math.Min(t + hAbs, bound);
                h = tNew - t;
                hAbs = h;
                double error = Attempt(t, h, state, rate);
                Counts += new StepCounts(0, 0, Stages);
                if (error < 1)
                {
                    double factor = error == 0 ? MaxFactor : Math.Min(MaxFactor, Safety * Math.Pow(error, -1.0 / (ErrorOrder + 1)));
                    if (rejected) factor = Math.Min(1, factor);
                    hAbs *= factor;
                    break;
                }
                hAbs *= double.IsFinite(error) ? Math.Max(MinFactor, Safety * Math.Pow(error, -1.0 / (ErrorOrder + 1))) : MinFactor;
                rejected = true;
                Counts += new StepCounts(0, 1, 0);
            }
            Counts += new StepCounts(1, 0, 0);
            for (; sample < times.Length && times[sample] <= tNew; sample++)
                Interpolate(state, h, (times[sample] - t) / h, states.Slice(sample * d, d));
            t = tNew;
            _next.CopyTo(state, 0);
            _k[Stages].CopyTo(rate, 0);
        }
    }

    /// <summary>Stages from k1 = f(t, y): writes the 5th-order solution into _next, f(t + h, _next) into the last stage, returns the scaled RMS error.</summary>
    private double Attempt(double t, double h, double[] y, double[] rate)
    {
        int n = y.Length;
        rate.CopyTo(_k[0], 0);
        for (int s = 1; s < Stages; s++)
        {
            for (int i = 0; i < n; i++)
            {
                double sum = 0;
                for (int j = 0; j < s; j++) sum += A[s][j] * _k[j][i];
                _stage[i] = y[i] + h * sum;
            }
            Field.Evaluate(t + C[s] * h, _stage, _k[s]);
        }
        for (int i = 0; i < n; i++)
        {
            double sum = 0;
            for (int j = 0; j < Stages; j++) sum += B[j] * _k[j][i];
            _next[i] = y[i] + h * sum;
        }
        Field.Evaluate(t + h, _next, _k[Stages]);
        double total = 0;
        for (int i = 0; i < n; i++)
        {
            double sum = 0;
            for (int j = 0; j <= Stages; j++) sum += E[j] * _k[j][i];
            double e = h * sum / Tolerance.Scale(y[i], _next[i]);
            total += e * e;
        }
        return Math.Sqrt(total / n);
    }

    private void Interpolate(double[] y, double h, double x, Span<double> into)
    {
        for (int i = 0; i < y.Length; i++)
        {
            double value = 0, power = 1;
            for (int p = 0; p < 4; p++)
            {
                power *= x;
                double q = 0;
                for (int j = 0; j <= Stages; j++) q += _k[j][i] * P[j][p];
                value += q * power;
            }
            into[i] = y[i] + h * value;
        }
    }
}
