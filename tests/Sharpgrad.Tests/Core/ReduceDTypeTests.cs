namespace Sharpgrad.Tests.Core;

/// <summary>prod along a dim, reductions with dtype=, and frexp: PyTorch 2.6's values, nodes and gradients.</summary>
public class ReduceDTypeTests
{
    [Fact]
    public void ProdAlongADimMatchesPyTorch()
    {
        var x = Tensor.FromArray(new[] { 2.0, 0, 3, 4, 5, -1, 0, 0, 2 }, [3, 3], requiresGrad: true);
        var w = Tensor.FromArray(new[] { 1.0, 2, 3 });
        var y = x.Prod(1);
        Assert.Equal("ProdBackward1", y.GradFn!.Name);
        NN.Check.Close([0, -20, 0], y, 0);
        (y * w).Sum().Backward();
        NN.Check.Close([0, 6, 0, -10, -8, 40, 0, 0, 0], x.Grad!, 0);
        x.Grad = null;
        var k = x.Prod(0, keepDim: true);
        Check.Shape(k, 1, 3);
        NN.Check.Close([0, 0, -6], k, 0);
        (k * w).Sum().Backward();
        NN.Check.Close([0, 0, -6, 0, 0, 18, 8, 0, -9], x.Grad!, 0);
        var z = Tensor.FromArray(new[] { 2.0, 3, 4, 5 }, [2, 2], requiresGrad: true);
        (z.Prod(1) * Tensor.FromArray(new[] { 1.0, 2 })).Sum().Backward();
        NN.Check.Close([3, 2, 10, 8], z.Grad!, 0);
        Check.Values(new long[] { 2, 12 }, Tensor.FromArray(new[] { 1, 2, 3, 4 }, [2, 2]).Prod(1), 2);
        Check.Values(new long[] { 0, 1 }, Tensor.FromArray(new[] { true, false, true, true }, [2, 2]).Prod(1), 2);
        NN.Check.Close([1, 1], Tensor.Zeros([2, 0]).Prod(1), 0);
        Assert.Equal(3.0, Tensor.Scalar(3.0).Prod(0).Item());
        var g = Tensor.FromArray(new[] { 1.5, -0.5, 2.0, 0.7, 1.1, -1.3 }, [2, 3], requiresGrad: true);
        Assert.True(Autograd.GradCheck(t => t[0].Prod(1), [g]));
        Assert.True(Autograd.GradCheck(t => t[0].Prod(0, keepDim: true), [g]));
        var withZero = Tensor.FromArray(new[] { 1.5, 0, 2.0, 0.7, 1.1, 0 }, [2, 3], requiresGrad: true);
        Assert.True(Autograd.GradCheck(t => t[0].Prod(1), [withZero]));
    }

    [Fact]
    public void DTypeArgumentConvertsFirst()
    {
        var a = Tensor.FromArray(new[] { 1.5f, 2.25f }, requiresGrad: true);
        var s = a.Sum(DType.Float64);
        Assert.Equal(DType.Float64, s.DType);
        Assert.Equal("SumBackward0", s.GradFn!.Name);
        Assert.Equal(3.75, s.Item());
        s.Backward();
        Assert.Equal(DType.Float32, a.Grad!.DType);
        NN.Check.Close([1, 1], a.Grad, 0);
        Assert.Equal("SumBackward1", a.Sum(0, false, DType.Float64).GradFn!.Name);
        var i = Tensor.FromArray(new[] { int.MaxValue, 1 });
        Assert.Equal(int.MinValue, i.Sum(DType.Int32).Item<int>());
        Assert.Equal(2147483648f, i.Sum(DType.Float32).Item<float>());
        Assert.Equal(1073741824.0, i.Mean(DType.Float64).Item());
        Assert.Equal("MeanBackward0", a.Mean(DType.Float64).GradFn!.Name);
        Check.Throws<ArgumentException>("mean(): could not infer output dtype. Optional dtype must be either a floating point or complex dtype. Got: Long", () => a.Mean(DType.Int64));
        Assert.Equal(3.375, a.Prod(DType.Float64).Item());
        Assert.Equal("ProdBackward1", a.Prod(0, false, DType.Float64).GradFn!.Name);
        Check.Values(new[] { 1.5, 3.75 }, a.Cumsum(0, DType.Float64), 2);
        Check.Values(new[] { int.MaxValue, int.MinValue }, i.Cumsum(0, DType.Int32), 2);
        Check.Values(new[] { 1.5, 3.375 }, a.Cumprod(0, DType.Float64), 2);
        var soft = a.Softmax(0, DType.Float64);
        Assert.Equal("SoftmaxBackward0", soft.GradFn!.Name);
        NN.Check.Close([0.320821300824607, 0.679178699175393], soft, 1e-15);
        NN.Check.Close([-1.1368710061148999, -0.3868710061149], Sharpgrad.NN.Functional.LogSoftmax(a, 0, DType.Float64), 1e-15);
    }

    [Fact]
    public void DTypeReductionsRecordOneNodeOnTheInput()
    {
        // PyTorch 2.6: x.sum(dtype=torch.float64).grad_fn.next_functions is ((AccumulateGrad, 0),) for sum, mean, prod,
        // cumsum and cumprod (the engine casts the Float64 gradient back to Float32); softmax/log_softmax go through
        // ToCopyBackward0. Gradients of y.sum() for x = [1, 2, 3].
        var x = Tensor.FromArray(new[] { 1f, 2f, 3f }, requiresGrad: true);
        var cases = new (string Node, Func<Tensor, Tensor> Op, double[] Grad)[]
        {
            ("SumBackward0", t => t.Sum(DType.Float64), [1, 1, 1]),
            ("SumBackward1", t => t.Sum(0, false, DType.Float64), [1, 1, 1]),
            ("MeanBackward0", t => t.Mean(DType.Float64), [1.0 / 3, 1.0 / 3, 1.0 / 3]),
            ("ProdBackward0", t => t.Prod(DType.Float64), [6, 3, 2]),
            ("ProdBackward1", t => t.Prod(0, false, DType.Float64), [6, 3, 2]),
            ("CumsumBackward0", t => t.Cumsum(0, DType.Float64), [3, 2, 1]),
            ("CumprodBackward0", t => t.Cumprod(0, DType.Float64), [9, 4, 2]),
        };
        foreach (var (name, op, grad) in cases)
        {
            var y = op(x);
            Assert.Equal(DType.Float64, y.DType);
            Assert.Equal(name, y.GradFn!.Name);
            Assert.Equal("AccumulateGrad", Assert.Single(y.GradFn.NextFunctions).Node!.Name);
            var g = Autograd.Grad([y.Sum()], [x])[0]!;
            Assert.Equal(DType.Float32, g.DType);
            NN.Check.Close(grad, g, 1e-7);
        }
        Assert.Equal("ToCopyBackward0", x.Softmax(0, DType.Float64).GradFn!.NextFunctions[0].Node!.Name);
        Assert.Equal("ToCopyBackward0", x.LogSoftmax(0, DType.Float64).GradFn!.NextFunctions[0].Node!.Name);
        // the same dtype converts nothing; a Float64 input reduced in Float32 gets a Float64 gradient
        Assert.Equal("AccumulateGrad", x.Sum(DType.Float32).GradFn!.NextFunctions[0].Node!.Name);
        var d = Tensor.FromArray(new[] { 0.5, 4.0 }, requiresGrad: true);
        d.Prod(DType.Float32).Backward();
        Assert.Equal(DType.Float64, d.Grad!.DType);
        NN.Check.Close([4, 0.5], d.Grad, 0);
        // create_graph: the cast back is itself recorded, so a second derivative flows (d²/dx² of sum(x³) = 6x)
        var c = Tensor.FromArray(new[] { 1f, 2f }, requiresGrad: true);
        var first = Autograd.Grad([(c * c * c).Sum(DType.Float64)], [c], createGraph: true)[0]!;
        Assert.Equal(DType.Float32, first.DType);
        NN.Check.Close([3, 12], first, 0);
        first.Sum().Backward();
        NN.Check.Close([6, 12], c.Grad!, 0);
        var p = Tensor.FromArray(new[] { 1.5, -0.5, 2.0 }, requiresGrad: true);
        Assert.True(Autograd.GradCheck(t => t[0].Cumprod(0, DType.Float64), [p]));
    }

    [Fact]
    public void FrexpMatchesPyTorch()
    {
        var x = Tensor.FromArray(new[] { 8f, 0.3f, -5f, 0f, -0f, float.PositiveInfinity, float.NaN, 1e-40f, 3e38f }, requiresGrad: true);
        var (m, e) = x.Frexp();
        Assert.Equal("FrexpBackward0", m.GradFn!.Name);
        Assert.Equal(DType.Int32, e.DType);
        Check.Values(new[] { 0.5f, 0.6f, -0.625f, 0f, -0f, float.PositiveInfinity, float.NaN, 0.5444488525390625f, 0.8816207647323608f }, m, 9);
        Assert.True(float.IsNegative(m.ToArray<float>()[4]));
        Check.Values(new[] { 4, -1, 3, 0, 0, 0, 0, -132, 128 }, e, 9);
        (m * Tensor.Arange(0, 9, 1, DType.Float32)).Sum().Backward();
        Check.Values(new[] { 0f, 2f, 0.25f, 3f, 4f, 5f, 6f, float.PositiveInfinity, 0f }, x.Grad!, 9);
        var (md, ed) = Tensor.FromArray(new[] { 1e-310, -6.0 }).Frexp();
        Check.Values(new[] { Math.ScaleB(1e-310, 1029), -0.75 }, md, 2);
        Check.Values(new[] { -1029, 3 }, ed, 2);
        Check.Throws<ArgumentException>("torch.frexp() only supports floating-point dtypes", () => Tensor.FromArray(new long[] { 1, 2 }).Frexp());
        var g = Tensor.FromArray(new[] { 3.7, -0.2, 12.5 }, requiresGrad: true);
        Assert.True(Autograd.GradCheck(t => t[0].Frexp().Mantissa, [g]));
    }
}
