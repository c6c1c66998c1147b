using DeepRom.Data;
using DeepRom.Tests.Data;

namespace DeepRom.Tests.Cli;

/// <summary><c>deeprom vae train</c> refuses bad input with exit 2 and one stderr line, and writes no run folder.</summary>
[Collection(TinyDarcyCollection.Name)]
public class VaeTrainInputTests(TinyDarcyRun tiny)
{
    private string NewRun() => tiny.File($"run-{Guid.NewGuid():N}");

    private string Snapshots(string name, int[] shape, bool withParams)
    {
        string file = tiny.File(name);
        if (!File.Exists(file)) SnapshotFile.Write(file, SampleSets.Snapshots(shape, withParams, withAux: false, dynamic: false), force: false);
        return file;
    }

    private async Task<string> Refused(string[] args, string run, params string[] mentions)
    {
        var outcome = await Cli.Run(args);
        string line = outcome.AssertBadInput(mentions);
        Assert.False(Directory.Exists(run), $"the refused run left a folder behind: {line}");
        Assert.Equal("", outcome.Out);
        return line;
    }

    [Theory]
    [InlineData("--epochs", "0")]
    [InlineData("--held-out", "0")]
    [InlineData("--held-out", "1.5")]
    [InlineData("--latents", "0")]
    [InlineData("--hidden", "0")]
    [InlineData("--labels", "-1")]
    [InlineData("--prior", "flat")]
    [InlineData("--loss", "l1")]
    [InlineData("--output-variance", "per-sample")]
    [InlineData("--reconstruction-epochs", "-1")]
    [InlineData("--nu", "0")]
    [InlineData("--encoders", "two")]
    [InlineData("--variance-floor", "-0.1")]
    [InlineData("--variance-floor", "1")]
    [InlineData("--label-scaling", "z-score")]
    [InlineData("--gradient-clip", "-1")]
    public async Task A_bad_option_value_is_refused_naming_the_option(string option, string value)
    {
        string run = NewRun();

        await Refused(["vae", "train", "--data", tiny.Train, "--out", run, option, value], run, option);
    }

    [Fact]
    public async Task A_grid_smaller_than_16_is_refused_naming_the_file_and_the_grid()
    {
        string small = Snapshots("grid8.h5", [24, 3, 8, 8], withParams: true);
        string run = NewRun();

        await Refused(["vae", "train", "--data", small, "--epochs", "1", "--out", run], run, "grid8.h5", "8 x 8", "16");
    }

    [Fact]
    public async Task More_labels_than_training_samples_are_refused()
    {
        string run = NewRun();

        await Refused(tiny.TrainArgs(run, "--test", tiny.Test, "--labels", "25"), run, "--labels", "25", "24");
    }

    [Fact]
    public async Task Labels_on_a_file_without_parameters_are_refused()
    {
        string unlabelled = Snapshots("unlabelled.h5", [24, 3, 17, 17], withParams: false);
        string run = NewRun();

        await Refused(["vae", "train", "--data", unlabelled, "--labels", "4", "--epochs", "1", "--out", run], run, "unlabelled.h5", "params");
    }

    [Fact]
    public async Task A_test_file_with_other_channels_is_refused()
    {
        string twoChannels = Snapshots("two-channels.h5", [6, 2, 17, 17], withParams: true);
        string run = NewRun();

        await Refused(tiny.TrainArgs(run, "--test", twoChannels), run, "two-channels.h5", "2, 17, 17", "3, 17, 17");
    }

    [Fact]
    public async Task A_test_file_with_another_grid_is_refused()
    {
        string otherGrid = Snapshots("grid18.h5", [6, 3, 18, 18], withParams: true);
        string run = NewRun();

        await Refused(tiny.TrainArgs(run, "--test", otherGrid), run, "grid18.h5", "3, 18, 18");
    }

    [Fact]
    public async Task A_missing_data_file_is_refused_naming_it()
    {
        string missing = tiny.File("absent.h5");
        string run = NewRun();

        await Refused(["vae", "train", "--data", missing, "--epochs", "1", "--out", run], run, "absent.h5");
    }

    [Fact]
    public async Task A_run_folder_whose_parent_does_not_exist_is_refused()
    {
        string run = Path.Combine(tiny.File("no-such-parent"), "run");

        await Refused(tiny.TrainArgs(run, "--test", tiny.Test), run, run, "does not exist");
        Assert.False(Directory.Exists(tiny.File("no-such-parent")));
    }

    [Fact]
    public async Task Resuming_a_run_that_does_not_exist_is_refused()
    {
        string run = NewRun();

        await Refused(tiny.TrainArgs(run, "--test", tiny.Test, "--resume"), run, run, "nothing to resume");
    }

    [Fact]
    public async Task Force_with_bad_input_keeps_the_existing_run()
    {
        string run = NewRun();
        Directory.CreateDirectory(run);
        File.WriteAllText(Path.Combine(run, "notes.txt"), "keep me");
        var before = Cli.Contents(run);

        var outcome = await Cli.Run(tiny.TrainArgs(run, "--test", tiny.File("absent.h5"), "--force"));

        outcome.AssertBadInput("absent.h5");
        Cli.AssertUnchanged(before, run);
    }

    [Fact]
    public async Task Evaluating_a_folder_that_is_not_a_run_is_refused_naming_the_missing_file()
    {
        string folder = NewRun();
        Directory.CreateDirectory(folder);

        var outcome = await Cli.Run("vae", "evaluate", "--run", folder, "--data", tiny.Test);

        outcome.AssertBadInput("model.json");
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder));
    }

    [Fact]
    public async Task A_truncated_checkpoint_is_refused_on_resume_naming_the_weights()
    {
        string run = NewRun();
        (await Cli.Run(tiny.TrainArgs(run, "--test", tiny.Test, "--epochs", "1"))).AssertSuccess();
        string weights = Path.Combine(run, "checkpoint", "model.bin");
        byte[] bytes = File.ReadAllBytes(weights);
        File.WriteAllBytes(weights, bytes[..(bytes.Length / 2)]);
        var before = Cli.Contents(run);

        var outcome = await Cli.Run(tiny.TrainArgs(run, "--test", tiny.Test, "--resume"));

        outcome.AssertBadInput(weights, "corrupt");
        Cli.AssertUnchanged(before, run);
    }
}
