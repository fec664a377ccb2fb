namespace Sharpgrad.Kernels.Cpu;

/// <summary>One run of a 2-D loop call: its length and each operand's offset (output, first input, second input).</summary>
internal interface IAtenRowKernel
{
    void Row(int y, int a, int b, int count);
}

/// <summary>
/// TensorIterator's walk over an element-wise op of two inputs, for kernels whose vector and scalar forms round
/// differently (so where ATen's vector loop starts and stops decides the bits): the dims sorted by the operands'
/// strides (reorder_dimensions), merged where every operand steps evenly across them (coalesce_dimensions), the
/// elements cut into at::parallel_for's pieces, and each piece into runs along the innermost dim, one vectorized_loop
/// call each. The output, when ATen allocates it, gets the strides that make it contiguous in that order.
/// </summary>
internal sealed class AtenIteration
{
    /// <summary>The coalesced sizes, innermost first.</summary>
    public readonly int[] Shape;

    /// <summary>Per operand (output, first input, second input), the strides along <see cref="Shape"/>.</summary>
    public readonly int[][] Strides;

    /// <summary>Where the output's logical dims step in memory (ATen's allocation, or the strides it was given).</summary>
    public readonly int[] OutputStrides;

    public readonly int Numel;

    private AtenIteration(int[] shape, int[][] strides, int[] outputStrides, int numel)
    {
        Shape = shape;
        Strides = strides;
        OutputStrides = outputStrides;
        Numel = numel;
    }

    /// <summary>The inner strides: output, first input, second input.</summary>
    public (int Y, int A, int B) InnerStrides => (Strides[0][0], Strides[1][0], Strides[2][0]);

    /// <summary>
    /// The walk over <paramref name="shape"/> for inputs a and b (their own shapes and strides, broadcast here as
    /// compute_strides does: 0 where a size-1 dim is stretched) and an output with <paramref name="outputStrides"/>
    /// (an in-place op's self), or null for one ATen allocates.
    /// </summary>
    public static AtenIteration Create(int[] shape, int[] aShape, int[] aStrides, int[] bShape, int[] bStrides, int[]? outputStrides)
    {
        int n = shape.Length, numel = 1;
        foreach (int s in shape) numel *= s;
        var a = Broadcast(shape, aShape, aStrides);
        var b = Broadcast(shape, bShape, bStrides);
        var perm = Order(shape, outputStrides, a, b);
        var pshape = new int[n];
        var strides = new int[3][];
        for (int k = 0; k < 3; k++) strides[k] = new int[n];
        for (int i = 0; i < n; i++)
        {
            pshape[i] = shape[perm[i]];
            strides[1][i] = a[perm[i]];
            strides[2][i] = b[perm[i]];
        }
        int[] logicalOut;
        if (outputStrides is null)
        {
            // ATen's compatible_stride: contiguous in the sorted order
            logicalOut = new int[n];
            for (int i = 0, next = 1; i < n; i++)
            {
                strides[0][i] = next;
                logicalOut[perm[i]] = next;
                next *= pshape[i];
            }
        }
        else
        {
            logicalOut = outputStrides;
            for (int i = 0; i < n; i++) strides[0][i] = outputStrides[perm[i]];
        }
        int rank = Coalesce(pshape, strides);
        if (rank == 0)
        {
            // a 0-dim result: one element, no stride anywhere
            return new AtenIteration([1], [[0], [0], [0]], logicalOut, numel);
        }
        return new AtenIteration(pshape[..rank], [strides[0][..rank], strides[1][..rank], strides[2][..rank]], logicalOut, numel);
    }

    /// <summary>Calls <paramref name="kernel"/> once per run of the innermost dim within elements [start, end) of the walk.</summary>
    public void Walk<TKernel>(ref TKernel kernel, int start, int end) where TKernel : struct, IAtenRowKernel
    {
        int rank = Shape.Length, inner = Shape[0];
        int[] sy = Strides[0], sa = Strides[1], sb = Strides[2];
        for (int i = start; i < end;)
        {
            int rest = i / inner, at = i - rest * inner;
            int y = at * sy[0], a = at * sa[0], b = at * sb[0];
            for (int d = 1; d < rank && rest > 0; d++)
            {
                int q = rest / Shape[d], idx = rest - q * Shape[d];
                y += idx * sy[d];
                a += idx * sa[d];
                b += idx * sb[d];
                rest = q;
            }
            int count = Math.Min(inner - at, end - i);
            kernel.Row(y, a, b, count);
            i += count;
        }
    }

    /// <summary>compute_strides: an operand's strides over the full shape, 0 on the dims it is broadcast along.</summary>
    private static int[] Broadcast(int[] shape, int[] opShape, int[] opStrides)
    {
        var s = new int[shape.Length];
        int offset = shape.Length - opShape.Length;
        for (int i = 0; i < opShape.Length; i++) s[offset + i] = opShape[i] == 1 && shape[offset + i] != 1 ? 0 : opStrides[i];
        return s;
    }

    /// <summary>
    /// reorder_dimensions: perm[i] is the logical dim at position i, innermost first; an insertion sort whose
    /// comparison asks each operand in turn (output first, when it has strides) and skips those broadcast along either dim.
    /// </summary>
    private static int[] Order(int[] shape, int[]? output, int[] a, int[] b)
    {
        int n = shape.Length;
        var perm = new int[n];
        for (int i = 0; i < n; i++) perm[i] = n - 1 - i;
        for (int i = 1; i < n; i++)
        {
            int dim1 = i;
            for (int dim0 = i - 1; dim0 >= 0; dim0--)
            {
                int c = ShouldSwap(shape, output, a, b, perm[dim0], perm[dim1]);
                if (c > 0)
                {
                    (perm[dim0], perm[dim1]) = (perm[dim1], perm[dim0]);
                    dim1 = dim0;
                }
                else if (c < 0) break;
            }
        }
        return perm;
    }

    /// <summary>1 when dim0 belongs outside dim1, −1 when inside, 0 when no operand says.</summary>
    private static int ShouldSwap(int[] shape, int[]? output, int[] a, int[] b, int dim0, int dim1)
    {
        for (int k = output is null ? 1 : 0; k < 3; k++)
        {
            var s = k == 0 ? output! : k == 1 ? a : b;
            int s0 = s[dim0], s1 = s[dim1];
            if (s0 == 0 || s1 == 0) continue;
            if (s0 < s1) return -1;
            if (s0 > s1) return 1;
            // equal strides: the smaller dim goes inside
            if (shape[dim0] > shape[dim1]) return 1;
        }
        return 0;
    }

    /// <summary>coalesce_dimensions: merges neighbours where either is size 1 or every operand steps evenly; returns the rank left.</summary>
    private static int Coalesce(int[] shape, int[][] strides)
    {
        int n = shape.Length;
        if (n <= 1) return n;
        int prev = 0;
        for (int dim = 1; dim < n; dim++)
        {
            if (CanCoalesce(shape, strides, prev, dim))
            {
                if (shape[prev] == 1)
                    foreach (var s in strides) s[prev] = s[dim];
                shape[prev] *= shape[dim];
            }
            else
            {
                prev++;
                if (prev != dim)
                {
                    foreach (var s in strides) s[prev] = s[dim];
                    shape[prev] = shape[dim];
                }
            }
        }
        return prev + 1;
    }

    private static bool CanCoalesce(int[] shape, int[][] strides, int dim0, int dim1)
    {
        if (shape[dim0] == 1 || shape[dim1] == 1) return true;
        foreach (var s in strides)
            if (shape[dim0] * s[dim0] != s[dim1]) return false;
        return true;
    }
}
