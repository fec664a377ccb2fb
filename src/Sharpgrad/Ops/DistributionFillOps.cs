using Sharpgrad.Kernels;
using Sharpgrad.Kernels.Cpu;
using Sharpgrad.Shapes;

namespace Sharpgrad.Ops;

/// <summary>
/// The in-place samplers that refill a tensor from a distribution (cauchy_, log_normal_, geometric_, random_): values from
/// Sharpgrad's generator, recorded as PyTorch records them (a node whose gradient is zero).
/// </summary>
internal static class DistributionFillOps
{
    public static Tensor Cauchy_(Tensor self, double median, double sigma)
    {
        self.ThrowIfDisposed();
        if (!self.DType.IsFloatingPoint())
            throw new ArgumentException($"Cauchy distribution is a continuous probability distribution. dtype must be a floating point but you specified {Errors.TypeMetaName(self.DType)}");
        if (!(sigma > 0)) throw new ArgumentException($"cauchy_ expects sigma > 0.0, but found sigma={ActivationOps.CppScalar(sigma)}");
        return Fill(self, "CauchyBackward0", samples =>
        {
            Generator.Default.FillUniform(samples, 0, 1);
            for (int i = 0; i < samples.Length; i++) samples[i] = median + sigma * Math.Tan(Math.PI * (samples[i] - 0.5));
        });
    }

    public static Tensor LogNormal_(Tensor self, double mean, double std)
    {
        self.ThrowIfDisposed();
        if (!self.DType.IsFloatingPoint()) throw Errors.UnsupportedDType("log_normal_cpu", self.DType);
        if (!(std > 0)) throw new ArgumentException($"log_normal_ expects std > 0.0, but found std={ActivationOps.CppScalar(std)}");
        return Fill(self, "LogNormalBackward0", samples =>
        {
            Generator.Default.FillNormal(samples, mean, std);
            for (int i = 0; i < samples.Length; i++) samples[i] = Math.Exp(samples[i]);
        });
    }

    public static Tensor Geometric_(Tensor self, double p)
    {
        self.ThrowIfDisposed();
        if (!(p > 0 && p < 1)) throw new ArgumentException($"geometric_ expects p to be in (0, 1), but got p={ActivationOps.CppScalar(p)}");
        return Fill(self, "GeometricBackward0", samples =>
        {
            // the number of trials up to the first success: ceil(log(u) / log(1 - p)) for u uniform in (0, 1)
            Generator.Default.FillUniform(samples, 0, 1);
            double logQ = Kernels.Operators.LibmMath.Log1p(-p);
            for (int i = 0; i < samples.Length; i++) samples[i] = Math.Max(1, Math.Ceiling(Math.Log(1 - samples[i]) / logQ));
        });
    }

    /// <summary>random_(from, to): integers uniform in [from, to); random_(to) from 0; random_() over the dtype's exact integers.</summary>
    public static Tensor Random_(Tensor self, long? from, long? to)
    {
        self.ThrowIfDisposed();
        long low = from ?? 0;
        long high = to ?? (from is null ? MaxExactInteger(self.DType) + 1 : throw new ArgumentException("random_ needs 'to' when 'from' is given"));
        if (low >= high) throw new ArgumentException($"random_ expects 'from' to be less than 'to', but got from={low} >= to={high}");
        string name = from is not null ? "RandomBackward0" : to is not null ? "RandomBackward1" : "RandomBackward2";
        return Fill(self, name, DType.Int64, new long[self.Numel], values => Generator.Default.FillIntegers(values, low, high));
    }

    /// <summary>The largest integer random_() draws for a dtype: every integer up to it is exact (2^24 for float, 2^53 for double).</summary>
    private static long MaxExactInteger(DType dtype) => dtype switch
    {
        DType.Float32 => 1L << 24,
        DType.Float64 => 1L << 53,
        DType.Int32 => int.MaxValue,
        DType.UInt8 => byte.MaxValue,
        DType.Int8 => sbyte.MaxValue,
        DType.Int16 => short.MaxValue,
        DType.Bool => 1,
        _ => long.MaxValue - 1,
    };

    /// <summary>Refills self with Float64 samples from <paramref name="draw"/>, recorded as <paramref name="nodeName"/>.</summary>
    internal static Tensor Fill(Tensor self, string nodeName, Action<double[]> draw) =>
        Fill(self, nodeName, DType.Float64, new double[self.Numel], draw);

    /// <summary>Checks the write, draws into <paramref name="values"/>, copies them into self and records the zero-gradient node.</summary>
    private static Tensor Fill<T>(Tensor self, string nodeName, DType dtype, T[] values, Action<T[]> draw)
    {
        bool record = InPlaceOps.Check(self);
        Node? node = record ? Record.Connect(new ConstantFillBackward(nodeName), self) : null;
        draw(values);
        Dispatch.Copy(new StridedArray(values, dtype, self.Sizes, Layout.ContiguousStrides(self.Sizes), 0), self.Strided);
        return InPlaceOps.Commit(self, node);
    }
}
