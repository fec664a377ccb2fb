using System.Numerics;
using System.Runtime.CompilerServices;
using static Sharpgrad.Kernels.Operators.SleefPair;

namespace Sharpgrad.Kernels.Operators;

/// <summary>
/// log and log1p as PyTorch's CPU kernels compute them, bit for bit: ATen's vml map over SLEEF's logf_u10/log_u10 and
/// log1pf_u10/log1p_u10 (AVX-512 build: the exponent and mantissa from vgetexp/vgetmant, the mantissa in [0.75, 1.5),
/// m = (a − 1)/(a + 1) in double-word arithmetic, an odd polynomial, special inputs fixed up at the end). The algorithms
/// follow SLEEF's published xlogf_u1/xlog_u1/xlog1pf/xlog1p (Boost Software License 1.0); no code is shared with it.
/// </summary>
internal static class SleefLog
{
    private const float Ln2HiF = 0.69314718246459960938f, Ln2LoF = -1.904654323148236017e-09f;
    private const double Ln2Hi = 0.693147180559945286226764, Ln2Lo = 2.319046813846299558417771e-17;

    public static void Log(ReadOnlySpan<float> x, Span<float> y) => SleefMap.Map<float, LogF>(x, y);
    public static void Log(ReadOnlySpan<double> x, Span<double> y) => SleefMap.Map<double, LogD>(x, y);
    public static void Log1p(ReadOnlySpan<float> x, Span<float> y) => SleefMap.Map<float, Log1pF>(x, y);
    public static void Log1p(ReadOnlySpan<double> x, Span<double> y) => SleefMap.Map<double, Log1pD>(x, y);
    public static float Log(float x) => SleefMap.One<float, LogF>(x);
    public static double Log(double x) => SleefMap.One<double, LogD>(x);
    public static float Log1p(float x) => SleefMap.One<float, Log1pF>(x);
    public static double Log1p(double x) => SleefMap.One<double, Log1pD>(x);

    private readonly struct LogF : ISleefKernel<float> { public static Vector<float> Invoke(Vector<float> x) => Log(x); }
    private readonly struct LogD : ISleefKernel<double> { public static Vector<double> Invoke(Vector<double> x) => Log(x); }
    private readonly struct Log1pF : ISleefKernel<float> { public static Vector<float> Invoke(Vector<float> x) => Log1p(x); }
    private readonly struct Log1pD : ISleefKernel<double> { public static Vector<double> Invoke(Vector<double> x) => Log1p(x); }

    private static Vector<float> Log(Vector<float> d)
    {
        var e = GetExp(d * (1f / 0.75f));
        var m = GetMant(d);
        var s = Multiply(new SleefPair<float>(new(Ln2HiF), new(Ln2LoF)), e);
        var x = Divide(Add2(new Vector<float>(-1f), m), Add2(Vector<float>.One, m));
        var r = LogTail(s, x);
        return FixUpLog(r, d);
    }

    private static Vector<double> Log(Vector<double> d)
    {
        var e = GetExp(d * (1.0 / 0.75));
        var m = GetMant(d);
        var s = Multiply(new SleefPair<double>(new(Ln2Hi), new(Ln2Lo)), e);
        var x = Divide(Add2(new Vector<double>(-1.0), m), Add2(Vector<double>.One, m));
        var r = LogTail(s, x);
        return FixUpLog(r, d);
    }

    private static Vector<float> Log1p(Vector<float> d)
    {
        var e = GetExp((d + Vector<float>.One) * (1f / 0.75f));
        // t = 2^-e by adding -e to 1's exponent field (SLEEF's vldexp3), then m = d·t + (t − 1) = (1 + d)·2^-e − 1
        var q = Vector.ConvertToInt32(e);
        var t = (Vector<float>.One.As<float, int>() + Vector.ShiftLeft(-q, 23)).As<int, float>();
        var m = Fma(d, t, t - Vector<float>.One);
        var s = Multiply(new SleefPair<float>(new(Ln2HiF), new(Ln2LoF)), e);
        var x = Divide(new SleefPair<float>(m, Vector<float>.Zero), Add(new Vector<float>(2f), m));
        var r = LogTail(s, x);
        r = Vector.ConditionalSelect(Vector.GreaterThan(d, new Vector<float>(1e38f)), new Vector<float>(float.PositiveInfinity), r);
        r = (r.As<float, int>() | Vector.GreaterThan(new Vector<float>(-1f), d)).As<int, float>();
        r = Vector.ConditionalSelect(Vector.Equals(d, new Vector<float>(-1f)), new Vector<float>(float.NegativeInfinity), r);
        return Vector.ConditionalSelect(Vector.Equals(d.As<float, int>(), new Vector<int>(int.MinValue)), d, r);
    }

    private static Vector<double> Log1p(Vector<double> d)
    {
        var e = GetExp((d + Vector<double>.One) * (1.0 / 0.75));
        var q = Vector.ConvertToInt64(e);
        var t = (Vector<double>.One.As<double, long>() + Vector.ShiftLeft(-q, 52)).As<long, double>();
        var m = Fma(d, t, t - Vector<double>.One);
        var s = Multiply(new SleefPair<double>(new(Ln2Hi), new(Ln2Lo)), e);
        var x = Divide(new SleefPair<double>(m, Vector<double>.Zero), Add(new Vector<double>(2.0), m));
        var r = LogTail(s, x);
        r = Vector.ConditionalSelect(Vector.GreaterThan(d, new Vector<double>(1e307)), new Vector<double>(double.PositiveInfinity), r);
        r = Vector.ConditionalSelect(Vector.LessThan(d, new Vector<double>(-1.0)) | ~Vector.Equals(d, d), new Vector<double>(double.NaN), r);
        r = Vector.ConditionalSelect(Vector.Equals(d, new Vector<double>(-1.0)), new Vector<double>(double.NegativeInfinity), r);
        return Vector.ConditionalSelect(Vector.Equals(d.As<double, long>(), new Vector<long>(long.MinValue)), d, r);
    }

    /// <summary>s + 2x + x³·p(x²): the shared end of logf and log1pf (degree-2 polynomial in x²).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> LogTail(SleefPair<float> s, SleefPair<float> x)
    {
        var x2 = x.X * x.X;
        var t = Fma(new Vector<float>(0.3027294874e+0f), x2, new Vector<float>(0.3996108174e+0f));
        t = Fma(t, x2, new Vector<float>(0.6666694880e+0f));
        s = Add(s, Scale(x, new Vector<float>(2f)));
        return Add(s, x2 * x.X * t).Sum;
    }

    /// <summary>The same for doubles: a degree-6 polynomial in x², by Estrin's scheme.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<double> LogTail(SleefPair<double> s, SleefPair<double> x)
    {
        var x2 = x.X * x.X;
        var x4 = x2 * x2;
        var x8 = x4 * x4;
        var p3 = Fma(x4, new Vector<double>(0.1532076988502701353e+0), Fma(x2, new Vector<double>(0.1525629051003428716e+0), new Vector<double>(0.1818605932937785996e+0)));
        var p4 = Fma(x4, Fma(x2, new Vector<double>(0.2222214519839380009e+0), new Vector<double>(0.2857142932794299317e+0)),
            Fma(x2, new Vector<double>(0.3999999999635251990e+0), new Vector<double>(0.6666666666667333541e+0)));
        var t = Fma(x8, p3, p4);
        s = Add(s, Scale(x, new Vector<double>(2.0)));
        return Add(s, x2 * x.X * t).Sum;
    }

    /// <summary>
    /// AVX-512's fixupimm as SLEEF's logs set it: ±0 → −∞, +∞ → +∞, negative (−∞ too) → the input made a quiet NaN (its
    /// sign and payload kept: −∞ gives the default NaN), NaN stays NaN.
    /// </summary>
    internal static Vector<float> FixUpLog(Vector<float> r, Vector<float> d)
    {
        r = Vector.ConditionalSelect(Vector.LessThan(d, Vector<float>.Zero), d | new Vector<float>(BitConverter.Int32BitsToSingle(0x7fc00000)), r);
        r = Vector.ConditionalSelect(Vector.Equals(d, Vector<float>.Zero), new Vector<float>(float.NegativeInfinity), r);
        r = Vector.ConditionalSelect(Vector.Equals(d, new Vector<float>(float.PositiveInfinity)), d, r);
        return Vector.ConditionalSelect(Vector.Equals(d, d), r, d);
    }

    internal static Vector<double> FixUpLog(Vector<double> r, Vector<double> d)
    {
        r = Vector.ConditionalSelect(Vector.LessThan(d, Vector<double>.Zero), d | new Vector<double>(BitConverter.Int64BitsToDouble(0x7ff8000000000000)), r);
        r = Vector.ConditionalSelect(Vector.Equals(d, Vector<double>.Zero), new Vector<double>(double.NegativeInfinity), r);
        r = Vector.ConditionalSelect(Vector.Equals(d, new Vector<double>(double.PositiveInfinity)), d, r);
        return Vector.ConditionalSelect(Vector.Equals(d, d), r, d);
    }

    /// <summary>
    /// floor(log2 |x|) as vgetexpps for finite non-zero x, subnormals included; 128 for ±∞ (where SLEEF replaces
    /// vgetexpps's +∞ by 128). Zero and NaN give values the callers' fix-ups override.
    /// </summary>
    internal static Vector<float> GetExp(Vector<float> x)
    {
        var a = Vector.Abs(x);
        var sub = Vector.LessThan(a, new Vector<float>(1.17549435e-38f));
        a = Vector.ConditionalSelect(sub, a * 4294967296f, a);
        var e = Vector.ShiftRightLogical(a.As<float, int>(), 23) - new Vector<int>(127) - (sub & new Vector<int>(32));
        return Vector.ConvertToSingle(e);
    }

    internal static Vector<double> GetExp(Vector<double> x)
    {
        var a = Vector.Abs(x);
        var sub = Vector.LessThan(a, new Vector<double>(2.2250738585072014e-308));
        a = Vector.ConditionalSelect(sub, a * 18446744073709551616.0, a);
        var e = Vector.ShiftRightLogical(a.As<double, long>(), 52) - new Vector<long>(1023) - (sub & new Vector<long>(64));
        return Vector.ConvertToDouble(e);
    }

    /// <summary>The significand of a positive finite x scaled into [0.75, 1.5), as vgetmantps with _MM_MANT_NORM_p75_1p5.</summary>
    internal static Vector<float> GetMant(Vector<float> x)
    {
        var sub = Vector.LessThan(Vector.Abs(x), new Vector<float>(1.17549435e-38f));
        var bits = Vector.ConditionalSelect(sub, x * 4294967296f, x).As<float, int>() & new Vector<int>(0x007fffff);
        var exponent = new Vector<int>(127) - Vector.ShiftRightLogical(bits, 22);
        return (bits | Vector.ShiftLeft(exponent, 23)).As<int, float>();
    }

    internal static Vector<double> GetMant(Vector<double> x)
    {
        var sub = Vector.LessThan(Vector.Abs(x), new Vector<double>(2.2250738585072014e-308));
        var bits = Vector.ConditionalSelect(sub, x * 18446744073709551616.0, x).As<double, long>() & new Vector<long>(0x000fffffffffffffL);
        var exponent = new Vector<long>(1023) - Vector.ShiftRightLogical(bits, 51);
        return (bits | Vector.ShiftLeft(exponent, 52)).As<long, double>();
    }
}
