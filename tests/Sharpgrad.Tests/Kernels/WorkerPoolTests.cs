using Sharpgrad.Kernels.Cpu;

namespace Sharpgrad.Tests.Threads;

public class WorkerPoolTests
{
    [Fact]
    public void RunsEveryIndexExactlyOnce()
    {
        for (int count = 0; count < 40; count++)
        {
            var hits = new int[count];
            WorkerPool.Run(count, 2, i => Interlocked.Increment(ref hits[i]));
            Assert.All(hits, h => Assert.Equal(1, h));
        }
    }

    [Fact]
    public void NestedUseRunsInlineAndCompletes()
    {
        int total = 0;
        WorkerPool.Run(4, 2, _ => WorkerPool.Run(5, 2, _ => Interlocked.Increment(ref total)));
        Assert.Equal(20, total);
    }

    [Fact]
    public void AnExceptionSurfacesWithItsOwnType()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            WorkerPool.Run(8, 2, i => { if (i == 5) throw new ArgumentOutOfRangeException("i", "boom"); }));
        Assert.Contains("boom", e.Message);
        int after = 0;
        WorkerPool.Run(3, 2, _ => Interlocked.Increment(ref after));
        Assert.Equal(3, after);
    }

    [Fact]
    public void ConcurrentCallersEachGetTheirWorkDone()
    {
        var sums = new long[4];
        Parallel.For(0, 4, t =>
        {
            for (int r = 0; r < 50; r++) WorkerPool.Run(16, 2, i => Interlocked.Add(ref sums[t], i));
        });
        Assert.All(sums, s => Assert.Equal(50L * 120, s));
    }
}
