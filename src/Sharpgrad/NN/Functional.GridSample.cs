using Sharpgrad.Kernels.Cpu;
using Sharpgrad.Ops;

namespace Sharpgrad.NN;

public static partial class Functional
{
    /// <summary>
    /// Samples a 4-D input [N, C, H, W] at the (x, y) points of a grid [N, H_out, W_out, 2], or a 5-D input
    /// [N, C, D, H, W] at the (x, y, z) points of a grid [N, D_out, H_out, W_out, 3], giving [N, C, H_out, W_out] or
    /// [N, C, D_out, H_out, W_out]. Coordinates run from -1 to 1: the corner pixels' centres with
    /// <paramref name="alignCorners"/>, their outer edges without. <paramref name="mode"/>: "bilinear" (trilinear for
    /// 5-D), "nearest" (round half to even) or "bicubic" (4-D only); <paramref name="paddingMode"/> for points outside:
    /// "zeros", "border" (clamped) or "reflection". Differentiable in the input and the grid (the grid's gradient is
    /// zero for nearest). PyTorch: F.grid_sample (GridSampler2DBackward0 / GridSampler3DBackward0).
    /// </summary>
    public static Tensor GridSample(Tensor input, Tensor grid, string mode = "bilinear", string paddingMode = "zeros", bool alignCorners = false)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(grid);
        var m = mode switch
        {
            "bilinear" => GridSampleMode.Bilinear,
            "nearest" => GridSampleMode.Nearest,
            "bicubic" => GridSampleMode.Bicubic,
            _ => throw new ArgumentException($"nn.functional.grid_sample(): expected mode to be 'bilinear', 'nearest' or 'bicubic', but got: '{mode}'"),
        };
        var p = paddingMode switch
        {
            "zeros" => GridSamplePadding.Zeros,
            "border" => GridSamplePadding.Border,
            "reflection" => GridSamplePadding.Reflection,
            _ => throw new ArgumentException($"nn.functional.grid_sample(): expected padding_mode to be 'zeros', 'border', or 'reflection', but got: '{paddingMode}'"),
        };
        return GridSampleOps.GridSample(input, grid, m, p, alignCorners);
    }

    /// <summary>
    /// The sampling grid of a batch of affine matrices, for <see cref="GridSample"/>: θ [N, 2, 3] with a 4-D
    /// <paramref name="size"/> (N, C, H, W) gives [N, H, W, 2]; θ [N, 3, 4] with a 5-D size (N, C, D, H, W) gives
    /// [N, D, H, W, 3]. Each point is θ · (x, y[, z], 1) over evenly spaced x, y, z in [-1, 1] (the corner pixels'
    /// centres with <paramref name="alignCorners"/>, else pulled in to the pixel centres). PyTorch: F.affine_grid
    /// (AffineGridGeneratorBackward0).
    /// </summary>
    public static Tensor AffineGrid(Tensor theta, int[] size, bool alignCorners = false)
    {
        ArgumentNullException.ThrowIfNull(theta);
        ArgumentNullException.ThrowIfNull(size);
        theta.ThrowIfDisposed();
        if (!theta.DType.IsFloatingPoint())
            throw new ArgumentException($"Expected theta to have floating point type, but got {theta.DType.TorchName()}");
        string sizeText = Errors.Shape(size);
        if (size.Length is 4 or 5)
        {
            int k = size.Length - 2;
            if (theta.Dim != 3 || theta.Sizes[1] != k || theta.Sizes[2] != k + 1)
                throw new ArgumentException($"Expected a batch of {k}D affine matrices of shape Nx{k}x{k + 1} for size {sizeText}. Got {Errors.Size(theta.Sizes)}.");
        }
        else
            throw new InvalidOperationException($"affine_grid only supports 4D and 5D sizes, for 2D and 3D affine transforms, respectively. Got size {sizeText}.");
        // PyTorch only warns when align_corners meets a spatial size of 1, and then skips the positive-size check.
        int minSpatial = int.MaxValue, min = int.MaxValue;
        for (int i = 0; i < size.Length; i++)
        {
            min = Math.Min(min, size[i]);
            if (i >= 2) minSpatial = Math.Min(minSpatial, size[i]);
        }
        if (!(alignCorners && minSpatial == 1) && min <= 0)
            throw new ArgumentException($"Expected non-zero, positive output size. Got {sizeText}");
        return AffineGridOps.AffineGrid(theta, size, alignCorners);
    }
}
