using Sharpgrad.Tests.NN;

namespace Sharpgrad.Tests.UnaryMath;

/// <summary>
/// Shared checks of the element-wise math functions against PyTorch 2.6 numbers: Float64 values and gradients of
/// f(x).Sum() (special values included), the node name, Float32 values and the Float32 result of Int64 inputs.
/// </summary>
internal static class UnaryMathCheck
{
    /// <summary>NaN matches NaN, infinities and the sign of zero match exactly, others to <paramref name="tol"/> relative (plus <paramref name="atol"/>).</summary>
    public static void Same(double[] expected, double[] actual, double tol, string what, double atol = 0)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            double e = expected[i], a = actual[i];
            string at = $"{what}[{i}]: expected {e:R}, got {a:R}";
            if (double.IsNaN(e)) Assert.True(double.IsNaN(a), at);
            else if (double.IsInfinity(e) || e == 0) Assert.True(e.Equals(a) && double.IsNegative(e) == double.IsNegative(a), at);
            else Assert.True(Math.Abs(e - a) <= tol * Math.Abs(e) + atol, at);
        }
    }

    /// <summary>f's Float64 node, values and gradient, its Float32 values and (when given) its Float32 values for Int64 [1, 2, -1, 0].</summary>
    public static void Row(Func<Tensor, Tensor> f, string node, double[] x, double[] y, double[] grad, float[] y32, float[]? yInt = null, double tol = 4e-15)
    {
        var t = Check.F64(x, x.Length).RequiresGrad_();
        var r = f(t);
        Assert.Equal(node, r.GradFn!.Name);
        Same(y, r.ToArray<double>(), tol, "value");
        r.Sum().Backward();
        Same(grad, t.Grad!.ToArray<double>(), tol, "grad");
        var r32 = f(Check.F64(x, x.Length).To(DType.Float32));
        Assert.Equal(DType.Float32, r32.DType);
        Same(Array.ConvertAll(y32, v => (double)v), Array.ConvertAll(r32.ToArray<float>(), v => (double)v), 5e-7, "float32", 3e-45); // subnormal results may differ in their last bits
        if (yInt is null) return;
        var ri = f(Check.I64(1, 2, -1, 0));
        Assert.Equal(DType.Float32, ri.DType);
        Same(Array.ConvertAll(yInt, v => (double)v), Array.ConvertAll(ri.ToArray<float>(), v => (double)v), 5e-7, "int64");
    }
}
