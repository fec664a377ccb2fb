using System.Numerics;
using Sharpgrad.Kernels.Operators;

namespace Sharpgrad.Kernels.Cpu;

/// <summary>
/// gelu's exact form and its gradient as ATen's GeluKernelImpl and GeluBackwardKernelImpl compute them where oneDNN does
/// not (Float64, and a strided or one-element Float32 input): x·½·(1 + erf(x/√2)) and dy·(cdf + x·pdf), pdf =
/// β·exp(−½x²), the vector form with SLEEF's erf and exp (ATen's own Float32 erf), the scalar tail and strided elements
/// with the C library's, through <see cref="AtenLoop"/>'s split.
/// </summary>
internal static class GeluErfKernels
{
    private const double Alpha = 0.707106781186547524401; // M_SQRT1_2
    private const double Beta = 1.12837916709551257390 * 0.707106781186547524401 * 0.5; // M_2_SQRTPI·M_SQRT1_2·½

    public static void Forward<T>(StridedArray x, StridedArray y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T alpha = T.CreateTruncating(Alpha), half = T.CreateTruncating(0.5);
        AtenLoop.Map<T>(x, y, (v, vectorized) => v * half * (T.One + Erf(v * alpha, vectorized)));
    }

    public static void Backward<T>(StridedArray grad, StridedArray x, StridedArray gi, int[] gradModel, int[] xModel) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T alpha = T.CreateTruncating(Alpha), beta = T.CreateTruncating(Beta), half = T.CreateTruncating(0.5), minusHalf = -half;
        AtenLoop.Map<T>(grad, x, gi, gradModel, xModel, (dy, v, vectorized) =>
        {
            T cdf = half * (T.One + Erf(v * alpha, vectorized));
            T pdf = beta * AtenMath.Exp(v * v * minusHalf, vectorized);
            // the vector form's cdf + x·pdf is one fused multiply-add (GCC contracts the intrinsics); the scalar one's is not
            return dy * (vectorized ? T.FusedMultiplyAdd(v, pdf, cdf) : cdf + v * pdf);
        });
    }

    /// <summary>erf as ATen's vector form (its own Float32 formula, SLEEF's Float64 erf_u10) or its scalar form (glibc's erf and correctly rounded erff).</summary>
    private static T Erf<T>(T v, bool vectorized) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!vectorized) return T.CreateTruncating(LibmMath.Erf(double.CreateTruncating(v)));
        return typeof(T) == typeof(float) ? T.CreateTruncating(SleefExp.Erf(float.CreateTruncating(v))) : T.CreateTruncating(SleefErf.Erf(double.CreateTruncating(v)));
    }
}
