using Sharpgrad.Shapes;

namespace Sharpgrad.Ops;

/// <summary>trapezoid and cumulative_trapezoid, composed as ATen composes them (sums and slices of y, spaced by dx or x).</summary>
internal static class TrapezoidOps
{
    /// <summary>The trapezoid rule along dim with uniform spacing dx; zero samples integrate to 0.</summary>
    public static Tensor Trapezoid(Tensor y, double dx, int dim)
    {
        int d = Prepare(y, dim);
        if (y.Sizes[d] == 0) return ZerosExcept(y, d);
        return BinaryOps.MulScalar(y.Sum([d]) - BinaryOps.MulScalar(y.Select(d, 0) + y.Select(d, -1), 0.5), dx);
    }

    /// <summary>The trapezoid rule along dim at sample points x (1-D along dim, or broadcastable after the differences).</summary>
    public static Tensor Trapezoid(Tensor y, Tensor x, int dim)
    {
        int d = Prepare(y, dim);
        if (y.Sizes[d] == 0) return ZerosExcept(y, d);
        var dx = Spacing(y, x, d);
        return (dx * (y.Slice(d, 1, long.MaxValue) + y.Slice(d, 0, -1))).Sum([d]) / 2.0;
    }

    /// <summary>The running trapezoid integral along dim (one fewer element) with uniform spacing dx.</summary>
    public static Tensor CumulativeTrapezoid(Tensor y, double dx, int dim)
    {
        int d = Prepare(y, dim);
        return BinaryOps.MulScalar(y.Slice(d, 1, long.MaxValue) + y.Slice(d, 0, -1), dx / 2.0).Cumsum(d);
    }

    /// <summary>The running trapezoid integral along dim at sample points x.</summary>
    public static Tensor CumulativeTrapezoid(Tensor y, Tensor x, int dim)
    {
        int d = Prepare(y, dim);
        var dx = Spacing(y, x, d);
        return (dx * (y.Slice(d, 1, long.MaxValue) + y.Slice(d, 0, -1)) / 2.0).Cumsum(d);
    }

    private static int Prepare(Tensor y, int dim)
    {
        y.ThrowIfDisposed();
        if (y.DType == DType.Bool) throw new ArgumentException("trapezoid: received a bool input for `y`, but bool is not supported");
        return Layout.WrapDim(dim, y.Dim);
    }

    /// <summary>x's differences along dim, x viewed so that they broadcast with y's (NumPy's rule: no broadcasting before differencing).</summary>
    private static Tensor Spacing(Tensor y, Tensor x, int d)
    {
        x.ThrowIfDisposed();
        if (x.DType == DType.Bool) throw new ArgumentException("trapezoid: received a bool input for `x`, but bool is not supported");
        Tensor viewed;
        if (x.Dim == 1)
        {
            if (x.Sizes[0] != y.Sizes[d]) throw new ArgumentException("trapezoid: There must be one `x` value for each sample point");
            var shape = Enumerable.Repeat(1, y.Dim).ToArray();
            shape[d] = x.Sizes[0];
            viewed = x.View(shape);
        }
        else if (x.Dim < y.Dim) viewed = x.View([.. Enumerable.Repeat(1, y.Dim - x.Dim), .. x.Sizes]);
        else viewed = x;
        return viewed.Slice(d, 1, long.MaxValue) - viewed.Slice(d, 0, -1);
    }

    private static Tensor ZerosExcept(Tensor y, int d) => Tensor.Zeros(ViewOps.RemoveAt(y.Sizes, d), y.DType.IsFloatingPoint() ? y.DType : DType.Float32);
}
