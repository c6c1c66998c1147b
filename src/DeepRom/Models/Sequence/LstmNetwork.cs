using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DeepRom.Models.Sequence;

/// <summary>
/// The LSTM baseline of HiTS's sequence generation: x_n -> LSTM -> linear -> x_{n+1}, the hidden state carrying the
/// history. Trained by teacher forcing, generated free-running.
/// </summary>
public sealed class LstmNetwork : nn.Module<Tensor, Tensor, Tensor>, ITeacherForcedNetwork
{
    private readonly LSTM lstm;
    private readonly Linear head;

    public LstmNetwork(LstmConfig config) : base(nameof(LstmNetwork))
    {
        config.Validate();
        Config = config;
        lstm = nn.LSTM(config.Dimension, config.Hidden, batchFirst: true);
        head = nn.Linear(config.Hidden, config.Dimension);
        RegisterComponents();
    }

    public LstmConfig Config { get; }

    public int Dimension => Config.Dimension;

    public nn.Module Module => this;

    /// <summary>Next-step predictions (B, W, d) from inputs (B, W, d); the LSTM has no clock, so <paramref name="first"/> is unused.</summary>
    public override Tensor forward(Tensor inputs, Tensor first)
    {
        using var scope = NewDisposeScope();
        var (output, _, _) = lstm.forward(inputs);
        return head.forward(output).MoveToOuterDisposeScope();
    }

    public Tensor PredictNext(Tensor inputs, Tensor first) => forward(inputs, first);

    public Tensor Generate(Tensor context, int steps)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var (output, h, c) = lstm.forward(context.to_type(float32).unsqueeze(0));
        Tensor x = head.forward(output.narrow(1, output.shape[1] - 1, 1));
        var generated = new List<Tensor>(steps) { x };
        for (int s = 1; s < steps; s++)
        {
            // One scope per step: only the new state and output outlive it.
            using var step = NewDisposeScope();
            var (o, h1, c1) = lstm.forward(x, (h, c));
            x = head.forward(o).MoveToOuterDisposeScope();
            h.Dispose();
            c.Dispose();
            h = h1.MoveToOuterDisposeScope();
            c = c1.MoveToOuterDisposeScope();
            generated.Add(x);
        }
        return cat(generated, 1).squeeze(0).MoveToOuterDisposeScope();
    }
}
