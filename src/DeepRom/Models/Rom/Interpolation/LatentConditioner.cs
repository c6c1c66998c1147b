using System.Diagnostics;
using DeepRom.Data;

namespace DeepRom.Models.Rom.Interpolation;

/// <summary>
/// A learned conditioner, what the LSH-VAE's public descendant uses instead of slerp: a small network from the
/// standardised parameters to the standardised codes, trained on the training points (<see cref="ConditionerTraining"/>),
/// evaluated in managed code (<see cref="ConditionerNetwork"/>). It is smooth but not exact at the training points.
/// Outside the hull of the training parameters (<see cref="ParameterHull"/>) the network's output is a genuine
/// extrapolation, and the prediction is flagged.
/// </summary>
public sealed class LatentConditioner(ConditionerConfig config) : ILatentInterpolation
{
    private ParameterHull? _hull;
    private Standardisation? _inputs;
    private Standardisation? _outputs;
    private ConditionerNetwork? _network;

    public ConditionerConfig Config { get; } = config;

    /// <summary>Wall time of <see cref="Fit"/> in seconds (0 for a conditioner read back from its arrays).</summary>
    public double FitSeconds { get; private set; }

    /// <summary>Root mean square error over the training points and code components, in units of the standardised codes.</summary>
    public double TrainingRms { get; private set; } = double.NaN;

    public string Description => _network is null ? "not fitted"
        : $"conditioner network {string.Join(" -> ", _network.Sizes)} (SiLU), {Config.Iterations} full-batch AdamW steps, seed {Config.Seed}; " +
          $"RMS training error {TrainingRms:g3} of the standardised codes";

    public void Fit(IReadOnlyList<double[]> parameters, IReadOnlyList<double[]> codes)
    {
        if (codes.Count != parameters.Count) throw new ArgumentException($"{codes.Count} codes for {parameters.Count} parameter points");
        Config.Validate();
        var clock = Stopwatch.StartNew();
        var hull = new ParameterHull(parameters);
        var inputs = Standardisation.Fit(parameters);
        var outputs = Standardisation.Fit(codes, Config.SharedCodeScale);
        double[][] x = parameters.Select(p => inputs.Apply(p)).ToArray();
        double[][] y = codes.Select(c => outputs.Apply(c)).ToArray();
        int[] sizes = [x[0].Length, .. Enumerable.Repeat(Config.Hidden, Config.Layers), y[0].Length];
        var initial = ConditionerNetwork.Initialise(sizes, new Random(Config.Seed));
        Set(hull, inputs, outputs, ConditionerTraining.Train(initial, x, y, Config));
        TrainingRms = Rms(x, y);
        FitSeconds = clock.Elapsed.TotalSeconds;
    }

    public ILatentInterpolation CreateUnfitted() => new LatentConditioner(Config);

    public bool Contains(ReadOnlySpan<double> parameter) => Hull.Contains(parameter);

    public LatentPrediction Predict(ReadOnlySpan<double> parameter)
    {
        bool inside = Hull.Contains(parameter);
        double[] code = _outputs!.Invert(_network!.Forward(_inputs!.Apply(parameter)));
        return new LatentPrediction(code, [], [], !inside);
    }

    /// <summary>The fitted network and scalings as named float64 arrays (for <see cref="ChecksummedArrayFile"/>).</summary>
    public Dictionary<string, NdArray> Arrays()
    {
        if (_network is null || _inputs is null || _outputs is null) throw new InvalidOperationException("conditioner saved before Fit");
        var arrays = new Dictionary<string, NdArray>
        {
            ["input_offsets"] = NdArray.Of(_inputs.Offsets, _inputs.Offsets.Length),
            ["input_scales"] = NdArray.Of(_inputs.Scales, _inputs.Scales.Length),
            ["output_offsets"] = NdArray.Of(_outputs.Offsets, _outputs.Offsets.Length),
            ["output_scales"] = NdArray.Of(_outputs.Scales, _outputs.Scales.Length),
            ["training_rms"] = NdArray.Of(new[] { TrainingRms }, 1),
        };
        for (int l = 0; l < _network.Weights.Length; l++)
        {
            arrays[$"layer{l}_weight"] = NdArray.Of(_network.Weights[l], _network.Sizes[l + 1], _network.Sizes[l]);
            arrays[$"layer{l}_bias"] = NdArray.Of(_network.Biases[l], _network.Sizes[l + 1]);
        }
        return arrays;
    }

    /// <summary>
    /// The conditioner <see cref="Arrays"/> wrote, for the model trained at <paramref name="parameters"/>; arrays that are
    /// missing or do not fit together are an <see cref="ArgumentException"/> naming the array.
    /// </summary>
    public static LatentConditioner Restore(ConditionerConfig config, IReadOnlyDictionary<string, NdArray> arrays, IReadOnlyList<double[]> parameters)
    {
        double[] Values(string name, params int[] shape)
        {
            if (!arrays.TryGetValue(name, out var a)) throw new ArgumentException($"array '{name}' is missing");
            if (!a.Shape.SequenceEqual(shape)) throw new ArgumentException($"array '{name}' has shape ({string.Join(", ", a.Shape)}), expected ({string.Join(", ", shape)})");
            return (double[])a.Data;
        }
        var hull = new ParameterHull(parameters);
        int s = hull.Dimension;
        if (!arrays.TryGetValue("output_offsets", out var o) || o.Shape.Length != 1) throw new ArgumentException("array 'output_offsets' is missing");
        int r = o.Shape[0];
        int[] sizes = [s, .. Enumerable.Repeat(config.Hidden, config.Layers), r];
        var weights = new double[sizes.Length - 1][];
        var biases = new double[sizes.Length - 1][];
        for (int l = 0; l < weights.Length; l++)
        {
            weights[l] = Values($"layer{l}_weight", sizes[l + 1], sizes[l]);
            biases[l] = Values($"layer{l}_bias", sizes[l + 1]);
        }
        var conditioner = new LatentConditioner(config) { TrainingRms = Values("training_rms", 1)[0] };
        conditioner.Set(hull, new Standardisation(Values("input_offsets", s), Values("input_scales", s)),
            new Standardisation(Values("output_offsets", r), Values("output_scales", r)), new ConditionerNetwork(sizes, weights, biases));
        return conditioner;
    }

    private void Set(ParameterHull hull, Standardisation inputs, Standardisation outputs, ConditionerNetwork network)
    {
        _hull = hull;
        _inputs = inputs;
        _outputs = outputs;
        _network = network;
    }

    private double Rms(double[][] x, double[][] y)
    {
        double sum = 0;
        for (int k = 0; k < x.Length; k++)
        {
            double[] z = _network!.Forward(x[k]);
            for (int i = 0; i < z.Length; i++) sum += (z[i] - y[k][i]) * (z[i] - y[k][i]);
        }
        return Math.Sqrt(sum / (x.Length * y[0].Length));
    }

    private ParameterHull Hull => _hull ?? throw new InvalidOperationException("interpolation used before Fit");
}
