namespace Sharpgrad.Shapes;

/// <summary>Shape/stride arithmetic shared by views, kernels and ops. Shapes are never mutated once built.</summary>
internal static class Layout
{
    public static readonly int[] Scalar = [];

    public static int[] ContiguousStrides(ReadOnlySpan<int> shape)
    {
        var strides = new int[shape.Length];
        int s = 1;
        for (int i = shape.Length - 1; i >= 0; i--)
        {
            strides[i] = s;
            s *= Math.Max(shape[i], 1);
        }
        return strides;
    }

    [ThreadStatic] private static int[]? t_lastShape;
    [ThreadStatic] private static int[]? t_lastStrides;

    /// <summary>
    /// Contiguous strides, shared with the previous call on this thread when the shape array is the same
    /// object (shape arrays are never mutated), so a loop of ops on one shape allocates no stride arrays.
    /// </summary>
    public static int[] CachedContiguousStrides(int[] shape)
    {
        if (ReferenceEquals(shape, t_lastShape)) return t_lastStrides!;
        var strides = ContiguousStrides(shape);
        t_lastShape = shape;
        t_lastStrides = strides;
        return strides;
    }

    /// <summary>Element count, with PyTorch's checks for negative sizes and overflow.</summary>
    public static int NumElements(ReadOnlySpan<int> shape)
    {
        long n = 1;
        foreach (int s in shape)
        {
            if (s < 0) throw Errors.NegativeDimension(shape);
            n *= s;
            if (n > Array.MaxLength) throw Errors.SizeOverflow(shape);
        }
        return (int)n;
    }

    public static int NumElementsUnchecked(ReadOnlySpan<int> shape)
    {
        int n = 1;
        foreach (int s in shape) n *= s;
        return n;
    }

    public static bool IsContiguous(ReadOnlySpan<int> shape, ReadOnlySpan<int> strides)
    {
        int expected = 1;
        for (int i = shape.Length - 1; i >= 0; i--)
        {
            if (shape[i] == 1) continue;
            if (shape[i] == 0) return true;
            if (strides[i] != expected) return false;
            expected *= shape[i];
        }
        return true;
    }

    public static int WrapDim(int dim, int ndim)
    {
        int n = Math.Max(ndim, 1);
        if (dim < -n || dim >= n) throw Errors.DimOutOfRange(dim, ndim);
        return dim < 0 ? dim + n : dim;
    }

    public static bool SameShape(ReadOnlySpan<int> a, ReadOnlySpan<int> b) => a.SequenceEqual(b);

    /// <summary>PyTorch's broadcast of two shapes, right-aligned.</summary>
    public static int[] Broadcast(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        int nd = Math.Max(a.Length, b.Length);
        var result = new int[nd];
        for (int i = 0; i < nd; i++)
        {
            int ia = a.Length - nd + i, ib = b.Length - nd + i;
            int sa = ia >= 0 ? a[ia] : 1, sb = ib >= 0 ? b[ib] : 1;
            if (sa == sb || sb == 1) result[i] = sa;
            else if (sa == 1) result[i] = sb;
            else throw Errors.BroadcastMismatch(sa, sb, i);
        }
        return result;
    }

    /// <summary>Strides that read a tensor of (shape, strides) as if expanded to <paramref name="target"/> (0 on broadcast dims).</summary>
    public static int[] BroadcastStrides(ReadOnlySpan<int> shape, ReadOnlySpan<int> strides, ReadOnlySpan<int> target)
    {
        var result = new int[target.Length];
        int offset = target.Length - shape.Length;
        for (int i = 0; i < shape.Length; i++)
            result[offset + i] = shape[i] == 1 && target[offset + i] != 1 ? 0 : strides[i];
        return result;
    }

    /// <summary>Resolves a single -1 and checks the element count (PyTorch's infer_size).</summary>
    public static int[] InferSize(ReadOnlySpan<int> shape, int numel)
    {
        var result = shape.ToArray();
        int infer = -1;
        long known = 1;
        for (int i = 0; i < result.Length; i++)
        {
            if (result[i] == -1)
            {
                if (infer >= 0) throw Errors.OnlyOneInferred();
                infer = i;
            }
            else if (result[i] < 0) throw Errors.InvalidShapeDimension(i, result[i]);
            else known *= result[i];
        }
        if (infer >= 0)
        {
            if (known == 0 && numel == 0)
                throw new ArgumentException($"cannot reshape tensor of 0 elements into shape {Errors.Shape(shape)} because the unspecified dimension size -1 can be any value and is ambiguous");
            if (known == 0 || numel % known != 0) throw Errors.ShapeInvalidForSize(shape, numel);
            result[infer] = (int)(numel / known);
        }
        else if (known != numel) throw Errors.ShapeInvalidForSize(shape, numel);
        return result;
    }

    /// <summary>
    /// Strides for viewing (oldShape, oldStrides) as newShape without copying, or null when
    /// impossible (PyTorch's computeStride).
    /// </summary>
    public static int[]? ComputeViewStrides(ReadOnlySpan<int> oldShape, ReadOnlySpan<int> oldStrides, ReadOnlySpan<int> newShape)
    {
        var newStrides = new int[newShape.Length];
        if (oldShape.Length == 0)
        {
            for (int i = 0; i < newStrides.Length; i++) newStrides[i] = 1;
            return newStrides;
        }
        int numel = NumElementsUnchecked(oldShape);
        if (numel == 0)
        {
            if (oldShape.SequenceEqual(newShape)) return oldStrides.ToArray();
            return ContiguousStrides(newShape);
        }
        int viewD = newShape.Length - 1;
        long chunkBaseStride = oldStrides[^1];
        long tensorNumel = 1, viewNumel = 1;
        for (int tensorD = oldShape.Length - 1; tensorD >= 0; tensorD--)
        {
            tensorNumel *= oldShape[tensorD];
            if (tensorD == 0 || (oldShape[tensorD - 1] != 1 && oldStrides[tensorD - 1] != tensorNumel * chunkBaseStride))
            {
                while (viewD >= 0 && (viewNumel < tensorNumel || newShape[viewD] == 1))
                {
                    newStrides[viewD] = (int)(viewNumel * chunkBaseStride);
                    viewNumel *= newShape[viewD];
                    viewD--;
                }
                if (viewNumel != tensorNumel) return null;
                if (tensorD > 0)
                {
                    chunkBaseStride = oldStrides[tensorD - 1];
                    tensorNumel = 1;
                    viewNumel = 1;
                }
            }
        }
        if (viewD != -1) return null;
        return newStrides;
    }
}
