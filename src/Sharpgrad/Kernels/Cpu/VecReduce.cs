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
        if (width == Vector512<T>.Count) return Fold(Vector512.LoadUnsafe(ref MemoryMarshal.GetReference(lanes)));
        if (width == Vector256<T>.Count) return Fold(Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(lanes)));
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
    /// <see cref="Fold{T}(Span{T})"/> of a 64-byte vector held in registers. Lane 0 of the butterfly is the halves
    /// added, then their halves, down to one lane, which is what narrowing computes (IEEE addition commutes exactly).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Fold<T>(Vector512<T> lanes) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float)) return Fold(lanes.GetLower() + lanes.GetUpper());
        T s = lanes.GetElement(0);
        for (int i = 1; i < Vector512<T>.Count; i++) s += lanes.GetElement(i);
        return s;
    }

    /// <summary><see cref="Fold{T}(Span{T})"/> of a 32-byte vector held in registers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Fold<T>(Vector256<T> lanes) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
        {
            var quad = lanes.GetLower() + lanes.GetUpper();
            var pair = quad + Vector128.Shuffle(quad.AsSingle(), Vector128.Create(2, 3, 0, 1)).As<float, T>();
            return pair.GetElement(0) + pair.GetElement(1);
        }
        T s = lanes.GetElement(0);
        for (int i = 1; i < Vector256<T>.Count; i++) s += lanes.GetElement(i);
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
        if (vectorBytes == 64) return SumAll512(data);
        ref T d = ref MemoryMarshal.GetReference(data);
        int k = width;
        var acc = Vector256.LoadUnsafe(ref d);
        for (; k < n - n % width; k += width) acc += Vector256.LoadUnsafe(ref d, (nuint)k);
        Span<T> lanes = stackalloc T[width];
        acc.CopyTo(lanes);
        for (int i = 0; k + i < n; i++) lanes[i] += data[k + i];
        return Fold(lanes);
    }

    /// <summary><see cref="SumAll{T}"/> over 64-byte vectors of a span at least one vector long, the sum kept in a register.</summary>
    private static T SumAll512<T>(ReadOnlySpan<T> data) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int width = Vector512<T>.Count, n = data.Length, rest = n % width, k = width;
        ref T d = ref MemoryMarshal.GetReference(data);
        var acc = Vector512.LoadUnsafe(ref d);
        for (; k < n - rest; k += width) acc += Vector512.LoadUnsafe(ref d, (nuint)k);
        if (rest > 0) acc = AddPartial(acc, data[k..]);
        return Fold(acc);
    }

    /// <summary>
    /// Adds a partial last vector into its own lanes only (ATen's Vec::set): the others keep their bits, where adding
    /// zeros would turn −0 into +0. Kept out of line so that its buffer does not cost the loop its registers.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static Vector512<T> AddPartial<T>(Vector512<T> acc, ReadOnlySpan<T> rest) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Span<T> last = stackalloc T[Vector512<T>.Count];
        rest.CopyTo(last);
        var mask = Vector512.LessThan(Vector512<int>.Indices, Vector512.Create(rest.Length * (Unsafe.SizeOf<T>() / 4)));
        return Vector512.ConditionalSelect(mask.As<int, T>(), acc + Vector512.LoadUnsafe(ref MemoryMarshal.GetReference(last)), acc);
    }
}
