using Sharpgrad.Ops;

namespace Sharpgrad.NN;

public static partial class Functional
{
    /// <summary>
    /// Local response normalization across channels of [N, C, *]: x / (k + alpha · mean of x² over
    /// <paramref name="size"/> neighbouring channels)^beta, composed as PyTorch does (zero-padded channel window through
    /// avg_pool2d for 3-D input, avg_pool3d otherwise; DivBackward0 on top). PyTorch: F.local_response_norm.
    /// </summary>
    public static Tensor LocalResponseNorm(Tensor x, int size, double alpha = 1e-4, double beta = 0.75, double k = 1.0)
    {
        ArgumentNullException.ThrowIfNull(x);
        int dim = x.Dim;
        if (dim < 3) throw new ArgumentException($"Expected 3D or higher dimensionality                          input (got {dim} dimensions)");
        if (x.Numel == 0) return x;
        var div = x.Mul(x); // pad amounts below are Python floor divisions (>> floors negatives too)
        if (dim == 3)
        {
            div = Pad(div.Unsqueeze(1), [0, 0, size >> 1, (size - 1) >> 1]);
            div = AvgPool2d(div, (size, 1), (1, 1)).Squeeze(1);
        }
        else
        {
            var sizes = x.Sizes;
            div = Pad(div.View(sizes[0], 1, sizes[1], sizes[2], -1), [0, 0, 0, 0, size >> 1, (size - 1) >> 1]);
            div = AvgPool3d(div, (size, 1, 1), (1, 1, 1)).Squeeze(1).View(sizes);
        }
        return x / div.Mul(alpha).Add(k).Pow(beta);
    }

    /// <summary>
    /// Splits the C channels of [N, C, *] into <paramref name="groups"/> groups and interleaves them
    /// (ChannelShuffleBackward0). PyTorch: F.channel_shuffle.
    /// </summary>
    public static Tensor ChannelShuffle(Tensor x, int groups)
    {
        ArgumentNullException.ThrowIfNull(x);
        return ChannelShuffleOps.ChannelShuffle(x, groups);
    }
}
