namespace DeepRom.Models.Rom.Reductions.Convolutional;

/// <summary>
/// Settings of the convolutional backbone shared by <see cref="ConvolutionalAutoencoder"/> and <see cref="BetaVae"/>:
/// the nodal values of each time step are lifted to <see cref="Width"/> features, which are convolved along time and
/// halved in length by strided convolutions until at most <see cref="BottleneckSteps"/> steps are left.
/// </summary>
public sealed record TemporalConvolutionConfig
{
    /// <summary>Features per time step inside the network (the channels of the time convolutions).</summary>
    public int Width { get; init; } = 64;

    /// <summary>Kernel length along time; odd, so that a stride-2 convolution maps L steps to ceil(L / 2).</summary>
    public int Kernel { get; init; } = 5;

    /// <summary>Time is halved until at most this many steps are left (none for static data, T = 1).</summary>
    public int BottleneckSteps { get; init; } = 16;

    /// <summary>The narrowest backbone allowed (narrower ones could not hold even a few time-step features).</summary>
    public const int MinWidth = 4;

    /// <summary>Throws <see cref="ArgumentException"/> for settings that cannot work.</summary>
    public void Validate()
    {
        if (Width < MinWidth) throw new ArgumentException($"the backbone width must be at least {MinWidth}, got {Width}");
        if (Kernel < 1 || Kernel % 2 == 0) throw new ArgumentException($"the time kernel must be odd and positive, got {Kernel}");
        if (BottleneckSteps < 1) throw new ArgumentException($"the bottleneck must keep at least one time step, got {BottleneckSteps}");
    }

    /// <summary>The number of time steps at each level, from <paramref name="steps"/> down to the bottleneck's.</summary>
    public int[] Lengths(int steps)
    {
        if (steps < 1) throw new ArgumentException($"a simulation needs at least one time step, got {steps}");
        var lengths = new List<int> { steps };
        while (lengths[^1] > BottleneckSteps) lengths.Add((lengths[^1] + 1) / 2);
        return lengths.ToArray();
    }
}
