namespace Sharpgrad;

/// <summary>
/// Live and peak bytes of tensor buffers of 4 KiB and more (smaller ones are plain gen-0 arrays
/// the GC reclaims at no cost). This is how "no_grad saves memory" becomes a number.
/// </summary>
public static class MemoryStats
{
    private static long s_allocated;
    private static long s_peak;

    /// <summary>Bytes of tensor buffers currently held by storages.</summary>
    public static long AllocatedBytes => Volatile.Read(ref s_allocated);

    /// <summary>Highest <see cref="AllocatedBytes"/> since start or the last <see cref="ResetPeak"/>.</summary>
    public static long PeakAllocatedBytes => Volatile.Read(ref s_peak);

    /// <summary>Bytes held by the buffer pool, ready for reuse (not counted as allocated).</summary>
    public static long PooledBytes => BufferPool.PooledBytes;

    /// <summary>Starts a new peak measurement from the current allocation.</summary>
    public static void ResetPeak() => Volatile.Write(ref s_peak, AllocatedBytes);

    internal static void Add(long bytes)
    {
        long now = Interlocked.Add(ref s_allocated, bytes);
        long peak = Volatile.Read(ref s_peak);
        while (now > peak)
        {
            long seen = Interlocked.CompareExchange(ref s_peak, now, peak);
            if (seen == peak) break;
            peak = seen;
        }
    }

    internal static void Remove(long bytes) => Interlocked.Add(ref s_allocated, -bytes);
}
