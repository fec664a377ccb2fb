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

    /// <summary>gelu's tanh form of x (as laid out) into a fresh y, in ATen's rows.</summary>
    public static void GeluTanh(StridedArray x, StridedArray y)
    {
        if (x.DType == DType.Float32) GeluTanhKernels.Forward<float>(x, y);
        else GeluTanhKernels.Forward<double>(x, y);
    }

    /// <summary>mish of x (as laid out) into a fresh y, in ATen's rows.</summary>
    public static void Mish(StridedArray x, StridedArray y)
    {
        if (x.DType == DType.Float32) MishKernels.Forward<float>(x, y);
        else MishKernels.Forward<double>(x, y);
    }

    /// <summary>mish's gradient from grad and x (as laid out; their models the strides PyTorch's iterator sees) in ATen's rows.</summary>
    public static void MishBackward(StridedArray grad, StridedArray x, StridedArray gi, int[] gradModel, int[] xModel)
    {
        if (x.DType == DType.Float32) MishKernels.Backward<float>(grad, x, gi, gradModel, xModel);
        else MishKernels.Backward<double>(grad, x, gi, gradModel, xModel);
    }

    /// <summary>softplus of x (as laid out) into a fresh y, in ATen's rows.</summary>
    public static void Softplus(StridedArray x, StridedArray y, double beta, double threshold)
    {
        if (x.DType == DType.Float32) ActivationKernels.Softplus<float>(x, y, beta, threshold);
        else ActivationKernels.Softplus<double>(x, y, beta, threshold);
    }

    /// <summary>elu (with selu's and celu's coefficients) of x (as laid out) into a fresh y, in ATen's rows.</summary>
    public static void Elu(StridedArray x, StridedArray y, double alpha, double scale, double inputScale)
    {
        if (x.DType == DType.Float32) ActivationKernels.Elu<float>(x, y, alpha, scale, inputScale);
        else ActivationKernels.Elu<double>(x, y, alpha, scale, inputScale);
    }

    /// <summary>silu of x (as laid out) into a fresh y, in ATen's rows.</summary>
    public static void Silu(StridedArray x, StridedArray y)
    {
        if (x.DType == DType.Float32) SiluKernels.Forward<float>(x, y);
        else SiluKernels.Forward<double>(x, y);
    }

    /// <summary>silu's gradient from grad and x (as laid out; their models the strides PyTorch's iterator sees) in ATen's rows.</summary>
    public static void SiluBackward(StridedArray grad, StridedArray x, StridedArray gi, int[] gradModel, int[] xModel)
    {
        if (x.DType == DType.Float32) SiluKernels.Backward<float>(grad, x, gi, gradModel, xModel);
        else SiluKernels.Backward<double>(grad, x, gi, gradModel, xModel);
    }
}
