using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Sharpgrad.Kernels.Operators;

/// <summary>
/// exp (and sigmoid, built on it) as PyTorch's CPU kernels compute them, bit for bit. The Float32 exp is SLEEF's
/// expf_u10: Cody-Waite reduction by ln 2 in two parts, a degree-6 polynomial, scaling by 2^q in two steps. exp takes
/// every element through it (ATen's vml map); sigmoid's loop takes whole pairs of vectors (32 floats with AVX-512, 16
/// with AVX2) through it and the elements left over through the C library's expf, which MathF.Exp calls too. The
/// algorithms follow SLEEF's published xexpf/xexp (Boost licence); no code is shared with it.
/// </summary>
internal static class SleefExp
{
    internal const float InvLn2 = 1.442695040888963407359924681001892137426645954152985934135449406931f;
    internal const float Ln2Hi = 0.693145751953125f;
    internal const float Ln2Lo = 1.428606765330187045e-06f;
    private const float C6 = 0.000198527617612853646278381f;
    private const float C5 = 0.00139304355252534151077271f;
    private const float C4 = 0.00833336077630519866943359f;
    private const float C3 = 0.0416664853692054748535156f;
    private const float C2 = 0.166666671633720397949219f;
    private const float C1 = 0.5f;

    /// <summary>
    /// y = exp(x): ATen's vml path (vec::map) takes every element, the last partial vector included, through the vector
    /// formula; the scalar form computes the same bits, so it serves the tail.
    /// </summary>
    public static void Exp(ReadOnlySpan<float> x, Span<float> y) => Map<ExpOp>(x, y);

    /// <summary>y = sigmoid(x) as ATen's kernel: (1 + exp(0 - x)).reciprocal() per vector, 1 / (1 + expf(-x)) in the tail.</summary>
    public static void Sigmoid(ReadOnlySpan<float> x, Span<float> y) => Map<SigmoidOp>(x, y);

    /// <summary>The same over one row of ATen's loop: its first <paramref name="vectorPart"/> elements (whole pairs of vectors) through the vector form, the rest through the C library's.</summary>
    public static void Sigmoid(ReadOnlySpan<float> x, Span<float> y, int vectorPart)
    {
        Map<SigmoidOp>(x[..vectorPart], y[..vectorPart]);
        for (int i = vectorPart; i < x.Length; i++) y[i] = SigmoidOp.Invoke(x[i]);
    }

    private interface IOp
    {
        static abstract Vector512<float> Invoke(Vector512<float> x);
        static abstract Vector256<float> Invoke(Vector256<float> x);
        static abstract float Invoke(float x);
    }

    private readonly struct ExpOp : IOp
    {
        public static Vector512<float> Invoke(Vector512<float> x) => Exp(x);
        public static Vector256<float> Invoke(Vector256<float> x) => Exp(x);
        public static float Invoke(float x) => Exp(x);
    }

    private readonly struct SigmoidOp : IOp
    {
        public static Vector512<float> Invoke(Vector512<float> x) => Vector512<float>.One / (Exp(Vector512<float>.Zero - x) + Vector512<float>.One);
        public static Vector256<float> Invoke(Vector256<float> x) => Vector256<float>.One / (Exp(Vector256<float>.Zero - x) + Vector256<float>.One);
        public static float Invoke(float x) => 1f / (1f + MathF.Exp(-x));
    }

    private static void Map<TOp>(ReadOnlySpan<float> x, Span<float> y) where TOp : struct, IOp
    {
        if (y.Length < x.Length) throw new ArgumentException("Destination is too short.", nameof(y));
        ref float xr = ref MemoryMarshal.GetReference(x);
        ref float yr = ref MemoryMarshal.GetReference(y);
        int n = x.Length, i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i <= n - 32; i += 32)
            {
                TOp.Invoke(Vector512.LoadUnsafe(ref xr, (nuint)i)).StoreUnsafe(ref yr, (nuint)i);
                TOp.Invoke(Vector512.LoadUnsafe(ref xr, (nuint)(i + 16))).StoreUnsafe(ref yr, (nuint)(i + 16));
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= n - 16; i += 16)
            {
                TOp.Invoke(Vector256.LoadUnsafe(ref xr, (nuint)i)).StoreUnsafe(ref yr, (nuint)i);
                TOp.Invoke(Vector256.LoadUnsafe(ref xr, (nuint)(i + 8))).StoreUnsafe(ref yr, (nuint)(i + 8));
            }
        }
        for (; i < n; i++) Unsafe.Add(ref yr, i) = TOp.Invoke(Unsafe.Add(ref xr, i));
    }

    /// <summary>
    /// y = erf(x) for Float32 as ATen's vectorized erf (vml map, every element): Abramowitz and Stegun 7.1.26,
    /// sign(x)·(1 − t·r(t)·exp(−x²)) with t = 1/(1 + p|x|), its exp the SLEEF one above. Accurate to ~1e-7 absolute,
    /// so small arguments lose relative precision exactly as PyTorch's do.
    /// </summary>
    public static void Erf(ReadOnlySpan<float> x, Span<float> y)
    {
        if (y.Length < x.Length) throw new ArgumentException("Destination is too short.", nameof(y));
        for (int i = 0; i < x.Length; i++) y[i] = Erf(x[i]);
    }

    /// <summary>One element of <see cref="Erf(ReadOnlySpan{float}, Span{float})"/>.</summary>
    public static float Erf(float x)
    {
        float a = MathF.Abs(x);
        float t = 1f / MathF.FusedMultiplyAdd(0.3275911f, a, 1f);
        float r = MathF.FusedMultiplyAdd(1.061405429f, t, -1.453152027f);
        r = MathF.FusedMultiplyAdd(r, t, 1.421413741f);
        r = MathF.FusedMultiplyAdd(r, t, -0.284496736f);
        r = MathF.FusedMultiplyAdd(r, t, 0.254829592f);
        float e = -Exp(-(x * x));
        float v = MathF.FusedMultiplyAdd(e * t, r, 1f);
        return float.IsNegative(x) ? -v : v;
    }

    /// <summary>
    /// y = exp(x) for Float64 as SLEEF's exp_u10 (PyTorch's Vectorized&lt;double&gt;::exp): Cody-Waite reduction, a
    /// degree-12 polynomial by Estrin's scheme, scaling by 2^q in two steps. Element by element (a vector form is left
    /// for when Float64 exp shows up in a profile).
    /// </summary>
    public static void Exp(ReadOnlySpan<double> x, Span<double> y)
    {
        if (y.Length < x.Length) throw new ArgumentException("Destination is too short.", nameof(y));
        for (int i = 0; i < x.Length; i++) y[i] = Exp(x[i]);
    }

    /// <summary>
    /// y = sigmoid(x) for Float64 as ATen's kernel: whole pairs of vectors (16 doubles with AVX-512, 8 with AVX2) as
    /// 1 / (exp(0 − x) + 1) with SLEEF's exp, the rest as 1 / (1 + exp(−x)) with the C library's exp.
    /// </summary>
    public static void Sigmoid(ReadOnlySpan<double> x, Span<double> y)
    {
        if (y.Length < x.Length) throw new ArgumentException("Destination is too short.", nameof(y));
        int pair = Vector512.IsHardwareAccelerated ? 16 : Vector256.IsHardwareAccelerated ? 8 : 1;
        int whole = pair == 1 ? 0 : x.Length / pair * pair;
        Sigmoid(x, y, whole);
    }

    /// <summary>The same over one row of ATen's loop: its first <paramref name="vectorPart"/> elements through SLEEF's exp, the rest through the C library's.</summary>
    public static void Sigmoid(ReadOnlySpan<double> x, Span<double> y, int vectorPart)
    {
        for (int i = 0; i < vectorPart; i++) y[i] = 1.0 / (Exp(0.0 - x[i]) + 1.0);
        for (int i = vectorPart; i < x.Length; i++) y[i] = 1.0 / (1.0 + Math.Exp(-x[i]));
    }

    /// <summary>One element of <see cref="Exp(ReadOnlySpan{double}, Span{double})"/>.</summary>
    public static double Exp(double d)
    {
        const double Ln2Hi = .69314718055966295651160180568695068359375;
        const double Ln2Lo = .28235290563031577122588448175013436025525412068e-12;
        const double InvLn2D = 1.442695040888963407359924681001892137426645954152985934135449406931;
        double u = Math.Round(d * InvLn2D);
        int q = (int)u;
        double s = Math.FusedMultiplyAdd(u, -Ln2Hi, d);
        s = Math.FusedMultiplyAdd(u, -Ln2Lo, s);
        double s2 = s * s, s4 = s2 * s2, s8 = s4 * s4;
        double p8 = Math.FusedMultiplyAdd(s4,
            Math.FusedMultiplyAdd(s2, Math.FusedMultiplyAdd(s, 0.2755762628169491192e-6, 0.2755723402025388239e-5),
                Math.FusedMultiplyAdd(s, 0.2480158687479686264e-4, 0.1984126989855865850e-3)),
            Math.FusedMultiplyAdd(s2, Math.FusedMultiplyAdd(s, 0.1388888888914497797e-2, 0.8333333333314938210e-2),
                Math.FusedMultiplyAdd(s, 0.4166666666666602598e-1, 0.1666666666666669072e+0)));
        u = Math.FusedMultiplyAdd(s8, Math.FusedMultiplyAdd(s, 0.2081276378237164457e-8, 0.2511210703042288022e-7), p8);
        u = Math.FusedMultiplyAdd(u, s, 0.5);
        u = Math.FusedMultiplyAdd(u, s, 1.0);
        u = Math.FusedMultiplyAdd(u, s, 1.0);
        int half = q >> 1;
        u = u * BitConverter.Int64BitsToDouble((long)(half + 0x3ff) << 52) * BitConverter.Int64BitsToDouble((long)(q - half + 0x3ff) << 52);
        if (d > 709.782712893384) u = double.PositiveInfinity;
        return d < -1000 ? 0 : u;
    }

    /// <summary>One element through the same formula (ATen's vml path copies strided elements into a vector buffer).</summary>
    public static float Exp(float d)
    {
        int q = (int)MathF.Round(d * InvLn2);
        float qf = q;
        float s = MathF.FusedMultiplyAdd(qf, -Ln2Hi, d);
        s = MathF.FusedMultiplyAdd(qf, -Ln2Lo, s);
        float u = MathF.FusedMultiplyAdd(C6, s, C5);
        u = MathF.FusedMultiplyAdd(u, s, C4);
        u = MathF.FusedMultiplyAdd(u, s, C3);
        u = MathF.FusedMultiplyAdd(u, s, C2);
        u = MathF.FusedMultiplyAdd(u, s, C1);
        u = 1f + MathF.FusedMultiplyAdd(s * s, u, s);
        int half = q >> 1;
        u = u * BitConverter.Int32BitsToSingle((half + 0x7f) << 23) * BitConverter.Int32BitsToSingle((q - half + 0x7f) << 23);
        if (d < -104f) u = 0f;
        return 100f < d ? float.PositiveInfinity : u;
    }

    /// <summary>One 64-byte vector of <see cref="Exp(ReadOnlySpan{float}, Span{float})"/>, each lane as <see cref="Exp(float)"/> computes it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector512<float> Exp(Vector512<float> d)
    {
        var q = Vector512.ConvertToInt32Native(Vector512.Round(d * InvLn2));
        var qf = Vector512.ConvertToSingle(q);
        var s = Vector512.FusedMultiplyAdd(qf, Vector512.Create(-Ln2Hi), d);
        s = Vector512.FusedMultiplyAdd(qf, Vector512.Create(-Ln2Lo), s);
        var u = Vector512.FusedMultiplyAdd(Vector512.Create(C6), s, Vector512.Create(C5));
        u = Vector512.FusedMultiplyAdd(u, s, Vector512.Create(C4));
        u = Vector512.FusedMultiplyAdd(u, s, Vector512.Create(C3));
        u = Vector512.FusedMultiplyAdd(u, s, Vector512.Create(C2));
        u = Vector512.FusedMultiplyAdd(u, s, Vector512.Create(C1));
        u = Vector512<float>.One + Vector512.FusedMultiplyAdd(s * s, u, s);
        // u·2^q in two steps (2^(q>>1) then 2^(q - (q>>1))), so q near ±128 neither overflows nor flushes early
        var half = Vector512.ShiftRightArithmetic(q, 1);
        u = u * Pow2(half) * Pow2(q - half);
        u = Vector512.ConditionalSelect(Vector512.LessThan(d, Vector512.Create(-104f)), Vector512<float>.Zero, u);
        return Vector512.ConditionalSelect(Vector512.LessThan(Vector512.Create(100f), d), Vector512.Create(float.PositiveInfinity), u);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Pow2(Vector512<int> q) => Vector512.ShiftLeft(q + Vector512.Create(0x7f), 23).AsSingle();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Exp(Vector256<float> d)
    {
        var q = Vector256.ConvertToInt32Native(Vector256.Round(d * InvLn2));
        var qf = Vector256.ConvertToSingle(q);
        var s = Vector256.FusedMultiplyAdd(qf, Vector256.Create(-Ln2Hi), d);
        s = Vector256.FusedMultiplyAdd(qf, Vector256.Create(-Ln2Lo), s);
        var u = Vector256.FusedMultiplyAdd(Vector256.Create(C6), s, Vector256.Create(C5));
        u = Vector256.FusedMultiplyAdd(u, s, Vector256.Create(C4));
        u = Vector256.FusedMultiplyAdd(u, s, Vector256.Create(C3));
        u = Vector256.FusedMultiplyAdd(u, s, Vector256.Create(C2));
        u = Vector256.FusedMultiplyAdd(u, s, Vector256.Create(C1));
        u = Vector256<float>.One + Vector256.FusedMultiplyAdd(s * s, u, s);
        var half = Vector256.ShiftRightArithmetic(q, 1);
        u = u * Pow2(half) * Pow2(q - half);
        u = Vector256.ConditionalSelect(Vector256.LessThan(d, Vector256.Create(-104f)), Vector256<float>.Zero, u);
        return Vector256.ConditionalSelect(Vector256.LessThan(Vector256.Create(100f), d), Vector256.Create(float.PositiveInfinity), u);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Pow2(Vector256<int> q) => Vector256.ShiftLeft(q + Vector256.Create(0x7f), 23).AsSingle();
}
