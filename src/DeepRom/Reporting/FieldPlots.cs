using ScottPlot;

namespace DeepRom.Reporting;

/// <summary>Heatmap figures of 2-D fields: truth against reconstruction, and latent traversals.</summary>
public static class FieldPlots
{
    /// <summary>
    /// One row per channel of one sample: truth, reconstruction (same colour range as truth, so they compare by eye)
    /// and absolute error (its own range from zero), each with a colour bar. Channel names title the panels;
    /// <paramref name="secondTitle"/> names the middle column (e.g. "prediction").
    /// </summary>
    public static byte[] Reconstruction(IReadOnlyList<float[]> truth, IReadOnlyList<float[]> reconstruction, FieldShape shape,
        IReadOnlyList<string> channelNames, PlotSize? size = null, string secondTitle = "reconstruction")
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(reconstruction);
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(channelNames);
        int channels = truth.Count;
        if (channels == 0) throw new ArgumentException("no channels to plot", nameof(truth));
        if (reconstruction.Count != channels)
            throw new ArgumentException($"{reconstruction.Count} reconstructed channels for {channels} true ones", nameof(reconstruction));
        if (channelNames.Count != channels)
            throw new ArgumentException($"{channelNames.Count} channel names for {channels} channels", nameof(channelNames));

        var panels = new Plot?[channels, 3];
        for (int c = 0; c < channels; c++)
        {
            shape.Check(truth[c], nameof(truth));
            shape.Check(reconstruction[c], nameof(reconstruction));
            var error = new float[truth[c].Length];
            for (int k = 0; k < error.Length; k++) error[k] = Math.Abs(truth[c][k] - reconstruction[c][k]);
            var range = HeatmapPanel.Range(truth[c], reconstruction[c]);
            var errorRange = (0.0, HeatmapPanel.Range(error).Max);
            if (errorRange.Item2 <= 0) errorRange.Item2 = 1e-12;
            string name = channelNames[c];
            panels[c, 0] = HeatmapPanel.Build(truth[c], shape, $"{name}: truth", range, new ScottPlot.Colormaps.Viridis());
            panels[c, 1] = HeatmapPanel.Build(reconstruction[c], shape, $"{name}: {secondTitle}", range, new ScottPlot.Colormaps.Viridis());
            panels[c, 2] = HeatmapPanel.Build(error, shape, $"{name}: |error|", errorRange, new ScottPlot.Colormaps.Inferno());
        }
        return PanelCanvas.Png(panels, size ?? new PlotSize(960, Math.Min(8192, 300 * channels)));
    }

    /// <summary>
    /// A latent traversal: decoded fields of one channel as latent z_i takes the given values (e.g. -3 to 3) with the other
    /// latents held fixed, left to right, on one shared colour range.
    /// </summary>
    public static byte[] Traversal(int latentIndex, IReadOnlyList<double> values, IReadOnlyList<float[]> decoded, FieldShape shape,
        string channelName, PlotSize? size = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(decoded);
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentOutOfRangeException.ThrowIfNegative(latentIndex);
        if (values.Count == 0) throw new ArgumentException("no traversal values", nameof(values));
        if (decoded.Count != values.Count)
            throw new ArgumentException($"{decoded.Count} decoded fields for {values.Count} values", nameof(decoded));
        foreach (var field in decoded) shape.Check(field, nameof(decoded));

        var range = HeatmapPanel.Range(decoded.ToArray<IReadOnlyList<float>>());
        var panels = new Plot?[1, values.Count];
        for (int k = 0; k < values.Count; k++)
        {
            string title = $"{channelName}, z{latentIndex + 1} = {NumberText.Format(values[k])}";
            // One colour range for the whole row, so one colour bar (on the last panel) serves all.
            panels[0, k] = HeatmapPanel.Build(decoded[k], shape, title, range, new ScottPlot.Colormaps.Viridis(), colorBar: k == values.Count - 1);
        }
        return PanelCanvas.Png(panels, size ?? new PlotSize(Math.Min(8192, 220 * values.Count + 60), 240));
    }
}
