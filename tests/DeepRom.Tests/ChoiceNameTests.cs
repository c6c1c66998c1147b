using DeepRom.Models.Priors;
using DeepRom.Models.Vae;
using DeepRom.Physics.Darcy;

namespace DeepRom.Tests;

public class ChoiceNameTests
{
    [Fact]
    public void Names_are_the_members_in_lower_kebab_case()
    {
        Assert.Equal(["normal", "scaled", "gmm4"], ChoiceName.All<ThetaDistribution>());
        Assert.Equal(["standard", "scaled", "hierarchical"], ChoiceName.All<PriorKind>());
        Assert.Equal(["learned", "calibrated", "calibrated-per-channel"], ChoiceName.All<OutputVariance>());
    }

    [Fact]
    public void Every_name_parses_back_to_its_member()
    {
        foreach (var v in Enum.GetValues<OutputVariance>())
            Assert.Equal(v, ChoiceName.Parse<OutputVariance>(ChoiceName.Of(v), "src", "item"));
    }

    [Theory]
    [InlineData("Gmm4")]
    [InlineData("gmm")]
    [InlineData("")]
    public void An_unknown_name_is_refused_listing_the_choices(string name)
    {
        var e = Assert.Throws<InputException>(() => ChoiceName.Parse<ThetaDistribution>(name, "--theta", "value"));
        Assert.Equal("--theta", e.Source);
        Assert.Contains("normal, scaled, gmm4", e.Problem);
    }
}
