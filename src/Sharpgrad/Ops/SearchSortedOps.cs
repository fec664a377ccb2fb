using System.Numerics;
using Sharpgrad.Shapes;

namespace Sharpgrad.Ops;

/// <summary>searchsorted and bucketize: binary search of values in sorted boundaries.</summary>
internal static class SearchSortedOps
{
    /// <summary>
    /// searchsorted: for each value, the Int64 position in the innermost dim of <paramref name="sorted"/> (a 1-D sequence
    /// for all values, or one row per leading index of the values) at which it would be inserted: before equal
    /// elements (left) or after them (right). The two inputs compare in their promoted dtype; NaN compares false with
    /// everything (PyTorch's bounds use !(b &gt;= v) and !(b &gt; v)). Not recorded.
    /// </summary>
    public static Tensor SearchSorted(Tensor sorted, Tensor values, bool right, string? side, Tensor? sorter, bool outInt32 = false)
    {
        sorted.ThrowIfDisposed();
        values.ThrowIfDisposed();
        sorter?.ThrowIfDisposed();
        if (side is not null)
        {
            if (side != "left" && side != "right")
                throw new ArgumentException($"torch.searchsorted(): side can only be 'left' or 'right' but got {side}");
            if (right && side == "left")
                throw new ArgumentException("torch.searchsorted(): side and right can't be set to opposites, got side of left while right was True");
            right = side == "right";
        }
        if (sorted.Dim == 0)
            throw new ArgumentException($"torch.searchsorted(): boundaries tensor should have positive dimension, but got 0 dimension");
        if (sorted.Dim > 1 && (values.Dim != sorted.Dim || !sorted.Sizes.AsSpan(0, sorted.Dim - 1).SequenceEqual(values.Sizes.AsSpan(0, sorted.Dim - 1))))
            throw new ArgumentException("torch.searchsorted(): boundaries tensor should be 1 dimension or the first N-1 dimensions of boundaries tensor " +
                $"and input value tensor must match, but we got boundaries tensor {Show(sorted.Sizes)} and input value tensor {Show(values.Sizes)}");
        if (sorter is not null && !sorter.Sizes.AsSpan().SequenceEqual(sorted.Sizes))
            throw new ArgumentException($"torch.searchsorted(): boundary and sorter must have the same size, but got boundary tensor {Show(sorted.Sizes)}and got sorter tensor {Show(sorter.Sizes)}");
        var common = TypePromotion.Result(sorted, values);
        if (common == DType.Bool) throw Errors.UnsupportedDType("searchsorted_out_cpu", DType.Bool);
        int m = sorted.Sizes[^1];
        // one row of boundaries for all values (1-D), else one per leading index, shared by the values' innermost dim
        int rows = 1, perRow = values.Numel;
        if (sorted.Dim > 1)
        {
            perRow = values.Sizes[^1];
            for (int i = 0; i < sorted.Dim - 1; i++) rows *= sorted.Sizes[i];
        }
        long[] result;
        using (Autograd.NoGrad())
        using (Tensor.NewScope())
        {
            var b = sorter is null ? sorted : sorted.Gather(-1, sorter);
            result = common == DType.Int64
                ? Search(Flat<long>(b, common), Flat<long>(values, common), rows, m, perRow, right)
                : Search(Flat<double>(b, common), Flat<double>(values, common), rows, m, perRow, right);
        }
        var positions = Tensor.FromArray(result, values.Sizes.ToArray());
        if (!outInt32) return positions;
        using (positions) return positions.To(DType.Int32);
    }

    /// <summary>bucketize: searchsorted of <paramref name="input"/> in 1-D <paramref name="boundaries"/>.</summary>
    public static Tensor Bucketize(Tensor input, Tensor boundaries, bool right, bool outInt32 = false)
    {
        boundaries.ThrowIfDisposed();
        if (boundaries.Dim != 1)
            throw new ArgumentException($"boundaries tensor must be 1 dimension, but got dim({boundaries.Dim})");
        return SearchSorted(boundaries, input, right, null, null, outInt32);
    }

    /// <summary>The elements in row-major order after conversion to the promoted dtype, then to T (exact for both dtypes).</summary>
    private static T[] Flat<T>(Tensor t, DType common) where T : unmanaged =>
        t.To(common).To(DTypeExtensions.Of<T>()).Contiguous().ToArray<T>();

    private static long[] Search<T>(T[] b, T[] v, int rows, int m, int perRow, bool right) where T : INumber<T>
    {
        var result = new long[v.Length];
        for (int r = 0; r < rows; r++)
        {
            int bs = r * m;
            for (int j = 0; j < perRow; j++)
            {
                int at = r * perRow + j;
                T val = v[at];
                int start = 0, end = m;
                while (start < end)
                {
                    int mid = start + ((end - start) >> 1);
                    T mv = b[bs + mid];
                    if (right ? !(mv > val) : !(mv >= val)) start = mid + 1;
                    else end = mid;
                }
                result[at] = start;
            }
        }
        return result;
    }

    private static string Show(int[] sizes) => "[" + string.Join(", ", sizes) + "]";
}
