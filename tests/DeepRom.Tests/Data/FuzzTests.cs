using DeepRom.Data;

namespace DeepRom.Tests.Data;

/// <summary>Damaged files must fail with <see cref="InputException"/> (or happen to read), never with anything else.</summary>
public class FuzzTests
{
    private const int CutPoints = 120;
    private const int FlippedCopies = 250;

    public static TheoryData<string, bool> Cases => new()
    {
        { "set.h5", false }, { "set.npz", false }, { "traj.h5", true }, { "traj.npz", true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Truncated_copies_fail_cleanly(string name, bool trajectories)
    {
        using var dir = new ScratchFolder();
        byte[] original = Original(dir, name, trajectories);
        var cuts = Enumerable.Range(0, CutPoints).Select(i => (int)((long)original.Length * i / CutPoints))
            .Concat([1, 7, 8, 9, original.Length - 1]).Distinct();
        foreach (int cut in cuts)
            AssertReadsOrRefuses(dir, original[..cut], trajectories, $"cut at {cut} of {original.Length}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bit_flipped_copies_fail_cleanly(string name, bool trajectories)
    {
        using var dir = new ScratchFolder();
        byte[] original = Original(dir, name, trajectories);
        var rng = new Random(20240611 + name.Length + (trajectories ? 1 : 0));
        for (int copy = 0; copy < FlippedCopies; copy++)
        {
            byte[] damaged = (byte[])original.Clone();
            int flips = 1 + rng.Next(4);
            var where = new List<int>();
            for (int f = 0; f < flips; f++)
            {
                int at = rng.Next(damaged.Length);
                damaged[at] ^= (byte)(1 << rng.Next(8));
                where.Add(at);
            }
            AssertReadsOrRefuses(dir, damaged, trajectories, $"bits flipped at {string.Join(", ", where)}");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Overwritten_bytes_fail_cleanly(string name, bool trajectories)
    {
        using var dir = new ScratchFolder();
        byte[] original = Original(dir, name, trajectories);
        var rng = new Random(7 + name.Length);
        for (int copy = 0; copy < 100; copy++)
        {
            byte[] damaged = (byte[])original.Clone();
            int at = rng.Next(damaged.Length), length = 1 + rng.Next(16);
            byte value = (byte)(rng.Next(2) == 0 ? 0xff : 0x00);
            damaged.AsSpan(at, Math.Min(length, damaged.Length - at)).Fill(value);
            AssertReadsOrRefuses(dir, damaged, trajectories, $"{length} bytes set to {value} at {at}");
        }
    }

    private static byte[] Original(ScratchFolder dir, string name, bool trajectories)
    {
        string path = dir.File("original-" + name);
        if (trajectories) TrajectoryFile.Write(path, SampleSets.Trajectories(), force: false);
        else SnapshotFile.Write(path, SampleSets.Dynamic1D(), force: false);
        return File.ReadAllBytes(path);
    }

    private static void AssertReadsOrRefuses(ScratchFolder dir, byte[] bytes, bool trajectories, string what)
    {
        string path = dir.File("damaged");
        File.WriteAllBytes(path, bytes);
        var read = Task.Run(() =>
        {
            if (trajectories) TrajectoryFile.Read(path);
            else SnapshotFile.Read(path);
        });
        bool finished;
        try
        {
            finished = read.Wait(TimeSpan.FromSeconds(60)); // a hang guard, not a timing: loaded CI machines took over 10 s once
        }
        catch (AggregateException e) when (e.InnerException is InputException)
        {
            return;
        }
        catch (AggregateException e)
        {
            Assert.Fail($"{what}: {e.InnerException!.GetType().Name}: {e.InnerException.Message}\n{e.InnerException.StackTrace}");
            return;
        }
        Assert.True(finished, $"{what}: read did not finish within 60 s");
    }
}
