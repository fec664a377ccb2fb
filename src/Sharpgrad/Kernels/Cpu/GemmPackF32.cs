using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Sharpgrad.Kernels.Cpu;

/// <summary>
/// AVX packing for the two float layouts that need a transpose (row-major A into MR-row panels,
/// transposed B into NR-column panels). Scalar strided packing of these was ~10% of a 2048^3
/// GEMM; 8x8 register transposes make it a small fraction of that.
/// </summary>
internal static unsafe class GemmPackF32
{
    /// <summary>
    /// Packs rows [0, rows) of a row-major block (k contiguous) into one MR-row panel, element (r,p)
    /// at d[p*mr + r]; rows in [rows, mr) become zero. Each p writes ceil(mr/8)*8 floats, spilling up
    /// to 7 zeros into the next p (overwritten next) or past the panel: the caller must leave 8 floats
    /// of slack after the last panel.
    /// </summary>
    public static void PackRowsToPanel(float* s, nint ld, int rows, int mr, int kc, float* d)
    {
        int groups = (mr + 7) >> 3;
        int k8 = kc & ~7;
        Span<Vector256<float>> o = stackalloc Vector256<float>[16];
        for (int p = 0; p < k8; p += 8)
        {
            for (int g = 0; g < groups; g++)
            {
                Transpose8(s + (nint)g * 8 * ld + p, ld, rows - g * 8, o.Slice(g * 8, 8));
            }
            float* dp = d + (nint)p * mr;
            for (int q = 0; q < 8; q++, dp += mr)
                for (int g = 0; g < groups; g++)
                    o[g * 8 + q].Store(dp + g * 8);
        }
        for (int p = k8; p < kc; p++)
        {
            float* dp = d + (nint)p * mr;
            int r = 0;
            for (; r < rows; r++) dp[r] = s[r * ld + p];
            for (; r < mr; r++) dp[r] = 0f;
        }
    }

    /// <summary>
    /// Packs a full NR-column panel of a transposed B (column j of op(B) is row j of the source,
    /// k contiguous) so that element (p,j) lands at d[p*nr + j]. nr must be a multiple of 8.
    /// </summary>
    public static void PackColsToPanel(float* s, nint ld, int nr, int kc, float* d)
    {
        int k8 = kc & ~7;
        Span<Vector256<float>> o = stackalloc Vector256<float>[8];
        for (int p = 0; p < k8; p += 8)
        {
            for (int j = 0; j < nr; j += 8)
            {
                Transpose8(s + (nint)j * ld + p, ld, 8, o);
                float* dp = d + (nint)p * nr + j;
                for (int q = 0; q < 8; q++, dp += nr) o[q].Store(dp);
            }
        }
        for (int p = k8; p < kc; p++)
        {
            float* dp = d + (nint)p * nr;
            for (int j = 0; j < nr; j++) dp[j] = s[j * ld + p];
        }
    }

    /// <summary>Loads up to 8 rows of 8 floats (missing rows read as zero) and transposes them into o.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose8(float* s, nint ld, int rows, Span<Vector256<float>> o)
    {
        Vector256<float> r0 = rows > 0 ? Vector256.Load(s) : default;
        Vector256<float> r1 = rows > 1 ? Vector256.Load(s + ld) : default;
        Vector256<float> r2 = rows > 2 ? Vector256.Load(s + 2 * ld) : default;
        Vector256<float> r3 = rows > 3 ? Vector256.Load(s + 3 * ld) : default;
        Vector256<float> r4 = rows > 4 ? Vector256.Load(s + 4 * ld) : default;
        Vector256<float> r5 = rows > 5 ? Vector256.Load(s + 5 * ld) : default;
        Vector256<float> r6 = rows > 6 ? Vector256.Load(s + 6 * ld) : default;
        Vector256<float> r7 = rows > 7 ? Vector256.Load(s + 7 * ld) : default;

        Vector256<float> t0 = Avx.UnpackLow(r0, r1), t1 = Avx.UnpackHigh(r0, r1);
        Vector256<float> t2 = Avx.UnpackLow(r2, r3), t3 = Avx.UnpackHigh(r2, r3);
        Vector256<float> t4 = Avx.UnpackLow(r4, r5), t5 = Avx.UnpackHigh(r4, r5);
        Vector256<float> t6 = Avx.UnpackLow(r6, r7), t7 = Avx.UnpackHigh(r6, r7);

        Vector256<float> u0 = Avx.Shuffle(t0, t2, 0x44), u1 = Avx.Shuffle(t0, t2, 0xEE);
        Vector256<float> u2 = Avx.Shuffle(t1, t3, 0x44), u3 = Avx.Shuffle(t1, t3, 0xEE);
        Vector256<float> u4 = Avx.Shuffle(t4, t6, 0x44), u5 = Avx.Shuffle(t4, t6, 0xEE);
        Vector256<float> u6 = Avx.Shuffle(t5, t7, 0x44), u7 = Avx.Shuffle(t5, t7, 0xEE);

        o[0] = Avx.Permute2x128(u0, u4, 0x20);
        o[1] = Avx.Permute2x128(u1, u5, 0x20);
        o[2] = Avx.Permute2x128(u2, u6, 0x20);
        o[3] = Avx.Permute2x128(u3, u7, 0x20);
        o[4] = Avx.Permute2x128(u0, u4, 0x31);
        o[5] = Avx.Permute2x128(u1, u5, 0x31);
        o[6] = Avx.Permute2x128(u2, u6, 0x31);
        o[7] = Avx.Permute2x128(u3, u7, 0x31);
    }
}
