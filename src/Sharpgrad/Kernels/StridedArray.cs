namespace Sharpgrad.Kernels;

/// <summary>What a kernel sees of a tensor: a buffer and its geometry. Never a Tensor, a Node or a mode.</summary>
internal readonly struct StridedArray(Array buffer, DType dtype, int[] shape, int[] strides, int offset, bool? contiguous = null)
{
    public readonly bool Contiguous = contiguous ?? Shapes.Layout.IsContiguous(shape, strides);
    public readonly Array Buffer = buffer;
    public readonly DType DType = dtype;
    public readonly int[] Shape = shape;
    public readonly int[] Strides = strides;
    public readonly int Offset = offset;

    public T[] Data<T>() => (T[])Buffer;

    public int Numel
    {
        get
        {
            int n = 1;
            foreach (int s in Shape) n *= s;
            return n;
        }
    }

    public bool IsContiguous => Contiguous;

    /// <summary>The same data read as if expanded to <paramref name="target"/> (stride 0 on broadcast dims).</summary>
    public StridedArray BroadcastTo(int[] target)
    {
        if (Shape.AsSpan().SequenceEqual(target)) return this;
        return new StridedArray(Buffer, DType, target, Shapes.Layout.BroadcastStrides(Shape, Strides, target), Offset);
    }
}
