using Sharpgrad.Ops;

namespace Sharpgrad;

// torch's samplers with tensor parameters and a few of its older free functions.
public sealed partial class Tensor
{
    /// <summary>Normal draws with per-element mean and standard deviation, broadcast (NormalBackward3: zero gradients). PyTorch: torch.normal.</summary>
    public static Tensor Normal(Tensor mean, Tensor std) => DistributionOps.Normal(mean, 0, std, 0);
    /// <summary>Normal draws around each mean with one standard deviation (NormalBackward1). PyTorch: torch.normal(mean, std=1.0).</summary>
    public static Tensor Normal(Tensor mean, double std = 1) => DistributionOps.Normal(mean, 0, null, std);
    /// <summary>Normal draws with one mean and per-element standard deviations (NormalBackward2). PyTorch: torch.normal(mean, std).</summary>
    public static Tensor Normal(double mean, Tensor std) => DistributionOps.Normal(null, mean, std, 0);
    /// <summary>A tensor of <paramref name="size"/> drawn from N(mean, std²). PyTorch: torch.normal(mean, std, size).</summary>
    public static Tensor Normal(double mean, double std, int[] size, DType dtype = DType.Float32) => Empty(size, dtype).Normal_(mean, std);

    /// <summary>A Poisson draw for each rate (PoissonBackward0: a zero gradient). PyTorch: torch.poisson.</summary>
    public static Tensor Poisson(Tensor rates) => DistributionOps.Poisson(rates);
    /// <summary>Successes in <paramref name="count"/> trials of probability <paramref name="prob"/>, broadcast. PyTorch: torch.binomial.</summary>
    public static Tensor Binomial(Tensor count, Tensor prob) => DistributionOps.Binomial(count, prob);
    /// <summary>Uniform integers in [0, high) shaped like <paramref name="t"/>, in its dtype unless given. PyTorch: torch.randint_like.</summary>
    public static Tensor RandIntLike(Tensor t, long high, DType? dtype = null) => RandInt(0, high, t.Sizes, dtype ?? t.DType);
    /// <summary>Uniform integers in [low, high) shaped like <paramref name="t"/>. PyTorch: torch.randint_like(low, high).</summary>
    public static Tensor RandIntLike(Tensor t, long low, long high, DType? dtype = null) => RandInt(low, high, t.Sizes, dtype ?? t.DType);

    /// <summary>other − alpha·input (RsubBackward0). PyTorch: torch.rsub.</summary>
    public static Tensor Rsub(Tensor input, Tensor other, double alpha = 1) => BinaryOps.RSub(input, other, alpha);
    /// <summary>other − input for a number (RsubBackward1). PyTorch: torch.rsub(input, scalar).</summary>
    public static Tensor Rsub(Tensor input, double other) => BinaryOps.RSub(other, input);
    /// <summary>The product of a chain of matrices in the cheapest order (deprecated alias of linalg.multi_dot). PyTorch: torch.chain_matmul.</summary>
    public static Tensor ChainMatmul(params Tensor[] matrices) => Linalg.MultiDot(matrices);
    /// <summary>Alias of <see cref="Trapezoid(double, int)"/>. PyTorch: torch.trapz.</summary>
    public Tensor Trapz(double dx = 1, int dim = -1) => Trapezoid(dx, dim);
    /// <summary>Alias of <see cref="Trapezoid(Tensor, int)"/>. PyTorch: torch.trapz(y, x).</summary>
    public Tensor Trapz(Tensor x, int dim = -1) => Trapezoid(x, dim);

    /// <summary>The legacy type name, e.g. "torch.FloatTensor". PyTorch: tensor.type().</summary>
    public string Type() => DType.LegacyTensorTypeName();
    /// <summary>Converted to <paramref name="dtype"/>. PyTorch: tensor.type(dtype).</summary>
    public Tensor Type(DType dtype) => To(dtype);
}
