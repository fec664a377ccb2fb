namespace Sharpgrad.Ops;

/// <summary>
/// affine_grid_generator: the sampling grid of a batch of 2-D (N×2×3) or 3-D (N×3×4) affine matrices, base_grid · θᵀ
/// with base_grid [N, (D,) H, W, k + 1] holding (x, y[, z], 1) on PyTorch's linspace from -1 to 1.
/// </summary>
internal static class AffineGridOps
{
    /// <summary>
    /// affine_grid_generator(theta, size, align_corners) for a 4-D size [N, C, H, W] or a 5-D [N, C, D, H, W]:
    /// [N, H, W, 2] or [N, D, H, W, 3]. AffineGridGeneratorBackward0.
    /// </summary>
    public static Tensor AffineGrid(Tensor theta, int[] size, bool alignCorners)
    {
        Tensor grid;
        using (Autograd.NoGrad())
        using (Tensor.NewScope())
        {
            var flat = BaseGrid(theta.DType, size, alignCorners);
            grid = flat.Bmm(theta.Transpose(1, 2)).View(GridShape(size)).MoveToOuterScope();
        }
        if (Record.ShouldRecord(theta)) Record.SetHistory(grid, Record.Connect(new AffineGridGeneratorBackward0((int[])size.Clone(), alignCorners), theta));
        return grid;
    }

    /// <summary>affine_grid_generator_backward: (base_gridᵀ · grad)ᵀ, a composite of view, transpose and bmm (differentiable again).</summary>
    internal static Tensor Backward(Tensor grad, int[] size, bool alignCorners)
    {
        var flat = BaseGrid(grad.DType, size, alignCorners);
        int k = size.Length - 2;
        return flat.Transpose(1, 2).Bmm(grad.Reshape(size[0], flat.Sizes[1], k)).Transpose(1, 2);
    }

    /// <summary>[N, H, W, 2] or [N, D, H, W, 3].</summary>
    private static int[] GridShape(int[] size) => size.Length == 4 ? [size[0], size[2], size[3], 2] : [size[0], size[2], size[3], size[4], 3];

    /// <summary>
    /// make_base_grid_4D/5D viewed as [N, (D·)H·W, k + 1]: x from the width's linspace, y from the height's, z from the
    /// depth's, then 1.
    /// </summary>
    private static Tensor BaseGrid(DType dtype, int[] size, bool alignCorners)
    {
        int n = size[0], k = size.Length - 2, w = size[^1], h = size[^2], d = k == 3 ? size[2] : 1;
        double[] xs = Steps(w, alignCorners, dtype), ys = Steps(h, alignCorners, dtype), zs = Steps(d, alignCorners, dtype);
        int points = d * h * w;
        var data = new double[(long)n * points * (k + 1)];
        for (int b = 0, at = 0; b < n; b++)
            for (int z = 0; z < d; z++)
                for (int y = 0; y < h; y++)
                    for (int x = 0; x < w; x++)
                    {
                        data[at++] = xs[x];
                        data[at++] = ys[y];
                        if (k == 3) data[at++] = zs[z];
                        data[at++] = 1;
                    }
        return Tensor.FromArray(data, [n, points, k + 1]).To(dtype);
    }

    /// <summary>
    /// linspace_from_neg_one: 0 for one step, else linspace(-1, 1, steps) (the first half counted up from -1, the rest
    /// down from 1) times (steps - 1) / steps without align_corners, in the dtype's precision.
    /// </summary>
    private static double[] Steps(int steps, bool alignCorners, DType dtype)
    {
        var v = new double[Math.Max(steps, 0)];
        if (steps <= 1) return v;
        if (dtype == DType.Float32)
        {
            float step = 2f / (steps - 1);
            for (int i = 0; i < steps; i++)
            {
                float r = i < steps / 2 ? -1f + step * i : 1f - step * (steps - i - 1);
                v[i] = alignCorners ? r : r * (steps - 1) / steps;
            }
        }
        else
        {
            double step = 2.0 / (steps - 1);
            for (int i = 0; i < steps; i++)
            {
                double r = i < steps / 2 ? -1.0 + step * i : 1.0 - step * (steps - i - 1);
                v[i] = alignCorners ? r : r * (steps - 1) / steps;
            }
        }
        return v;
    }
}

/// <summary>affine_grid_generator: affine_grid_generator_backward(grad, size, align_corners), built from differentiable ops.</summary>
internal sealed class AffineGridGeneratorBackward0(int[] size, bool alignCorners) : Node
{
    public override string Name => nameof(AffineGridGeneratorBackward0);
    internal override Tensor?[] Apply(Tensor grad) => [AffineGridOps.Backward(grad, size, alignCorners)];
}
