using Sharpgrad.Ops;

namespace Sharpgrad;

public sealed partial class Tensor
{
    /// <summary>
    /// In place, this = this + weight·(end - this) by PyTorch's fused kernel; end broadcasts into this and must have
    /// its dtype (LerpBackward0). PyTorch: Tensor.lerp_.
    /// </summary>
    public Tensor Lerp_(Tensor end, double weight) => PointwiseBinaryOps.Lerp_(this, end, weight);

    /// <summary>
    /// In place, this = this + weight·(end - this) with a per-element weight; end and weight broadcast into this and
    /// have its dtype (LerpBackward1). PyTorch: Tensor.lerp_.
    /// </summary>
    public Tensor Lerp_(Tensor end, Tensor weight) => PointwiseBinaryOps.Lerp_(this, end, weight);
}
