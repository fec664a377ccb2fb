using CsCheck;

namespace Sharpgrad.Tests.Core;

/// <summary>
/// CsCheck properties for the narrow integer dtypes: every op on Int32, Int16, Int8 and UInt8 tensors (random shapes,
/// broadcasting and layouts) equals the Int64 result on the same values wrapped to the narrow dtype, as two's-complement
/// arithmetic gives.
/// </summary>
public class IntegerPropertyTests
{
    private static void Sample(Action<Random> property, int iter) =>
        Gen.Int[0, int.MaxValue].Sample(seed => property(new Random(seed)), iter: iter, threads: 1);

    // each narrow dtype with a range of Int64 values that spills past its own, so the conversion wraps too
    private static readonly (DType DType, double Range)[] Narrow = [(DType.Int32, 2e9), (DType.UInt8, 300), (DType.Int8, 300), (DType.Int16, 70000)];

    private static readonly (string Name, Func<Tensor, Tensor, Tensor> Op)[] Wrapping =
    [
        ("add", (a, b) => a + b),
        ("sub", (a, b) => a - b),
        ("mul", (a, b) => a * b),
        ("add alpha", (a, b) => a.Add(b, 3)),
        ("maximum", (a, b) => a.Maximum(b)),
        ("minimum", (a, b) => a.Minimum(b)),
        ("bitwise and", (a, b) => a.BitwiseAnd(b)),
        ("bitwise or", (a, b) => a.BitwiseOr(b)),
        ("bitwise xor", (a, b) => a.BitwiseXor(b)),
    ];

    private static readonly (string Name, Func<Tensor, Tensor, Tensor> Op)[] Comparisons =
    [
        ("eq", (a, b) => a.Eq(b)),
        ("lt", (a, b) => a.Lt(b)),
        ("ge", (a, b) => a.Ge(b)),
    ];

    private static readonly (string Name, Func<Tensor, Tensor> Op)[] Unary =
    [
        ("neg", a => -a),
        ("abs", a => a.Abs()),
        ("square", a => a.Square()),
        ("bitwise not", a => a.BitwiseNot()),
        ("mul by a Python int", a => a * 77),
    ];

    [Fact]
    public void NarrowIntegersWrapAsInt64Truncated()
    {
        Sample(rng =>
        {
            var (dtype, range) = Narrow[rng.Next(Narrow.Length)];
            var outShape = Inputs.Shape(rng);
            var (a64, _) = Inputs.Input(rng, Inputs.BroadcastableTo(rng, outShape), DType.Int64, -range, range);
            var (b64, _) = Inputs.Input(rng, Inputs.BroadcastableTo(rng, outShape), DType.Int64, -range, range);
            var a = a64.To(dtype);
            var b = b64.To(dtype);
            // the reference sees the narrow values (after their own wrap), computes exactly in int64, then wraps
            var aWide = a.To(DType.Int64);
            var bWide = b.To(DType.Int64);
            var (name, op) = Wrapping[rng.Next(Wrapping.Length)];
            var y = op(a, b);
            Assert.Equal(dtype, y.DType);
            Assert.True(op(aWide, bWide).To(dtype).Equal(y), $"{name} on {dtype}");
            var (cname, cmp) = Comparisons[rng.Next(Comparisons.Length)];
            Assert.True(cmp(aWide, bWide).Equal(cmp(a, b)), $"{cname} on {dtype}");
            var nonzero = Tensor.Where(bWide.Eq(0.0), Tensor.Ones([], DType.Int64), bWide);
            var divisor = nonzero.To(dtype);
            if (!divisor.Eq(0.0).Any().Item<bool>())
            {
                var q = a.FloorDivide(divisor);
                var r = a.Remainder(divisor);
                Assert.True(aWide.FloorDivide(divisor.To(DType.Int64)).To(dtype).Equal(q), $"floor_divide on {dtype}");
                Assert.True(aWide.Remainder(divisor.To(DType.Int64)).To(dtype).Equal(r), $"remainder on {dtype}");
            }
            Assert.Equal(aWide.Sum().Item<long>(), a.Sum().Item<long>());
            var (uname, unary) = Unary[rng.Next(Unary.Length)];
            var u = unary(a);
            Assert.Equal(dtype, u.DType);
            Assert.True(unary(aWide).To(dtype).Equal(u), $"{uname} on {dtype}");
        }, 400);
    }

    [Fact]
    public void MixedNarrowIntegersPromoteThenWrap()
    {
        Sample(rng =>
        {
            var (da, ra) = Narrow[rng.Next(Narrow.Length)];
            var (db, rb) = Narrow[rng.Next(Narrow.Length)];
            var outShape = Inputs.Shape(rng);
            var a = Inputs.Input(rng, Inputs.BroadcastableTo(rng, outShape), DType.Int64, -ra, ra).T.To(da);
            var b = Inputs.Input(rng, Inputs.BroadcastableTo(rng, outShape), DType.Int64, -rb, rb).T.To(db);
            // PyTorch's lattice for dimmed operands; a 0-dim integer beside a dimmed one takes the dimmed one's dtype
            var expected = (a.Dim == 0) == (b.Dim == 0) ? Tensor.PromoteTypes(da, db) : a.Dim == 0 ? db : da;
            // the operands are converted to the result dtype first (a 0-dim int32 wraps into int8), then computed in it
            var aWide = a.To(expected).To(DType.Int64);
            var bWide = b.To(expected).To(DType.Int64);
            var (name, op) = Wrapping[rng.Next(Wrapping.Length)];
            var y = op(a, b);
            Assert.Equal(expected, y.DType);
            Assert.True(op(aWide, bWide).To(expected).Equal(y), $"{name} on {da} and {db}");
            var (cname, cmp) = Comparisons[rng.Next(Comparisons.Length)];
            Assert.True(cmp(aWide, bWide).Equal(cmp(a, b)), $"{cname} on {da} and {db}");
        }, 300);
    }
}
