using DeepRom.Nn;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DeepRom.Training.Optimisers;

/// <summary>
/// Adam with L2 weight decay (Kingma &amp; Ba 2015), the same arithmetic, state and checkpoint format as TorchSharp's
/// <see cref="Adam"/>, with every scalar argument held alive through its native call (<see cref="HeldScalar"/>).
/// </summary>
public sealed class Adam(IEnumerable<Parameter> parameters, double lr, double weightDecay = 0)
    : TorchSharp.Modules.Adam(parameters, lr, weight_decay: weightDecay)
{
    public override Tensor step(Func<Tensor>? closure = null) => _step<TorchSharp.Modules.Adam.ParamGroup>(group =>
    {
        var o = (TorchSharp.Modules.Adam.Options)group.Options;
        if (o.amsgrad == true || o.maximize == true) throw new NotSupportedException("AMSGrad and maximisation are not offered");
        double beta1 = o.beta1!.Value, beta2 = o.beta2!.Value, decay = o.weight_decay!.Value, eps = o.eps!.Value, lr = o.LearningRate!.Value;
        foreach (Parameter p in group.Parameters)
        {
            Tensor? g = p.grad;
            if (g is null) continue;
            var state = (TorchSharp.Modules.Adam.State)_state[p.Handle];
            state.step += 1;
            Tensor grad = decay != 0 ? g.add(p, alpha: HeldScalar.Of(decay)) : g;
            AdamUpdate.Apply(p, grad, state.exp_avg, state.exp_avg_sq, state.step, beta1, beta2, eps, lr);
        }
    }, closure);
}
