using Sharpgrad.Shapes;

namespace Sharpgrad.Ops;

/// <summary>
/// tril_indices, triu_indices, cartesian_prod, vander, linalg.vander, diagonal and diag_embed. cartesian_prod and the
/// vanders compose recorded ops as PyTorch does; diagonal is a view and diag_embed a copy, each with its own node
/// (in StructureOps.Nodes.cs).
/// </summary>
internal static class StructureOps
{
    // ---- tril_indices / triu_indices ----

    /// <summary>The integer (Int64 unless <paramref name="dtype"/> says Int32) [2, count] coordinates of the lower (<paramref name="lower"/>) or upper triangle of a [row, col] matrix, row-major.</summary>
    public static Tensor TriangleIndices(int row, int col, int offset, DType dtype, bool lower)
    {
        string name = lower ? "tril_indices" : "triu_indices";
        if (!dtype.IsIndex()) throw Errors.UnsupportedDType(name, dtype);
        if (row < 0) throw new ArgumentException($"row must be non-negative, got{row}");
        if (col < 0) throw new ArgumentException($"col must be non-negative, got{col}");
        var rows = new List<long>();
        var cols = new List<long>();
        for (long i = 0; i < row; i++)
            for (long j = 0; j < col; j++)
                if (lower ? j - i <= offset : j - i >= offset)
                {
                    rows.Add(i);
                    cols.Add(j);
                }
        rows.AddRange(cols);
        var indices = Tensor.FromArray(rows.ToArray(), [2, cols.Count]);
        if (dtype == DType.Int64) return indices;
        using (indices) return indices.To(dtype);
    }

    // ---- cartesian_prod ----

    /// <summary>cartesian_prod: the 1-D inputs' "ij" meshgrid, each grid flattened, stacked as columns (StackBackward0); one input is returned as is.</summary>
    public static Tensor CartesianProd(Tensor[] tensors)
    {
        foreach (var t in tensors)
        {
            t.ThrowIfDisposed();
            if (t.Dim != 1) throw new ArgumentException($"Expect a 1D vector, but got shape {Errors.Shape(t.Sizes)}");
        }
        if (tensors.Length == 1) return tensors[0];
        var grids = Tensor.Meshgrid(tensors, "ij");
        for (int i = 0; i < grids.Length; i++) grids[i] = grids[i].Flatten();
        return Tensor.Stack(grids, 1);
    }

    // ---- vander ----

    /// <summary>
    /// torch.vander: [len, n] powers of a 1-D x (integral and Bool give Int64) written as ones with the running products
    /// copied into columns 1.., flipped unless increasing (FlipBackward0, or CopySlices when increasing; none for n ≤ 1).
    /// </summary>
    public static Tensor Vander(Tensor x, int? n, bool increasing)
    {
        x.ThrowIfDisposed();
        if (x.Dim != 1) throw new ArgumentException("x must be a one-dimensional tensor.");
        int columns = n ?? x.Sizes[0];
        if (columns < 0) throw new ArgumentException("N must be non-negative.");
        var dtype = x.DType.IsFloatingPoint() ? x.DType : DType.Int64;
        var result = Tensor.Ones([x.Sizes[0], columns], dtype);
        if (columns > 1) result.Slice(1, 1, columns).Copy_(x.Unsqueeze(1).Expand(x.Sizes[0], columns - 1).Cumprod(1));
        return increasing ? result : result.Flip(1);
    }

    /// <summary>linalg.vander: increasing powers along a new last dim, a row of ones then running products (CatBackward0).</summary>
    public static Tensor LinalgVander(Tensor x, int? n)
    {
        x.ThrowIfDisposed();
        if (x.DType == DType.Bool) throw new ArgumentException("linalg.vander supports floating point, complex, and integer tensors, but got Bool");
        var x1 = x.Dim == 0 ? x.Unsqueeze(-1) : x;
        int columns = n ?? x1.Sizes[^1];
        if (columns <= 1) throw new ArgumentException("N must be greater than 1.");
        var shape = x1.Sizes.Append(columns - 1).ToArray();
        var powers = x1.Unsqueeze(-1).Expand(shape).Cumprod(-1);
        shape[^1] = 1;
        return Tensor.Cat([Tensor.Ones(shape, powers.DType), powers], -1);
    }

    // ---- diagonal / diag_embed ----

    /// <summary>diagonal: a view of the offset-th diagonal of the (dim1, dim2) planes, that dim last (DiagonalBackward0).</summary>
    public static Tensor Diagonal(Tensor x, int offset, int dim1, int dim2)
    {
        x.ThrowIfDisposed();
        var (d1, d2) = WrapPair(dim1, dim2, x.Dim);
        var (sizes, strides, start) = DiagonalLayout(x.Sizes, x.Strides, x.Offset, offset, d1, d2);
        var inputSizes = x.Sizes;
        return ViewOps.MakeView(x, sizes, strides, start, () => new DiagonalBackward0(inputSizes, offset, d1, d2));
    }

    /// <summary>
    /// diag_embed: each last-dim vector of x placed on the offset-th diagonal of a new (dim1, dim2) plane of size
    /// n + |offset| (dims of the result), zeros elsewhere (DiagEmbedBackward0).
    /// </summary>
    public static Tensor DiagEmbed(Tensor x, int offset, int dim1, int dim2)
    {
        x.ThrowIfDisposed();
        int ndim = x.Dim + 1;
        var (d1, d2) = WrapPair(dim1, dim2, ndim);
        int m = (x.Dim == 0 ? 1 : x.Sizes[^1]) + Math.Abs(offset);
        var outSizes = new int[ndim];
        for (int j = 0, k = 0; j < ndim; j++) outSizes[j] = j == d1 || j == d2 ? m : x.Sizes[k++];
        Tensor y;
        using (Autograd.NoGrad())
        using (Tensor.NewScope()) y = ScatterOnDiagonal(x, outSizes, offset, d1, d2).MoveToOuterScope();
        if (Record.ShouldRecord(x)) Record.SetHistory(y, Record.Connect(new DiagEmbedDimsBackward0(offset, d1, d2), x));
        return y;
    }

    /// <summary>Zeros of <paramref name="sizes"/> with <paramref name="values"/> (the diagonal's shape) on that diagonal; differentiable in values.</summary>
    internal static Tensor ScatterOnDiagonal(Tensor values, int[] sizes, int offset, int d1, int d2)
    {
        long numel = 1;
        foreach (int s in sizes) numel *= s;
        var (diagSizes, strides, start) = DiagonalLayout(sizes, Layout.ContiguousStrides(sizes), 0, offset, d1, d2);
        Tensor positions;
        using (Autograd.NoGrad()) positions = Tensor.Arange(numel).AsStrided(diagSizes, strides, start).Reshape(-1);
        return Tensor.Zeros([(int)numel], values.DType).IndexAdd(0, positions, values.Reshape(-1)).View(sizes);
    }

    private static (int, int) WrapPair(int dim1, int dim2, int ndim)
    {
        int d1 = Layout.WrapDim(dim1, ndim), d2 = Layout.WrapDim(dim2, ndim);
        if (d1 == d2) throw new ArgumentException($"diagonal dimensions cannot be identical {dim1}, {dim2}");
        return (d1, d2);
    }

    /// <summary>Sizes, strides and storage offset of the offset-th diagonal of dims (d1, d2): the other dims, then the diagonal.</summary>
    private static (int[] Sizes, int[] Strides, int Offset) DiagonalLayout(int[] sizes, int[] strides, int start, int offset, int d1, int d2)
    {
        int length = offset >= 0 ? Math.Max(0, Math.Min(sizes[d1], sizes[d2] - offset)) : Math.Max(0, Math.Min(sizes[d1] + offset, sizes[d2]));
        if (length > 0) start += offset >= 0 ? offset * strides[d2] : -offset * strides[d1];
        var outSizes = new List<int>(sizes.Length - 1);
        var outStrides = new List<int>(sizes.Length - 1);
        for (int i = 0; i < sizes.Length; i++)
            if (i != d1 && i != d2)
            {
                outSizes.Add(sizes[i]);
                outStrides.Add(strides[i]);
            }
        outSizes.Add(length);
        outStrides.Add(strides[d1] + strides[d2]);
        return (outSizes.ToArray(), outStrides.ToArray(), start);
    }
}
