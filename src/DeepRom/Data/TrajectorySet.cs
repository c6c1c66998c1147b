namespace DeepRom.Data;

/// <summary>The <c>trajectories/1</c> dataset: M state trajectories of T steps in d dimensions, for time-steppers.</summary>
/// <param name="States">float64 (M, T, d) row-major.</param>
/// <param name="StateShape">(M, T, d).</param>
/// <param name="Time">float64 (T,).</param>
/// <param name="Params">optional float64 (M, s).</param>
/// <param name="ParamNames">s names, present exactly when <paramref name="Params"/> is.</param>
/// <param name="Generator">What made the data.</param>
/// <param name="GeneratorConfig">The generator's settings as JSON.</param>
public sealed record TrajectorySet(
    double[] States,
    int[] StateShape,
    double[] Time,
    double[]? Params,
    string[]? ParamNames,
    string Generator,
    string GeneratorConfig)
{
    /// <summary>The format tag written to the root attribute <c>deeprom_format</c>.</summary>
    public const string FormatTag = "trajectories/1";

    /// <summary>
    /// What reading filled in because the file left it out, one line each (<c>FILE: ITEM: what was assumed</c>);
    /// empty for complete files and for sets made in code. Never written to a file.
    /// </summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>
    /// Arrays used only for evaluation, stored under <c>aux/NAME</c> with one entry per trajectory along the first dimension
    /// (e.g. <c>aux/clean_states</c>, the noise-free states of noisy data). Empty when the file has none.
    /// </summary>
    public IReadOnlyDictionary<string, NdArray> Aux { get; init; } = new Dictionary<string, NdArray>();

    public int Count => StateShape[0];
    public int Steps => StateShape[1];
    public int Dimension => StateShape[2];
}
