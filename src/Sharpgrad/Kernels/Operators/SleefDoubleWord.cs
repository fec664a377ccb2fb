using System.Numerics;
using System.Runtime.CompilerServices;

namespace Sharpgrad.Kernels.Operators;

/// <summary>
/// A vector of values each carried as an unevaluated sum X + Y of two floats (or two doubles), Y holding the rounding
/// error of X: SLEEF's double-float / double-double arithmetic with FMA (the dfadd/dfmul/dfdiv and ddadd/ddmul/dddiv
/// helpers of its AVX-512 build), written once for both widths. The algorithms follow SLEEF's published df.h/dd.h (Boost
/// Software License 1.0); no code is shared with it.
/// </summary>
internal readonly record struct SleefPair<T>(Vector<T> X, Vector<T> Y) where T : unmanaged, IFloatingPointIeee754<T>
{
    public Vector<T> Sum => X + Y;
}

/// <summary>The double-word operations SLEEF's log, log1p, expm1 and tanh kernels use (names after SLEEF's).</summary>
internal static class SleefPair
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<T> Fma<T>(Vector<T> a, Vector<T> b, Vector<T> c) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
            return Vector.FusedMultiplyAdd(a.As<T, float>(), b.As<T, float>(), c.As<T, float>()).As<float, T>();
        return Vector.FusedMultiplyAdd(a.As<T, double>(), b.As<T, double>(), c.As<T, double>()).As<double, T>();
    }

    /// <summary>x + y with the error kept, no ordering needed (dfadd2_vf2_vf_vf).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SleefPair<T> Add2<T>(Vector<T> x, Vector<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var s = x + y;
        var v = s - x;
        return new(s, (x - (s - v)) + (y - v));
    }

    /// <summary>x + y, no ordering needed (dfadd2_vf2_vf_vf2).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SleefPair<T> Add2<T>(Vector<T> x, SleefPair<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var s = x + y.X;
        var v = s - x;
        return new(s, ((x - (s - v)) + (y.X - v)) + y.Y);
    }

    /// <summary>|x|: X made positive, Y's sign flipped with it (dfabs_vf2_vf2).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SleefPair<T> Abs<T>(SleefPair<T> x) where T : unmanaged, IFloatingPointIeee754<T> =>
        new(Vector.Abs(x.X), x.Y ^ (x.X & new Vector<T>(T.NegativeZero)));

    /// <summary>x + y for |x| ≥ |y| (dfadd_vf2_vf_vf).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SleefPair<T> Add<T>(Vector<T> x, Vector<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var s = x + y;
        return new(s, (x - s) + y);
    }

    /// <summary>x + y for |x.X| ≥ |y| (dfadd_vf2_vf2_vf).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SleefPair<T> Add<T>(SleefPair<T> x, Vector<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var s = x.X + y;
        return new(s, ((x.X - s) + y) + x.Y);
    }

    /// <summary>x + y for |x| ≥ |y.X| (dfadd_vf2_vf_vf2).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SleefPair<T> Add<T>(Vector<T> x, SleefPair<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var s = x + y.X;
        return new(s, ((x - s) + y.X) + y.Y);
    }

    /// <summary>x + y for |x.X| ≥ |y.X| (dfadd_vf2_vf2_vf2).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SleefPair<T> Add<T>(SleefPair<T> x, SleefPair<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var s = x.X + y.X;
        return new(s, (((x.X - s) + y.X) + x.Y) + y.Y);
    }

    /// <summary>x − y for |x.X| ≥ |y.X| (ddsub_vd2_vd2_vd2).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SleefPair<T> Subtract<T>(SleefPair<T> x, SleefPair<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var s = x.X - y.X;
        return new(s, (((x.X - s) - y.X) + x.Y) - y.Y);
    }

    /// <summary>x + y, no ordering needed (dfadd2_vf2_vf2_vf).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SleefPair<T> Add2<T>(SleefPair<T> x, Vector<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var s = x.X + y;
        var v = s - x.X;
        return new(s, ((x.X - (s - v)) + (y - v)) + x.Y);
    }

    /// <summary>x + y, no ordering needed (dfadd2_vf2_vf2_vf2).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SleefPair<T> Add2<T>(SleefPair<T> x, SleefPair<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var s = x.X + y.X;
        var v = s - x.X;
        return new(s, ((x.X - (s - v)) + (y.X - v)) + (x.Y + y.Y));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SleefPair<T> Scale<T>(SleefPair<T> x, Vector<T> s) where T : unmanaged, IFloatingPointIeee754<T> => new(x.X * s, x.Y * s);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SleefPair<T> Negate<T>(SleefPair<T> x) where T : unmanaged, IFloatingPointIeee754<T> => new(-x.X, -x.Y);

    /// <summary>x · y exactly (dfmul_vf2_vf_vf).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SleefPair<T> Multiply<T>(Vector<T> x, Vector<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var s = x * y;
        return new(s, Fma(x, y, -s));
    }

    /// <summary>x · y rounded to one word (dfmul_vf_vf2_vf2).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<T> MultiplyToOne<T>(SleefPair<T> x, SleefPair<T> y) where T : unmanaged, IFloatingPointIeee754<T> =>
        Fma(x.X, y.X, Fma(x.Y, y.X, x.X * y.Y));

    /// <summary>The pair renormalized so that X is the rounded sum (dfnormalize_vf2_vf2).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SleefPair<T> Normalize<T>(SleefPair<T> t) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var s = t.X + t.Y;
        return new(s, (t.X - s) + t.Y);
    }

    /// <summary>x · y (dfmul_vf2_vf2_vf).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SleefPair<T> Multiply<T>(SleefPair<T> x, Vector<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var s = x.X * y;
        return new(s, Fma(x.Y, y, Fma(x.X, y, -s)));
    }

    /// <summary>x · y (dfmul_vf2_vf2_vf2).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SleefPair<T> Multiply<T>(SleefPair<T> x, SleefPair<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var s = x.X * y.X;
        return new(s, Fma(x.X, y.Y, Fma(x.Y, y.X, Fma(x.X, y.X, -s))));
    }

    /// <summary>x² (dfsqu_vf2_vf2).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SleefPair<T> Square<T>(SleefPair<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var s = x.X * x.X;
        return new(s, Fma(x.X + x.X, x.Y, Fma(x.X, x.X, -s)));
    }

    /// <summary>1 / d (dfrec_vf2_vf2).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SleefPair<T> Reciprocal<T>(SleefPair<T> d) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var s = Vector<T>.One / d.X;
        return new(s, s * Fma(-d.Y, s, Fma(-d.X, s, Vector<T>.One)));
    }

    /// <summary>n / d (dfdiv_vf2_vf2_vf2).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SleefPair<T> Divide<T>(SleefPair<T> n, SleefPair<T> d) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var t = Vector<T>.One / d.X;
        var s = n.X * t;
        var u = Fma(t, n.X, -s);
        var v = Fma(-d.Y, t, Fma(-d.X, t, Vector<T>.One));
        return new(s, Fma(s, v, Fma(n.Y, t, u)));
    }

    /// <summary>a where the lanes of <paramref name="mask"/> are all ones, else b.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SleefPair<T> Select<T, TMask>(Vector<TMask> mask, SleefPair<T> a, SleefPair<T> b) where T : unmanaged, IFloatingPointIeee754<T> where TMask : unmanaged
    {
        var m = mask.As<TMask, T>();
        return new(Vector.ConditionalSelect(m, a.X, b.X), Vector.ConditionalSelect(m, a.Y, b.Y));
    }

    /// <summary>x with its sign flipped where y is negative (SLEEF's vmulsign).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<T> MulSign<T>(Vector<T> x, Vector<T> y) where T : unmanaged, IFloatingPointIeee754<T> => x ^ (y & new Vector<T>(T.NegativeZero));

    /// <summary>All ones where x's sign bit is set (−0 and negative NaNs included).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<T> SignBit<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T> => typeof(T) == typeof(float)
        ? Vector.LessThan(x.As<T, int>(), Vector<int>.Zero).As<int, T>()
        : Vector.LessThan(x.As<T, long>(), Vector<long>.Zero).As<long, T>();

    /// <summary>x, made an all-ones NaN where d is infinite or NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<T> NaNWhereNotFinite<T>(Vector<T> x, Vector<T> d) where T : unmanaged, IFloatingPointIeee754<T> => x | ~Vector.Equals(d - d, Vector<T>.Zero);
}
