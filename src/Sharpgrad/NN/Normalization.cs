using Sharpgrad.Ops;

namespace Sharpgrad.NN;

/// <summary>Normalizes over the trailing dims, then scales and shifts. PyTorch: torch.nn.LayerNorm.</summary>
public sealed class LayerNorm : Module
{
    /// <summary>Normalizes over <paramref name="normalizedShape"/> with weight 1 and bias 0 when <paramref name="elementwiseAffine"/>.</summary>
    public LayerNorm(int[] normalizedShape, double eps = 1e-5, bool elementwiseAffine = true, DType dtype = DType.Float32)
    {
        ArgumentNullException.ThrowIfNull(normalizedShape);
        NormalizedShape = (int[])normalizedShape.Clone();
        Eps = eps;
        if (elementwiseAffine)
        {
            Weight = RegisterParameter("weight", Tensor.Ones(NormalizedShape, dtype));
            Bias = RegisterParameter("bias", Tensor.Zeros(NormalizedShape, dtype));
        }
    }

    /// <summary>A LayerNorm over one trailing dim of size <paramref name="normalizedShape"/>.</summary>
    public LayerNorm(int normalizedShape, double eps = 1e-5, bool elementwiseAffine = true, DType dtype = DType.Float32)
        : this([normalizedShape], eps, elementwiseAffine, dtype)
    {
    }

    /// <summary>The trailing dims normalized over.</summary>
    public int[] NormalizedShape { get; }

    /// <summary>Added to the variance for numerical stability.</summary>
    public double Eps { get; }

    /// <summary>Scale, or null without affine parameters.</summary>
    public Tensor? Weight { get; }

    /// <summary>Shift, or null without affine parameters.</summary>
    public Tensor? Bias { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => NormOps.LayerNorm(input, NormalizedShape, Weight, Bias, Eps);

    /// <inheritdoc/>
    protected override string ExtraRepr =>
        $"({string.Join(", ", NormalizedShape)}{(NormalizedShape.Length == 1 ? "," : "")}), eps={PyFloat(Eps)}, elementwise_affine={PyBool(Weight is not null)}";
}

/// <summary>
/// What batch and instance norms share: per-channel affine parameters (weight, bias) and, when tracking, running
/// statistics (running_mean, running_var, num_batches_tracked), with PyTorch's names and initial values.
/// PyTorch: torch.nn.modules.batchnorm._NormBase.
/// </summary>
public abstract class NormBase : Module
{
    /// <summary>Parameters and buffers for <paramref name="numFeatures"/> channels.</summary>
    private protected NormBase(int numFeatures, double eps, double? momentum, bool affine, bool trackRunningStats, DType dtype)
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

    /// <summary>Number of channels (C); a lazy norm's is 0 until its first input.</summary>
    public int NumFeatures { get; internal set; }

    /// <summary>Added to the variance for numerical stability.</summary>
    public double Eps { get; }

    /// <summary>
    /// Weight of the new statistics in the running average; null gives batch norm the cumulative moving average
    /// (weight 1/num_batches_tracked) and instance norm weight 0. Settable, as PyTorch's attribute. PyTorch: momentum.
    /// </summary>
    public double? Momentum { get; set; }

    /// <summary>Per-channel scale, or null.</summary>
    public Tensor? Weight { get; }

    /// <summary>Per-channel shift, or null.</summary>
    public Tensor? Bias { get; }

    /// <summary>Running mean buffer, or null when not tracking.</summary>
    public Tensor? RunningMean { get; }

    /// <summary>Running (unbiased) variance buffer, or null when not tracking.</summary>
    public Tensor? RunningVar { get; }

    /// <summary>Number of training batches seen (batch norm; instance norm keeps it at 0, as PyTorch), or null when not tracking.</summary>
    public Tensor? NumBatchesTracked { get; }

    /// <summary>Zeroes running_mean and num_batches_tracked and fills running_var with 1 (when tracking). PyTorch: reset_running_stats.</summary>
    public void ResetRunningStats()
    {
        if (RunningMean is null) return;
        using (Autograd.NoGrad())
        {
            RunningMean.Zero_();
            RunningVar!.Fill_(1);
            NumBatchesTracked!.Zero_();
        }
    }

    /// <summary>Resets the running statistics and sets weight to 1 and bias to 0 (when affine). PyTorch: reset_parameters.</summary>
    public void ResetParameters()
    {
        ResetRunningStats();
        if (Weight is null) return;
        using (Autograd.NoGrad())
        {
            Weight.Fill_(1);
            Bias!.Zero_();
        }
    }

    /// <summary>Throws when the input has the wrong number of dimensions for this module (PyTorch's _check_input_dim).</summary>
    protected abstract void CheckInputDim(Tensor input);

    /// <inheritdoc/>
    protected override string ExtraRepr =>
        $"{NumFeatures}, eps={PyFloat(Eps)}, momentum={(Momentum is { } m ? PyFloat(m) : "None")}, affine={PyBool(Weight is not null)}, track_running_stats={PyBool(RunningMean is not null)}";
}

/// <summary>
/// Normalizes each channel of [N, C, *] input with batch statistics in training (tracking running statistics
/// with momentum and the unbiased variance) and the running statistics in eval. PyTorch: torch.nn.modules.batchnorm._BatchNorm.
/// </summary>
public abstract class BatchNorm : NormBase
{
    /// <summary>A batch norm over <paramref name="numFeatures"/> channels.</summary>
    protected BatchNorm(int numFeatures, double eps, double? momentum, bool affine, bool trackRunningStats, DType dtype)
        : base(numFeatures, eps, momentum, affine, trackRunningStats, dtype)
    {
    }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        CheckInputDim(input);
        double factor = Momentum ?? 0.0;
        if (Training && NumBatchesTracked is not null)
        {
            using (Autograd.NoGrad()) NumBatchesTracked.Add_(1);
            if (Momentum is null) factor = 1.0 / NumBatchesTracked.Item<long>(); // the cumulative moving average
        }
        bool useBatchStats = Training || RunningMean is null;
        return NormOps.BatchNorm(input, RunningMean, RunningVar, Weight, Bias, useBatchStats, factor, Eps);
    }
}

/// <summary>Batch norm over [N, C] or [N, C, L] input. PyTorch: torch.nn.BatchNorm1d.</summary>
public class BatchNorm1d(int numFeatures, double eps = 1e-5, double? momentum = 0.1, bool affine = true, bool trackRunningStats = true, DType dtype = DType.Float32)
    : BatchNorm(numFeatures, eps, momentum, affine, trackRunningStats, dtype)
{
    /// <inheritdoc/>
    protected override void CheckInputDim(Tensor input)
    {
        if (input.Dim is not (2 or 3)) throw new ArgumentException($"expected 2D or 3D input (got {input.Dim}D input)");
    }
}

/// <summary>Batch norm over [N, C, H, W] input (per channel, over batch and plane). PyTorch: torch.nn.BatchNorm2d.</summary>
public class BatchNorm2d(int numFeatures, double eps = 1e-5, double? momentum = 0.1, bool affine = true, bool trackRunningStats = true, DType dtype = DType.Float32)
    : BatchNorm(numFeatures, eps, momentum, affine, trackRunningStats, dtype)
{
    /// <inheritdoc/>
    protected override void CheckInputDim(Tensor input)
    {
        if (input.Dim != 4) throw new ArgumentException($"expected 4D input (got {input.Dim}D input)");
    }
}
