namespace Sharpgrad;

/// <summary>
/// Size-bucketed pool of managed arrays. Buckets are powers of two in bytes, so a returned
/// buffer serves any later request of the same bucket; the pool is bounded so that an
/// unusual burst does not pin memory forever.
/// </summary>
internal static class BufferPool
{
    /// <summary>Buffers from this size up are counted in MemoryStats and shared across threads.</summary>
    public const int MinPooledBytes = 4096;

    /// <summary>Buffers from this size up (and below <see cref="MinPooledBytes"/>) are recycled through a per-thread cache.</summary>
    public const int MinCachedBytes = 256;
    private const int SmallBuckets = 13;          // indexed by log2(bytes), below 2^12
    private const int SmallPerBucket = 8;

    // One set of buckets per DType value (the enum's members run from 0 to Int16).
    private const int DTypeCount = (int)DType.Int16 + 1;

    [ThreadStatic] private static Array?[][]? t_small;
    private const int MaxBuckets = 40;
    private const int MaxPerBucket = 16;
    private static readonly long s_maxPooledBytes = 2L << 30;

    private static readonly Stack<Array>[][] s_buckets = CreateBuckets();
    private static long s_pooledBytes;

    public static long PooledBytes => Volatile.Read(ref s_pooledBytes);

    private static Stack<Array>[][] CreateBuckets()
    {
        var all = new Stack<Array>[DTypeCount][];
        for (int d = 0; d < all.Length; d++)
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
        if (!IsPooled(dtype, length))
        {
            long small = (long)length * dtype.ElementSize();
            if (small < MinCachedBytes || dtype == DType.Bool) return Allocate(dtype, length, clear);
            int sb = BucketOf(dtype, length);
            var cache = t_small?[(int)dtype * SmallBuckets + sb];
            if (cache is not null)
            {
                for (int i = cache.Length - 1; i >= 0; i--)
                {
                    if (cache[i] is { } hit)
                    {
                        cache[i] = null;
                        if (clear) Array.Clear(hit, 0, length);
                        return hit;
                    }
                }
            }
            return Allocate(dtype, BucketLength(dtype, sb), clear);
        }
        int bucket = BucketOf(dtype, length);
        var stack = s_buckets[(int)dtype][bucket];
        Array? found = null;
        lock (stack)
        {
            if (stack.Count > 0) found = stack.Pop();
        }
        if (found is null) return Allocate(dtype, BucketLength(dtype, bucket), clear);
        Interlocked.Add(ref s_pooledBytes, -ByteLength(dtype, found.Length));
        if (clear) Array.Clear(found, 0, length);
        return found;
    }

    public static void Return(DType dtype, Array buffer)
    {
        int length = buffer.Length;
        if (!IsPooled(dtype, length))
        {
            ReturnSmall(dtype, buffer);
            return;
        }
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

    private static void ReturnSmall(DType dtype, Array buffer)
    {
        int length = buffer.Length;
        if ((long)length * dtype.ElementSize() < MinCachedBytes || dtype == DType.Bool) return;
        int sb = BucketOf(dtype, length);
        if (BucketLength(dtype, sb) != length) return;
        var all = t_small ??= new Array?[DTypeCount * SmallBuckets][];
        var cache = all[(int)dtype * SmallBuckets + sb] ??= new Array?[SmallPerBucket];
        for (int i = 0; i < cache.Length; i++)
        {
            if (cache[i] is null)
            {
                cache[i] = buffer;
                return;
            }
        }
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

    // An uninitialized array holds whatever the GC last had there (old tensors once the heap has
    // churned), so a caller that asked for zeros must get a cleared one.
    private static Array Allocate(DType dtype, int length, bool clear = false) => dtype switch
    {
        DType.Float32 => clear ? new float[length] : GC.AllocateUninitializedArray<float>(length),
        DType.Float64 => clear ? new double[length] : GC.AllocateUninitializedArray<double>(length),
        DType.Int64 => clear ? new long[length] : GC.AllocateUninitializedArray<long>(length),
        DType.Int32 => clear ? new int[length] : GC.AllocateUninitializedArray<int>(length),
        DType.UInt8 => clear ? new byte[length] : GC.AllocateUninitializedArray<byte>(length),
        DType.Int8 => clear ? new sbyte[length] : GC.AllocateUninitializedArray<sbyte>(length),
        DType.Int16 => clear ? new short[length] : GC.AllocateUninitializedArray<short>(length),
        _ => new bool[length],
    };
}
