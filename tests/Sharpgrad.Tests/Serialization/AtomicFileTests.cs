using Sharpgrad.Serialization;

namespace Sharpgrad.Tests.Serialization;

public sealed class AtomicFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("sharpgrad-atomic-").FullName;

    private string Target => Path.Combine(_directory, "model.safetensors");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private void AssertOnlyTarget() => Assert.Equal([Target], Directory.GetFiles(_directory));

    [Fact]
    public void CreatesNewFile()
    {
        AtomicFile.Write(Target, s => s.Write([1, 2, 3]));
        Assert.Equal([1, 2, 3], File.ReadAllBytes(Target));
        AssertOnlyTarget();
    }

    [Fact]
    public void ReplacesExistingFile()
    {
        File.WriteAllBytes(Target, new byte[1000]);
        AtomicFile.Write(Target, s => s.Write([9]));
        Assert.Equal([9], File.ReadAllBytes(Target));
        AssertOnlyTarget();
    }

    [Fact]
    public void RelativePathResolvesAgainstCurrentDirectory()
    {
        string relative = Path.GetRelativePath(Environment.CurrentDirectory, Target);
        AtomicFile.Write(relative, s => s.Write([5]));
        Assert.Equal([5], File.ReadAllBytes(Target));
        AssertOnlyTarget();
    }

    [Fact]
    public void FailingWriterLeavesOldFileAndNoTempFile()
    {
        File.WriteAllBytes(Target, [1, 2, 3]);
        var boom = new InvalidOperationException("boom");
        var thrown = Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(Target, s =>
        {
            s.Write(new byte[4096]);
            throw boom;
        }));
        Assert.Same(boom, thrown);
        Assert.Equal([1, 2, 3], File.ReadAllBytes(Target));
        AssertOnlyTarget();
    }

    [Fact]
    public void FailingWriterWithNoExistingFileLeavesNothing()
    {
        Assert.Throws<IOException>(() => AtomicFile.Write(Target, _ => throw new IOException("disk full")));
        Assert.Empty(Directory.GetFiles(_directory));
    }

    [Fact]
    public void MissingDirectoryFailsWithoutSideEffects()
    {
        string path = Path.Combine(_directory, "missing", "x.bin");
        Assert.Throws<DirectoryNotFoundException>(() => AtomicFile.Write(path, s => s.Write([1])));
        Assert.Empty(Directory.GetFileSystemEntries(_directory));
    }

    /// <summary>
    /// Stands in for a process killed mid-write: while the writer is stalled halfway, the target still holds the old
    /// contents and the partial data sits only in a hidden temp file next to it.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task StalledWriterNeverExposesPartialFile(bool writerFails)
    {
        File.WriteAllBytes(Target, [1, 2, 3]);
        using var halfway = new ManualResetEventSlim();
        using var resume = new ManualResetEventSlim();

        var writing = Task.Run(() => AtomicFile.Write(Target, s =>
        {
            s.Write(new byte[5000]);
            s.Flush();
            halfway.Set();
            resume.Wait(TimeSpan.FromSeconds(30));
            if (writerFails)
                throw new InvalidOperationException("killed");
            s.Write(new byte[5000]);
        }));

        Assert.True(halfway.Wait(TimeSpan.FromSeconds(30)));
        Assert.Equal([1, 2, 3], File.ReadAllBytes(Target));
        string temp = Assert.Single(Directory.GetFiles(_directory, ".model.safetensors.*.tmp"));
        Assert.Equal(5000, new FileInfo(temp).Length);

        resume.Set();
        if (writerFails)
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => writing);
            Assert.Equal([1, 2, 3], File.ReadAllBytes(Target));
        }
        else
        {
            await writing;
            Assert.Equal(10000, new FileInfo(Target).Length);
        }
        AssertOnlyTarget();
    }

    [Fact]
    public void SafeTensorsFileWrittenAtomicallyLoadsBack()
    {
        byte[] data = SafeTensorsConvert.FromSingle([1.5f, -2f], SafeDType.F32);
        AtomicFile.Write(Target, s => SafeTensorsFormat.Write(s, [("x", SafeDType.F32, [2], data)], null));

        using var stream = File.OpenRead(Target);
        var (entries, _, dataStart) = SafeTensorsFormat.ReadHeader(stream, stream.Length);
        Assert.Equal([1.5f, -2f], SafeTensorsConvert.ToSingle(SafeTensorsFormat.ReadData(stream, entries[0], dataStart), SafeDType.F32));
        AssertOnlyTarget();
    }
}
