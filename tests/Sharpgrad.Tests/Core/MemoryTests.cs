using System.Runtime.CompilerServices;

namespace Sharpgrad.Tests.Core;

/// <summary>These tests read the process-wide <see cref="MemoryStats"/>: they run alone, never beside tests that allocate.</summary>
[CollectionDefinition("Memory", DisableParallelization = true)]
public class MemoryCollection;

[Collection("Memory")]
public class MemoryTests
{
    private const int FourMB = 1 << 20;               // Float32 elements in 4 MiB
    private const long Bytes4MB = 4L << 20;

    /// <summary>Lets every earlier test's forgotten tensor be finalized first, so the baseline is stable.</summary>
    private static long Baseline()
    {
        for (int i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        return MemoryStats.AllocatedBytes;
    }

    [Fact]
    public void DisposeReturnsToBaselineAndViewsKeepTheBuffer()
    {
        long baseline = Baseline();
        var t = Tensor.Zeros([FourMB]);
        Assert.Equal(baseline + Bytes4MB, MemoryStats.AllocatedBytes);
        var v = t.View(1024, 1024);
        var vt = v.T;                                                     // every view holds a reference, intermediates too
        var s = vt.Narrow(0, 0, 2);
        Assert.Equal(baseline + Bytes4MB, MemoryStats.AllocatedBytes);   // views allocate nothing
        t.Dispose();
        v.Dispose();
        vt.Dispose();
        Assert.Equal(baseline + Bytes4MB, MemoryStats.AllocatedBytes);   // s still refers to the buffer
        Assert.Equal(2048, s.ToArray<float>().Length);                    // and it still works
        s.Dispose();
        Assert.Equal(baseline, MemoryStats.AllocatedBytes);
        // a result of an op is its own buffer
        var a = Tensor.Ones([FourMB]);
        var b = a * 2;
        Assert.Equal(baseline + 2 * Bytes4MB, MemoryStats.AllocatedBytes);
        a.Dispose();
        b.Dispose();
        Assert.Equal(baseline, MemoryStats.AllocatedBytes);
        // small tensors are plain arrays: not counted
        using (var small = Tensor.Ones([10])) Assert.Equal(baseline, MemoryStats.AllocatedBytes);
        // a wrapped array is the caller's: never counted, never pooled
        var wrapped = Tensor.Wrap(new float[FourMB]);
        Assert.Equal(baseline, MemoryStats.AllocatedBytes);
        wrapped.Dispose();
        Assert.Equal(baseline, MemoryStats.AllocatedBytes);
    }

    [Fact]
    public void TensorScopeReleasesAllButMovedResults()
    {
        long baseline = Baseline();
        Tensor kept, leaked;
        using (Tensor.NewScope())
        {
            var a = Tensor.Ones([FourMB]);
            var b = a + 1;
            var view = b.View(-1);
            leaked = b * 3;
            kept = (b * 2).MoveToOuterScope();
            Assert.Equal(baseline + 4 * Bytes4MB, MemoryStats.AllocatedBytes);
            Assert.False(view.IsDisposed);
        }
        Assert.True(leaked.IsDisposed);
        Assert.False(kept.IsDisposed);
        Assert.Equal(baseline + Bytes4MB, MemoryStats.AllocatedBytes);
        Assert.Equal(4f, kept.ToArray<float>()[0]);
        Assert.Throws<ObjectDisposedException>(() => leaked.Sum());
        kept.Dispose();
        Assert.Equal(baseline, MemoryStats.AllocatedBytes);
        // nested scopes: MoveToOuterScope hands a tensor to the enclosing scope, which then releases it
        using (Tensor.NewScope())
        {
            using (Tensor.NewScope())
            {
                kept = Tensor.Ones([FourMB]).MoveToOuterScope();
                _ = Tensor.Ones([FourMB]);
            }
            Assert.Equal(baseline + Bytes4MB, MemoryStats.AllocatedBytes);
            Assert.False(kept.IsDisposed);
        }
        Assert.True(kept.IsDisposed);
        Assert.Equal(baseline, MemoryStats.AllocatedBytes);
    }

    [Fact]
    public void CreateDisposeLoopKeepsThePeakFlat()
    {
        long baseline = Baseline();
        MemoryStats.ResetPeak();
        for (int i = 0; i < 10_000; i++)
        {
            var t = Tensor.Empty([FourMB]);
            t.Dispose();
        }
        Assert.Equal(baseline, MemoryStats.AllocatedBytes);
        Assert.InRange(MemoryStats.PeakAllocatedBytes, baseline + Bytes4MB, baseline + 2 * Bytes4MB);
        // with an op in the loop: input, output and nothing more
        MemoryStats.ResetPeak();
        using var x = Tensor.Ones([FourMB]);
        for (int i = 0; i < 100; i++)
        {
            using var y = x + 1;
        }
        Assert.InRange(MemoryStats.PeakAllocatedBytes, baseline + 2 * Bytes4MB, baseline + 3 * Bytes4MB);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference Forget()
    {
        var t = Tensor.Ones([4 * FourMB]);
        Assert.Equal(1f, t[0].Item<float>());
        return new WeakReference(t);
    }

    [Fact]
    public void UndisposedTensorIsReclaimedByTheGC()
    {
        long baseline = Baseline();
        var weak = Forget();
        Assert.Equal(baseline + 4 * Bytes4MB, MemoryStats.AllocatedBytes);
        for (int i = 0; i < 3 && MemoryStats.AllocatedBytes != baseline; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        Assert.False(weak.IsAlive);
        Assert.Equal(baseline, MemoryStats.AllocatedBytes);
    }
}
