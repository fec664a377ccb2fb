using System.Numerics;
using System.Runtime.InteropServices;
using Sharpgrad.Kernels.Cpu;
using static Sharpgrad.Kernels.Operators.SleefPair;

namespace Sharpgrad.Kernels.Operators;

/// <summary>
/// tensor ** scalar as PyTorch's CPU kernel computes it for an exponent without a special kernel (not 2, 3, −2, 0.5,
/// −0.5 or −1), bit for bit, and the per-lane forms tensor ** tensor uses (<see cref="PowTensorKernel"/>): a cpu_kernel_vec loop, whole pairs of 64-byte vectors through SLEEF's powf_u10/pow_u10
/// (exp(y·log|x|) with the logarithm and the product in double-word arithmetic, then the signs and special values), the
/// elements left over and strided inputs through the C library's powf/pow. The algorithms follow SLEEF's published
/// xpowf/xpow with their logkf/logk and expkf/expk (Boost Software License 1.0); no code is shared with it.
/// </summary>
internal static class SleefPow
{
    private const float InvLn2F = SleefExp.InvLn2, Ln2HiF = SleefExp.Ln2Hi, Ln2LoF = SleefExp.Ln2Lo;

    /// <summary>Whether PyTorch gives this exponent its own kernel (x·x, sqrt, reciprocal...) rather than pow.</summary>
    public static bool HasOwnKernel(double e) => e is 2.0 or 3.0 or -2.0 or 0.5 or -0.5 or -1.0;

    /// <summary>
    /// y = x ** e over a contiguous run (false for an exponent with its own kernel or a type SLEEF does not cover). The
    /// vector kernel takes the exponent in the tensor's dtype, the C library's pow the double (ATen's scalar loop calls
    /// std::pow(x, double), so Float32 elements there are the double pow rounded once).
    /// </summary>
    public static bool TryInvoke<T>(ReadOnlySpan<T> x, double e, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (HasOwnKernel(e) || (typeof(T) != typeof(float) && typeof(T) != typeof(double))) return false;
        int per = IntraOp.AtenPieceLength(x.Length);
        for (int s = 0; s < x.Length; s += per)
        {
            int n = Math.Min(per, x.Length - s);
            Piece(x.Slice(s, n), e, y.Slice(s, n));
        }
        return true;
    }

    /// <summary>One at::parallel_for piece: its whole vector pairs through SLEEF, the rest through the C library.</summary>
    private static void Piece<T>(ReadOnlySpan<T> x, double e, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
        {
            var xs = MemoryMarshal.Cast<T, float>(x);
            var ys = MemoryMarshal.Cast<T, float>(y);
            int i = Map(xs, new Vector<float>((float)e), ys);
            for (; i < xs.Length; i++) ys[i] = (float)Math.Pow(xs[i], e);
        }
        else
        {
            var xs = MemoryMarshal.Cast<T, double>(x);
            var ys = MemoryMarshal.Cast<T, double>(y);
            int i = Map(xs, new Vector<double>(e), ys);
            for (; i < xs.Length; i++) ys[i] = Math.Pow(xs[i], e);
        }
    }

    /// <summary>The vector part: whole pairs of 64-byte vectors through SLEEF; returns where the C library takes over.</summary>
    private static int Map<T>(ReadOnlySpan<T> x, Vector<T> e, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int vectorPart = SleefSplit.VectorPart<T>(x.Length), w = Vector<T>.Count, i = 0;
        for (; i <= vectorPart - w; i += w)
        {
            var v = new Vector<T>(x[i..]);
            var r = typeof(T) == typeof(float) ? Pow(v.As<T, float>(), e.As<T, float>()).As<float, T>() : Pow(v.As<T, double>(), e.As<T, double>()).As<double, T>();
            r.CopyTo(y[i..]);
        }
        return i;
    }

    /// <summary>
    /// tensor ** tensor's two forms for Float32: SLEEF's powf_u10 with each lane's own exponent, and the C library's
    /// powf (ATen's scalar loop calls std::pow(float, float) there, unlike tensor ** scalar's double exponent).
    /// </summary>
    internal readonly struct TensorF : ISleefKernel2<float>
    {
        public static Vector<float> Invoke(Vector<float> x, Vector<float> y) => Pow(x, y);
        public static float Scalar(float x, float y) => GlibcPowF.Pow(x, y);
    }

    /// <summary>tensor ** tensor's two forms for Float64: SLEEF's pow_u10 per lane and the C library's pow.</summary>
    internal readonly struct TensorD : ISleefKernel2<double>
    {
        public static Vector<double> Invoke(Vector<double> x, Vector<double> y) => Pow(x, y);
        public static double Scalar(double x, double y) => Math.Pow(x, y);
    }

    private static Vector<float> Pow(Vector<float> x, Vector<float> y)
    {
        var yIsInt = Vector.Equals(Vector.Truncate(y), y) | Vector.GreaterThan(Vector.Abs(y), new Vector<float>(1 << 24));
        var yIsOdd = Vector.Equals(Vector.ConvertToInt32(Vector.Truncate(y)) & Vector<int>.One, Vector<int>.One) & yIsInt
            & Vector.LessThan(Vector.Abs(y), new Vector<float>(1 << 24));
        var result = ExpK(Multiply(LogK(Vector.Abs(x)), y));
        result = Vector.ConditionalSelect(Vector.Equals(result, result), result, new Vector<float>(float.PositiveInfinity));
        return PowFixUp(result, x, y, yIsInt.As<int, float>(), yIsOdd.As<int, float>());
    }

    private static Vector<double> Pow(Vector<double> x, Vector<double> y)
    {
        var yIsInt = Vector.Equals(Vector.Round(y), y);
        var half = y * 0.5;
        var yIsOdd = ~Vector.Equals(Vector.Round(half), half) & yIsInt;
        var d = Multiply(LogK(Vector.Abs(x)), y);
        var result = SleefExpm1.ExpK(d);
        result = Vector.ConditionalSelect(Vector.GreaterThan(d.X, new Vector<double>(709.78271114955742909217217426)), new Vector<double>(double.PositiveInfinity), result);
        return PowFixUp(result, x, y, yIsInt.As<long, double>(), yIsOdd.As<long, double>());
    }

    /// <summary>The sign for negative x, infinite y, zero or infinite x, NaN (all bits set), y = 0 and x = 1, as xpow ends.</summary>
    private static Vector<T> PowFixUp<T>(Vector<T> result, Vector<T> x, Vector<T> y, Vector<T> yIsInt, Vector<T> yIsOdd) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var one = Vector<T>.One;
        var inf = new Vector<T>(T.PositiveInfinity);
        var negativeFactor = Vector.ConditionalSelect(yIsInt, Vector.ConditionalSelect(yIsOdd, -one, one), new Vector<T>(T.CopySign(T.NaN, T.One)));
        result *= Vector.ConditionalSelect(Vector.GreaterThan(x, Vector<T>.Zero), one, negativeFactor);
        var efx = MulSign(Vector.Abs(x) - one, y);
        var infY = Vector.ConditionalSelect(Vector.Equals(efx, Vector<T>.Zero), one, inf);
        infY = Vector.AndNot(infY, Vector.LessThan(efx, Vector<T>.Zero));
        result = Vector.ConditionalSelect(Vector.Equals(Vector.Abs(y), inf), infY, result);
        var xZero = Vector.Equals(x, Vector<T>.Zero);
        var edge = MulSign(Vector.ConditionalSelect(SignBit(y) ^ xZero, Vector<T>.Zero, inf), Vector.ConditionalSelect(yIsOdd, x, one));
        result = Vector.ConditionalSelect(Vector.Equals(Vector.Abs(x), inf) | xZero, edge, result);
        result |= ~Vector.Equals(x, x) | ~Vector.Equals(y, y);
        return Vector.ConditionalSelect(Vector.Equals(y, Vector<T>.Zero) | Vector.Equals(x, one), one, result);
    }

    /// <summary>log(d) as a double-float (logkf, AVX-512 build).</summary>
    private static SleefPair<float> LogK(Vector<float> d)
    {
        var e = SleefLog.GetExp(d * (1f / 0.75f));
        var m = SleefLog.GetMant(d);
        var x = Divide(Add2(new Vector<float>(-1f), m), Add2(Vector<float>.One, m));
        var x2 = Square(x);
        var t = Fma(new Vector<float>(0.240320354700088500976562f), x2.X, new Vector<float>(0.285112679004669189453125f));
        t = Fma(t, x2.X, new Vector<float>(0.400007992982864379882812f));
        var c = new SleefPair<float>(new(0.66666662693023681640625f), new(3.69183861259614332084311e-09f));
        var s = Multiply(new SleefPair<float>(new(0.69314718246459960938f), new(-1.904654323148236017e-09f)), e);
        s = Add(s, Scale(x, new Vector<float>(2f)));
        return Add(s, Multiply(Multiply(x2, x), Add2(Multiply(x2, t), c)));
    }

    /// <summary>log(d) as a double-double (logk, AVX-512 build).</summary>
    private static SleefPair<double> LogK(Vector<double> d)
    {
        var e = SleefLog.GetExp(d * (1.0 / 0.75));
        var m = SleefLog.GetMant(d);
        var x = Divide(Add2(new Vector<double>(-1.0), m), Add2(Vector<double>.One, m));
        var x2 = Square(x);
        var x4 = x2.X * x2.X;
        var x8 = x4 * x4;
        var x16 = x8 * x8;
        var t = SleefPoly.Estrin(x2.X, x4, x8, x16, LogCoefficients);
        var c = new SleefPair<double>(new(0.666666666666666629659233), new(3.80554962542412056336616e-17));
        var s = Multiply(new SleefPair<double>(new(0.693147180559945286226764), new(2.319046813846299558417771e-17)), e);
        s = Add(s, Scale(x, new Vector<double>(2.0)));
        x = Multiply(x2, x);
        s = Add(s, Multiply(x, c));
        x = Multiply(x2, x);
        return Add(s, Multiply(x, t));
    }

    /// <summary>exp(d) for a double-float d (expkf), 0 below −104.</summary>
    private static Vector<float> ExpK(SleefPair<float> d)
    {
        var q = Vector.ConvertToInt32(Vector.Round(d.Sum * InvLn2F));
        var qf = Vector.ConvertToSingle(q);
        var s = Add2(d, qf * -Ln2HiF);
        s = Normalize(Add2(s, qf * -Ln2LoF));
        var u = Fma(new Vector<float>(0.00136324646882712841033936f), s.X, new Vector<float>(0.00836596917361021041870117f));
        u = Fma(u, s.X, new Vector<float>(0.0416710823774337768554688f));
        u = Fma(u, s.X, new Vector<float>(0.166665524244308471679688f));
        u = Fma(u, s.X, new Vector<float>(0.499999850988388061523438f));
        var t = Add(s, Multiply(Square(s), u));
        t = Add(Vector<float>.One, t);
        var r = LdExp(t.Sum, q);
        return Vector.AndNot(r, Vector.LessThan(d.X, new Vector<float>(-104f)).As<int, float>());
    }

    /// <summary>x·2^q for any q (SLEEF's vldexp: four factors of a clamped power, then the remainder).</summary>
    private static Vector<float> LdExp(Vector<float> x, Vector<int> q)
    {
        var m = Vector.ShiftRightArithmetic(q, 31);
        m = Vector.ShiftLeft(Vector.ShiftRightArithmetic(m + q, 6) - m, 4);
        q -= Vector.ShiftLeft(m, 2);
        m += new Vector<int>(0x7f);
        m = Vector.Max(m, Vector<int>.Zero);
        m = Vector.Min(m, new Vector<int>(0xff));
        var u = Vector.ShiftLeft(m, 23).As<int, float>();
        x = x * u * u * u * u;
        return x * Vector.ShiftLeft(q + new Vector<int>(0x7f), 23).As<int, float>();
    }

    private static readonly double[] LogCoefficients =
    [
        0.116255524079935043668677, 0.103239680901072952701192, 0.117754809412463995466069, 0.13332981086846273921509,
        0.153846227114512262845736, 0.181818180850050775676507, 0.222222222230083560345903, 0.285714285714249172087875,
        0.400000000000000077715612,
    ];
}

/// <summary>
/// tensor ** scalar with the exponent kept as the double PyTorch's kernel gets: SLEEF's pow and the C library's as
/// <see cref="SleefPow"/> splits them, the exponents with their own kernels as <see cref="PowOperator{T}"/> computes them.
/// </summary>
internal readonly struct PowScalarOperator<T>(double exponent) : IBinaryOperator<T, T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public T Invoke(T a, T b) => SleefPow.HasOwnKernel(exponent) ? default(PowOperator<T>).Invoke(a, b)
        : T.CreateTruncating(Math.Pow(double.CreateTruncating(a), exponent));
    public bool TryInvoke(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> y) => default(PowOperator<T>).TryInvoke(a, b, y);
    public bool TryInvoke(ReadOnlySpan<T> a, T b, Span<T> y) => SleefPow.TryInvoke(a, exponent, y) || default(PowOperator<T>).TryInvoke(a, b, y);
    public bool TryInvoke(T a, ReadOnlySpan<T> b, Span<T> y) => default(PowOperator<T>).TryInvoke(a, b, y);
}
