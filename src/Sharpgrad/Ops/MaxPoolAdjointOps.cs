namespace Sharpgrad.Ops;

/// <summary>
/// The backward of the max pools that return indices (max_pool2d/3d_with_indices, adaptive_max_pool2d/3d): each output
/// gradient is added at the argmax of its window. As in PyTorch the backward op also takes the pooled input (its
/// gradient edge), so under create_graph it is recorded even when the incoming gradient is a constant; grad_output's
/// gradient is then gathered at the indices and the input's is zero.
/// </summary>
internal static class MaxPoolAdjointOps
{
    /// <summary>One pool call: PyTorch's op name (as in its node names), the planes, their flat sizes, and both shapes.</summary>
    internal sealed record Plan(string Op, int Planes, int InPlane, int OutPlane, int[] InputSizes, int[] OutputSizes);

    /// <summary>Records <paramref name="y"/> as the pooled output of <paramref name="x"/>, keeping the indices for backward.</summary>
    public static void RecordForward(Tensor x, Tensor y, Tensor indices, Plan p)
    {
        if (!Record.ShouldRecord(x)) return;
        var node = Record.Connect(new MaxPoolBackward0(p), x);
        node.Index = SavedTensor.Input(indices);
        Record.SetHistory(y, node);
    }

    /// <summary>The pool's backward op: zeros of the input's shape with <paramref name="grad"/> added at the indices.</summary>
    public static Tensor Scatter(Tensor grad, Tensor indices, Plan p, Edge self)
    {
        Tensor gi;
        using (Autograd.NoGrad())
        using (Tensor.NewScope())
        {
            gi = Tensor.Zeros([p.Planes, p.InPlane], grad.DType)
                .ScatterAdd(1, indices.Reshape(p.Planes, p.OutPlane), grad.Reshape(p.Planes, p.OutPlane))
                .Reshape(p.InputSizes).MoveToOuterScope();
        }
        if (Record.ShouldRecordBackward(grad, self))
        {
            var node = new MaxPoolBackwardBackward0(p) { Edges = [grad.GradientEdge(), self] };
            node.Index = SavedTensor.Input(indices);
            Record.SetHistory(gi, node);
        }
        return gi;
    }
}

/// <summary>MaxPool2DWithIndicesBackward0, AdaptiveMaxPool2DBackward0, MaxPool3DWithIndicesBackward0, AdaptiveMaxPool3DBackward0: the scatter above.</summary>
internal sealed class MaxPoolBackward0(MaxPoolAdjointOps.Plan p) : IndexNode
{
    public override string Name { get; } = p.Op + "Backward0";
    internal override Tensor?[] Apply(Tensor grad) => [MaxPoolAdjointOps.Scatter(grad, Index!.Unpack(), p, Edges[0])];
}

/// <summary>The scatter's own backward: grad_output: grad gathered at the indices; self: zeros, as in PyTorch.</summary>
internal sealed class MaxPoolBackwardBackward0(MaxPoolAdjointOps.Plan p) : IndexNode
{
    public override string Name { get; } = p.Op + "BackwardBackward0";
    internal override Tensor?[] Apply(Tensor grad) =>
    [
        NeedsInputGrad(0) ? grad.Reshape(p.Planes, p.InPlane).Gather(1, Index!.Unpack().Reshape(p.Planes, p.OutPlane)).Reshape(p.OutputSizes) : null,
        NeedsInputGrad(1) ? Tensor.Zeros(p.InputSizes, grad.DType) : null,
    ];
}
