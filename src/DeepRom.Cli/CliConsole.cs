using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace DeepRom.Cli;

/// <summary>
/// Where a command's words go: results on stdout (plain text, or only JSON with <c>--json</c>), progress and logs on stderr.
/// </summary>
public sealed class CliConsole(TextWriter stdout, TextWriter stderr)
{
    public TextWriter Out { get; } = stdout;
    public TextWriter Error { get; } = stderr;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>True when stderr is a terminal that can redraw a progress bar.</summary>
    public bool Interactive { get; init; } = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected
        && Environment.GetEnvironmentVariable("TERM") is { } term && term != "dumb";

    /// <summary>Writes a log line to stderr.</summary>
    public void Log(string line) => Error.WriteLine(line);

    /// <summary>Prints the result: JSON only when <paramref name="json"/>, otherwise the human lines.</summary>
    public void Result(bool json, JsonObject result, IEnumerable<string> humanLines)
    {
        if (json) Out.WriteLine(result.ToJsonString(Indented));
        else foreach (string line in humanLines) Out.WriteLine(line);
    }

    /// <summary>Runs <paramref name="work"/> with a progress display on stderr: a live bar when interactive, else occasional plain lines.</summary>
    public T WithProgress<T>(string description, int total, Func<IProgress<double>, T> work)
    {
        if (!Interactive)
        {
            var plain = new PlainProgress(Error, description, total);
            T value = work(plain);
            plain.Finish();
            return value;
        }
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Error) });
        return ansi.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(description), maxValue: total);
                return work(new SyncProgress<double>(done => task.Value = done));
            });
    }

    /// <summary>Runs training with a progress display on stderr showing epoch, loss parts, schedule values and the time left.</summary>
    public T WithTrainingProgress<T>(string description, int epochs, Func<IProgress<DeepRom.Training.TrainingProgress>, T> work)
    {
        static string Describe(DeepRom.Training.TrainingProgress p) =>
            string.Join(" ", p.Parts.Select(kv => $"{kv.Key} {Short(kv.Value)}").Concat(p.Schedule.Select(kv => $"{kv.Key} {kv.Value:0.###e0}")))
            + $" lr {p.LearningRate:0.#e0}";
        if (!Interactive)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            double last = -1;
            return work(new SyncProgress<DeepRom.Training.TrainingProgress>(p =>
            {
                double seconds = clock.Elapsed.TotalSeconds;
                if (p.Epoch != p.Epochs && p.Epoch != 1 && seconds - last < 15) return;
                last = seconds;
                double eta = seconds / Math.Max(1, p.Epoch) * (p.Epochs - p.Epoch);
                Error.WriteLine($"{description}: epoch {p.Epoch}/{p.Epochs} {Describe(p)} elapsed {seconds:0} s, about {eta:0} s left");
            }));
        }
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Error) });
        return ansi.Progress()
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(description), maxValue: epochs);
                return work(new SyncProgress<DeepRom.Training.TrainingProgress>(p =>
                {
                    task.Value = p.Epoch;
                    task.Description = Markup.Escape($"epoch {p.Epoch}/{p.Epochs} {Describe(p)}");
                }));
            });
    }

    // Three decimals, unless a small value would show as 0 (time-stepper losses reach 1e-8): then three significant digits.
    private static string Short(double v) =>
        v == 0 || Math.Abs(v) >= 1e-3 || !double.IsFinite(v) ? v.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)
            : v.ToString("0.##e0", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Progress as a line every 10 % or 10 s, for logs and pipes.</summary>
    private sealed class PlainProgress(TextWriter error, string description, int total) : IProgress<double>
    {
        private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
        private double _lastFraction = -1;
        private double _lastSeconds;

        public void Report(double done)
        {
            lock (this)
            {
                double fraction = total > 0 ? done / total : 1;
                double seconds = _clock.Elapsed.TotalSeconds;
                if (fraction - _lastFraction < 0.1 && seconds - _lastSeconds < 10) return;
                _lastFraction = fraction;
                _lastSeconds = seconds;
                error.WriteLine($"{description}: {done:0}/{total} ({100 * fraction:0}%) {seconds:0.0} s");
            }
        }

        public void Finish()
        {
            if (_lastFraction < 1) error.WriteLine($"{description}: done in {_clock.Elapsed.TotalSeconds:0.0} s");
        }
    }
}
