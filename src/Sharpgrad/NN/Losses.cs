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
public sealed class CrossEntropyLoss(Reduction reduction = Reduction.Mean, long ignoreIndex = -100, double labelSmoothing = 0) : Loss(reduction)
{
    /// <summary>Target value that contributes nothing.</summary>
    public long IgnoreIndex { get; } = ignoreIndex;

    /// <summary>Weight of the uniform distribution mixed into the target.</summary>
    public double LabelSmoothing { get; } = labelSmoothing;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input, Tensor target) =>
        Functional.CrossEntropy(input, target, Reduction, IgnoreIndex, LabelSmoothing);
}

/// <summary>Negative log-likelihood of class indices under log-probabilities. PyTorch: torch.nn.NLLLoss.</summary>
public sealed class NLLLoss(Reduction reduction = Reduction.Mean, long ignoreIndex = -100) : Loss(reduction)
{
    /// <summary>Target value that contributes nothing.</summary>
    public long IgnoreIndex { get; } = ignoreIndex;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input, Tensor target) => Functional.NllLoss(input, target, Reduction, IgnoreIndex);
}

/// <summary>Binary cross entropy of probabilities. PyTorch: torch.nn.BCELoss.</summary>
public sealed class BCELoss(Reduction reduction = Reduction.Mean) : Loss(reduction)
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input, Tensor target) => Functional.BinaryCrossEntropy(input, target, Reduction);
}

/// <summary>Binary cross entropy of logits. PyTorch: torch.nn.BCEWithLogitsLoss.</summary>
public sealed class BCEWithLogitsLoss(Reduction reduction = Reduction.Mean) : Loss(reduction)
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input, Tensor target) => Functional.BinaryCrossEntropyWithLogits(input, target, Reduction);
}
