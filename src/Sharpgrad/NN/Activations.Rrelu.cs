namespace Sharpgrad.NN;

/// <summary>
/// Randomized leaky ReLU: in training each non-positive element gets a slope drawn uniformly from [lower, upper], in
/// evaluation the slope (lower + upper) / 2. PyTorch: torch.nn.RReLU.
/// </summary>
public sealed class RReLU(double lower = 1.0 / 8, double upper = 1.0 / 3) : Module
{
    /// <summary>Lower bound of the random slope.</summary>
    public double Lower { get; } = lower;

    /// <summary>Upper bound of the random slope.</summary>
    public double Upper { get; } = upper;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.Rrelu(input, Lower, Upper, Training);

    /// <inheritdoc/>
    protected override string ExtraRepr => $"lower={PyFloat(Lower)}, upper={PyFloat(Upper)}";
}
