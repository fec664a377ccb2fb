using System.Numerics;
using Sharpgrad.Kernels.Operators;

namespace Sharpgrad.Kernels.Cpu;

/// <summary>Contiguous Float32 gelu and its gradient in oneDNN's formulas, split across threads above the element-wise grain.</summary>
internal static class GeluKernels
{
    public static void Forward(float[] x, int xOff, float[] y, int n) =>
        IntraOp.For(n, IntraOp.ElementwiseGrain, (s, e) => OneDnnGelu.Forward(x.AsSpan(xOff + s, e - s), y.AsSpan(s, e - s)));

    public static void Backward(float[] grad, int gOff, float[] x, int xOff, float[] gi, int n) =>
        IntraOp.For(n, IntraOp.ElementwiseGrain, (s, e) => OneDnnGelu.Backward(x.AsSpan(xOff + s, e - s), grad.AsSpan(gOff + s, e - s), gi.AsSpan(s, e - s)));
}

/// <summary>
/// gelu's tanh form as ATen's loop computes it: 0.5·x·(1 + tanh(β·(x + κ·x³))), x + κ·x³ fused in the vector form;
/// whole pairs of 64-byte vectors of each of ATen's rows take SLEEF's tanh, the rest (or a strided input) the C library's.
/// </summary>
internal static class GeluTanhKernels
{
    private const double Beta = 0.7978845608028654; // √2 · 2/√π · ½, ATen's kGeluBeta
    private const double Kappa = 0.044715;

    public static void Forward<T>(StridedArray x, StridedArray y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T beta = T.CreateTruncating(Beta), kappa = T.CreateTruncating(Kappa), half = T.CreateTruncating(0.5);
        AtenLoop.Map<T>(x, y, (v, vectorized) =>
        {
            // the vector form's x + κ·x³ is one fused multiply-add; the scalar tail's is not
            T inner = beta * (vectorized ? T.FusedMultiplyAdd(kappa, v * v * v, v) : v + kappa * (v * v * v));
            return half * v * (T.One + AtenMath.Tanh(inner, vectorized));
        });
    }
}
