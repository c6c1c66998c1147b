namespace DeepRom.Runs.Hits.Benchmark;

/// <summary>The names of <c>deeprom hits benchmark</c>'s figures in <c>metrics.json</c> and in <c>--json</c> output; each maps model name to value.</summary>
public static class SequenceBenchmarkMetrics
{
    public const string Protocol = "protocol";
    public const string Mse = "mse";
    public const string TrainSeconds = "train_seconds";
    public const string GenerateSeconds = "generate_seconds";
    public const string Epochs = "epochs";
    public const string OptimizerSteps = "optimizer_steps";
    public const string FinalLoss = "final_loss";
    public const string ValidTime = "valid_time";
    public const string HitsLevels = "hits_levels";
    public const string TrainSamples = "train_samples";
    public const string GeneratedSamples = "generated_samples";
    public const string TimeStep = "time_step";
    public const string BudgetSeconds = "budget_seconds";
}
