using System.Globalization;

namespace DeepRom.Physics.Ode;

/// <summary>The uniform distribution on a box, one interval [Lower_i, Upper_i] per state component.</summary>
public sealed record UniformBox(IReadOnlyList<double> Lower, IReadOnlyList<double> Upper)
{
    /// <summary>The same interval [<paramref name="lower"/>, <paramref name="upper"/>] for each of <paramref name="dimension"/> components.</summary>
    public static UniformBox Cube(int dimension, double lower, double upper) =>
        new(Enumerable.Repeat(lower, dimension).ToArray(), Enumerable.Repeat(upper, dimension).ToArray());

    public int Dimension => Lower.Count;

    /// <summary>Draws one point, component by component in order, from <paramref name="random"/>.</summary>
    public void Sample(Random random, Span<double> point)
    {
        for (int i = 0; i < Dimension; i++) point[i] = Lower[i] + (Upper[i] - Lower[i]) * random.NextDouble();
    }

    /// <summary>True when <paramref name="point"/> lies in the closed box.</summary>
    public bool Contains(ReadOnlySpan<double> point)
    {
        for (int i = 0; i < Dimension; i++)
            if (!(point[i] >= Lower[i] && point[i] <= Upper[i])) return false;
        return true;
    }

    /// <summary>The box as text, e.g. "x ~ U[-1, 1], y ~ U[-4, 4]".</summary>
    public string Describe(IReadOnlyList<string> names) => string.Join(", ",
        names.Select((name, i) => string.Create(CultureInfo.InvariantCulture, $"{name} ~ U[{Lower[i]}, {Upper[i]}]")));
}
