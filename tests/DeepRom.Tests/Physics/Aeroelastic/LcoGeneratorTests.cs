using DeepRom.Data;
using DeepRom.Physics.Aeroelastic;
using static DeepRom.Physics.Aeroelastic.PitchPlungeState;

namespace DeepRom.Tests.Physics.Aeroelastic;

/// <summary>The generator's snapshot set: layout, the start, agreement with single runs, the default speed sets and refused settings.</summary>
public class LcoGeneratorTests
{
    private static readonly LcoDataConfig Short = new(Duration: 200, Samples: 401);

    [Fact]
    public void Each_run_is_stored_as_mechanical_channels_plus_lag_states_exactly_as_a_single_run_computes_it()
    {
        double[] speeds = [5, 7, 8.5];

        SnapshotSet set = LcoGenerator.Generate(Short, speeds);

        Assert.Equal([3, 401, 4], set.FieldShape);
        Assert.Equal(["plunge", "pitch", "plunge_rate", "pitch_rate"], set.Channels);
        Assert.Equal(["u_star"], set.ParamNames!);
        Assert.Equal(speeds, set.Params!);
        Assert.Equal(Short.Times(), set.Time!);
        Assert.Equal(200, set.Time![^1]);
        Assert.Equal([3, 401, 4], set.Aux[LcoGenerator.LagStates].Shape);
        Assert.All((double[])set.Aux[LcoGenerator.SolverSeconds].Data, s => Assert.True(s > 0));
        var lags = (double[])set.Aux[LcoGenerator.LagStates].Data;
        for (int p = 0; p < speeds.Length; p++)
        {
            var states = new double[Short.Samples * Dimension];
            LcoSolver.Run(Short, speeds[p], states);
            Assert.Equal([0f, (float)(Math.PI / 180), 0f, 0f], set.Fields.AsSpan(p * 401 * 4, 4).ToArray());
            for (int k = 0; k < Short.Samples; k++)
                for (int c = 0; c < Dimension; c++)
                {
                    double stored = c < Mechanical ? set.Fields[(p * 401 + k) * 4 + c] : lags[(p * 401 + k) * 4 + c - Mechanical];
                    Assert.Equal(c < Mechanical ? (float)states[k * Dimension + c] : states[k * Dimension + c], stored);
                }
        }
    }

    [Fact]
    public void The_default_sets_straddle_the_flutter_speed_and_do_not_overlap()
    {
        IReadOnlyList<double> train = LcoSpeedSets.Train(), test = LcoSpeedSets.Test();

        Assert.Equal(21, train.Count);
        Assert.Equal((4.0, 9.0), (train[0], train[^1]));
        Assert.Equal(10, train.Count(u => u < 6.2851));
        Assert.Equal(10, test.Count);
        Assert.All(test, u => Assert.DoesNotContain(u, train));
        Assert.All(test, u => Assert.InRange(u, train[0], train[^1]));
    }

    [Fact]
    public void The_settings_read_back_from_their_json_without_the_computed_properties()
    {
        var config = new LcoDataConfig(Duration: 1234, Samples: 999, InitialPitch: 0.03) { Airfoil = PitchPlungeConfig.Standard with { PitchDamping = 0.01 } };

        string json = config.ToJson();

        Assert.Equal(config, LcoDataConfig.FromJson(json));
        Assert.DoesNotContain("SampleSpacing", json);
        Assert.DoesNotContain("\"Tolerance\"", json);
    }

    [Theory]
    [InlineData(99.0, 1001, nameof(LcoDataConfig.Duration))]
    [InlineData(double.PositiveInfinity, 1001, nameof(LcoDataConfig.Duration))]
    [InlineData(1000.0, 1, nameof(LcoDataConfig.Samples))]
    public void Settings_outside_the_rules_are_refused_by_name(double duration, int samples, string item)
    {
        var e = Assert.Throws<InputException>(() => new LcoDataConfig(Duration: duration, Samples: samples).Validate());

        Assert.Equal(item, e.Item);
    }

    [Fact]
    public void Sampling_too_coarse_for_the_slowest_speeds_pitch_period_is_refused()
    {
        // 2 pi U* / 10 = 1.26 tau at U* = 2: one sample per 2 tau is too coarse, one per tau is enough.
        var coarse = new LcoDataConfig(Duration: 2000, Samples: 1001);

        var e = Assert.Throws<InputException>(() => coarse.ValidateSpeeds([5, 2]));
        Assert.Equal(nameof(LcoDataConfig.Samples), e.Item);
        (coarse with { Samples = 2001 }).ValidateSpeeds([5, 2]);
    }

    [Fact]
    public void A_settled_record_starts_at_an_upward_pitch_crossing_and_continues_the_run_from_rest()
    {
        // The equations are autonomous, so the settled record is the whole run shifted to the crossing: the whole run
        // sampled densely past the settling time must hold a state equal to the record's first one, in the settled cycle.
        var settled = new LcoDataConfig(Duration: 200, Samples: 201, Settle: 300);
        var whole = new LcoDataConfig(Duration: 500, Samples: 10001);
        var record = new double[settled.Samples * Dimension];
        var run = new double[whole.Samples * Dimension];

        LcoSolver.Run(settled, 7.5, record);
        LcoSolver.Run(whole, 7.5, run);

        double amplitude = Enumerable.Range(0, settled.Samples).Max(k => Math.Abs(record[k * Dimension + Pitch]));
        Assert.True(Math.Abs(record[Pitch]) < 1e-6 * amplitude, $"pitch {record[Pitch]} at the start");
        Assert.True(record[PitchRate] > 0);
        // The crossing lies between two dense samples of the whole run (0.05 tau apart) after tau 300, with the pitch
        // rising through zero there; its neighbours' other states bracket the record's start to within one sample's change.
        int k0 = Enumerable.Range(6001, 4000).First(k => run[(k - 1) * Dimension + Pitch] < 0 && run[k * Dimension + Pitch] >= 0);
        for (int c = 0; c < Dimension; c++)
        {
            double a = run[(k0 - 1) * Dimension + c], b = run[k0 * Dimension + c];
            Assert.InRange(record[c], Math.Min(a, b) - 1e-9, Math.Max(a, b) + 1e-9);
        }
    }

    [Fact]
    public void Settled_cycles_at_different_speeds_start_in_the_same_phase()
    {
        SnapshotSet set = LcoGenerator.Generate(new LcoDataConfig(Duration: 200, Samples: 201, Settle: 2000), [6.75, 8.25]);

        for (int p = 0; p < 2; p++)
        {
            float pitch = set.Fields[p * 201 * 4 + 1], rate = set.Fields[p * 201 * 4 + 3];
            Assert.True(Math.Abs(pitch) < 1e-5f, $"U* {set.Params![p]}: pitch {pitch} at the start");
            Assert.True(rate > 0, $"U* {set.Params![p]}: the pitch falls at the start");
        }
    }

    [Fact]
    public void A_negative_settling_time_is_refused_by_name()
    {
        var e = Assert.Throws<InputException>(() => new LcoDataConfig(Settle: -1).Validate());

        Assert.Equal(nameof(LcoDataConfig.Settle), e.Item);
    }

    [Fact]
    public void The_cycle_sets_lie_above_flutter_with_every_test_speed_between_two_training_speeds()
    {
        IReadOnlyList<double> train = LcoSpeedSets.CyclesTrain(), test = LcoSpeedSets.CyclesTest();

        Assert.All(train, u => Assert.True(u > 6.2851));
        Assert.Equal(11, train.Count);
        Assert.Equal(10, test.Count);
        Assert.All(test, u => Assert.Contains(train, v => Math.Abs(v - (u - 0.125)) < 1e-12));
    }
}
