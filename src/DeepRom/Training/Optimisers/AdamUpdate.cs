using DeepRom.Nn;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepRom.Training.Optimisers;

/// <summary>The step Adam and AdamW share once the gradient is set: both moment estimates, bias-corrected, and the update.</summary>
internal static class AdamUpdate
{
    public static void Apply(Tensor p, Tensor grad, Tensor firstMoment, Tensor secondMoment, long step, double beta1, double beta2, double eps, double lr)
    {
        firstMoment.mul_(HeldScalar.Of(beta1)).add_(grad, HeldScalar.Of(1 - beta1));
        secondMoment.mul_(HeldScalar.Of(beta2)).addcmul_(grad, grad, value: HeldScalar.Of(1 - beta2));
        // The bias corrections change every step, so they are made here and held until their calls have returned.
        using Scalar correction = Math.Sqrt(1 - Math.Pow(beta2, step)).ToScalar();
        using Scalar stepSize = (-(lr / (1 - Math.Pow(beta1, step)))).ToScalar();
        Tensor denominator = secondMoment.sqrt().div_(correction).add_(HeldScalar.Of(eps), HeldScalar.One);
        p.addcdiv_(firstMoment, denominator, value: stepSize);
    }
}
