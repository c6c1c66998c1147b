using DeepRom.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepRom.Tests.Training;

/// <summary>A weight snapshot copies a module's state exactly, and taking one survives collections on another thread.</summary>
public class WeightSnapshotTests
{
    private static nn.Module<Tensor, Tensor> Network()
    {
        manual_seed(4);
        return nn.Sequential(nn.Linear(8, 16), nn.BatchNorm1d(16), nn.Tanh(), nn.Linear(16, 3));
    }

    [Fact]
    public void Restoring_a_snapshot_brings_back_every_weight_and_buffer_bit_for_bit()
    {
        using var net = Network();
        var before = net.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone());
        using var snapshot = WeightSnapshot.Take(net);
        using (no_grad())
            foreach (var (_, value) in net.state_dict()) value.add_(DeepRom.Nn.HeldScalar.One);
        snapshot.RestoreInto(net);
        foreach (var (name, value) in net.state_dict())
            Assert.True(value.equal(before[name]).all().item<bool>(), $"{name} differs after the restore");
        foreach (var t in before.Values) t.Dispose();
    }

    /// <summary>
    /// The trainer takes a snapshot outside any dispose scope every epoch. Its temporaries, unheld, were finalised by
    /// collections on another thread while libtorch cloned them, and the process died of a segmentation fault within
    /// two seconds of this loop (and an LSH-VAE fit after 600 epochs). A failure here ends the test run.
    /// </summary>
    [Fact]
    public void Taking_snapshots_survives_collections_on_another_thread()
    {
        using var net = Network();
        int taken = 0;
        using (new DeepRom.Bench.CollectionPressure())
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (clock.Elapsed.TotalSeconds < 4)
            {
                using var snapshot = WeightSnapshot.Take(net);
                taken++;
            }
        }
        Assert.True(taken > 10, $"only {taken} snapshots in 4 s");
    }
}
