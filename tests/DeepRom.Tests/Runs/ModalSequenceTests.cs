using DeepRom.Data;
using DeepRom.Runs.Hits;

namespace DeepRom.Tests.Runs;

/// <summary><see cref="ModalSequence"/>: a simulation's snapshots reduced to the time series of its POD coefficients.</summary>
public class ModalSequenceTests
{
    private const int Steps = 50, Grid = 40;

    /// <summary>
    /// Two simulations on a 1-D grid with channels a and b: simulation k is a mean field plus 3 cos(t) phi1 + sin(t) phi2
    /// (orthonormal modes spread over both channels), scaled by k + 1.
    /// </summary>
    private static SnapshotSet TwoModeSet()
    {
        // Two whole periods at equispaced times: cos and sin are then exactly orthogonal with zero mean, as POD's coefficients are.
        var time = Enumerable.Range(0, Steps).Select(t => 4 * Math.PI * t / Steps).ToArray();
        var fields = new float[2 * Steps * 2 * Grid];
        double norm = Math.Sqrt(Grid);
        for (int k = 0; k < 2; k++)
            for (int t = 0; t < Steps; t++)
                for (int c = 0; c < 2; c++)
                    for (int i = 0; i < Grid; i++)
                    {
                        double x = Math.PI * (i + 0.5) / Grid;
                        double phi1 = Math.Sin(x) / norm, phi2 = Math.Sin(2 * x) / norm;
                        double value = 1.5 + (k + 1) * (3 * Math.Cos(time[t]) * phi1 + Math.Sin(time[t]) * phi2 * (c == 0 ? 1 : -1));
                        fields[((k * Steps + t) * 2 + c) * Grid + i] = (float)value;
                    }
        return new SnapshotSet(fields, [2, Steps, 2, Grid], ["a", "b"], [10.0, 20.0], ["re"], time,
            new Dictionary<string, NdArray>(), "test", "{}");
    }

    [Fact]
    public void The_coefficients_of_a_two_mode_simulation_are_its_modal_amplitudes_up_to_sign()
    {
        var set = TwoModeSet();

        var sequence = ModalSequence.Reduce(set, simulation: 1, modes: 2);

        Assert.Equal(new[] { 1, Steps, 2 }, sequence.StateShape);
        Assert.Equal(set.Time, sequence.Time);
        Assert.Equal(new[] { 20.0 }, sequence.Params);
        Assert.Equal(1.0, ((double[])sequence.Aux["pod_energy"].Data)[0], 6);
        // phi1 and phi2 have norm 1/sqrt 2 on each channel (midpoint sums of sin^2 are Grid / 2), so over both channels they
        // are orthonormal and simulation 1's coefficients are 2 (3 cos t, sin t), centred on their time means; POD orders
        // them by energy, so the cosine comes first.
        double[] Expected(int mode) => set.Time!.Select(t => 2 * (mode == 0 ? 3 * Math.Cos(t) : Math.Sin(t))).ToArray();
        for (int mode = 0; mode < 2; mode++)
        {
            double[] expected = Expected(mode), got = Enumerable.Range(0, Steps).Select(t => sequence.States[t * 2 + mode]).ToArray();
            double meanExpected = expected.Average();
            double sign = Math.Sign(got.Zip(expected, (g, e) => g * (e - meanExpected)).Sum());
            for (int t = 0; t < Steps; t++) Assert.Equal(expected[t] - meanExpected, sign * got[t], 4);
        }
    }

    [Fact]
    public void One_channel_alone_gives_that_channels_share_of_the_amplitudes()
    {
        var set = TwoModeSet();

        var sequence = ModalSequence.Reduce(set, simulation: 0, modes: 1, channels: ["b"]);

        // On channel b alone phi1 has norm 1/sqrt 2, so the leading coefficient is 3 cos t / sqrt 2, centred.
        double meanCos = set.Time!.Average(Math.Cos);
        double expected = set.Time!.Max(t => Math.Abs(3 * (Math.Cos(t) - meanCos) / Math.Sqrt(2)));
        Assert.Equal(expected, Enumerable.Range(0, Steps).Max(t => Math.Abs(sequence.States[t])), 4);
    }

    [Theory]
    [InlineData(2, 2, null, "simulation")]
    [InlineData(-1, 2, null, "simulation")]
    [InlineData(0, 0, null, "modes")]
    [InlineData(0, Steps, null, "modes")]
    [InlineData(0, 2, "c", "channels")]
    public void Bad_requests_are_refused_naming_the_item(int simulation, int modes, string? channel, string item)
    {
        var error = Assert.Throws<InputException>(() =>
            ModalSequence.Reduce(TwoModeSet(), simulation, modes, channel is null ? null : [channel], "f.h5"));

        Assert.Equal(item, error.Item);
        Assert.Equal("f.h5", error.Source);
    }

    [Fact]
    public void More_modes_than_the_snapshots_span_are_refused()
    {
        // One spatial pattern switching sign: exactly representable, so the centred snapshots have rank one.
        var fields = Enumerable.Range(0, 6 * 4).Select(k => (float)((k / 4 % 2 == 0 ? 1 : -1) * 0.25 * (k % 4 + 1))).ToArray();
        var set = new SnapshotSet(fields, [1, 6, 1, 4], ["a"], null, null, [0, 1, 2, 3, 4, 5], new Dictionary<string, NdArray>(), "test", "{}");

        var error = Assert.Throws<InputException>(() => ModalSequence.Reduce(set, 0, 2));

        Assert.Contains("span only 1", error.Message);
    }

    [Fact]
    public void Static_data_are_refused()
    {
        var set = new SnapshotSet(new float[4 * 8], [4, 1, 8], ["a"], null, null, null, new Dictionary<string, NdArray>(), "test", "{}");

        var error = Assert.Throws<InputException>(() => ModalSequence.Reduce(set, 0, 1));

        Assert.Equal("fields", error.Item);
    }
}
