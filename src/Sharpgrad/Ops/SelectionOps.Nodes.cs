namespace Sharpgrad.Ops;

// derivatives.yaml formulas of SelectionOps; each is built from recorded ops, so double backward works.

/// <summary>roll(shifts, dims): grad rolled back (negated shifts, reversed order).</summary>
internal sealed class RollBackward0(long[] shifts, int[] dims) : Node
{
    public override string Name => nameof(RollBackward0);
    internal override Tensor?[] Apply(Tensor grad) =>
        [SelectionOps.Roll(grad, shifts.Reverse().Select(s => -s).ToArray(), dims.Reverse().ToArray())];
}

/// <summary>cumprod(dim): see <see cref="SelectionOps.CumprodGrad"/> (exact where the input has zeros).</summary>
internal sealed class CumprodBackward0(int dim, int ndim) : UnaryNode
{
    public override string Name => nameof(CumprodBackward0);
    internal override Tensor?[] Apply(Tensor grad) =>
        [ndim == 0 || grad.Numel == 0 ? grad : SelectionOps.CumprodGrad(SelfValue, ResultValue, grad, dim)];
}

/// <summary>diag of a vector (diag_embed): the k-th diagonal of grad.</summary>
internal sealed class DiagEmbedBackward0(int diagonal) : Node
{
    public override string Name => nameof(DiagEmbedBackward0);
    internal override Tensor?[] Apply(Tensor grad) => [grad.Diag(diagonal)];
}

/// <summary>diag of a matrix (diagonal_copy): grad placed on the k-th diagonal of zeros.</summary>
internal sealed class DiagonalCopyBackward0(int rows, int cols, int diagonal) : Node
{
    public override string Name => "DiagonalBackward0_copy";
    internal override Tensor?[] Apply(Tensor grad) => [SelectionOps.DiagonalScatter(grad, rows, cols, diagonal)];
}

/// <summary>trace: grad on the main diagonal of zeros.</summary>
internal sealed class TraceBackward0(int rows, int cols) : Node
{
    public override string Name => nameof(TraceBackward0);
    internal override Tensor?[] Apply(Tensor grad) =>
        [SelectionOps.DiagonalScatter(grad.Expand(Math.Min(rows, cols)), rows, cols, 0)];
}

/// <summary>masked_select(mask): grad scattered back to the selected positions of the broadcast shape, summed to the input's.</summary>
internal sealed class MaskedSelectBackward0(int[] broadcastSizes, int[] inputSizes, DType inputType) : IndexNode
{
    public override string Name => nameof(MaskedSelectBackward0);
    internal override Tensor?[] Apply(Tensor grad)
    {
        int n = broadcastSizes.Aggregate(1, (a, b) => a * b);
        var full = Tensor.Zeros([n], grad.DType).IndexAdd(0, Index!.Unpack(), grad).View(broadcastSizes);
        return [OpHelpers.GradFor(full, inputSizes, inputType)];
    }
}

/// <summary>median(): grad shared evenly by every element equal to the median (every NaN when it is NaN).</summary>
internal sealed class MedianBackward0 : EvenlyDistributedBackward
{
    public override string Name => nameof(MedianBackward0);
}

/// <summary>nanmedian(): as median(), the median now being that of the values that are not NaN.</summary>
internal sealed class NanmedianBackward0 : EvenlyDistributedBackward
{
    public override string Name => nameof(NanmedianBackward0);
}

/// <summary>evenly_distribute_backward: grad shared evenly by every element equal to the result (every NaN when it is NaN).</summary>
internal abstract class EvenlyDistributedBackward : UnaryNode
{
    internal override Tensor?[] Apply(Tensor grad)
    {
        var x = SelfValue;
        var value = ResultValue;
        var mask = double.IsNaN(value.To(DType.Float64).Item<double>()) ? x.Ne(x) : x.Eq(value);
        return [Tensor.Where(mask, grad / mask.Sum().To(grad.DType), Tensor.Zeros([], grad.DType))];
    }
}

/// <summary>A reduction that picks one element per slice (value_selecting_reduction_backward): grad scattered to the picked index.</summary>
internal abstract class ValueSelectingBackward(int dim, int[] inputSizes, bool keepDim) : IndexNode
{
    internal override Tensor?[] Apply(Tensor grad)
    {
        if (inputSizes.Length == 0) return [grad];
        var g = keepDim ? grad : grad.Unsqueeze(dim);
        return [Tensor.Zeros(inputSizes, grad.DType).ScatterAdd(dim, Index!.Unpack(), g)];
    }
}

/// <summary>median(dim): grad at the median's index, zero elsewhere.</summary>
internal sealed class MedianBackward1(int dim, int[] inputSizes, bool keepDim) : ValueSelectingBackward(dim, inputSizes, keepDim)
{
    public override string Name => nameof(MedianBackward1);
}

/// <summary>nanmedian(dim): grad at the index of the median of the values that are not NaN, zero elsewhere.</summary>
internal sealed class NanmedianBackward1(int dim, int[] inputSizes, bool keepDim) : ValueSelectingBackward(dim, inputSizes, keepDim)
{
    public override string Name => nameof(NanmedianBackward1);
}

/// <summary>kthvalue(k, dim): grad at the k-th value's index, zero elsewhere.</summary>
internal sealed class KthvalueBackward0(int dim, int[] inputSizes, bool keepDim) : ValueSelectingBackward(dim, inputSizes, keepDim)
{
    public override string Name => nameof(KthvalueBackward0);
}
