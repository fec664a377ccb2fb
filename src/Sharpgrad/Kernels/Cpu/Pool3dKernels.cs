using System.Numerics;

namespace Sharpgrad.Kernels.Cpu;

/// <summary>
/// Sizes of a 3-D pooling window over [planes, D, H, W]: the input volume, kernel, and per axis the stride, padding
/// and dilation, then the output volume. Input depth of output od and kernel tap kd: od·SD - PD + kd·DD.
/// </summary>
internal readonly record struct Pool3dGeometry(int D, int H, int W, int KD, int KH, int KW, int SD, int SH, int SW,
    int PD, int PH, int PW, int DD, int DH, int DW, int OutD, int OutH, int OutW)
{
    /// <summary>Elements of one input volume.</summary>
    public int InVolume => D * H * W;

    /// <summary>Elements of one output volume.</summary>
    public int OutVolume => OutD * OutH * OutW;
}

/// <summary>max_pool3d and avg_pool3d over contiguous [planes, D, H, W] volumes, with PyTorch's CPU window rules.</summary>
internal static class Pool3dKernels
{
    /// <summary>
    /// max_pool3d_with_indices: the maximum of each dilated window (taps in the -inf padding skipped) and its flat
    /// in-volume index; a NaN wins over any number and a later NaN over an earlier one, as in PyTorch's cpu_max_pool
    /// (which takes integer dtypes too, starting from their lowest value).
    /// </summary>
    public static void MaxPool3d<T>(T[] x, int xOff, int planes, in Pool3dGeometry g, T[] y, long[] idx)
        where T : unmanaged, INumber<T>
    {
        for (int p = 0; p < planes; p++)
        {
            int src = xOff + p * g.InVolume, dst = p * g.OutVolume;
            for (int od = 0; od < g.OutD; od++)
            {
                var (d0, d1) = Taps(od, g.SD, g.PD, g.KD, g.DD, g.D);
                for (int oh = 0; oh < g.OutH; oh++)
                {
                    var (h0, h1) = Taps(oh, g.SH, g.PH, g.KH, g.DH, g.H);
                    for (int ow = 0; ow < g.OutW; ow++)
                    {
                        var (w0, w1) = Taps(ow, g.SW, g.PW, g.KW, g.DW, g.W);
                        long best = ((long)d0 * g.H + h0) * g.W + w0;
                        T max = T.CreateSaturating(double.NegativeInfinity); // an integer dtype's lowest value
                        for (int id = d0; id < d1; id += g.DD)
                            for (int ih = h0; ih < h1; ih += g.DH)
                                for (int iw = w0; iw < w1; iw += g.DW)
                                {
                                    int at = (id * g.H + ih) * g.W + iw;
                                    T v = x[src + at];
                                    if (v > max || T.IsNaN(v))
                                    {
                                        max = v;
                                        best = at;
                                    }
                                }
                        int o = dst + (od * g.OutH + oh) * g.OutW + ow;
                        y[o] = max;
                        idx[o] = best;
                    }
                }
            }
        }
    }

    /// <summary>First in-range tap and the end of the dilated window of output <paramref name="o"/> along one axis.</summary>
    private static (int Start, int End) Taps(int o, int stride, int pad, int k, int dilation, int size)
    {
        int start = o * stride - pad;
        int end = Math.Min(start + (k - 1) * dilation + 1, size);
        while (start < 0) start += dilation;
        return (start, end);
    }

    /// <summary>
    /// The clipped window of one output along one axis and its extent before clipping to the input (windows may run
    /// into the padding and, with ceil_mode, past it; only the padding part counts toward count_include_pad).
    /// </summary>
    private static (int Start, int End, int Padded) Span(int o, int stride, int pad, int k, int size)
    {
        int start = o * stride - pad;
        int end = Math.Min(start + k, size + pad);
        int padded = end - start;
        return (Math.Max(start, 0), Math.Min(end, size), padded);
    }

    /// <summary>
    /// avg_pool3d (adjoint false: window means into y) or its adjoint avg_pool3d_backward (each output's gradient
    /// spread evenly over its window, added into a zeroed gi); divisorOverride != 0 replaces the count.
    /// </summary>
    public static void AvgPool3d<T>(T[] a, int aOff, int planes, in Pool3dGeometry g, bool countIncludePad, int divisorOverride, T[] b, bool adjoint)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int p = 0; p < planes; p++)
        {
            int vin = p * g.InVolume, vout = p * g.OutVolume;
            for (int od = 0; od < g.OutD; od++)
            {
                var (d0, d1, pd) = Span(od, g.SD, g.PD, g.KD, g.D);
                for (int oh = 0; oh < g.OutH; oh++)
                {
                    var (h0, h1, ph) = Span(oh, g.SH, g.PH, g.KH, g.H);
                    for (int ow = 0; ow < g.OutW; ow++)
                    {
                        var (w0, w1, pw) = Span(ow, g.SW, g.PW, g.KW, g.W);
                        int o = vout + (od * g.OutH + oh) * g.OutW + ow;
                        if (d0 >= d1 || h0 >= h1 || w0 >= w1)
                        {
                            if (!adjoint) b[o] = T.Zero;
                            continue;
                        }
                        int divisor = divisorOverride != 0 ? divisorOverride : countIncludePad ? pd * ph * pw : (d1 - d0) * (h1 - h0) * (w1 - w0);
                        if (adjoint)
                        {
                            T share = a[aOff + o] / T.CreateTruncating(divisor);
                            for (int id = d0; id < d1; id++)
                                for (int ih = h0; ih < h1; ih++)
                                    for (int iw = w0; iw < w1; iw++)
                                        b[vin + (id * g.H + ih) * g.W + iw] += share;
                            continue;
                        }
                        T sum = T.Zero;
                        for (int id = d0; id < d1; id++)
                            for (int ih = h0; ih < h1; ih++)
                                for (int iw = w0; iw < w1; iw++)
                                    sum += a[aOff + vin + (id * g.H + ih) * g.W + iw];
                        b[o] = sum / T.CreateTruncating(divisor);
                    }
                }
            }
        }
    }
}
