using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Sharpgrad.Kernels.Operators;

/// <summary>
/// Functions whose library forms lose precision where PyTorch's do not: .NET's LogP1/ExpM1 are log(1 + x) and
/// exp(x) - 1 (all relative precision gone for tiny x), and TensorPrimitives.Tanh is off by up to 10^4 relative
/// below |x| = 0.01 in float (tanh(0) = -6e-8) and gives tanh(0) = -0 in double.
/// </summary>
internal static class AccurateMath
{
    /// <summary>log(1 + x) with full relative precision (Kahan: log(u)·x/(u - 1), u = 1 + x).</summary>
    public static T Log1p<T>(T x) where T : IFloatingPointIeee754<T>
    {
        T u = T.One + x;
        if (u == T.One) return x; // also keeps -0
        if (T.IsPositiveInfinity(u)) return u;
        return T.Log(u) * (x / (u - T.One));
    }

    /// <summary>exp(x) - 1 with full relative precision (Kahan: (u - 1)·x/log(u), u = exp(x)).</summary>
    public static T Expm1<T>(T x) where T : IFloatingPointIeee754<T>
    {
        T u = T.Exp(x);
        if (u == T.One) return x; // also keeps -0
        T d = u - T.One;
        if (d == -T.One || T.IsPositiveInfinity(u)) return d;
        return d * (x / T.Log(u));
    }

    // Below this |x| the vectorized library tanh is replaced by a rational (double) or polynomial (float)
    // approximation, Cephes' tanh/tanhf forms for |x| <= 0.625 (errors of an ulp or two).
    private const double SmallTanh = 0.625;

    /// <summary>y = tanh(x): TensorPrimitives' vectorized tanh, with the small-|x| lanes recomputed.</summary>
    public static void Tanh<T>(ReadOnlySpan<T> x, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (x.Overlaps(y))
        {
            // in place: the fix-up needs the inputs the vectorized pass overwrites
            T[] copy = x.ToArray();
            TensorPrimitives.Tanh<T>(copy, y);
            FixSmallTanh<T>(copy, y);
            return;
        }
        TensorPrimitives.Tanh(x, y);
        FixSmallTanh(x, y);
    }

    /// <summary>Overwrites y[i] = tanh(x[i]) for every |x[i]| &lt; 0.625 (keeps ±0); other lanes are left as they are.</summary>
    private static void FixSmallTanh<T>(ReadOnlySpan<T> x, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ref T xr = ref MemoryMarshal.GetReference(x);
        ref T yr = ref MemoryMarshal.GetReference(y);
        nuint n = (nuint)x.Length, i = 0;
        if (Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported && (typeof(T) == typeof(float) || typeof(T) == typeof(double)))
        {
            nuint w = (nuint)Vector256<T>.Count;
            var limit = Vector256.Create(T.CreateTruncating(SmallTanh));
            for (; i + w <= n; i += w)
            {
                var v = Vector256.LoadUnsafe(ref xr, i);
                var small = Vector256.LessThan(Vector256.Abs(v), limit);
                if (small == Vector256<T>.Zero) continue;
                var t = typeof(T) == typeof(float)
                    ? SmallTanhF(v.As<T, float>()).As<float, T>()
                    : SmallTanhD(v.As<T, double>()).As<double, T>();
                t = Vector256.ConditionalSelect(Vector256.Equals(v, Vector256<T>.Zero), v, t);
                Vector256.ConditionalSelect(small, t, Vector256.LoadUnsafe(ref yr, i)).StoreUnsafe(ref yr, i);
            }
        }
        for (; i < n; i++)
        {
            T v = Unsafe.Add(ref xr, i);
            if (T.Abs(v) < T.CreateTruncating(SmallTanh)) Unsafe.Add(ref yr, i) = T.Tanh(v);
        }
    }

    private static Vector256<float> SmallTanhF(Vector256<float> x)
    {
        var z = x * x;
        var p = Vector256.Create(-5.70498872745e-3f);
        p = p * z + Vector256.Create(2.06390887954e-2f);
        p = p * z - Vector256.Create(5.37397155531e-2f);
        p = p * z + Vector256.Create(1.33314422036e-1f);
        p = p * z - Vector256.Create(3.33332819422e-1f);
        return p * z * x + x;
    }

    private static Vector256<double> SmallTanhD(Vector256<double> x)
    {
        var z = x * x;
        var p = Vector256.Create(-9.64399179425052238628e-1);
        p = p * z - Vector256.Create(9.92877231001918586564e1);
        p = p * z - Vector256.Create(1.61468768441708447952e3);
        var q = z + Vector256.Create(1.12811678491632931402e2);
        q = q * z + Vector256.Create(2.23548839060100448583e3);
        q = q * z + Vector256.Create(4.84406305325125486048e3);
        return x + x * (z * p / q);
    }
}
