using System.Collections.Concurrent;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepRom.Nn;

/// <summary>
/// Scalars that live as long as the process, and tensor arithmetic written with them. TorchSharp (0.107) turns a number
/// into a finalizable <see cref="Scalar"/> for every <c>x * 0.5</c>, <c>x + 1</c>, <c>a + b</c> (alpha 1) and
/// <c>square()</c> (<c>pow(2)</c>) and three for every ELU; a garbage collection started by another thread during the native call can free it
/// under libtorch (<c>Training/NativeScalarFault</c>). These results are bit for bit the operators' own.
/// </summary>
public static class HeldScalar
{
    private static readonly ConcurrentDictionary<double, Scalar> Cache = new();

    /// <summary>The integer 1, TorchSharp's own alpha of a tensor sum.</summary>
    public static Scalar One { get; } = 1.ToScalar();

    /// <summary>The integer 2, the exponent of <c>square()</c>.</summary>
    public static Scalar Two { get; } = 2.ToScalar();

    /// <summary>A held scalar of <paramref name="value"/>, made once per distinct value (for constants and settings, not per-step values).</summary>
    public static Scalar Of(double value) => Cache.GetOrAdd(value, v => v.ToScalar());

    /// <summary><c>a + b</c>.</summary>
    public static Tensor Plus(this Tensor a, Tensor b) => a.add(b, One);

    /// <summary><c>a + c</c>.</summary>
    public static Tensor Plus(this Tensor a, double c) => a.add(Of(c), One);

    /// <summary><c>c * a</c>.</summary>
    public static Tensor Times(this Tensor a, double c) => a.mul(Of(c));

    /// <summary><c>a - c</c>.</summary>
    public static Tensor Minus(this Tensor a, double c) => a.sub(Of(c));

    /// <summary><c>functional.elu(a, 1.0)</c>: ELU with alpha, scale and input scale 1 (TorchSharp's overload makes all three).</summary>
    public static Tensor Elu(this Tensor a) => a.elu(Of(1.0), Of(1.0), Of(1.0));

    /// <summary><c>a.square()</c>.</summary>
    public static Tensor Squared(this Tensor a) => a.pow(Two);
}
