namespace Sharpgrad.Tests.UnaryMath;

/// <summary>
/// Bit-for-bit checks for ops PyTorch computes with SLEEF in its vector loop and possibly the C library elsewhere: the
/// inputs fill the start of one whole pair of 64-byte vectors (32 floats or 16 doubles; the rest ones), then follow it
/// as the elements left over, then come as a strided view. The first place must give <c>vector</c>, the other two
/// <c>libm</c> (the same array for ops ATen takes through SLEEF everywhere).
/// </summary>
internal static class SleefSplitCheck
{
    public static void Check(uint[] input, uint[] vector, uint[] libm, Func<Tensor, Tensor> op) =>
        Check(input, null, vector, libm, (a, _) => op(a));

    public static void Check(ulong[] input, ulong[] vector, ulong[] libm, Func<Tensor, Tensor> op) =>
        Check(input, null, vector, libm, (a, _) => op(a));

    /// <summary>The same for an op of two inputs (the second contiguous throughout).</summary>
    public static void Check(uint[] input, uint[]? other, uint[] vector, uint[] libm, Func<Tensor, Tensor?, Tensor> op)
    {
        var (contiguous, strided) = Layouts(Tensor.FromArray(Array.ConvertAll(input, BitConverter.UInt32BitsToSingle)), 32, DType.Float32);
        var b = other is null ? null : Layouts(Tensor.FromArray(Array.ConvertAll(other, BitConverter.UInt32BitsToSingle)), 32, DType.Float32).Contiguous;
        static uint[] Bits(Tensor t) => Array.ConvertAll(t.Contiguous().ToArray<float>(), BitConverter.SingleToUInt32Bits);
        var y = Bits(op(contiguous, b));
        Assert.Equal(vector, y[..input.Length]);
        Assert.Equal(libm, y[32..]);
        Assert.False(strided.IsContiguous);
        Assert.Equal(libm, Bits(op(strided, other is null ? null : Tensor.FromArray(Array.ConvertAll(other, BitConverter.UInt32BitsToSingle)))));
    }

    public static void Check(ulong[] input, ulong[]? other, ulong[] vector, ulong[] libm, Func<Tensor, Tensor?, Tensor> op)
    {
        var (contiguous, strided) = Layouts(Tensor.FromArray(Array.ConvertAll(input, BitConverter.UInt64BitsToDouble)), 16, DType.Float64);
        var b = other is null ? null : Layouts(Tensor.FromArray(Array.ConvertAll(other, BitConverter.UInt64BitsToDouble)), 16, DType.Float64).Contiguous;
        static ulong[] Bits(Tensor t) => Array.ConvertAll(t.Contiguous().ToArray<double>(), BitConverter.DoubleToUInt64Bits);
        var y = Bits(op(contiguous, b));
        Assert.Equal(vector, y[..input.Length]);
        Assert.Equal(libm, y[16..]);
        Assert.False(strided.IsContiguous);
        Assert.Equal(libm, Bits(op(strided, other is null ? null : Tensor.FromArray(Array.ConvertAll(other, BitConverter.UInt64BitsToDouble)))));
    }

    /// <summary>[x, ones to fill the vector pair, x] and x as a strided view.</summary>
    private static (Tensor Contiguous, Tensor Strided) Layouts(Tensor x, int pair, DType dtype)
    {
        int n = x.Numel;
        Assert.True(n < pair);
        var contiguous = Tensor.Cat([x, Tensor.Ones([pair - n], dtype), x]);
        var strided = Tensor.Stack([x, Tensor.Zeros([n], dtype)], 1).Select(1, 0);
        return (contiguous, strided);
    }
}
