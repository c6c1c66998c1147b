namespace DeepRom.Runs.Hits;

/// <summary>The names of the time-steppers' metrics in <c>metrics.json</c> and in <c>--json</c> output.</summary>
public static class HitsMetrics
{
    // Training.
    public const string TrainSeconds = "train_seconds";
    public const string Iterations = "iterations";
    public const string ParametersPerLevel = "parameters_per_level";
    public const string ValidationLossPerLevel = "val_loss_per_level";
    public const string EarlyStop = "early_stop";

    // Forecast.
    public const string MseMultiscale = "mse_multiscale";
    public const string MseBestSingle = "mse_best_single";
    public const string BestSingleLevel = "best_single_level";
    public const string MsePerLevel = "mse_per_level";
    public const string SelectedLevels = "selected_levels";
    public const string FastLevels = "fast_levels";
    public const string MseFast = "mse_fast";
    public const string SecondsFast = "seconds_fast";
    public const string SelectionValidationMse = "selection_val_mse";
    public const string SecondsMultiscale = "seconds_multiscale";
    public const string SecondsSingle1Dt = "seconds_single_1dt";
    public const string SecondsPerLevel = "seconds_per_level";
    public const string MseHybrid = "mse_hybrid";
    public const string Hybrid = "hybrid";
    public const string Rk4EqualAccuracy = "rk4_equal_accuracy";
    public const string Rk4 = "rk4";
    public const string Adaptive = "adaptive";
    public const string AdaptiveEqualAccuracy = "adaptive_equal_accuracy";
    public const string TestTrajectories = "test_trajectories";
    public const string Horizon = "horizon";

    /// <summary>The name of level k's validation loss in the training history.</summary>
    public static string LevelValidationLoss(int level) => $"val_loss_level{level}";
}
