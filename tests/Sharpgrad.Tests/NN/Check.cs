namespace Sharpgrad.Tests.NN;

/// <summary>Small assertion helpers for the NN, Optim and Serialization tests.</summary>
internal static class Check
{
    public static void Close(double expected, double actual, double tol = 1e-6)
    {
        if (double.IsNaN(expected)) Assert.True(double.IsNaN(actual), $"expected NaN, got {actual:R}");
        else Assert.True(Math.Abs(expected - actual) <= tol * (1 + Math.Abs(expected)), $"expected {expected:R}, got {actual:R}");
    }

    public static void Close(double[] expected, Tensor actual, double tol = 1e-6)
    {
        var a = actual.To(DType.Float64).Contiguous().ToArray<double>();
        Assert.Equal(expected.Length, a.Length);
        for (int i = 0; i < a.Length; i++) Close(expected[i], a[i], tol);
    }

    public static void Close(Tensor expected, Tensor actual, double tol = 1e-6)
    {
        Assert.Equal(expected.Shape, actual.Shape);
        Close(expected.To(DType.Float64).Contiguous().ToArray<double>(), actual, tol);
    }

    /// <summary>f(x) has PyTorch's node name and values, and x's gradient after f(x).Sum().Backward() is PyTorch's (to 1e-12).</summary>
    public static void MatchesPyTorch(Func<Tensor, Tensor> f, Tensor x, string node, double[] y, double[] grad)
    {
        var r = f(x);
        Assert.Equal(node, r.GradFn!.Name);
        Close(y, r, 1e-12);
        r.Sum().Backward();
        Close(grad, x.Grad!, 1e-12);
    }

    public static Tensor F32(float[] data, params int[] shape) => Tensor.FromArray(data, shape.Length == 0 ? null : shape);

    public static Tensor F64(double[] data, params int[] shape) => Tensor.FromArray(data, shape.Length == 0 ? null : shape);

    public static Tensor I64(params long[] data) => Tensor.FromArray(data);

    /// <summary>Deterministic Float64 values cos(i·k)·scale over <paramref name="shape"/>, as the oracle scripts build them.</summary>
    public static Tensor Det(int[] shape, double k, double scale = 1)
    {
        int n = shape.Aggregate(1, (a, b) => a * b);
        return Tensor.FromArray(Enumerable.Range(0, n).Select(i => Math.Cos(i * k) * scale).ToArray(), shape);
    }

    /// <summary>The logits the FACTS cross-entropy numbers use: [[1, 2, 3], [1, 0, -1]].</summary>
    public static Tensor Logits(DType dtype = DType.Float32, bool requiresGrad = false)
    {
        var t = Tensor.FromArray(new double[] { 1, 2, 3, 1, 0, -1 }, [2, 3]).To(dtype);
        return requiresGrad ? t.RequiresGrad_() : t;
    }
}
