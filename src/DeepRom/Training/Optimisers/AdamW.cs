using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DeepRom.Training.Optimisers;

/// <summary>
/// AdamW, Adam with decoupled weight decay (Loshchilov &amp; Hutter 2019): the same arithmetic, state and checkpoint
/// format as TorchSharp's <see cref="TorchSharp.Modules.AdamW"/>, with every scalar argument held alive through its native call.
/// </summary>
public sealed class AdamW(IEnumerable<Parameter> parameters, double lr, double weightDecay = 0)
    : TorchSharp.Modules.AdamW(parameters, lr, weight_decay: weightDecay)
{
    public override Tensor step(Func<Tensor>? closure = null) => _step<TorchSharp.Modules.AdamW.ParamGroup>(group =>
    {
        var o = (TorchSharp.Modules.AdamW.Options)group.Options;
        if (o.amsgrad == true || o.maximize == true) throw new NotSupportedException("AMSGrad and maximisation are not offered");
        double beta1 = o.beta1!.Value, beta2 = o.beta2!.Value, decay = o.weight_decay!.Value, eps = o.eps!.Value, lr = o.LearningRate!.Value;
        foreach (Parameter p in group.Parameters)
        {
            Tensor? grad = p.grad;
            if (grad is null) continue;
            var state = (TorchSharp.Modules.AdamW.State)_state[p.Handle];
            state.step += 1;
            using (Scalar shrink = (1 - lr * decay).ToScalar()) p.mul_(shrink); // lr follows its schedule: not a cached constant
            AdamUpdate.Apply(p, grad, state.exp_avg, state.exp_avg_sq, state.step, beta1, beta2, eps, lr);
        }
    }, closure);
}
