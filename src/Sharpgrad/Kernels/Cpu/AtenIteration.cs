using System.Runtime.CompilerServices;

namespace Sharpgrad.Kernels.Cpu;

/// <summary>
/// The order in which ATen's TensorIterator visits an element-wise op, for kernels whose bits depend on where a loop
/// starts (the vector/scalar split of cpu_kernel_vec, the per-vector reduction choice of SLEEF's trigonometric
/// functions). The dimensions are sorted by the operands' strides (reorder_dimensions: the inputs', preceded by the
/// output's when the iterator is given its output instead of allocating it, as for an in-place op), the leading
/// ones merged where every such operand allows (coalesce_dimensions: the merged run is what the inner loop is handed), and the
/// linear range is cut into at::parallel_for's pieces, each walked as rows of that run (serial_for_each), a row cut
/// where a piece ends. The strides that decide the order are the ones PyTorch would see (<c>model</c>); the elements
/// are read and written through each operand's own strides, which may differ (Sharpgrad's outputs are contiguous in
/// the op's logical order, PyTorch's follow the inputs' layout).
/// </summary>
internal sealed class AtenIteration
{
    private readonly int[] _sizes;
    private readonly int[][] _strides;
    private readonly int[] _offsets;
    private readonly int[] _unitRun;
    private readonly int[] _rowModelStride;

    /// <summary>Elements in all.</summary>
    public int Count { get; }

    /// <summary>The length of the merged innermost run, the most one call of the inner loop gets.</summary>
    public int Row { get; }

    /// <param name="shape">The op's (broadcast) shape.</param>
    /// <param name="strides">Each operand's strides in memory, broadcast to <paramref name="shape"/> (operand 0 the output).</param>
    /// <param name="offsets">Each operand's offset in its buffer.</param>
    /// <param name="model">Each input's strides as PyTorch sees them, broadcast (input i is operand i + 1).</param>
    /// <param name="output">
    /// The output's strides as PyTorch sees them when the iterator is given the output (an in-place op's self, the
    /// contiguous temporary of a cast result); null for an output it allocates, which follows the inputs' order.
    /// </param>
    public AtenIteration(ReadOnlySpan<int> shape, int[][] strides, int[] offsets, int[][] model, int[]? output = null)
    {
        int kept = 0, count = 1;
        foreach (int s in shape)
        {
            count *= s;
            if (s != 1) kept++;
        }
        Count = count;
        // fastest first, as TensorIterator holds them; size-1 dimensions never change the order of the others' elements
        Span<int> perm = stackalloc int[kept];
        for (int d = shape.Length - 1, k = 0; d >= 0; d--)
            if (shape[d] != 1) perm[k++] = d;
        // TensorIterator asks a given output first, then the inputs in order
        int[][] ordering = output is null ? model : [output, .. model];
        SortByStrides(perm, shape, ordering);
        _sizes = new int[kept];
        _strides = new int[strides.Length][];
        for (int op = 0; op < strides.Length; op++) _strides[op] = new int[kept];
        for (int k = 0; k < kept; k++)
        {
            _sizes[k] = shape[perm[k]];
            for (int op = 0; op < strides.Length; op++) _strides[op][k] = strides[op][perm[k]];
        }
        _offsets = offsets;
        _rowModelStride = new int[model.Length];
        int row = kept == 0 ? 1 : _sizes[0];
        for (int i = 0; i < model.Length; i++) _rowModelStride[i] = kept == 0 ? 0 : model[i][perm[0]];
        for (int k = 1; k < kept && CanMerge(ordering, perm, row, k); k++) row *= _sizes[k];
        Row = row;
        _unitRun = new int[strides.Length];
        for (int op = 0; op < strides.Length; op++)
        {
            int run = 1;
            for (int k = 0; k < kept && _strides[op][k] == run; k++) run *= _sizes[k];
            _unitRun[op] = run;
        }
    }

    /// <summary>Input <paramref name="input"/>'s stride along the merged run as PyTorch sees it (0 when broadcast along it).</summary>
    public int RowStride(int input) => _rowModelStride[input];

    /// <summary>
    /// TensorIterator::reorder_dimensions: an insertion sort in which the first operand with distinct nonzero strides
    /// for two dimensions orders them (equal strides: the smaller size first), and a pair no operand orders stays as it is.
    /// </summary>
    private static void SortByStrides(Span<int> perm, ReadOnlySpan<int> shape, int[][] model)
    {
        for (int i = 1; i < perm.Length; i++)
        {
            int dim1 = i;
            for (int dim0 = i - 1; dim0 >= 0; dim0--)
            {
                int c = Compare(perm[dim0], perm[dim1], shape, model);
                if (c > 0)
                {
                    (perm[dim0], perm[dim1]) = (perm[dim1], perm[dim0]);
                    dim1 = dim0;
                }
                else if (c < 0) break;
            }
        }
    }

    private static int Compare(int dim0, int dim1, ReadOnlySpan<int> shape, int[][] model)
    {
        foreach (var strides in model)
        {
            int s0 = strides[dim0], s1 = strides[dim1];
            if (s0 == 0 || s1 == 0) continue;
            if (s0 < s1) return -1;
            if (s0 > s1) return 1;
            if (shape[dim0] > shape[dim1]) return 1;
        }
        return 0;
    }

    /// <summary>Whether kept dimension k merges into the run of <paramref name="row"/> elements before it for every ordering operand.</summary>
    private bool CanMerge(int[][] model, ReadOnlySpan<int> perm, int row, int k)
    {
        foreach (var strides in model)
            if ((long)row * strides[perm[0]] != strides[perm[k]]) return false;
        return true;
    }

    /// <summary>
    /// Runs body(start, end) over at::parallel_for's pieces of the linear range with <paramref name="grain"/> (in
    /// parallel above the element-wise grain); the body walks its piece's rows with <see cref="RowEnd"/>.
    /// </summary>
    public void ForPieces(int grain, Action<int, int> body)
    {
        if (Count == 0) return;
        IntraOp.ForAtenPieces(Count, grain, Count >= IntraOp.ElementwiseGrain, (_, start, end) => body(start, end));
    }

    /// <summary>Where the row segment starting at <paramref name="position"/> ends: the run's end, or the piece's (<paramref name="end"/>).</summary>
    public int RowEnd(int position, int end) => Math.Min(end, (position / Row + 1) * Row);

    /// <summary>Whether operand <paramref name="op"/>'s elements [start, start + length) lie one after another in memory, and where they start.</summary>
    public bool IsRun(int op, int start, int length, out int offset)
    {
        offset = 0;
        int unit = _unitRun[op];
        if (start / unit != (start + length - 1) / unit) return false;
        offset = OffsetOf(op, start);
        return true;
    }

    /// <summary>Operand <paramref name="op"/>'s elements [start, start + dst.Length) copied into <paramref name="dst"/>.</summary>
    public void Gather<T>(int op, T[] data, int start, Span<T> dst) => Walk(op, data, start, dst, gather: true);

    /// <summary><paramref name="src"/> written to operand <paramref name="op"/>'s elements [start, start + src.Length).</summary>
    public void Scatter<T>(int op, T[] data, int start, Span<T> src) => Walk(op, data, start, src, gather: false);

    private int OffsetOf(int op, int linear)
    {
        int offset = _offsets[op];
        for (int k = 0; k < _sizes.Length; k++)
        {
            offset += linear % _sizes[k] * _strides[op][k];
            linear /= _sizes[k];
        }
        return offset;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Walk<T>(int op, T[] data, int start, Span<T> buffer, bool gather)
    {
        int rank = _sizes.Length;
        int[] strides = _strides[op];
        if (rank == 0)
        {
            if (gather) buffer.Fill(data[_offsets[op]]);
            else if (buffer.Length > 0) data[_offsets[op]] = buffer[^1];
            return;
        }
        Span<int> index = stackalloc int[rank];
        int offset = _offsets[op], linear = start;
        for (int k = 0; k < rank; k++)
        {
            index[k] = linear % _sizes[k];
            offset += index[k] * strides[k];
            linear /= _sizes[k];
        }
        int n0 = _sizes[0], s0 = strides[0];
        for (int i = 0; i < buffer.Length;)
        {
            int run = Math.Min(n0 - index[0], buffer.Length - i);
            if (gather)
            {
                if (s0 == 1) data.AsSpan(offset, run).CopyTo(buffer.Slice(i, run));
                else for (int j = 0; j < run; j++) buffer[i + j] = data[offset + j * s0];
            }
            else
            {
                if (s0 == 1) buffer.Slice(i, run).CopyTo(data.AsSpan(offset, run));
                else for (int j = 0; j < run; j++) data[offset + j * s0] = buffer[i + j];
            }
            i += run;
            offset += run * s0;
            index[0] += run;
            if (index[0] < n0) continue;
            offset -= n0 * s0;
            index[0] = 0;
            for (int k = 1; k < rank; k++)
            {
                offset += strides[k];
                if (++index[k] < _sizes[k]) break;
                offset -= _sizes[k] * strides[k];
                index[k] = 0;
            }
        }
    }

    /// <summary>
    /// The strides PyTorch's copy of a tensor in another dtype has (Tensor.to keeps the layout of a dense tensor
    /// without overlaps, and is contiguous otherwise): how TensorIterator sees an input it casts to the common dtype.
    /// </summary>
    public static int[] CastStrides(ReadOnlySpan<int> sizes, ReadOnlySpan<int> strides)
    {
        Span<int> order = stackalloc int[sizes.Length];
        int kept = 0;
        for (int d = 0; d < sizes.Length; d++)
            if (sizes[d] != 1) order[kept++] = d;
        order = order[..kept];
        for (int i = 1; i < kept; i++)
            for (int j = i; j > 0 && strides[order[j]] < strides[order[j - 1]]; j--)
                (order[j], order[j - 1]) = (order[j - 1], order[j]);
        bool dense = true;
        int expected = 1;
        foreach (int d in order)
        {
            if (strides[d] != expected) dense = false;
            expected *= sizes[d];
        }
        if (dense) return strides.ToArray();
        var contiguous = new int[sizes.Length];
        for (int d = sizes.Length - 1, s = 1; d >= 0; d--)
        {
            contiguous[d] = s;
            s *= sizes[d];
        }
        return contiguous;
    }
}
