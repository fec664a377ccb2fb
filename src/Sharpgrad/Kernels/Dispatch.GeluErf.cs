using Sharpgrad.Kernels.Cpu;

namespace Sharpgrad.Kernels;

internal static partial class Dispatch
{
    /// <summary>gelu's exact form of a contiguous copy of x into a fresh y (ATen's formula; oneDNN's Float32 route is <see cref="GeluOneDnn"/>).</summary>
    public static void GeluErf(StridedArray x, StridedArray y, bool wasContiguous)
    {
        if (x.DType == DType.Float32) GeluErfKernels.Forward(x.Data<float>(), x.Offset, y.Data<float>(), x.Numel, wasContiguous);
        else GeluErfKernels.Forward(x.Data<double>(), x.Offset, y.Data<double>(), x.Numel, wasContiguous);
    }

    /// <summary>The exact gelu's gradient from contiguous grad and x.</summary>
    public static void GeluErfBackward(StridedArray grad, StridedArray x, StridedArray gi, bool wasContiguous)
    {
        if (x.DType == DType.Float32) GeluErfKernels.Backward(grad.Data<float>(), grad.Offset, x.Data<float>(), x.Offset, gi.Data<float>(), x.Numel, wasContiguous);
        else GeluErfKernels.Backward(grad.Data<double>(), grad.Offset, x.Data<double>(), x.Offset, gi.Data<double>(), x.Numel, wasContiguous);
    }
}
