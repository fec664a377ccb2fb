using Sharpgrad.Shapes;

namespace Sharpgrad.Ops;

/// <summary>bitwise and/or/xor/not and shifts on Int64 and Bool tensors (broadcast; Bool with Int64 promotes to Int64).</summary>
internal static class BitwiseOps
{
    public enum Kind { And, Or, Xor, LeftShift, RightShift }

    /// <summary>The op element-wise over the broadcast shape; floating inputs are refused as PyTorch refuses them.</summary>
    public static Tensor Binary(Tensor a, Tensor b, Kind kind)
    {
        a.ThrowIfDisposed();
        b.ThrowIfDisposed();
        string name = kind switch
        {
            Kind.And => "bitwise_and_cpu",
            Kind.Or => "bitwise_or_cpu",
            Kind.Xor => "bitwise_xor_cpu",
            Kind.LeftShift => "lshift_cpu",
            _ => "rshift_cpu",
        };
        var dtype = TypePromotion.Result(a, b);
        if (dtype.IsFloatingPoint()) throw Errors.UnsupportedDType(name, dtype);
        // shifts by 64 or more (or by a negative amount) fill with the sign, as ATen's kernels do
        Func<long, long, long> f = kind switch
        {
            Kind.And => static (x, y) => x & y,
            Kind.Or => static (x, y) => x | y,
            Kind.Xor => static (x, y) => x ^ y,
            Kind.LeftShift => static (x, y) => y is < 0 or >= 64 ? 0 : x << (int)y,
            _ => static (x, y) => y is < 0 or >= 64 ? (x < 0 ? -1 : 0) : x >> (int)y,
        };
        return IntegerMathOps.Int64Elementwise(a, b, f, dtype);
    }

    /// <summary>bitwise_not: ~x for Int64, logical not for Bool.</summary>
    public static Tensor Not(Tensor a)
    {
        a.ThrowIfDisposed();
        if (a.DType.IsFloatingPoint()) throw Errors.UnsupportedDType("bitwise_not_cpu", a.DType);
        if (a.DType == DType.Bool) return a.LogicalNot();
        long[] x;
        using (Autograd.NoGrad()) x = a.Contiguous().ToArray<long>();
        for (int i = 0; i < x.Length; i++) x[i] = ~x[i];
        return IntegerMathOps.Int64Result(x, a.Sizes, a.DType);
    }
}
