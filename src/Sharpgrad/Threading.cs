using Sharpgrad.Kernels.Cpu;

namespace Sharpgrad;

/// <summary>
/// How many threads one operation may use (GEMM and large element-wise kernels). Process-wide,
/// like PyTorch's intra-op pool; the default is the processor count.
/// </summary>
public static class Threading
{
    /// <summary>Sets the intra-op thread count. PyTorch: torch.set_num_threads.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threads"/> is less than 1.</exception>
    public static void SetNumThreads(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        Gemm.MaxThreads = threads;
        IntraOp.Threads = threads;
    }

    /// <summary>The intra-op thread count. PyTorch: torch.get_num_threads.</summary>
    public static int GetNumThreads() => IntraOp.Threads;
}
