namespace DeepRom.Training;

/// <summary>The first-order optimisers a model's configuration can choose.</summary>
public enum Optimiser
{
    /// <summary>Adam (Kingma and Ba); weight decay is added to the gradient, i.e. an L2 penalty.</summary>
    Adam,

    /// <summary>Adam with decoupled weight decay (Loshchilov and Hutter): the weights shrink by lr * decay every step.</summary>
    AdamW,

    /// <summary>Adam's infinity-norm variant (Kingma and Ba, section 7.1).</summary>
    Adamax,
}
