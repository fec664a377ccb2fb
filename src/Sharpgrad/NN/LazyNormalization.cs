namespace Sharpgrad.NN;

/// <summary>
/// What the lazy batch and instance norms share: their weight, bias, running_mean and running_var are placeholders
/// (num_batches_tracked exists from the start) until the first call takes num_features from the input's dim 1 (also for
/// an unbatched instance-norm input, as PyTorch 2.6 does) and resets them as the eager norm's constructor sets them.
/// PyTorch: torch.nn.modules.batchnorm._LazyNormBase.
/// </summary>
internal static class LazyNorm
{
    /// <summary>Turns the norm's empty per-channel tensors (built for 0 features) into placeholders.</summary>
    public static void MarkPlaceholders(NormBase norm)
    {
        foreach (var t in PerChannel(norm))
            if (t is not null) Module.MarkUninitialized(t);
    }

    /// <summary>On the norm's first call, sizes its placeholders from <paramref name="input"/>; returns the input. PyTorch: initialize_parameters.</summary>
    public static Tensor Infer(NormBase norm, Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (norm.LazyInferred) return input;
        if (norm.HasUninitializedTensors())
        {
            if (input.Dim < 2) throw new ArgumentOutOfRangeException(nameof(input), "tuple index out of range");
            int numFeatures = input.Shape[1];
            norm.NumFeatures = numFeatures;
            foreach (var t in PerChannel(norm))
                if (t is { IsUninitialized: true }) t.Materialize([numFeatures]);
            if (numFeatures != 0) norm.ResetParameters();
        }
        norm.LazyInferred = true;
        return input;
    }

    private static Tensor?[] PerChannel(NormBase norm) => [norm.Weight, norm.Bias, norm.RunningMean, norm.RunningVar];
}

/// <summary>
/// A BatchNorm1d whose num_features is taken from its first input; until then its parameters and running statistics are
/// placeholders. From its first call on it prints as BatchNorm1d, as PyTorch's turns into one. PyTorch: torch.nn.LazyBatchNorm1d.
/// </summary>
public sealed class LazyBatchNorm1d : BatchNorm1d
{
    /// <summary>A batch norm over channels not known yet; the arguments are BatchNorm1d's.</summary>
    public LazyBatchNorm1d(double eps = 1e-5, double? momentum = 0.1, bool affine = true, bool trackRunningStats = true, DType dtype = DType.Float32)
        : base(0, eps, momentum, affine, trackRunningStats, dtype) => LazyNorm.MarkPlaceholders(this);

    /// <summary>Whether a parameter or running statistic still waits for its size. PyTorch: has_uninitialized_params().</summary>
    public bool HasUninitializedParams => HasUninitializedTensors();

    internal override string ReprName => LazyInferred ? nameof(BatchNorm1d) : nameof(LazyBatchNorm1d);

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => base.Forward(LazyNorm.Infer(this, input));
}

/// <summary>
/// A BatchNorm2d whose num_features is taken from its first input; until then its parameters and running statistics are
/// placeholders. From its first call on it prints as BatchNorm2d, as PyTorch's turns into one. PyTorch: torch.nn.LazyBatchNorm2d.
/// </summary>
public sealed class LazyBatchNorm2d : BatchNorm2d
{
    /// <summary>A batch norm over channels not known yet; the arguments are BatchNorm2d's.</summary>
    public LazyBatchNorm2d(double eps = 1e-5, double? momentum = 0.1, bool affine = true, bool trackRunningStats = true, DType dtype = DType.Float32)
        : base(0, eps, momentum, affine, trackRunningStats, dtype) => LazyNorm.MarkPlaceholders(this);

    /// <summary>Whether a parameter or running statistic still waits for its size. PyTorch: has_uninitialized_params().</summary>
    public bool HasUninitializedParams => HasUninitializedTensors();

    internal override string ReprName => LazyInferred ? nameof(BatchNorm2d) : nameof(LazyBatchNorm2d);

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => base.Forward(LazyNorm.Infer(this, input));
}

/// <summary>
/// A BatchNorm3d whose num_features is taken from its first input; until then its parameters and running statistics are
/// placeholders. From its first call on it prints as BatchNorm3d, as PyTorch's turns into one. PyTorch: torch.nn.LazyBatchNorm3d.
/// </summary>
public sealed class LazyBatchNorm3d : BatchNorm3d
{
    /// <summary>A batch norm over channels not known yet; the arguments are BatchNorm3d's.</summary>
    public LazyBatchNorm3d(double eps = 1e-5, double? momentum = 0.1, bool affine = true, bool trackRunningStats = true, DType dtype = DType.Float32)
        : base(0, eps, momentum, affine, trackRunningStats, dtype) => LazyNorm.MarkPlaceholders(this);

    /// <summary>Whether a parameter or running statistic still waits for its size. PyTorch: has_uninitialized_params().</summary>
    public bool HasUninitializedParams => HasUninitializedTensors();

    internal override string ReprName => LazyInferred ? nameof(BatchNorm3d) : nameof(LazyBatchNorm3d);

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => base.Forward(LazyNorm.Infer(this, input));
}

/// <summary>
/// A InstanceNorm1d whose num_features is taken from its first input; until then its parameters and running statistics are
/// placeholders. From its first call on it prints as InstanceNorm1d, as PyTorch's turns into one. PyTorch: torch.nn.LazyInstanceNorm1d.
/// </summary>
public sealed class LazyInstanceNorm1d : InstanceNorm1d
{
    /// <summary>A instance norm over channels not known yet; the arguments are InstanceNorm1d's.</summary>
    public LazyInstanceNorm1d(double eps = 1e-5, double? momentum = 0.1, bool affine = true, bool trackRunningStats = true, DType dtype = DType.Float32)
        : base(0, eps, momentum, affine, trackRunningStats, dtype) => LazyNorm.MarkPlaceholders(this);

    /// <summary>Whether a parameter or running statistic still waits for its size. PyTorch: has_uninitialized_params().</summary>
    public bool HasUninitializedParams => HasUninitializedTensors();

    internal override string ReprName => LazyInferred ? nameof(InstanceNorm1d) : nameof(LazyInstanceNorm1d);

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => base.Forward(LazyNorm.Infer(this, input));
}

/// <summary>
/// A InstanceNorm2d whose num_features is taken from its first input; until then its parameters and running statistics are
/// placeholders. From its first call on it prints as InstanceNorm2d, as PyTorch's turns into one. PyTorch: torch.nn.LazyInstanceNorm2d.
/// </summary>
public sealed class LazyInstanceNorm2d : InstanceNorm2d
{
    /// <summary>A instance norm over channels not known yet; the arguments are InstanceNorm2d's.</summary>
    public LazyInstanceNorm2d(double eps = 1e-5, double? momentum = 0.1, bool affine = true, bool trackRunningStats = true, DType dtype = DType.Float32)
        : base(0, eps, momentum, affine, trackRunningStats, dtype) => LazyNorm.MarkPlaceholders(this);

    /// <summary>Whether a parameter or running statistic still waits for its size. PyTorch: has_uninitialized_params().</summary>
    public bool HasUninitializedParams => HasUninitializedTensors();

    internal override string ReprName => LazyInferred ? nameof(InstanceNorm2d) : nameof(LazyInstanceNorm2d);

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => base.Forward(LazyNorm.Infer(this, input));
}

/// <summary>
/// A InstanceNorm3d whose num_features is taken from its first input; until then its parameters and running statistics are
/// placeholders. From its first call on it prints as InstanceNorm3d, as PyTorch's turns into one. PyTorch: torch.nn.LazyInstanceNorm3d.
/// </summary>
public sealed class LazyInstanceNorm3d : InstanceNorm3d
{
    /// <summary>A instance norm over channels not known yet; the arguments are InstanceNorm3d's.</summary>
    public LazyInstanceNorm3d(double eps = 1e-5, double? momentum = 0.1, bool affine = true, bool trackRunningStats = true, DType dtype = DType.Float32)
        : base(0, eps, momentum, affine, trackRunningStats, dtype) => LazyNorm.MarkPlaceholders(this);

    /// <summary>Whether a parameter or running statistic still waits for its size. PyTorch: has_uninitialized_params().</summary>
    public bool HasUninitializedParams => HasUninitializedTensors();

    internal override string ReprName => LazyInferred ? nameof(InstanceNorm3d) : nameof(LazyInstanceNorm3d);

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => base.Forward(LazyNorm.Infer(this, input));
}
