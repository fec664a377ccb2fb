using System.Numerics;
using static Sharpgrad.Kernels.Operators.SleefPair;

namespace Sharpgrad.Kernels.Operators;

/// <summary>
/// log2, log10 and exp2 as PyTorch's CPU kernels compute them, bit for bit. log2 and log10 are ATen's vml map over
/// SLEEF's log2f_u10/log2_u10 and log10f_u10/log10_u10 (AVX-512 build: exponent and mantissa from vgetexp/vgetmant as
/// in its log, m = (a − 1)/(a + 1) in double-word arithmetic, special inputs fixed up at the end), every element through
/// the vector kernel. exp2 is a cpu_kernel_vec loop: whole pairs of 64-byte vectors through SLEEF's exp2f_u10/exp2_u10
/// (x = q + s with q the nearest integer, a polynomial in s, scaled by 2^q), the rest through the C library's
/// exp2f/exp2 (<see cref="GlibcExp2"/>). The algorithms follow SLEEF's published xlog2f/xlog2, xlog10f/xlog10 and
/// xexp2f/xexp2 (Boost Software License 1.0); no code is shared with it.
/// </summary>
internal static class SleefExp2Log
{
    public static void Log2(ReadOnlySpan<float> x, Span<float> y) => SleefMap.Map<float, Log2F>(x, y);
    public static void Log2(ReadOnlySpan<double> x, Span<double> y) => SleefMap.Map<double, Log2D>(x, y);
    public static void Log10(ReadOnlySpan<float> x, Span<float> y) => SleefMap.Map<float, Log10F>(x, y);
    public static void Log10(ReadOnlySpan<double> x, Span<double> y) => SleefMap.Map<double, Log10D>(x, y);
    public static void Exp2(ReadOnlySpan<float> x, Span<float> y) => SleefSplit.Map<float, Exp2F>(x, y);
    public static void Exp2(ReadOnlySpan<double> x, Span<double> y) => SleefSplit.Map<double, Exp2D>(x, y);

    /// <summary>exp2 over one row of ATen's loop: its first <paramref name="vectorPart"/> elements through SLEEF, the rest through the C library.</summary>
    public static void Exp2(ReadOnlySpan<float> x, Span<float> y, int vectorPart) => SleefSplit.Map<float, Exp2F>(x, y, vectorPart);
    public static void Exp2(ReadOnlySpan<double> x, Span<double> y, int vectorPart) => SleefSplit.Map<double, Exp2D>(x, y, vectorPart);
    public static float Log2(float x) => SleefMap.One<float, Log2F>(x);
    public static double Log2(double x) => SleefMap.One<double, Log2D>(x);
    public static float Log10(float x) => SleefMap.One<float, Log10F>(x);
    public static double Log10(double x) => SleefMap.One<double, Log10D>(x);
    public static float Exp2(float x) => GlibcExp2.Exp2(x);
    public static double Exp2(double x) => GlibcExp2.Exp2(x);

    private readonly struct Log2F : ISleefKernel<float> { public static Vector<float> Invoke(Vector<float> x) => Log2(x); }
    private readonly struct Log2D : ISleefKernel<double> { public static Vector<double> Invoke(Vector<double> x) => Log2(x); }
    private readonly struct Log10F : ISleefKernel<float> { public static Vector<float> Invoke(Vector<float> x) => Log10(x); }
    private readonly struct Log10D : ISleefKernel<double> { public static Vector<double> Invoke(Vector<double> x) => Log10(x); }

    private readonly struct Exp2F : ISleefScalarKernel<float>
    {
        public static Vector<float> Invoke(Vector<float> x) => Exp2(x);
        public static float Scalar(float x) => GlibcExp2.Exp2(x);
    }

    private readonly struct Exp2D : ISleefScalarKernel<double>
    {
        public static Vector<double> Invoke(Vector<double> x) => Exp2(x);
        public static double Scalar(double x) => GlibcExp2.Exp2(x);
    }

    /// <summary>m = (a − 1)/(a + 1) for the mantissa a in [0.75, 1.5) and the exponent e: the start shared by log2 and log10.</summary>
    private static (SleefPair<T> M, Vector<T> E) Reduce<T>(Vector<T> e, Vector<T> a) where T : unmanaged, IFloatingPointIeee754<T> =>
        (Divide(Add2(new Vector<T>(-T.One), a), Add2(Vector<T>.One, a)), e);

    private static Vector<float> Log2(Vector<float> d)
    {
        var (x, e) = Reduce(SleefLog.GetExp(d * (1f / 0.75f)), SleefLog.GetMant(d));
        var x2 = x.X * x.X;
        var t = Fma(Fma(new Vector<float>(0.4374550283e+0f), x2, new Vector<float>(0.5764790177e+0f)), x2, new Vector<float>(0.9618012905120f));
        var s = Add2(e, Multiply(x, new SleefPair<float>(new(2.8853900432586669922f), new(3.2734474483568488616e-08f))));
        s = Add2(s, x2 * x.X * t);
        return SleefLog.FixUpLog(s.Sum, d);
    }

    private static Vector<double> Log2(Vector<double> d)
    {
        var (x, e) = Reduce(SleefLog.GetExp(d * (1.0 / 0.75)), SleefLog.GetMant(d));
        var x2 = x.X * x.X;
        var x4 = x2 * x2;
        var x8 = x4 * x4;
        var t = SleefPoly.Estrin(x2, x4, x8, x8, Log2Coefficients);
        var s = Add2(e, Multiply(x, new SleefPair<double>(new(2.885390081777926774), new(6.0561604995516736434e-18))));
        s = Add2(s, x2 * x.X * t);
        return SleefLog.FixUpLog(s.Sum, d);
    }

    private static Vector<float> Log10(Vector<float> d)
    {
        var (x, e) = Reduce(SleefLog.GetExp(d * (1f / 0.75f)), SleefLog.GetMant(d));
        var x2 = x.X * x.X;
        var t = Fma(Fma(new Vector<float>(0.1314289868e+0f), x2, new Vector<float>(0.1735493541e+0f)), x2, new Vector<float>(0.2895309627e+0f));
        var s = Multiply(new SleefPair<float>(new(0.30103001f), new(-1.432098889e-08f)), e);
        s = Add(s, Multiply(x, new SleefPair<float>(new(0.868588984f), new(-2.170757285e-08f))));
        s = Add(s, x2 * x.X * t);
        return SleefLog.FixUpLog(s.Sum, d);
    }

    private static Vector<double> Log10(Vector<double> d)
    {
        var (x, e) = Reduce(SleefLog.GetExp(d * (1.0 / 0.75)), SleefLog.GetMant(d));
        var x2 = x.X * x.X;
        var x4 = x2 * x2;
        var x8 = x4 * x4;
        var t = SleefPoly.Estrin(x2, x4, x8, x8, Log10Coefficients);
        var s = Multiply(new SleefPair<double>(new(0.30102999566398119802), new(-2.803728127785170339e-18)), e);
        s = Add(s, Multiply(x, new SleefPair<double>(new(0.86858896380650363334), new(1.1430059694096389311e-17))));
        s = Add(s, x2 * x.X * t);
        return SleefLog.FixUpLog(s.Sum, d);
    }

    private static Vector<float> Exp2(Vector<float> d)
    {
        var u = Vector.Round(d);
        var q = Vector.ConvertToInt32(u);
        var s = d - u;
        u = new Vector<float>(0.1535920892e-3f);
        u = Fma(u, s, new Vector<float>(0.1339262701e-2f));
        u = Fma(u, s, new Vector<float>(0.9618384764e-2f));
        u = Fma(u, s, new Vector<float>(0.5550347269e-1f));
        u = Fma(u, s, new Vector<float>(0.2402264476e+0f));
        u = Fma(u, s, new Vector<float>(0.6931471825e+0f));
        u = Fma(u, s, Vector<float>.One);
        var half = Vector.ShiftRightArithmetic(q, 1);
        u = u * Vector.ShiftLeft(half + new Vector<int>(0x7f), 23).As<int, float>() * Vector.ShiftLeft(q - half + new Vector<int>(0x7f), 23).As<int, float>();
        u = Vector.ConditionalSelect(Vector.GreaterThanOrEqual(d, new Vector<float>(128f)), new Vector<float>(float.PositiveInfinity), u);
        return Vector.AndNot(u, Vector.LessThan(d, new Vector<float>(-150f)).As<int, float>());
    }

    private static Vector<double> Exp2(Vector<double> d)
    {
        var u = Vector.Round(d);
        var q = Vector.ConvertToInt64(u);
        var s = d - u;
        var s2 = s * s;
        var s4 = s2 * s2;
        var s8 = s4 * s4;
        u = SleefPoly.Estrin(s, s2, s4, s8, Exp2Coefficients);
        u = Fma(u, s, new Vector<double>(0.6931471805599452862e+0));
        u = Fma(u, s, Vector<double>.One);
        var half = Vector.ShiftRightArithmetic(q, 1);
        u = u * Vector.ShiftLeft(half + new Vector<long>(0x3ff), 52).As<long, double>() * Vector.ShiftLeft(q - half + new Vector<long>(0x3ff), 52).As<long, double>();
        u = Vector.ConditionalSelect(Vector.GreaterThanOrEqual(d, new Vector<double>(1024.0)), new Vector<double>(double.PositiveInfinity), u);
        return Vector.AndNot(u, Vector.LessThan(d, new Vector<double>(-2000.0)).As<long, double>());
    }

    private static readonly double[] Log2Coefficients =
    [
        0.2211941750456081490e+0, 0.2200768693152277689e+0, 0.2623708057488514656e+0, 0.3205977477944495502e+0,
        0.4121985945485324709e+0, 0.5770780162997058982e+0, 0.96179669392608091449,
    ];

    private static readonly double[] Log10Coefficients =
    [
        0.6653725819576758460e-1, 0.6625722782820833712e-1, 0.7898105214313944078e-1, 0.9650955035715275132e-1,
        0.1240841409721444993e+0, 0.1737177927454605086e+0, 0.2895296546021972617e+0,
    ];

    private static readonly double[] Exp2Coefficients =
    [
        0.4434359082926529454e-9, 0.7073164598085707425e-8, 0.1017819260921760451e-6, 0.1321543872511327615e-5, 0.1525273353517584730e-4,
        0.1540353045101147808e-3, 0.1333355814670499073e-2, 0.9618129107597600536e-2, 0.5550410866482046596e-1, 0.2402265069591012214e+0,
    ];
}
