using Sharpgrad.Ops;

namespace Sharpgrad.NN;

/// <summary>
/// Normalizes each channel of every sample of [N, C, *] (or unbatched [C, *]) input over its positions; optionally
/// tracks running statistics (then used in eval) and learns per-channel scale and shift. PyTorch: torch.nn.modules.instancenorm._InstanceNorm.
/// </summary>
public abstract class InstanceNorm : Module
{
    /// <summary>An instance norm over <paramref name="numFeatures"/> channels; unlike BatchNorm, affine and tracking are off by default.</summary>
    protected InstanceNorm(int numFeatures, double eps, double momentum, bool affine, bool trackRunningStats, DType dtype)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(numFeatures);
        NumFeatures = numFeatures;
        Eps = eps;
        Momentum = momentum;
        if (affine)
        {
            Weight = RegisterParameter("weight", Tensor.Ones([numFeatures], dtype));
            Bias = RegisterParameter("bias", Tensor.Zeros([numFeatures], dtype));
        }
        if (trackRunningStats)
        {
            RunningMean = RegisterBuffer("running_mean", Tensor.Zeros([numFeatures], dtype));
            RunningVar = RegisterBuffer("running_var", Tensor.Ones([numFeatures], dtype));
            NumBatchesTracked = RegisterBuffer("num_batches_tracked", Tensor.Zeros([], DType.Int64));
        }
    }

    /// <summary>Number of channels (C).</summary>
    public int NumFeatures { get; }

    /// <summary>Added to the variance for numerical stability.</summary>
    public double Eps { get; }

    /// <summary>Weight of the new statistics in the running average.</summary>
    public double Momentum { get; }

    /// <summary>Per-channel scale, or null.</summary>
    public Tensor? Weight { get; }

    /// <summary>Per-channel shift, or null.</summary>
    public Tensor? Bias { get; }

    /// <summary>Running mean buffer, or null when not tracking.</summary>
    public Tensor? RunningMean { get; }

    /// <summary>Running (unbiased) variance buffer, or null when not tracking.</summary>
    public Tensor? RunningVar { get; }

    /// <summary>Kept for state-dict compatibility with PyTorch, which registers it but never counts (it stays 0).</summary>
    public Tensor? NumBatchesTracked { get; }

    /// <summary>Number of dims of an unbatched input ([C, *]).</summary>
    protected abstract int NoBatchDim { get; }

    /// <summary>Throws when the input has the wrong number of dimensions for this module (PyTorch's _check_input_dim).</summary>
    protected abstract void CheckInputDim(Tensor input);

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
        Functional.InstanceNorm(input, RunningMean, RunningVar, Weight, Bias, Training || RunningMean is null, Momentum, Eps);

    /// <inheritdoc/>
    protected override string ExtraRepr =>
        $"{NumFeatures}, eps={PyFloat(Eps)}, momentum={PyFloat(Momentum)}, affine={PyBool(Weight is not null)}, track_running_stats={PyBool(RunningMean is not null)}";
}

/// <summary>Instance norm over [N, C, L] or unbatched [C, L] input. PyTorch: torch.nn.InstanceNorm1d.</summary>
public sealed class InstanceNorm1d(int numFeatures, double eps = 1e-5, double momentum = 0.1, bool affine = false, bool trackRunningStats = false, DType dtype = DType.Float32)
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
public sealed class InstanceNorm2d(int numFeatures, double eps = 1e-5, double momentum = 0.1, bool affine = false, bool trackRunningStats = false, DType dtype = DType.Float32)
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
