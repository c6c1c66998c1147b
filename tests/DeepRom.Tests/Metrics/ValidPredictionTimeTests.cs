using DeepRom.Metrics;

namespace DeepRom.Tests.Metrics;

public class ValidPredictionTimeTests
{
    [Fact]
    public void The_valid_time_ends_before_the_first_sample_whose_normalised_error_exceeds_the_threshold()
    {
        // Truth of constant norm 5 (RMS 5); the error grows by 1 per sample: normalised 0.2, 0.4, 0.6, 0.8.
        double[] truth = [3, 4, 3, 4, 3, 4, 3, 4];
        double[] predicted = [3, 5, 3, 6, 3, 7, 3, 8];

        var valid = ValidPredictionTime.Of(predicted, truth, 2, dt: 0.25);

        Assert.Equal([0.2, 0.4, 0.6, 0.8], valid.NormalisedError.Select(e => Math.Round(e, 12)));
        Assert.Equal(2, valid.ValidSamples);
        Assert.Equal(0.5, valid.Time);
        Assert.Equal(1.0, ValidPredictionTime.Of(truth, truth, 2, dt: 0.25).Time);
        Assert.Equal(0.0, ValidPredictionTime.Of(predicted, truth, 2, dt: 0.25, threshold: 0.1).Time);
    }
}
