using System.Runtime.InteropServices;

namespace DeepRom.Training;

/// <summary>
/// Recognises libtorch's complaint about a scalar argument whose native memory was freed during the call: TorchSharp
/// (0.107) turns doubles into finalizable <c>Scalar</c> objects implicitly, and the garbage collector's finalizer thread
/// can free one while a native operation still reads it (TorchSharp pull request 1496). It strikes at random, more
/// often on a busy machine and with large tensors; the step it hit is lost, nothing before it.
/// </summary>
public static class NativeScalarFault
{
    /// <summary>True when <paramref name="e"/> is that fault: a check failing inside <c>c10::Scalar</c> or an unknown scalar type.</summary>
    public static bool Matches(Exception e) =>
        e is ExternalException && (e.Message.Contains("c10/core/Scalar.h", StringComparison.Ordinal) || e.Message.Contains("Unknown scalar type", StringComparison.Ordinal));
}
