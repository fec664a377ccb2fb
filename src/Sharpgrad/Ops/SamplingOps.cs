using System.Globalization;
using Sharpgrad.Kernels;
using Sharpgrad.Kernels.Cpu;
using Sharpgrad.Shapes;

namespace Sharpgrad.Ops;

/// <summary>
/// bernoulli and multinomial, drawn from the default generator with PyTorch's checks, messages and recorded nodes
/// (the samples themselves come from Sharpgrad's generator, not PyTorch's).
/// </summary>
internal static class SamplingOps
{
    private const string ProbabilityCheck =
        "Expected p_in >= 0 && p_in <= 1 to be true, but got false.  (Could this error message be improved?  If so, please report an enhancement request to PyTorch.)";

    /// <summary>bernoulli(self): 1 where a uniform draw falls below self's probability, else 0 (BernoulliBackward0: a zero gradient).</summary>
    public static Tensor Bernoulli(Tensor self)
    {
        self.ThrowIfDisposed();
        if (!self.DType.IsFloatingPoint()) throw Errors.UnsupportedDType("bernoulli_tensor_cpu_p_", self.DType);
        var p = Probabilities(self, self.Sizes);
        var y = Draw(self.DType, self.Sizes, i => p[i]);
        if (Record.ShouldRecord(self)) Record.SetHistory(y, Record.Connect(new ConstantFillBackward("BernoulliBackward0"), self));
        return y;
    }

    /// <summary>bernoulli(self, p): self's shape and dtype, each element 1 with probability p. PyTorch has no derivative for it.</summary>
    public static Tensor Bernoulli(Tensor self, double p)
    {
        self.ThrowIfDisposed();
        CheckScalar(p);
        var y = Draw(self.DType, self.Sizes, _ => p);
        if (Record.ShouldRecord(self)) Record.SetHistory(y, Record.Connect(new NotImplementedBackward("aten::bernoulli"), self));
        return y;
    }

    /// <summary>bernoulli_(p): refilled in place with 0/1 draws of probability p, any dtype (BernoulliBackward2).</summary>
    public static Tensor Bernoulli_(Tensor self, double p)
    {
        self.ThrowIfDisposed();
        CheckScalar(p);
        return Refill(self, null, _ => p, () => new ConstantFillBackward("BernoulliBackward2"));
    }

    /// <summary>bernoulli_(p tensor): p broadcast to self; self and p get zero gradients (BernoulliBackward1).</summary>
    public static Tensor Bernoulli_(Tensor self, Tensor p)
    {
        self.ThrowIfDisposed();
        ArgumentNullException.ThrowIfNull(p);
        p.ThrowIfDisposed();
        var probabilities = Probabilities(p, self.Sizes);
        var pSizes = p.Sizes;
        var pType = p.DType;
        return Refill(self, p, i => probabilities[i], () => new BernoulliBackward1(pSizes, pType));
    }

    /// <summary>
    /// multinomial: n_sample category indices per row of 1-D or 2-D non-negative weights. Without replacement (or for
    /// one sample) as ATen draws them, the largest p / q with q ~ Exp(1) (the exponential form of the Gumbel-max trick);
    /// with replacement, inverse-CDF draws by binary search over the normalized running sum.
    /// </summary>
    public static Tensor Multinomial(Tensor self, int numSamples, bool replacement)
    {
        self.ThrowIfDisposed();
        if (self.Dim is < 1 or > 2) throw new ArgumentException("prob_dist must be 1 or 2 dim");
        if (!self.DType.IsFloatingPoint())
            throw new ArgumentException($"multinomial only supports floating-point dtypes for input, got: {Errors.Pretty(self.DType)}");
        if (numSamples <= 0) throw new InvalidOperationException("cannot sample n_sample <= 0 samples");
        int categories = self.Sizes[^1];
        if (!replacement && numSamples > categories)
            throw new InvalidOperationException("cannot sample n_sample > prob_dist.size(-1) samples without replacement");
        int rows = self.Dim == 1 ? 1 : self.Sizes[0];
        int[] outShape = self.Dim == 1 ? [numSamples] : [rows, numSamples];
        if (self.Numel == 0) return Tensor.Zeros(outShape, DType.Int64);
        double[] w;
        using (Autograd.NoGrad()) w = self.Contiguous().To(DType.Float64).ToArray<double>();
        foreach (double v in w)
            if (!(v >= 0 && v < double.PositiveInfinity)) throw new InvalidOperationException("probability tensor contains either `inf`, `nan` or element < 0");
        for (int r = 0; r < rows; r++)
            if (w.Skip(r * categories).Take(categories).Sum() == 0)
                throw new InvalidOperationException("invalid multinomial distribution (sum of probabilities <= 0)");
        if (!replacement || numSamples == 1)
        {
            using (Autograd.NoGrad())
            {
                var keys = self.Detach().To(DType.Float64) / Tensor.Empty(self.Sizes, DType.Float64).Exponential_(1);
                var picked = numSamples == 1 ? keys.ArgMax(-1, keepDim: true) : keys.TopK(numSamples).Indices;
                return picked.Contiguous();
            }
        }
        var result = new long[rows * numSamples];
        var cdf = new double[categories];
        var draws = new double[numSamples];
        for (int r = 0; r < rows; r++)
        {
            double total = 0;
            for (int c = 0; c < categories; c++) cdf[c] = total += w[r * categories + c];
            for (int c = 0; c < categories; c++) cdf[c] /= total;
            // rounding must not leave the last bin short of 1
            cdf[^1] = 1;
            Generator.Default.FillUniform(draws, 0, 1);
            for (int s = 0; s < numSamples; s++)
            {
                int left = 0, right = categories;
                while (right - left > 0)
                {
                    int mid = left + (right - left) / 2;
                    if (cdf[mid] < draws[s]) left = mid + 1;
                    else right = mid;
                }
                result[r * numSamples + s] = left;
            }
        }
        return Tensor.FromArray(result, outShape);
    }

    private static void CheckScalar(double p)
    {
        if (!(p >= 0 && p <= 1))
            throw new InvalidOperationException($"bernoulli_ expects p to be in [0, 1], but got p={p.ToString("R", CultureInfo.InvariantCulture)}");
    }

    /// <summary>p broadcast to <paramref name="shape"/>, checked to lie in [0, 1], as Float64 values in row-major order.</summary>
    private static double[] Probabilities(Tensor p, int[] shape)
    {
        double[] values;
        using (Autograd.NoGrad()) values = p.Detach().To(DType.Float64).Expand(shape).Contiguous().ToArray<double>();
        foreach (double v in values)
            if (!(v >= 0 && v <= 1)) throw new InvalidOperationException(ProbabilityCheck);
        return values;
    }

    /// <summary>A fresh tensor of 0/1 draws, element i being 1 with probability p(i).</summary>
    private static Tensor Draw(DType dtype, int[] shape, Func<int, double> p)
    {
        int n = Layout.NumElements(shape);
        var u = new double[n];
        Generator.Default.FillUniform(u, 0, 1);
        var draws = new double[n];
        for (int i = 0; i < n; i++) draws[i] = u[i] < p(i) ? 1 : 0;
        using (Autograd.NoGrad()) return Tensor.FromArray(draws, shape).To(dtype);
    }

    private static Tensor Refill(Tensor self, Tensor? other, Func<int, double> p, Func<Node> makeNode)
    {
        bool record = InPlaceOps.Check(self, other);
        Node? node = record ? (other is null ? Record.Connect(makeNode(), self) : Record.Connect(makeNode(), self, other)) : null;
        var y = Draw(self.DType, self.Sizes, p);
        Dispatch.Copy(y.Strided, self.Strided);
        y.Dispose();
        return InPlaceOps.Commit(self, node);
    }
}

/// <summary>bernoulli_(p tensor): both self and p get zero gradients.</summary>
internal sealed class BernoulliBackward1(int[] pSizes, DType pType) : Node
{
    public override string Name => nameof(BernoulliBackward1);
    internal override Tensor?[] Apply(Tensor grad) =>
        [NeedsInputGrad(0) ? Tensor.ZerosLike(grad) : null, NeedsInputGrad(1) ? Tensor.Zeros(pSizes, pType) : null];
}
