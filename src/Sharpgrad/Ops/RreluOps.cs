namespace Sharpgrad.Ops;

/// <summary>
/// rrelu (rrelu_with_noise): x times a slope for x &lt;= 0 (NaN keeps x). In training each such element draws its slope
/// uniformly from [lower, upper] (PyTorch's noise); in evaluation the slope is (lower + upper) / 2, as leaky_relu.
/// </summary>
internal static class RreluOps
{
    /// <summary>The activation; RreluWithNoiseBackward0 in both modes, as in PyTorch.</summary>
    public static Tensor Rrelu(Tensor x, double lower, double upper, bool training)
    {
        x.ThrowIfDisposed();
        if (lower > upper) throw new ArgumentException("Lower bound should be less than or equal to the upper bound");
        if (!x.DType.IsFloatingPoint()) throw Errors.UnsupportedDType(training ? "rrelu_with_noise_out_cpu" : "leaky_relu_cpu", x.DType);
        Tensor y, factor;
        using (Autograd.NoGrad())
        using (Tensor.NewScope())
        {
            var one = Tensor.Full([], 1.0, x.DType);
            // training: the noise (x <= 0 ? uniform : 1, so NaN keeps 1), also in backward; evaluation: leaky_relu's
            // factor (x > 0 ? 1 : slope, so NaN takes the slope).
            factor = (training
                ? Tensor.Where(x.Le(0.0), Tensor.Empty(x.DType, x.Sizes).Uniform_(lower, upper), one)
                : Tensor.Where(x.Gt(0.0), one, Tensor.Full([], (lower + upper) / 2, x.DType))).MoveToOuterScope();
            y = (x * factor).MoveToOuterScope();
        }
        if (Record.ShouldRecord(x))
        {
            var node = Record.Connect(new RreluWithNoiseBackward0(), x);
            node.Factor = SavedTensor.Input(factor);
            Record.SetHistory(y, node);
        }
        else factor.Dispose();
        return y;
    }

    /// <summary>
    /// rrelu_with_noise_backward: <paramref name="grad"/> times the saved slopes. Under create_graph it is recorded
    /// (RreluWithNoiseBackwardBackward0, edges to grad and to the input), as in PyTorch.
    /// </summary>
    public static Tensor Backward(Tensor grad, Tensor factor, Edge self)
    {
        Tensor gi;
        using (Autograd.NoGrad()) gi = grad * factor;
        if (Record.ShouldRecordBackward(grad, self))
        {
            var node = new RreluWithNoiseBackwardBackward0 { Edges = [grad.GradientEdge(), self] };
            node.Factor = SavedTensor.Input(factor);
            Record.SetHistory(gi, node);
        }
        return gi;
    }
}

/// <summary>A node that keeps rrelu's per-element slopes (1 where the input passes through).</summary>
internal abstract class RreluNode : Node
{
    internal SavedTensor? Factor;
    internal override IEnumerable<SavedTensor> Saved => Factor is null ? [] : [Factor];
}

/// <summary>rrelu: grad times the slopes.</summary>
internal sealed class RreluWithNoiseBackward0 : RreluNode
{
    public override string Name => nameof(RreluWithNoiseBackward0);
    internal override Tensor?[] Apply(Tensor grad) => [RreluOps.Backward(grad, Factor!.Unpack(), Edges[0])];
}

/// <summary>rrelu_with_noise_backward: grad_output: the same backward of grad; self: zeros, as in PyTorch.</summary>
internal sealed class RreluWithNoiseBackwardBackward0 : RreluNode
{
    public override string Name => nameof(RreluWithNoiseBackwardBackward0);
    internal override Tensor?[] Apply(Tensor grad) =>
    [
        NeedsInputGrad(0) ? RreluOps.Backward(grad, Factor!.Unpack(), Edges[1]) : null,
        NeedsInputGrad(1) ? Tensor.ZerosLike(grad) : null,
    ];
}
