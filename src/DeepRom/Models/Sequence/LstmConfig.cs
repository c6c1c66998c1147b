namespace DeepRom.Models.Sequence;

/// <summary>An LSTM sequence model: d inputs, one LSTM layer of <see cref="Hidden"/> units, a linear map back to d (the reference: 740 units).</summary>
public sealed record LstmConfig(int Dimension, int Hidden = 740)
{
    public void Validate()
    {
        if (Dimension < 1) throw new ArgumentException($"the state dimension must be at least 1, got {Dimension}");
        if (Hidden < 1) throw new ArgumentException($"the LSTM needs at least 1 unit, got {Hidden}");
    }
}
