using Sharpgrad.Kernels.Cpu;

namespace Sharpgrad.Kernels;

internal static partial class Dispatch
{
    /// <summary>ctc_loss over contiguous [Time, Batch, Classes] log-probabilities: per-sample losses and log alpha.</summary>
    public static void CtcLoss(StridedArray lp, CtcGeometry g, StridedArray alpha, StridedArray nll)
    {
        if (lp.DType == DType.Float32) CtcLossKernels.Forward(lp.Data<float>(), lp.Offset, g, alpha.Data<float>(), nll.Data<float>());
        else CtcLossKernels.Forward(lp.Data<double>(), lp.Offset, g, alpha.Data<double>(), nll.Data<double>());
    }

    /// <summary>ctc_loss_backward from a contiguous [Batch] gradient into a fresh contiguous [Time, Batch, Classes] one.</summary>
    public static void CtcLossBackward(StridedArray gradOut, StridedArray lp, CtcGeometry g, StridedArray alpha, StridedArray nll, bool zeroInfinity, StridedArray grad)
    {
        if (lp.DType == DType.Float32)
            CtcLossKernels.Backward(gradOut.Data<float>(), gradOut.Offset, lp.Data<float>(), lp.Offset, g, alpha.Data<float>(), nll.Data<float>(), zeroInfinity, grad.Data<float>());
        else
            CtcLossKernels.Backward(gradOut.Data<double>(), gradOut.Offset, lp.Data<double>(), lp.Offset, g, alpha.Data<double>(), nll.Data<double>(), zeroInfinity, grad.Data<double>());
    }
}
