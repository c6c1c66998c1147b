using DeepRom.Nn;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DeepRom.Training.Optimisers;

/// <summary>
/// Adamax, Adam with the infinity norm (Kingma &amp; Ba 2015, section 7.1): the same arithmetic, state and checkpoint
/// format as TorchSharp's <see cref="TorchSharp.Modules.Adamax"/>, with every scalar argument held alive through its native call.
/// </summary>
public sealed class Adamax(IEnumerable<Parameter> parameters, double lr, double weightDecay = 0)
    : TorchSharp.Modules.Adamax(parameters, lr, weight_decay: weightDecay)
{
    public override Tensor step(Func<Tensor>? closure = null) => _step<TorchSharp.Modules.Adamax.ParamGroup>(group =>
    {
        var o = (TorchSharp.Modules.Adamax.Options)group.Options;
        double beta1 = o.beta1!.Value, beta2 = o.beta2!.Value, decay = o.weight_decay!.Value, eps = o.eps!.Value, lr = o.LearningRate!.Value;
        foreach (Parameter p in group.Parameters)
        {
            Tensor? g = p.grad;
            if (g is null) continue;
            var state = (TorchSharp.Modules.Adamax.State)_state[p.Handle];
            state.step += 1;
            Tensor grad = decay != 0 ? g.add(p, alpha: HeldScalar.Of(decay)) : g;
            state.exp_avg.mul_(HeldScalar.Of(beta1)).add_(grad, HeldScalar.Of(1 - beta1));
            // The infinity-norm estimate: the larger of the decayed estimate and |g| + eps, written back in place.
            Tensor both = torch.stack([state.exp_inf.mul_(HeldScalar.Of(beta2)), grad.abs().add_(HeldScalar.Of(eps), HeldScalar.One)], 0);
            torch.amax(both, [0], false, state.exp_inf);
            using Scalar stepSize = (-(lr / (1 - Math.Pow(beta1, state.step)))).ToScalar(); // changes every step: held here, not cached
            p.addcdiv_(state.exp_avg, state.exp_inf, value: stepSize);
        }
    }, closure);
}
