namespace DeepRom.Numerics.Ode;

/// <summary>An adaptive integration that cannot go on: its step size fell below what the time's precision resolves (a blow-up or a non-finite state).</summary>
public sealed class IntegrationException(double time, string problem)
    : Exception($"integration stopped at t = {time:R}: {problem}")
{
    /// <summary>The time the integration reached.</summary>
    public double Time { get; } = time;
}
