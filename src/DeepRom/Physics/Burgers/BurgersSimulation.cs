namespace DeepRom.Physics.Burgers;

/// <summary>One Burgers simulation: snapshots (Snapshots, Cells) float32 row-major, t = 0 first, and the solver's wall time.</summary>
public sealed record BurgersSimulation(float[] Snapshots, double SolverSeconds);
