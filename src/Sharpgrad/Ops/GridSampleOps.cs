using Sharpgrad.Kernels;
using Sharpgrad.Kernels.Cpu;

namespace Sharpgrad.Ops;

/// <summary>
/// grid_sampler_2d (4-D input [N, C, H, W], grid [N, H_out, W_out, 2]) and grid_sampler_3d (5-D input, grid
/// [N, D_out, H_out, W_out, 3]): the input sampled at the grid's (x, y[, z]) coordinates in [-1, 1].
/// </summary>
internal static class GridSampleOps
{
    /// <summary>grid_sampler with PyTorch's checks, in its order. GridSampler2DBackward0 or GridSampler3DBackward0.</summary>
    public static Tensor GridSample(Tensor input, Tensor grid, GridSampleMode mode, GridSamplePadding padding, bool alignCorners)
    {
        input.ThrowIfDisposed();
        grid.ThrowIfDisposed();
        var g = Plan(input, grid, mode, padding, alignCorners);
        var x = OpHelpers.ContiguousRaw(input);
        var gr = OpHelpers.ContiguousRaw(grid);
        int[] shape = g.Volumetric ? [g.N, g.C, g.OutD, g.OutH, g.OutW] : [g.N, g.C, g.OutH, g.OutW];
        var y = Tensor.Empty(input.DType, shape);
        Dispatch.GridSample(x.Strided, gr.Strided, g, y.Strided);
        if (!ReferenceEquals(x, input)) x.Dispose();
        if (!ReferenceEquals(gr, grid)) gr.Dispose();
        if (Record.ShouldRecord(input, grid))
        {
            var node = Record.Connect(new GridSamplerBackward0(g), input, grid);
            node.A = SavedTensor.Input(input);
            node.B = SavedTensor.Input(grid);
            Record.SetHistory(y, node);
        }
        return y;
    }

    /// <summary>
    /// grid_sampler_2d/3d_backward: grad_input (when <paramref name="inputGrad"/>) and grad_grid. PyTorch has no
    /// derivative for it: under create_graph both results hang off torch::autograd::NotImplemented.
    /// </summary>
    internal static (Tensor? Input, Tensor Grid) Backward(Tensor grad, Tensor input, Tensor grid, GridSampleGeometry g, bool inputGrad)
    {
        var go = OpHelpers.ContiguousRaw(grad);
        var x = OpHelpers.ContiguousRaw(input);
        var gr = OpHelpers.ContiguousRaw(grid);
        var gi = inputGrad ? Tensor.Empty(input.DType, input.Sizes, clear: true) : null;
        var gg = Tensor.Empty(grid.DType, grid.Sizes);
        Dispatch.GridSampleBackward(go.Strided, x.Strided, gr.Strided, g, gi?.Strided, gg.Strided);
        if (!ReferenceEquals(go, grad)) go.Dispose();
        if (!ReferenceEquals(x, input)) x.Dispose();
        if (!ReferenceEquals(gr, grid)) gr.Dispose();
        if (Record.ShouldRecord([grad, input, grid]))
        {
            string op = g.Volumetric ? "aten::grid_sampler_3d_backward" : "aten::grid_sampler_2d_backward";
            if (gi is not null) Record.SetHistory(gi, Record.Connect(new NotImplementedBackward(op), [grad, input, grid]));
            Record.SetHistory(gg, Record.Connect(new NotImplementedBackward(op), [grad, input, grid]));
        }
        return (gi, gg);
    }

    /// <summary>
    /// check_grid_sampler_common (batch sizes, the grid's last dim, non-empty spatial dims), then the 2-D or 3-D rank
    /// check (any input that is not 4-D goes to the 3-D sampler), bicubic's 4-D rule and the dtypes.
    /// </summary>
    private static GridSampleGeometry Plan(Tensor input, Tensor grid, GridSampleMode mode, GridSamplePadding padding, bool alignCorners)
    {
        bool volumetric = input.Dim != 4;
        string sizes = $"input with sizes {Errors.Shape(input.Sizes)} and grid with sizes {Errors.Shape(grid.Sizes)}";
        string rank = $"grid_sampler(): expected {(volumetric ? 5 : 4)}D input and grid with same number of dimensions, but got {sizes}";
        if (input.Dim == 0 || grid.Dim == 0) throw new ArgumentException(rank);
        if (input.Sizes[0] != grid.Sizes[0])
            throw new ArgumentException($"grid_sampler(): expected grid and input to have same batch size, but got {sizes}");
        if (grid.Sizes[^1] != input.Dim - 2)
            throw new ArgumentException($"grid_sampler(): expected grid to have size {input.Dim - 2} in last dimension, but got grid with sizes {Errors.Shape(grid.Sizes)}");
        for (int i = 2; i < input.Dim; i++)
            if (input.Sizes[i] <= 0)
                throw new ArgumentException($"grid_sampler(): expected input to have non-empty spatial dimensions, but input has sizes {Errors.Shape(input.Sizes)} with dimension {i} being empty");
        if (input.Dim != (volumetric ? 5 : 4) || grid.Dim != input.Dim) throw new ArgumentException(rank);
        if (volumetric && mode == GridSampleMode.Bicubic) throw new ArgumentException("grid_sampler(): bicubic interpolation only supports 4D input");
        if (!input.DType.IsFloatingPoint())
            throw Errors.UnsupportedDType(volumetric ? "grid_sampler3d_cpu" : "grid_sampler_2d_cpu_kernel_impl", input.DType);
        if (grid.DType != input.DType)
            throw new ArgumentException($"expected scalar type {Errors.Pretty(input.DType)} but found {Errors.Pretty(grid.DType)}");
        var s = input.Sizes;
        var o = grid.Sizes;
        return volumetric
            ? new GridSampleGeometry(s[0], s[1], s[2], s[3], s[4], o[1], o[2], o[3], mode, padding, alignCorners, true)
            : new GridSampleGeometry(s[0], s[1], 1, s[2], s[3], 1, o[1], o[2], mode, padding, alignCorners, false);
    }
}

/// <summary>
/// grid_sampler_2d / grid_sampler_3d: grid_sampler_*_backward(grad, input, grid) gives both gradients (the grid's is
/// zero for nearest); only the ones needed are returned. GridSampler2DBackward0 or GridSampler3DBackward0.
/// </summary>
internal sealed class GridSamplerBackward0(GridSampleGeometry g) : BinaryNode
{
    public override string Name => g.Volumetric ? "GridSampler3DBackward0" : "GridSampler2DBackward0";

    internal override Tensor?[] Apply(Tensor grad)
    {
        var (gi, gg) = GridSampleOps.Backward(grad, A!.Unpack(), B!.Unpack(), g, NeedsInputGrad(0));
        return [gi, NeedsInputGrad(1) ? gg : null];
    }
}
