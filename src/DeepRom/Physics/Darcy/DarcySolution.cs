namespace DeepRom.Physics.Darcy;

/// <summary>Nodal pressure and Darcy velocity u = -K grad p of one solve, each n*n values row-major [y, x].</summary>
public sealed record DarcySolution(double[] Pressure, double[] VelocityX, double[] VelocityY);
