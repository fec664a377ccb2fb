namespace Sharpgrad.Ops;

// Backward nodes of the view ops: each maps the view's gradient back to the base's shape.

/// <summary>view/reshape: grad.reshape(self.sizes).</summary>
internal sealed class ViewBackward0(int[] inputSizes) : Node
{
    public override string Name => nameof(ViewBackward0);
    internal override Tensor?[] Apply(Tensor grad) => [grad.Reshape(inputSizes)];
}

/// <summary>reshape that had to copy: grad.reshape(self.sizes).</summary>
internal sealed class UnsafeViewBackward0(int[] inputSizes) : Node
{
    public override string Name => nameof(UnsafeViewBackward0);
    internal override Tensor?[] Apply(Tensor grad) => [grad.Reshape(inputSizes)];
}

/// <summary>t() (and t_(): TBackward1): grad.t().</summary>
internal sealed class TBackward0(string name = nameof(TBackward0)) : Node
{
    public override string Name => name;
    internal override Tensor?[] Apply(Tensor grad) => [grad.Dim < 2 ? grad : grad.Transpose(0, 1)];
}

/// <summary>transpose(d0, d1) (and transpose_: TransposeBackward1): grad.transpose(d0, d1).</summary>
internal sealed class TransposeBackward0(int d0, int d1, string name = nameof(TransposeBackward0)) : Node
{
    public override string Name => name;
    internal override Tensor?[] Apply(Tensor grad) => [grad.Transpose(d0, d1)];
}

/// <summary>permute(dims): grad.permute(inverse(dims)).</summary>
internal sealed class PermuteBackward0(int[] dims) : Node
{
    public override string Name => nameof(PermuteBackward0);
    internal override Tensor?[] Apply(Tensor grad)
    {
        var inverse = new int[dims.Length];
        for (int i = 0; i < dims.Length; i++) inverse[dims[i]] = i;
        return [grad.Permute(inverse)];
    }
}

/// <summary>select(dim, i): a zero tensor of self's shape with grad written at index i (select_scatter).</summary>
internal sealed class SelectBackward0(int[] inputSizes, int dim, int index) : Node
{
    public override string Name => nameof(SelectBackward0);
    internal override Tensor?[] Apply(Tensor grad) => [ViewGrad.ScatterInto(grad, inputSizes, z => z.Select(dim, index))];
}

/// <summary>slice(dim, start, end, step): grad written into zeros at the slice (slice_scatter).</summary>
internal sealed class SliceBackward0(int[] inputSizes, int dim, int start, int step, int length) : Node
{
    public override string Name => nameof(SliceBackward0);
    internal override Tensor?[] Apply(Tensor grad) =>
        [ViewGrad.ScatterInto(grad, inputSizes, z => z.Slice(dim, start, start + (long)length * step - (step - 1), step))];
}

/// <summary>unsqueeze(dim) (and unsqueeze_: UnsqueezeBackward1): grad.squeeze(dim).</summary>
internal sealed class UnsqueezeBackward0(int dim, string name = nameof(UnsqueezeBackward0)) : Node
{
    public override string Name => name;
    internal override Tensor?[] Apply(Tensor grad) => [grad.Squeeze(dim)];
}

/// <summary>squeeze(dim): grad.reshape(self.sizes).</summary>
internal sealed class SqueezeBackward1(int[] inputSizes, int dim) : Node
{
    public override string Name => nameof(SqueezeBackward1);
    internal int Dim => dim;
    internal override Tensor?[] Apply(Tensor grad) => [grad.Reshape(inputSizes)];
}

/// <summary>squeeze() (and squeeze_(): SqueezeBackward3): grad.reshape(self.sizes).</summary>
internal sealed class SqueezeBackward0(int[] inputSizes, string name = nameof(SqueezeBackward0)) : Node
{
    public override string Name => name;
    internal override Tensor?[] Apply(Tensor grad) => [grad.Reshape(inputSizes)];
}

/// <summary>squeeze of the 1-D@2-D matmul's unsqueezed dim: grad.reshape(self.sizes).</summary>
internal sealed class SqueezeBackward4(int[] inputSizes) : Node
{
    public override string Name => nameof(SqueezeBackward4);
    internal override Tensor?[] Apply(Tensor grad) => [grad.Reshape(inputSizes)];
}

/// <summary>expand(sizes): grad summed back to self's shape.</summary>
internal sealed class ExpandBackward0(int[] inputSizes) : Node
{
    public override string Name => nameof(ExpandBackward0);
    internal override Tensor?[] Apply(Tensor grad) => [ViewGrad.SumTo(grad, inputSizes)];
}

/// <summary>unbind(dim): stack of the outputs' grads (zeros where none flowed).</summary>
internal sealed class UnbindBackward0(int[] inputSizes, int dim) : Node
{
    public override string Name => nameof(UnbindBackward0);
    internal override int NumOutputs => inputSizes[dim];
    internal override Tensor?[] ApplyAll(Tensor?[] grads)
    {
        var sizes = ViewOps.RemoveAt(inputSizes, dim);
        var parts = new Tensor[grads.Length];
        DType dtype = grads.First(g => g is not null)!.DType;
        for (int i = 0; i < grads.Length; i++) parts[i] = grads[i] ?? Tensor.Zeros(sizes, dtype);
        return [Tensor.Stack(parts, dim)];
    }
}

/// <summary>split/chunk: cat of the outputs' grads (zeros where none flowed).</summary>
internal sealed class SplitBackward0(int[] inputSizes, int dim, int[] splitSizes, string name = nameof(SplitBackward0)) : Node
{
    public override string Name => name;
    internal override int NumOutputs => splitSizes.Length;
    internal override Tensor?[] ApplyAll(Tensor?[] grads)
    {
        var parts = new Tensor[grads.Length];
        DType dtype = grads.First(g => g is not null)!.DType;
        for (int i = 0; i < grads.Length; i++)
        {
            if (grads[i] is { } g) { parts[i] = g; continue; }
            var sizes = (int[])inputSizes.Clone();
            sizes[dim] = splitSizes[i];
            parts[i] = Tensor.Zeros(sizes, dtype);
        }
        return [Tensor.Cat(parts, dim)];
    }
}

/// <summary>Shared helpers for view gradients.</summary>
internal static class ViewGrad
{
    /// <summary>zeros(sizes) with <paramref name="grad"/> written into the view that <paramref name="view"/> selects.</summary>
    public static Tensor ScatterInto(Tensor grad, int[] sizes, Func<Tensor, Tensor> view)
    {
        var result = Tensor.Zeros(sizes, grad.DType);
        view(result).Copy_(grad);
        return result;
    }

    /// <summary>Sums a broadcast gradient back to <paramref name="shape"/>: the one place broadcasting is undone.</summary>
    public static Tensor SumTo(Tensor grad, int[] shape)
    {
        if (grad.Sizes.AsSpan().SequenceEqual(shape)) return grad;
        int lead = grad.Dim - shape.Length;
        var dims = new List<int>();
        for (int i = 0; i < grad.Dim; i++)
            if (i < lead || (shape[i - lead] == 1 && grad.Sizes[i] != 1)) dims.Add(i);
        var summed = dims.Count == 0 ? grad : grad.Sum(dims.ToArray(), keepDim: true);
        return summed.Dim == shape.Length && summed.Sizes.AsSpan().SequenceEqual(shape) ? summed : summed.Reshape(shape);
    }
}
