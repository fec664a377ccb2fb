using System.Numerics;

namespace Sharpgrad.Kernels.Cpu;

/// <summary>How scatter combines a source value with the destination.</summary>
internal enum ScatterMode : byte
{
    Set,
    Add,
    Multiply,
    Mean,
    Max,
    Min,
}

/// <summary>scatter / scatter_reduce along one dim, and index_copy / index_fill / index_put along the middle of [outer, size, inner].</summary>
internal static class ScatterKernels
{
    /// <summary>
    /// y[coords(p) with coords[dim] = index[p]] (mode)= src[coords(p)] (or <paramref name="value"/> when src is null);
    /// y contiguous of <paramref name="ySizes"/>, index contiguous of <paramref name="shape"/> with in-range entries, src strided.
    /// Without <paramref name="includeSelf"/> the destinations start from the reduction's identity; Mean divides by the count.
    /// </summary>
    public static void Scatter<T>(T[] y, int[] ySizes, long[] index, int indexOffset, int[] shape, int dim,
        T[]? src, int[] srcStrides, int srcOffset, T value, ScatterMode mode, bool includeSelf) where T : INumber<T>
    {
        int nd = shape.Length, n = 1;
        foreach (int s in shape) n *= s;
        var yStrides = Shapes.Layout.ContiguousStrides(ySizes);
        var coord = new int[nd];
        int[]? counts = mode == ScatterMode.Mean ? new int[y.Length] : null;
        if (!includeSelf && mode != ScatterMode.Set)
        {
            T identity = mode switch
            {
                ScatterMode.Multiply => T.One,
                ScatterMode.Max => T.CreateSaturating(double.NegativeInfinity),
                ScatterMode.Min => T.CreateSaturating(double.PositiveInfinity),
                _ => T.Zero,
            };
            for (int p = 0; p < n; p++)
            {
                y[Destination(index[indexOffset + p], coord, yStrides, dim)] = identity;
                Advance(coord, shape);
            }
        }
        for (int p = 0; p < n; p++)
        {
            int dst = Destination(index[indexOffset + p], coord, yStrides, dim);
            T v = value;
            if (src is not null)
            {
                int s = srcOffset;
                for (int d = 0; d < nd; d++) s += coord[d] * srcStrides[d];
                v = src[s];
            }
            switch (mode)
            {
                case ScatterMode.Set: y[dst] = v; break;
                case ScatterMode.Add: y[dst] += v; break;
                case ScatterMode.Mean: y[dst] += v; counts![dst]++; break;
                case ScatterMode.Multiply: y[dst] *= v; break;
                case ScatterMode.Max: if (!T.IsNaN(y[dst]) && (T.IsNaN(v) || v > y[dst])) y[dst] = v; break;
                case ScatterMode.Min: if (!T.IsNaN(y[dst]) && (T.IsNaN(v) || v < y[dst])) y[dst] = v; break;
            }
            Advance(coord, shape);
        }
        if (counts is null) return;
        bool integral = typeof(T) == typeof(long);
        for (int i = 0; i < y.Length; i++)
        {
            if (counts[i] == 0) continue;
            T c = T.CreateChecked(counts[i] + (includeSelf ? 1 : 0));
            T q = y[i] / c;
            if (integral && !T.IsZero(y[i] % c) && T.IsNegative(y[i])) q -= T.One; // floor division, as PyTorch's integral mean
            y[i] = q;
        }
    }

    private static int Destination(long i, int[] coord, int[] yStrides, int dim)
    {
        int dst = 0;
        for (int d = 0; d < coord.Length; d++) dst += (d == dim ? (int)i : coord[d]) * yStrides[d];
        return dst;
    }

    private static void Advance(int[] coord, int[] shape)
    {
        for (int d = coord.Length - 1; d >= 0; d--)
        {
            if (++coord[d] < shape[d]) return;
            coord[d] = 0;
        }
    }

    /// <summary>
    /// y[o, index[j], i] = src[o, j, i] (or += when accumulating; <paramref name="value"/> when src is null);
    /// y contiguous [outer, size, inner], src contiguous [outer, count, inner], index entries in range.
    /// </summary>
    public static void IndexWrite<T>(T[] y, int outer, int size, int inner, long[] index, T[]? src, int srcOffset, T value, bool accumulate) where T : INumber<T>
    {
        int count = index.Length;
        for (int o = 0; o < outer; o++)
            for (int j = 0; j < count; j++)
            {
                int dst = (o * size + (int)index[j]) * inner;
                int s = srcOffset + (o * count + j) * inner;
                for (int i = 0; i < inner; i++)
                {
                    T v = src is null ? value : src[s + i];
                    if (accumulate) y[dst + i] += v;
                    else y[dst + i] = v;
                }
            }
    }
}
