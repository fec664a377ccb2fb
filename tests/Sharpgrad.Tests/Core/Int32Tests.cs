using Sharpgrad.Serialization;

namespace Sharpgrad.Tests.Core;

/// <summary>torch.int32 tensors: PyTorch 2.6's promotion, result dtypes, wrapping, casts, index acceptance, printing and messages.</summary>
public class Int32Tests
{
    private static Tensor I32(int[] data, params int[] shape) => Tensor.FromArray(data, shape.Length == 0 ? null : shape);
    private static Tensor X() => I32([1, -2, 3, 4, 5, -6], 2, 3);

    [Fact]
    public void DTypeFacts()
    {
        Assert.Equal("torch.int32", DType.Int32.TorchName());
        Assert.Equal(4, DType.Int32.ElementSize());
        Assert.False(DType.Int32.IsFloatingPoint());
        Assert.True(DType.Int32.IsIntegral());
        Assert.False(DType.Bool.IsIntegral());
        Assert.True(DType.Bool.IsIntegral(includeBool: true));
        Assert.Equal(DType.Int32, I32([1, 2]).DType);
        Check.Values(new[] { 7, 7 }, Tensor.Full([2], 7.9, DType.Int32), 2);
        Check.Values(new[] { 0, 2, 4 }, Tensor.Arange(0, 5, 2, DType.Int32), 3);
        Check.Values(new[] { 0, 2, 5, 7, 10 }, Tensor.Linspace(0, 10, 5, DType.Int32), 5);
        Assert.Equal(DType.Int32, Tensor.TrilIndices(3, 3, 0, DType.Int32).DType);
        Check.Values(new long[] { 0, 1, 1, 0, 0, 1 }, Tensor.TrilIndices(2, 2, 0, DType.Int32), 2, 3);
    }

    [Fact]
    public void TypePromotionMatchesPyTorch()
    {
        var a = I32([7, -7, 4]);
        var i64 = Tensor.FromArray(new long[] { 2, 2, 3 });
        var b = I32([2, 2, 3]);
        Assert.Equal(DType.Int32, (a + b).DType);
        Assert.Equal(DType.Int64, (a + i64).DType);
        Assert.Equal(DType.Int64, (i64 * a).DType);
        Assert.Equal(DType.Float32, (a / i64).DType);
        Check.Values(new[] { 3.5f, -3.5f, 4f / 3f }, a / b, 3);
        Assert.Equal(DType.Int32, (a + Tensor.FromArray(new[] { true, false, true })).DType);
        Assert.Equal(DType.Float32, (a * Tensor.FromArray(new[] { 1f, 2f, 3f })).DType);
        Assert.Equal(DType.Float64, (a * Tensor.FromArray(new[] { 1.0, 2.0, 3.0 })).DType);
        // A 0-dim tensor of the same category does not widen; one of a higher category keeps its own dtype.
        Assert.Equal(DType.Int32, (a + Tensor.Scalar(3, DType.Int64)).DType);
        Assert.Equal(DType.Float64, (a + Tensor.Scalar(2.5, DType.Float64)).DType);
        Assert.Equal(DType.Int64, (Tensor.Scalar(3, DType.Int32) + i64).DType);
        Assert.Equal(DType.Int64, (Tensor.Scalar(3, DType.Int32) + Tensor.Scalar(3, DType.Int64)).DType);
        // Python numbers: an int keeps int32, a float gives float32.
        Check.Values(new[] { 10, -4, 7 }, a + 3, 3);
        Check.Values(new[] { 9.5f, -4.5f, 6.5f }, a + 2.5, 3);
        Check.Values(new[] { 2, -3, 1 }, a.FloorDivide(3), 3);
        Check.Values(new[] { 1, 2, 1 }, a.Remainder(3), 3);
        Check.Values(new[] { 343, -343, 64 }, a.Pow(3), 3);
        Check.Values(new[] { -4, 10, -1 }, 3 - a, 3);
        Check.Values(new[] { 128, 0, 16 }, Tensor.Pow(2, a), 3);
        Assert.Equal(DType.Float32, a.Pow(0.5).DType);
        Check.Throws<ArgumentException>("Integers to negative integer powers are not allowed.", () => a.Pow(-1));
        Check.Values(new[] { 7, 2, 4 }, a.Maximum(b), 3);
    }

    [Fact]
    public void InPlaceKeepsInt32OrRefuses()
    {
        var a = I32([7, -7, 4]);
        a.Add_(Tensor.FromArray(new long[] { 2, 2, 3 }));
        Check.Values(new[] { 9, -5, 7 }, a, 3);
        Check.Throws<ArgumentException>("result type Float can't be cast to the desired output type Int", () => a.Add_(2.5));
        Check.Throws<ArgumentException>("result type Float can't be cast to the desired output type Int", () => a.Div_(2));
        Check.Throws<ArgumentException>("result type Float can't be cast to the desired output type Int", () => a.Sqrt_());
        Check.Values(new[] { 9, -5, 7 }, a, 3);
        var l = Tensor.FromArray(new long[] { 1, 1, 1 });
        l.Add_(a);
        Check.Values(new long[] { 10, -4, 8 }, l, 3);
    }

    [Fact]
    public void ReductionsMatchPyTorch()
    {
        var x = X();
        var sum = x.Sum();
        Assert.Equal(DType.Int64, sum.DType);
        Assert.Equal(5L, sum.Item<long>());
        Check.Values(new long[] { 2, 3 }, x.Sum([1]), 2);
        Assert.Equal(720L, x.Prod().Item<long>());
        Check.Values(new long[] { 1, -1, 2, 4, 9, 3 }, x.Cumsum(1), 2, 3);
        Check.Values(new long[] { 1, -2, -6, 4, 20, -120 }, x.Cumprod(1), 2, 3);
        Assert.Equal(2147483648L, I32([int.MaxValue, 1]).Sum().Item<long>());
        var max = x.Max();
        Assert.Equal(DType.Int32, max.DType);
        Assert.Equal(5, max.Item<int>());
        var (values, indices) = x.Max(1);
        Check.Values(new[] { 3, 5 }, values, 2);
        Check.Values(new long[] { 2, 1 }, indices, 2);
        Check.Values(new[] { -2, -6 }, x.Amin([1]), 2);
        Assert.Equal(4L, x.ArgMax().Item<long>());
        Check.Throws<ArgumentException>("mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: Int", () => x.Mean());
        Assert.Equal(1, x.Median().Item<int>());
        var (mv, mi) = x.Mode(1);
        Check.Values(new[] { -2, -6 }, mv, 2);
        Check.Values(new long[] { 1, 2 }, mi, 2);
        var (sv, si) = x.Sort(1);
        Check.Values(new[] { -2, 1, 3, -6, 4, 5 }, sv, 2, 3);
        Check.Values(new long[] { 1, 0, 2, 2, 0, 1 }, si, 2, 3);
        var (tv, ti) = x.TopK(2, 1);
        Check.Values(new[] { 3, 1, 5, 4 }, tv, 2, 2);
        Check.Values(new long[] { 2, 0, 1, 0 }, ti, 2, 2);
        var (cv, ci) = x.Cummax(1);
        Check.Values(new[] { 1, 1, 3, 4, 5, 5 }, cv, 2, 3);
        Check.Values(new long[] { 0, 0, 2, 0, 1, 1 }, ci, 2, 3);
        Check.Values(new[] { -6, -2, 1, 3, 4, 5 }, x.Unique().Values, 6);
        Assert.Equal(DType.Int64, x.CountNonzero().DType);
        Check.Throws<InvalidOperationException>("linalg.vector_norm: Expected a floating point or complex tensor as input. Got Int", () => x.Norm());
    }

    [Fact]
    public void UnaryAndBitwiseMatchPyTorch()
    {
        var x = X();
        Check.Values(new[] { 1, 2, 3, 4, 5, 6 }, x.Abs(), 2, 3);
        Check.Values(new[] { -1, 2, -3, -4, -5, 6 }, -x, 2, 3);
        Check.Values(new[] { 1, -1, 1, 1, 1, -1 }, x.Sign(), 2, 3);
        Check.Values(new[] { 1, 0, 3, 4, 5, 0 }, x.Relu(), 2, 3);
        Check.Values(new[] { 1, 4, 9, 16, 25, 36 }, x.Square(), 2, 3);
        Assert.Equal(DType.Int32, x.Floor().DType);
        Assert.Equal(DType.Float32, x.Sqrt().DType);
        Check.Values(new[] { -2, 1, -4, -5, -6, 5 }, x.BitwiseNot(), 2, 3);
        Check.Values(new[] { 2, -4, 6, 8, 10, -12 }, x.BitwiseLeftShift(Tensor.Scalar(1, DType.Int32)), 2, 3);
        Check.Values(new[] { 0, -1, 1, 2, 2, -3 }, x.BitwiseRightShift(Tensor.Scalar(1, DType.Int32)), 2, 3);
        var y = I32([3, 3, 3, 1, 1, 1], 2, 3);
        Check.Values(new[] { 2, -3, 0, 5, 4, -5 }, x.BitwiseXor(y), 2, 3);
        Check.Values(new[] { 8, -16, 24, 8, 10, -12 }, x.BitwiseLeftShift(y), 2, 3);
        Check.Values(new[] { 1, -1, 2, 2, 2, -1 }, x.Clamp(-1, 2), 2, 3);
        Check.Values(new[] { false, true, false, false, false, true }, x.Signbit(), 2, 3);
        Check.Values(new[] { 1, 2, 3, 4, 5, 6 }, x.Gcd(x), 2, 3);
        Check.Values(new[] { 1, 2, 3, 4, 5, 2 }, x.Gcd(I32([2, 4, 6, 8, 10, 4], 2, 3)), 2, 3);
    }

    [Fact]
    public void ArithmeticWrapsAsTwosComplement()
    {
        var big = I32([int.MaxValue]);
        var small = I32([int.MinValue]);
        Check.Values(new[] { int.MinValue }, big + 1, 1);
        Check.Values(new[] { -2 }, big * 2, 1);
        Check.Values(new[] { int.MaxValue }, small - 1, 1);
        Check.Values(new[] { int.MinValue }, small.Abs(), 1);
        Check.Values(new[] { int.MinValue }, -small, 1);
        // A Python int beyond 32 bits is wrapped to the tensor's dtype.
        Check.Values(new[] { -1 }, big + 2147483648.0, 1);
        Check.Values(new[] { 5 }, I32([5]) + 1099511627776.0, 1);
        Check.Throws<InvalidOperationException>("ZeroDivisionError", () => I32([5, -5]).FloorDivide(0));
        Check.Throws<InvalidOperationException>("ZeroDivisionError", () => I32([5, -5]).Remainder(I32([1, 0])));
        Check.Values(new[] { float.PositiveInfinity }, I32([5]) / 0, 1);
        Check.Values(new[] { -1, 0, -1, -1, -2, 1 }, X().FloorDivide(-4), 2, 3);
        Check.Values(new[] { -3, -2, -1, 0, -3, -2 }, X().Remainder(-4), 2, 3);
        Check.Values(new[] { 1, -2, 3, 0, 1, -2 }, X().Fmod(-4), 2, 3);
    }

    [Fact]
    public void CastsMatchPyTorch()
    {
        var f = Tensor.FromArray(new[] { 1.7f, -1.7f, float.NaN, float.PositiveInfinity, float.NegativeInfinity, 3e9f, -3e9f });
        Check.Values(new[] { 1, -1, int.MinValue, int.MinValue, int.MinValue, int.MinValue, int.MinValue }, f.To(DType.Int32), 7);
        Check.Values(new[] { 2147483520 }, Tensor.FromArray(new[] { 2147483520f }).To(DType.Int32), 1);
        var l = Tensor.FromArray(new long[] { 1L << 31, -(1L << 31) - 1, (1L << 40) + 5, -1, 4294967295 });
        Check.Values(new[] { int.MinValue, int.MaxValue, 5, -1, -1 }, l.To(DType.Int32), 5);
        Check.Values(new[] { false, true, true }, I32([0, 1, -3]).To(DType.Bool), 3);
        Check.Values(new[] { 1, 0 }, Tensor.FromArray(new[] { true, false }).To(DType.Int32), 2);
        Check.Values(new[] { 16777216f }, I32([16777217]).To(DType.Float32), 1);
        Check.Values(new[] { 16777217.0 }, I32([16777217]).To(DType.Float64), 1);
        Assert.Equal(7, Tensor.Scalar(7, DType.Int32).Item<int>());
        Assert.Equal(7L, Tensor.Scalar(7, DType.Int32).Item<long>());
        // Assignment into an int32 tensor truncates.
        var v = I32([1, 2, 3]);
        v[0] = Tensor.Scalar(7.9);
        Check.Values(new[] { 7, 2, 3 }, v, 3);
        Check.Values(new[] { 2, 2, 2 }, v.Fill_(2.7), 3);
    }

    [Fact]
    public void MatrixProductsWorkOnIntegers()
    {
        var x = X();
        Check.Values(new[] { 14, -24, -24, 77 }, x.MatMul(x.T), 2, 2);
        Check.Values(new[] { 14, -24, -24, 77 }, x.Mm(x.T.Contiguous()), 2, 2);
        var xl = x.To(DType.Int64);
        Check.Values(new long[] { 14, -24, -24, 77 }, xl.MatMul(xl.T), 2, 2);
        Assert.Equal(5, I32([1, 2]).Dot(I32([1, 2])).Item<int>());
        Check.Throws<ArgumentException>("expected m1 and m2 to have the same dtype, but got: int != float", () => x.MatMul(x.T.To(DType.Float32)));
        Check.Throws<ArgumentException>("expected m1 and m2 to have the same dtype, but got: int != long int", () => x.Mm(xl.T));
    }

    [Fact]
    public void IndexOpsTakeInt32WherePyTorchDoes()
    {
        var x = Tensor.Arange(0, 12, 1, DType.Float32).View(3, 4);
        var i32 = I32([2, 0]);
        NN.Check.Close([8, 9, 10, 11, 0, 1, 2, 3], x[i32], 0);
        NN.Check.Close([10, 0], x[i32, i32], 0);
        NN.Check.Close([4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7], x[I32([1, 0, 1])], 0);
        NN.Check.Close([4, 5, 6, 7], x[Tensor.Scalar(1, DType.Int32)], 0);
        NN.Check.Close([2, 0, 6, 4, 10, 8], x.IndexSelect(1, i32), 0);
        Check.Throws<ArgumentOutOfRangeException>("index 3 is out of bounds for dimension 0 with size 3", () => x[I32([3])].Dispose());
        var w = x.Clone();
        w[i32] = Tensor.Scalar(5);
        NN.Check.Close([5, 5, 5, 5, 4, 5, 6, 7, 5, 5, 5, 5], w, 0);
        var src = Tensor.Ones([2, 4]) * 100;
        NN.Check.Close([100, 101, 102, 103, 4, 5, 6, 7, 108, 109, 110, 111], x.IndexAdd(0, i32, src), 0);
        NN.Check.Close([2, 1, 2, 3, 4, 5, 6, 7, 8, 9, 1, 11], x.IndexPut([i32, i32], Tensor.FromArray(new[] { 1f, 2f })), 0);
        var weight = Tensor.Arange(0, 8, 1, DType.Float32).View(4, 2);
        NN.Check.Close([4, 5, 0, 1], Sharpgrad.NN.Functional.Embedding(i32, weight), 0);
        Check.Values(new long[] { 0, 2, 0, 1 }, I32([1, 1, 3]).Bincount(), 4);
        Check.Values(new[] { 0, 0, 1 }, Tensor.RepeatInterleave(I32([2, 1])), 3);
        NN.Check.Close([5, 5, 6], Tensor.FromArray(new[] { 5f, 6f }).RepeatInterleave(I32([2, 1])), 0);

        var g32 = I32([2, 0, 1, 1, 0, 0, 2, 1], 2, 4);
        Check.Throws<ArgumentException>("gather(): Expected dtype int64 for index", () => x.Gather(0, g32));
        Check.Throws<ArgumentException>("scatter(): Expected dtype int64 for index", () => x.Scatter(0, g32, src));
        Check.Throws<ArgumentException>("torch.take_along_dim(): dtype of indices should be Long but got Int", () => x.TakeAlongDim(g32, 0));
        Check.Throws<ArgumentException>("index_copy_(): Expected a long tensor for index, but got Int", () => x.IndexCopy(0, i32, src));
        Check.Throws<ArgumentOutOfRangeException>("index_fill_(): Expected dtype int64 for index.", () => x.IndexFill(0, i32, -1.0));
        Check.Throws<ArgumentException>("take(): Expected a long tensor for index, but got Int", () => x.Take(i32));
        Check.Throws<InvalidOperationException>("one_hot is only applicable to index tensor of type LongTensor.", () => Sharpgrad.NN.Functional.OneHot(i32, 4));
        Check.Throws<ArgumentException>("expected scalar type Long but found Int", () => Sharpgrad.NN.Functional.CrossEntropy(Tensor.Zeros([2, 3]), i32));
        Check.Throws<ArgumentException>("masked_fill_ only supports boolean masks, but got mask with dtype int", () => x.MaskedFill(I32([1, 0, 0, 1]), 0.0));
        Check.Throws<ArgumentException>("where expected condition to be a boolean tensor, but got a tensor with dtype Int", () => Tensor.Where(I32([1, 0, 0, 1]), x, x));
    }

    [Fact]
    public void PrintsAsPyTorch()
    {
        Assert.Equal("tensor([1, 2], dtype=torch.int32)", I32([1, 2]).ToString());
        Assert.Equal("tensor([[  1, -20],\n        [300,   4]], dtype=torch.int32)", I32([1, -20, 300, 4], 2, 2).ToString());
        Assert.Equal("tensor(5, dtype=torch.int32)", Tensor.Scalar(5, DType.Int32).ToString());
        Assert.Equal("tensor([], dtype=torch.int32)", Tensor.Zeros([0], DType.Int32).ToString());
        Assert.Equal("tensor([], size=(2, 0), dtype=torch.int32)", Tensor.Zeros([2, 0], DType.Int32).ToString());
        Assert.Equal("tensor([-2147483648,  2147483647], dtype=torch.int32)", I32([int.MinValue, int.MaxValue]).ToString());
        Assert.Equal("tensor([   0,    1,    2,  ..., 1197, 1198, 1199], dtype=torch.int32)", Tensor.Arange(1200, DType.Int32).ToString());
    }

    [Fact]
    public void CannotRequireGrad()
    {
        Check.Throws<InvalidOperationException>("Only Tensors of floating point and complex dtype can require gradients", () => Tensor.Ones([2], DType.Int32, requiresGrad: true));
        Check.Throws<InvalidOperationException>("only Tensors of floating point dtype can require gradients", () => I32([1, 2]).RequiresGrad_());
        var w = Tensor.FromArray(new[] { 1f, 2f }, requiresGrad: true);
        var y = w * I32([1, 2]);
        Assert.Equal(DType.Float32, y.DType);
        y.Sum().Backward();
        NN.Check.Close([1, 2], w.Grad!, 0);
    }

    [Fact]
    public void SafeTensorsRoundTripKeepsInt32()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sharpgrad-i32-{Guid.NewGuid():N}.safetensors");
        try
        {
            SafeTensors.Save(new Dictionary<string, Tensor> { ["a"] = I32([1, -2, int.MaxValue]) }, path);
            Assert.Equal(DType.Int64, SafeTensors.Load(path)["a"].DType);
            var loaded = SafeTensors.Load(path, keepIntegerDTypes: true);
            Assert.Equal(DType.Int32, loaded["a"].DType);
            Check.Values(new[] { 1, -2, int.MaxValue }, loaded["a"], 3);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void IntegerPowWrapsAsPyTorch()
    {
        Check.Values(new[] { 689956897 }, I32([3]).Pow(40), 1);
        Check.Values(new long[] { -6289078614652622815 }, Tensor.FromArray(new long[] { 3 }).Pow(40), 1);
        Check.Values(new[] { 689956897, -8, 1, int.MinValue }, I32([3, -2, 0, 2]).Pow(I32([40, 3, 0, 31])), 4);
        Check.Values(new[] { 0, 1, -1, 0 }, I32([2, 1, -1, 0]).Pow(I32([-1, -3, -3, -1])), 4);
        Check.Values(new[] { int.MinValue, 0, 0 }, Tensor.Pow(2, I32([31, 32, -1])), 3);
        Check.Values(new long[] { -6289078614652622815 }, Tensor.Pow(3, Tensor.FromArray(new long[] { 40 })), 1);
        Check.Values(new[] { 7, 1, 4 }, I32([7, -7, 4]).Pow(Tensor.FromArray(new[] { true, false, true })), 3);
        var x = I32([2, -3]);
        x.Pow_(3);
        Check.Values(new[] { 8, -27 }, x, 2);
        Check.Throws<ArgumentException>("result type Float can't be cast to the desired output type Int", () => x.Pow_(0.5));
    }

    [Fact]
    public void DivWithRoundingModeMatchesPyTorch()
    {
        var a = Tensor.FromArray(new[] { 7f, -7f, 5.5f, -5.5f, 0f, -0f }, requiresGrad: true);
        var b = Tensor.FromArray(new[] { 2f, 2f, -2f, -2f, 3f, 3f });
        var floor = a.Div(b, "floor");
        Assert.Equal("DivBackward2", floor.GradFn!.Name);
        Check.Values(new[] { 3f, -4f, -3f, 2f, 0f, -0f }, floor, 6);
        Assert.True(float.IsNegative(floor.ToArray<float>()[5]));
        Check.Values(new[] { 3f, -3f, -2f, 2f, 0f, -0f }, a.Div(b, "trunc"), 6);
        Check.Values(new[] { 3f, -4f, 2f, -3f, 0f, -0f }, a.Div(2, "floor"), 6);
        Check.Values(new[] { 3f, -3f, 2f, -2f, 0f, -0f }, a.Div(2, "trunc"), 6);
        floor.Sum().Backward();
        NN.Check.Close([0, 0, 0, 0, 0, 0], a.Grad!, 0);
        var da = Tensor.FromArray(new[] { 7.3, -7.3, 5.6 }, requiresGrad: true);
        var db = Tensor.FromArray(new[] { 2.1, 2.2, -1.9 }, requiresGrad: true);
        Assert.True(Autograd.GradCheck(t => t[0].Div(t[1], "floor"), [da, db]));
        Assert.True(Autograd.GradCheck(t => t[0].Div(t[1], "trunc"), [da, db]));
        var i = I32([7, -7, 5]);
        Check.Values(new[] { 3, -4, -3 }, i.Div(I32([2, 2, -2]), "floor"), 3);
        Check.Values(new[] { 3, -3, -2 }, i.Div(I32([2, 2, -2]), "trunc"), 3);
        Check.Values(new[] { 3, -4, 2 }, i.Div(2, "floor"), 3);
        Check.Values(new[] { 3, -3, 2 }, Tensor.Div(i, Tensor.Scalar(2, DType.Int64), "trunc"), 3);
        Check.Values(new[] { 2f, -3f, 2f }, i.Div(2.5, "floor"), 3);
        Check.Values(new[] { 2f, -2f, 2f }, i.Div(2.5, "trunc"), 3);
        Check.Values(new[] { float.PositiveInfinity, float.NegativeInfinity, float.NaN }, Tensor.FromArray(new[] { 1f, -1f, 0f }).Div(0, "trunc"), 3);
        Check.Throws<InvalidOperationException>("ZeroDivisionError", () => Tensor.FromArray(new long[] { 1 }).Div(0, "floor"));
        Check.Throws<ArgumentException>("div expected rounding_mode to be one of None, 'trunc', or 'floor' but found 'round'", () => a.Div(b, "round"));
        Check.Throws<ArgumentException>("\"div_floor_cpu\" not implemented for 'Bool'", () => Tensor.FromArray(new[] { true }).Div(Tensor.FromArray(new[] { true }), "floor"));
    }

    [Fact]
    public void ConversionsAndDTypeOptions()
    {
        Check.Values(new[] { 1, -1 }, Tensor.FromArray(new[] { 1.7f, -1.7f }).Int(), 2);
        Check.Values(new[] { true, false }, Tensor.FromArray(new[] { 1.7f, 0f }).Bool(), 2);
        Assert.Equal(DType.Int64, I32([1]).Long().DType);
        Assert.Equal(DType.Float32, I32([1]).Float().DType);
        var w = Tensor.FromArray(new[] { 1.5f }, requiresGrad: true);
        Assert.Equal("ToCopyBackward0", w.Double().GradFn!.Name);
        Assert.False(w.Int().RequiresGrad);
        Assert.Equal(DType.Int32, Tensor.RandPerm(4, DType.Int32).DType);
        Check.Values(new[] { 0, 1, 2, 3 }, Tensor.RandPerm(4, DType.Int32).Sort().Values, 4);
        Assert.Equal(DType.Float32, Tensor.RandInt(0, 10, [2], DType.Float32).DType);
        Assert.Equal(DType.Int32, Tensor.RandInt(0, 10, [2], DType.Int32).DType);
        Check.Values(new[] { 2, 3 }, Tensor.SearchSorted(Tensor.FromArray(new long[] { 1, 3, 5 }), Tensor.FromArray(new long[] { 3, 6 }), right: true, outInt32: true), 2);
        Check.Values(new[] { 1, 3 }, Tensor.FromArray(new[] { 2f, 6f }).Bucketize(Tensor.FromArray(new[] { 1f, 3f, 5f }), outInt32: true), 2);
        Check.Values(new long[] { 1, 3 }, Tensor.SearchSorted(I32([1, 3, 5]), I32([2, 6])), 2);
    }

    [Fact]
    public void AnyAllAlongDims()
    {
        var m = Tensor.FromArray(new long[] { 1, 0, 0, 0 }, [2, 2]);
        Check.Values(new[] { true, false }, m.Any(1), 2);
        Check.Values(new[] { true, false }, m.To(DType.Float32).Any(1, keepDim: true), 2, 1);
        Check.Values(new[] { true, false }, Tensor.FromArray(new[] { true, false, true, true }, [2, 2]).All(0), 2);
        Check.Values(new[] { false, true }, I32([1, 0, 2, 3], 2, 2).All(dim: 1), 2);
        Check.Values(new[] { false, false }, Tensor.Zeros([2, 0]).Any(1), 2);
        Check.Values(new[] { true, true }, Tensor.Zeros([2, 0]).All(1), 2);
        Check.Values(new[] { true }, m.Any([0, 1]), []);
    }

    [Fact]
    public void WhereWithANumberAndTensorMethods()
    {
        var c = Tensor.FromArray(new[] { true, false });
        Check.Values(new[] { 1f, 2.5f }, I32([1, 2]).Where(c, 2.5), 2);
        Check.Values(new[] { 1, 7 }, I32([1, 2]).Where(c, 7), 2);
        Check.Values(new long[] { 1, 20 }, Tensor.Where(c, I32([1, 2]), Tensor.FromArray(new long[] { 10, 20 })), 2);
        Check.Values(new[] { 2.0, 0.1 }, Tensor.Where(c, Tensor.FromArray(new[] { 0.5, 2.0 }), 0.1).Where(c.LogicalNot(), 2.0), 2);
        NN.Check.Close([0.2689414322376251, 0.7310585975646973], Tensor.FromArray(new[] { 1f, 2f }).Softmax(0), 0);
        Check.Throws<ArgumentException>("\"leaky_relu_cpu\" not implemented for 'Int'", () => Sharpgrad.NN.Functional.LeakyRelu(X()));
        Check.Throws<ArgumentException>("\"leaky_relu_cpu\" not implemented for 'Long'", () => Sharpgrad.NN.Functional.LeakyRelu(X().Long()));
        Check.Throws<ArgumentException>("result type Float can't be cast to the desired output type int", () => X().Clamp_(-1.5, 2.5));
        Check.Throws<ArgumentException>("result type Float can't be cast to the desired output type long int", () => X().Long().Clamp_(-1.5, 2.5));
        Check.Values(new long[] { 1, -1, 2, 2, 2, -1 }, X().Long().Clamp_(-1, 2), 2, 3);
        Assert.Equal(DType.Int32, I32([1, 2]).Dot(I32([1, 2])).DType);
        Check.Values(new[] { 14, -24, -24, 77 }, Tensor.Einsum("ij,kj->ik", X(), X()), 2, 2);
    }

    [Fact]
    public void IntegralScalarsCompareInTheTensorsDtype()
    {
        Check.Values(new[] { false }, I32([5]).Lt(1099511627776.0), 1);
        Check.Values(new[] { true }, I32([5]).Eq(4294967301.0), 1);
        Check.Values(new[] { true }, I32([5]).Lt(5.5), 1);
        var big = Tensor.FromArray(new[] { (1L << 53) + 1 });
        Check.Values(new[] { false }, big.Eq(9007199254740992.0), 1);
        Check.Values(new[] { true }, big.Gt(9007199254740992.0), 1);
    }
}
