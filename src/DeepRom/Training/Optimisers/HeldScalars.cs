using TorchSharp;

namespace DeepRom.Training.Optimisers;

/// <summary>
/// Scalars made explicitly and released together, so that each lives until its native call has returned. TorchSharp
/// (0.107) turns a double argument into a finalizable <see cref="Scalar"/> that nothing references once its handle has
/// been read; a garbage collection started by another thread during the call can then free it under libtorch
/// (<see cref="NativeScalarFault"/>). Built-in optimiser steps make several such scalars per parameter tensor per step.
/// </summary>
internal sealed class HeldScalars : IDisposable
{
    private readonly List<Scalar> _held = new(8);

    /// <summary>A scalar of <paramref name="value"/> that stays alive until this set is disposed.</summary>
    public Scalar Of(double value)
    {
        Scalar s = value.ToScalar();
        _held.Add(s);
        return s;
    }

    public void Dispose()
    {
        foreach (Scalar s in _held) s.Dispose();
        _held.Clear();
    }
}
