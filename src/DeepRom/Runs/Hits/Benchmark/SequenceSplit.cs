namespace DeepRom.Runs.Hits.Benchmark;

/// <summary>
/// Which samples of the sequence train the models and which they generate: samples 0..<see cref="TrainSamples"/> - 1 train;
/// generation starts from the given sample <see cref="Start"/> and produces samples Start + 1 .. Start + <see cref="Horizon"/>.
/// </summary>
public sealed record SequenceSplit(int TrainSamples, int Start, int Horizon)
{
    /// <summary>The split the protocol makes of a sequence of <paramref name="samples"/> samples (from <paramref name="file"/>, for errors).</summary>
    public static SequenceSplit For(BenchmarkProtocol protocol, int samples, double trainFraction, string file)
    {
        if (protocol == BenchmarkProtocol.Reproduce) return new SequenceSplit(samples, 0, samples - 1);
        int train = (int)Math.Floor(trainFraction * samples);
        if (train < 2 || samples - train < 1)
            throw new InputException(file, "states", $"a sequence of {samples} samples is too short to split into {trainFraction:P0} training samples (at least 2) and the rest to generate (at least 1)");
        return new SequenceSplit(train, train - 1, samples - train);
    }
}
