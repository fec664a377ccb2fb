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
