using Sharpgrad.Tests.NN;

namespace Sharpgrad.Tests.UnaryMath;

/// <summary>
/// log2, log10, exp2, trunc/fix, frac, erfc, erfinv, logit, sinc, deg2rad, rad2deg, sgn: PyTorch 2.6 values,
/// gradients, nodes, dtypes and messages.
/// </summary>
public class LogSpecialTests
{
    [Fact]
    public void Log2MatchesPyTorch()
    {
        UnaryMathCheck.Row(x => x.Log2(), "Log2Backward0",
            [0.0, -0.0, 1.0, 2.0, 0.3, 1024.0, 1e-300, -1.0, double.PositiveInfinity, double.NegativeInfinity, double.NaN],
            [double.NegativeInfinity, double.NegativeInfinity, 0.0, 1.0, -1.7369655941662063, 10.0, -996.5784284662087, double.NaN, double.PositiveInfinity, double.NaN, double.NaN],
            [double.PositiveInfinity, double.NegativeInfinity, 1.4426950408889634, 0.7213475204444817, 4.808983469629878, 0.0014088818758681283, 1.4426950408889635e+300, -1.4426950408889634, 0.0, -0.0, double.NaN],
            [float.NegativeInfinity, float.NegativeInfinity, 0.0f, 1.0f, -1.736965537071228f, 10.0f, float.NegativeInfinity, float.NaN, float.PositiveInfinity, float.NaN, float.NaN],
            [0.0f, 1.0f, float.NaN, float.NegativeInfinity]);
    }

    [Fact]
    public void Log10MatchesPyTorch()
    {
        UnaryMathCheck.Row(x => x.Log10(), "Log10Backward0",
            [0.0, -0.0, 1.0, 10.0, 0.3, 1e-300, 1e+300, -1.0, double.PositiveInfinity, double.NaN],
            [double.NegativeInfinity, double.NegativeInfinity, 0.0, 1.0, -0.5228787452803376, -300.0, 300.0, double.NaN, double.PositiveInfinity, double.NaN],
            [double.PositiveInfinity, double.NegativeInfinity, 0.43429448190325187, 0.04342944819032519, 1.4476482730108395, 4.342944819032518e+299, 4.342944819032518e-301, -0.43429448190325187, 0.0, double.NaN],
            [float.NegativeInfinity, float.NegativeInfinity, 0.0f, 1.0f, -0.5228787064552307f, float.NegativeInfinity, float.PositiveInfinity, float.NaN, float.PositiveInfinity, float.NaN],
            [0.0f, 0.3010300099849701f, float.NaN, float.NegativeInfinity]);
    }

    [Fact]
    public void Exp2MatchesPyTorch()
    {
        UnaryMathCheck.Row(x => x.Exp2(), "Exp2Backward0",
            [0.0, -0.0, 1.0, -1.0, 0.5, 10.3, 1023.5, 1024.0, -1075.0, -1074.0, double.PositiveInfinity, double.NegativeInfinity, double.NaN],
            [1.0, 1.0, 2.0, 0.5, 1.4142135623730951, 1260.691879265195, 1.2711610061536464e+308, double.PositiveInfinity, 0.0, 5e-324, double.PositiveInfinity, 0.0, double.NaN],
            [0.6931471805599453, 0.6931471805599453, 1.3862943611198906, 0.34657359027997264, 0.9802581434685472, 873.8450216674888, 8.811016674531432e+307, double.PositiveInfinity, 0.0, 5e-324, double.PositiveInfinity, 0.0, double.NaN],
            [1.0f, 1.0f, 2.0f, 0.5f, 1.4142135381698608f, 1260.6920166015625f, float.PositiveInfinity, float.PositiveInfinity, 0.0f, 0.0f, float.PositiveInfinity, 0.0f, float.NaN],
            [2.0f, 4.0f, 0.5f, 1.0f]);
    }

    [Fact]
    public void TruncMatchesPyTorch()
    {
        UnaryMathCheck.Row(x => x.Trunc(), "TruncBackward0",
            [0.0, -0.0, 0.5, -0.5, 1.7, -2.7, 1e+20, double.PositiveInfinity, double.NegativeInfinity, double.NaN],
            [0.0, -0.0, 0.0, -0.0, 1.0, -2.0, 1e+20, double.PositiveInfinity, double.NegativeInfinity, double.NaN],
            [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
            [0.0f, -0f, 0.0f, -0f, 1.0f, -2.0f, 1.0000000200408773e+20f, float.PositiveInfinity, float.NegativeInfinity, float.NaN]);
    }

    [Fact]
    public void FixMatchesPyTorch()
    {
        UnaryMathCheck.Row(x => x.Fix(), "TruncBackward0",
            [0.0, -0.0, 0.5, -0.5, 1.7, -2.7, 1e+20, double.PositiveInfinity, double.NegativeInfinity, double.NaN],
            [0.0, -0.0, 0.0, -0.0, 1.0, -2.0, 1e+20, double.PositiveInfinity, double.NegativeInfinity, double.NaN],
            [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
            [0.0f, -0f, 0.0f, -0f, 1.0f, -2.0f, 1.0000000200408773e+20f, float.PositiveInfinity, float.NegativeInfinity, float.NaN]);
    }

    [Fact]
    public void ErfcMatchesPyTorch()
    {
        UnaryMathCheck.Row(x => x.Erfc(), "ErfcBackward0",
            [0.0, -0.0, 0.3, -0.3, 0.5, -0.5, 1.7, -2.7, 5.0, 10.0, 26.0, 27.5, 30.0, -30.0, double.PositiveInfinity, double.NegativeInfinity, double.NaN],
            [1.0, 1.0, 0.6713732405408726, 1.3286267594591274, 0.4795001221869535, 1.5204998778130465, 0.01620954140922544, 1.9998656672600594, 1.537459794428035e-12, 2.088487583762545e-45, 5.663192408856143e-296, 0.0, 0.0, 2.0, 0.0, 2.0, double.NaN],
            [-1.1283791670955126, -1.1283791670955126, -1.031260909618963, -1.031260909618963, -0.8787825789354448, -0.8787825789354448, -0.0627110404968684, -0.0007699247598551425, -1.5670866531017336e-11, -4.197656231354417e-44, -2.9470349932662693e-294, -0.0, -0.0, -0.0, -0.0, -0.0, double.NaN],
            [1.0f, 1.0f, 0.6713732481002808f, 1.3286267518997192f, 0.4795001149177551f, 1.5204999446868896f, 0.016209539026021957f, 1.9998656511306763f, 1.5374598295869735e-12f, 2.802596928649634e-45f, 0.0f, 0.0f, 0.0f, 2.0f, 0.0f, 2.0f, float.NaN],
            [0.15729920566082f, 0.004677735269069672f, 1.8427008390426636f, 1.0f]);
    }

    [Fact]
    public void ErfinvMatchesPyTorch()
    {
        UnaryMathCheck.Row(x => x.Erfinv(), "ErfinvBackward0",
            [0.0, -0.0, 0.5, -0.5, 0.9, -0.99, 0.999, 1.0, -1.0, 1.5, 1e-10, 0.3, double.NaN],
            [0.0, -0.0, 0.4769362762044699, -0.4769362762044699, 1.1630871536766743, -1.8213863677184483, 2.3267537655135153, double.PositiveInfinity, double.NegativeInfinity, double.NaN, 8.862269254527581e-11, 0.2724627147267544, double.NaN],
            [0.8862269254527579, 0.8862269254527579, 1.1125848189719496, 1.1125848189719496, 3.4280428114518418, 24.450876473746312, 198.9395177644163, double.PositiveInfinity, double.PositiveInfinity, double.NaN, 0.8862269254527579, 0.9545203588405493, double.NaN],
            [0.0f, -0f, 0.4769362807273865f, -0.4769362807273865f, 1.163087010383606f, -1.821386694908142f, 2.326756715774536f, float.PositiveInfinity, float.NegativeInfinity, float.NaN, 8.862269251785904e-11f, 0.27246272563934326f, float.NaN],
            [float.PositiveInfinity, float.NaN, float.NegativeInfinity, 0.0f], tol: 6e-14);
        // beyond |y| = 0.7 PyTorch's erfinv is a few ulps off (its Newton step on erf cancels: erfinv(0.999999) is
        // 2e-12 above mpmath's 3.4589107372754988); Sharpgrad computes it the same way, so it gives PyTorch's value
        Assert.Equal(3.458910737283175, Check.F64([0.999999], 1).Erfinv().Item());
    }

    [Fact]
    public void LogitMatchesPyTorch()
    {
        UnaryMathCheck.Row(x => x.Logit(), "LogitBackward0",
            [0.0, 1.0, 0.5, 0.3, 0.9, -0.1, 1.1, 1e-10, double.NaN],
            [double.NegativeInfinity, double.PositiveInfinity, 0.0, -0.8472978603872036, 2.1972245773362196, double.NaN, double.NaN, -23.025850929840455, double.NaN],
            [double.PositiveInfinity, double.PositiveInfinity, 4.0, 4.761904761904762, 11.111111111111112, double.NaN, double.NaN, 10000000001.0, double.NaN],
            [float.NegativeInfinity, float.PositiveInfinity, 0.0f, -0.8472977876663208f, 2.1972243785858154f, float.NaN, float.NaN, -23.025850296020508f, float.NaN],
            [float.PositiveInfinity, float.NaN, float.NaN, float.NegativeInfinity]);
    }

    [Fact]
    public void LogitEpsMatchesPyTorch()
    {
        UnaryMathCheck.Row(x => x.Logit(0.1), "LogitBackward0",
            [0.0, 1.0, 0.5, 0.3, 0.9, 0.1, -0.1, 1.1, 1e-10, double.NaN],
            [-2.197224577336219, 2.1972245773362196, 0.0, -0.8472978603872036, 2.1972245773362196, -2.197224577336219, -2.197224577336219, 2.1972245773362196, -2.197224577336219, double.NaN],
            [0.0, 0.0, 4.0, 4.761904761904762, 11.111111111111112, 11.111111111111109, 0.0, 0.0, 0.0, double.NaN],
            [-2.1972246170043945f, 2.1972243785858154f, 0.0f, -0.8472977876663208f, 2.1972243785858154f, -2.1972246170043945f, -2.1972246170043945f, 2.1972243785858154f, -2.1972246170043945f, float.NaN],
            [2.1972243785858154f, 2.1972243785858154f, -2.1972246170043945f, -2.1972246170043945f]);
    }

    [Fact]
    public void SincMatchesPyTorch()
    {
        UnaryMathCheck.Row(x => x.Sinc(), "SincBackward0",
            [0.0, -0.0, 0.5, -0.5, 1.0, 2.0, 1e-08, 1.5, 100.25, double.PositiveInfinity, double.NaN],
            [1.0, 1.0, 0.6366197723675814, 0.6366197723675814, 3.8981718325193755e-17, -3.8981718325193755e-17, 0.9999999999999998, -0.2122065907891938, 0.002245177845778254, double.NaN, double.NaN],
            [0.0, 0.0, -1.2732395447351625, 1.2732395447351625, -1.0, 0.5, -2.1063981330815398e-08, 0.14147106052612907, 0.007031038437314612, double.NaN, double.NaN],
            [1.0f, 1.0f, 0.6366197466850281f, 0.6366197466850281f, -2.7827534054836178e-08f, 2.7827534054836178e-08f, 1.0f, -0.21220658719539642f, 0.002245195908471942f, float.NaN, float.NaN],
            [-2.7827534054836178e-08f, 2.7827534054836178e-08f, -2.7827534054836178e-08f, 1.0f]);
    }

    [Fact]
    public void Deg2RadMatchesPyTorch()
    {
        UnaryMathCheck.Row(x => x.Deg2Rad(), "Deg2RadBackward0",
            [0.0, -0.0, 180.0, -90.0, 33.3, 1e+308, double.PositiveInfinity, double.NaN],
            [0.0, -0.0, 3.141592653589793, -1.5707963267948966, 0.5811946409141117, 1.7453292519943295e+306, double.PositiveInfinity, double.NaN],
            [0.017453292519943295, 0.017453292519943295, 0.017453292519943295, 0.017453292519943295, 0.017453292519943295, 0.017453292519943295, 0.017453292519943295, 0.017453292519943295],
            [0.0f, -0f, 3.1415927410125732f, -1.5707963705062866f, 0.5811946392059326f, float.PositiveInfinity, float.PositiveInfinity, float.NaN],
            [0.01745329238474369f, 0.03490658476948738f, -0.01745329238474369f, 0.0f]);
    }

    [Fact]
    public void Rad2DegMatchesPyTorch()
    {
        UnaryMathCheck.Row(x => x.Rad2Deg(), "Rad2DegBackward0",
            [0.0, -0.0, 3.141592653589793, -1.0, 0.3, 1e+307, double.PositiveInfinity, double.NaN],
            [0.0, -0.0, 180.0, -57.29577951308232, 17.188733853924695, double.PositiveInfinity, double.PositiveInfinity, double.NaN],
            [57.29577951308232, 57.29577951308232, 57.29577951308232, 57.29577951308232, 57.29577951308232, 57.29577951308232, 57.29577951308232, 57.29577951308232],
            [0.0f, -0f, 180.0f, -57.295780181884766f, 17.18873405456543f, float.PositiveInfinity, float.PositiveInfinity, float.NaN],
            [57.295780181884766f, 114.59156036376953f, -57.295780181884766f, 0.0f]);
    }

    [Fact]
    public void SgnMatchesPyTorch()
    {
        UnaryMathCheck.Row(x => x.Sgn(), "SgnBackward0",
            [0.0, -0.0, 2.0, -3.0, 1e-300, double.PositiveInfinity, double.NegativeInfinity, double.NaN],
            [0.0, 0.0, 1.0, -1.0, 1.0, 1.0, -1.0, 0.0],
            [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
            [0.0f, 0.0f, 1.0f, -1.0f, 0.0f, 1.0f, -1.0f, 0.0f]);
    }

    [Fact]
    public void FracMatchesPyTorch()
    {
        UnaryMathCheck.Row(x => x.Frac(), "FracBackward0",
            [0.0, -0.0, 0.5, -0.5, 1.7, -2.7, 1e+20, double.PositiveInfinity, double.NegativeInfinity, double.NaN],
            [0.0, 0.0, 0.5, -0.5, 0.7, -0.7000000000000002, 0.0, double.NaN, double.NaN, double.NaN],
            [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0],
            [0.0f, 0.0f, 0.5f, -0.5f, 0.7000000476837158f, -0.7000000476837158f, 0.0f, float.NaN, float.NaN, float.NaN]);
    }


    [Fact]
    public void IntegerAndBoolInputsMatchPyTorch()
    {
        Assert.Equal(new long[] { 3, -2 }, Check.I64(3, -2).Trunc().ToArray<long>());
        Assert.Equal(new long[] { 3, -2 }, Check.I64(3, -2).Fix().ToArray<long>());
        Assert.Equal(new long[] { 1, -1, 0 }, Check.I64(3, -2, 0).Sgn().ToArray<long>());
        Assert.Equal(new[] { true, false }, Tensor.FromArray(new[] { true, false }).Sgn().ToArray<bool>());
        var e = Assert.Throws<ArgumentException>(() => Check.I64(1).Frac());
        Assert.Equal("\"frac_cpu\" not implemented for 'Long'", e.Message);
        e = Assert.Throws<ArgumentException>(() => Tensor.FromArray(new[] { true }).Trunc());
        Assert.Equal("\"trunc_vml_cpu\" not implemented for 'Bool'", e.Message);
    }

    [Fact]
    public void LogitEpsGradientAndFloat32MatchPyTorch()
    {
        var x = Check.F64([0.3, 0.05, 0.97], 3).RequiresGrad_();
        var y = x.Logit(0.1);
        UnaryMathCheck.Same([-0.8472978603872036, -2.197224577336219, 2.1972245773362196], y.ToArray<double>(), 4e-15, "value");
        y.Backward(Check.F64([1.0, 2.0, 3.0], 3));
        UnaryMathCheck.Same([4.761904761904762, 0.0, 0.0], x.Grad!.ToArray<double>(), 4e-15, "grad");
        Assert.Equal(new[] { -2.1972246170043945f, -0.8472977876663208f, 2.1972243785858154f }, Check.F32([0.05f, 0.3f, 0.97f], 3).Logit(0.1).ToArray<float>());
    }

    [Fact]
    public void GradCheckInFloat64()
    {
        Func<Tensor, Tensor>[] fs = [x => x.Exp2(), x => x.Erfc(), x => x.Sinc(), x => x.Deg2Rad(), x => x.Rad2Deg(), x => x.Frac(), x => x.Trunc(), x => x.Sgn()];
        foreach (var f in fs) Assert.True(Autograd.GradCheck(a => f(a[0]), [Check.Det([7], 1.3, 1.4).RequiresGrad_()]));
        Func<Tensor, Tensor>[] positive = [x => x.Log2(), x => x.Log10()];
        foreach (var f in positive) Assert.True(Autograd.GradCheck(a => f(a[0]), [(Check.Det([7], 1.3, 0.9) + 1.5).RequiresGrad_()]));
        Assert.True(Autograd.GradCheck(a => a[0].Erfinv(), [Check.Det([7], 1.3, 0.95).RequiresGrad_()]));
        Assert.True(Autograd.GradCheck(a => a[0].Logit(), [(Check.Det([7], 1.3, 0.45) + 0.5).RequiresGrad_()]));
        Assert.True(Autograd.GradCheck(a => a[0].Logit(0.2), [(Check.Det([7], 1.3, 0.45) + 0.5).RequiresGrad_()]));
    }
}
