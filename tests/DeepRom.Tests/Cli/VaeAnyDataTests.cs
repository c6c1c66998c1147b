using System.Text.Json.Nodes;
using DeepRom.Data;
using DeepRom.Tests.Data;

namespace DeepRom.Tests.Cli;

/// <summary>The VAE commands take any static 2-D snapshot file, not only Darcy data: other channel counts, grids, and no labels.</summary>
public class VaeAnyDataTests : IDisposable
{
    private readonly CliScratch scratch = new();

    public void Dispose() => scratch.Dispose();

    /// <summary>Gaussian bumps at positions (a, b) on an H x W grid, one channel; a and b are the generative parameters.</summary>
    private static SnapshotSet Bumps(int count, int height, int width, bool labelled, int seed)
    {
        var random = new Random(seed);
        var fields = new float[count * height * width];
        var theta = new double[count * 2];
        for (int n = 0; n < count; n++)
        {
            double a = random.NextDouble(), b = random.NextDouble();
            theta[2 * n] = a;
            theta[2 * n + 1] = b;
            for (int j = 0; j < height; j++)
                for (int i = 0; i < width; i++)
                {
                    double dx = i / (width - 1.0) - a, dy = j / (height - 1.0) - b;
                    fields[(n * height + j) * width + i] = (float)Math.Exp(-(dx * dx + dy * dy) / 0.02);
                }
        }
        return new SnapshotSet(fields, [count, 1, height, width], ["bump"], labelled ? theta : null, labelled ? ["a", "b"] : null,
            null, new Dictionary<string, NdArray>(), "test bumps", "{}");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_one_channel_non_square_set_trains_and_evaluates(bool labelled)
    {
        string train = scratch.File("bumps-train.npz"), test = scratch.File("bumps-test.h5"), run = scratch.File("run");
        SnapshotFile.Write(train, Bumps(30, 20, 24, labelled, 1), force: false);
        SnapshotFile.Write(test, Bumps(12, 20, 24, labelled, 2), force: false);
        (await Cli.Run("vae", "train", "--data", train, "--test", test, "--epochs", "2", "--out", run)).AssertSuccess();
        var metrics = JsonNode.Parse(File.ReadAllText(Path.Combine(run, "metrics.json")))!.AsObject();
        Assert.True(double.IsFinite((double)metrics["rel_l2_bump"]!));
        Assert.Equal(labelled, metrics["sd_mean"] is not null);
        (await Cli.Run("vae", "evaluate", "--run", run, "--data", test, "--json")).AssertSuccess();
    }

    [Fact]
    public async Task A_file_with_only_fields_and_params_trains_and_evaluates_with_notes_on_stderr()
    {
        string train = scratch.File("mine.h5"), run = scratch.File("run-mine");
        var bumps = Bumps(24, 16, 16, labelled: true, seed: 3);
        var raw = new RawDataset();
        raw.Arrays["fields"] = (bumps.Fields, bumps.FieldShape);
        raw.Arrays["params"] = (bumps.Params!, [24, 2]);
        raw.Write(train, DataFileFormat.Hdf5);

        var trained = await Cli.Run("vae", "train", "--data", train, "--epochs", "1", "--out", run, "--json");
        trained.AssertSuccess();
        JsonNode.Parse(trained.Out); // the notes stay off stdout
        string[] expected =
        [
            $"note: {train}: root attribute 'deeprom_format': missing; read as snapshots/1 because the file has fields",
            $"note: {train}: root attribute 'channels': missing; named c1",
            $"note: {train}: params attribute 'names': missing; named p1..p2",
        ];
        Assert.Equal(expected, trained.ErrLines.Where(l => l.StartsWith("note:", StringComparison.Ordinal)));
        var metrics = JsonNode.Parse(File.ReadAllText(Path.Combine(run, "metrics.json")))!.AsObject();
        Assert.True(double.IsFinite((double)metrics["rel_l2_c1"]!));

        var evaluated = await Cli.Run("vae", "evaluate", "--run", run, "--data", train, "--json");
        evaluated.AssertSuccess();
        Assert.Equal(expected, evaluated.ErrLines.Where(l => l.StartsWith("note:", StringComparison.Ordinal)));
    }
}
