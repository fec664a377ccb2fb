using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.Intrinsics;

namespace Sharpgrad.Kernels.Cpu;

/// <summary>
/// group_norm's forward and backward over a contiguous [N, C, HxW] input as ATen's CPU kernels compute them, so results
/// agree with PyTorch bit for bit: each (sample, group)'s moments as layer_norm takes a row's (RowwiseMoments), rstd in
/// double, y = scale·x + bias per channel; the backward from per-(sample, channel) sums over 32-byte vectors. Which
/// products GCC fuses was settled against PyTorch's results (its choices differ from layer_norm's in the same places):
/// the bias, y, the γ-weighted group sums, c2, c3 = −(db·rstd)·s − c2·mean, dx = c1·dy + c2·x (then + c3) and γ's
/// gradient are fused; the per-channel sums are not.
/// </summary>
internal static class GroupNormKernels
{
    /// <summary>
    /// Normalizes each of the <paramref name="nb"/>·<paramref name="groups"/> groups of D = C / groups channels; gamma
    /// and beta (contiguous, C each) may be null; each group's mean and rstd go to <paramref name="mean"/> / <paramref name="rstd"/>.
    /// </summary>
    public static void Forward<T>(T[] x, int xOff, int nb, int c, int hw, int groups, T[]? gamma, int gOff, T[]? beta, int bOff, double eps,
        T[] y, T[] mean, T[] rstd) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int d = c / groups, inner = d * hw;
        IntraOp.For(nb * groups, Math.Max(1, IntraOp.ElementwiseGrain / Math.Max(1, inner)), (s, e) =>
        {
            for (int i = s; i < e; i++)
            {
                var (m, variance) = LayerNormKernels.RowwiseMoments(new ReadOnlySpan<T>(x, xOff + i * inner, inner));
                T r = T.CreateTruncating(1 / Math.Sqrt(double.CreateTruncating(T.Max(variance, T.Zero)) + eps));
                mean[i] = m;
                rstd[i] = r;
                if (gamma is null && beta is null)
                {
                    var dst = new Span<T>(y, i * inner, inner);
                    TensorPrimitives.Subtract(new ReadOnlySpan<T>(x, xOff + i * inner, inner), m, dst);
                    TensorPrimitives.Multiply(dst, r, dst);
                    continue;
                }
                int g = i % groups;
                for (int j = 0; j < d; j++)
                {
                    int ch = g * d + j, o = (i * d + j) * hw;
                    T scale = r * (gamma is null ? T.One : gamma[gOff + ch]);
                    var dst = new Span<T>(y, o, hw);
                    dst.Fill(T.FusedMultiplyAdd(-scale, m, beta is null ? T.Zero : beta[bOff + ch]));
                    TensorPrimitives.FusedMultiplyAdd(new ReadOnlySpan<T>(x, xOff + o, hw), scale, dst, dst);
                }
            }
        });
    }

    /// <summary>The input, weight and bias gradients (each output null when not wanted) from the forward's per-group mean and rstd.</summary>
    public static void Backward<T>(T[] dy, int dyOff, T[] x, int xOff, int nb, int c, int hw, int groups, T[] mean, T[] rstd, T[]? gamma, int gOff,
        T[]? dx, T[]? dgamma, T[]? dbeta) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int d = c / groups;
        var ds = new T[nb * c];
        var db = new T[nb * c];
        IntraOp.For(nb * c, Math.Max(1, IntraOp.ElementwiseGrain / Math.Max(1, hw)), (s, e) =>
        {
            for (int i = s; i < e; i++)
            {
                var dyRow = new ReadOnlySpan<T>(dy, dyOff + i * hw, hw);
                ds[i] = LayerNormKernels.SumOfProducts(dyRow, new ReadOnlySpan<T>(x, xOff + i * hw, hw), default);
                db[i] = VecReduce.SumAll(dyRow, 32);
            }
        });
        if (dx is not null)
        {
            T scale = T.One / T.CreateTruncating(d * hw);
            IntraOp.For(nb * groups, Math.Max(1, IntraOp.ElementwiseGrain / Math.Max(1, d * hw)), (s, e) =>
            {
                for (int i = s; i < e; i++)
                {
                    int g = i % groups;
                    var (dsVal, dbVal) = WeightedGroupSums(ds, db, i * d, gamma, gOff + g * d, d);
                    T m = mean[i], r = rstd[i];
                    T c2 = T.FusedMultiplyAdd(dbVal, m, -dsVal) * r * r * r * scale;
                    T c3 = T.FusedMultiplyAdd(-(dbVal * r), scale, -c2 * m);
                    for (int j = 0; j < d; j++)
                    {
                        int o = (i * d + j) * hw;
                        T c1 = r * (gamma is null ? T.One : gamma[gOff + g * d + j]);
                        var dst = new Span<T>(dx, o, hw);
                        TensorPrimitives.Multiply(new ReadOnlySpan<T>(x, xOff + o, hw), c2, dst);
                        TensorPrimitives.FusedMultiplyAdd(new ReadOnlySpan<T>(dy, dyOff + o, hw), c1, dst, dst);
                        TensorPrimitives.Add(dst, c3, dst);
                    }
                }
            });
        }
        if (dgamma is null && dbeta is null) return;
        for (int ch = 0; ch < c; ch++)
        {
            int g = ch / d;
            T gammaGrad = T.Zero, betaGrad = T.Zero;
            for (int n = 0; n < nb; n++)
            {
                int k = n * c + ch;
                gammaGrad = T.FusedMultiplyAdd(T.FusedMultiplyAdd(-db[k], mean[n * groups + g], ds[k]), rstd[n * groups + g], gammaGrad);
                betaGrad += db[k];
            }
            if (dgamma is not null) dgamma[ch] = gammaGrad;
            if (dbeta is not null) dbeta[ch] = betaGrad;
        }
    }

    /// <summary>
    /// ATen's CalcDsDb: Σ ds·γ and Σ db·γ over a group's channels, in 32-byte lanes over whole vectors (fused), the
    /// lanes added in order from zero, then the remaining channels one by one (fused).
    /// </summary>
    private static (T Ds, T Db) WeightedGroupSums<T>(T[] ds, T[] db, int at, T[]? gamma, int gAt, int d) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int width = Vector256<T>.Count, vectorEnd = d / width * width;
        Span<T> dsLanes = stackalloc T[width];
        Span<T> dbLanes = stackalloc T[width];
        dsLanes.Clear();
        dbLanes.Clear();
        for (int j = 0; j < vectorEnd; j += width)
            for (int l = 0; l < width; l++)
            {
                T gv = gamma is null ? T.One : gamma[gAt + j + l];
                dsLanes[l] = T.FusedMultiplyAdd(ds[at + j + l], gv, dsLanes[l]);
                dbLanes[l] = T.FusedMultiplyAdd(db[at + j + l], gv, dbLanes[l]);
            }
        T dsVal = T.Zero, dbVal = T.Zero;
        for (int l = 0; l < width; l++)
        {
            dsVal += dsLanes[l];
            dbVal += dbLanes[l];
        }
        for (int j = vectorEnd; j < d; j++)
        {
            T gv = gamma is null ? T.One : gamma[gAt + j];
            dsVal = T.FusedMultiplyAdd(ds[at + j], gv, dsVal);
            dbVal = T.FusedMultiplyAdd(db[at + j], gv, dbVal);
        }
        return (dsVal, dbVal);
    }
}
