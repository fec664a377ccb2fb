using System.Numerics;
using System.Numerics.Tensors;

namespace Sharpgrad.Kernels.Cpu;

/// <summary>Reductions over the middle axis of a contiguous [outer, r, inner] block.</summary>
internal static class Reduce
{
    public static void Sum<T>(T[] x, int offset, int outer, int r, int inner, T[] y) where T : unmanaged, INumber<T>
    {
        if (typeof(T) == typeof(float))
        {
            CascadeSum.Run((float[])(object)x, offset, outer, r, inner, (float[])(object)y);
            return;
        }
        if (typeof(T) == typeof(double))
        {
            CascadeSum.Run((double[])(object)x, offset, outer, r, inner, (double[])(object)y);
            return;
        }
        if (inner == 1)
        {
            for (int o = 0; o < outer; o++) y[o] = TensorPrimitives.Sum<T>(new ReadOnlySpan<T>(x, offset + o * r, r));
            return;
        }
        for (int o = 0; o < outer; o++)
        {
            var dest = new Span<T>(y, o * inner, inner);
            dest.Clear();
            int baseIdx = offset + o * r * inner;
            for (int k = 0; k < r; k++) TensorPrimitives.Add(dest, new ReadOnlySpan<T>(x, baseIdx + k * inner, inner), dest);
        }
    }

    public static void Prod<T>(T[] x, int offset, int outer, int r, int inner, T[] y) where T : unmanaged, INumber<T>
    {
        if (typeof(T) == typeof(float))
        {
            ProdKernels.Run((float[])(object)x, offset, outer, r, inner, (float[])(object)y);
            return;
        }
        if (typeof(T) == typeof(double))
        {
            ProdKernels.Run((double[])(object)x, offset, outer, r, inner, (double[])(object)y);
            return;
        }
        for (int o = 0; o < outer; o++)
            for (int i = 0; i < inner; i++)
            {
                T acc = T.One;
                int p = offset + o * r * inner + i;
                for (int k = 0; k < r; k++, p += inner) acc *= x[p];
                y[o * inner + i] = acc;
            }
    }

    /// <summary>Max (or min) and the index of its first occurrence; a NaN wins and reports its own index.</summary>
    public static void ArgExtreme<T>(T[] x, int offset, int outer, int r, int inner, bool max, T[]? values, long[]? indices) where T : unmanaged, INumber<T>
    {
        if (!ExtremeKernels.TryRun(x, offset, outer, r, inner, max, values, indices))
            ArgExtremeScalar(x, offset, outer, r, inner, max, values, indices);
    }

    /// <summary><see cref="ArgExtreme{T}"/> one element at a time.</summary>
    private static void ArgExtremeScalar<T>(T[] x, int offset, int outer, int r, int inner, bool max, T[]? values, long[]? indices)
        where T : unmanaged, INumber<T>
    {
        for (int o = 0; o < outer; o++)
            for (int i = 0; i < inner; i++)
                ExtremeAt(x, offset + o * r * inner + i, r, inner, max, values, indices, o * inner + i);
    }

    /// <summary>The extreme of r elements <paramref name="stride"/> apart from x[p] and its index, written at output <paramref name="at"/>.</summary>
    internal static void ExtremeAt<T>(T[] x, int p, int r, int stride, bool max, T[]? values, long[]? indices, int at)
        where T : unmanaged, INumber<T>
    {
        T best = x[p];
        int bestK = 0;
        if (!T.IsNaN(best))
        {
            p += stride;
            for (int k = 1; k < r; k++, p += stride)
            {
                T v = x[p];
                if (T.IsNaN(v)) { best = v; bestK = k; break; }
                if (max ? v > best : v < best) { best = v; bestK = k; }
            }
        }
        if (values is not null) values[at] = best;
        if (indices is not null) indices[at] = bestK;
    }

    public static void BoolAny(bool[] x, int offset, int outer, int r, int inner, bool all, bool[] y)
    {
        for (int o = 0; o < outer; o++)
            for (int i = 0; i < inner; i++)
            {
                int p = offset + o * r * inner + i;
                bool acc = all;
                for (int k = 0; k < r; k++, p += inner)
                {
                    if (all && !x[p]) { acc = false; break; }
                    if (!all && x[p]) { acc = true; break; }
                }
                y[o * inner + i] = acc;
            }
    }
}
