namespace DeepRom.Physics.Ode.Systems;

/// <summary>The benchmark systems by kind, with the reference's parameters.</summary>
public static class DynamicalSystems
{
    public static DynamicalSystem Create(OdeSystemKind kind) => kind switch
    {
        OdeSystemKind.Hyperbolic => new HyperbolicFixedPoint(),
        OdeSystemKind.Cubic => new CubicOscillator(),
        OdeSystemKind.Vdp => new VanDerPolOscillator(),
        OdeSystemKind.Hopf => new HopfNormalForm(),
        OdeSystemKind.Lorenz => new LorenzSystem(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown system"),
    };
}
