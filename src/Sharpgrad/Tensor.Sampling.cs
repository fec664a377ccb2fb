using Sharpgrad.Ops;

namespace Sharpgrad;

public sealed partial class Tensor
{
    /// <summary>
    /// 0/1 draws, each 1 with the probability this tensor holds there (in [0, 1]); same shape and dtype, a zero
    /// gradient (BernoulliBackward0). PyTorch: torch.bernoulli(input).
    /// </summary>
    public Tensor Bernoulli() => SamplingOps.Bernoulli(this);

    /// <summary>0/1 draws of probability <paramref name="p"/> in this tensor's shape and dtype. PyTorch: torch.bernoulli(input, p).</summary>
    public Tensor Bernoulli(double p) => SamplingOps.Bernoulli(this, p);

    /// <summary>torch.bernoulli as a static function: see <see cref="Bernoulli()"/>.</summary>
    public static Tensor Bernoulli(Tensor input) => SamplingOps.Bernoulli(input);

    /// <summary>Refills with 0/1 draws of probability <paramref name="p"/>, any dtype (BernoulliBackward2). PyTorch: bernoulli_.</summary>
    public Tensor Bernoulli_(double p = 0.5) => SamplingOps.Bernoulli_(this, p);

    /// <summary>Refills with 0/1 draws whose probabilities <paramref name="p"/> gives (broadcast) (BernoulliBackward1). PyTorch: bernoulli_.</summary>
    public Tensor Bernoulli_(Tensor p) => SamplingOps.Bernoulli_(this, p);

    /// <summary>
    /// <paramref name="numSamples"/> category indices (Int64) per row of this 1-D or 2-D tensor of non-negative weights
    /// (they need not sum to 1); distinct within a row unless <paramref name="replacement"/>. PyTorch: torch.multinomial.
    /// </summary>
    public Tensor Multinomial(int numSamples, bool replacement = false) => SamplingOps.Multinomial(this, numSamples, replacement);

    /// <summary>torch.multinomial as a static function: see <see cref="Multinomial(int, bool)"/>.</summary>
    public static Tensor Multinomial(Tensor input, int numSamples, bool replacement = false) => SamplingOps.Multinomial(input, numSamples, replacement);
}
