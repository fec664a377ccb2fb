using System.Numerics;
using System.Numerics.Tensors;

namespace Sharpgrad.Kernels.Cpu;

/// <summary>
/// Loops of the neural-network functions that have no element-wise form: softmax over one axis,
/// negative log-likelihood, im2col/col2im and 2-D max pooling. Contiguous [outer, n, inner] blocks.
/// </summary>
internal static class NNKernels
{
    /// <summary>y = softmax(x) or log_softmax(x) along the middle axis; max-shifted so large logits never overflow.</summary>
    public static void Softmax<T>(T[] x, int xOff, int outer, int n, int inner, T[] y, bool log, bool lastDim) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (n == 0) return;
        if (lastDim)
        {
            SoftmaxKernels.Forward(x, xOff, outer, n, y, log);
            return;
        }
        SoftmaxKernels.ForwardStrided(x, xOff, outer, n, inner, y, log);
    }

    /// <summary>softmax backward: gi = (g - sum(g * y)) * y along the middle axis (g and y contiguous).</summary>
    public static void SoftmaxBackward<T>(T[] g, int gOff, T[] y, int yOff, int outer, int n, int inner, T[] gi, bool lastDim) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (lastDim) SoftmaxKernels.Backward(g, gOff, y, yOff, outer, n, gi, log: false);
        else SoftmaxKernels.BackwardStrided(g, gOff, y, yOff, outer, n, inner, gi, log: false);
    }

    /// <summary>log_softmax backward: gi = g - exp(y) * sum(g) along the middle axis (g and y contiguous).</summary>
    public static void LogSoftmaxBackward<T>(T[] g, int gOff, T[] y, int yOff, int outer, int n, int inner, T[] gi, bool lastDim) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (lastDim)
        {
            SoftmaxKernels.Backward(g, gOff, y, yOff, outer, n, gi, log: true);
            return;
        }
        SoftmaxKernels.BackwardStrided(g, gOff, y, yOff, outer, n, inner, gi, log: true);
    }

    /// <summary>
    /// Per-element nll: loss[o, i] = -x[o, target[o, i], i], 0 where the target is ignored. Returns the sum
    /// of the losses and the count of non-ignored targets. Targets are already range-checked.
    /// </summary>
    /// <summary>nll forward: per-target -w[t]·x[o, t, i] (w = 1 without weights); returns the sum and the total weight.</summary>
    public static (T Sum, T Total) Nll<T>(T[] x, int xOff, long[] t, int tOff, int outer, int c, int inner, long ignore, T[]? loss, T[]? weight, int wOff) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (loss is not null)
        {
            for (int o = 0; o < outer; o++)
                for (int i = 0; i < inner; i++)
                {
                    int ti = o * inner + i;
                    long cls = t[tOff + ti];
                    loss[ti] = cls == ignore ? T.Zero : -x[xOff + (o * c + (int)cls) * inner + i] * (weight is null ? T.One : weight[wOff + (int)cls]);
                }
            return (T.Zero, T.Zero);
        }
        // ATen's cascade: partial sums over chunks of 2^p targets (p = max(4, ⌈log2 count⌉ / 8)) carried up eight levels
        const int Levels = 8;
        int count = outer * inner;
        int power = Math.Max(4, (count <= 2 ? 1 : BitOperations.Log2((uint)(count - 1)) + 1) / Levels);
        long mask0 = (1L << power) - 1;
        Span<T> sums = stackalloc T[Levels];
        Span<T> weights = stackalloc T[Levels];
        sums.Clear();
        weights.Clear();
        int ignored = 0;
        for (int idx = 0; idx < count; idx++)
        {
            long cls = t[tOff + idx];
            if (cls == ignore)
            {
                ignored++;
                continue;
            }
            int o = idx / inner, i = idx % inner;
            T v = x[xOff + (o * c + (int)cls) * inner + i];
            if (weight is null) sums[0] -= v;
            else
            {
                T w = weight[wOff + (int)cls];
                sums[0] -= v * w;
                weights[0] += w;
            }
            for (int j = 0; j + 1 < Levels; j++)
            {
                if ((idx & (mask0 << (j * power))) != 0) break;
                weights[j + 1] += weights[j];
                sums[j + 1] += sums[j];
                weights[j] = T.Zero;
                sums[j] = T.Zero;
            }
        }
        T total = T.Zero, sum = T.Zero;
        for (int j = 0; j < Levels; j++)
        {
            sum += sums[j];
            total += weights[j];
        }
        return (sum, weight is null ? T.CreateTruncating(count - ignored) : total);
    }

    /// <summary>nll backward into a zeroed gi: gi[o, target, i] = -scale * w[target] * (g[o, i] or the scalar g).</summary>
    public static void NllBackward<T>(T[] g, int gOff, bool perElement, long[] t, int tOff, int outer, int c, int inner, long ignore, T scale, T[] gi, T[]? weight, int wOff) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int o = 0; o < outer; o++)
            for (int i = 0; i < inner; i++)
            {
                int ti = o * inner + i;
                long cls = t[tOff + ti];
                if (cls == ignore) continue;
                T gv = perElement ? g[gOff + ti] : g[gOff];
                T w = weight is null ? T.One : weight[wOff + (int)cls];
                gi[(o * c + (int)cls) * inner + i] = -gv * scale * w;
            }
    }

    /// <summary>
    /// Unfolds [n, c, h, w] into columns [c*kh*kw, n*oh*ow]: row (ch, ki, kj), column (sample, oh, ow); zero padding.
    /// </summary>
    public static void Im2Col<T>(T[] x, int xOff, in ConvGeometry g, T[] cols) where T : unmanaged, INumber<T>
    {
        int l = g.OutH * g.OutW, width = g.N * l;
        for (int ch = 0; ch < g.C; ch++)
            for (int ki = 0; ki < g.KH; ki++)
                for (int kj = 0; kj < g.KW; kj++)
                {
                    int row = ((ch * g.KH + ki) * g.KW + kj) * width;
                    for (int s = 0; s < g.N; s++)
                    {
                        int plane = xOff + (s * g.C + ch) * g.H * g.W;
                        for (int oh = 0; oh < g.OutH; oh++)
                        {
                            int ih = oh * g.SH - g.PH + ki * g.DH;
                            int dst = row + s * l + oh * g.OutW;
                            if ((uint)ih >= (uint)g.H)
                            {
                                Array.Clear(cols, dst, g.OutW);
                                continue;
                            }
                            int src = plane + ih * g.W;
                            int iw0 = kj * g.DW - g.PW;
                            for (int ow = 0; ow < g.OutW; ow++)
                            {
                                int iw = ow * g.SW + iw0;
                                cols[dst + ow] = (uint)iw < (uint)g.W ? x[src + iw] : T.Zero;
                            }
                        }
                    }
                }
    }

    /// <summary>The adjoint of <see cref="Im2Col"/>: adds every column entry back into a zeroed [n, c, h, w].</summary>
    public static void Col2Im<T>(T[] cols, int colsOff, in ConvGeometry g, T[] x) where T : unmanaged, INumber<T>
    {
        int l = g.OutH * g.OutW, width = g.N * l;
        for (int ch = 0; ch < g.C; ch++)
            for (int ki = 0; ki < g.KH; ki++)
                for (int kj = 0; kj < g.KW; kj++)
                {
                    int row = colsOff + ((ch * g.KH + ki) * g.KW + kj) * width;
                    for (int s = 0; s < g.N; s++)
                    {
                        int plane = (s * g.C + ch) * g.H * g.W;
                        for (int oh = 0; oh < g.OutH; oh++)
                        {
                            int ih = oh * g.SH - g.PH + ki * g.DH;
                            if ((uint)ih >= (uint)g.H) continue;
                            int src = row + s * l + oh * g.OutW, dst = plane + ih * g.W;
                            for (int ow = 0; ow < g.OutW; ow++)
                            {
                                int iw = ow * g.SW - g.PW + kj * g.DW;
                                if ((uint)iw < (uint)g.W) x[dst + iw] += cols[src + ow];
                            }
                        }
                    }
                }
    }

    /// <summary>
    /// Max over each window of every [h, w] plane (padding never wins); indices are flat positions within the
    /// plane, as PyTorch reports them. A NaN wins its window, and a later NaN an earlier one (PyTorch's CPU kernel).
    /// Integer dtypes too, as PyTorch's max_pool2d takes them.
    /// </summary>
    public static void MaxPool2d<T>(T[] x, int xOff, int planes, in ConvGeometry g, T[] y, long[] idx) where T : unmanaged, INumber<T>
    {
        for (int p = 0; p < planes; p++)
        {
            int src = xOff + p * g.H * g.W, dst = p * g.OutH * g.OutW;
            for (int oh = 0; oh < g.OutH; oh++)
                for (int ow = 0; ow < g.OutW; ow++)
                {
                    int h0 = oh * g.SH - g.PH, w0 = ow * g.SW - g.PW;
                    T best = T.CreateSaturating(double.NegativeInfinity); // an integer dtype's lowest value
                    long bestIdx = -1;
                    for (int ki = 0; ki < g.KH; ki++)
                    {
                        int ih = h0 + ki * g.DH;
                        if ((uint)ih >= (uint)g.H) continue;
                        for (int kj = 0; kj < g.KW; kj++)
                        {
                            int iw = w0 + kj * g.DW;
                            if ((uint)iw >= (uint)g.W) continue;
                            T v = x[src + ih * g.W + iw];
                            if (bestIdx < 0 || v > best || T.IsNaN(v))
                            {
                                best = v;
                                bestIdx = ih * g.W + iw;
                            }
                        }
                    }
                    y[dst + oh * g.OutW + ow] = best;
                    idx[dst + oh * g.OutW + ow] = Math.Max(bestIdx, 0);
                }
        }
    }
}

/// <summary>
/// Sizes of a 2-D sliding-window op: batch, channels, input plane, kernel, and per axis the stride, padding and
/// dilation, then the output plane. Input row of output row oh and kernel row ki: oh·SH - PH + ki·DH.
/// </summary>
internal readonly record struct ConvGeometry(int N, int C, int H, int W, int KH, int KW, int SH, int SW, int PH, int PW, int DH, int DW, int OutH, int OutW);
