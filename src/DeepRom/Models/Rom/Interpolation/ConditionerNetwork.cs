namespace DeepRom.Models.Rom.Interpolation;

/// <summary>
/// The conditioner's multilayer perceptron as plain float64 arrays (Linear, SiLU, ..., Linear), evaluated in managed
/// code: a prediction costs microseconds and no tensors, and a network read back from its file predicts the same bits.
/// </summary>
/// <param name="Sizes">Layer widths from input to output, e.g. (2, 64, 64, 20).</param>
/// <param name="Weights">Per layer, the (out, in) weight matrix row-major.</param>
/// <param name="Biases">Per layer, the out biases.</param>
public sealed record ConditionerNetwork(int[] Sizes, double[][] Weights, double[][] Biases)
{
    /// <summary>
    /// Weights and biases uniform in +-1/sqrt(fan in), as PyTorch initialises a Linear layer, drawn from
    /// <paramref name="random"/> so that the seed alone fixes them.
    /// </summary>
    public static ConditionerNetwork Initialise(int[] sizes, Random random)
    {
        int layers = sizes.Length - 1;
        var weights = new double[layers][];
        var biases = new double[layers][];
        for (int l = 0; l < layers; l++)
        {
            double bound = 1 / Math.Sqrt(sizes[l]);
            weights[l] = Enumerable.Range(0, sizes[l + 1] * sizes[l]).Select(_ => bound * (2 * random.NextDouble() - 1)).ToArray();
            biases[l] = Enumerable.Range(0, sizes[l + 1]).Select(_ => bound * (2 * random.NextDouble() - 1)).ToArray();
        }
        return new ConditionerNetwork(sizes, weights, biases);
    }

    /// <summary>The network's output at <paramref name="input"/>.</summary>
    public double[] Forward(ReadOnlySpan<double> input)
    {
        double[] x = input.ToArray();
        for (int l = 0; l < Weights.Length; l++)
        {
            int inputs = Sizes[l], outputs = Sizes[l + 1];
            double[] w = Weights[l];
            var y = (double[])Biases[l].Clone();
            for (int o = 0; o < outputs; o++)
            {
                double sum = 0;
                var row = w.AsSpan(o * inputs, inputs);
                for (int i = 0; i < inputs; i++) sum += row[i] * x[i];
                y[o] += sum;
            }
            if (l < Weights.Length - 1)
                for (int o = 0; o < outputs; o++) y[o] /= 1 + Math.Exp(-y[o]); // SiLU: y sigmoid(y)
            x = y;
        }
        return x;
    }
}
