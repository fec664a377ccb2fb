using System.Numerics;

namespace Sharpgrad.Kernels.Cpu;

/// <summary>Average pooling over [planes, h, w], with PyTorch's window and divisor rules.</summary>
internal static class PoolKernels
{
    /// <summary>
    /// The clipped window of output (oh, ow) and its divisor: windows may run into the padding (counted when
    /// countIncludePad) and, with ceil_mode, past it (never counted); divisorOverride &gt; 0 replaces the count.
    /// </summary>
    private static (int H0, int H1, int W0, int W1, int Divisor) Window(in ConvGeometry g, int oh, int ow, bool countIncludePad, int divisorOverride)
    {
        int h0 = oh * g.SH - g.PH, w0 = ow * g.SW - g.PW;
        int h1 = Math.Min(h0 + g.KH, g.H + g.PH), w1 = Math.Min(w0 + g.KW, g.W + g.PW);
        int poolSize = (h1 - h0) * (w1 - w0);
        h0 = Math.Max(h0, 0);
        w0 = Math.Max(w0, 0);
        h1 = Math.Min(h1, g.H);
        w1 = Math.Min(w1, g.W);
        int divisor = divisorOverride > 0 ? divisorOverride : countIncludePad ? poolSize : (h1 - h0) * (w1 - w0);
        return (h0, h1, w0, w1, divisor);
    }

    public static void AvgPool2d<T>(T[] x, int xOff, int planes, in ConvGeometry g, bool countIncludePad, int divisorOverride, T[] y)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int p = 0; p < planes; p++)
        {
            int src = xOff + p * g.H * g.W, dst = p * g.OutH * g.OutW;
            for (int oh = 0; oh < g.OutH; oh++)
                for (int ow = 0; ow < g.OutW; ow++)
                {
                    var (h0, h1, w0, w1, divisor) = Window(g, oh, ow, countIncludePad, divisorOverride);
                    T sum = T.Zero;
                    if (h0 < h1 && w0 < w1)
                    {
                        for (int ih = h0; ih < h1; ih++)
                            for (int iw = w0; iw < w1; iw++)
                                sum += x[src + ih * g.W + iw];
                        sum /= T.CreateTruncating(divisor);
                    }
                    y[dst + oh * g.OutW + ow] = sum;
                }
        }
    }

    /// <summary>The adjoint of <see cref="AvgPool2d"/>: each output's gradient spread evenly over its window, into a zeroed gi.</summary>
    public static void AvgPool2dBackward<T>(T[] g, int gOff, int planes, in ConvGeometry geo, bool countIncludePad, int divisorOverride, T[] gi)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int p = 0; p < planes; p++)
        {
            int dst = p * geo.H * geo.W, src = gOff + p * geo.OutH * geo.OutW;
            for (int oh = 0; oh < geo.OutH; oh++)
                for (int ow = 0; ow < geo.OutW; ow++)
                {
                    var (h0, h1, w0, w1, divisor) = Window(geo, oh, ow, countIncludePad, divisorOverride);
                    if (h0 >= h1 || w0 >= w1) continue;
                    T share = g[src + oh * geo.OutW + ow] / T.CreateTruncating(divisor);
                    for (int ih = h0; ih < h1; ih++)
                        for (int iw = w0; iw < w1; iw++)
                            gi[dst + ih * geo.W + iw] += share;
                }
        }
    }

    /// <summary>Rows [start, end) of adaptive bin i of n over size: floor(i·size/n) to ceil((i+1)·size/n).</summary>
    public static (int Start, int End) Bin(int i, int n, int size) =>
        ((int)((long)i * size / n), (int)(((long)(i + 1) * size + n - 1) / n));

    /// <summary>adaptive_avg_pool2d/3d over planes of d x h x w (d = od = 1 for 2-D): each output averages its bin box.</summary>
    public static void AdaptiveAvgPool<T>(T[] x, int xOff, int planes, int d, int h, int w, int od, int oh, int ow, T[] y)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int p = 0; p < planes; p++)
        {
            int src = xOff + p * d * h * w, dst = p * od * oh * ow;
            for (int k = 0; k < od; k++)
            {
                var (d0, d1) = Bin(k, od, d);
                for (int i = 0; i < oh; i++)
                {
                    var (h0, h1) = Bin(i, oh, h);
                    for (int j = 0; j < ow; j++)
                    {
                        var (w0, w1) = Bin(j, ow, w);
                        T sum = T.Zero;
                        for (int id = d0; id < d1; id++)
                            for (int ih = h0; ih < h1; ih++)
                                for (int iw = w0; iw < w1; iw++)
                                    sum += x[src + (id * h + ih) * w + iw];
                        y[dst + (k * oh + i) * ow + j] = sum / T.CreateTruncating((d1 - d0) * (h1 - h0) * (w1 - w0));
                    }
                }
            }
        }
    }

    /// <summary>The adjoint of <see cref="AdaptiveAvgPool{T}"/>: each output gradient shared evenly over its bin box.</summary>
    public static void AdaptiveAvgPoolBackward<T>(T[] g, int gOff, int planes, int d, int h, int w, int od, int oh, int ow, T[] gi)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int p = 0; p < planes; p++)
        {
            int dst = p * d * h * w, src = gOff + p * od * oh * ow;
            for (int k = 0; k < od; k++)
            {
                var (d0, d1) = Bin(k, od, d);
                for (int i = 0; i < oh; i++)
                {
                    var (h0, h1) = Bin(i, oh, h);
                    for (int j = 0; j < ow; j++)
                    {
                        var (w0, w1) = Bin(j, ow, w);
                        T share = g[src + (k * oh + i) * ow + j] / T.CreateTruncating((d1 - d0) * (h1 - h0) * (w1 - w0));
                        for (int id = d0; id < d1; id++)
                            for (int ih = h0; ih < h1; ih++)
                                for (int iw = w0; iw < w1; iw++)
                                    gi[dst + (id * h + ih) * w + iw] += share;
                    }
                }
            }
        }
    }
}
