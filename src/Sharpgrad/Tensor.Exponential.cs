using Sharpgrad.Ops;

namespace Sharpgrad;

public sealed partial class Tensor
{
    /// <summary>
    /// Refills with samples of the exponential distribution of rate <paramref name="lambd"/> (mean 1/λ), each positive
    /// and finite. PyTorch: exponential_.
    /// </summary>
    public Tensor Exponential_(double lambd = 1) => ExponentialOps.Exponential_(this, lambd);

    /// <summary>Refills with Cauchy samples: median + sigma·tan(π(u − ½)). PyTorch: cauchy_.</summary>
    public Tensor Cauchy_(double median = 0, double sigma = 1) => DistributionFillOps.Cauchy_(this, median, sigma);

    /// <summary>Refills with exp of normal samples of the given <paramref name="mean"/> and <paramref name="std"/>. PyTorch: log_normal_.</summary>
    public Tensor LogNormal_(double mean = 1, double std = 2) => DistributionFillOps.LogNormal_(this, mean, std);

    /// <summary>Refills with the number of Bernoulli(<paramref name="p"/>) trials up to the first success (1, 2, ...). PyTorch: geometric_.</summary>
    public Tensor Geometric_(double p) => DistributionFillOps.Geometric_(this, p);

    /// <summary>Refills with integers uniform over every integer the dtype holds exactly (floats: up to 2^mantissa). PyTorch: random_().</summary>
    public Tensor Random_() => DistributionFillOps.Random_(this, null, null);

    /// <summary>Refills with integers uniform in [0, <paramref name="to"/>). PyTorch: random_(to).</summary>
    public Tensor Random_(long to) => DistributionFillOps.Random_(this, null, to);

    /// <summary>Refills with integers uniform in [<paramref name="from"/>, <paramref name="to"/>). PyTorch: random_(from, to).</summary>
    public Tensor Random_(long from, long to) => DistributionFillOps.Random_(this, from, to);
}
