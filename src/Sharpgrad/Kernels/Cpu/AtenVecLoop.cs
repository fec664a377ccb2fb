using System.Runtime.CompilerServices;

namespace Sharpgrad.Kernels.Cpu;

/// <summary>y = f(x) over one run: the first <c>vectorPart</c> elements through the vector form, the rest through the scalar one.</summary>
internal delegate void SplitKernel<T>(ReadOnlySpan<T> x, Span<T> y, int vectorPart);

/// <summary>y = f(a, b) over one run, split the same way.</summary>
internal delegate void SplitKernel2<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> y, int vectorPart);

/// <summary>
/// ATen's cpu_kernel_vec loop for an op whose vector and scalar forms round differently, under TensorIterator::for_each
/// (grain 32768). Each row handed to the inner loop is vectorized when every input runs contiguously along it, or one
/// of them is a single broadcast element (stride 0) and the others contiguous; a vectorized
/// row's whole pairs of 64-byte vectors take the vector form and its last elements the scalar one, and any other row
/// takes the scalar form throughout. Rows follow <see cref="AtenIteration"/>: broadcasts restart the split on every row,
/// transposed inputs are walked in the order of their strides, and pieces cut rows where they end.
/// </summary>
internal static class AtenVecLoop
{
    /// <summary>
    /// y = f(a, b) with a and b broadcast to y's shape; <paramref name="aModel"/> and <paramref name="bModel"/> are their
    /// strides as PyTorch's iterator sees them (broadcast too), and <paramref name="yModel"/> those of the output the
    /// iterator is given rather than allocating (an in-place op's self, or the temporary it computes a wider dtype in),
    /// whose values y receives. A given output runs contiguously wherever the inputs do (self is the first input; the
    /// temporary is contiguous and orders the walk), so, as for an allocated one, only the inputs decide vectorizing.
    /// </summary>
    public static void Map<T>(StridedArray a, StridedArray b, StridedArray y, int[] aModel, int[] bModel, SplitKernel2<T> kernel, int[]? yModel = null) where T : unmanaged
    {
        int n = y.Numel;
        if (n == 0) return;
        T[] ad = a.Data<T>(), bd = b.Data<T>(), yd = y.Data<T>();
        int ao = a.Offset, bo = b.Offset, yo = y.Offset;
        if (a.IsContiguous && b.IsContiguous && y.IsContiguous && Shapes.Layout.IsContiguous(y.Shape, aModel) && Shapes.Layout.IsContiguous(y.Shape, bModel)
            && (yModel is null || Shapes.Layout.IsContiguous(y.Shape, yModel)))
        {
            IntraOp.ForAtenPieces(n, (s, e) => kernel(ad.AsSpan(ao + s, e - s), bd.AsSpan(bo + s, e - s), yd.AsSpan(yo + s, e - s), AtenLoop.VectorPart<T>(e - s)));
            return;
        }
        var it = new AtenIteration(y.Shape, [y.Strides, a.Strides, b.Strides], [yo, ao, bo], [aModel, bModel], yModel);
        int sa = it.RowStride(0), sb = it.RowStride(1);
        Rows(it, (sa == 1 && (sb == 1 || sb == 0)) || (sa == 0 && sb == 1), yd, ad, bd, kernel);
    }

    /// <summary>y = f(x), x of y's shape (broadcast or strided); its own strides are the ones PyTorch's iterator sees.</summary>
    public static void Map<T>(StridedArray x, StridedArray y, SplitKernel<T> kernel) where T : unmanaged
    {
        int n = y.Numel;
        if (n == 0) return;
        T[] xd = x.Data<T>(), yd = y.Data<T>();
        int xo = x.Offset, yo = y.Offset;
        if (x.IsContiguous && y.IsContiguous)
        {
            IntraOp.ForAtenPieces(n, (s, e) => kernel(xd.AsSpan(xo + s, e - s), yd.AsSpan(yo + s, e - s), AtenLoop.VectorPart<T>(e - s)));
            return;
        }
        var it = new AtenIteration(y.Shape, [y.Strides, x.Strides], [yo, xo], [x.Strides]);
        Rows(it, it.RowStride(0) is 0 or 1, yd, xd, null, (a, _, o, vectorPart) => kernel(a, o, vectorPart));
    }

    /// <summary>The rows of every piece, each split as <paramref name="vectorized"/> says (operand 0 the output, then a and b, if any).</summary>
    private static void Rows<T>(AtenIteration it, bool vectorized, T[] yd, T[] ad, T[]? bd, SplitKernel2<T> kernel) where T : unmanaged
    {
        int width = 8192 / Unsafe.SizeOf<T>();
        it.ForPieces(IntraOp.AtenGrain, (begin, end) =>
        {
            Span<T> abuf = stackalloc T[width], bbuf = stackalloc T[bd is null ? 0 : width], ybuf = stackalloc T[width];
            for (int start = begin, stop; start < end; start = stop)
            {
                stop = it.RowEnd(start, end);
                int vectorEnd = start + (vectorized ? AtenLoop.VectorPart<T>(stop - start) : 0);
                // vector pairs count from the row's start, and the buffer's width is a whole number of them
                for (int p = start; p < stop; p += width)
                {
                    int w = Math.Min(width, stop - p);
                    ReadOnlySpan<T> av = it.IsRun(1, p, w, out int ar) ? ad.AsSpan(ar, w) : Gathered(it, 1, ad, p, abuf[..w]);
                    ReadOnlySpan<T> bv = bd is null ? av : it.IsRun(2, p, w, out int br) ? bd.AsSpan(br, w) : Gathered(it, 2, bd, p, bbuf[..w]);
                    int vp = Math.Clamp(vectorEnd - p, 0, w);
                    if (it.IsRun(0, p, w, out int yr))
                    {
                        kernel(av, bv, yd.AsSpan(yr, w), vp);
                        continue;
                    }
                    kernel(av, bv, ybuf[..w], vp);
                    it.Scatter(0, yd, p, ybuf[..w]);
                }
            }
        });
    }

    private static Span<T> Gathered<T>(AtenIteration it, int op, T[] data, int start, Span<T> buffer)
    {
        it.Gather(op, data, start, buffer);
        return buffer;
    }
}
