using DeepRom.Tests.Data;

namespace DeepRom.Tests.Physics;

/// <summary>A fact that runs only where /usr/bin/python3 imports scipy, h5py and numpy; elsewhere it is skipped with the reason.</summary>
public sealed class PythonScipyFactAttribute : FactAttribute
{
    private static readonly Lazy<string?> Unavailable =
        new(() => PythonRunner.Missing("scipy.sparse.linalg, h5py, numpy", "python3-scipy, python3-h5py and python3-numpy"));

    public PythonScipyFactAttribute()
    {
        if (Unavailable.Value is { } reason) Skip = reason;
    }
}
