using Sharpgrad.Shapes;

namespace Sharpgrad.Ops;

/// <summary>gcd, lcm (integers, broadcast), heaviside, frexp, ldexp, nextafter and unravel_index.</summary>
internal static class IntegerMathOps
{
    /// <summary>gcd: the non-negative greatest common divisor, gcd(0, 0) = 0. Integers only; not differentiable.</summary>
    public static Tensor Gcd(Tensor a, Tensor b) => IntegerBinary(a, b, "gcd_cpu", Gcd);

    /// <summary>lcm: |a b| / gcd(a, b), 0 when either is 0. Integers only; not differentiable.</summary>
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
        var dtype = TypePromotion.Result(a, b);
        if (!dtype.IsIntegral()) throw Errors.UnsupportedDType(op, dtype);
        return Int64Elementwise(a, b, f, dtype);
    }

    /// <summary>
    /// f over a and b read as Int64 and broadcast, unrecorded, converted to <paramref name="dtype"/>: wrapping int64
    /// arithmetic keeps the low bits a narrower integer dtype's own arithmetic would give.
    /// </summary>
    internal static Tensor Int64Elementwise(Tensor a, Tensor b, Func<long, long, long> f, DType dtype)
    {
        var shape = Shapes.Layout.Broadcast(a.Sizes, b.Sizes);
        long[] x, y;
        using (Autograd.NoGrad())
        {
            x = a.To(DType.Int64).Expand(shape).Contiguous().ToArray<long>();
            y = b.To(DType.Int64).Expand(shape).Contiguous().ToArray<long>();
        }
        var r = new long[x.Length];
        for (int i = 0; i < r.Length; i++) r[i] = f(x[i], y[i]);
        return Int64Result(r, shape, dtype);
    }

    /// <summary>Int64 values as a tensor of <paramref name="dtype"/> (narrowed as a cast does).</summary>
    internal static Tensor Int64Result(long[] values, int[] shape, DType dtype)
    {
        var result = Tensor.FromArray(values, shape);
        if (dtype == DType.Int64) return result;
        using (result) return OpHelpers.CastRaw(result, dtype);
    }

    /// <summary>nextafter: the next representable value after each element toward other's (same floating dtype, broadcast).</summary>
    public static Tensor Nextafter(Tensor self, Tensor other)
    {
        self.ThrowIfDisposed();
        other.ThrowIfDisposed();
        if (self.DType != other.DType || !self.DType.IsFloatingPoint())
            throw Errors.UnsupportedDType("nextafter_cpu", self.DType.IsFloatingPoint() ? other.DType : self.DType);
        var shape = Shapes.Layout.Broadcast(self.Sizes, other.Sizes);
        using (Autograd.NoGrad())
            return self.DType == DType.Float32 ? Toward<float>(self, other, shape) : Toward<double>(self, other, shape);
    }

    private static Tensor Toward<T>(Tensor self, Tensor other, int[] shape) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        var x = self.Expand(shape).Contiguous().ToArray<T>();
        var y = other.Expand(shape).Contiguous().ToArray<T>();
        for (int i = 0; i < x.Length; i++)
            x[i] = T.IsNaN(x[i]) || T.IsNaN(y[i]) ? T.NaN : x[i] == y[i] ? y[i] : x[i] < y[i] ? T.BitIncrement(x[i]) : T.BitDecrement(x[i]);
        return Tensor.FromSpan<T>(x, shape);
    }

    /// <summary>unravel_index: per dim of shape, the coordinate of each flat row-major position (Python's floor division and modulo).</summary>
    public static Tensor[] UnravelIndex(Tensor indices, int[] shape)
    {
        ArgumentNullException.ThrowIfNull(indices);
        ArgumentNullException.ThrowIfNull(shape);
        indices.ThrowIfDisposed();
        if (!indices.DType.IsIntegral())
            throw new ArgumentException($"expected 'indices' to be integer dtype, but got {indices.DType.TorchName()}");
        if (shape.Any(s => s < 0)) throw new ArgumentException($"'shape' cannot have negative values, but got ({string.Join(", ", shape)}{(shape.Length == 1 ? "," : "")})");
        long[] flat;
        using (Autograd.NoGrad()) flat = indices.Contiguous().ToArray<long>();
        var coords = new long[shape.Length][];
        for (int d = 0; d < shape.Length; d++) coords[d] = new long[flat.Length];
        for (int i = 0; i < flat.Length; i++)
        {
            long rest = flat[i];
            for (int d = shape.Length - 1; d >= 0; d--)
            {
                long size = shape[d];
                if (size == 0) { coords[d][i] = 0; rest = 0; continue; }
                long remainder = ((rest % size) + size) % size;
                coords[d][i] = remainder;
                rest = (rest - remainder) / size;
            }
        }
        return [.. coords.Select(c => Tensor.FromArray(c, indices.Sizes))];
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

    /// <summary>
    /// frexp: self = mantissa · 2^exponent with 0.5 ≤ |mantissa| &lt; 1 (C's frexp); zeros, infinities and NaN keep their
    /// value with exponent 0. The exponent is Int32; the mantissa records FrexpBackward0.
    /// </summary>
    public static (Tensor Mantissa, Tensor Exponent) Frexp(Tensor self)
    {
        self.ThrowIfDisposed();
        if (!self.DType.IsFloatingPoint()) throw new ArgumentException("torch.frexp() only supports floating-point dtypes");
        double[] values;
        using (Autograd.NoGrad()) values = self.Contiguous().ToArray<double>();
        var exponents = new int[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            double v = values[i];
            if (v == 0 || !double.IsFinite(v)) continue;
            int e = Math.ILogB(v) + 1;
            exponents[i] = e;
            values[i] = Math.ScaleB(v, -e);
        }
        var shape = self.Sizes.ToArray();
        var exponent = Tensor.FromArray(exponents, shape);
        Tensor mantissa;
        using (var wide = Tensor.FromArray(values, shape)) mantissa = self.DType == DType.Float64 ? wide.Clone() : OpHelpers.CastRaw(wide, self.DType);
        if (Record.ShouldRecord(self))
            Record.SetHistory(mantissa, Record.Connect(new FrexpBackward0(exponent), self));
        return (mantissa, exponent);
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

/// <summary>frexp(self): self: grad / exponent.exp2() (exp2 of the Int32 exponent is Float32, as in PyTorch's formula).</summary>
internal sealed class FrexpBackward0(Tensor exponent) : Node
{
    private readonly SavedTensor _exponent = SavedTensor.Input(exponent);
    public override string Name => nameof(FrexpBackward0);
    internal override IEnumerable<SavedTensor> Saved => [_exponent];
    internal override Tensor?[] Apply(Tensor grad) => [grad / _exponent.Unpack().Exp2()];
}
