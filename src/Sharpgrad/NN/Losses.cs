namespace Sharpgrad.NN;

/// <summary>A loss module: <see cref="Forward(Tensor, Tensor)"/> compares an input with a target.</summary>
public abstract class Loss(Reduction reduction) : Module
{
    /// <summary>How per-element losses are combined.</summary>
    public Reduction Reduction { get; } = reduction;

    /// <summary>The loss of <paramref name="input"/> against <paramref name="target"/>.</summary>
    public abstract Tensor Forward(Tensor input, Tensor target);

    /// <summary>Losses need a target: use <see cref="Forward(Tensor, Tensor)"/>.</summary>
    public sealed override Tensor Forward(Tensor input) =>
        throw new NotSupportedException($"{GetType().Name} takes (input, target); call Forward(input, target).");

    /// <inheritdoc/>
    protected override string ExtraRepr => "";
}

/// <summary>Mean squared error. PyTorch: torch.nn.MSELoss.</summary>
public sealed class MSELoss(Reduction reduction = Reduction.Mean) : Loss(reduction)
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input, Tensor target) => Functional.MseLoss(input, target, Reduction);
}

/// <summary>Mean absolute error. PyTorch: torch.nn.L1Loss.</summary>
public sealed class L1Loss(Reduction reduction = Reduction.Mean) : Loss(reduction)
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input, Tensor target) => Functional.L1Loss(input, target, Reduction);
}

/// <summary>Cross entropy of logits against class indices. PyTorch: torch.nn.CrossEntropyLoss.</summary>
public sealed class CrossEntropyLoss : Loss
{
    /// <summary>A cross-entropy loss; <paramref name="weight"/> (one value per class) is kept as the buffer "weight".</summary>
    public CrossEntropyLoss(Reduction reduction = Reduction.Mean, long ignoreIndex = -100, double labelSmoothing = 0, Tensor? weight = null)
        : base(reduction)
    {
        IgnoreIndex = ignoreIndex;
        LabelSmoothing = labelSmoothing;
        if (weight is not null) Weight = RegisterBuffer("weight", weight);
    }

    /// <summary>Target value that contributes nothing.</summary>
    public long IgnoreIndex { get; }

    /// <summary>Weight of the uniform distribution mixed into the target.</summary>
    public double LabelSmoothing { get; }

    /// <summary>Per-class rescaling weights, or null.</summary>
    public Tensor? Weight { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input, Tensor target) =>
        Functional.CrossEntropy(input, target, Reduction, IgnoreIndex, LabelSmoothing, Weight);
}

/// <summary>Negative log-likelihood of class indices under log-probabilities. PyTorch: torch.nn.NLLLoss.</summary>
public sealed class NLLLoss : Loss
{
    /// <summary>An NLL loss; <paramref name="weight"/> (one value per class) is kept as the buffer "weight".</summary>
    public NLLLoss(Reduction reduction = Reduction.Mean, long ignoreIndex = -100, Tensor? weight = null)
        : base(reduction)
    {
        IgnoreIndex = ignoreIndex;
        if (weight is not null) Weight = RegisterBuffer("weight", weight);
    }

    /// <summary>Target value that contributes nothing.</summary>
    public long IgnoreIndex { get; }

    /// <summary>Per-class rescaling weights, or null.</summary>
    public Tensor? Weight { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input, Tensor target) => Functional.NllLoss(input, target, Reduction, IgnoreIndex, Weight);
}

/// <summary>Binary cross entropy of probabilities. PyTorch: torch.nn.BCELoss.</summary>
public sealed class BCELoss : Loss
{
    /// <summary>A BCE loss; <paramref name="weight"/> (broadcastable to the input) is kept as the buffer "weight".</summary>
    public BCELoss(Reduction reduction = Reduction.Mean, Tensor? weight = null) : base(reduction)
    {
        if (weight is not null) Weight = RegisterBuffer("weight", weight);
    }

    /// <summary>Per-element rescaling weights, or null.</summary>
    public Tensor? Weight { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input, Tensor target) => Functional.BinaryCrossEntropy(input, target, Reduction, Weight);
}

/// <summary>Binary cross entropy of logits. PyTorch: torch.nn.BCEWithLogitsLoss.</summary>
public sealed class BCEWithLogitsLoss : Loss
{
    /// <summary>
    /// A BCE-with-logits loss; <paramref name="weight"/> and <paramref name="posWeight"/> (one value per class,
    /// broadcast along the last dimension) are kept as the buffers "weight" and "pos_weight".
    /// </summary>
    public BCEWithLogitsLoss(Reduction reduction = Reduction.Mean, Tensor? weight = null, Tensor? posWeight = null) : base(reduction)
    {
        if (weight is not null) Weight = RegisterBuffer("weight", weight);
        if (posWeight is not null) PosWeight = RegisterBuffer("pos_weight", posWeight);
    }

    /// <summary>Per-element rescaling weights, or null.</summary>
    public Tensor? Weight { get; }

    /// <summary>Weights of the positive examples per class, or null.</summary>
    public Tensor? PosWeight { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input, Tensor target) =>
        Functional.BinaryCrossEntropyWithLogits(input, target, Reduction, Weight, PosWeight);
}

/// <summary>Smooth L1 (β-scaled Huber). PyTorch: torch.nn.SmoothL1Loss.</summary>
public sealed class SmoothL1Loss(Reduction reduction = Reduction.Mean, double beta = 1) : Loss(reduction)
{
    /// <summary>Where the loss switches from quadratic to linear.</summary>
    public double Beta { get; } = beta;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input, Tensor target) => Functional.SmoothL1Loss(input, target, Reduction, Beta);
}

/// <summary>Huber loss. PyTorch: torch.nn.HuberLoss.</summary>
public sealed class HuberLoss(Reduction reduction = Reduction.Mean, double delta = 1) : Loss(reduction)
{
    /// <summary>Where the loss switches from quadratic to linear.</summary>
    public double Delta { get; } = delta;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input, Tensor target) => Functional.HuberLoss(input, target, Reduction, Delta);
}
