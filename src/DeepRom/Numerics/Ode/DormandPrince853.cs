using static DeepRom.Numerics.Ode.DormandPrince853Tableau;

namespace DeepRom.Numerics.Ode;

/// <summary>
/// Dormand &amp; Prince's adaptive 8(5,3) Runge-Kutta pair as in Hairer's DOP853: steps of the 8th-order solution, sizes chosen
/// from the combined 5th/3rd-order error estimate so that it stays within an <see cref="ErrorTolerance"/>.
/// </summary>
/// <remarks>
/// <see cref="Solve"/> steps exactly onto every sample time (the step before a sample is shortened to end on it), so no
/// interpolation error enters the samples; the proposed step carries over from one sample interval to the next. Step-size
/// control as in DOP853: factor 0.9 err^(-1/8) bounded to [0.333, 6], never growing right after a rejection. Buffers are kept
/// between calls, so an instance belongs to one thread.
/// </remarks>
public sealed class DormandPrince853 : IOdeSolver
{
    private const double Safety = 0.9, MinFactor = 0.333, MaxFactor = 6;
    private const int ErrorOrder = 7;

    private readonly double[] _k1, _k2, _k3, _k4, _k5, _k6, _k7, _k8, _k9, _k10, _k11, _k12, _stage, _next;
    private double _proposal;

    public DormandPrince853(IVectorField field, ErrorTolerance tolerance)
    {
        tolerance.Validate();
        Field = field;
        Tolerance = tolerance;
        int d = field.Dimension;
        double[] New() => new double[d];
        (_k1, _k2, _k3, _k4, _k5, _k6, _k7, _k8) = (New(), New(), New(), New(), New(), New(), New(), New());
        (_k9, _k10, _k11, _k12, _stage, _next) = (New(), New(), New(), New(), New(), New());
    }

    public IVectorField Field { get; }

    /// <summary>The tolerance every accepted step's error estimate meets.</summary>
    public ErrorTolerance Tolerance { get; }

    /// <summary>The longest step allowed (unbounded by default).</summary>
    public double MaxStep { get; init; } = double.PositiveInfinity;

    public StepCounts Counts { get; private set; }

    /// <summary>
    /// One step of size <paramref name="h"/> from (<paramref name="t"/>, <paramref name="state"/>) without step-size control: writes
    /// the 8th-order solution into <paramref name="next"/> and returns the scaled error estimate (a controlled step accepts it
    /// when at most 1). For convergence studies with a fixed step.
    /// </summary>
    public double Step(double t, double h, ReadOnlySpan<double> state, Span<double> next)
    {
        Field.Evaluate(t, state, _k1);
        double error = Attempt(t, h, state, _k1);
        _next.CopyTo(next);
        return error;
    }

    public void Solve(ReadOnlySpan<double> initialState, ReadOnlySpan<double> times, Span<double> states)
    {
        int d = Field.Dimension;
        SampleTimes.Check(initialState, times, states, d);
        var state = initialState.ToArray();
        var rate = new double[d];
        initialState.CopyTo(states);
        if (times.Length == 1) return;
        double t = times[0];
        Field.Evaluate(t, state, rate);
        _proposal = InitialStepSize.Select(Field, t, state, rate, ErrorOrder, Tolerance, times[^1] - t);
        Counts += new StepCounts(0, 0, 2);
        for (int k = 1; k < times.Length; k++)
        {
            AdvanceTo(ref t, state, rate, times[k]);
            state.CopyTo(states.Slice(k * d, d));
        }
    }

    /// <summary>Adaptive steps from <paramref name="t"/> to exactly <paramref name="end"/>; <paramref name="rate"/> is f(t, state) on entry and on exit.</summary>
    private void AdvanceTo(ref double t, double[] state, double[] rate, double end)
    {
        double h = _proposal;
        bool rejected = false;
        while (t < end)
        {
            h = Math.Min(h, MaxStep);
            // Hairer's rule: stretch a step by up to 1 % to land on the end rather than leave a sliver after it.
            bool last = t + 1.01 * h >= end;
            if (last) h = end - t;
            if (h < 10 * (Math.BitIncrement(t) - t))
                throw new IntegrationException(t, $"step size {h:G3} is below the resolution of t");

            double error = Attempt(t, h, state, rate);
            Counts += new StepCounts(0, 0, 11);
            if (error <= 1)
            {
                double factor = error == 0 ? MaxFactor : Math.Clamp(Safety * Math.Pow(error, -1.0 / (ErrorOrder + 1)), MinFactor, MaxFactor);
                if (rejected) factor = Math.Min(factor, 1);
                t = last ? end : t + h;
                _next.CopyTo(state, 0);
                Field.Evaluate(t, state, rate);
                Counts += new StepCounts(1, 0, 1);
                h *= factor;
                rejected = false;
            }
            else
            {
                // A non-finite estimate (overflow in a blow-up) shrinks the step as much as a large one does.
                h *= double.IsFinite(error) ? Math.Max(MinFactor, Safety * Math.Pow(error, -1.0 / (ErrorOrder + 1))) : MinFactor;
                rejected = true;
                Counts += new StepCounts(0, 1, 0);
            }
        }
        _proposal = h;
    }

    /// <summary>Computes stages 2..12 from <paramref name="k1"/> = f(t, y), writes the 8th-order solution into _next and returns the scaled error.</summary>
    private double Attempt(double t, double h, ReadOnlySpan<double> y, ReadOnlySpan<double> k1)
    {
        int n = y.Length;
        double[] k2 = _k2, k3 = _k3, k4 = _k4, k5 = _k5, k6 = _k6, k7 = _k7, k8 = _k8, k9 = _k9, k10 = _k10, k11 = _k11, k12 = _k12, s = _stage;

        for (int i = 0; i < n; i++) s[i] = y[i] + h * A21 * k1[i];
        Field.Evaluate(t + C2 * h, s, k2);
        for (int i = 0; i < n; i++) s[i] = y[i] + h * (A31 * k1[i] + A32 * k2[i]);
        Field.Evaluate(t + C3 * h, s, k3);
        for (int i = 0; i < n; i++) s[i] = y[i] + h * (A41 * k1[i] + A43 * k3[i]);
        Field.Evaluate(t + C4 * h, s, k4);
        for (int i = 0; i < n; i++) s[i] = y[i] + h * (A51 * k1[i] + A53 * k3[i] + A54 * k4[i]);
        Field.Evaluate(t + C5 * h, s, k5);
        for (int i = 0; i < n; i++) s[i] = y[i] + h * (A61 * k1[i] + A64 * k4[i] + A65 * k5[i]);
        Field.Evaluate(t + C6 * h, s, k6);
        for (int i = 0; i < n; i++) s[i] = y[i] + h * (A71 * k1[i] + A74 * k4[i] + A75 * k5[i] + A76 * k6[i]);
        Field.Evaluate(t + C7 * h, s, k7);
        for (int i = 0; i < n; i++) s[i] = y[i] + h * (A81 * k1[i] + A84 * k4[i] + A85 * k5[i] + A86 * k6[i] + A87 * k7[i]);
        Field.Evaluate(t + C8 * h, s, k8);
        for (int i = 0; i < n; i++)
            s[i] = y[i] + h * (A91 * k1[i] + A94 * k4[i] + A95 * k5[i] + A96 * k6[i] + A97 * k7[i] + A98 * k8[i]);
        Field.Evaluate(t + C9 * h, s, k9);
        for (int i = 0; i < n; i++)
            s[i] = y[i] + h * (A101 * k1[i] + A104 * k4[i] + A105 * k5[i] + A106 * k6[i] + A107 * k7[i] + A108 * k8[i] + A109 * k9[i]);
        Field.Evaluate(t + C10 * h, s, k10);
        for (int i = 0; i < n; i++)
            s[i] = y[i] + h * (A111 * k1[i] + A114 * k4[i] + A115 * k5[i] + A116 * k6[i] + A117 * k7[i] + A118 * k8[i] + A119 * k9[i]
                               + A1110 * k10[i]);
        Field.Evaluate(t + C11 * h, s, k11);
        for (int i = 0; i < n; i++)
            s[i] = y[i] + h * (A121 * k1[i] + A124 * k4[i] + A125 * k5[i] + A126 * k6[i] + A127 * k7[i] + A128 * k8[i] + A129 * k9[i]
                               + A1210 * k10[i] + A1211 * k11[i]);
        Field.Evaluate(t + h, s, k12);

        double error5 = 0, error3 = 0;
        for (int i = 0; i < n; i++)
        {
            double increment = B1 * k1[i] + B6 * k6[i] + B7 * k7[i] + B8 * k8[i] + B9 * k9[i] + B10 * k10[i] + B11 * k11[i] + B12 * k12[i];
            _next[i] = y[i] + h * increment;
            double scale = Tolerance.Scale(y[i], _next[i]);
            double e3 = (increment - Bhh1 * k1[i] - Bhh2 * k9[i] - Bhh3 * k12[i]) / scale;
            double e5 = (Er1 * k1[i] + Er6 * k6[i] + Er7 * k7[i] + Er8 * k8[i] + Er9 * k9[i] + Er10 * k10[i] + Er11 * k11[i] + Er12 * k12[i]) / scale;
            error3 += e3 * e3;
            error5 += e5 * e5;
        }
        // Hairer's combination: close to the 5th-order estimate, but the 3rd-order one keeps it honest when the 5th vanishes by chance.
        double denominator = error5 + 0.01 * error3;
        if (denominator <= 0) return 0;
        return Math.Abs(h) * error5 / Math.Sqrt(n * denominator);
    }
}
