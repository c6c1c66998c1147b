using static DeepRom.Physics.Aeroelastic.WagnerFunction;

namespace DeepRom.Physics.Aeroelastic;

/// <summary>
/// The pitch-plunge equations at one reduced speed U* as two rows of coefficients over the state (xi, alpha, xi', alpha', w1..w4),
/// after the Wagner convolution has been integrated by parts into the four lag states:
/// <code>
/// c0 xi'' + c1 alpha'' + sum_i Plunge[i] x_i = 0
/// d0 xi'' + d1 alpha'' + sum_i Pitch[i] x_i + beta_a alpha^3 / U*^2 = 0
/// </code>
/// </summary>
/// <remarks>
/// With f = alpha + xi' + b alpha', b = 1/2 - a_h, the circulatory lift 2 pi int_0^tau phi(tau - s) f'(s) ds plus its
/// initial-value term 2 pi f(0) phi(tau) is 2 pi [phi(0) f(tau) + int_0^tau phi'(tau - s) f(s) ds]; integrating the xi' and alpha'
/// parts of the last integral by parts once more leaves
/// Gamma = phi0 (alpha + xi' + b alpha') + sum_j psi_j eps_j [(1 - b eps_j) w_alpha,j + xi + b alpha - eps_j w_xi,j]
/// minus sum_j psi_j eps_j e^(-eps_j tau) (xi(0) + b alpha(0)). That last term is dropped: it is a forcing that decays like
/// e^(-0.0455 tau), it does not change the flutter speed or the limit cycle, and without it the system is autonomous, so the
/// linear solution is exactly a sum of eigenmodes. C_L = pi (xi'' - a_h alpha'' + alpha') + 2 pi Gamma and
/// C_M = pi (1/2 + a_h) Gamma + (pi/2) a_h (xi'' - a_h alpha'') - (pi/2) b alpha' - (pi/16) alpha''; the inertial parts move to
/// the left-hand side, which gives c0 = 1 + 1/mu, c1 = x_a - a_h/mu, d0 = x_a/r_a^2 - a_h/(mu r_a^2), d1 = 1 + (a_h^2 + 1/8)/(mu r_a^2).
/// </remarks>
public sealed class PitchPlungeCoefficients
{
    public PitchPlungeCoefficients(PitchPlungeConfig config, double speed)
    {
        config.Validate();
        if (!(speed > 0) || double.IsInfinity(speed)) throw new ArgumentOutOfRangeException(nameof(speed), speed, "reduced speed U* must be positive and finite");
        Speed = speed;
        double mu = config.MassRatio, ah = config.ElasticAxis, xa = config.StaticImbalance, ra2 = config.GyrationRadius * config.GyrationRadius;
        double b = 0.5 - ah, g = 1 + 2 * ah, k = 1 / (mu * ra2);
        double s = Psi1 * Eps1 + Psi2 * Eps2;
        // Gamma's coefficients in state order; both rows see it, the pitch row through the moment arm (1/2 + a_h).
        double[] gamma =
        [
            s,
            Initial + b * s,
            Initial,
            Initial * b,
            Psi1 * Eps1 * (1 - b * Eps1),
            Psi2 * Eps2 * (1 - b * Eps2),
            -Psi1 * Eps1 * Eps1,
            -Psi2 * Eps2 * Eps2,
        ];
        var plunge = new double[PitchPlungeState.Dimension];
        var pitch = new double[PitchPlungeState.Dimension];
        for (int i = 0; i < gamma.Length; i++)
        {
            plunge[i] = 2 / mu * gamma[i];
            pitch[i] = -k * g * gamma[i];
        }
        double wBar = config.FrequencyRatio / speed;
        plunge[PitchPlungeState.Plunge] += wBar * wBar;
        plunge[PitchPlungeState.PlungeRate] += 2 * config.PlungeDamping * wBar;
        plunge[PitchPlungeState.PitchRate] += 1 / mu;
        pitch[PitchPlungeState.Pitch] += 1 / (speed * speed);
        pitch[PitchPlungeState.PitchRate] += 2 * config.PitchDamping / speed + k * b;
        Plunge = plunge;
        Pitch = pitch;
        Cubic = config.CubicPitchStiffness / (speed * speed);
        C0 = 1 + 1 / mu;
        C1 = xa - ah / mu;
        D0 = xa / ra2 - k * ah;
        D1 = 1 + k * (ah * ah + 0.125);
        Determinant = C0 * D1 - C1 * D0;
    }

    /// <summary>The reduced speed U* = U / (b w_alpha).</summary>
    public double Speed { get; }

    /// <summary>The plunge row's linear coefficients in state order.</summary>
    public IReadOnlyList<double> Plunge { get; }

    /// <summary>The pitch row's linear coefficients in state order (the linear pitch spring 1/U*^2 included).</summary>
    public IReadOnlyList<double> Pitch { get; }

    /// <summary>beta_a / U*^2, the coefficient of alpha^3 in the pitch row.</summary>
    public double Cubic { get; }

    /// <summary>The mass matrix [[C0, C1], [D0, D1]] acting on (xi'', alpha''), structural and apparent (non-circulatory) mass together.</summary>
    public double C0 { get; }
    public double C1 { get; }
    public double D0 { get; }
    public double D1 { get; }

    /// <summary>C0 D1 - C1 D0, positive for a physical airfoil.</summary>
    public double Determinant { get; }
}
