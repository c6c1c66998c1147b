using DeepRom.Models.Rom.Reductions.Convolutional;

namespace DeepRom.Models.Rom.Reductions;

/// <summary>Which axis of a simulation (B, T, N) the LSH-VAE convolves along; the other axis is the channels.</summary>
public enum LshVaeAxis
{
    /// <summary>Seed 000 and its descendant: nodal values are the channels, the convolution runs along time.</summary>
    Time,

    /// <summary>Time steps are the channels, the convolution runs along the N values of a step (suits fields on a 1-D grid).</summary>
    Space,
}

/// <summary>What the LSH-VAE's reconstruction term measures.</summary>
public enum LshVaeReconstruction
{
    /// <summary>Seed 000: the mean squared error over all values in the scaled units (each node mapped to [-0.7, 0.7]).</summary>
    ScaledMse,

    /// <summary>
    /// Each simulation's squared relative L2 error in physical units, averaged over the minibatch: the evaluation's own
    /// measure, which weighs simulations of small norm and nodes of wide range as the metric does.
    /// </summary>
    RelativeError,
}

/// <summary>
/// Architecture, objective and suggested training settings of the <see cref="LshVae"/> (seed 000's least-squares
/// hierarchical VAE). The code it interpolates has <see cref="CodeSize"/> = main latent + one group per level.
/// </summary>
public sealed record LshVaeConfig
{
    /// <summary>
    /// Channels of each hierarchy level, finest first; the level count is the length. The descendant code has 7 levels;
    /// the default is fewer and narrower so that a Burgers-sized fit (80 x 501 x 256) stays within minutes on two cores.
    /// </summary>
    public int[] Widths { get; init; } = [48, 48, 32, 32, 32];

    /// <summary>Size of the main (top) latent, regularised towards N(0, I); 32 in the notes.</summary>
    public int MainLatent { get; init; } = 32;

    /// <summary>Size of each level's latent group (residual-normal posterior against a learned prior); 8 in the notes.</summary>
    public int GroupSize { get; init; } = 8;

    /// <summary>Odd kernel size of the convolutions along the convolved axis.</summary>
    public int KernelSize { get; init; } = 3;

    /// <summary>
    /// Halve the convolved length from level to level (stride-2 convolution down, stride-2 transposed convolution up).
    /// The descendant keeps the full length at every level; halving makes the deeper levels cheap (the whole network
    /// costs about two first levels rather than one per level) and gives the deep levels a longer reach in time.
    /// </summary>
    public bool Downsample { get; init; } = true;

    /// <summary>
    /// The network sees every <c>TimeStride</c>-th time step (first and last kept, the rest by linear interpolation along
    /// time) and its output is interpolated linearly back to every step, the loss measured there. 1, the faithful value
    /// and the default, gives the network every step. On Burgers (501 steps, 900 epochs) the network stops improving near
    /// a relative error of 0.031 with every step; with a stride of 2 two seeds of three reached 0.020-0.023, with 4 every
    /// seed tried 0.018-0.019, while interpolating the true fields from every second or fourth step costs 0.0007 or
    /// 0.0028 (README, ROM section): a departure for data that are smooth in time at the saved step.
    /// </summary>
    public int TimeStride { get; init; } = 1;

    /// <summary>The convolved axis: time (faithful, the default) or space.</summary>
    public LshVaeAxis Axis { get; init; } = LshVaeAxis.Time;

    /// <summary>
    /// Added to the posterior log-variance heads (main latent and group residuals), so that posteriors start with a
    /// standard deviation of about exp(-2) = 0.14 instead of 1. The KL weighs 1e-6 of the MSE, so the variances end up
    /// tiny anyway; starting wide feeds unit-scale noise into the decoder and slowed the first steps (8 small
    /// simulations: MSE 0.02 with 0, 0.001 with -4 after 200 Adam steps; no difference on Burgers). 0 is NVAE's start.
    /// </summary>
    public double PosteriorLogVarOffset { get; init; } = -4.0;

    /// <summary>Per-node min-max scaling target: values are mapped to [-range, range] (0.7 in the descendant, inside tanh's reach).</summary>
    public double ScaledRange { get; init; } = 0.7;

    /// <summary>The reconstruction term: seed 000's scaled MSE (default) or the per-simulation relative error.</summary>
    public LshVaeReconstruction Reconstruction { get; init; } = LshVaeReconstruction.ScaledMse;

    /// <summary>Weight alpha of the reconstruction MSE (a mean over elements, in the scaled units).</summary>
    public double Alpha { get; init; } = 1.0;

    /// <summary>
    /// The KL weight's schedule: 1e-4 of the target until 30 % of the epochs, linear up to the target at 80 %. The notes
    /// give alpha / beta_target ~ 1e6 with the MSE a mean over elements and the KL a sum over latent dimensions; with
    /// alpha = 1 the target is 1e-6.
    /// </summary>
    public BetaAnnealing Annealing { get; init; } = new(Target: 1e-6);

    /// <summary>Augmentation inside the objective, in training mode only.</summary>
    public LshVaeAugmentation Augmentation { get; init; } = new();

    /// <summary>
    /// Suggested epochs of a fit (the KL schedule stretches to whatever the trainer runs). An epoch of the default
    /// network on Burgers-sized data (80 x 501 x 256, batch 16) took about 2 s on one thread of the two-core AMD EPYC,
    /// so 300 epochs stay within about 10 minutes (`DeepRom.Bench lsh-epoch`).
    /// </summary>
    public int Epochs { get; init; } = 300;

    /// <summary>Suggested minibatch size (16 in the descendant).</summary>
    public int BatchSize { get; init; } = 16;

    /// <summary>
    /// Suggested learning rate for Adam. The descendant uses 1e-3 with AdamW and 2000-5000 epochs; within a few hundred
    /// epochs 1e-2 (NVAE's Adamax rate) fitted Burgers far better (relative error 0.04 against 0.11 after 80 epochs).
    /// </summary>
    public double LearningRate { get; init; } = 1e-2;

    /// <summary>Number of hierarchy levels, one latent group each.</summary>
    public int Levels => Widths.Length;

    /// <summary>Length of the code: the main latent and all groups.</summary>
    public int CodeSize => MainLatent + Levels * GroupSize;

    /// <summary>
    /// These settings with a code of <paramref name="budget"/> values in all: half (or more) for the main latent, the rest
    /// split evenly over the levels' groups (at least one value each), so that a comparison at equal latent budget
    /// compares equal code sizes. The reported layout (main 32, groups of 8) is this at a budget of 72 with five levels. A
    /// budget too small for a group per level keeps the first budget - 1 levels.
    /// </summary>
    public LshVaeConfig WithCodeSize(int budget)
    {
        if (budget < 2) throw new ArgumentException($"a code of {budget} value cannot hold a main latent and a group (at least 2 values)");
        int levels = Math.Min(Levels, budget - 1);
        int group = Math.Max(1, budget / (2 * levels));
        return this with { Widths = Widths[..levels], MainLatent = budget - levels * group, GroupSize = group };
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the bad setting.</summary>
    public void Validate()
    {
        if (Widths is null || Widths.Length < 1 || Widths.Any(w => w < 1)) throw new ArgumentException("the LSH-VAE needs at least one level, each with a positive width");
        if (MainLatent < 1) throw new ArgumentException($"the main latent needs at least one dimension, got {MainLatent}");
        if (GroupSize < 1) throw new ArgumentException($"a latent group needs at least one dimension, got {GroupSize}");
        if (TimeStride < 1) throw new ArgumentException($"the time stride must be at least 1, got {TimeStride}");
        if (KernelSize < 1 || KernelSize % 2 == 0) throw new ArgumentException($"the kernel size must be odd and positive, got {KernelSize}");
        if (!Enum.IsDefined(Axis)) throw new ArgumentException($"unknown axis {Axis}");
        if (!Enum.IsDefined(Reconstruction)) throw new ArgumentException($"unknown reconstruction term {Reconstruction}");
        if (!double.IsFinite(PosteriorLogVarOffset) || Math.Abs(PosteriorLogVarOffset) >= 10)
            throw new ArgumentException($"the posterior log-variance offset must lie within the +-10 clamp, got {PosteriorLogVarOffset}");
        if (!(ScaledRange > 0 && ScaledRange < 1)) throw new ArgumentException($"the scaled range must be in (0, 1) to stay inside tanh, got {ScaledRange}");
        if (!(Alpha > 0) || !double.IsFinite(Alpha)) throw new ArgumentException($"alpha must be positive and finite, got {Alpha}");
        if (Epochs < 1 || BatchSize < 1) throw new ArgumentException("epochs and batch size must be at least 1");
        if (!(LearningRate > 0)) throw new ArgumentException($"the learning rate must be positive, got {LearningRate}");
        ArgumentNullException.ThrowIfNull(Annealing);
        ArgumentNullException.ThrowIfNull(Augmentation);
        Annealing.Validate();
        Augmentation.Validate();
    }

    /// <summary>The time steps the network sees of a simulation of <paramref name="steps"/>: the first, the last, and
    /// about every <see cref="TimeStride"/>-th between, (steps - 1) / stride intervals rounded up.</summary>
    public int NetworkSteps(int steps) => steps <= 1 ? steps : (steps - 2 + TimeStride) / TimeStride + 1;

    /// <summary>The convolved length at each level, finest first, for an input of <paramref name="length"/>.</summary>
    internal long[] Lengths(long length)
    {
        var lengths = new long[Levels];
        lengths[0] = length;
        for (int i = 1; i < Levels; i++) lengths[i] = Downsample ? (lengths[i - 1] + 1) / 2 : lengths[i - 1];
        return lengths;
    }
}
