namespace Sharpgrad.NN;

public static partial class Functional
{
    /// <summary>
    /// Power-average pooling over the last dim of [N, C, L] or [C, L]: (Σ xᵖ over each window)^(1/p), composed as
    /// PyTorch does (pow, avg_pool1d, sign·relu(abs), times the window, pow: PowBackward0 on top). PyTorch: F.lp_pool1d.
    /// </summary>
    public static Tensor LPPool1d(Tensor x, double normType, int kernelSize, int? stride = null, bool ceilMode = false)
    {
        ArgumentNullException.ThrowIfNull(x);
        return LPRoot(AvgPool1d(x.Pow(normType), kernelSize, stride, 0, ceilMode), kernelSize, normType);
    }

    /// <summary>Power-average pooling over k×k windows of [N, C, H, W] or [C, H, W] (PowBackward0 on top). PyTorch: F.lp_pool2d.</summary>
    public static Tensor LPPool2d(Tensor x, double normType, int kernelSize, int? stride = null, bool ceilMode = false) =>
        LPPool2d(x, normType, (kernelSize, kernelSize), stride is { } s ? (s, s) : null, ceilMode);

    /// <summary>Power-average pooling over (height, width) windows; the stride defaults to the kernel. PyTorch: F.lp_pool2d.</summary>
    public static Tensor LPPool2d(Tensor x, double normType, (int Height, int Width) kernelSize, (int Height, int Width)? stride = null,
        bool ceilMode = false)
    {
        ArgumentNullException.ThrowIfNull(x);
        return LPRoot(AvgPool2d(x.Pow(normType), kernelSize, stride, (0, 0), ceilMode), kernelSize.Height * kernelSize.Width, normType);
    }

    /// <summary>PyTorch's tail of lp_pool: (sign(mean)·relu(|mean|)·window)^(1/p).</summary>
    private static Tensor LPRoot(Tensor mean, int window, double normType) =>
        (mean.Sign() * mean.Abs().Relu()).Mul(window).Pow(1.0 / normType);
}
