using Sharpgrad.Ops;

namespace Sharpgrad.NN;

public static partial class Functional
{
    /// <summary>
    /// The partial inverse of max_pool1d: values written back at the reported positions of each [L] row, zeros elsewhere
    /// (SqueezeBackward1 over max_unpool2d, as PyTorch composes it). PyTorch: F.max_unpool1d.
    /// </summary>
    public static Tensor MaxUnpool1d(Tensor x, Tensor indices, int kernelSize, int? stride = null, int padding = 0, int? outputSize = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(indices);
        int s = stride ?? kernelSize;
        var size = UnpoolOps.OutputSize([kernelSize], [s], [padding], x, outputSize is { } o ? [o] : null, $"[{outputSize}]");
        return UnpoolOps.MaxUnpool2d(x.Unsqueeze(-1), indices.Unsqueeze(-1), (kernelSize, 1), (s, 1), (padding, 0), (size[0], 1)).Squeeze(-1);
    }

    /// <summary>The partial inverse of max_pool3d over [D, H, W] volumes (MaxUnpool3DBackward0). PyTorch: F.max_unpool3d.</summary>
    public static Tensor MaxUnpool3d(Tensor x, Tensor indices, int kernelSize, int? stride = null, int padding = 0, (int Depth, int Height, int Width)? outputSize = null) =>
        MaxUnpool3d(x, indices, (kernelSize, kernelSize, kernelSize), stride is { } s ? (s, s, s) : null, (padding, padding, padding), outputSize);

    /// <summary>max_unpool3d with (depth, height, width) kernel, stride (default: the kernel) and padding.</summary>
    public static Tensor MaxUnpool3d(Tensor x, Tensor indices, (int Depth, int Height, int Width) kernelSize, (int Depth, int Height, int Width)? stride = null,
        (int Depth, int Height, int Width)? padding = null, (int Depth, int Height, int Width)? outputSize = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(indices);
        var k = kernelSize;
        var st = stride ?? k;
        var p = padding ?? (0, 0, 0);
        return UnpoolOps.MaxUnpool3d(x, indices, [k.Depth, k.Height, k.Width], [st.Depth, st.Height, st.Width], [p.Depth, p.Height, p.Width],
            outputSize is { } o ? [o.Depth, o.Height, o.Width] : null);
    }

    /// <summary>Power-average pooling over k×k×k windows of [N, C, D, H, W] or [C, D, H, W] (PowBackward0 on top). PyTorch: F.lp_pool3d.</summary>
    public static Tensor LPPool3d(Tensor x, double normType, int kernelSize, int? stride = null, bool ceilMode = false) =>
        LPPool3d(x, normType, (kernelSize, kernelSize, kernelSize), stride is { } s ? (s, s, s) : null, ceilMode);

    /// <summary>Power-average pooling over (depth, height, width) windows; the stride defaults to the kernel. PyTorch: F.lp_pool3d.</summary>
    public static Tensor LPPool3d(Tensor x, double normType, (int Depth, int Height, int Width) kernelSize, (int Depth, int Height, int Width)? stride = null,
        bool ceilMode = false)
    {
        ArgumentNullException.ThrowIfNull(x);
        return LPRoot(AvgPool3d(x.Pow(normType), kernelSize, stride, (0, 0, 0), ceilMode), kernelSize.Depth * kernelSize.Height * kernelSize.Width, normType);
    }
}
