using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Sharpgrad.Kernels.Cpu;

/// <summary>
/// Max/min of float and double blocks on vectors, with the results of <see cref="Reduce.ArgExtreme{T}"/>'s scalar loop:
/// the value and the index of its first occurrence, a NaN winning with the index of the first NaN, and of equal zeros
/// the first. Rows ([outer, r] with inner = 1) find the extreme with a lane-wise max and NaN flag, then the first index
/// holding it; a row whose extreme is a zero or which holds a NaN (where signs and payloads tell occurrences apart)
/// takes the scalar loop. Columns (inner &gt; 1) keep a value and an index per lane, replaced only by a strictly greater
/// value or the lane's first NaN, which is the scalar loop's rule lane by lane.
/// </summary>
internal static class ExtremeKernels
{

    /// <summary>Runs the reduction when T is float or double and vectors are accelerated; false leaves it to the scalar loop.</summary>
    public static bool TryRun<T>(T[] x, int offset, int outer, int r, int inner, bool max, T[]? values, long[]? indices)
        where T : unmanaged, INumber<T>
    {
        if (!Vector256.IsHardwareAccelerated) return false;
        if (typeof(T) == typeof(float))
            Run<float, int>((float[])(object)x, offset, outer, r, inner, max, (float[]?)(object?)values, indices);
        else if (typeof(T) == typeof(double))
            Run<double, long>((double[])(object)x, offset, outer, r, inner, max, (double[]?)(object?)values, indices);
        else
            return false;
        return true;
    }

    private static void Run<T, TI>(T[] x, int offset, int outer, int r, int inner, bool max, T[]? values, long[]? indices)
        where T : unmanaged, IFloatingPointIeee754<T> where TI : unmanaged, IBinaryInteger<TI>
    {
        int grain = Math.Max(1, IntraOp.SliceGrain / Math.Max(1, r * inner));
        IntraOp.For(outer, grain, (s, e) =>
        {
            for (int o = s; o < e; o++)
            {
                int start = offset + o * r * inner;
                if (inner == 1) Row(x, start, r, max, values, indices, o);
                else Columns<T, TI>(x, start, r, inner, max, values, indices, o * inner);
            }
        });
    }

    /// <summary>One contiguous row: the extreme on vectors, then its first index; zeros and NaNs go to the scalar loop.</summary>
    private static void Row<T>(T[] x, int start, int r, bool max, T[]? values, long[]? indices, int at)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ref T row = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(x), start);
        T best = Extreme(ref row, r, max, out bool sawNaN);
        if (sawNaN || T.IsZero(best))
        {
            Reduce.ExtremeAt(x, start, r, 1, max, values, indices, at);
            return;
        }
        if (values is not null) values[at] = best;
        if (indices is not null) indices[at] = FirstIndexOf(ref row, r, best);
    }

    /// <summary>The first k with row[k] == value, for a value that is in the row.</summary>
    private static int FirstIndexOf<T>(ref T row, int r, T value) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int width = Vector256<T>.Count, k = 0;
        var target = Vector256.Create(value);
        for (; k + width <= r; k += width)
        {
            uint hits = Vector256.Equals(Vector256.LoadUnsafe(ref row, (nuint)k), target).ExtractMostSignificantBits();
            if (hits != 0) return k + BitOperations.TrailingZeroCount(hits);
        }
        while (Unsafe.Add(ref row, k) != value) k++;
        return k;
    }

    /// <summary>The largest (smallest) element of a row, whether any lane saw a NaN (the value is then meaningless).</summary>
    private static T Extreme<T>(ref T row, int r, bool max, out bool sawNaN) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int width = Vector256<T>.Count, k = 0;
        T best = row;
        sawNaN = T.IsNaN(best);
        if (r >= 4 * width)
        {
            Vector256<T> a0 = Vector256.LoadUnsafe(ref row), a1 = a0, a2 = a0, a3 = a0, nan = Vector256<T>.Zero;
            for (; k + 4 * width <= r; k += 4 * width)
            {
                var v0 = Vector256.LoadUnsafe(ref row, (nuint)k);
                var v1 = Vector256.LoadUnsafe(ref row, (nuint)(k + width));
                var v2 = Vector256.LoadUnsafe(ref row, (nuint)(k + 2 * width));
                var v3 = Vector256.LoadUnsafe(ref row, (nuint)(k + 3 * width));
                nan |= ~Vector256.Equals(v0, v0) | ~Vector256.Equals(v1, v1) | ~Vector256.Equals(v2, v2) | ~Vector256.Equals(v3, v3);
                if (max)
                {
                    a0 = Vector256.MaxNative(a0, v0); a1 = Vector256.MaxNative(a1, v1);
                    a2 = Vector256.MaxNative(a2, v2); a3 = Vector256.MaxNative(a3, v3);
                }
                else
                {
                    a0 = Vector256.MinNative(a0, v0); a1 = Vector256.MinNative(a1, v1);
                    a2 = Vector256.MinNative(a2, v2); a3 = Vector256.MinNative(a3, v3);
                }
            }
            sawNaN |= nan != Vector256<T>.Zero;
            var a = max ? Vector256.MaxNative(Vector256.MaxNative(a0, a1), Vector256.MaxNative(a2, a3))
                : Vector256.MinNative(Vector256.MinNative(a0, a1), Vector256.MinNative(a2, a3));
            best = Fold(a, max);
        }
        for (; k < r; k++)
        {
            T v = Unsafe.Add(ref row, k);
            sawNaN |= T.IsNaN(v);
            best = Pick(best, v, max);
        }
        return best;
    }

    /// <summary>The extreme of a vector's lanes by halving shuffles (NaN-free lanes; which of two equal zeros wins is left open).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Fold<T>(Vector256<T> a, bool max) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var h = max ? Vector128.MaxNative(a.GetLower(), a.GetUpper()) : Vector128.MinNative(a.GetLower(), a.GetUpper());
        if (typeof(T) == typeof(float))
        {
            var f = h.AsSingle();
            var g = Vector128.Shuffle(f, Vector128.Create(2, 3, 0, 1));
            f = max ? Vector128.MaxNative(f, g) : Vector128.MinNative(f, g);
            g = Vector128.Shuffle(f, Vector128.Create(1, 0, 3, 2));
            f = max ? Vector128.MaxNative(f, g) : Vector128.MinNative(f, g);
            return Vector128.ToScalar(f.As<float, T>());
        }
        var d = h.AsDouble();
        var e = Vector128.Shuffle(d, Vector128.Create(1L, 0L));
        d = max ? Vector128.MaxNative(d, e) : Vector128.MinNative(d, e);
        return Vector128.ToScalar(d.As<double, T>());
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Pick<T>(T best, T v, bool max) where T : INumber<T> => max ? (v > best ? v : best) : (v < best ? v : best);

    /// <summary>An [r, inner] block: per lane the running extreme and its index, then the columns left over one by one.</summary>
    private static void Columns<T, TI>(T[] x, int start, int r, int inner, bool max, T[]? values, long[]? indices, int at)
        where T : unmanaged, IFloatingPointIeee754<T> where TI : unmanaged, IBinaryInteger<TI>
    {
        int width = Vector256<T>.Count, i = 0;
        ref T block = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(x), start);
        for (; i + width <= inner; i += width)
        {
            var best = Vector256.LoadUnsafe(ref block, (nuint)i);
            var bestK = Vector256<TI>.Zero;
            var step = Vector256<TI>.Zero;
            for (int k = 1; k < r; k++)
            {
                step += Vector256<TI>.One;
                var v = Vector256.LoadUnsafe(ref block, (nuint)((long)k * inner + i));
                // Strictly beyond, or this lane's first NaN: the scalar loop's rule (a NaN best compares false).
                var take = (max ? Vector256.GreaterThan(v, best) : Vector256.LessThan(v, best))
                    | (~Vector256.Equals(v, v) & Vector256.Equals(best, best));
                best = Vector256.ConditionalSelect(take, v, best);
                bestK = Vector256.ConditionalSelect(take.As<T, TI>(), step, bestK);
            }
            for (int lane = 0; lane < width; lane++)
            {
                if (values is not null) values[at + i + lane] = best.GetElement(lane);
                if (indices is not null) indices[at + i + lane] = long.CreateTruncating(bestK.GetElement(lane));
            }
        }
        for (; i < inner; i++) Reduce.ExtremeAt(x, start + i, r, inner, max, values, indices, at + i);
    }
}
