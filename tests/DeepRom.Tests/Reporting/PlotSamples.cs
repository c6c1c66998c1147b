using DeepRom.Reporting;

namespace DeepRom.Tests.Reporting;

/// <summary>Small synthetic inputs shared by the plot tests: seeded, so every run draws the same pictures.</summary>
internal static class PlotSamples
{
    public static double[] Epochs(int count) => Enumerable.Range(1, count).Select(e => (double)e).ToArray();

    /// <summary>(samples, dimensions) standard-normal draws.</summary>
    public static double[,] Gaussian(int samples, int dimensions, int seed)
    {
        var random = new Random(seed);
        var result = new double[samples, dimensions];
        for (int n = 0; n < samples; n++)
        for (int d = 0; d < dimensions; d++)
            result[n, d] = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return result;
    }

    public static float[] Field(FieldShape shape, Func<int, int, double> valueAtColumnRow)
    {
        var field = new float[shape.Height * shape.Width];
        for (int j = 0; j < shape.Height; j++)
        for (int i = 0; i < shape.Width; i++)
            field[j * shape.Width + i] = (float)valueAtColumnRow(i, j);
        return field;
    }
}
