using Sharpgrad.Ops;

namespace Sharpgrad;

public sealed partial class Tensor
{
    /// <summary>The inverse of each square matrix (LinalgInvExBackward0). PyTorch: tensor.inverse.</summary>
    public Tensor Inverse() => LuOps.Inv(this);

    /// <summary>The determinant of each square matrix (LinalgDetBackward0). PyTorch: tensor.det.</summary>
    public Tensor Det() => LuOps.Det(this);

    /// <summary>The sign and log|det| of each square matrix (LinalgSlogdetBackward0). PyTorch: tensor.slogdet.</summary>
    public (Tensor Sign, Tensor LogAbsDet) Slogdet() => LuOps.Slogdet(this);
}
