namespace Sharpgrad.Ops;

/// <summary>
/// Signal windows (torch.hann_window, hamming_window, blackman_window, bartlett_window), composed as ATen composes them, in
/// the requested floating dtype. A periodic window of length N is the symmetric window of length N + 1 without its last point.
/// </summary>
internal static class WindowOps
{
    public static Tensor Hamming(string name, long length, bool periodic, double alpha, double beta, DType dtype)
    {
        if (Trivial(name, length, dtype) is { } trivial) return trivial;
        long n = periodic ? length + 1 : length;
        using var scope = Tensor.NewScope();
        var window = Tensor.Arange(0, n, 1, dtype).Mul(Math.PI * 2.0 / (n - 1)).Cos().Mul(-beta).Add(alpha);
        return Finish(window, length, periodic).MoveToOuterScope();
    }

    public static Tensor Blackman(long length, bool periodic, DType dtype)
    {
        if (Trivial("blackman_window", length, dtype) is { } trivial) return trivial;
        long n = periodic ? length + 1 : length;
        using var scope = Tensor.NewScope();
        var angle = Tensor.Arange(0, n, 1, dtype).Mul(Math.PI / (n - 1));
        var window = angle.Mul(4.0).Cos().Mul(0.08) - angle.Mul(2.0).Cos().Mul(0.5) + 0.42;
        return Finish(window, length, periodic).MoveToOuterScope();
    }

    public static Tensor Bartlett(long length, bool periodic, DType dtype)
    {
        if (Trivial("bartlett_window", length, dtype) is { } trivial) return trivial;
        long n = periodic ? length + 1 : length;
        using var scope = Tensor.NewScope();
        var window = Tensor.Arange(0, n, 1, dtype).Mul(2.0 / (n - 1));
        int firstHalf = (int)(((n - 1) >> 1) + 1);
        using (Autograd.NoGrad()) window.Narrow(0, firstHalf, (int)n - firstHalf).Mul_(-1.0).Add_(2.0);
        return Finish(window, length, periodic).MoveToOuterScope();
    }

    /// <summary>Kaiser: I0(β·√(1 − ((k − α)/α)²)) / I0(β) with α = (N − 1)/2, as ATen's kaiser_window kernel.</summary>
    public static Tensor Kaiser(long length, bool periodic, double beta, DType dtype)
    {
        if (Trivial("kaiser_window", length, dtype) is { } trivial) return trivial;
        long n = periodic ? length + 1 : length;
        double alpha = (n - 1) / 2.0;
        using var scope = Tensor.NewScope();
        var ratio = (Tensor.Arange(0, n, 1, dtype) - alpha) / alpha;
        var window = Special.I0((1.0 - ratio.Pow(2.0)).Abs().Sqrt() * beta) / Special.I0(Tensor.Scalar(beta, dtype));
        return Finish(window, length, periodic).MoveToOuterScope();
    }

    /// <summary>The checks every window makes, and its answer for lengths 0 and 1 (empty, and a single 1).</summary>
    private static Tensor? Trivial(string name, long length, DType dtype)
    {
        if (!dtype.IsFloatingPoint())
            throw new ArgumentException($"{name} expects floating point dtypes, got: TensorOptions(dtype={Errors.TypeMetaName(dtype)}, device=cpu, layout=Strided (default), requires_grad=false (default), pinned_memory=false, memory_format=(nullopt))");
        if (length < 0) throw new ArgumentException($"{name} requires non-negative window_length, got window_length={length}");
        if (length == 0) return Tensor.Empty([0], dtype);
        if (length == 1) return Tensor.Ones([1], dtype);
        return null;
    }

    private static Tensor Finish(Tensor window, long length, bool periodic) =>
        periodic ? window.Narrow(0, 0, (int)length).Contiguous() : window;
}
