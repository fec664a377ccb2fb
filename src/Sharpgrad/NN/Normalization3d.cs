namespace Sharpgrad.NN;

/// <summary>Batch norm over [N, C, D, H, W] input (per channel, over batch and volume). PyTorch: torch.nn.BatchNorm3d.</summary>
public class BatchNorm3d(int numFeatures, double eps = 1e-5, double? momentum = 0.1, bool affine = true, bool trackRunningStats = true, DType dtype = DType.Float32)
    : BatchNorm(numFeatures, eps, momentum, affine, trackRunningStats, dtype)
{
    /// <inheritdoc/>
    protected override void CheckInputDim(Tensor input)
    {
        if (input.Dim != 5) throw new ArgumentException($"expected 5D input (got {input.Dim}D input)");
    }
}

/// <summary>Instance norm over [N, C, D, H, W] or unbatched [C, D, H, W] input. PyTorch: torch.nn.InstanceNorm3d.</summary>
public class InstanceNorm3d(int numFeatures, double eps = 1e-5, double? momentum = 0.1, bool affine = false, bool trackRunningStats = false, DType dtype = DType.Float32)
    : InstanceNorm(numFeatures, eps, momentum, affine, trackRunningStats, dtype)
{
    /// <inheritdoc/>
    protected override int NoBatchDim => 4;

    /// <inheritdoc/>
    protected override void CheckInputDim(Tensor input)
    {
        if (input.Dim is not (4 or 5)) throw new ArgumentException($"expected 4D or 5D input (got {input.Dim}D input)");
    }
}
