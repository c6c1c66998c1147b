namespace DeepRom.Physics.Ode;

/// <summary>The three sets HiTS trains, selects models and tests on; each is drawn with its own random streams.</summary>
public enum DataSplit
{
    Train = 0,
    Validation = 1,
    Test = 2,
}

/// <summary>File names and sizes of the splits.</summary>
public static class DataSplits
{
    /// <summary>Every split, in the order the files are listed.</summary>
    public static IReadOnlyList<DataSplit> All { get; } = [DataSplit.Train, DataSplit.Validation, DataSplit.Test];

    /// <summary>The file stem the reference used: train, val, test.</summary>
    public static string FileStem(this DataSplit split) => split switch
    {
        DataSplit.Train => "train",
        DataSplit.Validation => "val",
        _ => "test",
    };
}

/// <summary>How many trajectories each split holds.</summary>
public sealed record SplitCounts(int Train, int Validation, int Test)
{
    public int this[DataSplit split] => split switch
    {
        DataSplit.Train => Train,
        DataSplit.Validation => Validation,
        _ => Test,
    };

    public int Total => Train + Validation + Test;
}
