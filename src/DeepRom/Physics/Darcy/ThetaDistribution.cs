namespace DeepRom.Physics.Darcy;

/// <summary>Distribution p(theta) of the KLE coefficients (the generative parameters of the Darcy data).</summary>
public enum ThetaDistribution
{
    /// <summary>theta ~ N(0, I).</summary>
    Normal,

    /// <summary>theta ~ N([1, ..., 1], 0.5 I): mean one, variance 0.5 per component.</summary>
    Scaled,

    /// <summary>Four-mode mixture (for s = 2): each theta_j is +1 or -1 with probability 1/2, plus N(0, 0.25^2) noise.</summary>
    Gmm4,
}
