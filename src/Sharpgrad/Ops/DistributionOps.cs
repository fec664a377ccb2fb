using Sharpgrad.Kernels.Cpu;
using Sharpgrad.Shapes;

namespace Sharpgrad.Ops;

/// <summary>
/// torch.normal with tensor parameters, torch.poisson and torch.binomial, drawn from Sharpgrad's default generator with
/// PyTorch's checks and recorded nodes (the draws themselves differ from PyTorch's generator).
/// </summary>
internal static class DistributionOps
{
    /// <summary>normal(mean, std), either possibly a number: mean + std·N(0, 1), broadcast (NormalBackward1/2/3: zero gradients).</summary>
    public static Tensor Normal(Tensor? mean, double meanValue, Tensor? std, double stdValue)
    {
        mean?.ThrowIfDisposed();
        std?.ThrowIfDisposed();
        if (std is null && !(stdValue >= 0)) throw new ArgumentException($"normal expects std >= 0.0, but found std {NN.Module.PyFloat(stdValue)}");
        using (Autograd.NoGrad())
            if (std is not null && std.Lt(0.0).Any().Item<bool>()) throw new ArgumentException("normal expects all elements of std >= 0.0");
        var shape = mean is not null && std is not null ? Layout.Broadcast(mean.Sizes, std.Sizes) : (mean ?? std)!.Sizes;
        var dtype = (mean ?? std)!.DType;
        if (!dtype.IsFloatingPoint()) throw Errors.UnsupportedDType("normal_kernel_cpu", dtype);
        var z = new double[Layout.NumElements(shape)];
        Generator.Default.FillNormal(z, 0, 1);
        Tensor y;
        using (Autograd.NoGrad())
        using (Tensor.NewScope())
        {
            var noise = Tensor.FromArray(z, shape.ToArray()).To(dtype);
            var scaled = std is null ? noise * stdValue : noise * std;
            y = (mean is null ? scaled + meanValue : scaled + mean).To(dtype).Contiguous().MoveToOuterScope();
        }
        string name = mean is not null && std is not null ? "NormalBackward3" : mean is not null ? "NormalBackward1" : "NormalBackward2";
        Tensor[] inputs = [.. new[] { mean, std }.OfType<Tensor>()];
        if (Record.ShouldRecord(inputs))
            Record.SetHistory(y, Record.Connect(new ZeroGradients(name, inputs), inputs));
        return y;
    }

    /// <summary>poisson(rates): a Poisson draw per rate (PoissonBackward0: a zero gradient).</summary>
    public static Tensor Poisson(Tensor rates)
    {
        rates.ThrowIfDisposed();
        if (!rates.DType.IsFloatingPoint()) throw Errors.UnsupportedDType("poisson_cpu", rates.DType);
        double[] lambdas;
        using (Autograd.NoGrad()) lambdas = rates.Contiguous().ToArray<double>();
        if (lambdas.Any(l => !(l >= 0))) throw new ArgumentException("invalid Poisson rate, expected rate to be non-negative");
        var draws = Array.ConvertAll(lambdas, PoissonDraw);
        var y = Tensor.FromArray(draws, rates.Sizes.ToArray()).To(rates.DType);
        if (Record.ShouldRecord(rates)) Record.SetHistory(y, Record.Connect(new ZeroGradients("PoissonBackward0", [rates]), rates));
        return y;
    }

    /// <summary>binomial(count, prob): successes in count trials of probability prob, broadcast; PyTorch has no derivative for it.</summary>
    public static Tensor Binomial(Tensor count, Tensor prob)
    {
        count.ThrowIfDisposed();
        prob.ThrowIfDisposed();
        if (!count.DType.IsFloatingPoint()) throw Errors.UnsupportedDType("binomial_cpu", count.DType);
        var shape = Layout.Broadcast(count.Sizes, prob.Sizes);
        double[] n, p;
        using (Autograd.NoGrad())
        {
            n = count.Expand(shape).Contiguous().ToArray<double>();
            p = prob.Expand(shape).Contiguous().ToArray<double>();
        }
        var draws = new double[n.Length];
        for (int i = 0; i < draws.Length; i++) draws[i] = BinomialDraw(n[i], Math.Clamp(p[i], 0, 1));
        var y = Tensor.FromArray(draws, shape.ToArray()).To(count.DType);
        if (Record.ShouldRecord(count, prob)) Record.SetHistory(y, Record.Connect(new NotImplementedBackward("aten::binomial"), count, prob));
        return y;
    }

    /// <summary>Knuth's product of uniforms below rate 10; above it, Hörmann's PTRS transformed rejection (as numpy and PyTorch).</summary>
    private static double PoissonDraw(double lambda)
    {
        var g = Generator.Default;
        if (lambda == 0) return 0;
        if (lambda < 10)
        {
            double limit = Math.Exp(-lambda), product = g.NextUniform();
            int k = 0;
            while (product > limit) { product *= g.NextUniform(); k++; }
            return k;
        }
        double slam = Math.Sqrt(lambda), loglam = Math.Log(lambda);
        double b = 0.931 + 2.53 * slam, a = -0.059 + 0.02483 * b, invalpha = 1.1239 + 1.1328 / (b - 3.4), vr = 0.9277 - 3.6224 / (b - 2);
        while (true)
        {
            double u = g.NextUniform() - 0.5, v = g.NextUniform();
            double us = 0.5 - Math.Abs(u);
            double k = Math.Floor((2 * a / us + b) * u + lambda + 0.43);
            if (us >= 0.07 && v <= vr) return k;
            if (k < 0 || (us < 0.013 && v > us)) continue;
            if (Math.Log(v) + Math.Log(invalpha) - Math.Log(a / (us * us) + b) <= -lambda + k * loglam - Kernels.Operators.SpecialMath.Lgamma(k + 1)) return k;
        }
    }

    /// <summary>Exact draws: the geometric gaps between successes, on the rarer of success and failure.</summary>
    private static double BinomialDraw(double n, double p)
    {
        if (n <= 0 || p == 0) return 0;
        if (p == 1) return n;
        bool flip = p > 0.5;
        double q = flip ? 1 - p : p;
        double logQ = Math.Log(1 - q), successes = 0, position = 0;
        var g = Generator.Default;
        while (true)
        {
            position += Math.Floor(Math.Log(1 - g.NextUniform()) / logQ) + 1;
            if (position > n) break;
            successes++;
        }
        return flip ? n - successes : successes;
    }
}
