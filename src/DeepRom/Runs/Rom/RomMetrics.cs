namespace DeepRom.Runs.Rom;

/// <summary>The names of a parametric ROM's metrics in <c>metrics.json</c> and in <c>--json</c> output.</summary>
public static class RomMetrics
{
    public const string RelL2Mean = "rel_l2_mean";
    public const string RelL2Max = "rel_l2_max";
    public const string MaxAbsErr = "max_abs_err";
    public const string ReconstructionRelL2 = "reconstruction_rel_l2";
    public const string SecondsPredict = "seconds_predict";
    public const string SolverSeconds = "solver_seconds_mean";
    public const string Speedup = "speedup";
    public const string TestSimulations = "test_simulations";
    public const string Extrapolated = "extrapolated";
    public const string LooRelL2Mean = "loo_rel_l2_mean";
    public const string LooCount = "loo_count";
    public const string LooSkipped = "loo_skipped";
    public const string LatentSize = "latent_size";
    public const string EnergyCaptured = "energy_captured";
    public const string TrainingSimulations = "training_simulations";
    public const string FitSeconds = "fit_seconds";
    public const string ConditionerFitSeconds = "conditioner_fit_seconds";
    public const string ConditionerTrainingRms = "conditioner_training_rms";

    /// <summary>Epochs a network was trained for.</summary>
    public const string Epochs = "epochs";

    /// <summary>A network's objective (as optimised) averaged over its last epoch.</summary>
    public const string TrainingLoss = "training_loss";

    /// <summary>A network's mean squared reconstruction error per value over its last epoch, in the standardised units.</summary>
    public const string TrainingMse = "training_mse";

    public const string NetworkParameters = "network_parameters";

    /// <summary>Epochs rolled back after a non-finite loss.</summary>
    public const string Recoveries = "recoveries";

    /// <summary>1 when leave-one-out refitted the reduction without each point (POD), 0 when only the interpolation was (networks).</summary>
    public const string LooReductionRefitted = "loo_reduction_refitted";
}
