namespace DeepRom.Physics.Ode.Systems;

/// <summary>The five ODE benchmarks of HiTS (Liu, Kutz &amp; Brunton 2020); command-line names hyperbolic, cubic, vdp, hopf, lorenz.</summary>
public enum OdeSystemKind
{
    Hyperbolic,
    Cubic,
    Vdp,
    Hopf,
    Lorenz,
}
