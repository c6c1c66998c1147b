using DeepRom.Physics.Darcy;

namespace DeepRom.Tests.Physics;

public sealed class KleCacheTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"deeprom-kle-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Stored_expansion_loads_back_exactly_and_serves_smaller_requests()
    {
        var cache = new KleCache(_folder);
        var computed = cache.GetOrCompute(9, 0.1, 5);
        Assert.True(File.Exists(cache.PathFor(9, 0.1, 5)));
        var loaded = cache.TryLoad(9, 0.1, 3);
        Assert.NotNull(loaded);
        Assert.Equal(3, loaded!.ModeCount);
        Assert.Equal(computed.Eigenvalues[..3], loaded.Eigenvalues);
        for (int k = 0; k < 3; k++) Assert.Equal(computed.Modes[k], loaded.Modes[k]);
        Assert.Null(cache.TryLoad(9, 0.1, 6));
        Assert.Null(cache.TryLoad(9, 0.2, 2));
        Assert.Null(cache.TryLoad(11, 0.1, 2));
    }

    [Fact]
    public void Corrupt_file_is_ignored_and_replaced()
    {
        var cache = new KleCache(_folder);
        var computed = cache.GetOrCompute(9, 0.1, 2);
        string path = cache.PathFor(9, 0.1, 2);
        var bytes = File.ReadAllBytes(path);
        bytes[100] ^= 0x40;
        File.WriteAllBytes(path, bytes);
        Assert.Null(cache.TryLoad(9, 0.1, 2));
        var again = cache.GetOrCompute(9, 0.1, 2);
        Assert.Equal(computed.Modes[1], again.Modes[1]);
        Assert.NotNull(cache.TryLoad(9, 0.1, 2));
        File.WriteAllBytes(path, bytes[..50]);
        Assert.Null(cache.TryLoad(9, 0.1, 2));
    }

    [Fact]
    public void Default_folder_follows_xdg_cache_home()
    {
        string? saved = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        try
        {
            Environment.SetEnvironmentVariable("XDG_CACHE_HOME", "/tmp/xdg-test");
            Assert.Equal("/tmp/xdg-test/deeprom/kle", KleCache.DefaultFolder());
        }
        finally
        {
            Environment.SetEnvironmentVariable("XDG_CACHE_HOME", saved);
        }
    }
}
