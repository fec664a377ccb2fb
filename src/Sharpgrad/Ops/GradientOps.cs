using Sharpgrad.Shapes;

namespace Sharpgrad.Ops;

/// <summary>
/// torch.gradient: central differences in the interior and one-sided ones (first or second order) at the edges, along each
/// requested dim, for uniform spacing or per-dim coordinates; composed of recorded slicing and arithmetic, so differentiable.
/// </summary>
internal static class GradientOps
{
    public static Tensor[] Gradient(Tensor f, double[]? spacing, Tensor[]? coordinates, int[]? dims, int edgeOrder)
    {
        f.ThrowIfDisposed();
        if (edgeOrder is not (1 or 2)) throw new ArgumentException("torch.gradient only supports edge_order=1 and edge_order=2.");
        var axes = dims is null ? Enumerable.Range(0, f.Dim).ToArray() : ReduceOps.WrapDims(dims, f.Dim);
        int count = coordinates?.Length ?? spacing?.Length ?? axes.Length;
        if (count != 1 && count != axes.Length)
            throw new ArgumentException(dims is null
                ? $"torch.gradient expected spacing to be unspecified, a scalar, or a list of length equal to 'self.dim() = {f.Dim}', since dim argument was not given, but got a list of length {count}"
                : $"torch.gradient expected spacing to be unspecified, a scalar or it's spacing and dim arguments to have the same length, but got a spacing argument of length {count} and a dim argument of length {axes.Length}.");
        foreach (int d in axes)
            if (f.Sizes[d] < edgeOrder + 1) throw new ArgumentException("torch.gradient expected each dimension size to be at least edge_order+1");
        var x = f.DType.IsFloatingPoint() ? f : f.To(DTypeDefaults.Float);
        var result = new Tensor[axes.Length];
        for (int i = 0; i < axes.Length; i++)
        {
            int k = count == 1 ? 0 : i;
            result[i] = coordinates is not null
                ? AlongCoordinates(x, axes[i], coordinates[k], edgeOrder)
                : Uniform(x, axes[i], spacing?[k] ?? 1.0, edgeOrder);
        }
        return result;
    }

    private static Tensor Uniform(Tensor f, int d, double h, int edgeOrder)
    {
        int n = f.Sizes[d];
        var interior = (f.Narrow(d, 2, n - 2) - f.Narrow(d, 0, n - 2)) / (2 * h);
        Tensor first, last;
        if (edgeOrder == 1)
        {
            first = (f.Narrow(d, 1, 1) - f.Narrow(d, 0, 1)) / h;
            last = (f.Narrow(d, n - 1, 1) - f.Narrow(d, n - 2, 1)) / h;
        }
        else
        {
            first = (f.Narrow(d, 0, 1) * -1.5 + f.Narrow(d, 1, 1) * 2.0 - f.Narrow(d, 2, 1) * 0.5) / h;
            last = (f.Narrow(d, n - 3, 1) * 0.5 - f.Narrow(d, n - 2, 1) * 2.0 + f.Narrow(d, n - 1, 1) * 1.5) / h;
        }
        return Tensor.Cat([first, interior, last], d);
    }

    private static Tensor AlongCoordinates(Tensor f, int d, Tensor coordinates, int edgeOrder)
    {
        int n = f.Sizes[d];
        if (coordinates.Dim != 1 || coordinates.Sizes[0] != n)
            throw new ArgumentException($"torch.gradient expected each tensor to be on the same device and to have as many elements as the dimension it applies to ({n}), but got {coordinates.Numel}.");
        // dx along d, shaped to broadcast against f's slices
        var shape = Enumerable.Repeat(1, f.Dim).ToArray();
        shape[d] = n - 1;
        var dx = (coordinates.Narrow(0, 1, n - 1) - coordinates.Narrow(0, 0, n - 1)).Reshape(shape);
        var a = dx.Narrow(d, 0, n - 2);
        var b = dx.Narrow(d, 1, n - 2);
        var interior = (a * a * f.Narrow(d, 2, n - 2) - b * b * f.Narrow(d, 0, n - 2) + (b * b - a * a) * f.Narrow(d, 1, n - 2)) / (a * b * (a + b));
        Tensor first, last;
        if (edgeOrder == 1)
        {
            first = (f.Narrow(d, 1, 1) - f.Narrow(d, 0, 1)) / dx.Narrow(d, 0, 1);
            last = (f.Narrow(d, n - 1, 1) - f.Narrow(d, n - 2, 1)) / dx.Narrow(d, n - 2, 1);
        }
        else
        {
            // second-order one-sided differences on an uneven grid (numpy's formulas, which PyTorch follows)
            var h1 = dx.Narrow(d, 0, 1);
            var h2 = dx.Narrow(d, 1, 1);
            first = -(2 * h1 + h2) / (h1 * (h1 + h2)) * f.Narrow(d, 0, 1) + (h1 + h2) / (h1 * h2) * f.Narrow(d, 1, 1) - h1 / (h2 * (h1 + h2)) * f.Narrow(d, 2, 1);
            var g1 = dx.Narrow(d, n - 3, 1);
            var g2 = dx.Narrow(d, n - 2, 1);
            last = g2 / (g1 * (g1 + g2)) * f.Narrow(d, n - 3, 1) - (g1 + g2) / (g1 * g2) * f.Narrow(d, n - 2, 1) + (2 * g2 + g1) / (g2 * (g1 + g2)) * f.Narrow(d, n - 1, 1);
        }
        return Tensor.Cat([first, interior, last], d);
    }
}
