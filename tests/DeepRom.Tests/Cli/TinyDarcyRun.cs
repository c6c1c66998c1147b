namespace DeepRom.Tests.Cli;

/// <summary>
/// Tiny Darcy data (17 x 17, 24 training and 12 test samples) and one VAE run trained on it for 2 epochs,
/// made once through the command line and shared by the VAE command tests.
/// </summary>
public sealed class TinyDarcyRun : IAsyncLifetime
{
    private readonly CliScratch _scratch = new();

    public string Folder => _scratch.Path;
    public string Train => _scratch.File("train.h5");
    public string Test => _scratch.File("test.h5");
    public string Run => _scratch.File("run");
    internal CliOutcome Trained { get; private set; } = null!;

    public string File(string name) => _scratch.File(name);

    public async Task InitializeAsync()
    {
        (await Cli.Run("data", "darcy", "--nodes", "17", "--count", "24", "--seed", "1", "--out", Train)).AssertSuccess();
        (await Cli.Run("data", "darcy", "--nodes", "17", "--count", "12", "--seed", "2", "--out", Test)).AssertSuccess();
        Trained = await Cli.Run(TrainArgs(Run, "--test", Test, "--json"));
    }

    /// <summary>Arguments of a <c>vae train</c> on the tiny training file, 2 epochs unless <paramref name="extra"/> says otherwise.</summary>
    public string[] TrainArgs(string run, params string[] extra) =>
        ["vae", "train", "--data", Train, "--out", run, .. extra.Contains("--epochs") ? [] : new[] { "--epochs", "2" }, .. extra];

    public Task DisposeAsync()
    {
        _scratch.Dispose();
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class TinyDarcyCollection : ICollectionFixture<TinyDarcyRun>
{
    public const string Name = "tiny darcy run";
}
