namespace Sharpgrad.Kernels.Cpu;

/// <summary>
/// Geometry of up to three operands iterated together: dims are coalesced where every operand
/// is contiguous across them, so most loops end up one long inner run handed to a span path.
/// </summary>
internal sealed class LoopGeometry
{
    public int Rank;             // after coalescing, at least 1
    public readonly int[] Shape;
    public readonly int[][] Strides;
    public readonly int[] Offsets;

    public LoopGeometry(ReadOnlySpan<int> shape, int operands)
    {
        int nd = Math.Max(shape.Length, 1);
        Shape = new int[nd];
        Strides = new int[operands][];
        for (int i = 0; i < operands; i++) Strides[i] = new int[nd];
        Offsets = new int[operands];
    }

    /// <summary>Builds the coalesced geometry of operands with the given strides (already broadcast to shape).</summary>
    public static LoopGeometry Create(ReadOnlySpan<int> shape, ReadOnlySpan<int> s0, int o0, ReadOnlySpan<int> s1, int o1, ReadOnlySpan<int> s2, int o2, int operands)
    {
        var g = new LoopGeometry(shape, operands);
        g.Offsets[0] = o0;
        if (operands > 1) g.Offsets[1] = o1;
        if (operands > 2) g.Offsets[2] = o2;
        int r = 0;
        for (int d = 0; d < shape.Length; d++)
        {
            int size = shape[d];
            if (size == 1) continue;
            if (r > 0 && CanMerge(g, r - 1, size, s0[d], operands > 1 ? s1[d] : 0, operands > 2 ? s2[d] : 0, operands))
            {
                g.Shape[r - 1] *= size;
                g.Strides[0][r - 1] = s0[d];
                if (operands > 1) g.Strides[1][r - 1] = s1[d];
                if (operands > 2) g.Strides[2][r - 1] = s2[d];
                continue;
            }
            g.Shape[r] = size;
            g.Strides[0][r] = s0[d];
            if (operands > 1) g.Strides[1][r] = s1[d];
            if (operands > 2) g.Strides[2][r] = s2[d];
            r++;
        }
        if (r == 0)
        {
            g.Shape[0] = 1;
            g.Strides[0][0] = 1;
            if (operands > 1) g.Strides[1][0] = 1;
            if (operands > 2) g.Strides[2][0] = 1;
            r = 1;
        }
        g.Rank = r;
        return g;
    }

    private static bool CanMerge(LoopGeometry g, int prev, int size, int t0, int t1, int t2, int operands)
    {
        // dim prev (outer) followed by the new dim (inner): mergeable if stride[prev] == stride[new] * size
        if (g.Strides[0][prev] != t0 * size) return false;
        if (operands > 1 && g.Strides[1][prev] != t1 * size) return false;
        if (operands > 2 && g.Strides[2][prev] != t2 * size) return false;
        return true;
    }

    public int Inner => Shape[Rank - 1];

    public int OuterCount
    {
        get
        {
            int n = 1;
            for (int d = 0; d < Rank - 1; d++) n *= Shape[d];
            return n;
        }
    }

    /// <summary>Offsets of each operand at the start of outer row <paramref name="outer"/>.</summary>
    public void RowOffsets(int outer, out int p0, out int p1, out int p2)
    {
        p0 = Offsets[0];
        p1 = Offsets.Length > 1 ? Offsets[1] : 0;
        p2 = Offsets.Length > 2 ? Offsets[2] : 0;
        for (int d = Rank - 2; d >= 0; d--)
        {
            int size = Shape[d];
            int idx = outer % size;
            outer /= size;
            p0 += idx * Strides[0][d];
            if (Offsets.Length > 1) p1 += idx * Strides[1][d];
            if (Offsets.Length > 2) p2 += idx * Strides[2][d];
        }
    }
}
