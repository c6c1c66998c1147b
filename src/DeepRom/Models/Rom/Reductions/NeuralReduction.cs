using DeepRom.Data;
using DeepRom.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepRom.Models.Rom.Reductions;

/// <summary>
/// A reduction learned by a neural network (any <see cref="ISimulationNetwork"/>), trained with the shared
/// <see cref="Trainer"/> on the scaled simulations as float32 (P, T, N); codes are the network's deterministic
/// encodings, and a simulation is decoded from its code alone.
/// </summary>
/// <remarks>Encoding and decoding run in eval mode without gradients; the reduction's double vectors are converted to and from float32 at the boundary.</remarks>
public sealed class NeuralReduction : IReduction, IDisposable
{
    /// <param name="network">The network, freshly initialised or to be loaded with <see cref="LoadWeights"/>.</param>
    /// <param name="steps">Time steps T of a simulation (1 for static data).</param>
    /// <param name="nodes">Values N per time step (channels x grid).</param>
    /// <param name="trainer">The training loop's settings.</param>
    public NeuralReduction(ISimulationNetwork network, int steps, int nodes, TrainerConfig trainer)
    {
        if (steps < 1 || nodes < 1) throw new ArgumentException($"a simulation needs at least one time step and one value, got ({steps}, {nodes})");
        Network = network;
        Steps = steps;
        Nodes = nodes;
        Trainer = trainer;
    }

    public ISimulationNetwork Network { get; }

    public int Steps { get; }

    public int Nodes { get; }

    public TrainerConfig Trainer { get; }

    public int LatentSize => Network.CodeSize;

    /// <summary>The training loop's final state (history, seconds, epochs) after <see cref="Fit"/>; null before.</summary>
    public TrainingState? State { get; private set; }

    /// <summary>The number of trained weights.</summary>
    public long ParameterCount => Network.Module.parameters().Sum(p => p.numel());

    public double[][] Fit(IReadOnlyList<double[]> simulations, FitControl? control = null)
    {
        control ??= FitControl.None;
        if (simulations.Count < 1) throw new ArgumentException("a neural reduction needs at least one simulation");
        using var data = ToTensor(simulations);
        if (!control.Resume) Network.Prepare(data);
        var objective = new ReductionObjective(Network, data, Trainer.Epochs);
        State = new Trainer(Trainer, objective, control.Checkpoint, control.Progress, control.Log).Run(control.Resume, control.Cancellation);
        // One at a time through Encode itself: the GEMM kernels may sum in another order for another batch size or memory
        // alignment, and the stored training codes should be the very bits a reloaded model's Encode gives.
        return simulations.Select(s => Encode(s)).ToArray();
    }

    public double[] Encode(ReadOnlySpan<double> simulation)
    {
        if (simulation.Length != Steps * Nodes) throw new ArgumentException($"simulation has {simulation.Length} values, the network takes {Steps} x {Nodes}");
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        Network.Module.eval();
        Tensor code = Network.Encode(Aligned(ToSingle(simulation), 1, Steps, Nodes));
        return ToDouble(code);
    }

    public double[] Decode(ReadOnlySpan<double> code)
    {
        if (code.Length != LatentSize) throw new ArgumentException($"code has {code.Length} entries, the network {LatentSize}");
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        Network.Module.eval();
        Tensor simulation = Network.Decode(Aligned(ToSingle(code), 1, LatentSize));
        return ToDouble(simulation);
    }

    /// <summary>Writes the network's weights and buffers atomically (the format <see cref="Checkpoint.LoadWeights"/> reads).</summary>
    public void SaveWeights(string path) => AtomicFile.Write(path, force: true, temp => Network.Module.save(temp));

    /// <summary>Reads weights written by <see cref="SaveWeights"/>; a missing or mismatched file is an <see cref="InputException"/>.</summary>
    public void LoadWeights(string path)
    {
        Checkpoint.LoadWeights(Network.Module, path);
        Network.Module.eval();
    }

    public void Dispose() => Network.Module.Dispose();

    private Tensor ToTensor(IReadOnlyList<double[]> simulations)
    {
        int length = Steps * Nodes;
        var values = new float[(long)simulations.Count * length];
        for (int k = 0; k < simulations.Count; k++)
        {
            if (simulations[k].Length != length) throw new ArgumentException($"simulation {k} has {simulations[k].Length} values, the network takes {Steps} x {Nodes}");
            for (int i = 0; i < length; i++) values[(long)k * length + i] = (float)simulations[k][i];
        }
        return tensor(values, new long[] { simulations.Count, Steps, Nodes });
    }

    /// <summary>
    /// The values as a tensor in memory libtorch allocated. A tensor made from a managed array uses the array's memory,
    /// whose alignment varies from array to array, and the GEMM kernels then sum in another order: the same code decoded
    /// twice gave different last bits.
    /// </summary>
    private static Tensor Aligned(float[] values, params long[] shape)
    {
        using var wrapped = tensor(values, shape);
        return wrapped.clone();
    }

    private static float[] ToSingle(ReadOnlySpan<double> values)
    {
        var single = new float[values.Length];
        for (int i = 0; i < values.Length; i++) single[i] = (float)values[i];
        return single;
    }

    private static double[] ToDouble(Tensor values)
    {
        using var flat = values.contiguous();
        float[] single = flat.data<float>().ToArray();
        var result = new double[single.Length];
        for (int i = 0; i < result.Length; i++) result[i] = single[i];
        return result;
    }
}
