namespace DeepRom.Training;

/// <summary>Piecewise-constant learning rate: <see cref="Rates"/>[k] from epoch <see cref="Starts"/>[k] on.</summary>
public sealed record LearningRateSteps(int[] Starts, double[] Rates)
{
    public static LearningRateSteps Constant(double rate) => new([0], [rate]);

    public double At(int epoch)
    {
        double rate = Rates[0];
        for (int k = 0; k < Starts.Length; k++) if (epoch >= Starts[k]) rate = Rates[k];
        return rate;
    }

    public void Validate()
    {
        if (Starts.Length == 0 || Starts.Length != Rates.Length) throw new ArgumentException("learning-rate steps need as many starts as rates");
        if (Rates.Any(r => !(r > 0) || !double.IsFinite(r))) throw new ArgumentException("learning rates must be positive");
    }
}
