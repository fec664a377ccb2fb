using Sharpgrad.Ops;

namespace Sharpgrad.NN;

/// <summary>
/// Normalizes each channel of every sample of [N, C, *] (or unbatched [C, *]) input over its positions; optionally
/// tracks running statistics (then used in eval) and learns per-channel scale and shift. PyTorch: torch.nn.modules.instancenorm._InstanceNorm.
/// </summary>
public abstract class InstanceNorm : NormBase
{
    /// <summary>An instance norm over <paramref name="numFeatures"/> channels; unlike BatchNorm, affine and tracking are off by default.</summary>
    protected InstanceNorm(int numFeatures, double eps, double? momentum, bool affine, bool trackRunningStats, DType dtype)
        : base(numFeatures, eps, momentum, affine, trackRunningStats, dtype)
    {
    }

    /// <summary>Number of dims of an unbatched input ([C, *]).</summary>
    protected abstract int NoBatchDim { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        CheckInputDim(input);
        int featureDim = input.Dim - NoBatchDim;
        // Without affine parameters PyTorch only warns about a channel count other than num_features.
        if (input.Shape[featureDim] != NumFeatures && Weight is not null)
            throw new ArgumentException($"expected input's size at dim={featureDim} to match num_features ({NumFeatures}), but got: {input.Shape[featureDim]}.");
        if (input.Dim == NoBatchDim) return Apply(input.Unsqueeze(0)).Squeeze(0);
        return Apply(input);
    }

    private Tensor Apply(Tensor input) =>
        Functional.InstanceNorm(input, RunningMean, RunningVar, Weight, Bias, Training || RunningMean is null, Momentum ?? 0.0, Eps);
}

/// <summary>Instance norm over [N, C, L] or unbatched [C, L] input. PyTorch: torch.nn.InstanceNorm1d.</summary>
public class InstanceNorm1d(int numFeatures, double eps = 1e-5, double? momentum = 0.1, bool affine = false, bool trackRunningStats = false, DType dtype = DType.Float32)
    : InstanceNorm(numFeatures, eps, momentum, affine, trackRunningStats, dtype)
{
    /// <inheritdoc/>
    protected override int NoBatchDim => 2;

    /// <inheritdoc/>
    protected override void CheckInputDim(Tensor input)
    {
        if (input.Dim is not (2 or 3)) throw new ArgumentException($"expected 2D or 3D input (got {input.Dim}D input)");
    }
}

/// <summary>Instance norm over [N, C, H, W] or unbatched [C, H, W] input. PyTorch: torch.nn.InstanceNorm2d.</summary>
public class InstanceNorm2d(int numFeatures, double eps = 1e-5, double? momentum = 0.1, bool affine = false, bool trackRunningStats = false, DType dtype = DType.Float32)
    : InstanceNorm(numFeatures, eps, momentum, affine, trackRunningStats, dtype)
{
    /// <inheritdoc/>
    protected override int NoBatchDim => 3;

    /// <inheritdoc/>
    protected override void CheckInputDim(Tensor input)
    {
        if (input.Dim is not (3 or 4)) throw new ArgumentException($"expected 3D or 4D input (got {input.Dim}D input)");
    }
}
