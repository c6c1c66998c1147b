namespace DeepRom.Physics.Ode;

/// <summary>What a random stream is drawn for; each purpose of each trajectory has its own stream.</summary>
public enum RandomPurpose
{
    InitialState = 0,
    WarmUpStart = 1,
    Noise = 2,
}

/// <summary>
/// One random stream per (seed, split, trajectory, purpose), so a trajectory's draws never depend on the order trajectories
/// run in, on how many threads run them, or on how many trajectories the other splits hold.
/// </summary>
/// <remarks>
/// The four integers are mixed with SplitMix64's finaliser into the seed of a <see cref="System.Random"/> (whose seeded
/// algorithm is fixed across .NET versions and platforms).
/// </remarks>
public static class TrajectorySeeds
{
    public static Random For(int seed, DataSplit split, int trajectory, RandomPurpose purpose)
    {
        ulong h = Mix((ulong)(uint)seed);
        h = Mix(h ^ (ulong)split);
        h = Mix(h ^ (ulong)(uint)trajectory);
        h = Mix(h ^ (ulong)purpose);
        return new Random((int)(h >> 33));
    }

    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }
}
