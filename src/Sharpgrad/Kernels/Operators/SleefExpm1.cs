using System.Numerics;
using static Sharpgrad.Kernels.Operators.SleefPair;

namespace Sharpgrad.Kernels.Operators;

/// <summary>
/// expm1 (Float32 and Float64) and Float64 tanh as PyTorch's CPU kernels compute them, bit for bit: ATen's vml map over
/// SLEEF's expm1f_u10/expm1_u10 and tanh_u10, all built on exp in double-word arithmetic (expk2: Cody-Waite reduction
/// by ln 2, a polynomial, scaling by 2^q in two steps). expm1 is exp − 1 in the same arithmetic; tanh is
/// (e − 1/e)/(e + 1/e), 1 beyond |x| = 18.71. The algorithms follow SLEEF's published xexpm1f/xexpm1/xtanh and expk2
/// (Boost Software License 1.0); no code is shared with it.
/// </summary>
internal static class SleefExpm1
{
    public static void Expm1(ReadOnlySpan<float> x, Span<float> y) => SleefMap.Map<float, Expm1F>(x, y);
    public static void Expm1(ReadOnlySpan<double> x, Span<double> y) => SleefMap.Map<double, Expm1D>(x, y);
    public static void Tanh(ReadOnlySpan<double> x, Span<double> y) => SleefMap.Map<double, TanhD>(x, y);
    public static float Expm1(float x) => SleefMap.One<float, Expm1F>(x);
    public static double Expm1(double x) => SleefMap.One<double, Expm1D>(x);
    public static double Tanh(double x) => SleefMap.One<double, TanhD>(x);

    private readonly struct Expm1F : ISleefKernel<float> { public static Vector<float> Invoke(Vector<float> x) => Expm1(x); }
    private readonly struct Expm1D : ISleefKernel<double> { public static Vector<double> Invoke(Vector<double> x) => Expm1(x); }
    private readonly struct TanhD : ISleefKernel<double> { public static Vector<double> Invoke(Vector<double> x) => Tanh(x); }

    private static Vector<float> Expm1(Vector<float> a)
    {
        var (eh, el) = SleefTanh.ExpK2(a);
        var x = Add2(new SleefPair<float>(eh, el), new Vector<float>(-1f)).Sum;
        x = Vector.ConditionalSelect(Vector.GreaterThan(a, new Vector<float>(88.72283172607421875f)), new Vector<float>(float.PositiveInfinity), x);
        x = Vector.ConditionalSelect(Vector.LessThan(a, new Vector<float>(-16.635532333438687426013570f)), new Vector<float>(-1f), x);
        return Vector.ConditionalSelect(Vector.Equals(a.As<float, int>(), new Vector<int>(int.MinValue)), a, x);
    }

    private static Vector<double> Expm1(Vector<double> a)
    {
        var x = Add2(ExpK2(a), new Vector<double>(-1.0)).Sum;
        x = Vector.ConditionalSelect(Vector.GreaterThan(a, new Vector<double>(709.782712893383996732223)), new Vector<double>(double.PositiveInfinity), x);
        x = Vector.ConditionalSelect(Vector.LessThan(a, new Vector<double>(-36.736800569677101399113302437)), new Vector<double>(-1.0), x);
        return Vector.ConditionalSelect(Vector.Equals(a.As<double, long>(), new Vector<long>(long.MinValue)), a, x);
    }

    private static Vector<double> Tanh(Vector<double> x)
    {
        var a = Vector.Abs(x);
        var d = ExpK2(a);
        var e = Reciprocal(d);
        d = Divide(Add2(d, Negate(e)), Add2(d, e));
        var y = d.Sum;
        y = Vector.ConditionalSelect(Vector.GreaterThan(a, new Vector<double>(18.714973875)) | ~Vector.Equals(y, y), Vector<double>.One, y);
        var sign = x.As<double, long>() & new Vector<long>(long.MinValue);
        y = (y.As<double, long>() ^ sign).As<long, double>();
        return Vector.ConditionalSelect(Vector.Equals(x, x), y, new Vector<double>(BitConverter.Int64BitsToDouble(-1)));
    }

    // ln 2 split in two (its high part exact in a double) and 1/ln 2, as SLEEF's double exp kernels take them
    private const double L2U = .69314718055966295651160180568695068359375, L2L = .28235290563031577122588448175013436025525412068e-12;
    private const double InvLn2 = 1.442695040888963407359924681001892137426645954152985934135449406931;

    /// <summary>exp(d) for a double-double d (SLEEF's expk, for erfc and pow), 0 below −1000.</summary>
    internal static Vector<double> ExpK(SleefPair<double> d)
    {
        var dq = Vector.Round(d.Sum * InvLn2);
        var q = Vector.ConvertToInt64(dq);
        var s = Add2(d, dq * -L2U);
        s = Normalize(Add2(s, dq * -L2L));
        var s2 = s.X * s.X;
        var s4 = s2 * s2;
        var s8 = s4 * s4;
        var u = SleefPoly.Estrin(s.X, s2, s4, s8, ExpKCoefficients);
        var t = Add(Vector<double>.One, s);
        t = Add(t, Multiply(Square(s), u));
        var half = Vector.ShiftRightArithmetic(q, 1);
        var r = t.Sum * Vector.ShiftLeft(half + new Vector<long>(0x3ff), 52).As<long, double>() * Vector.ShiftLeft(q - half + new Vector<long>(0x3ff), 52).As<long, double>();
        return Vector.AndNot(r, Vector.LessThan(d.X, new Vector<double>(-1000.0)).As<long, double>());
    }

    private static readonly double[] ExpKCoefficients =
    [
        2.51069683420950419527139e-08, 2.76286166770270649116855e-07, 2.75572496725023574143864e-06, 2.48014973989819794114153e-05,
        0.000198412698809069797676111, 0.0013888888939977128960529, 0.00833333333332371417601081, 0.0416666666665409524128449,
        0.166666666666666740681535, 0.500000000000000999200722,
    ];

    /// <summary>exp(d + dl) as a double-double (SLEEF's expk2; dl, the argument's low part, 0 by default).</summary>
    internal static SleefPair<double> ExpK2(Vector<double> d, Vector<double> dl = default)
    {
        var dq = Vector.Round((d + dl) * InvLn2);
        var q = Vector.ConvertToInt64(dq);
        var s = Add2(new SleefPair<double>(d, dl), dq * -L2U);
        s = Add2(s, dq * -L2L);
        var s2 = Square(s);
        var s4 = Square(s2);
        var s8 = s4.X * s4.X;
        var x = s.X;
        var x2 = s2.X;
        var x4 = s4.X;
        var p8 = Fma(x4,
            Fma(x2, Fma(x, new Vector<double>(0.2505230023782644465e-7), new Vector<double>(0.2755724800902135303e-6)),
                Fma(x, new Vector<double>(0.2755731892386044373e-5), new Vector<double>(0.2480158735605815065e-4))),
            Fma(x2, Fma(x, new Vector<double>(0.1984126984148071858e-3), new Vector<double>(0.1388888888886763255e-2)),
                Fma(x, new Vector<double>(0.8333333333333347095e-2), new Vector<double>(0.4166666666666669905e-1))));
        var u = Fma(s8, Fma(x, new Vector<double>(0.1602472219709932072e-9), new Vector<double>(0.2092255183563157007e-8)), p8);
        var t = Add(new Vector<double>(0.5), Multiply(s, new Vector<double>(0.1666666666666666574e+0)));
        t = Add(Vector<double>.One, Multiply(t, s));
        t = Add(Vector<double>.One, Multiply(t, s));
        t = Add(t, Multiply(s4, u));
        // t·2^q in two steps (2^(q>>1), then 2^(q − (q>>1))), zero below −1000
        var half = Vector.ShiftRightArithmetic(q, 1);
        var p1 = Vector.ShiftLeft(half + new Vector<long>(0x3ff), 52).As<long, double>();
        var p2 = Vector.ShiftLeft(q - half + new Vector<long>(0x3ff), 52).As<long, double>();
        var under = Vector.LessThan(d, new Vector<double>(-1000.0));
        return new(Vector.ConditionalSelect(under, Vector<double>.Zero, t.X * p1 * p2), Vector.ConditionalSelect(under, Vector<double>.Zero, t.Y * p1 * p2));
    }
}
