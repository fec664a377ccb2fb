using System.Numerics;

namespace Sharpgrad.Kernels.Cpu;

/// <summary>
/// mish and its gradient as ATen's loop computes them: x·tanh(log1p(exp(x))) and dy·(t + x·σ(x)·(1 − t²)). Whole pairs
/// of 64-byte vectors of each of ATen's rows go through SLEEF's exp, log1p and tanh; the rest, and a strided input,
/// through the C library's. The gradient's 1 − t² and its sum with t are fused multiply-adds in both loops, as GCC
/// compiled them (found against PyTorch's results: its gelu tail, for one, is not fused).
/// </summary>
internal static class MishKernels
{
    public static void Forward<T>(StridedArray x, StridedArray y) where T : unmanaged, IFloatingPointIeee754<T> =>
        AtenLoop.Map<T>(x, y, (v, vectorized) => v * TanhSoftplus(v, vectorized));

    public static void Backward<T>(StridedArray dy, StridedArray x, StridedArray gi, int[] dyModel, int[] xModel) where T : unmanaged, IFloatingPointIeee754<T> =>
        AtenLoop.Map<T>(dy, x, gi, dyModel, xModel, (g, v, vectorized) =>
        {
            T sigmoid = T.One / (T.One + AtenMath.Exp(-v, vectorized));
            T t = TanhSoftplus(v, vectorized);
            return g * T.FusedMultiplyAdd(v * sigmoid, T.FusedMultiplyAdd(-t, t, T.One), t);
        });

    private static T TanhSoftplus<T>(T v, bool vectorized) where T : unmanaged, IFloatingPointIeee754<T> =>
        AtenMath.Tanh(AtenMath.Log1p(AtenMath.Exp(v, vectorized), vectorized), vectorized);
}
