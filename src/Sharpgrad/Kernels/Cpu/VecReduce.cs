using System.Numerics;

namespace Sharpgrad.Kernels.Cpu;

/// <summary>The order in which ATen folds one vector of partial sums into a scalar, which decides the result's last bits.</summary>
internal static class VecReduce
{
    /// <summary>
    /// ATen's vec_reduce_all with +: for floats a butterfly (lanes i and i ^ (width/2), then down to i ^ 1), the
    /// specialization its AVX2 and AVX-512 kernels have; for doubles lane 0 plus each other lane in turn.
    /// <paramref name="lanes"/> is overwritten.
    /// </summary>
    public static T Fold<T>(Span<T> lanes) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int width = lanes.Length;
        if (typeof(T) == typeof(float))
        {
            Span<T> w = stackalloc T[width];
            for (int step = width / 2; step >= 1; step >>= 1)
            {
                for (int i = 0; i < width; i++) w[i] = lanes[i] + lanes[i ^ step];
                w.CopyTo(lanes);
            }
            return lanes[0];
        }
        T s = lanes[0];
        for (int i = 1; i < width; i++) s += lanes[i];
        return s;
    }
}
