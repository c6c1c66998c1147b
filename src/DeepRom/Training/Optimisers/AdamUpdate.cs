using static TorchSharp.torch;

namespace DeepRom.Training.Optimisers;

/// <summary>The step Adam and AdamW share once the gradient is set: both moment estimates, bias-corrected, and the update.</summary>
internal static class AdamUpdate
{
    public static void Apply(Tensor p, Tensor grad, Tensor firstMoment, Tensor secondMoment, long step, double beta1, double beta2, double eps, double lr, HeldScalars s)
    {
        firstMoment.mul_(s.Of(beta1)).add_(grad, s.Of(1 - beta1));
        secondMoment.mul_(s.Of(beta2)).addcmul_(grad, grad, value: s.Of(1 - beta2));
        Tensor denominator = secondMoment.sqrt().div_(s.Of(Math.Sqrt(1 - Math.Pow(beta2, step)))).add_(s.Of(eps), s.Of(1));
        p.addcdiv_(firstMoment, denominator, value: s.Of(-(lr / (1 - Math.Pow(beta1, step)))));
    }
}
