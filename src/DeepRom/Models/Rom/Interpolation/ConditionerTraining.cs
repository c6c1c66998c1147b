using System.Numerics;

namespace DeepRom.Models.Rom.Interpolation;

/// <summary>
/// Trains a <see cref="ConditionerNetwork"/> in managed float64 code: full batch, mean squared error, hand-written
/// backpropagation and AdamW (PyTorch's update rule) with a cosine learning rate, a fixed number of steps.
/// </summary>
/// <remarks>
/// The network is tiny (P ~ 100 points, a few thousand weights), where libtorch spends its time in per-operation overhead
/// and, on a busy 2-core machine, in OpenMP spin-waiting (one TorchSharp fit took 47-79 s instead of 2 s on two threads).
/// Worse, a leave-one-out run of 80 TorchSharp fits crashed in AdamW's step with a corrupt Scalar: TorchSharp's
/// implicitly converted scalars are freed by the garbage collector's finalizer thread, which raced the training. Plain
/// loops have neither problem, need no thread setting, and give the same bits on every run; there is no sampling and the
/// initial weights come from the caller, so the result depends only on the data, the settings and the machine's vector
/// width (the order of the sums in <see cref="Dot"/>).
/// </remarks>
public static class ConditionerTraining
{
    private const double Beta1 = 0.9, Beta2 = 0.999, Epsilon = 1e-8;

    /// <summary>The network trained from <paramref name="initial"/> to map <paramref name="inputs"/> (P, s) to <paramref name="targets"/> (P, r).</summary>
    public static ConditionerNetwork Train(ConditionerNetwork initial, double[][] inputs, double[][] targets, ConditionerConfig config)
    {
        int[] sizes = initial.Sizes;
        int layers = sizes.Length - 1, points = inputs.Length;
        double[][] weights = initial.Weights.Select(w => (double[])w.Clone()).ToArray();
        double[][] biases = initial.Biases.Select(b => (double[])b.Clone()).ToArray();
        // Activations per layer, row-major (P, width): [0] the inputs, [l + 1] the output of layer l (after SiLU if hidden).
        var activations = sizes.Select(n => new double[points * n]).ToArray();
        for (int p = 0; p < points; p++) inputs[p].CopyTo(activations[0], p * sizes[0]);
        double[] target = targets.SelectMany(t => t).ToArray();
        // SiLU's derivative at each hidden pre-activation, kept from the forward pass for the backward one.
        var slopes = Enumerable.Range(0, layers - 1).Select(l => new double[points * sizes[l + 1]]).ToArray();
        var deltas = sizes.Select(n => new double[points * n]).ToArray();
        var parameters = weights.Concat(biases).ToArray();
        var gradients = parameters.Select(a => new double[a.Length]).ToArray();
        var first = parameters.Select(a => new double[a.Length]).ToArray();
        var second = parameters.Select(a => new double[a.Length]).ToArray();

        for (int step = 0; step < config.Iterations; step++)
        {
            Forward(sizes, weights, biases, activations, slopes, points);
            // d(mean squared error)/d(output): the mean is over all P r values, as torch's mse_loss takes it.
            double[] output = activations[layers], delta = deltas[layers];
            double scale = 2.0 / output.Length;
            for (int k = 0; k < output.Length; k++) delta[k] = scale * (output[k] - target[k]);
            Backward(sizes, weights, activations, slopes, deltas, gradients, points);
            // Cosine to zero: large steps find the shape early, small ones settle the last digits.
            double lr = 0.5 * config.LearningRate * (1 + Math.Cos(Math.PI * step / config.Iterations));
            AdamW(parameters, gradients, first, second, step + 1, lr, config.WeightDecay);
        }
        return new ConditionerNetwork(sizes, weights, biases);
    }

    private static void Forward(int[] sizes, double[][] weights, double[][] biases, double[][] activations, double[][] slopes, int points)
    {
        int layers = weights.Length;
        for (int l = 0; l < layers; l++)
        {
            int inputs = sizes[l], outputs = sizes[l + 1];
            double[] x = activations[l], y = activations[l + 1], w = weights[l], b = biases[l];
            for (int p = 0; p < points; p++)
            {
                var row = x.AsSpan(p * inputs, inputs);
                for (int o = 0; o < outputs; o++)
                {
                    double a = b[o] + Dot(w.AsSpan(o * inputs, inputs), row);
                    int k = p * outputs + o;
                    if (l == layers - 1)
                    {
                        y[k] = a;
                        continue;
                    }
                    double sigmoid = 1 / (1 + Math.Exp(-a));
                    y[k] = a * sigmoid;
                    slopes[l][k] = sigmoid * (1 + a * (1 - sigmoid));
                }
            }
        }
    }

    /// <summary>Gradients of the loss for every weight and bias (in the order weights then biases), from the output deltas in <c>deltas[^1]</c>.</summary>
    private static void Backward(int[] sizes, double[][] weights, double[][] activations, double[][] slopes, double[][] deltas, double[][] gradients, int points)
    {
        int layers = weights.Length;
        for (int l = layers - 1; l >= 0; l--)
        {
            int inputs = sizes[l], outputs = sizes[l + 1];
            double[] delta = deltas[l + 1], x = activations[l], w = weights[l];
            double[] dw = gradients[l], db = gradients[layers + l];
            Array.Clear(dw);
            Array.Clear(db);
            for (int p = 0; p < points; p++)
            {
                var row = x.AsSpan(p * inputs, inputs);
                for (int o = 0; o < outputs; o++)
                {
                    double d = delta[p * outputs + o];
                    db[o] += d;
                    Axpy(d, row, dw.AsSpan(o * inputs, inputs));
                }
            }
            if (l == 0) continue; // the inputs need no delta
            double[] below = deltas[l], slope = slopes[l - 1];
            Array.Clear(below);
            for (int p = 0; p < points; p++)
            {
                var target = below.AsSpan(p * inputs, inputs);
                for (int o = 0; o < outputs; o++) Axpy(delta[p * outputs + o], w.AsSpan(o * inputs, inputs), target);
                for (int i = 0; i < inputs; i++) target[i] *= slope[p * inputs + i];
            }
        }
    }

    /// <summary>One AdamW step as PyTorch takes it: decoupled decay, then the bias-corrected Adam update.</summary>
    private static void AdamW(double[][] parameters, double[][] gradients, double[][] first, double[][] second, int step, double lr, double decay)
    {
        double correction1 = 1 - Math.Pow(Beta1, step), correction2 = Math.Sqrt(1 - Math.Pow(Beta2, step));
        double stepSize = lr / correction1;
        for (int a = 0; a < parameters.Length; a++)
        {
            double[] theta = parameters[a], g = gradients[a], m = first[a], v = second[a];
            for (int k = 0; k < theta.Length; k++)
            {
                theta[k] *= 1 - lr * decay;
                m[k] = Beta1 * m[k] + (1 - Beta1) * g[k];
                v[k] = Beta2 * v[k] + (1 - Beta2) * g[k] * g[k];
                theta[k] -= stepSize * m[k] / (Math.Sqrt(v[k]) / correction2 + Epsilon);
            }
        }
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        int k = 0;
        double sum = 0;
        if (Vector.IsHardwareAccelerated && a.Length >= Vector<double>.Count)
        {
            var acc = Vector<double>.Zero;
            for (; k <= a.Length - Vector<double>.Count; k += Vector<double>.Count)
                acc += new Vector<double>(a[k..]) * new Vector<double>(b[k..]);
            sum = Vector.Sum(acc);
        }
        for (; k < a.Length; k++) sum += a[k] * b[k];
        return sum;
    }

    private static void Axpy(double factor, ReadOnlySpan<double> x, Span<double> y)
    {
        int k = 0;
        if (Vector.IsHardwareAccelerated && x.Length >= Vector<double>.Count)
        {
            var f = new Vector<double>(factor);
            for (; k <= x.Length - Vector<double>.Count; k += Vector<double>.Count)
                (new Vector<double>(y[k..]) + f * new Vector<double>(x[k..])).CopyTo(y[k..]);
        }
        for (; k < x.Length; k++) y[k] += factor * x[k];
    }
}
