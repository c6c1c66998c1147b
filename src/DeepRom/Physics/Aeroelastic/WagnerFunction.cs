namespace DeepRom.Physics.Aeroelastic;

/// <summary>
/// Jones's two-exponential approximation of Wagner's function, the lift build-up after a step change in angle of attack:
/// phi(tau) = 1 - psi1 e^(-eps1 tau) - psi2 e^(-eps2 tau), tau = U t / b.
/// </summary>
public static class WagnerFunction
{
    public const double Psi1 = 0.165, Psi2 = 0.335, Eps1 = 0.0455, Eps2 = 0.3;

    /// <summary>phi(0) = 1 - psi1 - psi2 = 0.5: half the steady lift appears at once.</summary>
    public const double Initial = 1 - Psi1 - Psi2;

    /// <summary>phi(<paramref name="tau"/>).</summary>
    public static double Value(double tau) => 1 - Psi1 * Math.Exp(-Eps1 * tau) - Psi2 * Math.Exp(-Eps2 * tau);
}
