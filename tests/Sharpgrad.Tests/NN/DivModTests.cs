namespace Sharpgrad.Tests.NN;

/// <summary>remainder, fmod and floor_divide: PyTorch 2.6 values (signs of zero, NaN, inf), dtypes, gradients, messages.</summary>
public class DivModTests
{
    private const double Inf = double.PositiveInfinity;
    private const double NaN = double.NaN;

    /// <summary>Exact equality that tells -0.0 from 0.0 (and NaN equals NaN).</summary>
    private static void Exact(double[] expected, Tensor actual)
    {
        var a = actual.To(DType.Float64).Contiguous().ToArray<double>();
        Assert.Equal(expected.Length, a.Length);
        for (int i = 0; i < a.Length; i++)
            Assert.True(double.IsNaN(expected[i]) ? double.IsNaN(a[i]) : expected[i].Equals(a[i]) && double.IsNegative(expected[i]) == double.IsNegative(a[i]),
                $"at {i}: expected {expected[i]:R}, got {a[i]:R}");
    }

    private static Tensor A() => Check.F64([5.0, -5.0, 5.0, -5.0, 4.0, -4.0, 0.0, -0.0, 1.5, Inf, 3.0, NaN, 2.0, -2.0], 14);
    private static Tensor B() => Check.F64([3.0, 3.0, -3.0, -3.0, 2.0, 2.0, 3.0, 3.0, 0.0, 2.0, Inf, 1.0, -Inf, Inf], 14);

    [Fact]
    public void FloatValuesMatchPyTorch()
    {
        Exact([2.0, 1.0, -1.0, -2.0, 0.0, -0.0, 0.0, -0.0, NaN, NaN, 3.0, NaN, -Inf, Inf], A().Remainder(B()));
        Exact([2.0, 1.0, -1.0, -2.0, 0.0, -0.0, 0.0, -0.0, NaN, NaN, 3.0, NaN, -Inf, Inf], A() % B());
        Exact([2.0, -2.0, 2.0, -2.0, 0.0, -0.0, 0.0, -0.0, NaN, NaN, 3.0, NaN, 2.0, -2.0], A().Fmod(B()));
        Exact([1.0, -2.0, -2.0, 1.0, 2.0, -2.0, 0.0, -0.0, Inf, NaN, 0.0, NaN, -1.0, -1.0], A().FloorDivide(B()));
        Exact([Inf, Inf], Tensor.FloorDivide(Check.F64([1.5, -2.5], 2), Check.F64([0.0, -0.0], 2)));
        Exact([NaN, NaN], Tensor.Fmod(Check.F64([1.5, -2.5], 2), Check.F64([0.0, -0.0], 2)));

        var fa = Check.F32([5.3f, -7.1f, 0.1f], 3);
        var fb = Check.F32([2.1f, 2.1f, -0.03f], 3);
        Assert.Equal(new[] { 1.1000003814697266f, 1.299999713897705f, -0.019999995827674866f }, fa.Remainder(fb).ToArray<float>());
        Assert.Equal(new[] { 1.1000003814697266f, -0.8000001907348633f, 0.01000000350177288f }, fa.Fmod(fb).ToArray<float>());
        Assert.Equal(new[] { 2.0f, -4.0f, -4.0f }, fa.FloorDivide(fb).ToArray<float>());
    }

    [Fact]
    public void IntegerValuesAndDTypesMatchPyTorch()
    {
        var a = Check.I64(5, -5, 5, -5, 4, -4, 0, 7);
        var b = Check.I64(3, 3, -3, -3, 2, 2, 3, -2);
        void Long(long[] expected, Tensor t)
        {
            Assert.Equal(DType.Int64, t.DType);
            Assert.Equal(expected, t.ToArray<long>());
        }
        Long([2, 1, -1, -2, 0, 0, 0, -1], a.Remainder(b));
        Long([1, 1, 1, 1, 0, 0, 0, 1], a % 2);
        Long([2, -2, 2, -2, 0, 0, 0, 1], a.Fmod(b));
        Long([1, -1, 1, -1, 0, 0, 0, 1], a.Fmod(2));
        Long([1, -2, -2, 1, 2, -2, 0, -4], a.FloorDivide(b));
        Long([2, -3, 2, -3, 2, -2, 0, 3], a.FloorDivide(2));
        Long([1, -2], Tensor.Remainder(7, Check.I64(3, -3)));
        Long([long.MinValue, 3], Check.I64(long.MinValue, 7).FloorDivide(Check.I64(-1, 2)));
        Long([0, 0], Check.I64(long.MinValue, 7).Remainder(Check.I64(-1, -1)));

        var f = a.Remainder(-2.5);
        Assert.Equal(DType.Float32, f.DType);
        Exact([0.0, -0.0, 0.0, -0.0, -1.0, -1.5, 0.0, -0.5], f);
        Exact([0.0, -0.0, 0.0, -0.0, 1.5, -1.5, 0.0, 2.0], a.Fmod(-2.5));
        Exact([-2.0, 2.0, -2.0, 2.0, -2.0, 1.0, -0.0, -3.0], a.FloorDivide(-2.5));
        var fb = b.To(DType.Float32);
        Assert.Equal(DType.Float32, a.Remainder(fb).DType);
        Exact([2.0, 1.0, -1.0, -2.0, 0.0, -0.0, 0.0, -1.0], a.Remainder(fb));
        Exact([2.0, -2.0, 2.0, -2.0, 0.0, -0.0, 0.0, 1.0], a.Fmod(fb));
        Exact([1.0, -2.0, -2.0, 1.0, 2.0, -2.0, 0.0, -4.0], a.FloorDivide(fb));
        var r = 7.5 % Check.F32([2f, -2f], 2);
        Assert.Equal(DType.Float32, r.DType);
        Assert.Equal(new[] { 1.5f, -0.5f }, r.ToArray<float>());
    }

    [Fact]
    public void ErrorsMatchPyTorch()
    {
        var a = Check.I64(5, -5);
        string Runtime(Func<Tensor> f) => Assert.Throws<InvalidOperationException>(() => f()).Message;
        string Argument(Func<Tensor> f) => Assert.Throws<ArgumentException>(() => f()).Message;
        Assert.Equal("ZeroDivisionError", Runtime(() => a.Remainder(Check.I64(0))));
        Assert.Equal("ZeroDivisionError", Runtime(() => a % 0));
        Assert.Equal("ZeroDivisionError", Runtime(() => a.Fmod(Check.I64(1, 0))));
        Assert.Equal("ZeroDivisionError", Runtime(() => a.Fmod(0)));
        Assert.Equal("ZeroDivisionError", Runtime(() => a.FloorDivide(Check.I64(0))));
        Assert.Equal("ZeroDivisionError", Runtime(() => a.FloorDivide(0)));
        Assert.Equal("ZeroDivisionError", Runtime(() => a.Clone().Remainder_(0)));
        var bools = Tensor.FromArray(new[] { true, false });
        var trues = Tensor.FromArray(new[] { true, true });
        Assert.Equal("\"remainder_cpu\" not implemented for 'Bool'", Argument(() => bools.Remainder(trues)));
        Assert.Equal("\"fmod_cpu\" not implemented for 'Bool'", Argument(() => bools.Fmod(trues)));
        Assert.Equal("\"div_floor_cpu\" not implemented for 'Bool'", Argument(() => bools.FloorDivide(trues)));
        Assert.Equal("The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 0",
            Argument(() => Tensor.Zeros([2]).Remainder(Tensor.Zeros([3]))));
        Assert.Equal("result type Float can't be cast to the desired output type Long", Argument(() => Check.I64(1, 2).Remainder_(1.5)));
        Assert.Equal("result type Float can't be cast to the desired output type Long", Argument(() => Check.I64(1, 2).Fmod_(1.5)));
    }

    [Fact]
    public void RemainderGradientsMatchPyTorch()
    {
        var x = Check.Det([2, 3], 0.6, 2.0).RequiresGrad_();
        var z = Check.Det([3], 0.9, 1.5).RequiresGrad_();
        var y = x.Remainder(z);
        Assert.Equal("RemainderBackward1", y.GradFn!.Name);
        Check.Close([0.5, 0.7182562774133601, -0.29769391716554483, 1.0455958106138263, 0.3900424737295023, -0.2759692830027374], y, 1e-12);
        y.Backward(Check.Det([2, 3], 0.2));
        double[] gx = [1.0, 0.9800665778412416, 0.9210609940028851, 0.8253356149096782, 0.6967067093471654, 0.5403023058681398];
        Check.Close(gx, x.Grad!, 1e-12);
        Check.Close([-0.17466438509032178, 0.41334684085308915, 0.06167145266795648], z.Grad!, 1e-12);

        x.Grad = null;
        y = x % 0.7;
        Assert.Equal("RemainderBackward0", y.GradFn!.Name);
        Check.Close([0.6000000000000001, 0.25067122981935674, 0.024715508953347287, 0.24559581061382618, 0.625212568917509, 0.12001500679910904], y, 1e-12);
        y.Backward(Check.Det([2, 3], 0.2));
        Check.Close(gx, x.Grad!, 1e-12);

        var w = x.Detach().Clone().RequiresGrad_();
        var u = w * 1.0;
        u.Remainder_(z);
        Assert.Equal("RemainderBackward1", u.GradFn!.Name);
        Check.Close([0.5, 0.7182562774133601, -0.29769391716554483, 1.0455958106138263, 0.3900424737295023, -0.2759692830027374], u, 1e-12);
        z.Grad = null;
        u.Backward(Check.Det([2, 3], 0.2));
        Check.Close(gx, w.Grad!, 1e-12);
        Check.Close([-0.17466438509032178, 0.41334684085308915, 0.06167145266795648], z.Grad!, 1e-12); // from self's original values

        Assert.True(Autograd.GradCheck(t => t[0].Remainder(t[1]), [x.Detach().Clone().RequiresGrad_(), z.Detach().Clone().RequiresGrad_()]));
        var n = 7.5 % Check.F64([2.0, -2.0], 2).RequiresGrad_();
        Assert.Equal("torch::autograd::NotImplemented", n.GradFn!.Name);
        Assert.Equal("derivative for aten::remainder is not implemented", Assert.Throws<InvalidOperationException>(() => n.Sum().Backward()).Message);
    }

    [Fact]
    public void FmodGradientsMatchPyTorch()
    {
        var x = Check.Det([2, 3], 0.6, 2.0).RequiresGrad_();
        var z = Check.Det([3], 0.9, 1.5).RequiresGrad_();
        var y = x.Fmod(z);
        Assert.Equal("FmodBackward1", y.GradFn!.Name);
        Check.Close([0.5, 0.7182562774133601, 0.04310922487408586, -0.4544041893861738, -0.5423724786764943, -0.2759692830027374], y, 1e-12);
        y.Backward(Check.Det([2, 3], 0.2));
        double[] gx = [1.0, 0.9800665778412416, 0.9210609940028851, 0.8253356149096782, 0.6967067093471654, 0.5403023058681398];
        Check.Close(gx, x.Grad!, 1e-12);
        Check.Close([-1.0, -0.28335986849407624, -0.8593895413349286], z.Grad!, 1e-12);

        x.Grad = null;
        y = x.Fmod(0.7);
        Assert.Equal("FmodBackward0", y.GradFn!.Name);
        Check.Close([0.6000000000000001, 0.25067122981935674, 0.024715508953347287, -0.4544041893861738, -0.07478743108249097, -0.5799849932008909], y, 1e-12);
        y.Backward(Check.Det([2, 3], 0.2));
        Check.Close(gx, x.Grad!, 1e-12);

        var w = x.Detach().Clone().RequiresGrad_();
        var u = w * 1.0;
        u.Fmod_(z);
        Assert.Equal("FmodBackward1", u.GradFn!.Name);
        u.Backward(Check.Det([2, 3], 0.2));
        Check.Close(gx, w.Grad!, 1e-12);

        Assert.True(Autograd.GradCheck(t => t[0].Fmod(t[1]), [x.Detach().Clone().RequiresGrad_(), z.Detach().Clone().RequiresGrad_()]));
    }

    [Fact]
    public void FloorDivideRecordsNoDerivative()
    {
        var x = Check.Det([2, 3], 0.6, 2.0).RequiresGrad_();
        var y = x.FloorDivide(0.7);
        Assert.Equal("torch::autograd::NotImplemented", y.GradFn!.Name);
        Check.Close([2.0, 2.0, 1.0, -1.0, -3.0, -3.0], y, 0);
        Assert.Equal("derivative for aten::floor_divide is not implemented", Assert.Throws<InvalidOperationException>(() => y.Sum().Backward()).Message);
        Assert.Equal("torch::autograd::NotImplemented", x.FloorDivide(Check.F64([0.7, 0.3, 1], 3)).GradFn!.Name);
        var u = x * 1.0;
        u.FloorDivide_(Check.F64([0.7, 0.3, 1], 3));
        Assert.Equal("torch::autograd::NotImplemented", u.GradFn!.Name);
        Assert.Null(Check.F64([1.0], 1).FloorDivide(0.5).GradFn);
    }
}
