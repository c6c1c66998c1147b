namespace DeepRom.Reporting;

/// <summary>Title and axis labels of one plot; empty strings are left out.</summary>
public sealed record PlotLabels(string Title = "", string XLabel = "", string YLabel = "");
