using Sharpgrad.Ops;

namespace Sharpgrad;

public sealed partial class Tensor
{
    /// <summary>The angle of the point (other, this) in (-π, π], element-wise and broadcast (Atan2Backward0). PyTorch: torch.atan2.</summary>
    public Tensor Atan2(Tensor other) => PointwiseBinaryOps.Atan2(this, other);

    /// <summary>this + weight·(end - this), broadcast; end must have this dtype (LerpBackward0). PyTorch: torch.lerp.</summary>
    public Tensor Lerp(Tensor end, double weight) => PointwiseBinaryOps.Lerp(this, end, weight);

    /// <summary>this + weight·(end - this) with a per-element weight, all three broadcast and of one dtype (LerpBackward1). PyTorch: torch.lerp.</summary>
    public Tensor Lerp(Tensor end, Tensor weight) => PointwiseBinaryOps.Lerp(this, end, weight);

    /// <summary>log(exp(this) + exp(other)) without overflow, broadcast (LogaddexpBackward0). PyTorch: torch.logaddexp.</summary>
    public Tensor LogAddExp(Tensor other) => PointwiseBinaryOps.LogAddExp(this, other);
}
