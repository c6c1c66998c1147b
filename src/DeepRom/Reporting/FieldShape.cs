namespace DeepRom.Reporting;

/// <summary>
/// Shape of a 2-D field stored row-major as float[Height * Width]: element [j * Width + i] is at column i (x) and
/// row j (y), with y increasing upward, so row 0 is drawn at the bottom.
/// </summary>
public sealed record FieldShape(int Height, int Width)
{
    internal void Check(IReadOnlyList<float> field, string name)
    {
        ArgumentNullException.ThrowIfNull(field, name);
        if (Height < 1 || Width < 1) throw new ArgumentException($"field shape {Height}x{Width} must be positive", name);
        if (field.Count != Height * Width)
            throw new ArgumentException($"field has {field.Count} values, shape {Height}x{Width} needs {Height * Width}", name);
    }
}
