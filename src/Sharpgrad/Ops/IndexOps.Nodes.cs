namespace Sharpgrad.Ops;

/// <summary>A node that keeps an Int64 index tensor.</summary>
internal abstract class IndexNode : Node
{
    internal SavedTensor? Index;
    internal override IEnumerable<SavedTensor> Saved => Index is null ? [] : [Index];
}

/// <summary>index_select(dim, index): zeros with grad's slices added at index (index_add).</summary>
internal sealed class IndexSelectBackward0(int[] inputSizes, int dim) : IndexNode
{
    public override string Name => nameof(IndexSelectBackward0);
    internal override Tensor?[] Apply(Tensor grad) => [Tensor.Zeros(inputSizes, grad.DType).IndexAdd(dim, Index!.Unpack(), grad)];
}

/// <summary>gather(dim, index): zeros with grad scattered-added at index.</summary>
internal sealed class GatherBackward0(int[] inputSizes, int dim) : IndexNode
{
    public override string Name => nameof(GatherBackward0);
    internal override Tensor?[] Apply(Tensor grad) => [Tensor.Zeros(inputSizes, grad.DType).ScatterAdd(dim, Index!.Unpack(), grad)];
}

/// <summary>scatter_add(self, dim, index, src): self: grad; src: grad.gather(dim, index).</summary>
internal sealed class ScatterAddBackward0(int dim) : IndexNode
{
    public override string Name => nameof(ScatterAddBackward0);
    internal override Tensor?[] Apply(Tensor grad) =>
        [NeedsInputGrad(0) ? grad : null, NeedsInputGrad(1) ? grad.Gather(dim, Index!.Unpack()) : null];
}

/// <summary>index_add(self, dim, index, src): self: grad; src: grad.index_select(dim, index).</summary>
internal sealed class IndexAddBackward0(int dim) : IndexNode
{
    public override string Name => nameof(IndexAddBackward0);
    internal override Tensor?[] Apply(Tensor grad) =>
        [NeedsInputGrad(0) ? grad : null, NeedsInputGrad(1) ? grad.IndexSelect(dim, Index!.Unpack()) : null];
}

/// <summary>masked_fill(mask, value): grad with zeros where mask.</summary>
internal sealed class MaskedFillBackward0 : Node
{
    internal SavedTensor? Mask;
    public override string Name => nameof(MaskedFillBackward0);
    internal override IEnumerable<SavedTensor> Saved => Mask is null ? [] : [Mask];
    internal override Tensor?[] Apply(Tensor grad) => [grad.MaskedFill(Mask!.Unpack(), 0)];
}

/// <summary>embedding(weight, indices): grad rows added into zeros at each index.</summary>
internal sealed class EmbeddingBackward0(int[] weightSizes, long? paddingIdx) : IndexNode
{
    public override string Name => nameof(EmbeddingBackward0);
    internal override Tensor?[] Apply(Tensor grad)
    {
        var idx = Index!.Unpack().Reshape(-1);
        var rows = grad.Reshape(-1, weightSizes[1]);
        // The padding row takes no gradient: it stays what it was (zeros, unless the user changed it).
        if (paddingIdx is { } pad) rows = rows * idx.Ne(pad).Unsqueeze(1).To(grad.DType);
        return [Tensor.Zeros(weightSizes, grad.DType).IndexAdd(0, idx, rows)];
    }
}
