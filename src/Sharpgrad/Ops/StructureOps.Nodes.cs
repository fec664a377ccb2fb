namespace Sharpgrad.Ops;

// derivatives.yaml formulas of StructureOps; each is built from recorded ops, so double backward works.

/// <summary>diagonal(offset, dim1, dim2): grad placed on that diagonal of zeros of the input's shape (diagonal_backward).</summary>
internal sealed class DiagonalBackward0(int[] inputSizes, int offset, int dim1, int dim2) : Node
{
    public override string Name => nameof(DiagonalBackward0);
    internal override Tensor?[] Apply(Tensor grad) => [StructureOps.ScatterOnDiagonal(grad, inputSizes, offset, dim1, dim2)];
}

/// <summary>diag_embed(offset, dim1, dim2): that diagonal of grad.</summary>
internal sealed class DiagEmbedDimsBackward0(int offset, int dim1, int dim2) : Node
{
    public override string Name => "DiagEmbedBackward0";
    internal override Tensor?[] Apply(Tensor grad) => [StructureOps.Diagonal(grad, offset, dim1, dim2)];
}
