using System.Numerics;
using System.Runtime.Intrinsics;

namespace Sharpgrad.Kernels.Cpu;

/// <summary>
/// The 2-norm of rows of the last dim as ATen's vectorized norm kernel computes it, so results agree with PyTorch bit
/// for bit: squares accumulated per lane of one 32-byte vector (ATen runs its AVX2 kernel here), the lanes added to
/// the first in order, the leftover elements' squares added after, then the square root.
/// </summary>
internal static class NormKernels
{
    public static void TwoNormRows<T>(T[] x, int offset, int rows, int n, T[] y) where T : unmanaged, IFloatingPointIeee754<T> =>
        IntraOp.For(rows, Math.Max(1, IntraOp.AtenGrain / Math.Max(1, n)), (s, e) =>
        {
            int width = Vector256<T>.Count;
            Span<T> lanes = stackalloc T[width];
            for (int r = s; r < e; r++)
            {
                int row = offset + r * n, d = 0;
                lanes.Clear();
                for (; d < n - n % width; d += width)
                    for (int l = 0; l < width; l++)
                    {
                        T v = x[row + d + l];
                        lanes[l] += v * v;
                    }
                T total = lanes[0];
                for (int l = 1; l < width; l++) total += lanes[l];
                for (; d < n; d++) total = typeof(T) == typeof(double) ? T.FusedMultiplyAdd(x[row + d], x[row + d], total) : total + x[row + d] * x[row + d];
                y[r] = T.Sqrt(total);
            }
        });
}
