using System.Numerics;
using Sharpgrad.Shapes;

namespace Sharpgrad.Ops;

/// <summary>unique and unique_consecutive, over all elements or over the slices along a dim.</summary>
internal static class UniqueOps
{
    /// <summary>
    /// unique: the distinct elements (or slices along <paramref name="dim"/>) in ascending order, with the Int64 inverse
    /// (each input element's position in the output) and counts. As PyTorch's CPU kernel, the result is sorted whatever
    /// <paramref name="sorted"/> says; each NaN is distinct and sorts last. The output records Unique2Backward0
    /// (UniqueDimBackward0 with a dim), which has no derivative.
    /// </summary>
    public static (Tensor Values, Tensor? Inverse, Tensor? Counts) Unique(Tensor x, bool sorted, bool returnInverse, bool returnCounts, int? dim)
    {
        _ = sorted;
        var node = dim is null ? new NotDifferentiableBackward("Unique2Backward0", "_unique2") : new NotDifferentiableBackward("UniqueDimBackward0", "unique_dim");
        return Run(x, dim, sort: true, node, returnInverse, returnCounts);
    }

    /// <summary>unique_consecutive: each run of equal elements (or slices along <paramref name="dim"/>) kept once (UniqueConsecutiveBackward0, no derivative).</summary>
    public static (Tensor Values, Tensor? Inverse, Tensor? Counts) UniqueConsecutive(Tensor x, bool returnInverse, bool returnCounts, int? dim) =>
        Run(x, dim, sort: false, new NotDifferentiableBackward("UniqueConsecutiveBackward0", "unique_consecutive"), returnInverse, returnCounts);

    private static (Tensor Values, Tensor? Inverse, Tensor? Counts) Run(Tensor x, int? dim, bool sort, Node node, bool returnInverse, bool returnCounts)
    {
        x.ThrowIfDisposed();
        Tensor values, inverse, counts;
        using (Autograd.NoGrad())
        {
            if (dim is null)
            {
                var flat = x.Reshape(-1);
                var (first, inv, cnt) = Groups(flat.View(flat.Numel, 1), sort, nanLast: true);
                values = flat.IndexSelect(0, first);
                inverse = inv.View(x.Sizes);
                counts = cnt;
            }
            else
            {
                if (x.Dim == 0) throw new ArgumentOutOfRangeException(nameof(dim), $"Dimension specified as {dim} but tensor has no dimensions");
                int d = Layout.WrapDim(dim.Value, x.Dim);
                if (x.Numel == 0)
                {
                    int zeros = 0;
                    foreach (int s in x.Sizes) if (s == 0) zeros++;
                    if (zeros != 1) throw new InvalidOperationException("Number of zero sized dimensions is more than one, so unique cannot be applied ");
                    if (x.Sizes[d] != 0) throw new InvalidOperationException("There are 0 sized dimensions, and they aren't selected, so unique cannot be applied");
                }
                var order = new int[x.Dim];
                order[0] = d;
                for (int i = 0, j = 1; i < x.Dim; i++) if (i != d) order[j++] = i;
                int width = 1;
                for (int i = 0; i < x.Dim; i++) if (i != d) width *= x.Sizes[i];
                var rows = x.Permute(order).Reshape(x.Sizes[d], width);
                var (first, inv, cnt) = Groups(rows, sort, nanLast: false);
                values = x.IndexSelect(d, first);
                inverse = inv;
                counts = cnt;
            }
        }
        if (Record.ShouldRecord(x)) Record.SetHistory(values, Record.Connect(node, x));
        return (values, returnInverse ? inverse : null, returnCounts ? counts : null);
    }

    /// <summary>
    /// The groups of equal rows of the [n, width] <paramref name="rows"/> (in sorted order when <paramref name="sort"/>,
    /// else runs of consecutive rows): each group's first row, each row's group and each group's size, all Int64.
    /// </summary>
    private static (Tensor First, Tensor Inverse, Tensor Counts) Groups(Tensor rows, bool sort, bool nanLast)
    {
        int n = rows.Sizes[0], width = rows.Sizes[1];
        if (rows.DType.IsFloatingPoint())
            return Groups(rows.To(DType.Float64).Contiguous().ToArray<double>(), n, width, sort, nanLast);
        return Groups(rows.To(DType.Int64).Contiguous().ToArray<long>(), n, width, sort, nanLast);
    }

    private static (Tensor First, Tensor Inverse, Tensor Counts) Groups<T>(T[] data, int n, int width, bool sort, bool nanLast) where T : INumber<T>
    {
        var order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        if (sort)
        {
            // Stable: rows that compare equal keep their input order. One element at a time: NaN last (unique);
            // rows: lexicographic by < and > only, so NaN ties with anything (unique_dim's comparator).
            int Compare(int a, int b)
            {
                for (int k = 0; k < width; k++)
                {
                    T l = data[a * width + k], r = data[b * width + k];
                    if (nanLast && (T.IsNaN(l) || T.IsNaN(r)))
                    {
                        int c = T.IsNaN(l) ? (T.IsNaN(r) ? 0 : 1) : -1;
                        if (c != 0) return c;
                    }
                    else if (l < r) return -1;
                    else if (l > r) return 1;
                }
                return a.CompareTo(b);
            }
            Array.Sort(order, Compare);
        }
        var first = new List<long>();
        var counts = new List<long>();
        var inverse = new long[n];
        for (int k = 0; k < n; k++)
        {
            if (k == 0 || !RowsEqual(data, order[k - 1], order[k], width))
            {
                first.Add(order[k]);
                counts.Add(0);
            }
            counts[^1]++;
            inverse[order[k]] = first.Count - 1;
        }
        return (Tensor.FromArray(first.ToArray()), Tensor.FromArray(inverse), Tensor.FromArray(counts.ToArray()));
    }

    /// <summary>Element-wise equality of two rows (a NaN equals nothing, so NaN rows never merge).</summary>
    private static bool RowsEqual<T>(T[] data, int a, int b, int width) where T : INumber<T>
    {
        for (int k = 0; k < width; k++)
            if (data[a * width + k] != data[b * width + k]) return false;
        return true;
    }
}

/// <summary>A recorded op PyTorch gives no derivative: backward through it throws PyTorch's NotImplementedError message.</summary>
internal sealed class NotDifferentiableBackward(string name, string op) : Node
{
    public override string Name => name;
    internal override Tensor?[] Apply(Tensor grad) => throw new InvalidOperationException($"the derivative for '{op}' is not implemented.");
}
