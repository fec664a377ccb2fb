using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Sharpgrad.Kernels.Operators;

/// <summary>Element-wise math functions, one enum value per primitive (the dispatch switch lives in Dispatch).</summary>
internal enum UnaryKind : byte
{
    Neg, Exp, Log, Sqrt, Abs, Sin, Cos, Sigmoid, Tanh, Relu, Reciprocal, Sign, Erf, Rsqrt, Square, Log1p, Expm1, Floor, Ceil, Round,
    Tan, Asin, Acos, Atan, Sinh, Cosh, Asinh, Acosh, Atanh, Log2, Log10, Exp2, Trunc, Frac, Erfc, Erfinv, Sinc, Lgamma, Digamma, Trigamma,
    I0, I0e, I1, I1e, Erfcx, LogNdtr, Ndtri,
}

/// <summary>Floating-point unary primitives; the span path is TensorPrimitives where it has one.</summary>
internal readonly struct FloatUnaryOperator<T>(UnaryKind kind) : IUnaryOperator<T, T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public T Invoke(T x) => SleefUnary.TryInvoke(kind, x, out T y) ? y : kind switch
    {
        UnaryKind.Neg => -x,
        UnaryKind.Exp => typeof(T) == typeof(float) ? T.CreateTruncating(SleefExp.Exp(float.CreateTruncating(x)))
            : typeof(T) == typeof(double) ? T.CreateTruncating(SleefExp.Exp(double.CreateTruncating(x))) : T.Exp(x),
        UnaryKind.Log => typeof(T) == typeof(float) ? T.CreateTruncating(SleefLog.Log(float.CreateTruncating(x)))
            : typeof(T) == typeof(double) ? T.CreateTruncating(SleefLog.Log(double.CreateTruncating(x))) : T.Log(x),
        UnaryKind.Sqrt => T.Sqrt(x),
        UnaryKind.Abs => T.Abs(x),
        UnaryKind.Sin => typeof(T) == typeof(float) ? T.CreateTruncating(SleefTrig.Sin(float.CreateTruncating(x)))
            : typeof(T) == typeof(double) ? T.CreateTruncating(SleefTrig.Sin(double.CreateTruncating(x))) : T.Sin(x),
        UnaryKind.Cos => typeof(T) == typeof(float) ? T.CreateTruncating(SleefTrig.Cos(float.CreateTruncating(x)))
            : typeof(T) == typeof(double) ? T.CreateTruncating(SleefTrig.Cos(double.CreateTruncating(x))) : T.Cos(x),
        UnaryKind.Sigmoid => T.One / (T.One + T.Exp(-x)),
        UnaryKind.Tanh => typeof(T) == typeof(float) ? T.CreateTruncating(SleefTanh.Tanh(float.CreateTruncating(x)))
            : typeof(T) == typeof(double) ? T.CreateTruncating(SleefExpm1.Tanh(double.CreateTruncating(x))) : T.Tanh(x),
        UnaryKind.Relu => x < T.Zero ? T.Zero : x, // keeps -0 and NaN, as PyTorch's clamp_min(x, 0)
        UnaryKind.Reciprocal => T.One / x,
        // (0 < x) - (x < 0) as PyTorch's kernel: NaN and -0 give +0
        UnaryKind.Sign => x > T.Zero ? T.One : x < T.Zero ? -T.One : T.Zero,
        UnaryKind.Erf => typeof(T) == typeof(float) ? T.CreateTruncating(SleefExp.Erf(float.CreateTruncating(x)))
            : typeof(T) == typeof(double) ? T.CreateTruncating(SleefErf.Erf(double.CreateTruncating(x))) : T.CreateTruncating(ErfFunction.Erf(double.CreateTruncating(x))),
        UnaryKind.Rsqrt => T.One / T.Sqrt(x),
        UnaryKind.Square => x * x,
        UnaryKind.Log1p => typeof(T) == typeof(float) ? T.CreateTruncating(SleefLog.Log1p(float.CreateTruncating(x)))
            : typeof(T) == typeof(double) ? T.CreateTruncating(SleefLog.Log1p(double.CreateTruncating(x))) : AccurateMath.Log1p(x),
        UnaryKind.Expm1 => typeof(T) == typeof(float) ? T.CreateTruncating(SleefExpm1.Expm1(float.CreateTruncating(x)))
            : typeof(T) == typeof(double) ? T.CreateTruncating(SleefExpm1.Expm1(double.CreateTruncating(x))) : AccurateMath.Expm1(x),
        UnaryKind.Floor => T.Floor(x),
        UnaryKind.Ceil => T.Ceiling(x),
        UnaryKind.Tan => T.Tan(x),
        UnaryKind.Asin => T.Asin(x),
        UnaryKind.Acos => T.Acos(x),
        UnaryKind.Atan => T.Atan(x),
        UnaryKind.Sinh => T.Sinh(x),
        UnaryKind.Cosh => T.Cosh(x),
        UnaryKind.Asinh => T.Asinh(x),
        UnaryKind.Acosh => T.Acosh(x),
        UnaryKind.Atanh => T.Atanh(x),
        UnaryKind.Log2 => T.Log2(x),
        UnaryKind.Log10 => T.Log10(x),
        UnaryKind.Exp2 => T.Exp2(x),
        UnaryKind.Trunc => T.Truncate(x),
        UnaryKind.Frac => SpecialMath.Frac(x),
        UnaryKind.Erfc => typeof(T) == typeof(float) ? T.CreateTruncating(SleefErf.Erfc(float.CreateTruncating(x)))
            : typeof(T) == typeof(double) ? T.CreateTruncating(SleefErf.Erfc(double.CreateTruncating(x))) : T.CreateTruncating(SpecialMath.Erfc(double.CreateTruncating(x))),
        UnaryKind.Erfinv => AtenErfinv.Erfinv(x),
        UnaryKind.Sinc => SpecialMath.Sinc(x),
        UnaryKind.Lgamma => typeof(T) == typeof(float) ? T.CreateTruncating(SleefLgamma.Lgamma(float.CreateTruncating(x)))
            : typeof(T) == typeof(double) ? T.CreateTruncating(SleefLgamma.Lgamma(double.CreateTruncating(x))) : T.CreateTruncating(LibmMath.Lgamma(double.CreateTruncating(x))),
        UnaryKind.Digamma => SpecialMath.Digamma(x),
        UnaryKind.Trigamma => SpecialMath.Trigamma(x),
        UnaryKind.I0 => BesselMath.I0(x),
        UnaryKind.I0e => BesselMath.I0e(x),
        UnaryKind.I1 => BesselMath.I1(x),
        UnaryKind.I1e => BesselMath.I1e(x),
        UnaryKind.Erfcx => NormalMath.Erfcx(x),
        UnaryKind.LogNdtr => NormalMath.LogNdtr(x),
        UnaryKind.Ndtri => NormalMath.Ndtri(x),
        _ => T.Round(x, MidpointRounding.ToEven),
    };

    public bool TryInvoke(ReadOnlySpan<T> x, Span<T> y)
    {
        if (SleefUnary.TryInvoke(kind, x, y)) return true;
        switch (kind)
        {
            case UnaryKind.Neg: TensorPrimitives.Negate(x, y); return true;
            case UnaryKind.Exp when typeof(T) == typeof(float):
                SleefExp.Exp(MemoryMarshal.Cast<T, float>(x), MemoryMarshal.Cast<T, float>(y));
                return true;
            case UnaryKind.Exp when typeof(T) == typeof(double):
                SleefExp.Exp(MemoryMarshal.Cast<T, double>(x), MemoryMarshal.Cast<T, double>(y));
                return true;
            case UnaryKind.Exp: TensorPrimitives.Exp(x, y); return true;
            case UnaryKind.Log when typeof(T) == typeof(float):
                SleefLog.Log(MemoryMarshal.Cast<T, float>(x), MemoryMarshal.Cast<T, float>(y));
                return true;
            case UnaryKind.Log when typeof(T) == typeof(double):
                SleefLog.Log(MemoryMarshal.Cast<T, double>(x), MemoryMarshal.Cast<T, double>(y));
                return true;
            case UnaryKind.Log: TensorPrimitives.Log(x, y); return true;
            case UnaryKind.Log1p when typeof(T) == typeof(float):
                SleefLog.Log1p(MemoryMarshal.Cast<T, float>(x), MemoryMarshal.Cast<T, float>(y));
                return true;
            case UnaryKind.Log1p when typeof(T) == typeof(double):
                SleefLog.Log1p(MemoryMarshal.Cast<T, double>(x), MemoryMarshal.Cast<T, double>(y));
                return true;
            case UnaryKind.Sqrt: TensorPrimitives.Sqrt(x, y); return true;
            case UnaryKind.Abs: TensorPrimitives.Abs(x, y); return true;
            case UnaryKind.Sin when typeof(T) == typeof(float):
                SleefTrig.Sin(MemoryMarshal.Cast<T, float>(x), MemoryMarshal.Cast<T, float>(y));
                return true;
            case UnaryKind.Sin when typeof(T) == typeof(double):
                SleefTrig.Sin(MemoryMarshal.Cast<T, double>(x), MemoryMarshal.Cast<T, double>(y));
                return true;
            case UnaryKind.Sin: TensorPrimitives.Sin(x, y); return true;
            case UnaryKind.Cos when typeof(T) == typeof(float):
                SleefTrig.Cos(MemoryMarshal.Cast<T, float>(x), MemoryMarshal.Cast<T, float>(y));
                return true;
            case UnaryKind.Cos when typeof(T) == typeof(double):
                SleefTrig.Cos(MemoryMarshal.Cast<T, double>(x), MemoryMarshal.Cast<T, double>(y));
                return true;
            case UnaryKind.Cos: TensorPrimitives.Cos(x, y); return true;
            case UnaryKind.Sigmoid when typeof(T) == typeof(float):
                SleefExp.Sigmoid(MemoryMarshal.Cast<T, float>(x), MemoryMarshal.Cast<T, float>(y));
                return true;
            case UnaryKind.Sigmoid when typeof(T) == typeof(double):
                SleefExp.Sigmoid(MemoryMarshal.Cast<T, double>(x), MemoryMarshal.Cast<T, double>(y));
                return true;
            case UnaryKind.Sigmoid: TensorPrimitives.Sigmoid(x, y); return true;
            case UnaryKind.Tanh when typeof(T) == typeof(float):
                SleefTanh.Tanh(MemoryMarshal.Cast<T, float>(x), MemoryMarshal.Cast<T, float>(y));
                return true;
            case UnaryKind.Tanh when typeof(T) == typeof(double):
                SleefExpm1.Tanh(MemoryMarshal.Cast<T, double>(x), MemoryMarshal.Cast<T, double>(y));
                return true;
            case UnaryKind.Tanh: AccurateMath.Tanh(x, y); return true;
            case UnaryKind.Expm1 when typeof(T) == typeof(float):
                SleefExpm1.Expm1(MemoryMarshal.Cast<T, float>(x), MemoryMarshal.Cast<T, float>(y));
                return true;
            case UnaryKind.Expm1 when typeof(T) == typeof(double):
                SleefExpm1.Expm1(MemoryMarshal.Cast<T, double>(x), MemoryMarshal.Cast<T, double>(y));
                return true;
            case UnaryKind.Erf when typeof(T) == typeof(double):
                SleefErf.Erf(MemoryMarshal.Cast<T, double>(x), MemoryMarshal.Cast<T, double>(y));
                return true;
            case UnaryKind.Erfc when typeof(T) == typeof(float):
                SleefErf.Erfc(MemoryMarshal.Cast<T, float>(x), MemoryMarshal.Cast<T, float>(y));
                return true;
            case UnaryKind.Erfc when typeof(T) == typeof(double):
                SleefErf.Erfc(MemoryMarshal.Cast<T, double>(x), MemoryMarshal.Cast<T, double>(y));
                return true;
            case UnaryKind.Lgamma when typeof(T) == typeof(float):
                SleefLgamma.Lgamma(MemoryMarshal.Cast<T, float>(x), MemoryMarshal.Cast<T, float>(y));
                return true;
            case UnaryKind.Lgamma when typeof(T) == typeof(double):
                SleefLgamma.Lgamma(MemoryMarshal.Cast<T, double>(x), MemoryMarshal.Cast<T, double>(y));
                return true;
            case UnaryKind.Reciprocal: TensorPrimitives.Reciprocal(x, y); return true;
            case UnaryKind.Square: TensorPrimitives.Multiply(x, x, y); return true;
            case UnaryKind.Relu: Relu(x, y); return true;
            default: return false;
        }
    }

    /// <summary>x &lt; 0 ? +0 : x. Not TensorPrimitives.Max(x, 0): that turns -0 into +0, PyTorch keeps -0 (and NaN).</summary>
    private static void Relu(ReadOnlySpan<T> x, Span<T> y)
    {
        if (y.Length < x.Length) throw new ArgumentException("Destination is too short.", nameof(y));
        ref T xr = ref MemoryMarshal.GetReference(x);
        ref T yr = ref MemoryMarshal.GetReference(y);
        nuint n = (nuint)x.Length, i = 0;
        if (Vector512.IsHardwareAccelerated && Vector512<T>.IsSupported)
        {
            nuint w = (nuint)Vector512<T>.Count;
            for (; i + 2 * w <= n; i += 2 * w)
            {
                var v0 = Vector512.LoadUnsafe(ref xr, i);
                var v1 = Vector512.LoadUnsafe(ref xr, i + w);
                Vector512.ConditionalSelect(Vector512.LessThan(v0, Vector512<T>.Zero), Vector512<T>.Zero, v0).StoreUnsafe(ref yr, i);
                Vector512.ConditionalSelect(Vector512.LessThan(v1, Vector512<T>.Zero), Vector512<T>.Zero, v1).StoreUnsafe(ref yr, i + w);
            }
        }
        else if (Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported)
        {
            nuint w = (nuint)Vector256<T>.Count;
            for (; i + w <= n; i += w)
            {
                var v = Vector256.LoadUnsafe(ref xr, i);
                Vector256.ConditionalSelect(Vector256.LessThan(v, Vector256<T>.Zero), Vector256<T>.Zero, v).StoreUnsafe(ref yr, i);
            }
        }
        for (; i < n; i++)
        {
            T v = Unsafe.Add(ref xr, i);
            Unsafe.Add(ref yr, i) = v < T.Zero ? T.Zero : v;
        }
    }
}

/// <summary>Integer unary primitives (negation, abs, sign, relu); math functions promote to float first.</summary>
internal readonly struct IntegerUnaryOperator<T>(UnaryKind kind) : IUnaryOperator<T, T> where T : unmanaged, IBinaryInteger<T>
{
    // Wrapping arithmetic throughout, as in C++: abs and neg of the minimum value are the minimum value, and an unsigned
    // negation wraps (-200 as uint8 is 56).
    public T Invoke(T x) => kind switch
    {
        UnaryKind.Neg => T.Zero - x,
        UnaryKind.Abs => T.IsNegative(x) ? T.Zero - x : x,
        UnaryKind.Sign => T.IsNegative(x) ? T.Zero - T.One : T.IsZero(x) ? T.Zero : T.One,
        UnaryKind.Relu => T.IsPositive(x) ? x : T.Zero,
        UnaryKind.Square => x * x,
        _ => x, // floor/ceil/round/trunc are the identity on integers
    };

    public bool TryInvoke(ReadOnlySpan<T> x, Span<T> y) => false;
}

/// <summary>clamp(x, min, max); a NaN input stays NaN, as in PyTorch.</summary>
internal readonly struct ClampOperator<T>(T min, T max, bool hasMin, bool hasMax) : IUnaryOperator<T, T> where T : unmanaged, INumber<T>
{
    public T Invoke(T x)
    {
        if (T.IsNaN(x)) return x;
        if (hasMin && x < min) x = min;
        if (hasMax && x > max) x = max;
        return x;
    }

    public bool TryInvoke(ReadOnlySpan<T> x, Span<T> y)
    {
        if (hasMin && hasMax && min > max) return false; // PyTorch: every element becomes max
        if (hasMin) { TensorPrimitives.Max(x, min, y); x = y; }
        if (hasMax) TensorPrimitives.Min(x, max, y);
        else if (!hasMin) x.CopyTo(y);
        return true;
    }
}

/// <summary>Identity copy (contiguous runs become memcpy).</summary>
internal readonly struct CopyOperator<T> : IUnaryOperator<T, T>
{
    public T Invoke(T x) => x;
    public bool TryInvoke(ReadOnlySpan<T> x, Span<T> y) { x.CopyTo(y); return true; }
}

/// <summary>dtype conversion with C# semantics matching PyTorch's (truncation toward zero for float to int).</summary>
internal readonly struct CastOperator<TIn, TOut> : IUnaryOperator<TIn, TOut> where TIn : unmanaged where TOut : unmanaged
{
    public TOut Invoke(TIn x)
    {
        if (typeof(TOut) == typeof(bool)) return (TOut)(object)!ToDouble(x).Equals(0.0);
        // Integer to integer goes through long, not double, so values past 2^53 survive; narrowing wraps as C++'s
        // static_cast does.
        if (typeof(TIn) == typeof(long) || typeof(TIn) == typeof(int) || typeof(TIn) == typeof(short) || typeof(TIn) == typeof(sbyte) || typeof(TIn) == typeof(byte))
        {
            long l = typeof(TIn) == typeof(long) ? (long)(object)x! : typeof(TIn) == typeof(int) ? (int)(object)x! : typeof(TIn) == typeof(short) ? (short)(object)x!
                : typeof(TIn) == typeof(sbyte) ? (sbyte)(object)x! : (byte)(object)x!;
            if (typeof(TOut) == typeof(long)) return (TOut)(object)l;
            if (typeof(TOut) == typeof(int)) return (TOut)(object)unchecked((int)l);
            if (typeof(TOut) == typeof(short)) return (TOut)(object)unchecked((short)l);
            if (typeof(TOut) == typeof(sbyte)) return (TOut)(object)unchecked((sbyte)l);
            if (typeof(TOut) == typeof(byte)) return (TOut)(object)unchecked((byte)l);
        }
        double v = ToDouble(x);
        if (typeof(TOut) == typeof(float)) return (TOut)(object)(float)v;
        if (typeof(TOut) == typeof(double)) return (TOut)(object)v;
        if (typeof(TOut) == typeof(long)) return (TOut)(object)(double.IsNaN(v) ? long.MinValue : (long)v);
        if (typeof(TOut) == typeof(int)) return (TOut)(object)FloatToInt32(v);
        // int16 and int8 go through int32 and keep its low bits, as c10's static_cast does on x86 (300.5 is 44 as int8, NaN 0)
        if (typeof(TOut) == typeof(short)) return (TOut)(object)unchecked((short)FloatToInt32(v));
        if (typeof(TOut) == typeof(sbyte)) return (TOut)(object)unchecked((sbyte)FloatToInt32(v));
        // uint8 goes through int64 and keeps the low byte, as c10's static_cast_with_inter_type does (-1.0 is 255)
        if (typeof(TOut) == typeof(byte)) return (TOut)(object)unchecked((byte)(double.IsNaN(v) || v <= -9.2233720368547758E+18 || v >= 9.2233720368547758E+18 ? long.MinValue : (long)v));
        throw new NotSupportedException();
    }

    // x86's cvttsd2si: NaN and anything outside the int32 range become int.MinValue (PyTorch's CPU cast).
    private static int FloatToInt32(double v) => v > -2147483649.0 && v < 2147483648.0 ? (int)v : int.MinValue;

    private static double ToDouble(TIn x)
    {
        if (typeof(TIn) == typeof(float)) return (float)(object)x!;
        if (typeof(TIn) == typeof(double)) return (double)(object)x!;
        if (typeof(TIn) == typeof(long)) return (long)(object)x!;
        if (typeof(TIn) == typeof(int)) return (int)(object)x!;
        if (typeof(TIn) == typeof(short)) return (short)(object)x!;
        if (typeof(TIn) == typeof(sbyte)) return (sbyte)(object)x!;
        if (typeof(TIn) == typeof(byte)) return (byte)(object)x!;
        return (bool)(object)x! ? 1.0 : 0.0;
    }

    public bool TryInvoke(ReadOnlySpan<TIn> x, Span<TOut> y)
    {
        if (typeof(TIn) == typeof(float) && typeof(TOut) == typeof(double))
        {
            TensorPrimitives.ConvertChecked(System.Runtime.InteropServices.MemoryMarshal.Cast<TIn, float>(x), System.Runtime.InteropServices.MemoryMarshal.Cast<TOut, double>(y));
            return true;
        }
        if (typeof(TIn) == typeof(double) && typeof(TOut) == typeof(float))
        {
            TensorPrimitives.ConvertTruncating(System.Runtime.InteropServices.MemoryMarshal.Cast<TIn, double>(x), System.Runtime.InteropServices.MemoryMarshal.Cast<TOut, float>(y));
            return true;
        }
        return false;
    }
}

/// <summary>The error function (Abramowitz-Stegun 7.1.26 is too coarse for gradcheck; this is W. J. Cody's rational form).</summary>
internal static class ErfFunction
{
    public static double Erf(double x)
    {
        if (double.IsNaN(x)) return x;
        double ax = Math.Abs(x);
        if (ax < 0.5)
        {
            double t = x * x;
            double top = (((0.185777706184603153e0 * t + 3.16112374387056560e0) * t + 113.864154151050156e0) * t + 377.485237685302021e0) * t + 3209.37758913846947e0;
            double bot = (((t + 23.6012909523441209e0) * t + 244.024637934444173e0) * t + 1282.61652607737228e0) * t + 2844.23683343917062e0;
            return x * top / bot;
        }
        return Math.CopySign(1.0 - Erfc(ax), x);
    }

    internal static double Erfc(double ax)
    {
        if (ax < 4.0)
        {
            double top = (((((((2.15311535474403846e-8 * ax + 5.64188496988670089e-1) * ax + 8.88314979438837594e0) * ax + 66.1191906371416295e0) * ax + 298.635138197400131e0) * ax + 881.952221241769090e0) * ax + 1712.04761263407058e0) * ax + 2051.07837782607147e0) * ax + 1230.33935479799725e0;
            double bot = (((((((ax + 15.7449261107098347e0) * ax + 117.693950891312499e0) * ax + 537.181101862009858e0) * ax + 1621.38957456669019e0) * ax + 3290.79923573345963e0) * ax + 4362.61909014324716e0) * ax + 3439.36767414372164e0) * ax + 1230.33935480374942e0;
            return Math.Exp(-ax * ax) * top / bot;
        }
        if (ax > 27.0) return 0.0;
        double z = 1.0 / (ax * ax);
        double ptop = ((((1.63153871373020978e-2 * z + 3.05326634961232344e-1) * z + 3.60344899949804439e-1) * z + 1.25781726111229246e-1) * z + 1.60837851487422766e-2) * z + 6.58749161529837803e-4;
        double pbot = ((((z + 2.56852019228982242e0) * z + 1.87295284992346725e0) * z + 5.27905102951428412e-1) * z + 6.05183413124413191e-2) * z + 2.33520497626869185e-3;
        double r = (1.0 / Math.Sqrt(Math.PI) - z * ptop / pbot) / ax;
        return Math.Exp(-ax * ax) * r;
    }
}
