using Sharpgrad.Ops;

namespace Sharpgrad;

public sealed partial class Tensor
{
    /// <summary>Dim <paramref name="dim"/> viewed as <paramref name="sizes"/> (one may be -1, inferred). PyTorch: Tensor.unflatten.</summary>
    public Tensor Unflatten(int dim, params int[] sizes) => ShuffleOps.Unflatten(this, dim, sizes);
}
