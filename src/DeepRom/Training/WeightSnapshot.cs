using TorchSharp;
using static TorchSharp.torch;

namespace DeepRom.Training;

/// <summary>An exact copy of a module's weights and buffers, to go back to (a rolled-back epoch, the best validation).</summary>
public sealed class WeightSnapshot : IDisposable
{
    private readonly Dictionary<string, Tensor> _saved;

    private WeightSnapshot(Dictionary<string, Tensor> saved) => _saved = saved;

    /// <summary>Copies the module's current state (outside any dispose scope: the copy lives until disposed).</summary>
    /// <remarks>
    /// The detached views are held by a scope until their clones exist. Unheld, a view is garbage as soon as its handle
    /// is read, and a collection on another thread could finalise it while libtorch clones it: a fit of the LSH-VAE died
    /// of exactly that (a segmentation fault in <c>at::native::clone</c>) after 600 epochs of a snapshot per epoch.
    /// </remarks>
    public static WeightSnapshot Take(nn.Module module)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        return new(module.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone().DetachFromDisposeScope()));
    }

    /// <summary>Writes the copy back into the module it was taken from.</summary>
    public void RestoreInto(nn.Module module)
    {
        using var noGrad = no_grad();
        foreach (var (name, value) in module.state_dict()) value.copy_(_saved[name]);
    }

    /// <summary>
    /// Writes the copy as weights of <paramref name="module"/> (the format <see cref="Checkpoint.LoadWeights"/> reads),
    /// leaving the module's own state as it was.
    /// </summary>
    /// <remarks>Goes through the module so the file is exactly what <c>module.save</c> writes, whatever that format is.</remarks>
    public void Save(nn.Module module, string path)
    {
        using var current = Take(module);
        RestoreInto(module);
        try { module.save(path); }
        finally { current.RestoreInto(module); }
    }

    /// <summary>Reads weights written by <see cref="Save"/> for <paramref name="module"/>, leaving the module's own state as it was.</summary>
    public static WeightSnapshot Load(nn.Module module, string path)
    {
        using var current = Take(module);
        try
        {
            Checkpoint.LoadWeights(module, path);
            return Take(module);
        }
        finally { current.RestoreInto(module); }
    }

    public void Dispose()
    {
        foreach (var t in _saved.Values) t.Dispose();
    }
}
