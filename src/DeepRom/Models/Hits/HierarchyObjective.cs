using DeepRom.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepRom.Models.Hits;

/// <summary>
/// Trains every level of a <see cref="StepperEnsemble"/> at once: each minibatch draws, for every level, a window of p + 1
/// samples spaced by that level's step from each chosen trajectory, rolls the level's stepper p steps from the window's
/// first state, and takes the mean squared error against the rest (in standardised units). The total is the sum of the
/// levels' errors, so each level's gradient is that of its own loss alone.
/// </summary>
/// <remarks>
/// A "sample" for the trainer is one (trajectory, level-windows) draw: <see cref="SampleCount"/> is the batch size times the
/// iterations between validations, so one trainer epoch is one validation round. Window starts come from libtorch's
/// generator, which the trainer re-seeds every epoch, so a resumed run draws the same windows.
/// </remarks>
public sealed class HierarchyObjective : ITrainable, IDisposable
{
    /// <summary>Windows per validation trajectory and level (evenly spaced along it) when windows come from all along.</summary>
    public const int ValidationWindows = 8;

    private readonly StepperEnsemble ensemble;
    private readonly Tensor train;
    private readonly long trajectories, samples;
    private readonly int rollout;
    private readonly WindowSampling windows;
    private readonly Tensor stepSizes, startCounts, offsets;
    private readonly Tensor validationWindows;

    /// <param name="ensemble">The hierarchy to train.</param>
    /// <param name="train">Training states (M, T, d), float64 or float32, in data units.</param>
    /// <param name="validation">Validation states (M', T', d).</param>
    /// <param name="rolloutSteps">p: steps of the recurrent rollout in the loss (5 in the reference).</param>
    /// <param name="batchSize">Trajectories per minibatch (a trajectory may be drawn twice).</param>
    /// <param name="iterationsPerRound">Minibatches between validations.</param>
    public HierarchyObjective(StepperEnsemble ensemble, Tensor train, Tensor validation, int rolloutSteps, WindowSampling windows,
        int batchSize, int iterationsPerRound)
    {
        var levels = ensemble.Config.Levels;
        long needed = (long)rolloutSteps * levels.LargestStep + 1;
        if (rolloutSteps < 1) throw new ArgumentException("the rollout needs at least one step");
        if (train.shape[1] < needed || validation.shape[1] < needed)
            throw new ArgumentException($"trajectories need at least {needed} samples for {rolloutSteps} steps of {levels.LargestStep}");
        this.ensemble = ensemble;
        this.windows = windows;
        rollout = rolloutSteps;
        trajectories = train.shape[0];
        samples = train.shape[1];
        SampleCount = checked(batchSize * iterationsPerRound);
        using (no_grad())
        {
            // Standardised once, flattened to (M T, d) so that a window is a gather of rows.
            this.train = ensemble.Standardise(train.to_type(float32)).reshape(-1, train.shape[2]).DetachFromDisposeScope();
        }
        long[] steps = levels.Levels.Select(k => (long)LevelRange.StepOf(k)).ToArray();
        stepSizes = tensor(steps).view(-1, 1, 1).DetachFromDisposeScope();
        startCounts = tensor(steps.Select(s => (double)(samples - rolloutSteps * s)).ToArray(), dtype: float64).view(-1, 1).DetachFromDisposeScope();
        offsets = (arange(rolloutSteps + 1, dtype: int64).view(1, 1, -1) * stepSizes).DetachFromDisposeScope();
        validationWindows = ValidationSet(validation, steps).DetachFromDisposeScope();
    }

    public nn.Module Module => ensemble;

    public int SampleCount { get; }

    public StepLoss Loss(Tensor indices)
    {
        using var scope = NewDisposeScope();
        long batch = indices.shape[0];
        Tensor rows = indices.remainder(trajectories).view(1, -1, 1);
        long levels = startCounts.shape[0];
        Tensor starts = windows == WindowSampling.First
            ? zeros(levels, batch, dtype: int64)
            : (rand(levels, batch, dtype: float64) * startCounts).floor_().to_type(int64).minimum(startCounts.to_type(int64) - 1);
        if (windows == WindowSampling.Mixed) starts = where(rand(levels, batch, dtype: float64) < 0.5, zeros_like(starts), starts);
        Tensor index = rows * samples + starts.unsqueeze(2) + offsets; // (L, B, p + 1)
        Tensor losses = RolloutLosses(Gather(train, index));
        var total = losses.sum();
        return new StepLoss(total.MoveToOuterDisposeScope(), new Dictionary<string, double>());
    }

    /// <summary>Each level's rollout loss on the fixed validation windows (no gradient).</summary>
    public double[] ValidationLosses()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return RolloutLosses(validationWindows).to_type(float64).data<double>().ToArray();
    }

    /// <summary>(L,) mean squared error of each level's p-step rollout over windows (L, B, p + 1, d).</summary>
    private Tensor RolloutLosses(Tensor window)
    {
        Tensor z = window.select(2, 0);
        Tensor sum = zeros(window.shape[0], dtype: float32);
        for (int j = 1; j <= rollout; j++)
        {
            z = ensemble.forward(z);
            sum = sum + (z - window.select(2, j)).square().mean(new long[] { 1, 2 });
        }
        return sum / rollout;
    }

    private static Tensor Gather(Tensor flat, Tensor index) =>
        flat.index_select(0, index.flatten()).view(index.shape[0], index.shape[1], index.shape[2], flat.shape[1]);

    /// <summary>
    /// The validation windows (L, M' W, p + 1, d), standardised: the first window of each trajectory, or W evenly spaced
    /// along it, the same at every validation so that losses compare across rounds.
    /// </summary>
    private Tensor ValidationSet(Tensor validation, long[] steps)
    {
        using var scope = NewDisposeScope();
        long m = validation.shape[0], t = validation.shape[1];
        int w = windows == WindowSampling.First ? 1 : ValidationWindows;
        var index = new long[steps.Length * m * w * (rollout + 1)];
        int at = 0;
        foreach (long step in steps)
        {
            long last = t - 1 - rollout * step;
            for (long r = 0; r < m; r++)
            for (int k = 0; k < w; k++)
            {
                long start = w == 1 ? 0 : (long)Math.Round(k * (double)last / (w - 1));
                for (int j = 0; j <= rollout; j++) index[at++] = r * t + start + j * step;
            }
        }
        Tensor flat = ensemble.Standardise(validation.to_type(float32)).reshape(-1, validation.shape[2]);
        return Gather(flat, tensor(index).view(steps.Length, m * w, rollout + 1)).MoveToOuterDisposeScope();
    }

    public void Dispose()
    {
        train.Dispose();
        stepSizes.Dispose();
        startCounts.Dispose();
        offsets.Dispose();
        validationWindows.Dispose();
    }
}
