using Sharpgrad.Kernels.Cpu;

namespace Sharpgrad.Ops;

/// <summary>exponential_: refills a tensor with exponential samples; recorded like fill_ (ExponentialBackward0).</summary>
internal static class ExponentialOps
{
    /// <summary>Samples of rate <paramref name="lambd"/> (mean 1/λ), all positive and finite, written through views.</summary>
    public static Tensor Exponential_(Tensor self, double lambd)
    {
        self.ThrowIfDisposed();
        if (!self.DType.IsFloatingPoint())
            throw new ArgumentException($"Exponential distribution is a continuous probability distribution. dtype must be a floating point but you specified {Errors.Pretty(self.DType)}");
        if (!(lambd > 0)) throw new ArgumentException($"exponential_ expects lambda > 0.0, but found lambda={ActivationOps.CppScalar(lambd)}");
        return DistributionFillOps.Fill(self, "ExponentialBackward0", samples => Generator.Default.FillExponential(samples, lambd));
    }
}
