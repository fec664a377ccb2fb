namespace Sharpgrad.Ops;

/// <summary>gcd, lcm (Int64, broadcast), heaviside and ldexp.</summary>
internal static class IntegerMathOps
{
    /// <summary>gcd: the non-negative greatest common divisor, gcd(0, 0) = 0. Int64 only; not differentiable.</summary>
    public static Tensor Gcd(Tensor a, Tensor b) => IntegerBinary(a, b, "gcd_cpu", Gcd);

    /// <summary>lcm: |a b| / gcd(a, b), 0 when either is 0. Int64 only; not differentiable.</summary>
    public static Tensor Lcm(Tensor a, Tensor b) => IntegerBinary(a, b, "lcm_cpu", static (x, y) =>
    {
        long g = Gcd(x, y);
        return g == 0 ? 0 : Math.Abs(x / g * y);
    });

    private static long Gcd(long a, long b)
    {
        a = Math.Abs(a);
        b = Math.Abs(b);
        while (b != 0) (a, b) = (b, a % b);
        return a;
    }

    private static Tensor IntegerBinary(Tensor a, Tensor b, string op, Func<long, long, long> f)
    {
        a.ThrowIfDisposed();
        b.ThrowIfDisposed();
        if (a.DType != DType.Int64) throw Errors.UnsupportedDType(op, a.DType);
        if (b.DType != DType.Int64) throw Errors.UnsupportedDType(op, b.DType);
        var shape = Shapes.Layout.Broadcast(a.Sizes, b.Sizes);
        long[] x, y;
        using (Autograd.NoGrad())
        {
            x = a.Expand(shape).Contiguous().ToArray<long>();
            y = b.Expand(shape).Contiguous().ToArray<long>();
        }
        var r = new long[x.Length];
        for (int i = 0; i < r.Length; i++) r[i] = f(x[i], y[i]);
        return Tensor.FromArray(r, shape);
    }

    /// <summary>heaviside: 0 below zero (and for NaN), 1 above, <paramref name="values"/> at exactly zero. Same dtypes only.</summary>
    public static Tensor Heaviside(Tensor self, Tensor values)
    {
        self.ThrowIfDisposed();
        values.ThrowIfDisposed();
        if (self.DType != values.DType) throw new InvalidOperationException("heaviside is not yet implemented for tensors with different dtypes.");
        using (Autograd.NoGrad())
        using (Tensor.NewScope())
            return Tensor.Where(self.Eq(0.0), values, self.Gt(0.0).To(self.DType)).To(self.DType).Contiguous().MoveToOuterScope();
    }

    /// <summary>ldexp: self * 2^other, in a floating dtype (MulBackward0, as ATen composes it).</summary>
    public static Tensor Ldexp(Tensor self, Tensor other)
    {
        self.ThrowIfDisposed();
        other.ThrowIfDisposed();
        // ATen's pow(2.0, other): a float base, so an integral exponent gives the default float dtype, never an integer power.
        return self * Tensor.Scalar(2.0).Pow(other);
    }
}
