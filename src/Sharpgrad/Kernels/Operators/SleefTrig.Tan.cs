using System.Numerics;
using static Sharpgrad.Kernels.Operators.SleefPair;

namespace Sharpgrad.Kernels.Operators;

/// <summary>
/// tan as PyTorch's CPU kernel computes it, bit for bit: ATen registers tan without an AVX-512 variant, so an AVX-512
/// machine runs the AVX2 kernel, the vml map over SLEEF's tanf8_u10/tand4_u10. Like sin and cos these choose their
/// reduction per vector (8 floats, 4 doubles): Cody-Waite by π/2 when every lane is small (below 125 for floats, 15 for
/// doubles), for doubles a longer Cody-Waite below 1e14, else Payne-Hanek; then a polynomial in double-word arithmetic,
/// inverted in odd quadrants. The algorithms follow SLEEF's published xtanf_u1/xtan_u1 (Boost Software License 1.0);
/// no code is shared with it.
/// </summary>
internal static partial class SleefTrig
{
    private const double TwoOverPiHi = 0.63661977236758138243, TwoOverPiLo = -3.9357353350364971764e-17;

    public static void Tan(ReadOnlySpan<float> x, Span<float> y) => MapGroups<float, int, TanF>(x, y, Group);
    public static void Tan(ReadOnlySpan<double> x, Span<double> y) => MapGroups<double, long, TanD>(x, y, GroupD);
    public static float Tan(float x) => SleefMap.One<float, TanF>(x);
    public static double Tan(double x) => SleefMap.One<double, TanD>(x);

    private readonly struct TanF : IGroupedKernel<float, int>
    {
        public static Vector<float> Invoke(Vector<float> x) => Tan(x, TanTiers(x));
        public static Vector<float> Invoke(Vector<float> x, Vector<int> tier) => Tan(x, tier);
        public static int Tier(float x) => MathF.Abs(x) < Range2 ? 0 : 1;
    }

    private readonly struct TanD : IGroupedKernel<double, long>
    {
        public static Vector<double> Invoke(Vector<double> x) => Tan(x, Tiers(x));
        public static Vector<double> Invoke(Vector<double> x, Vector<long> tier) => Tan(x, tier);
        public static long Tier(double x) => TierOf(x);
    }

    /// <summary>Per lane, its group of 8's reduction for tan: 0 when every element is below 125 in magnitude, else 1 (Payne-Hanek).</summary>
    private static Vector<int> TanTiers(Vector<float> d)
    {
        var tier = -Vector.GreaterThanOrEqual(Vector.Abs(d), new Vector<float>(Range2)) | -~Vector.Equals(d, d);
        if (tier == Vector<int>.Zero) return tier;
        Span<int> lanes = stackalloc int[Vector<int>.Count];
        tier.CopyTo(lanes);
        SpreadGroupMaximum(lanes, Group);
        return new Vector<int>(lanes);
    }

    private static Vector<float> Tan(Vector<float> d, Vector<int> tier)
    {
        var u = Vector.Round(d * (float)(2 * 0.318309886183790671537767526745028724));
        var q = Vector.ConvertToInt32(u);
        var v = Fma(u, new Vector<float>(-PiA2 * 0.5f), d);
        var s = Add(Add2(v, u * (-PiB2 * 0.5f)), u * (-PiC2 * 0.5f));
        if (tier != Vector<int>.Zero)
        {
            var (r, qi) = Rempi(d);
            var bad = (~Vector.Equals(d - d, Vector<float>.Zero)).As<int, float>();
            r = new(r.X | bad, r.Y | bad);
            var far = Vector.Equals(tier, Vector<int>.One);
            s = Select(far, r, s);
            q = Vector.ConditionalSelect(far, qi, q);
        }
        var odd = Vector.Equals(q & Vector<int>.One, Vector<int>.One);
        var n = odd.As<int, float>() & new Vector<float>(-0f);
        s = new(s.X ^ n, s.Y ^ n);
        var t = s;
        s = Normalize(Square(s));
        var p = Fma(new Vector<float>(0.00446636462584137916564941f), s.X, new Vector<float>(-8.3920182078145444393158e-05f));
        p = Fma(p, s.X, new Vector<float>(0.0109639242291450500488281f));
        p = Fma(p, s.X, new Vector<float>(0.0212360303848981857299805f));
        p = Fma(p, s.X, new Vector<float>(0.0540687143802642822265625f));
        var x = Add(new Vector<float>(0.133325666189193725585938f), p * s.X);
        x = Add(Vector<float>.One, Multiply(Add(new Vector<float>(0.33333361148834228515625f), Multiply(s, x)), s));
        x = Multiply(t, x);
        x = Select(odd, Reciprocal(x), x);
        return Vector.ConditionalSelect(Vector.Equals(d.As<float, int>(), new Vector<int>(int.MinValue)), d, x.Sum);
    }

    private static Vector<double> Tan(Vector<double> d, Vector<long> tier)
    {
        var dql = Vector.Round(d * (2 * OneOverPiD));
        var q = Vector.ConvertToInt64(dql);
        var s = Add(Fma(dql, new Vector<double>(-PiA2D * 0.5), d), dql * (-PiB2D * 0.5));
        if (tier != Vector<long>.Zero)
        {
            var dqh = Vector.Truncate(d * (2 * OneOverPiD / (1 << 24))) * (double)(1 << 24);
            var half = Vector.ConditionalSelect(Vector.LessThan(d, Vector<double>.Zero), new Vector<double>(-0.5), new Vector<double>(0.5));
            var w = Add2(Multiply(new SleefPair<double>(new(TwoOverPiHi), new(TwoOverPiLo)), d), half - dqh);
            var dqm = Vector.Truncate(w.Sum);
            var mid = Add(Fma(dqh, new Vector<double>(-PiAD * 0.5), d), dqm * (-PiAD * 0.5));
            mid = Add2(mid, dqh * (-PiBD * 0.5));
            mid = Add2(mid, dqm * (-PiBD * 0.5));
            mid = Add2(mid, dqh * (-PiCD * 0.5));
            mid = Add2(mid, dqm * (-PiCD * 0.5));
            mid = Add(mid, (dqh + dqm) * (-PiDD * 0.5));
            var use = Vector.Equals(tier, Vector<long>.One);
            s = Select(use, mid, s);
            q = Vector.ConditionalSelect(use, Vector.ConvertToInt64(dqm), q);
            var far = Vector.Equals(tier, new Vector<long>(2));
            if (far != Vector<long>.Zero)
            {
                var (r, qi) = Rempi(d);
                var bad = (~Vector.Equals(d - d, Vector<double>.Zero)).As<long, double>();
                s = Select(far, new SleefPair<double>(r.X | bad, r.Y | bad), s);
                q = Vector.ConditionalSelect(far, qi, q);
            }
        }
        var t = Scale(s, new Vector<double>(0.5));
        s = Square(t);
        var s2 = s.X * s.X;
        var s4 = s2 * s2;
        var u = SleefPoly.Estrin(s.X, s2, s4, s4, TanCoefficients);
        u = Fma(u, s.X, new Vector<double>(0.3333333333333343695e+0));
        var x = Add(t, Multiply(Multiply(s, t), u));
        var y = Add(new Vector<double>(-1.0), Square(x));
        x = Scale(x, new Vector<double>(-2.0));
        var odd = Vector.Equals(q & Vector<long>.One, Vector<long>.One);
        x = Divide(Select(odd, Negate(y), x), Select(odd, x, y));
        return Vector.ConditionalSelect(Vector.Equals(d, Vector<double>.Zero), d, x.Sum);
    }

    private static readonly double[] TanCoefficients =
    [
        0.3245098826639276316e-3, 0.5619219738114323735e-3, 0.1460781502402784494e-2, 0.3591611540792499519e-2,
        0.8863268409563113126e-2, 0.2186948728185535498e-1, 0.5396825399517272970e-1, 0.1333333333330500581e+0,
    ];
}
