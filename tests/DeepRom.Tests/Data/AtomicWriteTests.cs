using DeepRom.Data;

namespace DeepRom.Tests.Data;

public class AtomicWriteTests
{
    [Theory]
    [InlineData("set.h5")]
    [InlineData("set.npz")]
    public void Existing_file_is_kept_without_force(string name)
    {
        using var dir = new ScratchFolder();
        string path = dir.File(name);
        File.WriteAllText(path, "precious");
        var e = Assert.Throws<InputException>(() => SnapshotFile.Write(path, SampleSets.Static1D(), force: false));
        Assert.Contains("already exists", e.Problem);
        Assert.Equal("precious", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(dir.Path));
    }

    [Theory]
    [InlineData("set.h5")]
    [InlineData("set.npz")]
    public void Force_replaces_the_file(string name)
    {
        using var dir = new ScratchFolder();
        string path = dir.File(name);
        SnapshotFile.Write(path, SampleSets.Static1D(), force: false);
        var replacement = SampleSets.Static2D();
        SnapshotFile.Write(path, replacement, force: true);
        SampleSets.AssertEqual(replacement, SnapshotFile.Read(path));
        Assert.Single(Directory.GetFiles(dir.Path));
    }

    [Theory]
    [InlineData(DataFileFormat.Hdf5)]
    [InlineData(DataFileFormat.Npz)]
    public void Failing_writer_leaves_no_temporary_file_and_no_target(DataFileFormat format)
    {
        using var dir = new ScratchFolder();
        string path = dir.File("set.out");
        string? temp = null;
        Assert.Throws<IOException>(() => AtomicFile.Write(path, force: false, t =>
        {
            temp = t;
            RawDataset.ValidSnapshots().Write(t, format);
            Assert.True(File.Exists(t));
            throw new IOException("disk full");
        }));
        Assert.NotNull(temp);
        Assert.Empty(Directory.GetFiles(dir.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void Inconsistent_set_is_refused_before_any_file_is_made()
    {
        using var dir = new ScratchFolder();
        var bad = SampleSets.Static1D() with { Channels = ["a", "b", "c"] };
        Assert.Throws<ArgumentException>(() => SnapshotFile.Write(dir.File("set.h5"), bad, force: false));
        Assert.Empty(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void Several_trajectory_files_appear_together_or_not_at_all()
    {
        using var dir = new ScratchFolder();
        string a = dir.File("train.h5"), b = dir.File("val.h5"), c = dir.File("test.npz");
        File.WriteAllBytes(c, [7]);
        var set = SampleSets.Trajectories(withAux: true);

        // One existing target without force: refused before anything is written.
        Assert.Throws<InputException>(() => TrajectoryFile.WriteAll([(a, set), (b, set), (c, set)], force: false));
        Assert.Equal(["test.npz"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));

        // A failure while writing the last file removes the ones already written to temporary files.
        Assert.Throws<IOException>(() => AtomicFile.WriteAll(
            [(a, temp => File.WriteAllText(temp, "a")), (b, temp => File.WriteAllText(temp, "b")), (dir.File("x.h5"), _ => throw new IOException("disk full"))],
            force: false));
        Assert.Equal(["test.npz"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));

        TrajectoryFile.WriteAll([(a, set), (b, set), (c, set)], force: true);
        SampleSets.AssertEqual(set, TrajectoryFile.Read(c));
        SampleSets.AssertEqual(set, TrajectoryFile.Read(a));
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp"));
    }

    [Fact]
    public void Trajectory_write_refuses_existing_file()
    {
        using var dir = new ScratchFolder();
        string path = dir.File("t.npz");
        File.WriteAllBytes(path, [1, 2, 3]);
        Assert.Throws<InputException>(() => TrajectoryFile.Write(path, SampleSets.Trajectories(), force: false));
        Assert.Equal(new byte[] { 1, 2, 3 }, File.ReadAllBytes(path));
    }
}
