using DeepRom.Numerics.Ode;

namespace DeepRom.Physics.Ode.Systems;

/// <summary>
/// One of HiTS's benchmark systems as its data were made: the vector field with its parameters, the sampling step dt, how
/// initial states are drawn and how many trajectories each split holds (reference notes, section 3).
/// </summary>
public abstract record DynamicalSystem : IVectorField
{
    /// <summary>Which benchmark this is.</summary>
    public abstract OdeSystemKind Kind { get; }

    /// <summary>The name users type (hyperbolic, cubic, vdp, hopf, lorenz).</summary>
    public string Name => ChoiceName.Of(Kind);

    /// <summary>The paper's name for the system, e.g. "Van der Pol oscillator".</summary>
    public abstract string Title { get; }

    /// <summary>The equations as text, with the parameters by name.</summary>
    public abstract string Equations { get; }

    /// <summary>Names of the state components, in storage order.</summary>
    public abstract IReadOnlyList<string> StateNames { get; }

    /// <summary>The parameter values by name, for the file's settings.</summary>
    public abstract IReadOnlyDictionary<string, double> Parameters { get; }

    /// <summary>Time between samples.</summary>
    public virtual double TimeStep => 0.01;

    /// <summary>Trajectories per split in the reference.</summary>
    public abstract SplitCounts Counts { get; }

    /// <summary>How trajectories start.</summary>
    public abstract InitialStates InitialStates { get; }

    public int Dimension => StateNames.Count;

    public abstract void Evaluate(double t, ReadOnlySpan<double> state, Span<double> rate);
}
