namespace DeepRom.Bench;

/// <summary>
/// A background thread that collects generation 0 until disposed, to provoke faults of TorchSharp objects freed by the
/// finalizer in the middle of a native call. Compiled into the tests too, which provoke the same faults.
/// </summary>
/// <remarks>
/// A short pause between collections: collecting back to back starves the working thread on an idle machine (one
/// training step in five seconds); some 20,000 spins let it work while the collector still runs hundreds of times a second.
/// </remarks>
internal sealed class CollectionPressure : IDisposable
{
    private readonly Thread collector;
    private volatile bool stop;

    public CollectionPressure()
    {
        collector = new Thread(() =>
        {
            while (!stop)
            {
                GC.Collect(0);
                Thread.SpinWait(20_000);
            }
        }) { IsBackground = true };
        collector.Start();
    }

    public void Dispose()
    {
        stop = true;
        collector.Join();
    }
}
