using Sharpgrad.Ops;

namespace Sharpgrad;

public sealed partial class Tensor
{
    /// <summary>beta·input + alpha·(batch1 @ batch2) for [b, n, m] @ [b, m, p], input broadcast to [b, n, p] (BaddbmmBackward0). PyTorch: torch.baddbmm.</summary>
    public static Tensor Baddbmm(Tensor input, Tensor batch1, Tensor batch2, double beta = 1, double alpha = 1) =>
        LinalgExtraOps.Baddbmm(input, batch1, batch2, beta, alpha);

    /// <summary>beta·this + alpha·(batch1 @ batch2), batched (BaddbmmBackward0). PyTorch: tensor.baddbmm.</summary>
    public Tensor Baddbmm(Tensor batch1, Tensor batch2, double beta = 1, double alpha = 1) =>
        LinalgExtraOps.Baddbmm(this, batch1, batch2, beta, alpha);
}
