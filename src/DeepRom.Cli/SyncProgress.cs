namespace DeepRom.Cli;

/// <summary>An <see cref="IProgress{T}"/> that reports on the caller's thread (unlike <see cref="Progress{T}"/>, which posts to the thread pool and can reorder lines).</summary>
internal sealed class SyncProgress<TValue>(Action<TValue> report) : IProgress<TValue>
{
    public void Report(TValue value) => report(value);
}
