using DeepRom.Training;
using static TorchSharp.torch;

namespace DeepRom.Models.Rom.Reductions;

/// <summary>
/// A neural reduction's network (LSH-VAE, convolutional autoencoder, beta-VAE): whole simulations to latent codes and
/// back, with its own training objective. Simulations arrive as float32 tensors (B, T, N), already standardised per
/// channel by the model's <see cref="ChannelScaling"/>: T time steps (1 for static data) and N = channels x grid values
/// per step in the file's (C, *grid) order. Which axis a network convolves along is its own choice.
/// </summary>
/// <remarks>
/// The code is everything that is interpolated over the parameters: for a hierarchical VAE the main latent and all
/// group latents concatenated, so that <see cref="Decode"/> needs nothing but the code (no encoder features exist
/// at a parameter nobody simulated). Schedules of the objective (a KL weight's annealing) live here, not in the trainer.
/// </remarks>
public interface ISimulationNetwork
{
    private static readonly IReadOnlyDictionary<string, double> NoSchedule = new Dictionary<string, double>();

    /// <summary>The module whose parameters (and buffers) are trained, checkpointed and saved.</summary>
    nn.Module Module { get; }

    /// <summary>Length of the code interpolated over the parameters.</summary>
    int CodeSize { get; }

    /// <summary>
    /// Called once before training with all training simulations (P, T, N), for anything fitted to the data rather than
    /// learned (a per-node scaling kept in buffers, say). Not called again on resume: buffers come back with the weights.
    /// </summary>
    void Prepare(Tensor trainingSimulations) { }

    /// <summary>Deterministic codes (B, CodeSize) of simulations (B, T, N): posterior means for a VAE. Called in eval mode.</summary>
    Tensor Encode(Tensor simulations);

    /// <summary>Simulations (B, T, N) in the standardised units from codes (B, CodeSize). Called in eval mode.</summary>
    Tensor Decode(Tensor codes);

    /// <summary>Called before the first minibatch of every epoch (zero-based) of a run of <paramref name="epochs"/>.</summary>
    void BeginEpoch(int epoch, int epochs) { }

    /// <summary>The training loss on a minibatch (B, T, N) in train mode, augmentation included, with its named parts.</summary>
    StepLoss Loss(Tensor simulations);

    /// <summary>The objective's schedule state as named numbers (e.g. "beta"), recorded and checkpointed by the trainer.</summary>
    IReadOnlyDictionary<string, double> Schedule => NoSchedule;

    /// <summary>Sets the schedule state back to numbers <see cref="Schedule"/> returned (resume, rollback).</summary>
    void RestoreSchedule(IReadOnlyDictionary<string, double> values) { }
}
