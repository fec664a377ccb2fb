using System.Numerics;

namespace Sharpgrad.Kernels.Operators;

/// <summary>
/// erfinv as ATen's calc_erfinv computes it (aten/src/ATen/native/Math.h, after G. L. Pavlis' erfinv, New BSD
/// licence): a rational first guess (in y² up to |y| = 0.7, in √(−log((1 − |y|)/2)) beyond), then two Newton steps
/// x − (erf(x) − y)/(2/√π·exp(−x²)) with the C library's erf and exp, all in the tensor's own precision (Float32 or
/// Float64). ATen applies it element by element, so the vector body, the tail and strided elements agree. Its
/// polynomials are fused multiply-adds: ATen's AVX2 and AVX-512 kernels are built with FMA and GCC's default
/// -ffp-contract=fast.
/// </summary>
internal static class AtenErfinv
{
    public static T Erfinv<T>(T y) where T : IFloatingPointIeee754<T>
    {
        T ay = T.Abs(y), one = T.One;
        // std::numeric_limits<T>::quiet_NaN() has the sign bit clear (.NET's NaN constants have it set)
        if (ay > one) return T.Abs(T.NaN);
        if (ay == one) return T.CopySign(T.PositiveInfinity, y);
        T x;
        if (ay <= C(0.7))
        {
            T z = y * y;
            T num = T.FusedMultiplyAdd(T.FusedMultiplyAdd(T.FusedMultiplyAdd(C(-0.140543331), z, C(0.914624893)), z, C(-1.645349621)), z, C(0.886226899));
            T dem = T.FusedMultiplyAdd(T.FusedMultiplyAdd(T.FusedMultiplyAdd(T.FusedMultiplyAdd(C(0.012229801), z, C(-0.329097515)), z, C(1.442710462)), z, C(-2.118377725)), z, one);
            x = y * num / dem;
        }
        else
        {
            T z = T.Sqrt(-T.Log((one - ay) / C(2.0)));
            T num = T.FusedMultiplyAdd(T.FusedMultiplyAdd(T.FusedMultiplyAdd(C(1.641345311), z, C(3.429567803)), z, C(-1.624906493)), z, C(-1.970840454));
            T dem = T.FusedMultiplyAdd(T.FusedMultiplyAdd(C(1.637067800), z, C(3.543889200)), z, one);
            x = T.CopySign(num, y) / dem;
        }
        T twoOverSqrtPi = C(2.0) * C(0.564189583547756286948079451560772586);
        x -= (Erf(x) - y) / (twoOverSqrtPi * T.Exp(-x * x));
        x -= (Erf(x) - y) / (twoOverSqrtPi * T.Exp(-x * x));
        return x;

        static T C(double v) => T.CreateTruncating(v);
    }

    /// <summary>The C library's erf in T (glibc's erff rounds correctly: the double erf rounded once).</summary>
    private static T Erf<T>(T x) where T : IFloatingPointIeee754<T> => T.CreateTruncating(LibmMath.Erf(double.CreateTruncating(x)));
}
