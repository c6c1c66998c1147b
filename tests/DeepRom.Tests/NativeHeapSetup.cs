using System.Runtime.CompilerServices;
using DeepRom.Hosting;

namespace DeepRom.Tests;

/// <summary>Gives the tests the same allocator settings as the <c>deeprom</c> program (see <see cref="NativeHeap"/>).</summary>
internal static class NativeHeapSetup
{
    [ModuleInitializer]
    internal static void Apply() => NativeHeap.KeepFreedMemory();
}
