using Sharpgrad.Kernels.Cpu;

namespace Sharpgrad.Tests;

/// <summary>Tests that change the process-wide thread count run alone: sums above 32768 elements depend on it, as PyTorch's do.</summary>
[CollectionDefinition("Threads", DisableParallelization = true)]
public class ThreadsCollection
{
    /// <summary>Runs <paramref name="body"/> with the thread count set to <paramref name="threads"/>, then restores it.</summary>
    public static void WithThreads(int threads, Action body)
    {
        int before = Threading.GetNumThreads();
        try
        {
            Threading.SetNumThreads(threads);
            body();
        }
        finally
        {
            Threading.SetNumThreads(before);
        }
    }
}

[Collection("Threads")]
public class ThreadingTests
{
    [Fact]
    public void SetNumThreadsDrivesGemmAndElementwise()
    {
        int before = Threading.GetNumThreads();
        try
        {
            Threading.SetNumThreads(1);
            Assert.Equal(1, Gemm.MaxThreads);
            Assert.Equal(1, IntraOp.Threads);
            Assert.Equal(1, Threading.GetNumThreads());
        }
        finally
        {
            Threading.SetNumThreads(before);
        }
        Assert.Equal(before, Gemm.MaxThreads);
    }

    [Fact]
    public void SetNumThreadsRejectsZeroAndChangesNothing()
    {
        int before = Threading.GetNumThreads();
        Assert.Throws<ArgumentOutOfRangeException>(() => Threading.SetNumThreads(0));
        Assert.Equal(before, Threading.GetNumThreads());
        Assert.Equal(before, Gemm.MaxThreads);
    }
}
