namespace Sharpgrad.Tests.NN;

/// <summary>fmin/fmax, hypot, xlogy, copysign and logaddexp2: PyTorch 2.6 values (NaN, inf, signed zeros), nodes, gradients, dtypes.</summary>
public class BinaryMathTests
{
    /// <summary>Python's float('nan'), sign bit clear (.NET's double.NaN has it set, which copysign would see).</summary>
    private static readonly double NaN = BitConverter.Int64BitsToDouble(0x7FF8000000000000);
    private const double Inf = double.PositiveInfinity;

    /// <summary>Exact equality that tells -0.0 from 0.0, NaN equal to NaN; finite values within 1e-12 relative.</summary>
    private static void Same(double[] expected, Tensor actual)
    {
        var a = actual.To(DType.Float64).Contiguous().ToArray<double>();
        Assert.Equal(expected.Length, a.Length);
        for (int i = 0; i < a.Length; i++)
        {
            if (double.IsNaN(expected[i]) || double.IsInfinity(expected[i]) || expected[i] == 0)
                Assert.True(double.IsNaN(expected[i]) ? double.IsNaN(a[i]) : expected[i].Equals(a[i]) && double.IsNegative(expected[i]) == double.IsNegative(a[i]),
                    $"at {i}: expected {expected[i]:R}, got {a[i]:R}");
            else Check.Close(expected[i], a[i], 1e-12);
        }
    }

    /// <summary>The special-value inputs of the oracle script.</summary>
    private static (Tensor A, Tensor B) Special() =>
    (
        Check.F64([1.0, NaN, NaN, -0.0, 0.0, 2.0, -Inf, 3.0, 0.0, 0.0, 0.0, -2.0], 12).RequiresGrad_(),
        Check.F64([2.0, 1.0, NaN, 0.0, -0.0, 2.0, 5.0, Inf, NaN, -1.0, 0.0, 0.5], 12).RequiresGrad_()
    );

    /// <summary>f on the special values: PyTorch's node, values (signs of zero too) and gradients of sum().</summary>
    private static void SpecialCase(Func<Tensor, Tensor, Tensor> f, string node, double[] y, double[] ga, double[] gb)
    {
        var (a, b) = Special();
        var r = f(a, b);
        Assert.Equal(node, r.GradFn!.Name);
        Same(y, r);
        r.Sum().Backward();
        Same(ga, a.Grad!);
        Same(gb, b.Grad!);
    }

    /// <summary>f on det([2, 3], 0.6, 2) and |det([3], 0.9, 1.5)| (broadcast): values, gradients for det([2, 3], 0.2), GradCheck.</summary>
    private static void Broadcast(Func<Tensor, Tensor, Tensor> f, double[] y, double[] gx, double[] gz)
    {
        var x = Check.Det([2, 3], 0.6, 2.0).RequiresGrad_();
        var z = Check.Det([3], 0.9, 1.5).Abs().RequiresGrad_();
        var r = f(x, z);
        Check.Close(y, r, 1e-12);
        r.Backward(Check.Det([2, 3], 0.2));
        Check.Close(gx, x.Grad!, 1e-12);
        Check.Close(gz, z.Grad!, 1e-12);
        Assert.True(Autograd.GradCheck(t => f(t[0], t[1]), [x.Detach().Clone().RequiresGrad_(), z.Detach().Clone().RequiresGrad_()]));
    }

    [Fact]
    public void FminFmaxIgnoreNaN()
    {
        SpecialCase((a, b) => a.Fmin(b), "FminBackward0",
            [1.0, 1.0, NaN, -0.0, 0.0, 2.0, -Inf, 3.0, 0.0, -1.0, 0.0, -2.0],
            [1, 0, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1], [0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0]);
        SpecialCase((a, b) => Tensor.Fmax(a, b), "FmaxBackward0",
            [2.0, 1.0, NaN, -0.0, 0.0, 2.0, 5.0, Inf, 0.0, 0.0, 0.0, 0.5],
            [0, 0, 1, 1, 1, 1, 0, 0, 1, 1, 1, 0], [1, 1, 0, 0, 0, 0, 1, 1, 0, 0, 0, 1]);
        Broadcast((a, b) => a.Fmin(b), [1.5, 0.9324149524059966, 0.3408031420396307, -0.4544041893861738, -1.4747874310824909, -1.9799849932008908],
            [0.0, 0.0, 0.0, 0.8253356149096782, 0.6967067093471654, 0.5403023058681398], [1.0, 0.9800665778412416, 0.9210609940028851]);
        Broadcast((a, b) => a.Fmax(b), [2.0, 1.6506712298193567, 0.7247155089533472, 1.5, 0.9324149524059966, 0.3408031420396307],
            [1.0, 0.9800665778412416, 0.9210609940028851, 0.0, 0.0, 0.0], [0.8253356149096782, 0.6967067093471654, 0.5403023058681398]);

        var i = Check.I64(1, 2, -3);
        var j = Check.I64(2, -1, 0);
        Assert.Equal(new long[] { 1, -1, -3 }, i.Fmin(j).ToArray<long>());
        Assert.Equal(new long[] { 2, 2, 0 }, i.Fmax(j).ToArray<long>());
        Assert.Equal(new[] { true, true, false }, i.Ne(0.0).Fmin(j.Ne(0.0)).ToArray<bool>());
        Assert.Equal(new[] { true, true, true }, i.Ne(0.0).Fmax(j.Ne(0.0)).ToArray<bool>());
        Assert.Equal(DType.Float64, i.To(DType.Float32).Fmin(j.To(DType.Float64)).DType);
        Assert.Equal(new[] { 0.5f, -0.25f, -7f }, Check.F32([1.5f, -0.25f, 3f], 3).Fmin(Check.F32([0.5f, 2f, -7f], 3)).ToArray<float>());
    }

    [Fact]
    public void HypotMatchesPyTorch()
    {
        SpecialCase((a, b) => a.Hypot(b), "HypotBackward0",
            [2.23606797749979, NaN, NaN, 0.0, 0.0, 2.8284271247461903, Inf, Inf, NaN, 1.0, 0.0, 2.0615528128088303],
            [0.4472135954999579, NaN, NaN, NaN, NaN, 0.7071067811865475, NaN, 0.0, NaN, 0.0, NaN, -0.9701425001453319],
            [0.8944271909999159, NaN, NaN, NaN, NaN, 0.7071067811865475, 0.0, NaN, NaN, -1.0, NaN, 0.24253562503633297]);
        Broadcast((a, b) => Tensor.Hypot(a, b), [2.5, 1.895814640840086, 0.8008491434356372, 1.5673171878505339, 1.7448196498060107, 2.00910113108445],
            [0.8, 0.8533364330561213, 0.8334992832511197, -0.23928529845251506, -0.5888828098710825, -0.5324721791547222],
            [1.3898869686118562, 0.8543377131112364, 0.4836108601085778]);
        Same([Inf, Inf], Check.F64([Inf, NaN], 2).Hypot(Check.F64([NaN, Inf], 2)));
        Check.Close([1.5811388492584229, 2.015564441680908, 7.6157732009887695], Check.F32([1.5f, -0.25f, 3f], 3).Hypot(Check.F32([0.5f, 2f, -7f], 3)), 1e-7);

        var w = Check.Det([2, 3], 0.6, 2.0).RequiresGrad_();
        var u = w * 1.0;
        u.Hypot_(Check.F64([0.5, 1.0, -2.0], 3));
        Assert.Equal("HypotBackward0", u.GradFn!.Name);
        u.Sum().Backward();
        Check.Close(Check.Det([2, 3], 0.6, 2.0) / Check.Det([2, 3], 0.6, 2.0).Hypot(Check.F64([0.5, 1.0, -2.0], 3)), w.Grad!, 1e-12);
        Assert.Equal("\"hypot_cpu\" not implemented for 'Long'", Assert.Throws<ArgumentException>(() => Check.I64(1).Hypot(Check.I64(2))).Message);
        Assert.Equal("result type Float can't be cast to the desired output type Long",
            Assert.Throws<ArgumentException>(() => Check.I64(1, 2).Hypot_(Check.F32([1f, 2f], 2))).Message);
    }

    [Fact]
    public void XlogyMatchesPyTorch()
    {
        SpecialCase((a, b) => a.Xlogy(b), "XlogyBackward0",
            [0.6931471805599453, NaN, NaN, 0.0, 0.0, 1.3862943611198906, -Inf, Inf, NaN, 0.0, 0.0, 1.3862943611198906],
            [0.6931471805599453, 0.0, NaN, 0.0, 0.0, 0.6931471805599453, 1.6094379124341003, Inf, NaN, 0.0, 0.0, -0.6931471805599453],
            [0.5, NaN, NaN, NaN, NaN, 1.0, -Inf, 0.0, NaN, -0.0, NaN, -4.0]);
        Broadcast((a, b) => Tensor.Xlogy(a, b), [0.8109302162163288, -0.11550957441237424, -0.7801202012780668, -0.18424504377426776, 0.1032016948230811, 2.1313553695769802],
            [0.4054651081081644, -0.06858244770802895, -0.9914763505870579, 0.334644794324871, -0.048753679129516184, -0.5816085600453053],
            [1.0833093592902856, 0.6330587081758734, -1.1803977743787868]);
        Same([NaN, 0.0, -Inf, NaN], Check.F32([0f, 0f, 1f, 2f], 4).Xlogy(Check.F32([float.NaN, 0f, 0f, -1f], 4)));

        var x = Check.Det([2, 3], 0.6, 2.0).RequiresGrad_();
        var y = x.Xlogy(0.5);
        Assert.Equal("XlogyBackward2", y.GradFn!.Name);
        Check.Close([-1.3862943611198906, -1.1441581089807045, -0.5023345117390784, 0.3149689827076538, 1.022244749780073, 1.3724210155882], y, 1e-12);
        y.Sum().Backward();
        Check.Close(Enumerable.Repeat(-0.6931471805599453, 6).ToArray(), x.Grad!, 1e-12);
        var z = Check.Det([3], 0.9, 1.5).Abs().RequiresGrad_();
        y = Tensor.Xlogy(2.0, z);
        Assert.Equal("XlogyBackward1", y.GradFn!.Name);
        Check.Close([0.8109302162163288, -0.1399546709553, -2.1529005289392424], y, 1e-12);
        y.Sum().Backward();
        Check.Close([1.3333333333333333, 2.1449677472880664, 5.868490495804841], z.Grad!, 1e-12);

        var i = Check.I64(1, 2, -3).Xlogy(Check.I64(2, -1, 0));
        Assert.Equal(DType.Float32, i.DType);
        Same([0.6931471824645996, NaN, Inf], i);
        Same([0.0, 0.0, -Inf], Check.I64(1, 2, -3).Ne(0.0).Xlogy(Check.I64(2, -1, 0).Ne(0.0)));
        var u = Check.Det([2, 3], 0.6, 2.0).RequiresGrad_() * 1.0;
        u.Xlogy_(z.Detach());
        Assert.Equal("XlogyBackward0", u.GradFn!.Name);
        Assert.Equal("result type Float can't be cast to the desired output type Long",
            Assert.Throws<ArgumentException>(() => Check.I64(1, 2).Xlogy_(Check.F32([1f, 2f], 2))).Message);
    }

    [Fact]
    public void CopySignMatchesPyTorch()
    {
        SpecialCase((a, b) => a.CopySign(b), "CopysignBackward0",
            [1.0, NaN, NaN, 0.0, -0.0, 2.0, Inf, 3.0, 0.0, -0.0, 0.0, 2.0],
            [1.0, NaN, NaN, 0.0, 0.0, 1.0, NaN, 1.0, 0.0, 0.0, 0.0, -1.0],
            [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        Broadcast((a, b) => Tensor.CopySign(a, b), [2.0, 1.6506712298193567, 0.7247155089533472, 0.4544041893861738, 1.4747874310824909, 1.9799849932008908],
            [1.0, 0.9800665778412416, 0.9210609940028851, -0.8253356149096782, -0.6967067093471654, -0.5403023058681398], [0.0, 0.0, 0.0]);

        var x = Check.Det([2, 3], 0.6, 2.0).RequiresGrad_();
        var y = x.CopySign(0.5);
        Assert.Equal("CopysignBackward1", y.GradFn!.Name);
        y.Sum().Backward();
        Check.Close([1.0, 1.0, 1.0, -1.0, -1.0, -1.0], x.Grad!, 1e-15);
        Same([-1.0, -2.0, -3.0], Check.F32([1f, 2f, 3f], 3).CopySign(-0.0));
        var i = Check.I64(1, -2, 3).CopySign(Check.I64(-1, 1, -1));
        Assert.Equal(DType.Float32, i.DType);
        Same([-1.0, 2.0, -3.0], i);
        Assert.Equal(new[] { 1.5f, 0.25f, -3f }, Check.F32([1.5f, -0.25f, 3f], 3).CopySign(Check.F32([0.5f, 2f, -7f], 3)).ToArray<float>());

        var w = Check.Det([2, 3], 0.6, 2.0).RequiresGrad_();
        var u = w * 1.0;
        u.CopySign_(-1.0);
        Assert.Equal("CopysignBackward1", u.GradFn!.Name);
        u.Sum().Backward();
        Check.Close([-1.0, -1.0, -1.0, 1.0, 1.0, 1.0], w.Grad!, 1e-15);
        u = Check.Det([2, 3], 0.6, 2.0).RequiresGrad_() * 1.0;
        u.CopySign_(Check.F64([1.0, -1.0, 1.0], 3));
        Assert.Equal("CopysignBackward0", u.GradFn!.Name);
        Assert.Equal("result type Float can't be cast to the desired output type Long",
            Assert.Throws<ArgumentException>(() => Check.I64(1, 2).CopySign_(-1.0)).Message);
    }

    [Fact]
    public void LogAddExp2MatchesPyTorch()
    {
        SpecialCase((a, b) => a.LogAddExp2(b), "Logaddexp2Backward0",
            [2.584962500721156, NaN, NaN, 1.0, 1.0, 3.0, 5.0, Inf, NaN, 0.5849625007211562, 1.0, 0.7348405810792017],
            [0.3333333333333333, NaN, NaN, 0.5, 0.5, 0.5, 0.0, 0.0, NaN, 0.6666666666666666, 0.5, 0.15022110482233483],
            [0.6666666666666666, NaN, NaN, 0.5, 0.5, 0.5, 1.0, 1.0, NaN, 0.3333333333333333, 0.5, 0.8497788951776651]);
        Broadcast((a, b) => Tensor.LogAddExp2(a, b), [2.771553303163612, 2.3357875922741083, 1.545492081267434, 1.8311632690712576, 1.1815824218186644, 0.6040276037109866],
            [0.585786437626905, 0.6095579552448159, 0.5214468193579991, 0.16928022363315182, 0.1105103584405653, 0.09010969509245478],
            [1.0702689536496215, 0.9567049735030257, 0.8498067854205711]);
        Same([Inf, -Inf, Inf, 1001.0], Check.F64([Inf, -Inf, Inf, 1000.0], 4).LogAddExp2(Check.F64([Inf, -Inf, -Inf, 1000.0], 4)));
        Check.Close([2.0849623680114746, 2.2752742767333984, 3.001408100128174], Check.F32([1.5f, -0.25f, 3f], 3).LogAddExp2(Check.F32([0.5f, 2f, -7f], 3)), 1e-7);
        Assert.Equal("\"logaddexp2_cpu\" not implemented for 'Long'", Assert.Throws<ArgumentException>(() => Check.I64(1).LogAddExp2(Check.I64(2))).Message);
        Assert.Equal("\"logaddexp2_cpu\" not implemented for 'Bool'", Assert.Throws<ArgumentException>(() => Check.I64(1).Ne(0.0).LogAddExp2(Check.I64(2).Ne(0.0))).Message);
    }
}
