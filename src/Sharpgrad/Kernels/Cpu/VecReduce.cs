using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

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

    /// <summary>
    /// ATen's vec::reduce_all with + over vectors of <paramref name="vectorBytes"/> (32 for its AVX2 kernels, 64 for
    /// AVX-512): one accumulator over whole vectors, the partial last vector added into its own lanes only (Vec::set),
    /// then folded; a row shorter than a vector is added in order.
    /// </summary>
    public static T SumAll<T>(ReadOnlySpan<T> data, int vectorBytes) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int width = vectorBytes / Unsafe.SizeOf<T>(), n = data.Length;
        if (n < width)
        {
            T s = n > 0 ? data[0] : T.Zero;
            for (int i = 1; i < n; i++) s += data[i];
            return s;
        }
        ref T d = ref MemoryMarshal.GetReference(data);
        Span<T> lanes = stackalloc T[width];
        int k = width;
        if (vectorBytes == 64)
        {
            var acc = Vector512.LoadUnsafe(ref d);
            for (; k < n - n % width; k += width) acc += Vector512.LoadUnsafe(ref d, (nuint)k);
            acc.CopyTo(lanes);
        }
        else
        {
            var acc = Vector256.LoadUnsafe(ref d);
            for (; k < n - n % width; k += width) acc += Vector256.LoadUnsafe(ref d, (nuint)k);
            acc.CopyTo(lanes);
        }
        for (int i = 0; k + i < n; i++) lanes[i] += data[k + i];
        return Fold(lanes);
    }
}
