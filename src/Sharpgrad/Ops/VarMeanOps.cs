namespace Sharpgrad.Ops;

/// <summary>var_mean and std_mean: the variance (or standard deviation) and the mean over the same dims, one node for both.</summary>
internal static class VarMeanOps
{
    /// <summary>
    /// (var or std, mean) over <paramref name="dims"/> (all when null or empty) with
    /// <paramref name="correction"/> subtracted from the count (1 when null); one VarMeanBackward0 / StdMeanBackward0
    /// node takes the gradients of both outputs.
    /// </summary>
    public static (Tensor Spread, Tensor Mean) VarMean(Tensor x, int[]? dims, double? correction, bool keepDim, bool std)
    {
        x.ThrowIfDisposed();
        string op = std ? "std_mean" : "var_mean";
        if (!x.DType.IsFloatingPoint()) throw new ArgumentException($"{op} only support floating point and complex dtypes");
        var wrapped = dims is null || dims.Length == 0 ? Enumerable.Range(0, x.Dim).ToArray() : ReduceOps.WrapDims(dims, x.Dim);
        double c = correction ?? 1;
        long n = 1;
        foreach (int d in wrapped) n *= x.Sizes[d];
        Tensor spread, mean;
        using (Autograd.NoGrad())
        {
            spread = ReduceOps.VarStd(x, wrapped, c, keepDim, std);
            mean = wrapped.Length == 0 ? x.Clone() : ReduceOps.Mean(x, wrapped, keepDim);
        }
        if (Record.ShouldRecord(x))
        {
            var node = Record.Connect(new VarMeanBackward(std, x.Sizes, wrapped, keepDim, n - c, n), x);
            node.Self = SavedTensor.Input(x);
            Record.SetHistory(spread, node, 0);
            Record.SetHistory(mean, node, 1);
            if (std) node.Result = SavedTensor.Output(spread, node);
        }
        return (spread, mean);
    }
}

/// <summary>
/// var_mean / std_mean (var_mean_backward, std_mean_backward): the var (or std) gradient
/// (2 / (N - correction)) · g · (x - mean), with g = grad / (2·std) and 0 where std is 0 for std, plus the mean's
/// gradient spread evenly over the reduced elements.
/// </summary>
internal sealed class VarMeanBackward(bool std, int[] inputSizes, int[] dims, bool keepDim, double dof, long count) : UnaryNode
{
    public override string Name => std ? "StdMeanBackward0" : "VarMeanBackward0";
    internal override int NumOutputs => 2;
    internal override Tensor?[] ApplyAll(Tensor?[] grads)
    {
        Tensor? gx = null;
        if (grads[0] is { } gs)
        {
            var x = SelfValue;
            var g = ReduceOps.Unsqueezed(gs, dims, keepDim);
            if (std)
            {
                var s = ReduceOps.Unsqueezed(ResultValue, dims, keepDim);
                g = Tensor.Where(s.Eq(0.0), Tensor.Zeros([], g.DType), g / (s * 2.0));
            }
            var mean = dims.Length == 0 ? x : x.Mean(dims, keepDim: true);
            gx = 2.0 / dof * g * (x - mean);
        }
        if (grads[1] is { } gm)
        {
            var spread = (ReduceOps.Unsqueezed(gm, dims, keepDim) / count).Expand(inputSizes);
            gx = gx is null ? spread : gx + spread;
        }
        return [gx];
    }
}
