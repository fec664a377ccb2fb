using Sharpgrad.Kernels;
using Sharpgrad.Kernels.Cpu;
using Sharpgrad.Shapes;

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
        bool record = InPlaceOps.Check(self);
        Node? node = record ? Record.Connect(new ConstantFillBackward("ExponentialBackward0"), self) : null;
        var samples = new double[self.Numel];
        Generator.Default.FillExponential(samples, lambd);
        Dispatch.Copy(new StridedArray(samples, DType.Float64, self.Sizes, Layout.ContiguousStrides(self.Sizes), 0), self.Strided);
        return InPlaceOps.Commit(self, node);
    }
}
