using Sharpgrad.Kernels;
using Sharpgrad.Ops;
using Sharpgrad.Shapes;

namespace Sharpgrad;

// Smaller torch.Tensor methods a PyTorch user reaches for: the argument of a real number, device facts of a CPU-only
// library, resizing and re-pointing in place, and nested lists.
public sealed partial class Tensor
{
    /// <summary>
    /// The argument of each element: π for negatives, 0 otherwise, NaN kept; integers give Float32 (AngleBackward0, whose
    /// gradient is zero for real input). PyTorch: torch.angle.
    /// </summary>
    public Tensor Angle()
    {
        ThrowIfDisposed();
        var x = DType.IsFloatingPoint() ? this : To(DTypeDefaults.Float);
        Tensor result;
        using (Autograd.NoGrad())
            result = Where(x.Lt(0.0), Full(x.Sizes.ToArray(), Math.PI, x.DType), Where(x.IsNan(), x, Zeros(x.Sizes.ToArray(), x.DType)));
        if (Record.ShouldRecord(this)) Record.SetHistory(result, Record.Connect(new ZeroGradients("AngleBackward0", [this]), this));
        return result;
    }

    /// <summary>
    /// This tensor's values outside autograd: the same storage, not requiring grad, with a version counter of its own, so
    /// in-place writes through it go unseen by the graph (Detach shares the counter; this does not). Setting it gives
    /// this tensor another tensor's storage, dtype and shape while it keeps its autograd identity (requires_grad,
    /// grad_fn, grad) and its version. PyTorch: tensor.data.
    /// </summary>
    public Tensor Data
    {
        get
        {
            ThrowIfDisposed();
            return new Tensor(Storage.WithOwnVersionCounter(), Sizes, Strides, Offset, Inference);
        }
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            ThrowIfDisposed();
            value.ThrowIfDisposed();
            if (RequiresGrad && !value.DType.IsFloatingPoint())
                throw new InvalidOperationException("data set to a tensor that requires gradients must be floating point or complex dtype");
            Repoint(value.Storage.WithOwnVersionCounter(Storage.Version), value);
        }
    }

    /// <summary>True everywhere: every dtype here is real. PyTorch: torch.isreal.</summary>
    public Tensor IsReal()
    {
        ThrowIfDisposed();
        return Ones(Sizes.ToArray(), DType.Bool);
    }

    /// <summary>This tensor: it already lives on the CPU. PyTorch: tensor.cpu().</summary>
    public Tensor Cpu()
    {
        ThrowIfDisposed();
        return this;
    }

    /// <summary>Always true. PyTorch: tensor.is_cpu.</summary>
    public bool IsCpu => true;

    /// <summary>Always false: no GPU backend yet. PyTorch: tensor.is_cuda.</summary>
    public bool IsCuda => false;

    /// <summary>Always false: tensors are dense and strided. PyTorch: tensor.is_sparse.</summary>
    public bool IsSparse => false;

    /// <summary>Always false. PyTorch: tensor.is_quantized.</summary>
    public bool IsQuantized => false;

    /// <summary>-1, PyTorch's answer for a CPU tensor. PyTorch: tensor.get_device().</summary>
    public int GetDevice() => -1;

    /// <summary>A contiguous copy of <c>Narrow(dim, start, length)</c>. PyTorch: narrow_copy.</summary>
    public Tensor NarrowCopy(int dim, long start, long length) => Narrow(dim, start, length).Clone().Contiguous();

    /// <summary>Softshrink's counterpart: x where |x| &gt; <paramref name="lambd"/>, else 0. PyTorch: tensor.hardshrink.</summary>
    public Tensor Hardshrink(double lambd = 0.5) => ActivationOps.Hardshrink(this, lambd);

    /// <summary>x where x &gt; 0, else weight·x (weight broadcast over dim 1). PyTorch: tensor.prelu.</summary>
    public Tensor Prelu(Tensor weight) => ActivationOps.Prelu(this, weight);

    /// <summary>
    /// The elements as nested lists (List&lt;object&gt; per dimension) of float, double, long, int, sbyte, short, byte or
    /// bool; a 0-dim tensor gives the number itself. PyTorch: tensor.tolist().
    /// </summary>
    public object ToList()
    {
        ThrowIfDisposed();
        var flat = ToFlatObjects();
        if (Dim == 0) return flat[0];
        int next = 0;
        return Nest(0);

        List<object> Nest(int d)
        {
            var list = new List<object>(Sizes[d]);
            for (int i = 0; i < Sizes[d]; i++) list.Add(d == Dim - 1 ? flat[next++] : Nest(d + 1));
            return list;
        }
    }

    private object[] ToFlatObjects() => DType switch
    {
        DType.Float32 => Array.ConvertAll(ToArray<float>(), v => (object)v),
        DType.Float64 => Array.ConvertAll(ToArray<double>(), v => (object)v),
        DType.Int64 => Array.ConvertAll(ToArray<long>(), v => (object)v),
        DType.Int32 => Array.ConvertAll(ToArray<int>(), v => (object)v),
        DType.UInt8 => Array.ConvertAll(ToArray<byte>(), v => (object)v),
        DType.Int8 => Array.ConvertAll(ToArray<sbyte>(), v => (object)v),
        DType.Int16 => Array.ConvertAll(ToArray<short>(), v => (object)v),
        _ => Array.ConvertAll(ToArray<bool>(), v => (object)v),
    };

    /// <summary>
    /// Gives this tensor the shape <paramref name="sizes"/> with contiguous strides over its storage as it lies (no
    /// element moves); when the storage is too short this tensor gets a longer copy of it whose new elements are
    /// uninitialized (views taken earlier keep the old storage). PyTorch: resize_.
    /// </summary>
    public Tensor Resize_(params int[] sizes)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        ThrowIfDisposed();
        if (RequiresGrad) throw new InvalidOperationException("cannot resize variables that require grad");
        foreach (int s in sizes)
            if (s < 0) throw new ArgumentException($"Trying to create tensor with negative dimension {s}: [{string.Join(", ", sizes)}]");
        if (Inference && !Autograd.IsInferenceModeEnabled) throw new InvalidOperationException(Errors.InferenceInPlace);
        int needed = checked(Offset + Layout.NumElements(sizes));
        if (needed > Storage.Length)
        {
            var storage = Storage.Allocate(DType, needed);
            Array.Copy(Storage.Buffer, storage.Buffer, Storage.Length);
            Storage.Release();
            Storage = storage;
        }
        Sizes = sizes.ToArray();
        Strides = Layout.ContiguousStrides(Sizes);
        ContiguousFlag = true;
        return this;
    }

    /// <summary><see cref="Resize_"/> to <paramref name="other"/>'s shape. PyTorch: resize_as_.</summary>
    public Tensor ResizeAs_(Tensor other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Resize_(other.Sizes.ToArray());
    }

    /// <summary>
    /// Makes this tensor look at <paramref name="source"/>'s storage with <paramref name="source"/>'s geometry (they share
    /// data and version counter from then on). PyTorch: set_(source).
    /// </summary>
    public Tensor Set_(Tensor source)
    {
        ArgumentNullException.ThrowIfNull(source);
        ThrowIfDisposed();
        source.ThrowIfDisposed();
        if (source.DType != DType)
            throw new InvalidOperationException($"Could not set tensor of type {Errors.TypeMetaName(source.DType)} to a tensor of type {Errors.TypeMetaName(DType)}");
        if (RequiresGrad && Fn is null && Autograd.IsGradEnabled)
            throw new InvalidOperationException(Errors.LeafInPlace);
        source.Storage.Retain();
        Repoint(source.Storage, source);
        return this;
    }

    /// <summary>Takes over the caller's reference to <paramref name="storage"/>, laid out as <paramref name="geometry"/>.</summary>
    private void Repoint(Storage storage, Tensor geometry)
    {
        Storage.Release();
        Storage = storage;
        Offset = geometry.Offset;
        Sizes = geometry.Sizes.ToArray();
        Strides = geometry.Strides.ToArray();
        ContiguousFlag = geometry.ContiguousFlag;
    }
}
