using System.Numerics;
using System.Runtime.CompilerServices;
using static Sharpgrad.Kernels.Operators.SleefPair;

namespace Sharpgrad.Kernels.Operators;

/// <summary>
/// Float32 sin and cos as PyTorch's CPU kernels compute them, bit for bit. ATen registers sin and cos without an
/// AVX-512 variant, so an AVX-512 machine runs its AVX2 kernel: the vml map over SLEEF's sinf8_u35/cosf8_u35 (FMA).
/// Those reduce by π with π in three parts when every lane of the 8-float vector is below 125 in magnitude, in four
/// parts when every lane is below 39000, and otherwise take the whole vector through the Payne-Hanek reduction (rempif,
/// with its table of 2/π's bits); the last bit can depend on the reduction, so the choice is made per group of 8
/// elements as PyTorch's vectors see them. The algorithms and the table follow SLEEF's published xsinf/xcosf/rempif and
/// rempitab.c (Boost Software License 1.0); no code is shared with it. The span forms group from the span's start; which
/// elements a whole tensor's spans hold (strided ones copied into a buffer, pieces of a long run) is
/// <see cref="TryMap"/>'s part.
/// </summary>
internal static partial class SleefTrig
{
    private const int Group = 8;
    private const float OneOverPi = (float)0.318309886183790671537767526745028724;
    private const float PiA2 = 3.1414794921875f, PiB2 = 0.00011315941810607910156f, PiC2 = 1.9841872589410058936e-09f;
    private const float PiA = 3.140625f, PiB = 0.0009670257568359375f, PiC = 6.2771141529083251953e-07f, PiD = 1.2154201256553420762e-10f;
    private const float HalfPiHi = 3.1415927410125732422f * -0.5f, HalfPiLo = -8.7422776573475857731e-08f * -0.5f;
    private const float Range2 = 125f, Range1 = 39000f;

    public static void Sin(ReadOnlySpan<float> x, Span<float> y) => MapGroups<float, int, SinF>(x, y, Group);
    public static void Cos(ReadOnlySpan<float> x, Span<float> y) => MapGroups<float, int, CosF>(x, y, Group);
    public static float Sin(float x) => SleefMap.One<float, SinF>(x);
    public static float Cos(float x) => SleefMap.One<float, CosF>(x);

    /// <summary>A kernel whose reduction is chosen per group of elements: its tier for one element, and the kernel with the group's tier given.</summary>
    private interface IGroupedKernel<T, TInt> : ISleefKernel<T> where T : unmanaged where TInt : unmanaged
    {
        static abstract TInt Tier(T x);
        static abstract Vector<T> Invoke(Vector<T> x, Vector<TInt> tier);
    }

    private readonly struct SinF : IGroupedKernel<float, int>
    {
        public static Vector<float> Invoke(Vector<float> x) => Sin(x, Tiers(x));
        public static Vector<float> Invoke(Vector<float> x, Vector<int> tier) => Sin(x, tier);
        public static int Tier(float x) => TierOf(x);
    }

    private readonly struct CosF : IGroupedKernel<float, int>
    {
        public static Vector<float> Invoke(Vector<float> x) => Cos(x, Tiers(x));
        public static Vector<float> Invoke(Vector<float> x, Vector<int> tier) => Cos(x, tier);
        public static int Tier(float x) => TierOf(x);
    }

    private static int TierOf(float x) => MathF.Abs(x) < Range2 ? 0 : MathF.Abs(x) < Range1 ? 1 : 2;

    /// <summary>
    /// SleefMap.Map where a vector holds whole groups; with narrower vectors (128-bit hardware), each group's tier is
    /// worked out from its elements first and every vector of the group takes it.
    /// </summary>
    private static void MapGroups<T, TInt, TKernel>(ReadOnlySpan<T> x, Span<T> y, int group)
        where T : unmanaged where TInt : unmanaged, IBinaryInteger<TInt> where TKernel : IGroupedKernel<T, TInt>
    {
        int w = Vector<T>.Count;
        if (w >= group)
        {
            SleefMap.Map<T, TKernel>(x, y);
            return;
        }
        if (y.Length < x.Length) throw new ArgumentException("Destination is too short.", nameof(y));
        Span<T> buffer = stackalloc T[w];
        for (int g = 0; g < x.Length; g += group)
        {
            int end = Math.Min(g + group, x.Length);
            var tier = TInt.Zero;
            for (int i = g; i < end; i++) tier = TInt.Max(tier, TKernel.Tier(x[i]));
            var tiers = new Vector<TInt>(tier);
            for (int i = g; i < end; i += w)
            {
                int n = Math.Min(w, end - i);
                buffer.Clear();
                x.Slice(i, n).CopyTo(buffer);
                TKernel.Invoke(new Vector<T>(buffer), tiers).CopyTo(buffer);
                buffer[..n].CopyTo(y.Slice(i, n));
            }
        }
    }

    private static Vector<float> Sin(Vector<float> d, Vector<int> tier)
    {
        var q = Vector.ConvertToInt32(Vector.Round(d * OneOverPi));
        var r = Reduce(d, Vector.ConvertToSingle(q), 1f, tier);
        if (tier != Vector<int>.Zero)
        {
            var (df, qi) = Rempi(d);
            var q2 = Vector.ShiftRightArithmetic((qi & new Vector<int>(3)) * 2 + Vector.ConditionalSelect(Vector.GreaterThan(df.X, Vector<float>.Zero), new Vector<int>(2), new Vector<int>(1)), 2);
            var odd = Vector.Equals(qi & Vector<int>.One, Vector<int>.One);
            var half = new SleefPair<float>(MulSign(new Vector<float>(HalfPiHi), df.X), MulSign(new Vector<float>(HalfPiLo), df.X));
            df = Select(odd, Add2(df, half), df);
            var far = Vector.Equals(tier, new Vector<int>(2));
            q = Vector.ConditionalSelect(far, q2, q);
            r = Vector.ConditionalSelect(far.As<int, float>(), NaNWhereNotFinite(df.Sum, d), r);
        }
        var y = Polynomial(r, Vector.Equals(q & Vector<int>.One, Vector<int>.One));
        return Vector.ConditionalSelect(Vector.Equals(d.As<float, int>(), new Vector<int>(int.MinValue)), d, y);
    }

    private static Vector<float> Cos(Vector<float> d, Vector<int> tier)
    {
        var q = Vector.ConvertToInt32(Vector.Round(d * OneOverPi - new Vector<float>(0.5f)));
        q = q + q + Vector<int>.One;
        var r = Reduce(d, Vector.ConvertToSingle(q), 0.5f, tier);
        if (tier != Vector<int>.Zero)
        {
            var (df, qi) = Rempi(d);
            var positive = Vector.GreaterThan(df.X, Vector<float>.Zero);
            var q2 = Vector.ShiftRightArithmetic((qi & new Vector<int>(3)) * 2 + Vector.ConditionalSelect(positive, new Vector<int>(8), new Vector<int>(7)), 1);
            var even = Vector.Equals(qi & Vector<int>.One, Vector<int>.Zero);
            var sign = Vector.ConditionalSelect(positive, Vector<float>.Zero, new Vector<float>(-1f));
            var half = new SleefPair<float>(MulSign(new Vector<float>(HalfPiHi), sign), MulSign(new Vector<float>(HalfPiLo), sign));
            df = Select(even, Add2(df, half), df);
            var far = Vector.Equals(tier, new Vector<int>(2));
            q = Vector.ConditionalSelect(far, q2, q);
            r = Vector.ConditionalSelect(far.As<int, float>(), NaNWhereNotFinite(df.Sum, d), r);
        }
        return Polynomial(r, Vector.Equals(q & new Vector<int>(2), Vector<int>.Zero));
    }

    /// <summary>
    /// d − u·(π·scale) by Cody-Waite: π in three parts where the group's tier is 0, in four where it is 1 (the lanes of
    /// tier 2 are replaced by the caller).
    /// </summary>
    private static Vector<float> Reduce(Vector<float> d, Vector<float> u, float scale, Vector<int> tier)
    {
        var near = Fma(u, new Vector<float>(-PiA2 * scale), d);
        near = Fma(u, new Vector<float>(-PiB2 * scale), near);
        near = Fma(u, new Vector<float>(-PiC2 * scale), near);
        if (tier == Vector<int>.Zero) return near;
        var mid = Fma(u, new Vector<float>(-PiA * scale), d);
        mid = Fma(u, new Vector<float>(-PiB * scale), mid);
        mid = Fma(u, new Vector<float>(-PiC * scale), mid);
        mid = Fma(u, new Vector<float>(-PiD * scale), mid);
        return Vector.ConditionalSelect(Vector.Equals(tier, Vector<int>.Zero).As<int, float>(), near, mid);
    }

    /// <summary>r·p(r²) with r's sign flipped where <paramref name="negate"/> is set (SLEEF's degree-4 polynomial, u35).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> Polynomial(Vector<float> d, Vector<int> negate)
    {
        var s = d * d;
        d = (d.As<float, int>() ^ (negate & new Vector<int>(int.MinValue))).As<int, float>();
        var u = Fma(new Vector<float>(2.6083159809786593541503e-06f), s, new Vector<float>(-0.0001981069071916863322258f));
        u = Fma(u, s, new Vector<float>(0.00833307858556509017944336f));
        u = Fma(u, s, new Vector<float>(-0.166666597127914428710938f));
        return s * (u * d) + d;
    }

    /// <summary>
    /// Per lane, the reduction its group of 8 takes: 0 when every element is below 125 in magnitude, 1 when every one
    /// is below 39000, 2 otherwise (NaN and infinities included).
    /// </summary>
    private static Vector<int> Tiers(Vector<float> d)
    {
        var a = Vector.Abs(d);
        var tier = -(~Vector.LessThan(a, new Vector<float>(Range2))) - ~Vector.LessThan(a, new Vector<float>(Range1));
        if (tier == Vector<int>.Zero) return tier;
        Span<int> lanes = stackalloc int[Vector<int>.Count];
        tier.CopyTo(lanes);
        SpreadGroupMaximum(lanes, Group);
        return new Vector<int>(lanes);
    }

    /// <summary>Each group of <paramref name="group"/> lanes set to its largest value (the tier its vector takes).</summary>
    private static void SpreadGroupMaximum<TInt>(Span<TInt> lanes, int group) where TInt : unmanaged, IBinaryInteger<TInt>
    {
        for (int g = 0; g < lanes.Length; g += group)
        {
            var span = lanes.Slice(g, Math.Min(group, lanes.Length - g));
            var m = TInt.Zero;
            foreach (var v in span) m = TInt.Max(m, v);
            span.Fill(m);
        }
    }

    /// <summary>
    /// Payne-Hanek reduction (SLEEF's rempif, AVX2 form): a = r·(π/2) + q·(π/2) with r a double-float and q the quadrant
    /// count, from a's product with 2/π's bits around a's exponent.
    /// </summary>
    private static (SleefPair<float> R, Vector<int> Q) Rempi(Vector<float> a)
    {
        var ex = (Vector.ShiftRightLogical(a.As<float, int>(), 23) & new Vector<int>(0xff)) - new Vector<int>(0x7f + 25);
        var q = Vector.GreaterThan(ex, new Vector<int>(90 - 25)) & new Vector<int>(-64);
        a = (a.As<float, int>() + Vector.ShiftLeft(q, 23)).As<int, float>();
        ex = Vector.Max(ex, Vector<int>.Zero) * 4;
        var x = Multiply(a, Gather(TwoOverPiF, ex, 0));
        var (d, i) = RempiSub(x.X);
        q = i;
        x = Normalize(new SleefPair<float>(d, x.Y));
        x = Add2(x, Multiply(a, Gather(TwoOverPiF, ex, 1)));
        (d, i) = RempiSub(x.X);
        q += i;
        x = Normalize(new SleefPair<float>(d, x.Y));
        x = Add2(x, Multiply(new SleefPair<float>(Gather(TwoOverPiF, ex, 2), Gather(TwoOverPiF, ex, 3)), a));
        x = Normalize(x);
        x = Multiply(x, new SleefPair<float>(new(3.1415927410125732422f * 2), new(-8.7422776573475857731e-08f * 2)));
        var small = Vector.LessThan(Vector.Abs(a), new Vector<float>(0.7f));
        x = new(Vector.ConditionalSelect(small, a, x.X), Vector.ConditionalSelect(small, Vector<float>.Zero, x.Y));
        return (x, q);
    }

    /// <summary>x minus its nearest quarter, and that quarter's count modulo 4 (rempisubf with full FP rounding).</summary>
    private static (Vector<float>, Vector<int>) RempiSub(Vector<float> x)
    {
        var y = Vector.Round(x * 4f);
        var vi = Vector.ConvertToInt32(y - Vector.Round(x) * 4f);
        return (x - y * 0.25f, vi);
    }

    /// <summary>table[index + offset] lane by lane (SLEEF's vgather).</summary>
    private static Vector<T> Gather<T, TInt>(ReadOnlySpan<T> table, Vector<TInt> index, int offset) where T : unmanaged where TInt : unmanaged, IBinaryInteger<TInt>
    {
        Span<T> lanes = stackalloc T[Vector<T>.Count];
        for (int i = 0; i < lanes.Length; i++) lanes[i] = table[int.CreateTruncating(index[i]) + offset];
        return new Vector<T>(lanes);
    }
}
