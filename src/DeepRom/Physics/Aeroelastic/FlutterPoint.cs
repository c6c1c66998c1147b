namespace DeepRom.Physics.Aeroelastic;

/// <summary>The linear flutter point: the reduced speed U*_L where a mode of the linearised system first becomes unstable, and that mode's frequency.</summary>
/// <param name="Speed">U*_L = U_L / (b w_alpha).</param>
/// <param name="FrequencyRatio">The crossing mode's frequency over the pitch natural frequency, w / w_alpha = Im(lambda) U*.</param>
/// <param name="Tolerance">How close <paramref name="Speed"/> is to the crossing.</param>
public sealed record FlutterPoint(double Speed, double FrequencyRatio, double Tolerance);
