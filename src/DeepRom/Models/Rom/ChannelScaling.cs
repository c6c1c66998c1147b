namespace DeepRom.Models.Rom;

/// <summary>
/// Per-channel standardisation of simulations laid out (T, C, *grid) row-major: the reduction sees each channel with
/// mean 0 and standard deviation 1 over the training data, so channels in different units weigh alike, and predictions
/// are mapped back to physical units.
/// </summary>
/// <param name="Offsets">Per-channel mean over all training values.</param>
/// <param name="Scales">Per-channel standard deviation (1 for a constant channel).</param>
/// <param name="GridSize">Values per channel and time step (1 for a lumped system).</param>
public sealed record ChannelScaling(double[] Offsets, double[] Scales, int GridSize)
{
    public int Channels => Offsets.Length;

    /// <summary>The scaling of <paramref name="simulations"/> with <paramref name="channels"/> channels of <paramref name="gridSize"/> values.</summary>
    public static ChannelScaling Fit(IReadOnlyList<ReadOnlyMemory<float>> simulations, int channels, int gridSize)
    {
        var sum = new double[channels];
        var squares = new double[channels];
        long perChannel = 0;
        foreach (var memory in simulations)
        {
            var s = memory.Span;
            for (int block = 0, start = 0; start < s.Length; block++, start += gridSize)
            {
                double total = 0;
                foreach (float v in s.Slice(start, gridSize)) total += v;
                sum[block % channels] += total;
            }
            perChannel += s.Length / channels;
        }
        var mean = sum.Select(v => v / perChannel).ToArray();
        foreach (var memory in simulations)
        {
            var s = memory.Span;
            for (int block = 0, start = 0; start < s.Length; block++, start += gridSize)
            {
                double m = mean[block % channels], total = 0;
                foreach (float v in s.Slice(start, gridSize)) total += (v - m) * (v - m);
                squares[block % channels] += total;
            }
        }
        var scale = squares.Select(v => Math.Sqrt(v / perChannel)).Select(v => v > 0 ? v : 1).ToArray();
        return new ChannelScaling(mean, scale, gridSize);
    }

    /// <summary>Physical values to the scaled values the reduction works on.</summary>
    public double[] Apply(ReadOnlySpan<float> simulation)
    {
        var scaled = new double[simulation.Length];
        // Block by block: one channel per block of GridSize values, so no index arithmetic per value.
        for (int block = 0, start = 0; start < scaled.Length; block++, start += GridSize)
        {
            double offset = Offsets[block % Channels], inverse = 1 / Scales[block % Channels];
            for (int k = start; k < start + GridSize; k++) scaled[k] = (simulation[k] - offset) * inverse;
        }
        return scaled;
    }

    /// <summary>Scaled values back to physical units.</summary>
    public float[] Invert(ReadOnlySpan<double> scaled)
    {
        var simulation = new float[scaled.Length];
        for (int block = 0, start = 0; start < simulation.Length; block++, start += GridSize)
        {
            double offset = Offsets[block % Channels], scale = Scales[block % Channels];
            for (int k = start; k < start + GridSize; k++) simulation[k] = (float)(scaled[k] * scale + offset);
        }
        return simulation;
    }
}
