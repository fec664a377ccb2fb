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

    /// <summary>gelu's tanh form of a contiguous copy of x into a fresh y; <paramref name="wasContiguous"/> says whether ATen would have vectorized it.</summary>
    public static void GeluTanh(StridedArray x, StridedArray y, bool wasContiguous)
    {
        if (x.DType == DType.Float32) GeluTanhKernels.Forward(x.Data<float>(), x.Offset, y.Data<float>(), x.Numel, wasContiguous);
        else GeluTanhKernels.Forward(x.Data<double>(), x.Offset, y.Data<double>(), x.Numel, wasContiguous);
    }

    /// <summary>mish of a contiguous copy of x into a fresh y; <paramref name="wasContiguous"/> says whether ATen would have vectorized it.</summary>
    public static void Mish(StridedArray x, StridedArray y, bool wasContiguous)
    {
        if (x.DType == DType.Float32) MishKernels.Forward(x.Data<float>(), x.Offset, y.Data<float>(), x.Numel, wasContiguous);
        else MishKernels.Forward(x.Data<double>(), x.Offset, y.Data<double>(), x.Numel, wasContiguous);
    }

    /// <summary>mish's gradient from contiguous grad and x.</summary>
    public static void MishBackward(StridedArray grad, StridedArray x, StridedArray gi, bool wasContiguous)
    {
        if (x.DType == DType.Float32) MishKernels.Backward(grad.Data<float>(), grad.Offset, x.Data<float>(), x.Offset, gi.Data<float>(), x.Numel, wasContiguous);
        else MishKernels.Backward(grad.Data<double>(), grad.Offset, x.Data<double>(), x.Offset, gi.Data<double>(), x.Numel, wasContiguous);
    }

    /// <summary>softplus of a contiguous copy of x into a fresh y (ATen's vector/scalar split when it was contiguous).</summary>
    public static void Softplus(StridedArray x, StridedArray y, bool wasContiguous, double beta, double threshold)
    {
        if (x.DType == DType.Float32) ActivationKernels.Softplus(x.Data<float>(), x.Offset, y.Data<float>(), x.Numel, wasContiguous, beta, threshold);
        else ActivationKernels.Softplus(x.Data<double>(), x.Offset, y.Data<double>(), x.Numel, wasContiguous, beta, threshold);
    }

    /// <summary>elu (with selu's and celu's coefficients) of a contiguous copy of x into a fresh y.</summary>
    public static void Elu(StridedArray x, StridedArray y, bool wasContiguous, double alpha, double scale, double inputScale)
    {
        if (x.DType == DType.Float32) ActivationKernels.Elu(x.Data<float>(), x.Offset, y.Data<float>(), x.Numel, wasContiguous, alpha, scale, inputScale);
        else ActivationKernels.Elu(x.Data<double>(), x.Offset, y.Data<double>(), x.Numel, wasContiguous, alpha, scale, inputScale);
    }

    /// <summary>silu of a contiguous copy of x into a fresh y; <paramref name="wasContiguous"/> says whether ATen would have vectorized it.</summary>
    public static void Silu(StridedArray x, StridedArray y, bool wasContiguous)
    {
        if (x.DType == DType.Float32) SiluKernels.Forward(x.Data<float>(), x.Offset, y.Data<float>(), x.Numel, wasContiguous);
        else SiluKernels.Forward(x.Data<double>(), x.Offset, y.Data<double>(), x.Numel, wasContiguous);
    }

    /// <summary>silu's gradient from contiguous grad and x.</summary>
    public static void SiluBackward(StridedArray grad, StridedArray x, StridedArray gi, bool wasContiguous)
    {
        if (x.DType == DType.Float32) SiluKernels.Backward(grad.Data<float>(), grad.Offset, x.Data<float>(), x.Offset, gi.Data<float>(), x.Numel, wasContiguous);
        else SiluKernels.Backward(grad.Data<double>(), grad.Offset, x.Data<double>(), x.Offset, gi.Data<double>(), x.Numel, wasContiguous);
    }
}
