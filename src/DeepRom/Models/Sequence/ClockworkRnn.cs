using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DeepRom.Models.Sequence;

/// <summary>
/// The clockwork RNN baseline: h_t = tanh(W_H h_{t-1} + W_I x_t + b) for the units of modules whose period divides t,
/// h_{t-1} kept for the others; y_t = W_O h_t predicts x_{t+1}. W_H is block upper triangular: a module hears itself and
/// the slower modules, never a faster one, so slow modules keep long memory undisturbed by fast ones.
/// </summary>
public sealed class ClockworkRnn : nn.Module<Tensor, Tensor, Tensor>, ITeacherForcedNetwork
{
    private readonly Linear input;
    private readonly Parameter recurrent;
    private readonly Linear output;
    private readonly Tensor mask;
    private readonly Tensor periods;

    public ClockworkRnn(ClockworkRnnConfig config) : base(nameof(ClockworkRnn))
    {
        config.Validate();
        Config = config;
        int h = config.Hidden;
        input = nn.Linear(config.Dimension, h);
        output = nn.Linear(h, config.Dimension);
        double bound = 1 / Math.Sqrt(h);
        recurrent = new Parameter(empty(h, h).uniform_(-bound, bound));
        int[] module = Enumerable.Range(0, h).Select(config.ModuleOf).ToArray();
        // Row i (receiving unit) hears column j (sending unit) when j's module is as slow or slower.
        var allowed = new float[h * h];
        for (int i = 0; i < h; i++)
        for (int j = 0; j < h; j++)
            allowed[i * h + j] = module[j] >= module[i] ? 1 : 0;
        mask = tensor(allowed).view(h, h);
        periods = tensor(module.Select(m => (long)config.PeriodOf(m)).ToArray());
        RegisterComponents();
    }

    public ClockworkRnnConfig Config { get; }

    public int Dimension => Config.Dimension;

    public nn.Module Module => this;

    /// <summary>The recurrent weights in use, (H, H) receiving x sending: zero from every faster module.</summary>
    public Tensor RecurrentWeights => recurrent * mask;

    /// <summary>
    /// One clock tick: hidden states <paramref name="h"/> (B, H), input drive W_I x + b (B, H), and the step index of each row
    /// (B,) int64; units whose module's period does not divide the step keep their state.
    /// </summary>
    public Tensor Step(Tensor h, Tensor drive, Tensor time, Tensor weightsTransposed)
    {
        using var scope = NewDisposeScope();
        Tensor active = time.view(-1, 1).remainder(periods).eq(0);
        Tensor candidate = tanh(drive + matmul(h, weightsTransposed));
        return where(active, candidate, h).MoveToOuterDisposeScope();
    }

    /// <summary>The input drive W_I x + b of inputs (..., d).</summary>
    public Tensor Drive(Tensor x) => input.forward(x);

    /// <summary>The prediction of the next sample from hidden states (..., H).</summary>
    public Tensor Readout(Tensor h) => output.forward(h);

    /// <summary>Next-step predictions (B, W, d) of windows (B, W, d) whose first samples sit at steps <paramref name="first"/>.</summary>
    public override Tensor forward(Tensor inputs, Tensor first)
    {
        using var scope = NewDisposeScope();
        long batch = inputs.shape[0], window = inputs.shape[1];
        Tensor drive = Drive(inputs);
        Tensor w = RecurrentWeights.t();
        Tensor h = zeros(batch, Config.Hidden);
        var states = new List<Tensor>((int)window);
        for (long j = 0; j < window; j++)
        {
            h = Step(h, drive.select(1, j), first + j, w);
            states.Add(h);
        }
        return Readout(stack(states, 1)).MoveToOuterDisposeScope();
    }

    public Tensor PredictNext(Tensor inputs, Tensor first) => forward(inputs, first);

    public Tensor Generate(Tensor context, int steps)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        Tensor w = RecurrentWeights.t();
        Tensor drive = Drive(context.to_type(float32));
        Tensor h = zeros(1, Config.Hidden);
        long k = context.shape[0];
        for (long t = 0; t < k; t++)
        {
            using var step = NewDisposeScope();
            Tensor next = Step(h, drive[t].unsqueeze(0), tensor(new[] { t }), w).MoveToOuterDisposeScope();
            h.Dispose();
            h = next;
        }
        Tensor x = Readout(h);
        var generated = new List<Tensor>(steps) { x };
        for (int s = 1; s < steps; s++)
        {
            using var step = NewDisposeScope();
            Tensor next = Step(h, Drive(x), tensor(new[] { k + s - 1 }), w).MoveToOuterDisposeScope();
            h.Dispose();
            h = next;
            x = Readout(h).MoveToOuterDisposeScope();
            generated.Add(x);
        }
        return cat(generated, 0).MoveToOuterDisposeScope();
    }
}
