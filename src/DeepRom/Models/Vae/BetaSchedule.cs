using DeepRom.Training;

namespace DeepRom.Models.Vae;

/// <summary>The beta schedules a VAE can be trained with.</summary>
public enum BetaScheduleKind
{
    /// <summary>Reference rule of seed 001: multiplicative update every minibatch from the reconstruction loss.</summary>
    Adaptive,

    /// <summary>Linear ramp from 0 to the maximum over <see cref="BetaSchedule.RampEpochs"/>, then constant.</summary>
    Linear,

    /// <summary>Repeated linear ramps (cyclical annealing): ramp over half a cycle, hold for the other half.</summary>
    Cyclical,

    /// <summary>Beta fixed at the maximum.</summary>
    Constant,
}

/// <summary>
/// Weight of the KL term over training. Every kind starts with a reconstruction-only phase of
/// <see cref="ReconstructionEpochs"/> epochs in which the KL term is absent. The adaptive rule then sets
/// beta = <see cref="Initial"/> and after every minibatch multiplies it by exp(nu f L_rec), with f = -1 if L_rec &gt; 0
/// else tanh(tau (beta - 1)), capped at <see cref="Max"/> (L_rec is the per-pixel reconstruction NLL).
/// </summary>
public sealed record BetaSchedule
{
    public BetaScheduleKind Kind { get; init; } = BetaScheduleKind.Adaptive;
    public int ReconstructionEpochs { get; init; }
    public double Max { get; init; } = 1.0;
    public double Initial { get; init; } = 1e-9;
    public double Nu { get; init; } = 0.005;
    public double Tau { get; init; } = 1.0;
    public int RampEpochs { get; init; } = 100;

    /// <summary>The reference schedule: adaptive, nu = 0.005, tau = 1, capped at 1.</summary>
    public static BetaSchedule Reference(int reconstructionEpochs) => new() { ReconstructionEpochs = reconstructionEpochs };

    /// <summary>Whether the regulariser is part of the loss in <paramref name="epoch"/>.</summary>
    public bool Regularises(int epoch) => epoch >= ReconstructionEpochs;

    /// <summary>Beta at the start of <paramref name="epoch"/>, given its value at the end of the previous one.</summary>
    public double AtEpochStart(int epoch, double current)
    {
        if (!Regularises(epoch)) return 0.0;
        int since = epoch - ReconstructionEpochs;
        return Kind switch
        {
            BetaScheduleKind.Adaptive => since == 0 ? Initial : current,
            BetaScheduleKind.Linear => Max * Math.Min(1.0, (since + 1) / (double)Math.Max(1, RampEpochs)),
            BetaScheduleKind.Cyclical => Max * Math.Min(1.0, (since % (2 * Math.Max(1, RampEpochs)) + 1) / (double)Math.Max(1, RampEpochs)),
            BetaScheduleKind.Constant => Max,
            _ => throw new ArgumentOutOfRangeException(nameof(Kind)),
        };
    }

    /// <summary>Beta after a minibatch with reconstruction signal <paramref name="reconstruction"/> (only the adaptive rule moves).</summary>
    public double AfterStep(int epoch, double beta, double reconstruction)
    {
        if (Kind != BetaScheduleKind.Adaptive || !Regularises(epoch) || !double.IsFinite(reconstruction)) return beta;
        double f = reconstruction > 0 ? -1.0 : Math.Tanh(Tau * (beta - 1.0));
        return Math.Min(Max, beta * Math.Exp(Nu * f * reconstruction));
    }

    /// <summary>The schedule of a run of <paramref name="from"/> epochs stretched to <paramref name="to"/>: phase and ramps keep their fractions.</summary>
    public BetaSchedule RescaledTo(int from, int to) => this with
    {
        ReconstructionEpochs = TrainerConfig.StretchEpoch(ReconstructionEpochs, from, to),
        RampEpochs = Math.Max(1, TrainerConfig.StretchEpoch(RampEpochs, from, to)),
    };

    /// <summary>Checks the settings; throws <see cref="ArgumentException"/> naming the bad one.</summary>
    public void Validate()
    {
        if (ReconstructionEpochs < 0) throw new ArgumentException("reconstruction epochs must be >= 0");
        if (!(Max > 0) || !(Initial > 0)) throw new ArgumentException("beta max and initial must be positive");
        if (RampEpochs < 1) throw new ArgumentException("ramp epochs must be >= 1");
    }
}
