using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Sharpgrad.Kernels.Cpu;

namespace Sharpgrad.Kernels.Operators;

/// <summary>A SLEEF kernel with the C library function ATen's scalar loop calls for the same operation.</summary>
internal interface ISleefScalarKernel<T> : ISleefKernel<T> where T : unmanaged
{
    static abstract T Scalar(T x);
}

/// <summary>A SLEEF kernel of two arguments with its C library counterpart.</summary>
internal interface ISleefKernel2<T> where T : unmanaged
{
    static abstract Vector<T> Invoke(Vector<T> a, Vector<T> b);
    static abstract T Scalar(T a, T b);
}

/// <summary>
/// ATen's cpu_kernel_vec split for SLEEF kernels: a contiguous run's whole pairs of 64-byte vectors through the vector
/// kernel, the elements left over through the C library's function (which is also what every element of a strided
/// input gets). A contiguous run handed over whole is cut into at::parallel_for's pieces first (exact where the run is the whole
/// tensor, as it is below the element-wise grain).
/// </summary>
internal static class SleefSplit
{
    /// <summary>How many of a contiguous run's elements take the vector kernel.</summary>
    public static int VectorPart<T>(int count) where T : unmanaged => AtenLoop.VectorPart<T>(count);

    /// <summary>
    /// y = f(x) over a contiguous tensor's elements: cut into at::parallel_for's pieces, each piece's whole vector pairs
    /// through SLEEF and its last elements through the C library.
    /// </summary>
    public static void Map<T, TKernel>(ReadOnlySpan<T> x, Span<T> y) where T : unmanaged where TKernel : ISleefScalarKernel<T>
    {
        int per = IntraOp.AtenPieceLength(x.Length);
        for (int s = 0; s < x.Length; s += per)
        {
            int n = Math.Min(per, x.Length - s);
            Map<T, TKernel>(x.Slice(s, n), y.Slice(s, n), VectorPart<T>(n));
        }
    }

    /// <summary>y = f(x): the first <paramref name="vectorPart"/> elements through SLEEF, the rest through the C library.</summary>
    public static void Map<T, TKernel>(ReadOnlySpan<T> x, Span<T> y, int vectorPart) where T : unmanaged where TKernel : ISleefScalarKernel<T>
    {
        if (y.Length < x.Length) throw new ArgumentException("Destination is too short.", nameof(y));
        ref T xr = ref MemoryMarshal.GetReference(x);
        ref T yr = ref MemoryMarshal.GetReference(y);
        int w = Vector<T>.Count, i = 0;
        for (; i <= vectorPart - w; i += w) TKernel.Invoke(Vector.LoadUnsafe(ref xr, (nuint)i)).StoreUnsafe(ref yr, (nuint)i);
        for (; i < x.Length; i++) Unsafe.Add(ref yr, i) = TKernel.Scalar(Unsafe.Add(ref xr, i));
    }

    /// <summary>y = f(a, b), split the same way.</summary>
    public static void Map<T, TKernel>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> y, int vectorPart) where T : unmanaged where TKernel : ISleefKernel2<T>
    {
        if (y.Length < a.Length || b.Length < a.Length) throw new ArgumentException("Destination is too short.", nameof(y));
        ref T ar = ref MemoryMarshal.GetReference(a);
        ref T br = ref MemoryMarshal.GetReference(b);
        ref T yr = ref MemoryMarshal.GetReference(y);
        int w = Vector<T>.Count, i = 0;
        for (; i <= vectorPart - w; i += w)
            TKernel.Invoke(Vector.LoadUnsafe(ref ar, (nuint)i), Vector.LoadUnsafe(ref br, (nuint)i)).StoreUnsafe(ref yr, (nuint)i);
        for (; i < a.Length; i++) Unsafe.Add(ref yr, i) = TKernel.Scalar(Unsafe.Add(ref ar, i), Unsafe.Add(ref br, i));
    }

    /// <summary>
    /// y = f(a, b) with one a for every element: ATen's vectorized loop for an input of stride 0 (a broadcast number or
    /// 0-dim tensor), which loads it once as a vector and hands the elements left over to the C library the same way.
    /// </summary>
    public static void Map<T, TKernel>(T a, ReadOnlySpan<T> b, Span<T> y, int vectorPart) where T : unmanaged where TKernel : ISleefKernel2<T>
    {
        if (y.Length < b.Length) throw new ArgumentException("Destination is too short.", nameof(y));
        ref T br = ref MemoryMarshal.GetReference(b);
        ref T yr = ref MemoryMarshal.GetReference(y);
        var av = new Vector<T>(a);
        int w = Vector<T>.Count, i = 0;
        for (; i <= vectorPart - w; i += w) TKernel.Invoke(av, Vector.LoadUnsafe(ref br, (nuint)i)).StoreUnsafe(ref yr, (nuint)i);
        for (; i < b.Length; i++) Unsafe.Add(ref yr, i) = TKernel.Scalar(a, Unsafe.Add(ref br, i));
    }

    /// <summary>y = f(a, b) with one b for every element, split the same way.</summary>
    public static void Map<T, TKernel>(ReadOnlySpan<T> a, T b, Span<T> y, int vectorPart) where T : unmanaged where TKernel : ISleefKernel2<T>
    {
        if (y.Length < a.Length) throw new ArgumentException("Destination is too short.", nameof(y));
        ref T ar = ref MemoryMarshal.GetReference(a);
        ref T yr = ref MemoryMarshal.GetReference(y);
        var bv = new Vector<T>(b);
        int w = Vector<T>.Count, i = 0;
        for (; i <= vectorPart - w; i += w) TKernel.Invoke(Vector.LoadUnsafe(ref ar, (nuint)i), bv).StoreUnsafe(ref yr, (nuint)i);
        for (; i < a.Length; i++) Unsafe.Add(ref yr, i) = TKernel.Scalar(Unsafe.Add(ref ar, i), b);
    }
}

/// <summary>SLEEF's polynomial evaluation by Estrin's scheme (its estrin.h POLYn macros).</summary>
internal static class SleefPoly
{
    /// <summary>
    /// Σ c[n−1−k]·x^k for the coefficients <paramref name="c"/> highest first (2 to 16 of them), in the order SLEEF's
    /// POLYn evaluates it: the top part times the largest power of two below n, added to the bottom part.
    /// </summary>
    public static Vector<T> Estrin<T>(Vector<T> x, Vector<T> x2, Vector<T> x4, Vector<T> x8, ReadOnlySpan<T> c) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = c.Length;
        if (n == 1) return new Vector<T>(c[0]);
        int k = n > 8 ? 8 : n > 4 ? 4 : n > 2 ? 2 : 1;
        var power = k == 8 ? x8 : k == 4 ? x4 : k == 2 ? x2 : x;
        return SleefPair.Fma(power, Estrin(x, x2, x4, x8, c[..(n - k)]), Estrin(x, x2, x4, x8, c[(n - k)..]));
    }

    /// <summary>The same with a coefficient vector per power (each lane its own polynomial): c highest degree first, pow = x, x², x⁴, x⁸, x¹⁶.</summary>
    public static Vector<double> Estrin(ReadOnlySpan<Vector<double>> c, ReadOnlySpan<Vector<double>> pow)
    {
        int n = c.Length;
        if (n == 1) return c[0];
        int k = BitOperations.Log2((uint)(n - 1)), p = 1 << k;
        return Vector.FusedMultiplyAdd(pow[k], Estrin(c[..(n - p)], pow), Estrin(c[(n - p)..], pow));
    }
}
