using DeepRom.Data;
using DeepRom.Models.Priors;
using DeepRom.Models.Vae;
using DeepRom.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepRom.Runs;

/// <summary>What a VAE run or evaluation produced.</summary>
public sealed record VaeRunResult(string Folder, Dictionary<string, double?> Metrics, TrainingState? State);

/// <summary>The resolved model of a run, saved beside its weights so that it can be rebuilt for evaluation.</summary>
/// <param name="Labels">For a semi-supervised run: the map between the user's parameter units and the latents.</param>
public sealed record VaeModelSpec(DenseVaeConfig Model, PriorKind Prior, LabelStandardisation? Labels = null);

/// <summary>
/// The disentangling-VAE workflow: read data, split, build the DenseVAE and its prior, train with checkpoints,
/// evaluate on the test set and write metrics, plots and the report into the run folder.
/// </summary>
public static class VaeRun
{
    public const string ConfigFile = "config.json";
    public const string ModelSpecFile = "model.json";
    public const string WeightsFile = "model.bin";
    public const string MetricsFile = "metrics.json";

    /// <summary>
    /// Trains (or, with <paramref name="resume"/>, continues) the run described by <paramref name="config"/>; a resumed
    /// run takes its settings from the folder's <c>config.json</c>, except that <paramref name="extendTo"/> can raise
    /// the number of epochs (phases and learning-rate steps keep their epochs).
    /// </summary>
    public static VaeRunResult Train(VaeRunConfig config, RunFolder folder, bool resume,
        IProgress<TrainingProgress>? progress = null, Action<string>? log = null, CancellationToken ct = default, int? extendTo = null)
    {
        if (resume)
        {
            config = ReadConfig(folder);
            if (extendTo is { } epochs && epochs != config.Trainer.Epochs)
            {
                if (epochs < config.Trainer.Epochs)
                    throw new InputException("--epochs", "value", $"a resumed run can only be extended: it is set to {config.Trainer.Epochs} epochs");
                config = config with { Trainer = config.Trainer with { Epochs = epochs } };
            }
        }
        SnapshotSet train = SnapshotFile.Read(config.TrainData);
        foreach (string note in train.Notes) log?.Invoke($"note: {note}");
        SnapshotTensors.RequireStatic2D(train, config.TrainData);
        var (trainRows, testSet, testRows) = Split(config, train);
        if (!ReferenceEquals(testSet, train)) foreach (string note in testSet.Notes) log?.Invoke($"note: {note}");
        int latents = config.Latents ?? (train.ParamCount > 0 ? train.ParamCount : 2);
        ValidateLabels(config, train, trainRows.Length, latents);
        var model = new DenseVaeConfig
        {
            Channels = train.FieldShape[1],
            Height = train.FieldShape[2],
            Width = train.FieldShape[3],
            Latents = latents,
            HiddenWidth = config.HiddenWidth,
            SeparateEncoders = config.SeparateEncoders,
            OutputVariance = config.OutputVariance,
            OutputVarianceFloor = config.OutputVarianceFloor,
        };
        try { model.Validate(); config.Trainer.Validate(); config.Beta.Validate(); }
        catch (ArgumentException e) { throw new InputException(config.TrainData, "fields", e.Message); }
        double[,]? theta = SnapshotTensors.Params(train, trainRows);
        int[] labelled = LabelledPositions(trainRows.Length, config.Labels, config.Trainer.Seed);
        LabelStandardisation? labels = theta is null || labelled.Length == 0 ? null
            : config.LabelScaling == LabelScaling.Standardised ? LabelStandardisation.FromLabelled(theta, labelled)
            : LabelStandardisation.Identity(theta.GetLength(1));
        if (!resume)
        {
            folder.WriteJson(ConfigFile, config);
            folder.WriteJson(ModelSpecFile, new VaeModelSpec(model, config.Prior, labels));
        }

        torch.manual_seed(config.Trainer.Seed);
        using var vae = new DenseVae(model, LatentPrior.Create(config.Prior, latents));
        using var objective = new VaeObjective(vae, SnapshotTensors.Fields(train, trainRows),
            theta is null ? null : SnapshotTensors.ToTensor(labels?.ToLatent(theta) ?? theta), labelled, config.Normalisation, config.Beta, config.LabelWeight);
        var trainer = new Trainer(config.Trainer, objective, new Checkpoint(folder.File("checkpoint")), progress, log)
        {
            Monitor = testSet.Params is null ? null : _ => new Dictionary<string, double>
            {
                ["test_sd_mean"] = Metrics.DisentanglementScore.Compute(VaeEvaluation.EncodeMeans(vae, testSet, testRows), SnapshotTensors.Params(testSet, testRows)!),
            },
        };
        TrainingState state = trainer.Run(resume, ct);
        // An extension is recorded only once training from the checkpoint worked: refused input changes nothing.
        if (resume && extendTo is not null) folder.WriteJson(ConfigFile, config);
        AtomicFile.Write(folder.File(WeightsFile), force: true, temp => vae.save(temp));

        VaeEvaluation evaluation = VaeEvaluation.Run(vae, testSet, testRows, config.Trainer.Seed, ct, labels);
        var metrics = new Dictionary<string, double?>(evaluation.Metrics)
        {
            ["train_seconds"] = state.Seconds,
            ["epochs"] = state.EpochsDone,
            ["parameters"] = vae.parameters().Sum(p => p.numel()),
            ["test_samples"] = testRows.Length,
            ["labelled_samples"] = labelled.Length,
            ["recoveries"] = state.Recoveries,
        };
        folder.WriteJson(MetricsFile, metrics);
        VaeReport.Write(folder, config, state, evaluation, testSet, testRows, vae);
        return new VaeRunResult(folder.Path, metrics, state);
    }

    /// <summary>Re-evaluates a trained run on any snapshot file; writes <c>evaluate-NAME/</c> plots and metrics in the run folder.</summary>
    public static VaeRunResult Evaluate(RunFolder run, string dataFile, CancellationToken ct = default, Action<string>? log = null)
    {
        var spec = run.ReadJson<VaeModelSpec>(ModelSpecFile);
        var config = ReadConfig(run);
        SnapshotSet data = SnapshotFile.Read(dataFile);
        foreach (string note in data.Notes) log?.Invoke($"note: {note}");
        SnapshotTensors.RequireStatic2D(data, dataFile);
        var m = spec.Model;
        if (data.FieldShape[1] != m.Channels || data.FieldShape[2] != m.Height || data.FieldShape[3] != m.Width)
            throw new InputException(dataFile, "fields", $"shape (N, {string.Join(", ", data.FieldShape[1..])}) does not fit the model, which takes (N, {m.Channels}, {m.Height}, {m.Width})");
        using var vae = new DenseVae(m, LatentPrior.Create(spec.Prior, m.Latents));
        Checkpoint.LoadWeights(vae, run.File(WeightsFile));
        VaeEvaluation evaluation = VaeEvaluation.Run(vae, data, null, config.Trainer.Seed, ct, spec.Labels);
        string name = "evaluate-" + Path.GetFileNameWithoutExtension(dataFile);
        var metrics = new Dictionary<string, double?>(evaluation.Metrics) { ["test_samples"] = data.Count };
        var target = RunFolder.Open(run.File(name), resume: false, force: true);
        target.WriteJson(MetricsFile, metrics);
        VaeReport.Write(target, config, null, evaluation, data, Enumerable.Range(0, data.Count).ToArray(), vae);
        return new VaeRunResult(target.Path, metrics, null);
    }

    /// <summary>The run's <c>config.json</c>, also when written by an earlier DeepRom (see <see cref="VaeRunConfig.UpgradeLegacyLayout"/>).</summary>
    public static VaeRunConfig ReadConfig(RunFolder folder) => folder.ReadJson<VaeRunConfig>(ConfigFile, c => VaeRunConfig.UpgradeLegacyLayout(c));

    private static (int[] TrainRows, SnapshotSet TestSet, int[] TestRows) Split(VaeRunConfig config, SnapshotSet train)
    {
        if (config.TestData is not null)
        {
            SnapshotSet test = SnapshotFile.Read(config.TestData);
            SnapshotTensors.RequireStatic2D(test, config.TestData);
            if (!test.FieldShape[1..].SequenceEqual(train.FieldShape[1..]))
                throw new InputException(config.TestData, "fields", $"sample shape ({string.Join(", ", test.FieldShape[1..])}) differs from the training data's ({string.Join(", ", train.FieldShape[1..])})");
            if (test.ParamCount != train.ParamCount)
                throw new InputException(config.TestData, "params", $"has {test.ParamCount} parameters, the training data {train.ParamCount}");
            return (Enumerable.Range(0, train.Count).ToArray(), test, Enumerable.Range(0, test.Count).ToArray());
        }
        if (!(config.HeldOutFraction > 0 && config.HeldOutFraction < 1))
            throw new InputException("--held-out", "value", "must be between 0 and 1");
        int held = (int)Math.Round(train.Count * config.HeldOutFraction);
        if (held < 1 || held >= train.Count)
            throw new InputException(config.TrainData, "fields", $"{train.Count} samples are too few to hold back a test split; pass --test");
        int[] order = Enumerable.Range(0, train.Count).ToArray();
        new Random(config.Trainer.Seed).Shuffle(order);
        return (order[held..].Order().ToArray(), train, order[..held].Order().ToArray());
    }

    private static void ValidateLabels(VaeRunConfig config, SnapshotSet train, int trainCount, int latents)
    {
        if (config.Labels == 0) return;
        if (config.Labels < 0) throw new InputException("--labels", "value", "must be >= 0");
        if (train.Params is null)
            throw new InputException(config.TrainData, "params", "--labels needs generative parameters, and the file has none");
        if (config.Labels > trainCount)
            throw new InputException("--labels", "value", $"{config.Labels} is more than the {trainCount} labelled training samples available");
        if (train.ParamCount != latents)
            throw new InputException(config.TrainData, "params", $"semi-supervision needs one latent per parameter: {train.ParamCount} parameters, {latents} latents");
    }

    /// <summary>Positions (in the training tensor) of the labelled samples: a seeded random choice.</summary>
    private static int[] LabelledPositions(int count, int labels, int seed)
    {
        int[] order = Enumerable.Range(0, count).ToArray();
        new Random(unchecked(seed * 31 + 7)).Shuffle(order);
        return order[..labels];
    }
}
