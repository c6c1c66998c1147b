using DeepRom.Reporting;

namespace DeepRom.Tests.Reporting;

public class LossAxisSplitTests
{
    [Fact]
    public void Negative_or_zero_components_leave_the_log_panel_and_order_is_kept()
    {
        NamedSeries nll = new("NLL", [3.0, -1.0]), kl = new("KL", [2.0, 0.5]), zero = new("aux", [0.0, 1.0]), total = new("total", [5.0, double.NaN]);
        var (positive, signed) = TrainingCurves.SplitForLogAxis([nll, kl, zero, total]);
        Assert.Equal(["KL", "total"], positive.Select(s => s.Name));
        Assert.Equal(["NLL", "aux"], signed.Select(s => s.Name));
    }

    [Fact]
    public void A_series_without_finite_values_is_not_log_plottable()
    {
        var (positive, signed) = TrainingCurves.SplitForLogAxis([new NamedSeries("empty", [double.NaN])]);
        Assert.Empty(positive);
        Assert.Single(signed);
    }
}
