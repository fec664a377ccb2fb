using System.Numerics;
using System.Runtime.Intrinsics;

namespace Sharpgrad.Kernels.Cpu;

/// <summary>
/// Float products in the order of ATen's binary_kernel_reduce_vec (its AVX2 kernel: 8 floats or 4 doubles per vector),
/// so results agree with PyTorch bit for bit: along a contiguous row, four accumulator vectors over blocks of four
/// vectors, folded (a0·a1)·(a2·a3) and then lane by lane, the leftover elements after; down columns, the same four
/// vectors per block of columns and plain products for the columns left; a full product above 32768 elements split
/// between threads and the partials multiplied in order.
/// </summary>
internal static class ProdKernels
{
    public static void Run<T>(T[] x, int offset, int outer, int r, int inner, T[] y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        long numel = (long)outer * r * inner;
        int threads = IntraOp.Threads;
        if (outer == 1 && inner == 1 && numel >= IntraOp.AtenGrain && threads > 1)
        {
            var partials = new T[threads];
            Array.Fill(partials, T.One);
            IntraOp.ForAtenPieces(r, (t, start, end) => partials[t] = Row(x, offset + start, end - start));
            y[0] = Row(partials, 0, threads);
            return;
        }
        for (int o = 0; o < outer; o++)
        {
            if (inner == 1) y[o] = Row(x, offset + o * r, r);
            else Columns(x, offset + o * r * inner, r, inner, y, o * inner);
        }
    }

    /// <summary>ATen's vectorized_inner_reduction then its scalar loop, starting from the identity.</summary>
    private static T Row<T>(T[] x, int start, int n) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int width = Vector256<T>.Count, block = 4 * width, count = n / block;
        T result = T.One;
        if (count > 0)
        {
            var a0 = Vector256.Create<T>(x.AsSpan(start, width));
            var a1 = Vector256.Create<T>(x.AsSpan(start + width, width));
            var a2 = Vector256.Create<T>(x.AsSpan(start + 2 * width, width));
            var a3 = Vector256.Create<T>(x.AsSpan(start + 3 * width, width));
            for (int i = 1; i < count; i++)
            {
                int b = start + i * block;
                a0 *= Vector256.Create<T>(x.AsSpan(b, width));
                a1 *= Vector256.Create<T>(x.AsSpan(b + width, width));
                a2 *= Vector256.Create<T>(x.AsSpan(b + 2 * width, width));
                a3 *= Vector256.Create<T>(x.AsSpan(b + 3 * width, width));
            }
            var folded = a0 * a1 * (a2 * a3);
            T lanes = folded.GetElement(0);
            for (int l = 1; l < width; l++) lanes *= folded.GetElement(l);
            result *= lanes;
        }
        for (int k = count * block; k < n; k++) result *= x[start + k];
        return result;
    }

    /// <summary>ATen's vectorized_outer_reduction over the <paramref name="cols"/> columns of an [r, cols] block.</summary>
    private static void Columns<T>(T[] x, int start, int r, int cols, T[] y, int yStart) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int width = Vector256<T>.Count, block = 4 * width, j = 0;
        for (; j + block <= cols; j += block)
            for (int v = 0; v < 4; v++)
            {
                var acc = Vector256.Create<T>(x.AsSpan(start + j + v * width, width));
                for (int i = 1; i < r; i++) acc *= Vector256.Create<T>(x.AsSpan(start + i * cols + j + v * width, width));
                (acc * Vector256<T>.One).CopyTo(y.AsSpan(yStart + j + v * width, width));
            }
        for (; j < cols; j++)
        {
            T p = T.One;
            for (int i = 0; i < r; i++) p *= x[start + i * cols + j];
            y[yStart + j] = p;
        }
    }
}
