using System.Numerics;

namespace Sharpgrad.Kernels.Cpu;

/// <summary>The forward kernel of adaptive_max_pool3d and adaptive_max_pool2d (which runs it on volumes of depth 1).</summary>
internal static class AdaptiveMaxPool3dKernels
{
    /// <summary>
    /// Max over each adaptive bin of every [d, h, w] volume with its flat in-volume index, as PyTorch's CPU kernel scans
    /// it: from -inf at the bin's first position, a larger value or any NaN takes over (so the last NaN wins).
    /// </summary>
    public static void AdaptiveMaxPool3d<T>(T[] x, int xOff, int planes, int d, int h, int w, int od, int oh, int ow, T[] y, long[] idx)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int inVolume = d * h * w, outVolume = od * oh * ow;
        for (int p = 0; p < planes; p++)
        {
            int src = xOff + p * inVolume, dst = p * outVolume;
            for (int k = 0; k < od; k++)
            {
                var (d0, d1) = PoolKernels.Bin(k, od, d);
                for (int i = 0; i < oh; i++)
                {
                    var (h0, h1) = PoolKernels.Bin(i, oh, h);
                    for (int j = 0; j < ow; j++)
                    {
                        var (w0, w1) = PoolKernels.Bin(j, ow, w);
                        T best = T.NegativeInfinity;
                        long bestIdx = ((long)d0 * h + h0) * w + w0;
                        for (int id = d0; id < d1; id++)
                            for (int ih = h0; ih < h1; ih++)
                                for (int iw = w0; iw < w1; iw++)
                                {
                                    int at = (id * h + ih) * w + iw;
                                    T v = x[src + at];
                                    if (v > best || T.IsNaN(v))
                                    {
                                        best = v;
                                        bestIdx = at;
                                    }
                                }
                        int o = dst + (k * oh + i) * ow + j;
                        y[o] = best;
                        idx[o] = bestIdx;
                    }
                }
            }
        }
    }
}
