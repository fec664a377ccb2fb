namespace Sharpgrad;

/// <summary>
/// A flat buffer shared by a tensor and all its views, with the reference count that decides
/// when the buffer goes back to the pool, and the version counter every in-place op bumps.
/// </summary>
/// <remarks>
/// Note [Version counters]: the counter lives here, not on the tensor, so every view and every
/// Detach() of a tensor sees the same count; saved tensors compare against it at unpack time.
/// </remarks>
public class Storage
{
    private Array? _buffer;
    private int _refCount;
    private long _version;

    /// <summary>Element type of the buffer.</summary>
    public DType DType { get; }

    /// <summary>Logical number of elements (the buffer may be longer: pool buckets).</summary>
    public int Length { get; }

    internal readonly bool Counted;

    internal Storage(DType dtype, int length, bool clear)
    {
        DType = dtype;
        Length = length;
        _buffer = BufferPool.Rent(dtype, length, clear);
        if (!clear && _buffer is bool[]) Array.Clear(_buffer, 0, length);
        _refCount = 1;
        Counted = BufferPool.IsPooled(dtype, length);
        if (Counted) MemoryStats.Add((long)length * dtype.ElementSize());
    }

    /// <summary>Wraps a caller's array without copying; it is never returned to the pool.</summary>
    internal Storage(Array wrapped, DType dtype)
    {
        DType = dtype;
        Length = wrapped.Length;
        _buffer = wrapped;
        _refCount = 1;
        Counted = false;
    }

    /// <summary>
    /// The same elements under a version counter of its own, starting at <paramref name="version"/> (PyTorch's
    /// tensor.data); keeps this storage alive.
    /// </summary>
    internal Storage WithOwnVersionCounter(long version = 0) => new DataAlias(this, version);

    private Storage(Storage parent, long version)
    {
        DType = parent.DType;
        Length = parent.Length;
        _buffer = parent.Buffer;
        _refCount = 1;
        _version = version;
        Counted = false;
    }

    internal static Storage Allocate(DType dtype, int length, bool clear = false) =>
        BufferPool.IsPooled(dtype, length) ? new PooledStorage(dtype, length, clear) : new Storage(dtype, length, clear);

    /// <summary>The version counter (PyTorch's <c>_version</c>).</summary>
    public long Version => Volatile.Read(ref _version);

    internal void BumpVersion() => Interlocked.Increment(ref _version);

    internal int RefCount => Volatile.Read(ref _refCount);

    internal bool IsReleased => _buffer is null;

    internal Array Buffer => _buffer ?? throw new ObjectDisposedException(nameof(Tensor), "The tensor's storage has been released.");

    internal T[] Data<T>() => (T[])Buffer;

    internal void Retain() => Interlocked.Increment(ref _refCount);

    /// <summary>Uncounts the buffer without pooling it (finalizer path).</summary>
    private protected void Forget()
    {
        if (_buffer is null) return;
        _buffer = null;
        if (Counted) MemoryStats.Remove((long)Length * DType.ElementSize());
    }

    internal void Release()
    {
        int left = Interlocked.Decrement(ref _refCount);
        if (left == 0) Free();
    }

    private protected virtual void Free()
    {
        // The count reached zero: no other holder can race us here, except the finalizer, which only
        // runs once nothing references this storage.
        var buffer = _buffer;
        if (buffer is null) return;
        _buffer = null;
        if (Counted) MemoryStats.Remove((long)Length * DType.ElementSize());
        BufferPool.Return(DType, buffer);
    }

    /// <summary>
    /// A second handle on another storage's buffer whose in-place writes bump only its own counter: tensor.data's
    /// changes are invisible to autograd, as in PyTorch. Freeing it releases the parent, which owns the buffer.
    /// </summary>
    private sealed class DataAlias : Storage
    {
        private readonly Storage _parent;

        public DataAlias(Storage parent, long version) : base(parent, version)
        {
            _parent = parent;
            parent.Retain();
        }

        private protected override void Free()
        {
            if (_buffer is null) return;
            _buffer = null;
            _parent.Release();
        }
    }

    /// <summary>
    /// Large storages keep MemoryStats honest when a tensor is never disposed: the finalizer uncounts
    /// the buffer. It does not hand the buffer back to the pool, because the JIT may already consider
    /// the storage dead while a kernel still reads its array; the GC frees the array when truly unused.
    /// </summary>
    private sealed class PooledStorage(DType dtype, int length, bool clear) : Storage(dtype, length, clear)
    {
        ~PooledStorage() => Forget();

        private protected override void Free()
        {
            base.Free();
            GC.SuppressFinalize(this);
        }
    }
}
