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
/// Normalizes each channel of [N, C] or [N, C, L] input with batch statistics in training (tracking running
/// statistics with momentum 0.1 and the unbiased variance) and the running statistics in eval. PyTorch: torch.nn.BatchNorm1d.
/// </summary>
public sealed class BatchNorm1d : Module
{
    /// <summary>A batch norm over <paramref name="numFeatures"/> channels.</summary>
    public BatchNorm1d(int numFeatures, double eps = 1e-5, double momentum = 0.1, bool affine = true, bool trackRunningStats = true, DType dtype = DType.Float32)
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

    /// <summary>Weight of the new batch statistic in the running average.</summary>
    public double Momentum { get; }

    /// <summary>Per-channel scale, or null.</summary>
    public Tensor? Weight { get; }

    /// <summary>Per-channel shift, or null.</summary>
    public Tensor? Bias { get; }

    /// <summary>Running mean buffer, or null when not tracking.</summary>
    public Tensor? RunningMean { get; }

    /// <summary>Running (unbiased) variance buffer, or null when not tracking.</summary>
    public Tensor? RunningVar { get; }

    /// <summary>Number of training batches seen, or null when not tracking.</summary>
    public Tensor? NumBatchesTracked { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input)
    {
        bool useBatchStats = Training || RunningMean is null;
        var y = NormOps.BatchNorm(input, RunningMean, RunningVar, Weight, Bias, useBatchStats, Momentum, Eps);
        if (Training && NumBatchesTracked is not null)
            using (Autograd.NoGrad()) NumBatchesTracked.Add_(1);
        return y;
    }

    /// <inheritdoc/>
    protected override string ExtraRepr =>
        $"{NumFeatures}, eps={PyFloat(Eps)}, momentum={PyFloat(Momentum)}, affine={PyBool(Weight is not null)}, track_running_stats={PyBool(RunningMean is not null)}";
}
