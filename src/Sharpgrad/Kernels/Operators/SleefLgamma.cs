using System.Numerics;
using static Sharpgrad.Kernels.Operators.SleefPair;

namespace Sharpgrad.Kernels.Operators;

/// <summary>
/// lgamma as PyTorch's CPU kernel computes it, bit for bit: ATen's vml map over SLEEF 3.6's lgammaf_u10 and
/// lgamma_u10 (Vectorized::lgamma). SLEEF's gammak splits Γ into a log part and a ratio: Stirling's series with a correction
/// polynomial in 1/x from 2.3 up (after shifting x below 7 up by 5, the product kept), a polynomial about 1 or 2 below,
/// the reflection formula with sin(πx) below 0.5; lgamma is the log part plus log of the ratio, all in double-word
/// arithmetic. The algorithms follow SLEEF's published xlgamma_u1/xlgammaf_u1, gammak, logk2 and sinpik (and their
/// float forms) with its FMA double-word
/// helpers (Boost Software License 1.0); no code is shared with it.
/// </summary>
internal static class SleefLgamma
{
    public static void Lgamma(ReadOnlySpan<float> x, Span<float> y) => SleefMap.Map<float, LgammaF>(x, y);
    public static void Lgamma(ReadOnlySpan<double> x, Span<double> y) => SleefMap.Map<double, LgammaD>(x, y);
    public static float Lgamma(float x) => SleefMap.One<float, LgammaF>(x);
    public static double Lgamma(double x) => SleefMap.One<double, LgammaD>(x);

    private readonly struct LgammaF : ISleefKernel<float> { public static Vector<float> Invoke(Vector<float> x) => Lgamma(x); }
    private readonly struct LgammaD : ISleefKernel<double> { public static Vector<double> Invoke(Vector<double> x) => Lgamma(x); }

    private static Vector<double> Lgamma(Vector<double> a)
    {
        var (clc, ratio) = GammaK(a);
        var r = Add2(clc, LogK2(Abs(ratio))).Sum;
        var inf = new Vector<double>(double.PositiveInfinity);
        var isInf = Vector.Equals(Vector.Abs(a), inf);
        var isInt = Vector.Equals(Vector.Truncate(a), a);
        var isNumber = ~isInf & Vector.Equals(a, a);
        var o = isInf | (Vector.LessThanOrEqual(a, Vector<double>.Zero) & isInt) | (isNumber & ~Vector.Equals(r, r));
        return Vector.ConditionalSelect(o, inf, r);
    }

    // gammak's correction polynomial in t, highest degree first: one column each for x ≥ 2.3, 0.5 ≤ x ≤ 1.1, the rest
    private static readonly double[] GammaU =
    [
        -156.801412704022726379848862, +0.2947916772827614196e+2, +0.7074816000864609279e-7,
        +1.120804464289911606838558160000, +0.1281459691827820109e+3, +0.4009244333008730443e-6,
        +13.39798545514258921833306020000, +0.2617544025784515043e+3, +0.1040114641628246946e-5,
        -0.116546276599463200848033357000, +0.3287022855685790432e+3, +0.1508349150733329167e-5,
        -1.391801093265337481495562410000, +0.2818145867730348186e+3, +0.1288143074933901020e-5,
        +0.015056113040026424412918973400, +0.1728670414673559605e+3, +0.4744167749884993937e-6,
        +0.179540117061234856098844714000, +0.7748735764030416817e+2, -0.6554816306542489902e-7,
        -0.002481743600264997730942489280, +0.2512856643080930752e+2, -0.3189252471452599844e-6,
        -0.029527880945699120504851034100, +0.5766792106140076868e+1, +0.1358883821470355377e-6,
        +0.000540164767892604515196325186, +0.7270275473996180571e+0, -0.4343931277157336040e-6,
        +0.006403362833808069794787256200, +0.8396709124579147809e-1, +0.9724785897406779555e-6,
        -0.000162516262783915816896611252, -0.8211558669746804595e-1, -0.2036886057225966011e-5,
        -0.001914438498565477526465972390, +0.6828831828341884458e-1, +0.4373363141819725815e-5,
        +7.20489541602001055898311517e-05, -0.7712481339961671511e-1, -0.9439951268304008677e-5,
        +0.000839498720672087279971000786, +0.8337492023017314957e-1, +0.2050727030376389804e-4,
        -5.17179090826059219329394422e-05, -0.9094964931456242518e-1, -0.4492620183431184018e-4,
        -0.000592166437353693882857342347, +0.1000996313575929358e+0, +0.9945751236071875931e-4,
        +6.97281375836585777403743539e-05, -0.1113342861544207724e+0, -0.2231547599034983196e-3,
        +0.000784039221720066627493314301, +0.1255096673213020875e+0, +0.5096695247101967622e-3,
        -0.000229472093621399176949318732, -0.1440498967843054368e+0, -0.1192753911667886971e-2,
        -0.002681327160493827160473958490, +0.1695571770041949811e+0, +0.2890510330742210310e-2,
        +0.003472222222222222222175164840, -0.2073855510284092762e+0, -0.7385551028674461858e-2,
        +0.083333333333333333335592087900, +0.2705808084277815939e+0, +0.2058080842778455335e-1,
    ];

    /// <summary>SLEEF's gammak: (log part, ratio) with Γ(a) = exp(log part)·ratio.</summary>
    private static (SleefPair<double> Log, SleefPair<double> Ratio) GammaK(Vector<double> a)
    {
        var zero = Vector<double>.Zero;
        var one = new SleefPair<double>(Vector<double>.One, zero);
        var otiny = Vector.LessThan(Vector.Abs(a), new Vector<double>(1e-306));
        var oref = Vector.LessThan(a, new Vector<double>(0.5));
        var x = Select(otiny, new SleefPair<double>(zero, zero), Select(oref, Add2(Vector<double>.One, -a), new SleefPair<double>(a, zero)));
        var o0 = Vector.LessThanOrEqual(new Vector<double>(0.5), x.X) & Vector.LessThanOrEqual(x.X, new Vector<double>(1.1));
        var o2 = Vector.LessThanOrEqual(new Vector<double>(2.3), x.X);
        var y = Normalize(Multiply(Add2(x, Vector<double>.One), x));
        y = Normalize(Multiply(Add2(x, new Vector<double>(2.0)), y));
        y = Normalize(Multiply(Add2(x, new Vector<double>(3.0)), y));
        y = Normalize(Multiply(Add2(x, new Vector<double>(4.0)), y));
        var o = o2 & Vector.LessThanOrEqual(x.X, new Vector<double>(7.0));
        var clln = Select(o, y, one);
        x = Select(o, Add2(x, new Vector<double>(5.0)), x);
        var t = Vector.ConditionalSelect(o2, Vector<double>.One / x.X,
            Normalize(Add2(x, Vector.ConditionalSelect(o0, new Vector<double>(-1.0), new Vector<double>(-2.0)))).X);
        var u = Pick(0);
        for (int row = 1; row < GammaU.Length / 3; row++) u = Vector.FusedMultiplyAdd(u, t, Pick(row));
        y = Multiply(Add2(x, new Vector<double>(-0.5)), LogK2(x));
        y = Add2(y, Negate(x));
        y = Add2(y, new SleefPair<double>(new Vector<double>(0.91893853320467278056), new Vector<double>(-3.8782941580672414498e-17)));
        var z = Add2(Multiply(u, t), Vector.ConditionalSelect(o0, new Vector<double>(-0.4006856343865314862e+0), new Vector<double>(-0.6735230105319810201e-1)));
        z = Add2(Multiply(z, t), Vector.ConditionalSelect(o0, new Vector<double>(+0.8224670334241132030e+0), new Vector<double>(+0.3224670334241132030e+0)));
        z = Add2(Multiply(z, t), Vector.ConditionalSelect(o0, new Vector<double>(-0.5772156649015328655e+0), new Vector<double>(+0.4227843350984671345e+0)));
        z = Multiply(z, t);
        var clc = Select(o2, y, z);
        var clld = Select(o2, Add2(Multiply(u, t), Vector<double>.One), one);
        y = clln;
        var logPi = new SleefPair<double>(new Vector<double>(1.1447298858494001639), new Vector<double>(1.026595116270782638e-17));
        clc = Select(otiny, new SleefPair<double>(new Vector<double>(83.1776616671934334590333), new Vector<double>(3.67103459631568507221878e-15)),
            Select(oref, Add2(logPi, Negate(clc)), clc));
        clln = Select(otiny, one, Select(oref, clln, clld));
        // a reduced by a multiple of 2^28 (its int32 truncation, INT_MIN where that overflows), then sin(π·that)
        var k = Vector.ConvertToInt64(a * (1.0 / (1L << 28)));
        k = Vector.ConditionalSelect(Vector.LessThan(k, new Vector<long>(int.MinValue)) | Vector.GreaterThan(k, new Vector<long>(int.MaxValue)), new Vector<long>(int.MinValue), k);
        var reduced = a - (double)(1L << 28) * Vector.ConvertToDouble(k);
        x = Multiply(clld, SinPiK(reduced));
        clld = Select(otiny, new SleefPair<double>(a * ((double)(1L << 60) * (1L << 60)), zero), Select(oref, x, y));
        return (clc, Divide(clln, clld));

        Vector<double> Pick(int row) => Vector.ConditionalSelect(o2, new Vector<double>(GammaU[3 * row]),
            Vector.ConditionalSelect(o0, new Vector<double>(GammaU[3 * row + 1]), new Vector<double>(GammaU[3 * row + 2])));
    }

    private static readonly double[] LogK2Coefficients =
    [
        0.13860436390467167910856, 0.131699838841615374240845, 0.153914168346271945653214, 0.181816523941564611721589,
        0.22222224632662035403996, 0.285714285511134091777308, 0.400000000000914013309483,
    ];

    /// <summary>log of a double-double (SLEEF's logk2; the exponent as AVX-512's getexp gives it).</summary>
    private static SleefPair<double> LogK2(SleefPair<double> d)
    {
        var scaled = d.X * (1.0 / 0.75);
        Span<long> exps = stackalloc long[Vector<double>.Count];
        for (int i = 0; i < exps.Length; i++)
        {
            double v = scaled[i];
            // getexp: floor(log2 |v|), then converted to int32 (0, ±∞ and NaN give INT_MIN)
            exps[i] = v == 0 || !double.IsFinite(v) ? int.MinValue : Math.ILogB(v);
        }
        var e = new Vector<long>(exps);
        var m = new SleefPair<double>(LdExp2(d.X, -e), LdExp2(d.Y, -e));
        var x = Divide(Add2(m, new Vector<double>(-1.0)), Add2(m, Vector<double>.One));
        var x2 = Square(x);
        var x4 = x2.X * x2.X;
        ReadOnlySpan<Vector<double>> pow = [x2.X, x4, x4 * x4];
        Span<Vector<double>> c = stackalloc Vector<double>[LogK2Coefficients.Length];
        for (int i = 0; i < c.Length; i++) c[i] = new Vector<double>(LogK2Coefficients[i]);
        var t = Vector.FusedMultiplyAdd(SleefPoly.Estrin(c, pow), x2.X, new Vector<double>(0.666666666666664853302393));
        var s = Multiply(new SleefPair<double>(new Vector<double>(0.693147180559945286226764), new Vector<double>(2.319046813846299558417771e-17)), Vector.ConvertToDouble(e));
        s = Add(s, Scale(x, new Vector<double>(2.0)));
        return Add(s, Multiply(Multiply(x2, x), t));
    }

    /// <summary>d·2^e in two steps (SLEEF's vldexp2).</summary>
    private static Vector<double> LdExp2(Vector<double> d, Vector<long> e)
    {
        var half = Vector.ShiftRightArithmetic(e, 1);
        var p1 = Vector.ShiftLeft(half + new Vector<long>(0x3ff), 52).As<long, double>();
        var p2 = Vector.ShiftLeft(e - half + new Vector<long>(0x3ff), 52).As<long, double>();
        return d * p1 * p2;
    }

    /// <summary>sin(πd) as a double-double (SLEEF's sinpik).</summary>
    private static SleefPair<double> SinPiK(Vector<double> d)
    {
        var u = d * 4.0;
        var q = Vector.ConvertToInt64(u);
        q = (q + ((Vector.ShiftRightLogical(q, 63)) ^ Vector<long>.One)) & new Vector<long>(~1L);
        var o = Vector.Equals(q & new Vector<long>(2), new Vector<long>(2));
        var s = u - Vector.ConvertToDouble(q);
        var t = s;
        s *= s;
        var s2 = Multiply(t, t);
        u = Sel(o, 9.94480387626843774090208e-16, -2.02461120785182399295868e-14);
        u = Vector.FusedMultiplyAdd(u, s, Sel(o, -3.89796226062932799164047e-13, 6.948218305801794613277840e-12));
        u = Vector.FusedMultiplyAdd(u, s, Sel(o, 1.150115825399960352669010e-10, -1.75724749952853179952664e-09));
        u = Vector.FusedMultiplyAdd(u, s, Sel(o, -2.46113695010446974953590e-08, 3.133616889668683928784220e-07));
        u = Vector.FusedMultiplyAdd(u, s, Sel(o, 3.590860448590527540050620e-06, -3.65762041821615519203610e-05));
        u = Vector.FusedMultiplyAdd(u, s, Sel(o, -0.000325991886927389905997954, 0.0024903945701927185027435600));
        var x = Add2(u * s, new SleefPair<double>(Sel(o, 0.0158543442438155018914259, -0.0807455121882807852484731),
            Sel(o, -1.04693272280631521908845e-18, 3.61852475067037104849987e-18)));
        x = Add2(Multiply(s2, x), new SleefPair<double>(Sel(o, -0.308425137534042437259529, 0.785398163397448278999491),
            Sel(o, -1.95698492133633550338345e-17, 3.06287113727155002607105e-17)));
        x = Multiply(x, Select(o, s2, new SleefPair<double>(t, Vector<double>.Zero)));
        x = Select(o, Add2(x, Vector<double>.One), x);
        var flip = (Vector.Equals(q & new Vector<long>(4), new Vector<long>(4)) & new Vector<long>(long.MinValue)).As<long, double>();
        return new(x.X ^ flip, x.Y ^ flip);

        static Vector<double> Sel(Vector<long> m, double a, double b) => Vector.ConditionalSelect(m, new Vector<double>(a), new Vector<double>(b));
    }

    private static Vector<float> Lgamma(Vector<float> a)
    {
        var (clc, ratio) = GammaK(a);
        var r = Add2(clc, LogK2(Abs(ratio))).Sum;
        var inf = new Vector<float>(float.PositiveInfinity);
        var isInf = Vector.Equals(Vector.Abs(a), inf);
        var isInt = Vector.Equals(Vector.Truncate(a), a);
        var isNumber = ~isInf & Vector.Equals(a, a);
        var o = isInf | (Vector.LessThanOrEqual(a, Vector<float>.Zero) & isInt) | (isNumber & ~Vector.Equals(r, r));
        return Vector.ConditionalSelect(o, inf, r);
    }

    // gammafk's correction polynomial, as GammaU (SLEEF passes the first column, given in double, as floats)
    private static readonly float[] GammaFU =
    [
        (float)+0.000839498720672087279971000786, +0.9435157776e+0f, +0.1102489550e-3f,
        (float)-5.17179090826059219329394422e-05, +0.8670063615e+0f, +0.8160019934e-4f,
        (float)-0.000592166437353693882857342347, +0.4826702476e+0f, +0.1528468856e-3f,
        (float)+6.97281375836585777403743539e-05, -0.8855129778e-1f, -0.2355068718e-3f,
        (float)+0.000784039221720066627493314301, +0.1013825238e+0f, +0.4962242092e-3f,
        (float)-0.000229472093621399176949318732, -0.1493408978e+0f, -0.1193488017e-2f,
        (float)-0.002681327160493827160473958490, +0.1697509140e+0f, +0.2891599433e-2f,
        (float)+0.003472222222222222222175164840, -0.2072454542e+0f, -0.7385451812e-2f,
        (float)+0.083333333333333333335592087900, +0.2705872357e+0f, +0.2058077045e-1f,
    ];

    /// <summary>SLEEF's gammafk: gammak in double-float, with its own coefficients and steps.</summary>
    private static (SleefPair<float> Log, SleefPair<float> Ratio) GammaK(Vector<float> a)
    {
        var zero = Vector<float>.Zero;
        var one = new SleefPair<float>(Vector<float>.One, zero);
        var otiny = Vector.LessThan(Vector.Abs(a), new Vector<float>(1e-30f));
        var oref = Vector.LessThan(a, new Vector<float>(0.5f));
        var x = Select(otiny, new SleefPair<float>(zero, zero), Select(oref, Add2(Vector<float>.One, -a), new SleefPair<float>(a, zero)));
        var o0 = Vector.LessThanOrEqual(new Vector<float>(0.5f), x.X) & Vector.LessThanOrEqual(x.X, new Vector<float>(1.2f));
        var o2 = Vector.LessThanOrEqual(new Vector<float>(2.3f), x.X);
        var y = Normalize(Multiply(Add2(x, Vector<float>.One), x));
        y = Normalize(Multiply(Add2(x, new Vector<float>(2f)), y));
        var o = o2 & Vector.LessThanOrEqual(x.X, new Vector<float>(7f));
        var clln = Select(o, y, one);
        x = Select(o, Add2(x, new Vector<float>(3f)), x);
        var t = Vector.ConditionalSelect(o2, Vector<float>.One / x.X,
            Normalize(Add2(x, Vector.ConditionalSelect(o0, new Vector<float>(-1f), new Vector<float>(-2f)))).X);
        var u = Pick(0);
        for (int row = 1; row < GammaFU.Length / 3; row++) u = Vector.FusedMultiplyAdd(u, t, Pick(row));
        y = Multiply(Add2(x, new Vector<float>(-0.5f)), LogK2(x));
        y = Add2(y, Negate(x));
        y = Add2(y, Split(0.91893853320467278056));
        var z = Add2(Multiply(u, t), Vector.ConditionalSelect(o0, new Vector<float>(-0.400686534596170958447352690395e+0f), new Vector<float>(-0.673523028297382446749257758235e-1f)));
        z = Add2(Multiply(z, t), Vector.ConditionalSelect(o0, new Vector<float>(+0.822466960142643054450325495997e+0f), new Vector<float>(+0.322467033928981157743538726901e+0f)));
        z = Add2(Multiply(z, t), Vector.ConditionalSelect(o0, new Vector<float>(-0.577215665946766039837398973297e+0f), new Vector<float>(+0.422784335087484338986941629852e+0f)));
        z = Multiply(z, t);
        var clc = Select(o2, y, z);
        var clld = Select(o2, Add2(Multiply(u, t), Vector<float>.One), one);
        y = clln;
        clc = Select(otiny, Split(41.58883083359671856503), Select(oref, Add2(Split(1.1447298858494001639), Negate(clc)), clc));
        clln = Select(otiny, one, Select(oref, clln, clld));
        // a reduced by a multiple of 2^12 (its int32 truncation, INT_MIN where that overflows), then sin(π·that)
        var k = Vector.ConvertToInt32(a * (1f / (1 << 12)));
        var overflow = Vector.GreaterThanOrEqual(Vector.Abs(a * (1f / (1 << 12))), new Vector<float>(2147483648f)) | ~Vector.Equals(a, a);
        k = Vector.ConditionalSelect(overflow, new Vector<int>(int.MinValue), k);
        var reduced = a - (float)(1 << 12) * Vector.ConvertToSingle(k);
        x = Multiply(clld, SinPiK(reduced));
        clld = Select(otiny, new SleefPair<float>(a * ((float)(1L << 30) * (1L << 30)), zero), Select(oref, x, y));
        return (clc, Divide(clln, clld));

        Vector<float> Pick(int row) => Vector.ConditionalSelect(o2, new Vector<float>(GammaFU[3 * row]),
            Vector.ConditionalSelect(o0, new Vector<float>(GammaFU[3 * row + 1]), new Vector<float>(GammaFU[3 * row + 2])));
    }

    /// <summary>A double constant as SLEEF's vcast_vf2_d splits it into two floats.</summary>
    private static SleefPair<float> Split(double d) => new(new Vector<float>((float)d), new Vector<float>((float)(d - (float)d)));

    /// <summary>log of a double-float (SLEEF's logk2f; the exponent as AVX-512's getexp gives it).</summary>
    private static SleefPair<float> LogK2(SleefPair<float> d)
    {
        var scaled = d.X * (1f / 0.75f);
        Span<int> exps = stackalloc int[Vector<float>.Count];
        for (int i = 0; i < exps.Length; i++)
        {
            float v = scaled[i];
            exps[i] = v == 0 || !float.IsFinite(v) ? int.MinValue : Math.ILogB((double)v);
        }
        var e = new Vector<int>(exps);
        var m = Scale(d, Vector.ShiftLeft(-e + new Vector<int>(0x7f), 23).As<int, float>());
        var x = Divide(Add2(m, new Vector<float>(-1f)), Add2(m, Vector<float>.One));
        var x2 = Square(x);
        var t = Vector.FusedMultiplyAdd(new Vector<float>(0.2392828464508056640625f), x2.X, new Vector<float>(0.28518211841583251953125f));
        t = Vector.FusedMultiplyAdd(t, x2.X, new Vector<float>(0.400005877017974853515625f));
        t = Vector.FusedMultiplyAdd(t, x2.X, new Vector<float>(0.666666686534881591796875f));
        var s = Multiply(new SleefPair<float>(new Vector<float>(0.69314718246459960938f), new Vector<float>(-1.904654323148236017e-09f)), Vector.ConvertToSingle(e));
        s = Add(s, Scale(x, new Vector<float>(2f)));
        return Add(s, Multiply(Multiply(x2, x), t));
    }

    /// <summary>sin(πd) as a double-float (SLEEF's sinpifk).</summary>
    private static SleefPair<float> SinPiK(Vector<float> d)
    {
        var u = d * 4f;
        var q = Vector.ConvertToInt32(u);
        q = (q + (Vector.ShiftRightLogical(q, 31) ^ Vector<int>.One)) & new Vector<int>(~1);
        var o = Vector.Equals(q & new Vector<int>(2), new Vector<int>(2));
        var s = u - Vector.ConvertToSingle(q);
        var t = s;
        s *= s;
        var s2 = Multiply(t, t);
        u = Sel(o, -0.2430611801e-7f, +0.3093842054e-6f);
        u = Vector.FusedMultiplyAdd(u, s, Sel(o, +0.3590577080e-5f, -0.3657307388e-4f));
        u = Vector.FusedMultiplyAdd(u, s, Sel(o, -0.3259917721e-3f, +0.2490393585e-2f));
        var x = Add2(u * s, new SleefPair<float>(Sel(o, 0.015854343771934509277f, -0.080745510756969451904f), Sel(o, 4.4940051354032242811e-10f, -1.3373665339076936258e-09f)));
        x = Add2(Multiply(s2, x), new SleefPair<float>(Sel(o, -0.30842512845993041992f, 0.78539818525314331055f), Sel(o, -9.0728339030733922277e-09f, -2.1857338617566484855e-08f)));
        x = Multiply(x, Select(o, s2, new SleefPair<float>(t, Vector<float>.Zero)));
        x = Select(o, Add2(x, Vector<float>.One), x);
        var flip = (Vector.Equals(q & new Vector<int>(4), new Vector<int>(4)) & new Vector<int>(int.MinValue)).As<int, float>();
        return new(x.X ^ flip, x.Y ^ flip);

        static Vector<float> Sel(Vector<int> m, float a, float b) => Vector.ConditionalSelect(m, new Vector<float>(a), new Vector<float>(b));
    }
}
