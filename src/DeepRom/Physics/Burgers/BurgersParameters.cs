namespace DeepRom.Physics.Burgers;

/// <summary>One point of the Burgers parameter space: inflow value w(0, t) = mu1 and source growth rate mu2.</summary>
public readonly record struct BurgersParameters(double Mu1, double Mu2)
{
    /// <summary>The parameter names as stored in data sets, in the order of the record's fields.</summary>
    public static readonly string[] Names = ["mu1", "mu2"];
}
