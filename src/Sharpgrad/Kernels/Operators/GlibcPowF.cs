namespace Sharpgrad.Kernels.Operators;

/// <summary>
/// powf as PyTorch 2.6's C library (glibc 2.41, x86-64 with FMA) computes it, bit for bit: ATen's scalar loop for
/// Float32 tensor ** tensor calls std::pow(float, float), which is powf, not the double pow rounded once (the two differ
/// in about one element in 1500). powf takes log2|x| in double from a 16-entry table and a degree-5 polynomial,
/// multiplies by y and raises 2 to it with exp2f's kernel (<see cref="GlibcExp2.Exp2Kernel"/>), then rounds once. The
/// algorithm follows the published ARM optimized-routines powf glibc uses (MIT licence), with its log2 table values;
/// no code is shared with it.
/// </summary>
internal static class GlibcPowF
{
    /// <summary>The bit exp2f's kernel shifts onto the sign for a negative result (1 &lt;&lt; (5 + 11)).</summary>
    private const ulong SignBias = 1 << 16;

    /// <summary>The top bits of 126.0 and the largest log2 that does not overflow (0x1.fffffffd1d571p+6).</summary>
    private const ulong Top126 = 0x405f800000000000UL >> 47;
    private static readonly double OverflowBound = BitConverter.UInt64BitsToDouble(0x405fffffffd1d571UL);

    public static float Pow(float x, float y)
    {
        ulong signBias = 0;
        uint ix = BitConverter.SingleToUInt32Bits(x), iy = BitConverter.SingleToUInt32Bits(y);
        if (ix - 0x00800000u >= 0x7f800000u - 0x00800000u || ZeroInfNan(iy))
        {
            if (ZeroInfNan(iy))
            {
                if (2 * iy == 0) return IsSignaling(ix) ? x + y : 1f;
                if (ix == 0x3f800000) return IsSignaling(iy) ? x + y : 1f;
                if (2 * ix > 2u * 0x7f800000 || 2 * iy > 2u * 0x7f800000) return x + y;
                if (2 * ix == 2 * 0x3f800000) return 1f;
                if ((2 * ix < 2 * 0x3f800000) == ((iy & 0x80000000) == 0)) return 0f;
                return y * y;
            }
            if (ZeroInfNan(ix))
            {
                float x2 = x * x;
                if ((ix & 0x80000000) != 0 && CheckInt(iy) == 1) x2 = -x2;
                return (iy & 0x80000000) != 0 ? 1 / x2 : x2;
            }
            if ((ix & 0x80000000) != 0)
            {
                int yint = CheckInt(iy);
                if (yint == 0) return (x - x) / (x - x);
                if (yint == 1) signBias = SignBias;
                ix &= 0x7fffffff;
            }
            if (ix < 0x00800000)
            {
                // a subnormal x is normalized, leaving a negative biased exponent
                ix = BitConverter.SingleToUInt32Bits(x * 8388608f) & 0x7fffffff;
                ix -= 23 << 23;
            }
        }
        double ylogx = y * Log2(ix);
        if (((BitConverter.DoubleToUInt64Bits(ylogx) >> 47) & 0xffff) >= Top126)
        {
            // |y·log2 x| >= 126: the results near overflow and underflow, as glibc's error handlers give them
            if (ylogx > OverflowBound) return Flow(signBias, BitConverter.UInt32BitsToSingle(0x70000000)); // 2^97
            if (ylogx <= -150.0) return Flow(signBias, BitConverter.UInt32BitsToSingle(0x10000000)); // 2^-95
            if (ylogx < -149.0) return Flow(signBias, BitConverter.UInt32BitsToSingle(0x1a200000)); // 1.25·2^-75
        }
        return (float)GlibcExp2.Exp2Kernel(ylogx, signBias);
    }

    /// <summary>glibc's xflowf: ±y·y, which rounds to infinity, zero or the smallest subnormal.</summary>
    private static float Flow(ulong signBias, float y) => (signBias != 0 ? -y : y) * y;

    /// <summary>log2 of the float with bits <paramref name="ix"/> (positive; a negative exponent for subnormals), in double.</summary>
    private static double Log2(uint ix)
    {
        const uint off = 0x3f330000;
        uint tmp = ix - off;
        int i = (int)((tmp >> 19) % 16);
        uint top = tmp & 0xff800000;
        uint iz = ix - top;
        int k = (int)top >> 23;
        double invc = BitConverter.UInt64BitsToDouble(Table[2 * i]), logc = BitConverter.UInt64BitsToDouble(Table[2 * i + 1]);
        double z = BitConverter.UInt32BitsToSingle(iz);
        double r = Math.FusedMultiplyAdd(z, invc, -1.0);
        double y0 = logc + k;
        double r2 = r * r;
        double y = Math.FusedMultiplyAdd(A0, r, A1);
        double p = Math.FusedMultiplyAdd(A2, r, A3);
        double r4 = r2 * r2;
        double q = Math.FusedMultiplyAdd(A4, r, y0);
        q = Math.FusedMultiplyAdd(p, r2, q);
        return Math.FusedMultiplyAdd(y, r4, q);
    }

    /// <summary>0 when not an integer, 1 when odd, 2 when even, for the bits of a non-zero finite float.</summary>
    private static int CheckInt(uint iy)
    {
        int e = (int)(iy >> 23) & 0xff;
        if (e < 0x7f) return 0;
        if (e > 0x7f + 23) return 2;
        if ((iy & ((1u << (0x7f + 23 - e)) - 1)) != 0) return 0;
        if ((iy & (1u << (0x7f + 23 - e))) != 0) return 1;
        return 2;
    }

    private static bool ZeroInfNan(uint i) => 2 * i - 1 >= 2u * 0x7f800000 - 1;

    private static bool IsSignaling(uint i) => (i & 0x7fffffff) > 0x7f800000 && (i & 0x00400000) == 0;

    private static readonly double A0 = BitConverter.UInt64BitsToDouble(0x3fd27616c9496e0bUL), A1 = BitConverter.UInt64BitsToDouble(0xbfd71969a075c67aUL),
        A2 = BitConverter.UInt64BitsToDouble(0x3fdec70a6ca7baddUL), A3 = BitConverter.UInt64BitsToDouble(0xbfe7154748bef6c8UL),
        A4 = BitConverter.UInt64BitsToDouble(0x3ff71547652ab82bUL);

    /// <summary>For each of the 16 subintervals of [0x3f330000, 2·0x3f330000): 1/c, then log2 c, as glibc's __powf_log2_data.</summary>
    private static readonly ulong[] Table =
    [
        0x3ff661ec79f8f3beUL, 0xbfdefec65b963019UL,
        0x3ff571ed4aaf883dUL, 0xbfdb0b6832d4fca4UL,
        0x3ff49539f0f010b0UL, 0xbfd7418b0a1fb77bUL,
        0x3ff3c995b0b80385UL, 0xbfd39de91a6dcf7bUL,
        0x3ff30d190c8864a5UL, 0xbfd01d9bf3f2b631UL,
        0x3ff25e227b0b8ea0UL, 0xbfc97c1d1b3b7af0UL,
        0x3ff1bb4a4a1a343fUL, 0xbfc2f9e393af3c9fUL,
        0x3ff12358f08ae5baUL, 0xbfb960cbbf788d5cUL,
        0x3ff0953f419900a7UL, 0xbfaa6f9db6475fceUL,
        0x3ff0000000000000UL, 0x0000000000000000UL,
        0x3fee608cfd9a47acUL, 0x3fb338ca9f24f53dUL,
        0x3feca4b31f026aa0UL, 0x3fc476a9543891baUL,
        0x3feb2036576afce6UL, 0x3fce840b4ac4e4d2UL,
        0x3fe9c2d163a1aa2dUL, 0x3fd40645f0c6651cUL,
        0x3fe886e6037841edUL, 0x3fd88e9c2c1b9ff8UL,
        0x3fe767dcf5534862UL, 0x3fdce0a44eb17bccUL,
    ];
}
