namespace DeepRom.Data;

/// <summary>A dense row-major array of float32 or float64 values with its shape, as stored in a dataset file.</summary>
public sealed record NdArray(Array Data, int[] Shape)
{
    /// <summary>Number of elements implied by <see cref="Shape"/>.</summary>
    public long Length => Shape.Aggregate(1L, (a, b) => a * b);

    /// <summary>True for float32 data, false for float64.</summary>
    public bool IsSingle => Data is float[];

    public static NdArray Of(float[] data, params int[] shape) => new(data, shape);

    public static NdArray Of(double[] data, params int[] shape) => new(data, shape);
}
