using DeepRom.Runs.Experiments;

namespace DeepRom.Tests.Runs;

public class ExperimentSummaryTests
{
    private static TrialResult Trial(int seed, double sd, double kl, double? r2)
    {
        var metrics = new Dictionary<string, double?> { ["sd_mean"] = sd, ["kl"] = kl };
        if (r2 is not null) metrics["r2_linear"] = r2;
        return new TrialResult($"normal_standard_labels0_seed{seed}", "normal", "standard", 0, seed, metrics);
    }

    [Fact]
    public void A_group_counts_disentangled_rotated_and_over_regularised_trials()
    {
        var trials = new[]
        {
            Trial(0, 0.95, 4.0, 0.99), // disentangled
            Trial(1, 0.60, 4.0, 0.99), // rotated
            Trial(2, 0.70, 0.05, 0.40), // lost information, over-regularised
            Trial(3, 0.65, 4.0, 0.95), // rotated
        };

        var (group, row) = Assert.Single(new ExperimentSummary(new ExperimentConfig(), trials).Rows());

        Assert.Equal("normal / standard", group);
        Assert.Equal(0.25, row["fraction_disentangled"]!.GetValue<double>());
        Assert.Equal(0.5, row["fraction_rotated"]!.GetValue<double>());
        Assert.Equal(0.25, row["fraction_over_regularised"]!.GetValue<double>());
    }

    [Fact]
    public void Trials_recorded_without_r2_linear_are_left_out_of_the_rotated_fraction()
    {
        var trials = new[] { Trial(0, 0.60, 4.0, null), Trial(1, 0.60, 4.0, 0.99), Trial(2, 0.95, 4.0, 0.99) };

        var (_, row) = Assert.Single(new ExperimentSummary(new ExperimentConfig(), trials).Rows());

        Assert.Equal(2, row["trials_with_r2_linear"]!.GetValue<int>());
        Assert.Equal(0.5, row["fraction_rotated"]!.GetValue<double>());
    }

    [Fact]
    public void The_rotated_fraction_uses_the_study_s_own_disentanglement_threshold()
    {
        var trials = new[] { Trial(0, 0.92, 4.0, 0.99), Trial(1, 0.97, 4.0, 0.99) };

        var (_, row) = Assert.Single(new ExperimentSummary(new ExperimentConfig { DisentangledThreshold = 0.95 }, trials).Rows());

        Assert.Equal(0.5, row["fraction_disentangled"]!.GetValue<double>());
        Assert.Equal(0.5, row["fraction_rotated"]!.GetValue<double>());
    }

    [Fact]
    public void Without_any_r2_linear_the_rotated_fraction_is_unknown_rather_than_zero()
    {
        var (_, row) = Assert.Single(new ExperimentSummary(new ExperimentConfig(), [Trial(0, 0.60, 4.0, null)]).Rows());

        Assert.Null(row["fraction_rotated"]);
    }
}
