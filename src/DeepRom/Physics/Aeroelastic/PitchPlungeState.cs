namespace DeepRom.Physics.Aeroelastic;

/// <summary>
/// The layout of the 8-component state (xi, alpha, xi', alpha', w1, w2, w3, w4): plunge in semichords, pitch in radians, their
/// rates in tau, and the four aerodynamic lag states w1,2 = int_0^tau e^(-eps1,2 (tau - s)) alpha(s) ds, w3,4 the same for xi.
/// </summary>
public static class PitchPlungeState
{
    public const int Plunge = 0, Pitch = 1, PlungeRate = 2, PitchRate = 3, PitchLag1 = 4, PitchLag2 = 5, PlungeLag1 = 6, PlungeLag2 = 7;

    /// <summary>Number of state components.</summary>
    public const int Dimension = 8;

    /// <summary>Number of mechanical components (plunge, pitch and their rates), stored as the data set's channels.</summary>
    public const int Mechanical = 4;

    /// <summary>The components' names, the first <see cref="Mechanical"/> being the data set's channels.</summary>
    public static readonly string[] Names = ["plunge", "pitch", "plunge_rate", "pitch_rate", "w1", "w2", "w3", "w4"];
}
