using Sharpgrad.Kernels.Cpu;

namespace Sharpgrad.Kernels;

internal static partial class Dispatch
{
    /// <summary>Float32 gelu over a contiguous input into a fresh contiguous output (oneDNN's formula, as PyTorch takes it there).</summary>
    public static void GeluOneDnn(StridedArray x, StridedArray y) =>
        GeluKernels.Forward(x.Data<float>(), x.Offset, y.Data<float>(), x.Numel);

    /// <summary>Float32 gelu's gradient for a contiguous input and gradient (oneDNN's backward formula).</summary>
    public static void GeluBackwardOneDnn(StridedArray grad, StridedArray x, StridedArray gi) =>
        GeluKernels.Backward(grad.Data<float>(), grad.Offset, x.Data<float>(), x.Offset, gi.Data<float>(), x.Numel);
}
