namespace Sharpgrad;

/// <summary>
/// Size-bucketed pool of managed arrays. Buckets are powers of two in bytes, so a returned
/// buffer serves any later request of the same bucket; the pool is bounded so that an
/// unusual burst does not pin memory forever.
/// </summary>
internal static class BufferPool
{
    /// <summary>Buffers smaller than this are plain arrays: gen-0 allocation is cheaper than pooling.</summary>
    public const int MinPooledBytes = 4096;
    private const int MaxBuckets = 40;
    private const int MaxPerBucket = 16;
    private static readonly long s_maxPooledBytes = 2L << 30;

    private static readonly Stack<Array>[][] s_buckets = CreateBuckets();
    private static long s_pooledBytes;

    public static long PooledBytes => Volatile.Read(ref s_pooledBytes);

    private static Stack<Array>[][] CreateBuckets()
    {
        var all = new Stack<Array>[4][];
        for (int d = 0; d < 4; d++)
        {
            all[d] = new Stack<Array>[MaxBuckets];
            for (int b = 0; b < MaxBuckets; b++) all[d][b] = new Stack<Array>();
        }
        return all;
    }

    public static bool IsPooled(DType dtype, int length) => (long)length * dtype.ElementSize() >= MinPooledBytes;

    /// <summary>A buffer of at least <paramref name="length"/> elements; contents are garbage unless <paramref name="clear"/>.</summary>
    public static Array Rent(DType dtype, int length, bool clear)
    {
        // Allocate skips zeroing (AllocateUninitializedArray), so clear applies to fresh arrays too.
        if (!IsPooled(dtype, length)) return Cleared(Allocate(dtype, length), length, clear);
        int bucket = BucketOf(dtype, length);
        var stack = s_buckets[(int)dtype][bucket];
        Array? found = null;
        lock (stack)
        {
            if (stack.Count > 0) found = stack.Pop();
        }
        if (found is null) return Cleared(Allocate(dtype, BucketLength(dtype, bucket)), length, clear);
        Interlocked.Add(ref s_pooledBytes, -ByteLength(dtype, found.Length));
        if (clear) Array.Clear(found, 0, length);
        return found;
    }

    public static void Return(DType dtype, Array buffer)
    {
        int length = buffer.Length;
        if (!IsPooled(dtype, length)) return;
        int bucket = BucketOf(dtype, length);
        if (BucketLength(dtype, bucket) != length) return; // not one of ours (a wrapped user array)
        long bytes = ByteLength(dtype, length);
        if (PooledBytes + bytes > s_maxPooledBytes) return;
        var stack = s_buckets[(int)dtype][bucket];
        lock (stack)
        {
            if (stack.Count >= MaxPerBucket) return;
            stack.Push(buffer);
        }
        Interlocked.Add(ref s_pooledBytes, bytes);
    }

    /// <summary>Drops every pooled buffer (tests, and callers that want the memory back now).</summary>
    public static void Trim()
    {
        foreach (var perType in s_buckets)
            foreach (var stack in perType)
                lock (stack) stack.Clear();
        Volatile.Write(ref s_pooledBytes, 0);
    }

    private static long ByteLength(DType dtype, int length) => (long)length * dtype.ElementSize();

    private static int BucketOf(DType dtype, int length)
    {
        long bytes = ByteLength(dtype, length);
        return 64 - System.Numerics.BitOperations.LeadingZeroCount((ulong)(bytes - 1));
    }

    private static int BucketLength(DType dtype, int bucket)
    {
        long bytes = 1L << bucket;
        long elements = bytes / dtype.ElementSize();
        return (int)Math.Min(elements, Array.MaxLength);
    }

    private static Array Cleared(Array buffer, int length, bool clear)
    {
        if (clear) Array.Clear(buffer, 0, length);
        return buffer;
    }

    private static Array Allocate(DType dtype, int length) => dtype switch
    {
        DType.Float32 => GC.AllocateUninitializedArray<float>(length),
        DType.Float64 => GC.AllocateUninitializedArray<double>(length),
        DType.Int64 => GC.AllocateUninitializedArray<long>(length),
        _ => new bool[length],
    };
}
