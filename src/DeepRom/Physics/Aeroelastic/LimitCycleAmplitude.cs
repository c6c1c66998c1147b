namespace DeepRom.Physics.Aeroelastic;

/// <summary>The size of the settled motion: the largest |pitch| over the last quarter of a run, zero (to round-off) where the motion has decayed.</summary>
public static class LimitCycleAmplitude
{
    /// <summary>max |alpha| over the last quarter of one run's (T, C) samples, pitch being channel <paramref name="pitchChannel"/>.</summary>
    public static double Pitch(ReadOnlySpan<float> samples, int channels, int pitchChannel = PitchPlungeState.Pitch)
    {
        int count = samples.Length / channels, first = count - count / 4;
        double largest = 0;
        for (int k = first; k < count; k++) largest = Math.Max(largest, Math.Abs(samples[k * channels + pitchChannel]));
        return largest;
    }

    /// <summary>
    /// The pitch maxima in the last quarter of one run's pitch history, each refined by a parabola through the sample and its
    /// neighbours (so that sampling does not scatter them): on a settled limit cycle they are all equal.
    /// </summary>
    public static double[] PitchPeaks(ReadOnlySpan<double> pitch)
    {
        var peaks = new List<double>();
        for (int k = pitch.Length - pitch.Length / 4; k < pitch.Length - 1; k++)
        {
            double before = pitch[k - 1], at = pitch[k], after = pitch[k + 1];
            if (!(at > before && at >= after)) continue;
            double offset = 0.5 * (before - after) / (before - 2 * at + after);
            peaks.Add(at - 0.25 * (before - after) * offset);
        }
        return [.. peaks];
    }
}
