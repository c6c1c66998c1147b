using System.Diagnostics;
using System.Text;
using DeepRom.Physics.Cylinder;

namespace DeepRom.Bench;

/// <summary>
/// Lattice updates per second of the cylinder solver on the DFG 2D-2 lattice at two resolutions, one core and all cores,
/// against the memory bandwidth a plain parallel array copy reaches: each update reads 9 and writes 9 float64
/// populations (144 bytes), 216 bytes when the written cache lines are first read (write-allocate).
/// </summary>
public static class CylinderMlupsBench
{
    private const int BytesMoved = 2 * 9 * sizeof(double), BytesWithWriteAllocate = 3 * 9 * sizeof(double);

    public static string Run(int steps)
    {
        var text = new StringBuilder();
        double copy = CopyBandwidth(Environment.ProcessorCount), copyOne = CopyBandwidth(1);
        text.AppendLine($"array copy (2 x 128 MiB float64, read + write counted): {copyOne:F1} GB/s on 1 core, {copy:F1} GB/s on {Environment.ProcessorCount}");
        text.AppendLine($"bandwidth bound on {Environment.ProcessorCount} cores: {copy * 1e3 / BytesMoved:F0} MLUPS at {BytesMoved} B/update, " +
                        $"{copy * 1e3 / BytesWithWriteAllocate:F0} MLUPS at {BytesWithWriteAllocate} B/update (write-allocate)");
        foreach (int resolution in new[] { 40, 80 })
            foreach (int threads in new[] { 1, Environment.ProcessorCount })
            {
                var flow = new CylinderFlow(DfgBenchmark.Config(resolution), threads);
                flow.Advance(50); // warm-up: JIT and first touch of both lattices
                long allocated = GC.GetTotalAllocatedBytes(true);
                var clock = Stopwatch.StartNew();
                flow.Advance(steps);
                double seconds = clock.Elapsed.TotalSeconds;
                long bytes = GC.GetTotalAllocatedBytes(true) - allocated;
                double mlups = (double)flow.FluidNodes * steps / seconds / 1e6;
                text.AppendLine($"DFG 2D-2 lattice {flow.Nx} x {flow.Ny} ({flow.FluidNodes} fluid nodes, {2 * 9 * 8.0 * flow.Nx * flow.Ny / (1 << 20):F0} MiB in two lattices), " +
                                $"{threads} thread(s), {steps} steps: {mlups:F1} MLUPS ({mlups * BytesMoved / 1e3:F1} GB/s moved at {BytesMoved} B/update), " +
                                $"{(double)bytes / steps:F0} bytes allocated per step (Parallel.For's own)");
            }
        return text.ToString();
    }

    // Best of five parallel copies between two 128 MiB arrays; bytes read plus bytes written per second.
    private static double CopyBandwidth(int threads)
    {
        const int length = 1 << 24;
        var a = new double[length];
        var b = new double[length];
        Array.Fill(a, 1.0);
        Array.Fill(b, 2.0);
        int chunk = length / threads;
        double best = 0;
        for (int r = 0; r < 5; r++)
        {
            var clock = Stopwatch.StartNew();
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads },
                t => a.AsSpan(t * chunk, chunk).CopyTo(b.AsSpan(t * chunk, chunk)));
            best = Math.Max(best, 2.0 * length * sizeof(double) / clock.Elapsed.TotalSeconds / 1e9);
        }
        return best;
    }
}
