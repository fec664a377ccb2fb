using Sharpgrad.Shapes;

namespace Sharpgrad;

/// <summary>How a view came to be, which decides whether it may be modified in place (PyTorch's CreationMeta).</summary>
internal enum ViewCreation : byte
{
    Default,
    NoGradMode,
    InferenceMode,
    MultipleOutput,
}

/// <summary>
/// A strided n-dimensional array over a shared <see cref="Storage"/>, with its autograd slot.
/// PyTorch: torch.Tensor.
/// </summary>
public sealed partial class Tensor : IDisposable
{
    internal Storage Storage;
    internal int[] Sizes;    // not readonly: the in-place view ops (squeeze_, t_, ...) change the geometry
    internal int[] Strides;
    internal int Offset;      // not readonly: resize_ and set_ re-point a tensor
    internal bool ContiguousFlag;
    private bool _disposed;

    // Autograd slot (Note [Ledger]): the recording decision reads these, kernels never do.
    internal bool LeafRequiresGrad;
    internal Node? Fn;
    internal int OutputNr;
    internal Tensor? GradValue;
    internal bool GradShared;
    internal AccumulateGrad? Accumulator;
    internal bool Inference;
    internal bool RetainsGradFlag;
    internal List<Func<Tensor, Tensor?>?>? Hooks;
    internal Tensor? ViewBase;
    internal ViewCreation Creation;
    internal long ViewFnVersion;
    internal TensorScope? OwnerScope;
    internal bool IsUninitialized; // a lazy module's placeholder (PyTorch's UninitializedParameter/Buffer) until materialized

    /// <summary>A tensor over <paramref name="storage"/>; takes over the caller's reference to it.</summary>
    internal Tensor(Storage storage, int[] sizes, int[] strides, int offset, bool inference, bool track = true, bool? contiguous = null)
    {
        Storage = storage;
        Sizes = sizes;
        Strides = strides;
        Offset = offset;
        ContiguousFlag = contiguous ?? Layout.IsContiguous(sizes, strides);
        Inference = inference;
        if (track && TensorScope.Current is { } scope)
        {
            scope.Track(this);
            OwnerScope = scope;
        }
    }

    /// <summary>A fresh contiguous tensor with garbage contents; an inference tensor under InferenceMode.</summary>
    internal static Tensor Empty(DType dtype, int[] shape, bool clear = false)
    {
        int n = Layout.NumElements(shape);
        return new Tensor(Storage.Allocate(dtype, n, clear), shape, Layout.CachedContiguousStrides(shape), 0, GradMode.Current.Inference);
    }

    /// <summary>A fresh contiguous output for an op whose shape is already validated; the op passes the mode it read.</summary>
    internal static Tensor EmptyFor(DType dtype, int[] shape, bool inference)
    {
        int n = Layout.NumElementsUnchecked(shape);
        return new Tensor(Storage.Allocate(dtype, n, false), shape, Layout.CachedContiguousStrides(shape), 0, inference, contiguous: true);
    }

    /// <summary>A view sharing this tensor's storage (and version counter) with a new geometry.</summary>
    internal Tensor AliasWith(int[] sizes, int[] strides, int offset)
    {
        Storage.Retain();
        return new Tensor(Storage, sizes, strides, offset, Inference);
    }

    /// <summary>The element type.</summary>
    public DType DType => Storage.DType;

    /// <summary>
    /// Gives a placeholder parameter its real shape (PyTorch's UninitializedParameter.materialize): a fresh zeroed contiguous
    /// storage, this tensor object, dtype and autograd slot kept.
    /// </summary>
    internal void Materialize(int[] shape)
    {
        ThrowIfDisposed();
        if (Offset != 0) throw new InvalidOperationException("only a tensor that starts its storage can be materialized");
        var storage = Storage.Allocate(DType, Layout.NumElements(shape), clear: true);
        Storage.Release();
        Storage = storage;
        Sizes = shape;
        Strides = Layout.ContiguousStrides(shape);
        ContiguousFlag = true;
        IsUninitialized = false;
    }

    /// <summary>
    /// PyTorch's <c>t.data = t.data.to(dtype)</c>: this tensor object keeps its identity, geometry and autograd slot, and
    /// gets a storage of its own holding its values converted to <paramref name="dtype"/> (views taken earlier keep the old one).
    /// </summary>
    internal void ReplaceData(DType dtype)
    {
        ThrowIfDisposed();
        var storage = Storage.Allocate(dtype, Storage.Length, clear: true);
        Kernels.Dispatch.Copy(Strided, new Kernels.StridedArray(storage.Buffer, dtype, Sizes, Strides, Offset));
        Storage.Release();
        Storage = storage;
    }

    /// <summary>The device; always the CPU today.</summary>
    public Device Device => Device.Cpu;

    /// <summary>Size of each dimension (a lazy module's placeholder, not yet materialized, has none and throws). PyTorch: tensor.shape.</summary>
    public IReadOnlyList<int> Shape => IsUninitialized
        ? throw new InvalidOperationException("Can't access the shape of an uninitialized parameter or buffer. This error usually happens in " +
            "`load_state_dict` when trying to load an uninitialized parameter into an initialized one. Call `forward` to initialize the " +
            "parameters before accessing their attributes.")
        : Sizes;

    /// <summary>Element step of each dimension. PyTorch: tensor.stride().</summary>
    public IReadOnlyList<int> Stride => Strides;

    /// <summary>Index of the first element in the storage. PyTorch: tensor.storage_offset().</summary>
    public int StorageOffset => Offset;

    /// <summary>Number of dimensions. PyTorch: tensor.dim().</summary>
    public int Dim => Sizes.Length;

    /// <summary>Number of elements. PyTorch: tensor.numel().</summary>
    public long NumElements => Layout.NumElementsUnchecked(Sizes);

    internal int Numel => Layout.NumElementsUnchecked(Sizes);

    /// <summary>True when elements are laid out row-major without gaps. PyTorch: tensor.is_contiguous().</summary>
    public bool IsContiguous => ContiguousFlag;

    /// <summary>Size of dimension <paramref name="dim"/> (negative counts from the end).</summary>
    public int Size(int dim) => Sizes[Layout.WrapDim(dim, Dim)];

    /// <summary>True once <see cref="Dispose"/> has run.</summary>
    public bool IsDisposed => _disposed;

    internal T[] Elements<T>()
    {
        if (_disposed) ThrowDisposed();
        return Storage.Data<T>();
    }

    internal Array Buffer
    {
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        get
        {
            if (_disposed) ThrowDisposed();
            return Storage.Buffer;
        }
    }

    internal void ThrowIfDisposed()
    {
        if (_disposed) ThrowDisposed();
    }

    private static void ThrowDisposed() => throw new ObjectDisposedException(nameof(Tensor), "Cannot use a disposed tensor.");

    /// <summary>
    /// Releases this tensor's reference to its storage; the buffer returns to the pool once no tensor,
    /// view or saved tensor refers to it. A graph that saved this tensor keeps its own reference.
    /// </summary>
    public void Dispose()
    {
        if (_disposed) return;
        TensorScope.Current?.Untrack(this);
        DisposeCore();
    }

    internal void DisposeFromScope() => DisposeCore();

    private void DisposeCore()
    {
        if (_disposed) return;
        _disposed = true;
        Storage.Release();
    }

    /// <summary>
    /// A plain (non-view) tensor over this tensor's storage that takes over its reference; this object
    /// becomes disposed without releasing. Used when the engine hands a gradient buffer to a leaf.
    /// </summary>
    internal Tensor TakeOwnership()
    {
        ThrowIfDisposed();
        var t = new Tensor(Storage, Sizes, Strides, Offset, Inference, track: false);
        TensorScope.Current?.Untrack(this);
        _disposed = true;
        return t;
    }

    /// <summary>Starts a dispose scope: tensors created inside are disposed with it unless moved out.</summary>
    public static TensorScope NewScope() => new();

    /// <summary>Moves this tensor out of the current dispose scope into the enclosing one (or none).</summary>
    public Tensor MoveToOuterScope()
    {
        var scope = TensorScope.Current;
        if (scope is not null && scope.Untrack(this, escaping: true)) scope.Outer?.Track(this);
        return this;
    }

    /// <summary>Removes this tensor from every dispose scope: only Dispose or the GC will release it.</summary>
    public Tensor DetachFromScopes()
    {
        for (var s = TensorScope.Current; s is not null; s = s.Outer)
            if (s.Untrack(this, escaping: true)) break;
        return this;
    }
}
