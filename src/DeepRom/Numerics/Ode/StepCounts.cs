namespace DeepRom.Numerics.Ode;

/// <summary>The work an adaptive integrator did: accepted and rejected steps, and evaluations of the vector field.</summary>
public record struct StepCounts(long Accepted, long Rejected, long Evaluations)
{
    public static StepCounts operator +(StepCounts a, StepCounts b) =>
        new(a.Accepted + b.Accepted, a.Rejected + b.Rejected, a.Evaluations + b.Evaluations);
}
