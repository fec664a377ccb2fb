using System.Numerics;

namespace Sharpgrad.Kernels.Cpu;

/// <summary>adaptive_max_pool2d's forward kernel.</summary>
internal static class AdaptiveMaxPoolKernels
{
    /// <summary>
    /// Max over each adaptive bin of every [h, w] plane with its flat in-plane index, as PyTorch's CPU kernel scans it:
    /// from -inf at the bin's first position, a larger value or any NaN takes over (so the last NaN wins).
    /// </summary>
    public static void AdaptiveMaxPool2d<T>(T[] x, int xOff, int planes, int h, int w, int oh, int ow, T[] y, long[] idx)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int p = 0; p < planes; p++)
        {
            int src = xOff + p * h * w, dst = p * oh * ow;
            for (int i = 0; i < oh; i++)
            {
                var (h0, h1) = PoolKernels.Bin(i, oh, h);
                for (int j = 0; j < ow; j++)
                {
                    var (w0, w1) = PoolKernels.Bin(j, ow, w);
                    T best = T.NegativeInfinity;
                    long bestIdx = h0 * w + w0;
                    for (int ih = h0; ih < h1; ih++)
                        for (int iw = w0; iw < w1; iw++)
                        {
                            T v = x[src + ih * w + iw];
                            if (v > best || T.IsNaN(v))
                            {
                                best = v;
                                bestIdx = ih * w + iw;
                            }
                        }
                    y[dst + i * ow + j] = best;
                    idx[dst + i * ow + j] = bestIdx;
                }
            }
        }
    }
}
