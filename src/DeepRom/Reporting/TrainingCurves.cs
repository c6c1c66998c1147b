namespace DeepRom.Reporting;

/// <summary>Plots of a training run: loss components and the KL weight beta against epoch.</summary>
public static class TrainingCurves
{
    /// <summary>
    /// Loss components (e.g. reconstruction NLL, KL regularisation, total) against epoch.
    /// With <paramref name="logY"/>, components that are positive throughout share a log-y panel; components with
    /// zero or negative values (a Gaussian NLL can be negative) go to a second, linear panel below it, as they are.
    /// Without it, all components share one linear panel.
    /// </summary>
    public static byte[] Losses(IReadOnlyList<double> epochs, IReadOnlyList<NamedSeries> components, bool logY = true,
        PlotSize? size = null)
    {
        ArgumentNullException.ThrowIfNull(epochs);
        ArgumentNullException.ThrowIfNull(components);
        if (components.Count == 0) throw new ArgumentException("no loss components to plot", nameof(components));
        PlotSize actual = size ?? PlotSize.Default;
        if (!logY)
            return PanelCanvas.Png(LinePanel.Build(epochs, components, new PlotLabels("Training losses", "epoch", "loss"), false), actual);

        var (positive, signed) = SplitForLogAxis(components);
        if (signed.Count == 0)
            return PanelCanvas.Png(LinePanel.Build(epochs, positive, new PlotLabels("Training losses", "epoch", "loss (log scale)"), true), actual);
        if (positive.Count == 0)
            return PanelCanvas.Png(LinePanel.Build(epochs, signed, new PlotLabels("Training losses", "epoch", "loss"), false), actual);

        var top = LinePanel.Build(epochs, positive, new PlotLabels("Training losses", "", "loss (log scale)"), true);
        var bottom = LinePanel.Build(epochs, signed, new PlotLabels("", "epoch", "loss"), false);
        return PanelCanvas.Png(new[,] { { top }, { bottom } }, actual);
    }

    /// <summary>Components positive throughout (fit for a log axis) and the others, each in the given order.</summary>
    internal static (List<NamedSeries> Positive, List<NamedSeries> Signed) SplitForLogAxis(IEnumerable<NamedSeries> components)
    {
        var positive = new List<NamedSeries>();
        var signed = new List<NamedSeries>();
        foreach (NamedSeries c in components) (LinePanel.AllPositive([c]) ? positive : signed).Add(c);
        return (positive, signed);
    }

    /// <summary>The KL weight beta against epoch, on a log-y axis when beta is positive throughout (it usually is).</summary>
    public static byte[] Beta(IReadOnlyList<double> epochs, IReadOnlyList<double> beta, PlotSize? size = null)
    {
        ArgumentNullException.ThrowIfNull(epochs);
        ArgumentNullException.ThrowIfNull(beta);
        NamedSeries[] series = [new("beta", beta)];
        bool log = LinePanel.AllPositive(series);
        var labels = new PlotLabels("KL weight", "epoch", log ? "beta (log scale)" : "beta");
        return PanelCanvas.Png(LinePanel.Build(epochs, series, labels, log), size ?? PlotSize.Default);
    }
}
