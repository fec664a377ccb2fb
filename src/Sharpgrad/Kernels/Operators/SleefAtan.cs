using System.Numerics;
using System.Runtime.CompilerServices;
using Sharpgrad.Kernels.Cpu;
using static Sharpgrad.Kernels.Operators.SleefPair;

namespace Sharpgrad.Kernels.Operators;

/// <summary>
/// atan and atan2 as PyTorch's CPU kernels compute them, bit for bit. atan is ATen's vml map over SLEEF's atanf_u10 /
/// atan_u10 (every element, the zero-padded tail and strided ones included); atan2 is a cpu_kernel_vec loop: whole
/// pairs of 64-byte vectors through SLEEF's atan2f_u10 / atan2_u10, the elements left over (and every element of an
/// input ATen cannot vectorize) through the C library's atan2f/atan2, whose glibc 2.41 atan2f rounds correctly. Both
/// SLEEF kernels reduce to atan(s/t) with s ≤ t in double-word arithmetic and a polynomial in (s/t)². The algorithms
/// follow SLEEF's published atan2kf_u1/atan2k_u1, xatanf_u1/xatan_u1 and xatan2f_u1/xatan2_u1 (Boost Software License
/// 1.0); no code is shared with it.
/// </summary>
internal static class SleefAtan
{
    private const float HalfPiHiF = 1.5707963705062866211f, HalfPiLoF = -4.3711388286737928865e-08f;
    private const double HalfPiHi = 1.570796326794896557998982, HalfPiLo = 6.12323399573676603586882e-17;

    public static void Atan(ReadOnlySpan<float> x, Span<float> y) => SleefMap.Map<float, AtanF>(x, y);
    public static void Atan(ReadOnlySpan<double> x, Span<double> y) => SleefMap.Map<double, AtanD>(x, y);
    public static float Atan(float x) => SleefMap.One<float, AtanF>(x);
    public static double Atan(double x) => SleefMap.One<double, AtanD>(x);

    private static readonly SplitKernel2<float> Atan2Span32 = Atan2;
    private static readonly SplitKernel2<double> Atan2Span64 = Atan2;

    /// <summary>
    /// y = atan2(a, b) for Float32 or Float64, a and b broadcast to y's shape, in ATen's loop (<see cref="AtenVecLoop"/>);
    /// <paramref name="aModel"/> and <paramref name="bModel"/> are the inputs' strides as PyTorch's iterator sees them.
    /// </summary>
    public static void Atan2(StridedArray a, StridedArray b, StridedArray y, int[] aModel, int[] bModel)
    {
        if (y.DType == DType.Float32) AtenVecLoop.Map(a, b, y, aModel, bModel, Atan2Span32);
        else AtenVecLoop.Map(a, b, y, aModel, bModel, Atan2Span64);
    }

    /// <summary>y[i] = atan2(a[i], b[i]): the first <paramref name="vectorPart"/> elements through SLEEF, the rest through the C library.</summary>
    public static void Atan2(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> y, int vectorPart) => SleefSplit.Map<float, Atan2F>(a, b, y, vectorPart);

    /// <summary>The same for doubles.</summary>
    public static void Atan2(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> y, int vectorPart) => SleefSplit.Map<double, Atan2D>(a, b, y, vectorPart);

    private readonly struct AtanF : ISleefKernel<float> { public static Vector<float> Invoke(Vector<float> x) => Atan(x); }
    private readonly struct AtanD : ISleefKernel<double> { public static Vector<double> Invoke(Vector<double> x) => Atan(x); }

    private readonly struct Atan2F : ISleefKernel2<float>
    {
        public static Vector<float> Invoke(Vector<float> y, Vector<float> x) => Atan2(y, x);
        public static float Scalar(float y, float x) => (float)Math.Atan2(y, x);
    }

    private readonly struct Atan2D : ISleefKernel2<double>
    {
        public static Vector<double> Invoke(Vector<double> y, Vector<double> x) => Atan2(y, x);
        public static double Scalar(double y, double x) => Math.Atan2(y, x);
    }

    private static Vector<float> Atan(Vector<float> d)
    {
        var t = Atan2K(new SleefPair<float>(Vector.Abs(d), Vector<float>.Zero), new SleefPair<float>(Vector<float>.One, Vector<float>.Zero));
        var r = t.Sum;
        r = Vector.ConditionalSelect(IsInf(d), new Vector<float>((float)1.570796326794896557998982), r);
        return MulSign(r, d);
    }

    private static Vector<double> Atan(Vector<double> d)
    {
        var t = Atan2K(new SleefPair<double>(Vector.Abs(d), Vector<double>.Zero), new SleefPair<double>(Vector<double>.One, Vector<double>.Zero));
        var r = t.Sum;
        r = Vector.ConditionalSelect(IsInf(d), new Vector<double>(1.570796326794896557998982), r);
        return MulSign(r, d);
    }

    private static Vector<float> Atan2(Vector<float> y, Vector<float> x)
    {
        var o = Vector.LessThan(Vector.Abs(x), new Vector<float>(2.9387372783541830947e-39f));
        x = Vector.ConditionalSelect(o, x * (1 << 24), x);
        y = Vector.ConditionalSelect(o, y * (1 << 24), y);
        var r = Atan2K(new SleefPair<float>(Vector.Abs(y), Vector<float>.Zero), new SleefPair<float>(x, Vector<float>.Zero)).Sum;
        return Atan2FixUp(r, y, x, (float)Math.PI);
    }

    private static Vector<double> Atan2(Vector<double> y, Vector<double> x)
    {
        var o = Vector.LessThan(Vector.Abs(x), new Vector<double>(5.5626846462680083984e-309));
        x = Vector.ConditionalSelect(o, x * (double)(1L << 53), x);
        y = Vector.ConditionalSelect(o, y * (double)(1L << 53), y);
        var r = Atan2K(new SleefPair<double>(Vector.Abs(y), Vector<double>.Zero), new SleefPair<double>(x, Vector<double>.Zero)).Sum;
        return Atan2FixUp(r, y, x, Math.PI);
    }

    /// <summary>The signs, the infinite and zero arguments and NaN (all bits set) as SLEEF's atan2 ends.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<T> Atan2FixUp<T>(Vector<T> r, Vector<T> y, Vector<T> x, T pi) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T halfPi = pi / T.CreateTruncating(2), quarterPi = pi / T.CreateTruncating(4);
        r = MulSign(r, x);
        var infX = IsInf(x);
        r = Vector.ConditionalSelect(infX | Vector.Equals(x, Vector<T>.Zero), new Vector<T>(halfPi) - InfSign(infX, x, MulSign(new Vector<T>(halfPi), x)), r);
        r = Vector.ConditionalSelect(IsInf(y), new Vector<T>(halfPi) - InfSign(infX, x, MulSign(new Vector<T>(quarterPi), x)), r);
        r = Vector.ConditionalSelect(Vector.Equals(y, Vector<T>.Zero), SignBit(x) & new Vector<T>(pi), r);
        var nan = ~Vector.Equals(x, x) | ~Vector.Equals(y, y);
        return MulSign(r, y) | nan;
    }

    /// <summary>SLEEF's visinf2: (sign of d) | m where d is infinite, else +0.</summary>
    private static Vector<T> InfSign<T>(Vector<T> infD, Vector<T> d, Vector<T> m) where T : unmanaged, IFloatingPointIeee754<T> =>
        infD & ((d & new Vector<T>(T.NegativeZero)) | m);

    private static Vector<T> IsInf<T>(Vector<T> d) where T : unmanaged, IFloatingPointIeee754<T> =>
        Vector.Equals(Vector.Abs(d), new Vector<T>(T.PositiveInfinity));

    /// <summary>
    /// (x, y) folded into the first octant: s = y/x (or −x/y) in double-word arithmetic, and q, the multiple of π/2 to
    /// add back (−2 where x is negative, plus one where the fold swapped them).
    /// </summary>
    private static (SleefPair<T> S, Vector<T> Q) Octant<T>(SleefPair<T> y, SleefPair<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var neg = Vector.LessThan(x.X, Vector<T>.Zero);
        var q = neg & new Vector<T>(T.CreateTruncating(-2));
        var b = neg & new Vector<T>(T.NegativeZero);
        x = new(x.X ^ b, x.Y ^ b);
        var p = Vector.LessThan(x.X, y.X);
        q += p & Vector<T>.One;
        return (Divide(Select(p, Negate(x), y), Select(p, y, x)), q);
    }

    /// <summary>atan(y/x) + q·π/2 in double-float arithmetic, after folding (x, y) into the first octant (atan2kf_u1).</summary>
    private static SleefPair<float> Atan2K(SleefPair<float> y, SleefPair<float> x)
    {
        var (s, q) = Octant(y, x);
        var t = Normalize(Square(s));
        var u = new Vector<float>(-0.00176397908944636583328247f);
        u = Fma(u, t.X, new Vector<float>(0.0107900900766253471374512f));
        u = Fma(u, t.X, new Vector<float>(-0.0309564601629972457885742f));
        u = Fma(u, t.X, new Vector<float>(0.0577365085482597351074219f));
        u = Fma(u, t.X, new Vector<float>(-0.0838950723409652709960938f));
        u = Fma(u, t.X, new Vector<float>(0.109463557600975036621094f));
        u = Fma(u, t.X, new Vector<float>(-0.142626821994781494140625f));
        u = Fma(u, t.X, new Vector<float>(0.199983194470405578613281f));
        t = Multiply(t, Add(new Vector<float>(-0.333332866430282592773438f), u * t.X));
        t = Multiply(s, Add(Vector<float>.One, t));
        return Add(Multiply(new SleefPair<float>(new(HalfPiHiF), new(HalfPiLoF)), q), t);
    }

    /// <summary>The same for doubles (atan2k_u1): a degree-19 polynomial in (s/t)², Estrin's scheme for its top 16 terms.</summary>
    private static SleefPair<double> Atan2K(SleefPair<double> y, SleefPair<double> x)
    {
        var (s, q) = Octant(y, x);
        var t = Normalize(Square(s));
        var t1 = t.X;
        var t2 = t1 * t1;
        var t4 = t2 * t2;
        var t8 = t4 * t4;
        var u = SleefPoly.Estrin(t1, t2, t4, t8, AtanCoefficients);
        u = Fma(u, t1, new Vector<double>(0.111111108376896236538123));
        u = Fma(u, t1, new Vector<double>(-0.142857142756268568062339));
        u = Fma(u, t1, new Vector<double>(0.199999999997977351284817));
        u = Fma(u, t1, new Vector<double>(-0.333333333333317605173818));
        t = Add(s, Multiply(Multiply(s, t), u));
        return Add(Multiply(new SleefPair<double>(new(HalfPiHi), new(HalfPiLo)), q), t);
    }

    private static readonly double[] AtanCoefficients =
    [
        1.06298484191448746607415e-05, -0.000125620649967286867384336, 0.00070557664296393412389774, -0.00251865614498713360352999,
        0.00646262899036991172313504, -0.0128281333663399031014274, 0.0208024799924145797902497, -0.0289002344784740315686289,
        0.0359785005035104590853656, -0.041848579703592507506027, 0.0470843011653283988193763, -0.0524914210588448421068719,
        0.0587946590969581003860434, -0.0666620884778795497194182, 0.0769225330296203768654095, -0.0909090442773387574781907,
    ];
}
