namespace Sharpgrad.Tests.Core;

/// <summary>isin, result_type/promote_types/can_cast, torch.gradient, signal windows and linalg aliases: PyTorch 2.6's values and messages.</summary>
public class SignalAndTypesTests
{
    [Fact]
    public void IsInMatchesPyTorch()
    {
        var e = Tensor.FromArray(new long[] { 1, 2, 3, 4 }, [2, 2]);
        var t = Tensor.FromArray(new long[] { 2, 3, 7 });
        Check.Values(new[] { false, true, true, false }, Tensor.IsIn(e, t), 2, 2);
        Check.Values(new[] { true, false, false, true }, Tensor.IsIn(e, t, invert: true), 2, 2);
        Check.Values(new[] { false, true, false, false }, Tensor.IsIn(e, 2), 2, 2);
        Assert.True(Tensor.IsIn(3, t).Item<bool>());
        Check.Values(new[] { true, false, false }, Tensor.IsIn(Tensor.FromArray(new[] { 1.0f, 2.5f, float.NaN }), Tensor.FromArray(new long[] { 1, 2 })), 3);
        Check.Values(new[] { false }, Tensor.IsIn(Tensor.FromArray(new[] { double.NaN }), Tensor.FromArray(new[] { double.NaN })), 1);
        Check.Values(new[] { false }, Tensor.IsIn(Tensor.FromArray(new[] { 0.1f }), Tensor.FromArray(new[] { 0.1 })), 1);
        Check.Values(new[] { true }, Tensor.IsIn(Tensor.FromArray(new[] { long.MaxValue }), Tensor.FromArray(new[] { long.MaxValue })), 1);
        Check.Values(new[] { false }, Tensor.IsIn(Tensor.FromArray(new[] { long.MaxValue }), Tensor.FromArray(new[] { long.MaxValue - 1 })), 1);
        Check.Throws<ArgumentException>("Unsupported input type encountered for isin(): Bool", () => Tensor.IsIn(Tensor.FromArray(new[] { true }), Tensor.FromArray(new[] { true })));
        Assert.False(Tensor.IsIn(Tensor.FromArray(new[] { 1f }, requiresGrad: true), Tensor.FromArray(new[] { 1f })).RequiresGrad);
    }

    [Fact]
    public void DTypeQuestions()
    {
        var i32 = Tensor.FromArray(new[] { 1 });
        Assert.Equal(DType.Float32, Tensor.ResultType(i32, 2.5));
        Assert.Equal(DType.Float64, Tensor.ResultType(i32, Tensor.Scalar(2.5, DType.Float64)));
        Assert.Equal(DType.Int32, Tensor.ResultType(i32, 5));
        Assert.Equal(DType.Int64, Tensor.ResultType(Tensor.FromArray(new[] { true }), 5));
        Assert.Equal(DType.Float32, Tensor.PromoteTypes(DType.Int32, DType.Float32));
        Assert.False(Tensor.CanCast(DType.Float32, DType.Int32));
        Assert.True(Tensor.CanCast(DType.Int64, DType.Float32));
        Assert.True(Tensor.CanCast(DType.Int64, DType.Int32));
        Assert.True(Tensor.CanCast(DType.Bool, DType.Int32));
        Assert.False(Tensor.CanCast(DType.Int32, DType.Bool));
        Assert.True(Tensor.CanCast(DType.Float64, DType.Float32));
    }

    [Fact]
    public void GradientMatchesPyTorch()
    {
        Check.Values(new[] { 3f, 4f, 6f, 7f }, Tensor.Gradient(Tensor.FromArray(new[] { 1f, 4f, 9f, 16f }))[0], 4);
        Check.Values(new[] { 1.5f, 2f, 3f, 3.5f }, Tensor.Gradient(Tensor.FromArray(new[] { 1f, 4f, 9f, 16f }), [2.0])[0], 4);
        Check.Values(new[] { 2f, 4f, 6f, 8f }, Tensor.Gradient(Tensor.FromArray(new[] { 1f, 4f, 9f, 16f }), edgeOrder: 2)[0], 4);
        Check.Values(new[] { 3f, 4f, 6f, 7f }, Tensor.Gradient(Tensor.FromArray(new long[] { 1, 4, 9, 16 }))[0], 4);
        var x = Tensor.FromArray(new[] { 1.0, 2, 4, 7, 2, 5, 11, 3 }, [2, 4], requiresGrad: true);
        NN.Check.Close([0.7142857142857143, 2.142857142857143, 3.5714285714285716, 5.0, 2.142857142857143, 6.428571428571429, -1.4285714285714286, -21.42857142857143],
            Tensor.Gradient(x, [0.7], [1], 2)[0], 1e-14);
        var both = Tensor.Gradient(x, [0.5, 0.25]);
        Assert.Equal("CatBackward0", both[0].GradFn!.Name);
        NN.Check.Close([2, 6, 14, -8, 2, 6, 14, -8], both[0], 1e-14);
        NN.Check.Close([4, 6, 10, 12, 12, 18, -4, -32], both[1], 1e-14);
        var c = Tensor.FromArray(new[] { 0, 0.3, 1.1, 1.5 });
        NN.Check.Close([3.5606060606060623, 3.106060606060606, 5.833333333333334, 9.166666666666668, 10.681818181818187, 9.318181818181818, -10.833333333333337, -29.16666666666667],
            Tensor.Gradient(x, [c], [1], 2)[0], 1e-13);
        var g = Tensor.Gradient(x, [c], [1])[0];
        NN.Check.Close([3.3333333333333335, 3.106060606060606, 5.833333333333334, 7.500000000000002, 10, 9.318181818181818, -10.833333333333337, -20.000000000000004], g, 1e-13);
        (g * Tensor.Arange(0, 8, 1, DType.Float64).Reshape(2, 4)).Sum().Backward();
        NN.Check.Close([-2.4242424242424243, 1.2500000000000004, -9.659090909090914, 10.833333333333336, -25.454545454545453, 21.25, -23.295454545454554, 27.500000000000007], x.Grad!, 1e-13);
        Check.Throws<ArgumentException>("torch.gradient expected each dimension size to be at least edge_order+1", () => Tensor.Gradient(Tensor.FromArray(new[] { 1f })));
        Check.Throws<ArgumentException>("torch.gradient only supports edge_order=1 and edge_order=2.", () => Tensor.Gradient(Tensor.Ones([2, 4]), edgeOrder: 3));
        Check.Throws<ArgumentException>("torch.gradient expected spacing to be unspecified, a scalar, or a list of length equal to 'self.dim() = 2', since dim argument was not given, but got a list of length 3",
            () => Tensor.Gradient(Tensor.Ones([2, 4]), [1.0, 2.0, 3.0]));
        var a = Tensor.FromArray(new[] { 0.3, 1.7, -0.4, 2.2, 0.9 }, requiresGrad: true);
        Assert.True(Autograd.GradCheck(t => Tensor.Gradient(t[0], edgeOrder: 2)[0], [a]));
    }

    [Fact]
    public void WindowsMatchPyTorch()
    {
        NN.Check.Close([0.0, 0.345491502812526, 0.904508497187474, 0.904508497187474, 0.345491502812526], Tensor.HannWindow(5, dtype: DType.Float64), 1e-14);
        NN.Check.Close([0, 0.5, 1, 0.5, 0], Tensor.HannWindow(5, periodic: false, dtype: DType.Float64), 1e-14);
        NN.Check.Close([0.08, 0.397852182587524, 0.912147817412476, 0.912147817412476, 0.397852182587524], Tensor.HammingWindow(5, dtype: DType.Float64), 1e-14);
        NN.Check.Close([0.08, 0.54, 1, 0.54, 0.08], Tensor.HammingWindow(5, periodic: false, dtype: DType.Float64), 1e-14);
        NN.Check.Close([0.0, 0.345491502812526, 0.904508497187474, 0.904508497187474, 0.345491502812526], Tensor.HammingWindow(5, true, 0.5, 0.5, DType.Float64), 1e-14);
        NN.Check.Close([0.0, 0.20077014326253, 0.849229856737469, 0.84922985673747, 0.200770143262531], Tensor.BlackmanWindow(5, dtype: DType.Float64), 1e-12);
        NN.Check.Close([0, 0.34, 1, 0.34, 0], Tensor.BlackmanWindow(5, periodic: false, dtype: DType.Float64), 1e-14);
        NN.Check.Close([0, 0.4, 0.8, 0.8, 0.4], Tensor.BartlettWindow(5, dtype: DType.Float64), 1e-14);
        NN.Check.Close([0, 0.5, 1, 0.5, 0], Tensor.BartlettWindow(5, periodic: false, dtype: DType.Float64), 1e-14);
        NN.Check.Close([0.0, 0.25, 0.75, 1.0, 0.7499999403953552, 0.2500000596046448], Tensor.HannWindow(6), 1e-7);
        NN.Check.Close([0.0, 0.3333333432674408, 0.6666666865348816, 1.0, 0.6666666269302368, 0.33333325386047363], Tensor.BartlettWindow(6), 1e-7);
        NN.Check.Close([5.277344132e-05, 0.101719687709563, 0.792939834101461, 0.792939834101461, 0.101719687709563], Tensor.KaiserWindow(5, dtype: DType.Float64), 1e-9);
        NN.Check.Close([0.002338830512733, 0.368972722615833, 1.0, 0.368972722615833, 0.002338830512733], Tensor.KaiserWindow(5, false, 8.0, DType.Float64), 1e-12);
        Assert.Equal(DType.Float32, Tensor.HannWindow(4).DType);
        Check.Values(new[] { 1f }, Tensor.BlackmanWindow(1), 1);
        Check.Shape(Tensor.HammingWindow(0), 0);
        Check.Throws<ArgumentException>("hann_window requires non-negative window_length, got window_length=-1", () => Tensor.HannWindow(-1));
        Check.Throws<ArgumentException>("hann_window expects floating point dtypes, got: TensorOptions(dtype=long int, device=cpu, layout=Strided (default), requires_grad=false (default), pinned_memory=false, memory_format=(nullopt))",
            () => Tensor.HannWindow(4, dtype: DType.Int64));
    }

    [Fact]
    public void LinalgAliases()
    {
        NN.Check.Close([1, 1, 1, 1, 2, 4, 1, 3, 9], Linalg.Vander(Tensor.FromArray(new[] { 1f, 2f, 3f })), 0);
        var v = Linalg.Vander(Tensor.FromArray(new long[] { 1, 2, 3 }), 2);
        Check.Values(new long[] { 1, 1, 1, 2, 1, 3 }, v, 3, 2);
        Assert.Equal(DType.Int64, Linalg.Vander(Tensor.FromArray(new[] { 1, 2, 3 })).DType);
        Check.Throws<ArgumentException>("N must be greater than 1.", () => Linalg.Vander(Tensor.Scalar(3)));
        var xv = Tensor.FromArray(new[] { 1.5, -2.0 }, requiresGrad: true);
        var y = Linalg.Vander(xv, 4);
        Assert.Equal("CatBackward0", y.GradFn!.Name);
        NN.Check.Close([1, 1.5, 2.25, 3.375, 1, -2, 4, -8], y, 0);
        y.Sum().Backward();
        NN.Check.Close([10.75, 9], xv.Grad!, 1e-14);
        NN.Check.Close([0, 0, 1], Linalg.Cross(Tensor.FromArray(new[] { 1f, 0, 0 }), Tensor.FromArray(new[] { 0f, 1, 0 })), 0);
        NN.Check.Close([0, 4, 8], Linalg.Diagonal(Tensor.Arange(0, 9, 1, DType.Float32).Reshape(3, 3)), 0);
        NN.Check.Close([1, 3, 0, 1], Linalg.MatrixPower(Tensor.FromArray(new[] { 1f, 1, 0, 1 }, [2, 2]), 3), 0);
        NN.Check.Close([3, 3], Linalg.Matmul(Tensor.Ones([2, 3]), Tensor.Ones([3])), 0);
    }
}
