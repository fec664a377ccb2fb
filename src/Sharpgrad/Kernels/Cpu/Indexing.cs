namespace Sharpgrad.Kernels.Cpu;

/// <summary>Index gathers and their scatter-add adjoints, on contiguous [outer, size, inner] blocks.</summary>
internal static class Indexing
{
    /// <summary>y[o, j, i] = x[o, index[j], i] (index_select along the middle axis).</summary>
    public static void IndexSelect<T>(T[] x, int xOffset, int outer, int size, int inner, long[] index, int indexOffset, int count, T[] y)
    {
        for (int o = 0; o < outer; o++)
            for (int j = 0; j < count; j++)
            {
                int src = xOffset + (o * size + (int)index[indexOffset + j]) * inner;
                Array.Copy(x, src, y, (o * count + j) * inner, inner);
            }
    }

    /// <summary>y[o, index[j], i] += g[o, j, i] (the adjoint of IndexSelect).</summary>
    public static void IndexAdd<T>(T[] g, int outer, int count, int inner, long[] index, int indexOffset, T[] y, int size) where T : System.Numerics.INumber<T>
    {
        for (int o = 0; o < outer; o++)
            for (int j = 0; j < count; j++)
            {
                int dst = (o * size + (int)index[indexOffset + j]) * inner;
                int src = (o * count + j) * inner;
                for (int i = 0; i < inner; i++) y[dst + i] += g[src + i];
            }
    }

    /// <summary>y[o, j, i] = x[o, index[o, j, i], i] (gather along the middle axis; index is [outer, count, inner]).</summary>
    public static void Gather<T>(T[] x, int xOffset, int outer, int size, int inner, long[] index, int count, T[] y)
    {
        for (int o = 0; o < outer; o++)
            for (int j = 0; j < count; j++)
                for (int i = 0; i < inner; i++)
                {
                    int p = (o * count + j) * inner + i;
                    y[p] = x[xOffset + (o * size + (int)index[p]) * inner + i];
                }
    }

    /// <summary>y[o, index[o, j, i], i] += g[o, j, i] (the adjoint of Gather).</summary>
    public static void ScatterAdd<T>(T[] g, int outer, int count, int inner, long[] index, T[] y, int size) where T : System.Numerics.INumber<T>
    {
        for (int o = 0; o < outer; o++)
            for (int j = 0; j < count; j++)
                for (int i = 0; i < inner; i++)
                {
                    int p = (o * count + j) * inner + i;
                    y[(o * size + (int)index[p]) * inner + i] += g[p];
                }
    }
}

/// <summary>Gather/scatter along one dim for any index shape, walking the index's coordinates.</summary>
internal static class GatherScatter
{
    /// <summary>y[p] = x[coords(p) with coords[dim] = index[p]]; index and y contiguous with the same shape.</summary>
    public static void Gather<T>(T[] x, int xOffset, int[] xStrides, int[] xSizes, long[] index, int indexOffset, int[] shape, int dim, T[] y)
    {
        int nd = shape.Length, n = 1;
        foreach (int s in shape) n *= s;
        var coord = new int[nd];
        for (int p = 0; p < n; p++)
        {
            long i = index[indexOffset + p];
            if (i < 0 || i >= xSizes[dim]) throw Errors.IndexOutOfBounds(i, dim, xSizes[dim]);
            int src = xOffset;
            for (int d = 0; d < nd; d++) src += (d == dim ? (int)i : coord[d]) * xStrides[d];
            y[p] = x[src];
            Advance(coord, shape);
        }
    }

    private static void Advance(int[] coord, int[] shape)
    {
        for (int d = coord.Length - 1; d >= 0; d--)
        {
            if (++coord[d] < shape[d]) return;
            coord[d] = 0;
        }
    }
}
