namespace DeepRom.Models.Sequence;

/// <summary>
/// A clockwork RNN (Koutnik et al. 2014): <see cref="Hidden"/> units in <see cref="Modules"/> modules of (nearly) equal
/// size, module i updated every <see cref="PeriodBase"/>^i steps (the reference: 1570 units, 5 modules, periods 1, 4, 16, 64, 256).
/// </summary>
public sealed record ClockworkRnnConfig(int Dimension, int Hidden = 1570, int Modules = 5, int PeriodBase = 4)
{
    public void Validate()
    {
        if (Dimension < 1) throw new ArgumentException($"the state dimension must be at least 1, got {Dimension}");
        if (Modules < 1 || Hidden < Modules) throw new ArgumentException($"{Hidden} units do not fill {Modules} modules");
        if (PeriodBase < 1) throw new ArgumentException($"the period base must be at least 1, got {PeriodBase}");
        if (Math.Pow(PeriodBase, Modules - 1) > int.MaxValue) throw new ArgumentException($"period {PeriodBase}^{Modules - 1} is too long");
    }

    /// <summary>Period of module i: PeriodBase^i steps.</summary>
    public int PeriodOf(int module) => (int)Math.Pow(PeriodBase, module);

    /// <summary>The module unit <paramref name="unit"/> belongs to: units are split in order, the first modules taking the remainder.</summary>
    public int ModuleOf(int unit)
    {
        int size = Hidden / Modules, extra = Hidden % Modules;
        int boundary = extra * (size + 1);
        return unit < boundary ? unit / (size + 1) : extra + (unit - boundary) / size;
    }
}
