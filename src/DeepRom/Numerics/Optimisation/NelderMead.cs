namespace DeepRom.Numerics.Optimisation;

/// <summary>Settings of the Nelder-Mead simplex minimiser.</summary>
/// <param name="MaxEvaluations">Hard limit on objective evaluations.</param>
/// <param name="XTolerance">Stop when every vertex is within this (max-norm) of the best vertex...</param>
/// <param name="FTolerance">...and every vertex value is within this of the best value.</param>
/// <param name="InitialStep">
/// Edge lengths of the starting simplex per coordinate; null means 10 % of |x0_i|, or 0.1 where x0_i is zero.
/// </param>
public sealed record NelderMeadOptions(
    int MaxEvaluations = 2000,
    double XTolerance = 1e-8,
    double FTolerance = 1e-10,
    double[]? InitialStep = null);

/// <summary>Derivative-free minimisation by the Nelder-Mead downhill simplex (reflection 1, expansion 2, contraction 0.5, shrink 0.5).</summary>
public static class NelderMead
{
    private const double Reflection = 1, Expansion = 2, Contraction = 0.5, Shrink = 0.5;

    /// <summary>Minimise <paramref name="f"/> from <paramref name="x0"/>; returns the best point, its value and the evaluations used.</summary>
    public static (double[] X, double Value, int Evaluations) Minimize(Func<double[], double> f, double[] x0, NelderMeadOptions? options = null)
    {
        options ??= new NelderMeadOptions();
        int n = x0.Length;
        if (n == 0) throw new ArgumentException("x0 is empty", nameof(x0));
        if (options.InitialStep is { } s && s.Length != n)
            throw new ArgumentException($"InitialStep has {s.Length} entries, x0 has {n}", nameof(options));

        int evaluations = 0;
        double Eval(double[] x)
        {
            evaluations++;
            double v = f(x);
            // A NaN would poison every comparison; treat it as the worst possible value instead.
            return double.IsNaN(v) ? double.PositiveInfinity : v;
        }

        var simplex = new double[n + 1][];
        var values = new double[n + 1];
        simplex[0] = (double[])x0.Clone();
        values[0] = Eval(simplex[0]);
        for (int i = 0; i < n; i++)
        {
            var v = (double[])x0.Clone();
            double step = options.InitialStep?[i] ?? (x0[i] != 0 ? 0.1 * Math.Abs(x0[i]) : 0.1);
            v[i] += step;
            simplex[i + 1] = v;
            values[i + 1] = Eval(v);
        }

        var order = new int[n + 1];
        var centroid = new double[n];
        while (true)
        {
            for (int i = 0; i <= n; i++) order[i] = i;
            Array.Sort(order, (a, b) => values[a].CompareTo(values[b]));
            int best = order[0], worst = order[n], secondWorst = order[n - 1];
            if (Converged(simplex, values, best, options) || evaluations >= options.MaxEvaluations)
                return ((double[])simplex[best].Clone(), values[best], evaluations);

            Array.Clear(centroid);
            for (int i = 0; i <= n; i++)
            {
                if (i == worst) continue;
                for (int j = 0; j < n; j++) centroid[j] += simplex[i][j] / n;
            }

            var reflected = Along(centroid, simplex[worst], -Reflection);
            double fr = Eval(reflected);
            if (fr < values[best])
            {
                var expanded = Along(centroid, simplex[worst], -Expansion);
                double fe = Eval(expanded);
                if (fe < fr) Replace(worst, expanded, fe);
                else Replace(worst, reflected, fr);
                continue;
            }
            if (fr < values[secondWorst])
            {
                Replace(worst, reflected, fr);
                continue;
            }
            // Contract towards the better of the worst vertex and its reflection.
            bool outside = fr < values[worst];
            var contracted = outside
                ? Along(centroid, simplex[worst], -Contraction)
                : Along(centroid, simplex[worst], Contraction);
            double fc = Eval(contracted);
            if (fc < (outside ? fr : values[worst]))
            {
                Replace(worst, contracted, fc);
                continue;
            }
            for (int i = 0; i <= n; i++)
            {
                if (i == best) continue;
                for (int j = 0; j < n; j++)
                    simplex[i][j] = simplex[best][j] + Shrink * (simplex[i][j] - simplex[best][j]);
                values[i] = Eval(simplex[i]);
            }
        }

        void Replace(int i, double[] x, double v)
        {
            simplex[i] = x;
            values[i] = v;
        }
    }

    // centroid + t * (vertex - centroid): t = -1 reflects, -2 expands, -0.5 / +0.5 contract outside / inside.
    private static double[] Along(double[] centroid, double[] vertex, double t)
    {
        var x = new double[centroid.Length];
        for (int j = 0; j < x.Length; j++) x[j] = centroid[j] + t * (vertex[j] - centroid[j]);
        return x;
    }

    private static bool Converged(double[][] simplex, double[] values, int best, NelderMeadOptions o)
    {
        for (int i = 0; i < simplex.Length; i++)
        {
            if (i == best) continue;
            if (Math.Abs(values[i] - values[best]) > o.FTolerance) return false;
            for (int j = 0; j < simplex[i].Length; j++)
                if (Math.Abs(simplex[i][j] - simplex[best][j]) > o.XTolerance) return false;
        }
        return true;
    }
}
