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
