using DeepRom.Metrics;

namespace DeepRom.Tests.Metrics;

public class DisentanglementVerdictTests
{
    private static DisentanglementVerdict? Verdict(double? sd, double? r2) =>
        DisentanglementVerdict.From(new Dictionary<string, double?> { ["sd_mean"] = sd, ["r2_linear"] = r2 });

    [Theory]
    [InlineData(0.947, 0.998, LatentSpaceKind.Disentangled)]
    [InlineData(0.9, 0.5, LatentSpaceKind.Disentangled)]
    [InlineData(0.561, 0.994, LatentSpaceKind.Rotated)]
    [InlineData(0.7, 0.9, LatentSpaceKind.Rotated)]
    [InlineData(0.7, 0.6, LatentSpaceKind.PartlyRecovered)]
    public void High_S_D_is_disentangled_low_S_D_with_the_information_present_is_rotated_otherwise_partly_recovered(double sd, double r2, LatentSpaceKind kind)
    {
        Assert.Equal(kind, Verdict(sd, r2)!.Kind);
    }

    [Fact]
    public void A_rotated_verdict_names_both_scores_and_the_remedy()
    {
        string text = Verdict(0.561, 0.994)!.Describe();

        Assert.Contains("0.994", text);
        Assert.Contains("0.561", text);
        Assert.Contains("--labels", text);
    }

    [Fact]
    public void Without_a_finite_S_D_there_is_no_verdict()
    {
        Assert.Null(Verdict(null, 0.99));
        Assert.Null(Verdict(double.NaN, 0.99));
        Assert.Null(DisentanglementVerdict.From(new Dictionary<string, double?>()));
    }

    [Fact]
    public void Without_r2_linear_a_low_S_D_is_reported_without_claiming_a_cause()
    {
        var verdict = Verdict(0.6, null)!;

        Assert.Equal(LatentSpaceKind.Entangled, verdict.Kind);
        Assert.DoesNotContain("r2_linear", verdict.Describe());
    }
}
