using Sharpgrad.Shapes;

namespace Sharpgrad.Ops;

/// <summary>cdist: p-norm distances between each row of x1 and each row of x2, batched over the leading dims.</summary>
internal static class CdistOps
{
    /// <summary>
    /// cdist(x1 [..., P, M], x2 [..., R, M], p): [..., P, R] with the batch dims broadcast. p = 0 counts the differing
    /// coordinates, p = ∞ takes the largest difference. As PyTorch with its default compute mode, p = 2 with more than 25
    /// rows on either side takes the matrix-product path: its result is a view (ViewBackward0) of EuclideanDistBackward0;
    /// otherwise CdistBackward0.
    /// </summary>
    public static Tensor Cdist(Tensor x1, Tensor x2, double p)
    {
        x1.ThrowIfDisposed();
        x2.ThrowIfDisposed();
        if (x1.Dim < 2) throw new ArgumentException($"cdist only supports at least 2D tensors, X1 got: {x1.Dim}D");
        if (x2.Dim < 2) throw new ArgumentException($"cdist only supports at least 2D tensors, X2 got: {x2.Dim}D");
        int m = x1.Sizes[^1];
        if (m != x2.Sizes[^1]) throw new ArgumentException($"X1 and X2 must have the same number of columns. X1: {m} X2: {x2.Sizes[^1]}");
        if (!x1.DType.IsFloatingPoint()) throw new ArgumentException($"cdist only supports floating-point dtypes, X1 got: {Errors.Pretty(x1.DType)}");
        if (!x2.DType.IsFloatingPoint()) throw new ArgumentException($"cdist only supports floating-point dtypes, X2 got: {Errors.Pretty(x2.DType)}");
        if (!(p >= 0)) throw new ArgumentException("cdist only supports non-negative p values");
        var batch = Layout.Broadcast(x1.Sizes.AsSpan(0, x1.Dim - 2), x2.Sizes.AsSpan(0, x2.Dim - 2));
        if (x1.DType != x2.DType)
            throw new ArgumentException($"expected scalar type {Errors.Pretty(x1.DType)} but found {Errors.Pretty(x2.DType)}");
        int rows1 = x1.Sizes[^2], rows2 = x2.Sizes[^2];
        int nb = 1;
        foreach (int s in batch) nb *= s;
        var a = Flat(x1, batch, rows1, m);
        var b = Flat(x2, batch, rows2, m);
        var d = new double[(long)nb * rows1 * rows2];
        for (int k = 0; k < nb; k++)
            for (int i = 0; i < rows1; i++)
                for (int j = 0; j < rows2; j++)
                    d[((long)k * rows1 + i) * rows2 + j] = Distance(a, ((long)k * rows1 + i) * m, b, ((long)k * rows2 + j) * m, m, p);
        int[] outShape = [.. batch, rows1, rows2];
        bool mm = p == 2 && x1.Numel > 0 && x2.Numel > 0 && (rows1 > 25 || rows2 > 25);
        Tensor y;
        using (Autograd.NoGrad()) y = Tensor.FromArray(d, mm ? [nb, rows1, rows2] : outShape).To(x1.DType);
        if (Record.ShouldRecord(x1, x2))
        {
            var node = Record.Connect(new CdistBackward(mm, p, batch, rows1, rows2, m), x1, x2);
            node.A = SavedTensor.Input(x1);
            node.B = SavedTensor.Input(x2);
            node.ASizes = x1.Sizes;
            node.BSizes = x2.Sizes;
            node.ADType = x1.DType;
            node.BDType = x2.DType;
            Record.SetHistory(y, node);
            node.Result = SavedTensor.Output(y, node);
        }
        return mm ? y.View(outShape) : y;
    }

    /// <summary>x [..., rows, m] broadcast to [batch..., rows, m], as Float64 in row-major order.</summary>
    internal static double[] Flat(Tensor x, int[] batch, int rows, int m)
    {
        using (Autograd.NoGrad())
        using (Tensor.NewScope())
            return x.Expand([.. batch, rows, m]).To(DType.Float64).Contiguous().ToArray<double>();
    }

    private static double Distance(double[] a, long sa, double[] b, long sb, int m, double p)
    {
        double acc = 0;
        for (int c = 0; c < m; c++)
        {
            double diff = Math.Abs(a[sa + c] - b[sb + c]);
            if (p == 0) acc += diff != 0 ? 1 : 0;
            else if (p == 1) acc += diff;
            else if (p == 2) acc += diff * diff;
            else if (double.IsPositiveInfinity(p)) acc = Math.Max(acc, diff);
            else acc += Math.Pow(diff, p);
        }
        if (p == 0 || p == 1 || double.IsPositiveInfinity(p)) return acc;
        return p == 2 ? Math.Sqrt(acc) : Math.Pow(acc, 1 / p);
    }

    /// <summary>
    /// _cdist_backward's per-coordinate factor ∂dist/∂x1 for a difference <paramref name="diff"/> = x1 - x2 and the
    /// pair's distance: 0 for p = 0 or a zero distance; sign(diff) for p = 1; diff / dist for p = 2; sign(diff) where
    /// |diff| = dist for p = ∞ (every tied coordinate); else sign(diff)·|diff|^(p-1) / dist^(p-1), 0 where diff = 0 and p &lt; 1.
    /// </summary>
    internal static double Factor(double diff, double dist, double p)
    {
        if (p == 0 || dist == 0) return 0;
        if (p == 1) return Math.Sign(diff);
        if (p == 2) return diff / dist;
        if (double.IsPositiveInfinity(p)) return Math.Abs(diff) == dist ? Math.Sign(diff) : 0;
        if (p < 1 && diff == 0) return 0;
        return Math.Sign(diff) * Math.Pow(Math.Abs(diff), p - 1) / Math.Pow(dist, p - 1);
    }
}

/// <summary>
/// cdist (CdistBackward0; EuclideanDistBackward0 on the matrix-product path, the same gradient):
/// grad_x1[i] = Σ_j grad[i, j]·f(x1[i] - x2[j]), grad_x2[j] = -Σ_i grad[i, j]·f(x1[i] - x2[j]), f from
/// <see cref="CdistOps.Factor"/>, summed back over broadcast batch dims. Not differentiable twice (its result is a constant).
/// </summary>
internal sealed class CdistBackward(bool mm, double p, int[] batch, int rows1, int rows2, int m) : BinaryNode
{
    public override string Name => mm ? "EuclideanDistBackward0" : "CdistBackward0";
    internal override Tensor?[] Apply(Tensor grad)
    {
        using (Autograd.NoGrad())
        {
            var a = CdistOps.Flat(A!.Unpack(), batch, rows1, m);
            var b = CdistOps.Flat(B!.Unpack(), batch, rows2, m);
            var dist = ResultValueArray();
            var g = grad.To(DType.Float64).Contiguous().ToArray<double>();
            var ga = new double[a.Length];
            var gb = new double[b.Length];
            int nb = dist.Length / Math.Max(1, rows1 * rows2);
            for (int k = 0; k < nb; k++)
                for (int i = 0; i < rows1; i++)
                    for (int j = 0; j < rows2; j++)
                    {
                        long at = ((long)k * rows1 + i) * rows2 + j;
                        long sa = ((long)k * rows1 + i) * m, sb = ((long)k * rows2 + j) * m;
                        for (int c = 0; c < m; c++)
                        {
                            double v = g[at] * CdistOps.Factor(a[sa + c] - b[sb + c], dist[at], p);
                            ga[sa + c] += v;
                            gb[sb + c] -= v;
                        }
                    }
            var gx1 = Tensor.FromArray(ga, [.. batch, rows1, m]).To(ADType);
            var gx2 = Tensor.FromArray(gb, [.. batch, rows2, m]).To(BDType);
            return [NeedsA ? ViewGrad.SumTo(gx1, ASizes) : null, NeedsB ? ViewGrad.SumTo(gx2, BSizes) : null];
        }
    }

    private bool NeedsA => Edges.Length > 0 && Edges[0].IsValid;
    private bool NeedsB => Edges.Length > 1 && Edges[1].IsValid;

    private double[] ResultValueArray() => Result!.Unpack().To(DType.Float64).Contiguous().ToArray<double>();
}
