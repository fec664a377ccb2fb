using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Sharpgrad.Kernels.Operators;

/// <summary>
/// Float32 GELU (approximate "none") as PyTorch computes it for a contiguous tensor of more than one element: ATen hands
/// that case to oneDNN's eltwise_gelu_erf, whose AVX-512 kernel evaluates erf(x/√2) by a piecewise degree-5 minimax
/// polynomial (24 pieces chosen by the exponent and two mantissa bits of |x|) and whose backward uses Abramowitz and
/// Stegun 7.1.26 with oneDNN's own exp. Every element takes the same formula (oneDNN masks its tail). The coefficient
/// table is oneDNN v3.7's (jit_uni_eltwise_injector, Apache License 2.0); the code is written from its description.
/// </summary>
internal static class OneDnnGelu
{
    private const uint IndexBias = 0xc21fffff;
    private static readonly float RightBound = Bits(0x40b15cee); // past it erf(x/√2) rounds to 1
    private static readonly float InvSqrt2 = Bits(0x3f3504f3), InvSqrtPi = Bits(0x3f106eba);
    private static readonly float AsP = Bits(0x3ea7ba05), AsA1 = Bits(0x3e827906), AsA2 = Bits(0xbe91a98e),
        AsA3 = Bits(0x3fb5f0e3), AsA4 = Bits(0xbfba00e3), AsA5 = Bits(0x3f87dc22);
    private static readonly float Log2E = Bits(0x3fb8aa3b), Ln2 = Bits(0x3f317218),
        LnFltMax = Bits(0x42b17218), LnFltMin = Bits(0xc2aeac50);
    private static readonly float ExpP1 = Bits(0x3f7ffffb), ExpP2 = Bits(0x3efffee3), ExpP3 = Bits(0x3e2aad40),
        ExpP4 = Bits(0x3d2b9d0d), ExpP5 = Bits(0x3c07cfce);

    private static float Bits(uint bits) => BitConverter.UInt32BitsToSingle(bits);

    // Six degrees × 32 pieces (24 used, padded as oneDNN pads them for its two-register permute).
    private static readonly uint[] Coefficients =
    [
        // degree 0
        0xa6f2cb94, 0x32827792, 0x3381cc0c, 0x34523d4a, 0x351ac44d, 0x35f36d88, 0x36ee8229, 0x37b8a3bb,
        0x3867a213, 0x3940033b, 0x3a2a5a1d, 0x3ae35863, 0x3b7828f2, 0x3c08b14b, 0x3c515ed3, 0xbb503236,
        0xbd8d8e5e, 0xbe8abcd9, 0xbf0c19a2, 0xbeccb328, 0x3e176ced, 0x3f470d99, 0x3f7abb28, 0x3f800000,
        0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000,
        // degree 1
        0x3f4c422a, 0x3f4c421f, 0x3f4c4207, 0x3f4c41cb, 0x3f4c413b, 0x3f4c3fad, 0x3f4c3a2f, 0x3f4c2d40,
        0x3f4c146a, 0x3f4bc341, 0x3f4ad08c, 0x3f48f8cf, 0x3f45fac7, 0x3f404e07, 0x3f3b980f, 0x3f48dff3,
        0x3f78b21b, 0x3fbb0704, 0x40019c32, 0x3fe536d6, 0x3f81331e, 0x3e6c8684, 0x3c98f936, 0x00000000,
        0x3f800000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000,
        // degree 2
        0xb62173f4, 0x3735e4cf, 0x37f2ff89, 0x388c23be, 0x3917535c, 0x39ab2ab0, 0x3a60fadb, 0x3af9b960,
        0x3b6e5491, 0x3c0a4ec5, 0x3ca5aa8c, 0x3d2138d9, 0x3d8737d4, 0x3ddfb660, 0x3e0f27ab, 0x3d94004b,
        0xbe0efdeb, 0xbf1d96c3, 0xbf89db58, 0xbf6d9897, 0xbef69fb8, 0xbdc4f8a8, 0xbbde6422, 0x00000000,
        0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000,
        // degree 3
        0xbe081a19, 0xbe084570, 0xbe08639b, 0xbe089837, 0xbe08f409, 0xbe09ab95, 0xbe0b66d0, 0xbe0e400a,
        0xbe124df8, 0xbe1bde02, 0xbe2f19c9, 0xbe4931bf, 0xbe685fbc, 0xbe89c95f, 0xbe96cbca, 0xbe8044aa,
        0xbe0550f2, 0x3dcfd6a1, 0x3e94c826, 0x3e79345f, 0x3decec91, 0x3ca46568, 0x3aa1e00a, 0x00000000,
        0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000,
        // degree 4
        0xba3d61db, 0x39f097a3, 0x3a5845dc, 0x3ab1fa35, 0x3b0cefb8, 0x3b653ab6, 0x3bcae527, 0x3c221712,
        0x3c6c5840, 0x3cc0a703, 0x3d1dcc19, 0x3d63656d, 0x3d955907, 0x3dbf9910, 0x3dd53f69, 0x3db7dcef,
        0x3d639ebe, 0xba6ede48, 0xbd22be69, 0xbd041cf1, 0xbc64f5ab, 0xbb097a32, 0xb8ebf380, 0x00000000,
        0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000,
        // degree 5
        0x3cb7d80c, 0x3c9b6050, 0x3c978d11, 0x3c92e850, 0x3c8d058b, 0x3c848454, 0x3c6cd623, 0x3c4c824b,
        0x3c2a7935, 0x3be0b390, 0x3b0651ac, 0xbb232f53, 0xbbd42fa0, 0xbc2c5366, 0xbc492c9e, 0xbc2a7aa6,
        0xbbd55d04, 0xba823a76, 0x3b102aa8, 0x3ae25a7e, 0x3a31f792, 0x38b84375, 0x3689bb5a, 0x00000000,
        0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000,
    ];

    /// <summary>y = gelu(x) over contiguous runs (oneDNN's forward).</summary>
    public static void Forward(ReadOnlySpan<float> x, Span<float> y)
    {
        if (y.Length < x.Length) throw new ArgumentException("Destination is too short.", nameof(y));
        ref float xr = ref MemoryMarshal.GetReference(x);
        ref float yr = ref MemoryMarshal.GetReference(y);
        int n = x.Length, i = 0;
        if (Avx512F.IsSupported)
        {
            var table = Tables512.Instance;
            for (; i <= n - 16; i += 16) Forward(Vector512.LoadUnsafe(ref xr, (nuint)i), table).StoreUnsafe(ref yr, (nuint)i);
        }
        for (; i < n; i++) Unsafe.Add(ref yr, i) = Forward(Unsafe.Add(ref xr, i));
    }

    /// <summary>One element of <see cref="Forward(ReadOnlySpan{float}, Span{float})"/>.</summary>
    public static float Forward(float x)
    {
        uint bits = BitConverter.SingleToUInt32Bits(x);
        uint absBits = bits & 0x7fffffff;
        float a = BitConverter.UInt32BitsToSingle(absBits);
        int piece = Math.Clamp(unchecked((int)(absBits + IndexBias)) >> 21, 1, 24);
        if (RightBound < a) piece = 23;
        var c = Coefficients;
        float p = Bits(c[5 * 32 + piece]);
        for (int degree = 4; degree >= 0; degree--)
            p = MathF.FusedMultiplyAdd(p, a, Bits(c[degree * 32 + piece]));
        p = BitConverter.UInt32BitsToSingle(BitConverter.SingleToUInt32Bits(p) ^ (bits & 0x80000000));
        return x * (p + 1f) * 0.5f;
    }

    private static Vector512<float> Forward(Vector512<float> x, Tables512 t)
    {
        var a = Vector512.AsSingle(Vector512.AsUInt32(x) & Vector512.Create(0x7fffffffu));
        var piece = Vector512.ShiftRightArithmetic(Vector512.AsInt32(a) + Vector512.Create(unchecked((int)IndexBias)), 21);
        piece = Vector512.Min(Vector512.Max(piece, Vector512.Create(1)), Vector512.Create(24));
        piece = Vector512.ConditionalSelect(Vector512.AsInt32(Vector512.LessThan(Vector512.Create(RightBound), a)), Vector512.Create(23), piece);
        var p = Avx512F.PermuteVar16x32x2(t.Low[5], piece, t.High[5]);
        for (int degree = 4; degree >= 0; degree--)
            p = Avx512F.FusedMultiplyAdd(p, a, Avx512F.PermuteVar16x32x2(t.Low[degree], piece, t.High[degree]));
        p = Vector512.AsSingle(Vector512.AsUInt32(p) ^ (Vector512.AsUInt32(x) & Vector512.Create(0x80000000u)));
        return x * (p + Vector512<float>.One) * Vector512.Create(0.5f);
    }

    /// <summary>dx = dy · gelu'(x) over contiguous runs (oneDNN's backward, its erf the Abramowitz-Stegun form).</summary>
    public static void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> dy, Span<float> dx)
    {
        if (dy.Length < x.Length || dx.Length < x.Length) throw new ArgumentException("Spans are too short.");
        for (int i = 0; i < x.Length; i++) dx[i] = Derivative(x[i]) * dy[i];
    }

    /// <summary>gelu'(x) = Φ(x) + x·φ(x) in oneDNN's order of operations.</summary>
    public static float Derivative(float x)
    {
        float r = x * InvSqrt2;
        float q = Exp(-(r * r));
        float t = r * InvSqrtPi * q;
        float w = 1f / MathF.FusedMultiplyAdd(AsP, MathF.Abs(r), 1f);
        float s = -q * w;
        float poly = MathF.FusedMultiplyAdd(AsA5, w, AsA4);
        poly = MathF.FusedMultiplyAdd(poly, w, AsA3);
        poly = MathF.FusedMultiplyAdd(poly, w, AsA2);
        poly = MathF.FusedMultiplyAdd(poly, w, AsA1);
        float erf = MathF.FusedMultiplyAdd(s, poly, 1f);
        erf = BitConverter.UInt32BitsToSingle(BitConverter.SingleToUInt32Bits(erf) ^ (BitConverter.SingleToUInt32Bits(r) & 0x80000000));
        return MathF.FusedMultiplyAdd(erf, 0.5f, t + 0.5f);
    }

    /// <summary>
    /// oneDNN's exp: n = floor(x·log2 e + ½), a degree-5 polynomial in r = x − n·ln 2 (one fma), scaled by 2^(n−1)·2;
    /// below ln(FLT_MIN) the result is 0.
    /// </summary>
    internal static float Exp(float x)
    {
                bool underflow = x < LnFltMin;
        x = MathF.Max(MathF.Min(x, LnFltMax), LnFltMin);
        float n = MathF.Floor(x * Log2E + 0.5f);
        float rem = MathF.FusedMultiplyAdd(-n, Ln2, x);
        float scale = underflow ? 0f : BitConverter.Int32BitsToSingle(((int)(n - 1f) + 127) << 23);
        float p = MathF.FusedMultiplyAdd(ExpP5, rem, ExpP4);
        p = MathF.FusedMultiplyAdd(p, rem, ExpP3);
        p = MathF.FusedMultiplyAdd(p, rem, ExpP2);
        p = MathF.FusedMultiplyAdd(p, rem, ExpP1);
        p = MathF.FusedMultiplyAdd(p, rem, 1f);
        return p * scale * 2f;
    }

    /// <summary>The coefficient table split into the two halves a 32-entry permute takes, one pair per degree.</summary>
    private sealed class Tables512
    {
        public static readonly Tables512 Instance = new();
        public readonly Vector512<float>[] Low = new Vector512<float>[6];
        public readonly Vector512<float>[] High = new Vector512<float>[6];

        private Tables512()
        {
            var floats = MemoryMarshal.Cast<uint, float>(Coefficients.AsSpan());
            for (int degree = 0; degree < 6; degree++)
            {
                Low[degree] = Vector512.Create<float>(floats.Slice(degree * 32, 16));
                High[degree] = Vector512.Create<float>(floats.Slice(degree * 32 + 16, 16));
            }
        }
    }
}
