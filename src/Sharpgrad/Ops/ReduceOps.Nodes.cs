namespace Sharpgrad.Ops;

// derivatives.yaml formulas of the reductions.

/// <summary>sum(): grad.expand(self.sizes).</summary>
internal sealed class SumBackward0(int[] inputSizes) : Node
{
    public override string Name => nameof(SumBackward0);
    internal override Tensor?[] Apply(Tensor grad) => [grad.Expand(inputSizes)];
}

/// <summary>sum(dims, keepdim): grad (unsqueezed) expanded to self.sizes.</summary>
internal sealed class SumBackward1(int[] inputSizes, int[] dims, bool keepDim) : Node
{
    public override string Name => nameof(SumBackward1);
    internal override Tensor?[] Apply(Tensor grad) => [ReduceOps.Unsqueezed(grad, dims, keepDim).Expand(inputSizes)];
}

/// <summary>mean(): grad.expand(self.sizes) / numel.</summary>
internal sealed class MeanBackward0(int[] inputSizes) : Node
{
    public override string Name => nameof(MeanBackward0);
    internal override Tensor?[] Apply(Tensor grad)
    {
        long n = 1;
        foreach (int s in inputSizes) n *= s;
        return [(grad / n).Expand(inputSizes)];
    }
}

/// <summary>mean(dims, keepdim): grad (unsqueezed) expanded to self.sizes / count.</summary>
internal sealed class MeanBackward1(int[] inputSizes, int[] dims, bool keepDim, long count) : Node
{
    public override string Name => nameof(MeanBackward1);
    internal override Tensor?[] Apply(Tensor grad) => [(ReduceOps.Unsqueezed(grad, dims, keepDim) / count).Expand(inputSizes)];
}

/// <summary>max()/min(): the gradient spread evenly over every element equal to the result.</summary>
internal sealed class ExtremeAllBackward(string name) : UnaryNode
{
    public override string Name => name;
    internal override Tensor?[] Apply(Tensor grad)
    {
        var x = SelfValue;
        var mask = x.Eq(ResultValue).To(grad.DType);
        return [mask * (grad / mask.Sum())];
    }
}

/// <summary>max(dim)/min(dim): the gradient goes to the selected index (value_selecting_reduction_backward).</summary>
internal sealed class ExtremeDimBackward(string name, int[] inputSizes, int dim, bool keepDim, Tensor indices) : Node
{
    public override string Name => name;
    internal override Tensor?[] Apply(Tensor grad)
    {
        var g = keepDim ? grad : grad.Unsqueeze(dim);
        var idx = keepDim ? indices : indices.Unsqueeze(dim);
        return [Tensor.Zeros(inputSizes, grad.DType).ScatterAdd(dim, idx, g)];
    }
}

/// <summary>var/std: grad * 2 (x - mean) / (N - correction), divided by 2·std for std.</summary>
internal sealed class VarStdBackward(bool std, int[] dims, bool keepDim, double denominator) : UnaryNode
{
    public override string Name => std ? "StdBackward0" : "VarBackward0";
    internal override Tensor?[] Apply(Tensor grad)
    {
        var x = SelfValue;
        var mean = dims.Length == 0 ? x : x.Mean(dims, keepDim: true);
        var g = ReduceOps.Unsqueezed(grad, dims, keepDim);
        if (std)
        {
            var s = ReduceOps.Unsqueezed(ResultValue, dims, keepDim);
            return [g * (x - mean) / (s * denominator)];
        }
        return [g * (x - mean) * (2.0 / denominator)];
    }
}

/// <summary>prod(): grad times the product of all other elements (exact with zeros present).</summary>
/// <summary>
/// prod(dim, keepdim): grad · result / self when no element of self is zero; otherwise grad times the product of the other
/// elements of each slice (exclusive cumulative products from both ends), as PyTorch's prod_safe_zeros_backward.
/// </summary>
internal sealed class ProdBackward1(int dim, bool keepDim) : UnaryNode
{
    public override string Name => nameof(ProdBackward1);

    internal override Tensor?[] Apply(Tensor grad)
    {
        var x = SelfValue;
        if (x.Dim == 0) return [grad];
        var g = keepDim ? grad : grad.Unsqueeze(dim);
        bool anyZero;
        using (Autograd.NoGrad()) anyZero = x.Eq(0.0).Any().Item<bool>();
        if (!anyZero)
        {
            var result = keepDim ? ResultValue : ResultValue.Unsqueeze(dim);
            return [g * (result / x)];
        }
        int n = x.Sizes[dim];
        var onesShape = x.Sizes.ToArray();
        onesShape[dim] = 1;
        var ones = Tensor.Ones(onesShape, x.DType);
        var before = Tensor.Cat([ones, x.Narrow(dim, 0, n - 1)], dim).Cumprod(dim);
        var after = Tensor.Cat([ones, x.Narrow(dim, 1, n - 1).Flip(dim)], dim).Cumprod(dim).Flip(dim);
        return [g * (before * after)];
    }
}

internal sealed class ProdBackward0 : UnaryNode
{
    public override string Name => nameof(ProdBackward0);
    internal override Tensor?[] Apply(Tensor grad)
    {
        var x = SelfValue;
        var values = x.Contiguous().To(DType.Float64).ToArray<double>();
        int n = values.Length;
        var others = new double[n];
        double prefix = 1;
        for (int i = 0; i < n; i++) { others[i] = prefix; prefix *= values[i]; }
        double suffix = 1;
        for (int i = n - 1; i >= 0; i--) { others[i] *= suffix; suffix *= values[i]; }
        var o = Tensor.FromArray(others, x.Sizes.ToArray()).To(x.DType);
        return [grad * o];
    }
}
