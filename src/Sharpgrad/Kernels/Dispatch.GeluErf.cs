using Sharpgrad.Kernels.Cpu;

namespace Sharpgrad.Kernels;

internal static partial class Dispatch
{
    /// <summary>gelu's exact form of x (as laid out) into a fresh y in ATen's rows (ATen's formula; oneDNN's Float32 route is <see cref="GeluOneDnn"/>).</summary>
    public static void GeluErf(StridedArray x, StridedArray y)
    {
        if (x.DType == DType.Float32) GeluErfKernels.Forward<float>(x, y);
        else GeluErfKernels.Forward<double>(x, y);
    }

    /// <summary>The exact gelu's gradient from contiguous grad and x.</summary>
    public static void GeluErfBackward(StridedArray grad, StridedArray x, StridedArray gi, bool wasContiguous)
    {
        if (x.DType == DType.Float32) GeluErfKernels.Backward(grad.Data<float>(), grad.Offset, x.Data<float>(), x.Offset, gi.Data<float>(), x.Numel, wasContiguous);
        else GeluErfKernels.Backward(grad.Data<double>(), grad.Offset, x.Data<double>(), x.Offset, gi.Data<double>(), x.Numel, wasContiguous);
    }
}
