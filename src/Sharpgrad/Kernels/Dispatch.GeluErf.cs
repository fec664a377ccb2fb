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

    /// <summary>The exact gelu's gradient from grad and x (as laid out; their models the strides PyTorch's iterator sees) in ATen's rows.</summary>
    public static void GeluErfBackward(StridedArray grad, StridedArray x, StridedArray gi, int[] gradModel, int[] xModel)
    {
        if (x.DType == DType.Float32) GeluErfKernels.Backward<float>(grad, x, gi, gradModel, xModel);
        else GeluErfKernels.Backward<double>(grad, x, gi, gradModel, xModel);
    }
}
