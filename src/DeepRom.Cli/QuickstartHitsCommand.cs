using System.CommandLine;
using System.Text.Json.Nodes;
using DeepRom.Data;
using DeepRom.Physics.Ode;
using DeepRom.Physics.Ode.Systems;
using DeepRom.Runs;
using DeepRom.Runs.Hits;

namespace DeepRom.Cli;

/// <summary>
/// <c>deeprom quickstart hits</c>: the time-stepper job on embedded defaults. Generates the hyperbolic fixed point's
/// reference data (1600 / 320 / 320 trajectories of 5121 samples), trains levels 0-10 together, then forecasts the test
/// set with every level, the multiscale coupling chosen on the validation set, RK4 and the hybrid, and writes the reports.
/// </summary>
public static class QuickstartHitsCommand
{
    /// <summary>The system: the cheapest of the five to learn and to integrate.</summary>
    public const OdeSystemKind System = OdeSystemKind.Hyperbolic;

    /// <summary>Minibatches of the quickstart's training: about five minutes on two cores (README).</summary>
    public const int DefaultIterations = 2000;

    public static Command Build(CliConsole console)
    {
        var run = RunOptions.Create("Run folder (default: runs/quickstart-hits-DATE-TIME in the current folder); the data go to RUNDIR/data, the forecast to RUNDIR/forecast-test.");
        run.Out.Required = false;
        var seed = new Option<int>("--seed") { Description = "Seed for data and training.", DefaultValueFactory = _ => 0 };
        var iterations = new Option<int>("--max-iterations") { Description = $"Minibatches of training (default {DefaultIterations}).", DefaultValueFactory = _ => DefaultIterations };
        var command = new Command("hits",
            $"Generate the hyperbolic fixed point's data (1600 / 320 / 320 trajectories, 5121 samples), train the time-steppers of levels 0-10 together " +
            $"({DefaultIterations} minibatches unless --max-iterations), forecast the test set (every level, multiscale, RK4, hybrid) and write report.html.");
        run.AddTo(command);
        command.Add(seed);
        command.Add(iterations);
        command.SetAction((ParseResult r, CancellationToken ct) =>
        {
            if (r.GetValue(iterations) < 1) throw new InputException("--max-iterations", "value", "must be at least 1");
            string path = r.GetValue(run.Out) ?? Path.Combine("runs", $"quickstart-hits-{DateTime.Now:yyyyMMdd-HHmmss}");
            if (r.GetValue(run.Out) is null) Directory.CreateDirectory("runs");
            bool resume = run.IsResume(r);
            var folder = run.Open(r, path);
            int s = r.GetValue(seed);
            string dataFolder = folder.File("data");
            var files = DataSplits.All.ToDictionary(split => split, split => Path.Combine(dataFolder, split.FileStem() + ".h5"));
            if (!files.Values.All(File.Exists))
            {
                Directory.CreateDirectory(dataFolder);
                var config = new OdeDataConfig(System, Seed: s);
                OdeDataSets sets = console.WithProgress("hyperbolic fixed point trajectories", config.CountsFor(DynamicalSystems.Create(System)).Total,
                    p => OdeDataGenerator.Generate(config, new SyncProgress<int>(n => p.Report(n)), ct));
                TrajectoryFile.WriteAll(DataSplits.All.Select(split => (files[split], sets[split])).ToList(), force: true, ct: ct);
            }
            var hits = new HitsRunConfig
            {
                TrainData = files[DataSplit.Train],
                ValidationData = files[DataSplit.Validation],
                MaxIterations = r.GetValue(iterations),
                Seed = s,
            };
            HitsTrainResult trained = HitsCommands.TrainWithProgress(console, hits, folder, resume && File.Exists(folder.File(HitsRun.ConfigFile)), ct);
            HitsForecastResult forecast = HitsCommands.Forecast(console, RunFolder.Existing(folder.Path), files[DataSplit.Test], null, System, hits.Threads, ct);
            if (r.GetValue(run.Json))
            {
                console.Result(true, new JsonObject
                {
                    ["run"] = trained.Folder,
                    ["training"] = trained.Metrics.DeepClone(),
                    ["forecast"] = forecast.Metrics.DeepClone(),
                    ["report"] = Path.Combine(trained.Folder, "report.html"),
                    ["forecast_report"] = Path.Combine(forecast.Folder, "report.html"),
                }, []);
            }
            else
            {
                HitsCommands.PrintTraining(console, false, trained, "trained");
                HitsCommands.PrintForecast(console, false, forecast);
                console.Out.WriteLine("quickstart hits finished");
            }
            return Task.FromResult(DeepRomCli.Success);
        });
        return command;
    }
}
