using System.Runtime.InteropServices;

namespace DeepRom.Hosting;

/// <summary>
/// Keeps glibc from handing libtorch's freed tensor buffers back to the kernel between training steps.
/// </summary>
/// <remarks>
/// libtorch's CPU allocator calls malloc and free for every activation and gradient. With glibc's defaults a block of
/// a few megabytes is mapped with mmap and unmapped on free, or the top of the heap is trimmed, so every step
/// page-faults its working memory in again (zeroed pages, kernel time). On the DenseVAE step (batch 64, 2 threads)
/// that doubled the step time: about 300 ms against about 150 ms with the thresholds raised here
/// (<c>bench/DeepRom.Bench -- vae-step</c> prints both). The price is that freed memory stays with the process
/// until it exits; peak resident memory did not change measurably. A process must call <see cref="KeepFreedMemory"/>
/// before its first tensor; the <c>deeprom</c> program, the benchmarks and the tests do.
/// </remarks>
public static class NativeHeap
{
    private const int MmapThresholdParameter = -3; // M_MMAP_THRESHOLD
    private const int TrimThresholdParameter = -1; // M_TRIM_THRESHOLD

    /// <summary>glibc's largest accepted mmap threshold on 64-bit (HEAP_MAX_SIZE / 2).</summary>
    public const int MmapThresholdBytes = 32 * 1024 * 1024;

    /// <summary>Free memory at the top of the heap beyond this is returned to the kernel.</summary>
    public const int TrimThresholdBytes = 1024 * 1024 * 1024;

    private static bool? applied;

    /// <summary>
    /// Raises glibc's mmap and trim thresholds (idempotent). Returns false where there is no glibc (other C libraries,
    /// other systems) or the environment asks to leave the allocator alone (<c>DEEPROM_DEFAULT_MALLOC=1</c>, for
    /// side-by-side timing).
    /// </summary>
    public static bool KeepFreedMemory()
    {
        if (applied is { } done) return done;
        applied = false;
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("DEEPROM_DEFAULT_MALLOC") == "1") return false;
        try
        {
            applied = mallopt(MmapThresholdParameter, MmapThresholdBytes) == 1 && mallopt(TrimThresholdParameter, TrimThresholdBytes) == 1;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            applied = false;
        }
        return applied.Value;
    }

    [DllImport("libc", EntryPoint = "mallopt")]
    private static extern int mallopt(int parameter, int value);
}
