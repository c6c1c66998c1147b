using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DeepRom.Models.Rom.Interpolation;

/// <summary>
/// Trains a <see cref="ConditionerNetwork"/> with TorchSharp: full batch, mean squared error, AdamW with a cosine
/// learning rate, a fixed number of steps, in float64.
/// </summary>
/// <remarks>
/// There is no sampling (the whole training set is every batch) and the initial weights come from the caller, so the
/// result depends on nothing but the data, the settings and the machine's arithmetic. Float64 costs little at this size
/// (P ~ 100 points, a few thousand weights) and keeps the last digits of the fit from being float32 noise.
/// </remarks>
public static class ConditionerTraining
{
    /// <summary>The network trained from <paramref name="initial"/> to map <paramref name="inputs"/> (P, s) to <paramref name="targets"/> (P, r).</summary>
    public static ConditionerNetwork Train(ConditionerNetwork initial, double[][] inputs, double[][] targets, ConditionerConfig config)
    {
        // One intra-op thread: every operation here is a few thousand values, where a second OpenMP thread only adds
        // synchronisation, and on a busy 2-core machine its spin-waiting made training 30 times slower (the bits are the same).
        int threads = get_num_threads();
        set_num_threads(1);
        try
        {
            return TrainOnOneThread(initial, inputs, targets, config);
        }
        finally
        {
            set_num_threads(threads);
        }
    }

    private static ConditionerNetwork TrainOnOneThread(ConditionerNetwork initial, double[][] inputs, double[][] targets, ConditionerConfig config)
    {
        int layers = initial.Weights.Length;
        using var scope = NewDisposeScope();
        Tensor x = Matrix(inputs), y = Matrix(targets);
        var weights = new Parameter[layers];
        var biases = new Parameter[layers];
        for (int l = 0; l < layers; l++)
        {
            weights[l] = new Parameter(tensor(initial.Weights[l], new long[] { initial.Sizes[l + 1], initial.Sizes[l] }, ScalarType.Float64));
            biases[l] = new Parameter(tensor(initial.Biases[l], new long[] { initial.Sizes[l + 1] }, ScalarType.Float64));
        }
        using var optimizer = optim.AdamW(weights.Concat(biases), lr: config.LearningRate, weight_decay: config.WeightDecay);
        for (int step = 0; step < config.Iterations; step++)
        {
            using var stepScope = NewDisposeScope();
            // Cosine to zero: large steps find the shape early, small ones settle the last digits.
            double lr = 0.5 * config.LearningRate * (1 + Math.Cos(Math.PI * step / config.Iterations));
            foreach (var group in optimizer.ParamGroups) group.LearningRate = lr;
            optimizer.zero_grad();
            Tensor h = x;
            for (int l = 0; l < layers; l++)
            {
                h = nn.functional.linear(h, weights[l], biases[l]);
                if (l < layers - 1) h = nn.functional.silu(h);
            }
            nn.functional.mse_loss(h, y).backward();
            optimizer.step();
        }
        return new ConditionerNetwork(initial.Sizes,
            weights.Select(w => w.detach().data<double>().ToArray()).ToArray(),
            biases.Select(b => b.detach().data<double>().ToArray()).ToArray());
    }

    private static Tensor Matrix(double[][] rows) =>
        tensor(rows.SelectMany(r => r).ToArray(), new long[] { rows.Length, rows[0].Length }, ScalarType.Float64);
}
