namespace Sharpgrad.Ops;

/// <summary>pdist: the p-norm distance between every pair of rows i &lt; j, in row-major pair order (PdistBackward0).</summary>
internal static class PdistOps
{
    public static Tensor Pdist(Tensor x, double p)
    {
        x.ThrowIfDisposed();
        if (x.Dim != 2) throw new ArgumentException($"pdist only supports 2D tensors, got: {x.Dim}D");
        if (!x.DType.IsFloatingPoint()) throw new ArgumentException("pdist only supports floating-point dtypes");
        if (!(p >= 0)) throw new ArgumentException("pdist only supports non-negative p values");
        var (first, second) = Pairs(x.Sizes[0]);
        Tensor y;
        using (Autograd.NoGrad())
        using (Tensor.NewScope())
        {
            y = x.Sizes[0] < 2
                ? Tensor.Zeros([0], x.DType)
                : (x.IndexSelect(0, first) - x.IndexSelect(0, second)).Norm(p, [1]);
            y = y.MoveToOuterScope();
        }
        if (Record.ShouldRecord(x))
        {
            var node = Record.Connect(new PdistBackward0(p), x);
            node.Self = SavedTensor.Input(x);
            node.Result = SavedTensor.Output(y, node);
            Record.SetHistory(y, node);
        }
        return y;
    }

    /// <summary>The row indices (i, j) of every pair i &lt; j of n rows, in row-major order (triu_indices above the diagonal).</summary>
    internal static (Tensor First, Tensor Second) Pairs(int n)
    {
        using var pairs = Tensor.TriuIndices(n, n, 1);
        return (pairs[0].Contiguous(), pairs[1].Contiguous());
    }
}

/// <summary>pdist: each pair's norm_backward added to its first row and subtracted from its second.</summary>
internal sealed class PdistBackward0(double p) : UnaryNode
{
    public override string Name => nameof(PdistBackward0);
    internal override Tensor?[] Apply(Tensor grad)
    {
        var x = SelfValue;
        var zeros = Tensor.ZerosLike(x);
        if (grad.Numel == 0) return [zeros];
        var (first, second) = PdistOps.Pairs(x.Sizes[0]);
        var diff = x.IndexSelect(0, first) - x.IndexSelect(0, second);
        var g = LinalgVectorNormBackward0.Grad(diff, ResultValue.Unsqueeze(1), grad.Unsqueeze(1), p, [1], diff.Sizes);
        return [g is null ? zeros : zeros.IndexAdd(0, first, g).IndexAdd(0, second, -g)];
    }
}
