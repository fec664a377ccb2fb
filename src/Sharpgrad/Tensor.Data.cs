using Sharpgrad.Kernels;
using Sharpgrad.Shapes;

namespace Sharpgrad;

public sealed partial class Tensor
{
    /// <summary>The elements in row-major order, converted to <typeparamref name="T"/> (float, double, long, int, short, sbyte, byte or bool).</summary>
    public T[] ToArray<T>()
    {
        ThrowIfDisposed();
        var dtype = DTypeExtensions.Of<T>();
        var result = new T[Numel];
        var dst = new StridedArray(result, dtype, Sizes, Layout.ContiguousStrides(Sizes), 0);
        Dispatch.Copy(Strided, dst);
        return result;
    }

    /// <summary>Copies the elements in row-major order into <paramref name="destination"/>, converting to <typeparamref name="T"/>.</summary>
    public void CopyTo<T>(Span<T> destination)
    {
        ThrowIfDisposed();
        if (destination.Length < Numel) throw new ArgumentException($"destination has {destination.Length} elements; the tensor has {Numel}", nameof(destination));
        if (DTypeExtensions.Of<T>() == DType && IsContiguous)
        {
            new ReadOnlySpan<T>(Elements<T>(), Offset, Numel).CopyTo(destination);
            return;
        }
        ToArray<T>().AsSpan().CopyTo(destination);
    }

    /// <summary>The value of a one-element tensor. PyTorch: item().</summary>
    public T Item<T>()
    {
        ThrowIfDisposed();
        if (Numel != 1) throw new InvalidOperationException($"a Tensor with {Numel} elements cannot be converted to Scalar");
        var dtype = DTypeExtensions.Of<T>();
        if (dtype == DType) return Elements<T>()[Offset];
        var one = new T[1];
        Dispatch.Copy(new StridedArray(Buffer, DType, [], [], Offset), new StridedArray(one, dtype, [], [], 0));
        return one[0];
    }

    /// <summary>The value of a one-element tensor as a double.</summary>
    public double Item() => Item<double>();

    /// <summary>The underlying storage (shared with every view of this tensor).</summary>
    public Storage UntypedStorage => Storage;

    /// <summary>
    /// The raw buffer when this tensor is contiguous and of element type <typeparamref name="T"/>: a span
    /// over the tensor's elements, shared, for zero-copy interop. Writing through it bypasses the
    /// version counter.
    /// </summary>
    public Span<T> AsSpan<T>()
    {
        ThrowIfDisposed();
        if (DTypeExtensions.Of<T>() != DType) throw new ArgumentException($"tensor has dtype {DType}, not {typeof(T).Name}");
        if (!IsContiguous) throw new InvalidOperationException("AsSpan needs a contiguous tensor; call Contiguous() first.");
        return new Span<T>(Elements<T>(), Offset, Numel);
    }
}
