using Sharpgrad.Kernels;
using Sharpgrad.Kernels.Cpu;

namespace Sharpgrad.Ops;

/// <summary>Average pooling: avg_pool2d and adaptive_avg_pool2d over the last two dims of a 3-D or 4-D input.</summary>
internal static class PoolOps
{
    /// <summary>Window settings of one avg_pool2d call (the plane sizes live in the geometry).</summary>
    internal readonly record struct AvgPoolSpec(ConvGeometry G, int Planes, bool CountIncludePad, int DivisorOverride, int[] InputSizes, int[] OutputSizes);

    /// <summary>A 3-D or 4-D floating input, as every 2-D pooling op requires (max pooling takes integers too, with <paramref name="integers"/>).</summary>
    internal static void CheckInput(Tensor x, string op, bool integers = false)
    {
        x.ThrowIfDisposed();
        if (x.Dim is not (3 or 4)) throw new ArgumentException("non-empty 3D or 4D (batch mode) tensor expected for input");
        if (!x.DType.IsFloatingPoint() && !(integers && x.DType.IsIntegral())) throw Errors.UnsupportedDType(op, x.DType);
    }

    /// <summary>avg_pool2d. AvgPool2DBackward0.</summary>
    public static Tensor AvgPool2d(Tensor x, (int H, int W) kernel, (int H, int W) stride, (int H, int W) padding, bool ceilMode, bool countIncludePad, int? divisorOverride)
    {
        // PyTorch's avg_pool2d reads size(-3) before its rank check: an IndexError below 3 dims.
        if (x.Dim is 1 or 2) throw Errors.DimOutOfRange(-3, x.Dim);
        CheckInput(x, "avg_pool2d");
        if (stride.H == 0 || stride.W == 0) throw new ArgumentException("stride should not be zero");
        if (kernel.H <= 0 || kernel.W <= 0)
            throw new ArgumentException($"kernel size should be greater than zero, but got kH: {kernel.H} kW: {kernel.W}");
        if (stride.H < 0 || stride.W < 0)
            throw new ArgumentException($"stride should be greater than zero, but got dH: {stride.H} dW: {stride.W}");
        if (divisorOverride is <= 0) throw new ArgumentException("divisor must be not zero");
        int c = x.Sizes[^3], h = x.Sizes[^2], w = x.Sizes[^1];
        int oh = ConvOps.PoolOutput(h, kernel.H, padding.H, stride.H, 1, ceilMode);
        int ow = ConvOps.PoolOutput(w, kernel.W, padding.W, stride.W, 1, ceilMode);
        if (oh < 1 || ow < 1)
            throw new ArgumentException($"Given input size: ({c}x{h}x{w}). Calculated output size: ({c}x{Math.Max(oh, 0)}x{Math.Max(ow, 0)}). Output size is too small");
        var shape = (int[])x.Sizes.Clone();
        shape[^2] = oh;
        shape[^1] = ow;
        int planes = h * w == 0 ? 0 : x.Numel / (h * w);
        var g = new ConvGeometry(1, 1, h, w, kernel.H, kernel.W, stride.H, stride.W, padding.H, padding.W, 1, 1, oh, ow);
        return Apply(x, new AvgPoolSpec(g, planes, countIncludePad, divisorOverride ?? 0, (int[])x.Sizes.Clone(), shape));
    }

    /// <summary>The pooling map itself (its adjoint is <see cref="Adjoint"/>).</summary>
    internal static Tensor Apply(Tensor x, AvgPoolSpec s)
    {
        var src = OpHelpers.ContiguousRaw(x);
        var y = Tensor.Empty(x.DType, s.OutputSizes);
        Dispatch.AvgPool2d(src.Strided, s.Planes, s.G, s.CountIncludePad, s.DivisorOverride, y.Strided);
        if (!ReferenceEquals(src, x)) src.Dispose();
        if (Record.ShouldRecord(x)) Record.SetHistory(y, Record.Connect(new AvgPool2DBackward0(s), x));
        return y;
    }

    /// <summary>
    /// avg_pool2d_backward: spreads each output gradient over its window (its adjoint is <see cref="Apply"/>). Like
    /// PyTorch's it also takes the pooled input (<paramref name="self"/>, its gradient edge), so it is recorded under
    /// create_graph even when <paramref name="grad"/> is a constant.
    /// </summary>
    internal static Tensor Adjoint(Tensor grad, AvgPoolSpec s, Edge self)
    {
        var src = OpHelpers.ContiguousRaw(grad);
        var gi = Tensor.Empty(grad.DType, s.InputSizes, clear: true);
        Dispatch.AvgPool2dBackward(src.Strided, s.Planes, s.G, s.CountIncludePad, s.DivisorOverride, gi.Strided);
        if (!ReferenceEquals(src, grad)) src.Dispose();
        if (Record.ShouldRecordBackward(grad, self)) Record.SetHistory(gi, new AvgPool2DBackwardBackward0(s) { Edges = [grad.GradientEdge(), self] });
        return gi;
    }

    /// <summary>Output bins of adaptive_avg_pool2d/3d (sizes of the input and output planes; D = OutD = 1 in 2-D).</summary>
    internal readonly record struct AdaptiveSpec(int Dims, int Planes, int D, int H, int W, int OutD, int OutH, int OutW, int[] InputSizes, int[] OutputSizes);

    /// <summary>adaptive_avg_pool2d: a 1x1 output is the mean over the plane (MeanBackward1), as in PyTorch; else AdaptiveAvgPool2DBackward0.</summary>
    public static Tensor AdaptiveAvgPool2d(Tensor x, (int H, int W) output)
    {
        CheckInput(x, "adaptive_avg_pool2d");
        for (int d = x.Dim - 3; d < x.Dim; d++)
            if (x.Sizes[d] == 0)
                throw new ArgumentException($"adaptive_avg_pool2d(): Expected input to have non-zero size for non-batch dimensions, but input has sizes {Errors.Shape(x.Sizes)} with dimension {d} being empty");
        if (output.H < 0 || output.W < 0)
            throw new ArgumentException($"adaptive_avg_pool2d: elements of output_size must be greater than or equal to 0 but received {{{output.H}, {output.W}}}");
        if (output == (1, 1)) return x.Mean([-1, -2], keepDim: true);
        int h = x.Sizes[^2], w = x.Sizes[^1];
        var shape = (int[])x.Sizes.Clone();
        shape[^2] = output.H;
        shape[^1] = output.W;
        return ApplyAdaptive(x, new AdaptiveSpec(2, x.Numel / (h * w), 1, h, w, 1, output.H, output.W, (int[])x.Sizes.Clone(), shape));
    }

    /// <summary>adaptive_avg_pool3d: a 1x1x1 output is the mean over the volume (MeanBackward1), as in PyTorch; else AdaptiveAvgPool3DBackward0.</summary>
    public static Tensor AdaptiveAvgPool3d(Tensor x, (int D, int H, int W) output)
    {
        x.ThrowIfDisposed();
        if (x.Dim is not (4 or 5)) throw new ArgumentException($"adaptive_avg_pool3d(): Expected 4D or 5D tensor, but got {Errors.Shape(x.Sizes)}");
        for (int d = x.Dim - 4; d < x.Dim; d++)
            if (x.Sizes[d] == 0)
                throw new ArgumentException($"adaptive_avg_pool3d(): Expected input to have non-zero size for non-batch dimensions, but input has sizes {Errors.Shape(x.Sizes)} with dimension {d} being empty");
        if (output.D < 0 || output.H < 0 || output.W < 0)
            throw new ArgumentException($"adaptive_avg_pool3d: elements of output_size must be greater than or equal to 0 but received {{{output.D}, {output.H},{output.W}}}");
        if (!x.DType.IsFloatingPoint()) throw Errors.UnsupportedDType("adaptive_avg_pool3d_cpu", x.DType);
        if (output == (1, 1, 1)) return x.Mean([-1, -2, -3], keepDim: true);
        int d0 = x.Sizes[^3], h = x.Sizes[^2], w = x.Sizes[^1];
        var shape = (int[])x.Sizes.Clone();
        (shape[^3], shape[^2], shape[^1]) = (output.D, output.H, output.W);
        return ApplyAdaptive(x, new AdaptiveSpec(3, x.Numel / (d0 * h * w), d0, h, w, output.D, output.H, output.W, (int[])x.Sizes.Clone(), shape));
    }

    internal static Tensor ApplyAdaptive(Tensor x, AdaptiveSpec s)
    {
        var src = OpHelpers.ContiguousRaw(x);
        var y = Tensor.Empty(x.DType, s.OutputSizes);
        Dispatch.AdaptiveAvgPool(src.Strided, s.Planes, s.D, s.H, s.W, s.OutD, s.OutH, s.OutW, y.Strided);
        if (!ReferenceEquals(src, x)) src.Dispose();
        if (Record.ShouldRecord(x)) Record.SetHistory(y, Record.Connect(new AdaptiveAvgPoolBackward0(s), x));
        return y;
    }

    /// <summary>adaptive_avg_pool2d/3d_backward; like <see cref="Adjoint"/> it also takes the pooled input's edge.</summary>
    internal static Tensor AdjointAdaptive(Tensor grad, AdaptiveSpec s, Edge self)
    {
        var src = OpHelpers.ContiguousRaw(grad);
        var gi = Tensor.Empty(grad.DType, s.InputSizes, clear: true);
        Dispatch.AdaptiveAvgPoolBackward(src.Strided, s.Planes, s.D, s.H, s.W, s.OutD, s.OutH, s.OutW, gi.Strided);
        if (!ReferenceEquals(src, grad)) src.Dispose();
        if (Record.ShouldRecordBackward(grad, self)) Record.SetHistory(gi, new AdaptiveAvgPoolBackwardBackward0(s) { Edges = [grad.GradientEdge(), self] });
        return gi;
    }
}

internal static class UnpoolOps
{
    /// <summary>
    /// max_unpool2d: each value written at its recorded in-plane index of a zero plane of the default size
    /// ((H-1)·stride - 2·padding + kernel) or of <paramref name="outputSize"/>. MaxUnpool2DBackward0.
    /// </summary>
    public static Tensor MaxUnpool2d(Tensor x, Tensor indices, (int H, int W) kernel, (int H, int W) stride, (int H, int W) padding, (int H, int W)? outputSize)
    {
        x.ThrowIfDisposed();
        indices.ThrowIfDisposed();
        if (x.Dim is not (3 or 4)) throw new ArgumentException("non-empty 3D or 4D (batch mode) tensor expected for input");
        var size = OutputSize([kernel.H, kernel.W], [stride.H, stride.W], [padding.H, padding.W], x, outputSize is { } o ? [o.H, o.W] : null,
            outputSize is { } g ? $"({g.H}, {g.W})" : "");
        return Scatter(x, indices, size, "MaxUnpool2DBackward0", max => $"Found an invalid max index: {max} (output volumes are of size {size[0]}x{size[1]}");
    }

    /// <summary>max_unpool3d: max_unpool2d over [D, H, W] volumes (MaxUnpool3DBackward0).</summary>
    public static Tensor MaxUnpool3d(Tensor x, Tensor indices, int[] kernel, int[] stride, int[] padding, int[]? outputSize)
    {
        x.ThrowIfDisposed();
        indices.ThrowIfDisposed();
        if (x.Dim is not (4 or 5)) throw new ArgumentException($"Input to max_unpooling3d should be a 4d or 5d Tensor, but got a tensor with {x.Dim} dimensions.");
        var size = OutputSize(kernel, stride, padding, x, outputSize, outputSize is null ? "" : $"({string.Join(", ", outputSize)})");
        return Scatter(x, indices, size, "MaxUnpool3DBackward0", max => $"Found an invalid max index: {max} (output volumes are of size {size[0]}x{size[1]}x{size[2]}");
    }

    /// <summary>PyTorch's _unpool_output_size: (in - 1)·stride - 2·padding + kernel per spatial dim, or a given size within a stride of it.</summary>
    internal static int[] OutputSize(int[] kernel, int[] stride, int[] padding, Tensor x, int[]? given, string givenText)
    {
        int n = kernel.Length;
        var size = new int[n];
        for (int d = 0; d < n; d++)
        {
            int natural = (x.Sizes[x.Dim - n + d] - 1) * stride[d] + kernel[d] - 2 * padding[d];
            size[d] = given?[d] ?? natural;
            if (given is not null && !(natural - stride[d] < given[d] && given[d] < natural + stride[d]))
                throw new ArgumentException($"invalid output_size \"{givenText}\" (dim {d} must be between {natural - stride[d]} and {natural + stride[d]})");
        }
        return size;
    }

    /// <summary>Each value scattered to its index of a zero plane of <paramref name="outSpatial"/> (the node gathers the gradient back).</summary>
    private static Tensor Scatter(Tensor x, Tensor indices, int[] outSpatial, string nodeName, Func<long, string> invalidIndex)
    {
        if (indices.DType != DType.Int64) throw new ArgumentException($"elements in indices should be type int64 but got: {Errors.Pretty(indices.DType)}");
        if (!indices.Shape.SequenceEqual(x.Shape))
            throw new ArgumentException($"Expected shape of indices to be same as that of the input tensor ({Errors.Shape(x.Sizes)}) but got indices tensor with shape: {Errors.Shape(indices.Sizes)}");
        int n = outSpatial.Length;
        int plane = 1, outPlane = 1;
        for (int d = 0; d < n; d++) (plane, outPlane) = (plane * x.Sizes[x.Dim - n + d], outPlane * outSpatial[d]);
        int planes = plane == 0 ? 0 : x.Numel / plane;
        var shape = (int[])x.Sizes.Clone();
        for (int d = 0; d < n; d++) shape[x.Dim - n + d] = outSpatial[d];
        Tensor y;
        using (Autograd.NoGrad())
        using (Tensor.NewScope())
        {
            var idx = indices.Reshape(planes, plane);
            if (idx.NumElements > 0 && (idx.Min().Item<long>() < 0 || idx.Max().Item<long>() >= outPlane))
                throw new InvalidOperationException(invalidIndex(idx.Min().Item<long>() < 0 ? idx.Min().Item<long>() : idx.Max().Item<long>()));
            y = Tensor.Zeros([planes, outPlane], x.DType).ScatterAdd(1, idx, x.Reshape(planes, plane)).Reshape(shape).MoveToOuterScope();
        }
        if (Record.ShouldRecord(x))
        {
            var node = Record.Connect(new MaxUnpoolBackward(nodeName, x.Sizes, planes, plane, outPlane), x);
            node.Index = SavedTensor.Input(indices);
            Record.SetHistory(y, node);
        }
        return y;
    }
}

/// <summary>max_unpool2d / max_unpool3d: the gradient read back at the indices.</summary>
internal sealed class MaxUnpoolBackward(string name, int[] inputSizes, int planes, int plane, int outPlane) : IndexNode
{
    public override string Name => name;
    internal override Tensor?[] Apply(Tensor grad) =>
        [grad.Reshape(planes, outPlane).Gather(1, Index!.Unpack().Reshape(planes, plane)).Reshape(inputSizes)];
}

/// <summary>avg_pool2d: avg_pool2d_backward(grad) (each window's share of the gradient).</summary>
internal sealed class AvgPool2DBackward0(PoolOps.AvgPoolSpec s) : Node
{
    public override string Name => nameof(AvgPool2DBackward0);
    internal override Tensor?[] Apply(Tensor grad) => [PoolOps.Adjoint(grad, s, Edges[0])];
}

/// <summary>avg_pool2d_backward: grad_output: avg_pool2d(grad); self: zeros, as in PyTorch.</summary>
internal sealed class AvgPool2DBackwardBackward0(PoolOps.AvgPoolSpec s) : Node
{
    public override string Name => nameof(AvgPool2DBackwardBackward0);
    internal override Tensor?[] Apply(Tensor grad) =>
        [NeedsInputGrad(0) ? PoolOps.Apply(grad, s) : null, NeedsInputGrad(1) ? Tensor.Zeros(s.InputSizes, grad.DType) : null];
}

/// <summary>adaptive_avg_pool2d/3d: each bin's gradient spread evenly over the bin (AdaptiveAvgPool2D/3DBackward0).</summary>
internal sealed class AdaptiveAvgPoolBackward0(PoolOps.AdaptiveSpec s) : Node
{
    public override string Name { get; } = $"AdaptiveAvgPool{s.Dims}DBackward0";
    internal override Tensor?[] Apply(Tensor grad) => [PoolOps.AdjointAdaptive(grad, s, Edges[0])];
}

/// <summary>adaptive_avg_pool2d/3d_backward: grad_output: adaptive_avg_pool2d/3d(grad); self: zeros, as in PyTorch.</summary>
internal sealed class AdaptiveAvgPoolBackwardBackward0(PoolOps.AdaptiveSpec s) : Node
{
    public override string Name { get; } = $"AdaptiveAvgPool{s.Dims}DBackwardBackward0";
    internal override Tensor?[] Apply(Tensor grad) =>
        [NeedsInputGrad(0) ? PoolOps.ApplyAdaptive(grad, s) : null, NeedsInputGrad(1) ? Tensor.Zeros(s.InputSizes, grad.DType) : null];
}
