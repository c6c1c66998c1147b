using DeepRom.Numerics.LinearAlgebra;
using static TorchSharp.torch;

namespace DeepRom.Models.Sequence;

/// <summary>
/// The echo-state baseline: r_{t+1} = tanh(W r_t + W_in x_t), x_{t+1} ~ W_out [r_{t+1}; 1]. Only the readout is fitted, by
/// linear least squares on the states the true sequence drives (float64); generation feeds each output back as the next input.
/// </summary>
public sealed class EchoStateNetwork : nn.Module<Tensor, Tensor, Tensor>, ISequenceGenerator
{
    private readonly Tensor reservoir;
    private readonly Tensor inputWeights;
    private readonly Tensor readout;

    /// <summary>Draws the reservoir and input weights from libtorch's generator (seed it first for a repeatable network).</summary>
    public EchoStateNetwork(EchoStateConfig config) : base(nameof(EchoStateNetwork))
    {
        config.Validate();
        Config = config;
        int n = config.Units;
        using (var scope = NewDisposeScope())
        {
            Tensor w = where(rand(n, n, dtype: float64) < config.Connectivity, empty(n, n, dtype: float64).uniform_(-1, 1), zeros(n, n, dtype: float64));
            double radius = Numerics.LinearAlgebra.SpectralRadius.Of(w);
            // A reservoir too sparse to hold a cycle is nilpotent (radius 0) and stays as drawn.
            if (radius > 1e-12) w = w * (config.SpectralRadius / radius);
            reservoir = w.to_type(float32).DetachFromDisposeScope();
            inputWeights = empty(n, config.Dimension).uniform_(-config.InputScaling, config.InputScaling).DetachFromDisposeScope();
        }
        readout = zeros(n + 1, config.Dimension, dtype: float64);
        RegisterComponents();
    }

    public EchoStateConfig Config { get; }

    public int Dimension => Config.Dimension;

    /// <summary>The reservoir matrix W (N, N).</summary>
    public Tensor Reservoir => reservoir;

    /// <summary>The readout W_out (N + 1, d): rows for the N units, then the constant.</summary>
    public Tensor Readout => readout;

    /// <summary>One reservoir update: states <paramref name="r"/> (B, N) and inputs <paramref name="x"/> (B, d) to the next states.</summary>
    public override Tensor forward(Tensor r, Tensor x) => tanh(matmul(r, reservoir.t()) + matmul(x, inputWeights.t()));

    /// <summary>The states (T, N) the inputs (T, d) drive from the zero state (or <paramref name="start"/>, (N,)): row t follows input t.</summary>
    public Tensor Drive(Tensor inputs, Tensor? start = null)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        Tensor drive = matmul(inputs.to_type(float32), inputWeights.t());
        Tensor r = start?.to_type(float32).view(1, -1) ?? zeros(1, Config.Units);
        var states = new List<Tensor>((int)inputs.shape[0]);
        for (long t = 0; t < inputs.shape[0]; t++)
        {
            r = tanh(matmul(r, reservoir.t()) + drive[t]);
            states.Add(r);
        }
        return cat(states, 0).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Fits the readout from reservoir <paramref name="states"/> (T, N) to <paramref name="targets"/> (T, d) (ridge, or the
    /// pseudo-inverse when the regulariser is 0); returns the fit's mean squared error.
    /// </summary>
    public double FitReadout(Tensor states, Tensor targets)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        Tensor features = WithConstant(states.to_type(float64));
        Tensor w = RegularisedLeastSquares.Solve(features, targets.to_type(float64), Config.Ridge);
        readout.copy_(w);
        return (matmul(features, w) - targets.to_type(float64)).square().mean().item<double>();
    }

    /// <summary>
    /// Teacher forcing on a sequence (T, d): drives the reservoir with samples 0..T-2, drops the washout, and fits the readout
    /// to predict samples 1..T-1; returns the fit's MSE.
    /// </summary>
    public double Fit(Tensor sequence)
    {
        long t = sequence.shape[0];
        if (t - 1 <= Config.Washout)
            throw new ArgumentException($"a sequence of {t} samples leaves nothing after a washout of {Config.Washout} steps");
        using var scope = NewDisposeScope();
        Tensor states = Drive(sequence.narrow(0, 0, t - 1));
        long kept = t - 1 - Config.Washout;
        return FitReadout(states.narrow(0, Config.Washout, kept), sequence.narrow(0, Config.Washout + 1, kept));
    }

    /// <summary>The readout's prediction from states (B, N).</summary>
    public Tensor Predict(Tensor states) => matmul(WithConstant(states.to_type(float64)), readout).to_type(float32);

    public Tensor Generate(Tensor context, int steps)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        Tensor states = Drive(context);
        Tensor r = states.narrow(0, states.shape[0] - 1, 1);
        Tensor x = Predict(r);
        var generated = new List<Tensor>(steps) { x };
        for (int s = 1; s < steps; s++)
        {
            using var step = NewDisposeScope();
            Tensor next = forward(r, x).MoveToOuterDisposeScope();
            r.Dispose();
            r = next;
            x = Predict(r).MoveToOuterDisposeScope();
            generated.Add(x);
        }
        return cat(generated, 0).MoveToOuterDisposeScope();
    }

    private static Tensor WithConstant(Tensor states) => cat([states, ones(states.shape[0], 1, dtype: states.dtype)], 1);
}
