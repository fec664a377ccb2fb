using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Sharpgrad.Kernels.Operators;

/// <summary>
/// Float32 tanh as PyTorch's CPU kernel computes it (ATen's vml map over SLEEF's tanhf_u10): exp(|x|) in double-float
/// arithmetic (a pair of floats carrying about 48 bits), then (e − 1/e) / (e + 1/e) in the same arithmetic, 1 beyond
/// |x| = 8.66, the sign put back. The algorithm follows SLEEF's published xtanhf and its FMA double-float helpers
/// (Boost licence); no code is shared with it.
/// </summary>
internal static class SleefTanh
{
    private const float InvLn2 = SleefExp.InvLn2, Ln2Hi = SleefExp.Ln2Hi, Ln2Lo = SleefExp.Ln2Lo;

    /// <summary>A float with a second float holding the rounding error of the first (value = Hi + Lo).</summary>
    private readonly record struct F2(float Hi, float Lo);

    /// <summary>y = tanh(x), every element through the same formula (as ATen's vml path): vectors, then the scalar form.</summary>
    public static void Tanh(ReadOnlySpan<float> x, Span<float> y)
    {
        if (y.Length < x.Length) throw new ArgumentException("Destination is too short.", nameof(y));
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            ref float xr = ref MemoryMarshal.GetReference(x);
            ref float yr = ref MemoryMarshal.GetReference(y);
            for (; i <= x.Length - Vector<float>.Count; i += Vector<float>.Count)
                Tanh(Vector.LoadUnsafe(ref xr, (nuint)i)).StoreUnsafe(ref yr, (nuint)i);
        }
        for (; i < x.Length; i++) y[i] = Tanh(x[i]);
    }

    /// <summary>The same formula lane by lane (every operation as in the scalar form, so the results are identical).</summary>
    private static Vector<float> Tanh(Vector<float> x)
    {
        var a = Vector.Abs(x);
        var (dh, dl) = ExpK2(a);
        var (eh, el) = Reciprocal(dh, dl);
        var (nh, nl) = Add(dh, dl, -eh, -el);
        var (mh, ml) = Add(dh, dl, eh, el);
        var (qh, ql) = Divide(nh, nl, mh, ml);
        var y = qh + ql;
        var saturate = Vector.GreaterThan(a, new Vector<float>(8.664339742f)) | ~Vector.Equals(y, y);
        y = Vector.ConditionalSelect(saturate, Vector<float>.One, y);
        y = Vector.ConditionalSelect(Vector.LessThan(x.As<float, int>(), Vector<int>.Zero).As<int, float>(), -y, y);
        return Vector.ConditionalSelect(Vector.Equals(x, x), y, x);
    }

    /// <summary>exp(d + dl) as a double-float, lane by lane (SLEEF's expk2f; dl, the argument's low part, 0 by default).</summary>
    internal static (Vector<float>, Vector<float>) ExpK2(Vector<float> d, Vector<float> dl = default)
    {
        var q = Vector.ConvertToInt32(Vector.Round((d + dl) * InvLn2));
        var qf = Vector.ConvertToSingle(q);
        var (sh, sl) = Add2(d, dl, qf * -Ln2Hi);
        (sh, sl) = Add2(sh, sl, qf * -Ln2Lo);
        var u = Vector.FusedMultiplyAdd(new Vector<float>(0.1980960224e-3f), sh, new Vector<float>(0.1394256484e-2f));
        u = Vector.FusedMultiplyAdd(u, sh, new Vector<float>(0.8333456703e-2f));
        u = Vector.FusedMultiplyAdd(u, sh, new Vector<float>(0.4166637361e-1f));
        var (th, tl) = Multiply(sh, sl, u);
        (th, tl) = Add2(th, tl, new Vector<float>(0.166666659414234244790680580464e+0f));
        (th, tl) = Multiply(sh, sl, th, tl);
        (th, tl) = Add2(th, tl, new Vector<float>(0.5f));
        var (ssh, ssl) = Square(sh, sl);
        var (ph, pl) = Multiply(ssh, ssl, th, tl);
        (th, tl) = Add2(sh, sl, ph, pl);
        var s1 = Vector<float>.One + th;
        tl = ((Vector<float>.One - s1) + th) + tl;
        th = s1;
        var half = Vector.ShiftRightArithmetic(q, 1);
        var p1 = Vector.ShiftLeft(half + new Vector<int>(0x7f), 23).As<int, float>();
        var p2 = Vector.ShiftLeft(q - half + new Vector<int>(0x7f), 23).As<int, float>();
        th = th * p1 * p2;
        tl = tl * p1 * p2;
        var under = Vector.LessThan(d, new Vector<float>(-104f));
        return (Vector.ConditionalSelect(under, Vector<float>.Zero, th), Vector.ConditionalSelect(under, Vector<float>.Zero, tl));
    }

    private static (Vector<float>, Vector<float>) Add2(Vector<float> xh, Vector<float> xl, Vector<float> y)
    {
        var s = xh + y;
        var v = s - xh;
        var t = (xh - (s - v)) + (y - v);
        return (s, t + xl);
    }

    private static (Vector<float>, Vector<float>) Add2(Vector<float> xh, Vector<float> xl, Vector<float> yh, Vector<float> yl)
    {
        var s = xh + yh;
        var v = s - xh;
        var t = (xh - (s - v)) + (yh - v);
        return (s, t + (xl + yl));
    }

    private static (Vector<float>, Vector<float>) Add(Vector<float> xh, Vector<float> xl, Vector<float> yh, Vector<float> yl)
    {
        var s = xh + yh;
        return (s, (((xh - s) + yh) + xl) + yl);
    }

    private static (Vector<float>, Vector<float>) Multiply(Vector<float> xh, Vector<float> xl, Vector<float> y)
    {
        var s = xh * y;
        return (s, Vector.FusedMultiplyAdd(xl, y, Vector.FusedMultiplyAdd(xh, y, -s)));
    }

    private static (Vector<float>, Vector<float>) Multiply(Vector<float> xh, Vector<float> xl, Vector<float> yh, Vector<float> yl)
    {
        var s = xh * yh;
        return (s, Vector.FusedMultiplyAdd(xh, yl, Vector.FusedMultiplyAdd(xl, yh, Vector.FusedMultiplyAdd(xh, yh, -s))));
    }

    private static (Vector<float>, Vector<float>) Square(Vector<float> xh, Vector<float> xl)
    {
        var s = xh * xh;
        return (s, Vector.FusedMultiplyAdd(xh + xh, xl, Vector.FusedMultiplyAdd(xh, xh, -s)));
    }

    private static (Vector<float>, Vector<float>) Reciprocal(Vector<float> dh, Vector<float> dl)
    {
        var s = Vector<float>.One / dh;
        return (s, s * Vector.FusedMultiplyAdd(-dl, s, Vector.FusedMultiplyAdd(-dh, s, Vector<float>.One)));
    }

    private static (Vector<float>, Vector<float>) Divide(Vector<float> nh, Vector<float> nl, Vector<float> dh, Vector<float> dl)
    {
        var t = Vector<float>.One / dh;
        var s = nh * t;
        var u = Vector.FusedMultiplyAdd(t, nh, -s);
        var v = Vector.FusedMultiplyAdd(-dl, t, Vector.FusedMultiplyAdd(-dh, t, Vector<float>.One));
        return (s, Vector.FusedMultiplyAdd(s, v, Vector.FusedMultiplyAdd(nl, t, u)));
    }

    public static float Tanh(float x)
    {
        if (float.IsNaN(x)) return x;
        var d = ExpK2(MathF.Abs(x));
        var e = Reciprocal(d);
        d = Divide(Add(d, new F2(-e.Hi, -e.Lo)), Add(d, e));
        float y = d.Hi + d.Lo;
        if (MathF.Abs(x) > 8.664339742f || float.IsNaN(y)) y = 1f;
        return float.IsNegative(x) ? -y : y;
    }

    /// <summary>exp(d) as a double-float (SLEEF's expk2f with d's low part 0).</summary>
    private static F2 ExpK2(float d)
    {
        int q = (int)MathF.Round(d * InvLn2);
        var s = Add2(new F2(d, 0f), q * -Ln2Hi);
        s = Add2(s, q * -Ln2Lo);
        float u = MathF.FusedMultiplyAdd(0.1980960224e-3f, s.Hi, 0.1394256484e-2f);
        u = MathF.FusedMultiplyAdd(u, s.Hi, 0.8333456703e-2f);
        u = MathF.FusedMultiplyAdd(u, s.Hi, 0.4166637361e-1f);
        var t = Add2(Multiply(s, u), 0.166666659414234244790680580464e+0f);
        t = Add2(Multiply(s, t), 0.5f);
        t = Add2(s, Multiply(Square(s), t));
        t = Add(1f, t);
        t = new F2(Scale(t.Hi, q), Scale(t.Lo, q));
        return d < -104f ? default : t;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Scale(float v, int q)
    {
        int half = q >> 1;
        return v * BitConverter.Int32BitsToSingle((half + 0x7f) << 23) * BitConverter.Int32BitsToSingle((q - half + 0x7f) << 23);
    }

    private static F2 Add2(F2 x, float y)
    {
        float s = x.Hi + y, v = s - x.Hi;
        float t = (x.Hi - (s - v)) + (y - v);
        return new F2(s, t + x.Lo);
    }

    private static F2 Add2(F2 x, F2 y)
    {
        float s = x.Hi + y.Hi, v = s - x.Hi;
        float t = (x.Hi - (s - v)) + (y.Hi - v);
        return new F2(s, t + (x.Lo + y.Lo));
    }

    /// <summary>x + y for |x| ≥ |y|.</summary>
    private static F2 Add(F2 x, F2 y)
    {
        float s = x.Hi + y.Hi;
        return new F2(s, (((x.Hi - s) + y.Hi) + x.Lo) + y.Lo);
    }

    private static F2 Add(float x, F2 y)
    {
        float s = x + y.Hi;
        return new F2(s, ((x - s) + y.Hi) + y.Lo);
    }

    private static F2 Multiply(F2 x, float y)
    {
        float s = x.Hi * y;
        return new F2(s, MathF.FusedMultiplyAdd(x.Lo, y, MathF.FusedMultiplyAdd(x.Hi, y, -s)));
    }

    private static F2 Multiply(F2 x, F2 y)
    {
        float s = x.Hi * y.Hi;
        return new F2(s, MathF.FusedMultiplyAdd(x.Hi, y.Lo, MathF.FusedMultiplyAdd(x.Lo, y.Hi, MathF.FusedMultiplyAdd(x.Hi, y.Hi, -s))));
    }

    private static F2 Square(F2 x)
    {
        float s = x.Hi * x.Hi;
        return new F2(s, MathF.FusedMultiplyAdd(x.Hi + x.Hi, x.Lo, MathF.FusedMultiplyAdd(x.Hi, x.Hi, -s)));
    }

    private static F2 Reciprocal(F2 d)
    {
        float s = 1f / d.Hi;
        return new F2(s, s * MathF.FusedMultiplyAdd(-d.Lo, s, MathF.FusedMultiplyAdd(-d.Hi, s, 1f)));
    }

    private static F2 Divide(F2 n, F2 d)
    {
        float t = 1f / d.Hi;
        float s = n.Hi * t;
        float u = MathF.FusedMultiplyAdd(t, n.Hi, -s);
        float v = MathF.FusedMultiplyAdd(-d.Lo, t, MathF.FusedMultiplyAdd(-d.Hi, t, 1f));
        return new F2(s, MathF.FusedMultiplyAdd(s, v, MathF.FusedMultiplyAdd(n.Lo, t, u)));
    }
}
