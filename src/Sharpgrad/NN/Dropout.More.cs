namespace Sharpgrad.NN;

/// <summary>The shared shape of the dropout layers: a probability checked to lie in [0, 1]. PyTorch: torch.nn.modules.dropout._DropoutNd.</summary>
public abstract class DropoutNd : Module
{
    /// <summary>A dropout layer; <paramref name="p"/> must be in [0, 1].</summary>
    protected DropoutNd(double p)
    {
        Functional.CheckDropout(p);
        P = p;
    }

    /// <summary>Probability of dropping an element (or a channel).</summary>
    public double P { get; }

    /// <inheritdoc/>
    protected override string ExtraRepr => $"p={PyFloat(P)}, inplace=False";
}

/// <summary>Zeroes whole channels of [N, C, L] or [C, L] input with probability p in training mode, scaling the rest by 1/(1-p). PyTorch: torch.nn.Dropout1d.</summary>
public sealed class Dropout1d(double p = 0.5) : DropoutNd(p)
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.Dropout1d(input, P, Training);
}

/// <summary>Zeroes whole channels of [N, C, D, H, W] input with probability p in training mode, scaling the rest by 1/(1-p). PyTorch: torch.nn.Dropout3d.</summary>
public sealed class Dropout3d(double p = 0.5) : DropoutNd(p)
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.Dropout3d(input, P, Training);
}

/// <summary>Alpha dropout in training mode (keeps SELU's self-normalization), identity in eval. PyTorch: torch.nn.AlphaDropout.</summary>
public sealed class AlphaDropout(double p = 0.5) : DropoutNd(p)
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.AlphaDropout(input, P, Training);
}

/// <summary>Alpha dropout of whole channels in training mode, identity in eval. PyTorch: torch.nn.FeatureAlphaDropout.</summary>
public sealed class FeatureAlphaDropout(double p = 0.5) : DropoutNd(p)
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.FeatureAlphaDropout(input, P, Training);
}
