using Sharpgrad.Ops;

namespace Sharpgrad;

public sealed partial class Tensor
{
    /// <summary>
    /// Refills with samples of the exponential distribution of rate <paramref name="lambd"/> (mean 1/λ), each positive
    /// and finite. PyTorch: exponential_.
    /// </summary>
    public Tensor Exponential_(double lambd = 1) => ExponentialOps.Exponential_(this, lambd);
}
