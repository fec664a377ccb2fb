using System.Runtime.CompilerServices;

namespace Sharpgrad.Kernels.Cpu;

/// <summary>y = f(x) over one contiguous run, as a vml function takes it.</summary>
internal delegate void VmlKernel<T>(ReadOnlySpan<T> x, Span<T> y);

/// <summary>
/// ATen's loop for its vml unary ops (IMPLEMENT_ITERATOR_LAMBDA under TensorIterator::for_each with a grain of 2048):
/// a run contiguous in both tensors goes to the vml function whole; any other run is copied 8 KiB at a time into a
/// contiguous buffer, which the function takes from its start. Kernels that decide something per vector (SLEEF's sin,
/// cos and tan pick their argument reduction per 8 floats / 4 doubles) see the groups PyTorch's do: a group starts at
/// a run's start, at a piece's start and every 8 KiB of a strided run, and strided elements share groups as the
/// buffer holds them.
/// </summary>
internal static class AtenVml
{
    /// <summary>The grain ATen's vml ops give TensorIterator::for_each.</summary>
    public const int Grain = 2048;

    /// <summary>y = f(x) in ATen's order; y may be x itself (an in-place op).</summary>
    public static void Map<T>(StridedArray x, StridedArray y, VmlKernel<T> kernel) where T : unmanaged
    {
        int n = y.Numel;
        if (n == 0) return;
        T[] xs = x.Data<T>(), ys = y.Data<T>();
        if (x.IsContiguous && y.IsContiguous)
        {
            int xo = x.Offset, yo = y.Offset;
            IntraOp.ForAtenPieces(n, Grain, n >= IntraOp.ElementwiseGrain, (_, s, e) => kernel(xs.AsSpan(xo + s, e - s), ys.AsSpan(yo + s, e - s)));
            return;
        }
        var it = new AtenIteration(y.Shape, [y.Strides, x.Strides], [y.Offset, x.Offset], [x.Strides]);
        int width = 8192 / Unsafe.SizeOf<T>();
        it.ForPieces(Grain, (begin, end) =>
        {
            Span<T> buffer = stackalloc T[width];
            for (int start = begin, stop; start < end; start = stop)
            {
                stop = it.RowEnd(start, end);
                // groups restart every buffer's width alike whether the run is copied or not: the width is a whole number of vectors
                for (int p = start; p < stop; p += width)
                {
                    int w = Math.Min(width, stop - p);
                    bool xRun = it.IsRun(1, p, w, out int xo), yRun = it.IsRun(0, p, w, out int yo);
                    if (xRun && yRun)
                    {
                        kernel(xs.AsSpan(xo, w), ys.AsSpan(yo, w));
                        continue;
                    }
                    var chunk = buffer[..w];
                    if (xRun) xs.AsSpan(xo, w).CopyTo(chunk);
                    else it.Gather(1, xs, p, chunk);
                    if (yRun)
                    {
                        kernel(chunk, ys.AsSpan(yo, w));
                        continue;
                    }
                    kernel(chunk, chunk);
                    it.Scatter(0, ys, p, chunk);
                }
            }
        });
    }
}
