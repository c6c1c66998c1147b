namespace DeepRom.Data;

/// <summary>
/// The <c>snapshots/1</c> dataset: fields of N samples, (N, C, *grid) for static data or (N, T, C, *grid) for
/// dynamic data (then <see cref="Time"/> is present), optional generative parameters and evaluation-only arrays.
/// Dynamic data may have no grid: a lumped system (N, T, C).
/// </summary>
/// <param name="Fields">float32 values, row-major in the order of <paramref name="FieldShape"/>.</param>
/// <param name="FieldShape">(N, C, *grid) or (N, T, C, *grid); grid is (L) or (H, W), and may be empty for dynamic data.</param>
/// <param name="Channels">C channel names.</param>
/// <param name="Params">float64 (N, s) row-major, or null for unlabelled data.</param>
/// <param name="ParamNames">s names, present exactly when <paramref name="Params"/> is.</param>
/// <param name="Time">float64 (T,) for dynamic data, null for static data.</param>
/// <param name="Aux">Arrays used only for evaluation, stored under <c>aux/NAME</c>.</param>
/// <param name="Generator">What made the data.</param>
/// <param name="GeneratorConfig">The generator's settings as JSON.</param>
public sealed record SnapshotSet(
    float[] Fields,
    int[] FieldShape,
    string[] Channels,
    double[]? Params,
    string[]? ParamNames,
    double[]? Time,
    IReadOnlyDictionary<string, NdArray> Aux,
    string Generator,
    string GeneratorConfig)
{
    /// <summary>The format tag written to the root attribute <c>deeprom_format</c>.</summary>
    public const string FormatTag = "snapshots/1";

    /// <summary>
    /// What reading filled in because the file left it out, one line each (<c>FILE: ITEM: what was assumed</c>);
    /// empty for complete files and for sets made in code. Never written to a file.
    /// </summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Number of samples N.</summary>
    public int Count => FieldShape[0];

    /// <summary>True when each sample is a time history (N, T, C, *grid).</summary>
    public bool IsDynamic => Time is not null;

    /// <summary>Number of generative parameters s (0 when unlabelled).</summary>
    public int ParamCount => ParamNames?.Length ?? 0;

    /// <summary>The grid part of <see cref="FieldShape"/>: (L) or (H, W); empty for a dynamic lumped system (N, T, C).</summary>
    public int[] GridShape => FieldShape[(IsDynamic ? 3 : 2)..];

    /// <summary>Number of float values in one sample.</summary>
    public int SampleLength => (int)(FieldShape.Skip(1).Aggregate(1L, (a, b) => a * b));
}
