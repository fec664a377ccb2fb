using System.Numerics;
using System.Runtime.CompilerServices;
using static Sharpgrad.Kernels.Operators.SleefPair;

namespace Sharpgrad.Kernels.Operators;

/// <summary>
/// Float64 sin and cos as PyTorch's CPU kernels compute them, bit for bit: ATen's AVX2 kernel (sin and cos have no
/// AVX-512 variant) over SLEEF's sind4_u10/cosd4_u10. Those reduce by π in double-double arithmetic, π in two parts
/// when every lane of the 4-double vector is below 15 in magnitude, in four parts (with the quotient split at 2^24)
/// when every lane is below 1e14, and otherwise by Payne-Hanek (rempi) for the whole vector, so the choice is made per
/// group of 4 elements as PyTorch's vectors see them. The algorithms follow SLEEF's published xsin_u1/xcos_u1/rempi
/// (Boost Software License 1.0); no code is shared with it.
/// </summary>
internal static partial class SleefTrig
{
    private const int GroupD = 4;
    private const double OneOverPiD = 0.318309886183790671537767526745028724;
    private const double PiA2D = 3.141592653589793116, PiB2D = 1.2246467991473532072e-16;
    private const double PiAD = 3.1415926218032836914, PiBD = 3.1786509424591713469e-08, PiCD = 1.2246467864107188502e-16, PiDD = 1.2736634327021899816e-24;
    private const double Range2D = 15, Range1D = 1e14;

    public static void Sin(ReadOnlySpan<double> x, Span<double> y) => MapGroups<double, long, SinD>(x, y, GroupD);
    public static void Cos(ReadOnlySpan<double> x, Span<double> y) => MapGroups<double, long, CosD>(x, y, GroupD);
    public static double Sin(double x) => SleefMap.One<double, SinD>(x);
    public static double Cos(double x) => SleefMap.One<double, CosD>(x);

    private readonly struct SinD : IGroupedKernel<double, long>
    {
        public static Vector<double> Invoke(Vector<double> x) => Sin(x, Tiers(x));
        public static Vector<double> Invoke(Vector<double> x, Vector<long> tier) => Sin(x, tier);
        public static long Tier(double x) => TierOf(x);
    }

    private readonly struct CosD : IGroupedKernel<double, long>
    {
        public static Vector<double> Invoke(Vector<double> x) => Cos(x, Tiers(x));
        public static Vector<double> Invoke(Vector<double> x, Vector<long> tier) => Cos(x, tier);
        public static long Tier(double x) => TierOf(x);
    }

    private static long TierOf(double x) => Math.Abs(x) < Range2D ? 0 : Math.Abs(x) < Range1D ? 1 : 2;

    private static Vector<double> Sin(Vector<double> d, Vector<long> tier)
    {
        var dql = Vector.Round(d * OneOverPiD);
        var q = Vector.ConvertToInt64(dql);
        var s = Add(Fma(dql, new Vector<double>(-PiA2D), d), dql * -PiB2D);
        if (tier == Vector<long>.Zero) return FinishSin(d, s, q);
        var dqh = Vector.Truncate(d * (OneOverPiD / (1 << 24))) * (double)(1 << 24);
        var dqm = Vector.Round(Fma(d, new Vector<double>(OneOverPiD), -dqh));
        var mid = FourPartReduce(Fma(dqh, new Vector<double>(-PiAD), d), dqh, dqm, 1.0);
        var use = Vector.Equals(tier, Vector<long>.One);
        s = Select(use, mid, s);
        q = Vector.ConditionalSelect(use, Vector.ConvertToInt64(dqm), q);
        var far = Vector.Equals(tier, new Vector<long>(2));
        if (far != Vector<long>.Zero)
        {
            var (r, qi) = Rempi(d);
            var q2 = Vector.ShiftRightArithmetic((qi & new Vector<long>(3)) * 2 + Vector.ConditionalSelect(Vector.GreaterThan(r.X, Vector<double>.Zero), new Vector<long>(2), Vector<long>.One), 2);
            var odd = Vector.Equals(qi & Vector<long>.One, Vector<long>.One);
            var half = new SleefPair<double>(MulSign(new Vector<double>(-PiA2D * 0.5), r.X), MulSign(new Vector<double>(-PiB2D * 0.5), r.X));
            r = Select(odd, Add2(r, half), r);
            var t = Normalize(r);
            s = Select(far, new SleefPair<double>(NaNWhereNotFinite(t.X, d), t.Y), s);
            q = Vector.ConditionalSelect(far, q2, q);
        }
        return FinishSin(d, s, q);
    }

    private static Vector<double> Cos(Vector<double> d, Vector<long> tier)
    {
        var dql = Fma(new Vector<double>(2.0), Vector.Round(Fma(d, new Vector<double>(OneOverPiD), new Vector<double>(-0.5))), Vector<double>.One);
        var q = Vector.ConvertToInt64(dql);
        var s = Add(Add2(d, dql * (-PiA2D * 0.5)), dql * (-PiB2D * 0.5));
        if (tier == Vector<long>.Zero) return FinishCos(s, q);
        var dqh = Vector.Truncate(Fma(d, new Vector<double>(OneOverPiD / (1 << 23)), new Vector<double>(-OneOverPiD / (1 << 24))));
        var qm = Vector.ConvertToInt64(Vector.Round(d * OneOverPiD + Fma(dqh, new Vector<double>(-(1 << 23)), new Vector<double>(-0.5))));
        dqh *= (double)(1 << 24);
        qm = qm + qm + Vector<long>.One;
        var dqm = Vector.ConvertToDouble(qm);
        var mid = FourPartReduce(Fma(dqh, new Vector<double>(-PiAD * 0.5), d), dqh, dqm, 0.5);
        var use = Vector.Equals(tier, Vector<long>.One);
        s = Select(use, mid, s);
        q = Vector.ConditionalSelect(use, qm, q);
        var far = Vector.Equals(tier, new Vector<long>(2));
        if (far != Vector<long>.Zero)
        {
            var (r, qi) = Rempi(d);
            var positive = Vector.GreaterThan(r.X, Vector<double>.Zero);
            var q2 = Vector.ShiftRightArithmetic((qi & new Vector<long>(3)) * 2 + Vector.ConditionalSelect(positive, new Vector<long>(8), new Vector<long>(7)), 1);
            var even = Vector.Equals(qi & Vector<long>.One, Vector<long>.Zero);
            var sign = Vector.ConditionalSelect(positive, Vector<double>.Zero, new Vector<double>(-1.0));
            var half = new SleefPair<double>(MulSign(new Vector<double>(-PiA2D * 0.5), sign), MulSign(new Vector<double>(-PiB2D * 0.5), sign));
            r = Select(even, Add2(r, half), r);
            var t = Normalize(r);
            s = Select(far, new SleefPair<double>(NaNWhereNotFinite(t.X, d), t.Y), s);
            q = Vector.ConditionalSelect(far, q2, q);
        }
        return FinishCos(s, q);
    }

    /// <summary>u − (dqh + dqm)·π·scale with π in four parts, the high and low quotients taken in turn.</summary>
    private static SleefPair<double> FourPartReduce(Vector<double> u, Vector<double> dqh, Vector<double> dqm, double scale)
    {
        var s = Add2(u, dqm * (-PiAD * scale));
        s = Add2(s, dqh * (-PiBD * scale));
        s = Add2(s, dqm * (-PiBD * scale));
        s = Add2(s, dqh * (-PiCD * scale));
        s = Add2(s, dqm * (-PiCD * scale));
        return Add(s, (dqh + dqm) * (-PiDD * scale));
    }

    private static Vector<double> FinishSin(Vector<double> d, SleefPair<double> s, Vector<long> q)
    {
        var u = Polynomial(s);
        u = (u.As<double, long>() ^ (Vector.Equals(q & Vector<long>.One, Vector<long>.One) & new Vector<long>(long.MinValue))).As<long, double>();
        return Vector.ConditionalSelect(Vector.Equals(d, Vector<double>.Zero), d, u);
    }

    private static Vector<double> FinishCos(SleefPair<double> s, Vector<long> q)
    {
        var u = Polynomial(s);
        return (u.As<double, long>() ^ (Vector.Equals(q & new Vector<long>(2), Vector<long>.Zero) & new Vector<long>(long.MinValue))).As<long, double>();
    }

    /// <summary>t·p(t²) for the reduced argument t, in double-double arithmetic (SLEEF's u10 polynomial).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<double> Polynomial(SleefPair<double> t)
    {
        var s = Square(t);
        var x = s.X;
        var s2 = x * x;
        var s4 = s2 * s2;
        var u = Fma(s4, Fma(x, new Vector<double>(2.72052416138529567917983e-15), new Vector<double>(-7.6429259411395447190023e-13)),
            Fma(s2, Fma(x, new Vector<double>(1.60589370117277896211623e-10), new Vector<double>(-2.5052106814843123359368e-08)),
                Fma(x, new Vector<double>(2.75573192104428224777379e-06), new Vector<double>(-0.000198412698412046454654947))));
        u = Fma(u, x, new Vector<double>(0.00833333333333318056201922));
        var y = Add(Vector<double>.One, Multiply(Add(new Vector<double>(-0.166666666666666657414808), u * x), s));
        return MultiplyToOne(t, y);
    }

    /// <summary>Per lane, its group of 4's reduction: 0 when all are below 15 in magnitude, 1 when all are below 1e14, else 2.</summary>
    private static Vector<long> Tiers(Vector<double> d)
    {
        var a = Vector.Abs(d);
        var tier = -(~Vector.LessThan(a, new Vector<double>(Range2D))) - ~Vector.LessThan(a, new Vector<double>(Range1D));
        if (tier == Vector<long>.Zero) return tier;
        Span<long> lanes = stackalloc long[Vector<long>.Count];
        tier.CopyTo(lanes);
        SpreadGroupMaximum(lanes, GroupD);
        return new Vector<long>(lanes);
    }

    /// <summary>Payne-Hanek reduction for doubles (SLEEF's rempi, AVX2 form), as <see cref="Rempi(Vector{float})"/>.</summary>
    private static (SleefPair<double> R, Vector<long> Q) Rempi(Vector<double> a)
    {
        var ex = (Vector.ShiftRightLogical(a.As<double, long>(), 52) & new Vector<long>(0x7ff)) - new Vector<long>(0x3ff + 55);
        var q = Vector.GreaterThan(ex, new Vector<long>(700 - 55)) & new Vector<long>(-64);
        a = (a.As<double, long>() + Vector.ShiftLeft(q, 52)).As<long, double>();
        ex = Vector.Max(ex, Vector<long>.Zero) * 4;
        var x = Multiply(a, Gather(TwoOverPiD, ex, 0));
        var (d, i) = RempiSub(x.X);
        q = i;
        x = Normalize(new SleefPair<double>(d, x.Y));
        x = Add2(x, Multiply(a, Gather(TwoOverPiD, ex, 1)));
        (d, i) = RempiSub(x.X);
        q += i;
        x = Normalize(new SleefPair<double>(d, x.Y));
        x = Add2(x, Multiply(new SleefPair<double>(Gather(TwoOverPiD, ex, 2), Gather(TwoOverPiD, ex, 3)), a));
        x = Normalize(x);
        x = Multiply(x, new SleefPair<double>(new(3.141592653589793116 * 2), new(1.2246467991473532072e-16 * 2)));
        var small = Vector.LessThan(Vector.Abs(a), new Vector<double>(0.7));
        x = new(Vector.ConditionalSelect(small, a, x.X), Vector.ConditionalSelect(small, Vector<double>.Zero, x.Y));
        return (x, q);
    }

    private static (Vector<double>, Vector<long>) RempiSub(Vector<double> x)
    {
        var y = Vector.Round(x * 4.0);
        var vi = Vector.ConvertToInt64(y - Vector.Round(x) * 4.0);
        return (x - y * 0.25, vi);
    }
}
