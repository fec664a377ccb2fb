namespace Sharpgrad.Ops;

/// <summary>torch.special's xlog1py, entr, ndtr and multigammaln.</summary>
internal static class SpecialOps
{
    /// <summary>
    /// xlog1py: x · log1p(y), 0 where x is 0 (unless y is NaN). The node is SpecialXlog1PyBackward0, or 1 / 2 when the
    /// first / second operand was a number (<paramref name="scalar"/> names which).
    /// </summary>
    public static Tensor Xlog1py(Tensor x, Tensor y, int scalar)
    {
        x.ThrowIfDisposed();
        y.ThrowIfDisposed();
        Tensor result;
        using (Autograd.NoGrad())
        using (Tensor.NewScope())
        {
            var zero = x.Eq(0.0).LogicalAnd(y.Eq(y));
            var product = x * y.Log1p();
            result = Tensor.Where(zero, Tensor.ZerosLike(product), product).MoveToOuterScope();
        }
        // a number operand is no input of the node
        Tensor[] inputs = scalar switch { 1 => [y], 2 => [x], _ => [x, y] };
        if (!Record.ShouldRecord(inputs)) return result;
        var node = new SpecialXlog1PyBackward0(scalar) { A = SavedTensor.Input(x), B = SavedTensor.Input(y), ASizes = x.Sizes, BSizes = y.Sizes, ADType = x.DType, BDType = y.DType };
        Record.SetHistory(result, Record.Connect(node, inputs));
        return result;
    }

    /// <summary>entr: -x·ln x for x &gt; 0, 0 at 0, -inf below 0 (SpecialEntrBackward0).</summary>
    public static Tensor Entr(Tensor x)
    {
        x.ThrowIfDisposed();
        Tensor y;
        using (Autograd.NoGrad())
        using (Tensor.NewScope())
        {
            var value = -(x * x.Log());
            var atZero = Tensor.Where(x.Eq(0.0), Tensor.ZerosLike(value), value);
            y = Tensor.Where(x.Lt(0.0), Tensor.FullLike(value, double.NegativeInfinity), atZero).MoveToOuterScope();
        }
        if (Record.ShouldRecord(x))
        {
            var node = Record.Connect(new SpecialEntrBackward0(), x);
            node.Self = SavedTensor.Input(x);
            Record.SetHistory(y, node);
        }
        return y;
    }

    /// <summary>ndtr: the standard normal CDF, (1 + erf(x/√2)) · 0.5, composed as ATen composes it.</summary>
    public static Tensor Ndtr(Tensor x) => BinaryOps.MulScalar(1.0 + BinaryOps.MulScalar(x, Math.Sqrt(0.5)).Erf(), 0.5);

    /// <summary>multigammaln: Σ_{i&lt;p} lgamma(a - i/2) + p(p-1)/4 · ln π (MvlgammaBackward0).</summary>
    public static Tensor Multigammaln(Tensor a, int p)
    {
        a.ThrowIfDisposed();
        if (a.DType == DType.Bool) throw new ArgumentException("The input tensor may not be a boolean tensor.");
        if (p < 1) throw new ArgumentException("p has to be greater than or equal to 1");
        var dtype = a.DType.IsFloatingPoint() ? a.DType : DType.Float32;
        Tensor y;
        using (Autograd.NoGrad())
        using (Tensor.NewScope())
        {
            // ATen's order: offsets -(p-1)/2, ..., -1/2, 0 along a new last dim, then summed
            var offsets = Tensor.FromArray(Enumerable.Range(0, p).Select(j => -(p - 1) / 2.0 + j / 2.0).ToArray()).To(dtype);
            var args = offsets + a.To(dtype).Unsqueeze(-1);
            y = (args.Lgamma().Sum([-1]) + p * (p - 1.0) * Math.Log(Math.PI) * 0.25).MoveToOuterScope();
        }
        if (Record.ShouldRecord(a))
        {
            var node = Record.Connect(new MvlgammaBackward0(p), a);
            node.Self = SavedTensor.Input(a);
            Record.SetHistory(y, node);
        }
        return y;
    }
}

/// <summary>xlog1py: self: grad · log1p(other), zeroed where self = 0 and other ≤ -1; other: grad · self / (other + 1).</summary>
internal sealed class SpecialXlog1PyBackward0(int scalar) : BinaryNode
{
    public override string Name => scalar switch { 1 => "SpecialXlog1PyBackward1", 2 => "SpecialXlog1PyBackward2", _ => "SpecialXlog1PyBackward0" };
    internal override Tensor?[] Apply(Tensor grad)
    {
        var x = A!.Unpack();
        var y = B!.Unpack();
        Tensor GradX() => GradA(Tensor.Where(x.Eq(0.0).LogicalAnd(y.Le(-1.0)), Tensor.Zeros([], grad.DType), grad * y.Log1p()));
        Tensor GradY() => GradB(grad * x / (y + 1.0));
        return scalar switch
        {
            1 => [NeedsInputGrad(0) ? GradY() : null],
            2 => [NeedsInputGrad(0) ? GradX() : null],
            _ => [NeedsInputGrad(0) ? GradX() : null, NeedsInputGrad(1) ? GradY() : null],
        };
    }
}

/// <summary>entr: grad · -(1 + ln x).</summary>
internal sealed class SpecialEntrBackward0 : UnaryNode
{
    public override string Name => nameof(SpecialEntrBackward0);
    internal override Tensor?[] Apply(Tensor grad) => [grad * -(1.0 + SelfValue.Log())];
}

/// <summary>mvlgamma: grad · Σ_{i&lt;p} digamma(self - i/2).</summary>
internal sealed class MvlgammaBackward0(int p) : UnaryNode
{
    public override string Name => nameof(MvlgammaBackward0);
    internal override Tensor?[] Apply(Tensor grad)
    {
        var self = SelfValue;
        var offsets = Tensor.FromArray(Enumerable.Range(0, p).Select(j => -(p - 1) / 2.0 + j / 2.0).ToArray()).To(self.DType);
        return [grad * (offsets + self.Unsqueeze(-1)).Digamma().Sum([-1])];
    }
}
