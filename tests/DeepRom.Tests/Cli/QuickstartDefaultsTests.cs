using System.Globalization;
using DeepRom.Cli;
using DeepRom.Models.Priors;
using DeepRom.Models.Vae;
using DeepRom.Runs;
using DeepRom.Tests.Build;

namespace DeepRom.Tests.Cli;

/// <summary>The quickstart trains with the defaults the README's table of them states.</summary>
public class QuickstartDefaultsTests
{
    /// <summary>The value column of the README row whose first cell is <paramref name="name"/>.</summary>
    private static string ReadmeDefault(string name)
    {
        string readme = File.ReadAllText(Path.Combine(LibTorchCompatibilityTests.RepositoryRoot(), "README.md"));
        string prefix = $"| quickstart {name} |";
        string row = readme.Split('\n').SingleOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal))
            ?? throw new Xunit.Sdk.XunitException($"README has no row '{prefix}'");
        return row[prefix.Length..].Trim().TrimEnd('|').Trim().Trim('`');
    }

    [Fact]
    public void Readme_states_the_quickstart_defaults()
    {
        VaeRunConfig config = QuickstartCommand.Defaults(QuickstartCommand.DefaultLabels, seed: 0, QuickstartCommand.DefaultEpochs);
        Assert.Equal(QuickstartCommand.DefaultLabels.ToString(CultureInfo.InvariantCulture), ReadmeDefault("labelled samples"));
        Assert.Equal(config.Trainer.Epochs.ToString(CultureInfo.InvariantCulture), ReadmeDefault("epochs"));
        Assert.Equal(config.Beta.ReconstructionEpochs.ToString(CultureInfo.InvariantCulture), ReadmeDefault("reconstruction-only epochs"));
        Assert.Equal(config.Trainer.BatchSize.ToString(CultureInfo.InvariantCulture), ReadmeDefault("batch size"));
        Assert.Equal(config.Preset, ReadmeDefault("preset"));
        Assert.Equal(ChoiceName.Of(PriorKind.Standard), ReadmeDefault("prior"));
        Assert.Equal(ChoiceName.Of(config.OutputVariance), ReadmeDefault("output variance"));
        Assert.Equal(config.OutputVarianceFloor.ToString(CultureInfo.InvariantCulture), ReadmeDefault("variance floor"));
        Assert.Equal(ChoiceName.Of(config.LabelScaling), ReadmeDefault("label scaling"));
        var lr = config.Trainer.LearningRate;
        Assert.Equal(2, lr.Starts.Length);
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"{lr.Rates[0]}, then {lr.Rates[1]} from epoch {lr.Starts[1]}"), ReadmeDefault("learning rate"));
        Assert.Equal(PriorKind.Standard, config.Prior);
        Assert.Equal(LabelScaling.Standardised, config.LabelScaling);
    }

    [Fact]
    public void Labels_zero_is_the_papers_unsupervised_experiment()
    {
        Assert.Equal(0, QuickstartCommand.Defaults(0, seed: 3, epochs: 10).Labels);
        Assert.StartsWith("unsupervised", QuickstartCommand.Experiment(0));
        Assert.StartsWith("semi-supervised (16 of 512", QuickstartCommand.Experiment(16));
    }
}
