namespace Sharpgrad.Tests.Core;

/// <summary>Inputs and checks shared by the linalg decomposition tests.</summary>
internal static class DecompositionInputs
{
    /// <summary>cos(k·i + 0.3·i²) over <paramref name="shape"/> in Float64 (full rank), as the oracle scripts build their inputs.</summary>
    public static Tensor Gen(double k, params int[] shape)
    {
        int n = 1;
        foreach (int s in shape) n *= s;
        var data = new double[n];
        for (int i = 0; i < n; i++) data[i] = Math.Cos(k * i + 0.3 * i * i);
        return Tensor.FromArray(data, shape);
    }

    public static void Close(double[] expected, Tensor actual, double tol = 1e-10) => NN.Check.Close(expected, actual, tol);

    /// <summary>The last two dims swapped.</summary>
    public static Tensor MT(Tensor t) => t.Transpose(t.Dim - 2, t.Dim - 1);

    /// <summary>Every matrix of <paramref name="q"/> [..., m, c] has orthonormal columns.</summary>
    public static void OrthonormalColumns(Tensor q, double tol = 1e-10)
    {
        int c = q.Sizes[^1];
        var gram = MT(q).MatMul(q);
        Close(Tensor.Eye(c, DType.Float64).Expand(gram.Sizes).Contiguous().ToArray<double>(), gram, tol);
    }

    public static string Message<TException>(Func<object> f) where TException : Exception => Assert.Throws<TException>(f).Message;
}
