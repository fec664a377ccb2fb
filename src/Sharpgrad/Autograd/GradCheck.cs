namespace Sharpgrad;

public static partial class Autograd
{
    /// <summary>
    /// Compares the analytical gradient of <paramref name="f"/> (summed against a random projection
    /// of its output) with central differences, in Float64. Throws with the worst element on mismatch
    /// unless <paramref name="raiseException"/> is false. PyTorch: torch.autograd.gradcheck.
    /// </summary>
    public static bool GradCheck(Func<Tensor[], Tensor> f, Tensor[] inputs, double eps = 1e-6, double atol = 1e-5, double rtol = 1e-3, bool raiseException = true)
    {
        ArgumentNullException.ThrowIfNull(f);
        foreach (var x in inputs)
            if (x.RequiresGrad && x.DType != DType.Float64)
                throw new ArgumentException($"GradCheck needs Float64 inputs; got {x.DType}. Numerical differences in Float32 are too coarse.");
        using var grad = EnableGrad();
        var output = f(inputs);
        var projection = Tensor.Randn(output.Sizes.ToArray(), DType.Float64);
        var wrt = inputs.Where(x => x.RequiresGrad).ToArray();
        Tensor?[] analytical = output.RequiresGrad
            ? Grad([(output * projection).Sum()], wrt, allowUnused: true)
            : new Tensor?[wrt.Length];

        for (int w = 0; w < wrt.Length; w++)
        {
            var x = wrt[w];
            var data = x.Elements<double>();
            var numeric = new double[x.Numel];
            var index = new int[x.Dim];
            for (int e = 0; e < numeric.Length; e++)
            {
                int pos = x.Offset;
                int rem = e;
                for (int d = x.Dim - 1; d >= 0; d--)
                {
                    index[d] = rem % x.Sizes[d];
                    rem /= x.Sizes[d];
                    pos += index[d] * x.Strides[d];
                }
                double orig = data[pos];
                double plus, minus;
                using (NoGrad())
                {
                    data[pos] = orig + eps;
                    plus = (f(inputs) * projection).Sum().Item<double>();
                    data[pos] = orig - eps;
                    minus = (f(inputs) * projection).Sum().Item<double>();
                    data[pos] = orig;
                }
                numeric[e] = (plus - minus) / (2 * eps);
            }
            var a = analytical[w] is { } g ? g.Contiguous().ToArray<double>() : new double[numeric.Length];
            for (int e = 0; e < numeric.Length; e++)
            {
                // written so a NaN on either side fails, as PyTorch's allclose (equal_nan=False) does
                if (!(Math.Abs(a[e] - numeric[e]) <= atol + rtol * Math.Abs(numeric[e])))
                {
                    if (!raiseException) return false;
                    throw new InvalidOperationException(
                        $"Jacobian mismatch for output 0 with respect to input {Array.IndexOf(inputs, x)}, element {e}: numerical {numeric[e]:R} vs analytical {a[e]:R}");
                }
            }
        }
        return true;
    }
}
