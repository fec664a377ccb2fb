namespace Sharpgrad.Tests.Core;

/// <summary>sign is (0 &lt; x) - (x &lt; 0) as in PyTorch's kernel, so NaN and -0 give +0; abs's gradient (grad·sign) follows.</summary>
public class SignTests
{
    [Fact]
    public void SignOfNaNAndZerosIsPositiveZero()
    {
        var x = Tensor.FromArray(new[] { float.NaN, -0f, 0f, -2f, float.PositiveInfinity, float.NegativeInfinity });
        var s = x.Sign().ToArray<float>();
        Assert.Equal(new[] { 0f, 0f, 0f, -1f, 1f, -1f }, s);
        Assert.False(float.IsNegative(s[1]));
        Assert.Equal(new long[] { -1, 0, 1 }, Tensor.FromArray(new long[] { -3, 0, 4 }).Sign().ToArray<long>());
    }

    [Fact]
    public void AbsGradientAtNaNIsZero()
    {
        // PyTorch 2.6: abs backward is grad * sgn(x), and sgn(nan) = 0
        var x = Tensor.FromArray(new[] { double.NaN, -0.0, 2.0, -3.0 }, requiresGrad: true);
        x.Abs().Sum().Backward();
        Assert.Equal(new[] { 0.0, 0.0, 1.0, -1.0 }, x.Grad!.ToArray<double>());
    }
}

/// <summary>round(decimals): PyTorch 2.6's values in both precisions, RoundBackward1 with a zero gradient, its dtype errors.</summary>
public class RoundDecimalsTests
{
    private static readonly double[] Values = [1.2345, 2.675, -0.125, 0.5, 1234.5678, -2.5e-3, double.NaN, double.PositiveInfinity, 1e30];

    [Theory]
    [InlineData(2, new[] { 1.23, 2.68, -0.12, 0.5, 1234.57, -0.0, double.NaN, double.PositiveInfinity, 1e30 })]
    [InlineData(0, new[] { 1.0, 3.0, -0.0, 0.0, 1235.0, -0.0, double.NaN, double.PositiveInfinity, 1e30 })]
    [InlineData(-2, new[] { 0.0, 0.0, -0.0, 0.0, 1200.0, -0.0, double.NaN, double.PositiveInfinity, 1e30 })]
    [InlineData(1, new[] { 1.2, 2.7, -0.1, 0.5, 1234.6, -0.0, double.NaN, double.PositiveInfinity, 1e30 })]
    public void Float64(int decimals, double[] expected)
    {
        var x = Tensor.FromArray(Values, requiresGrad: true);
        var y = x.Round(decimals);
        Assert.Equal("RoundBackward1", y.GradFn!.Name);
        var got = y.ToArray<double>();
        for (int i = 0; i < got.Length; i++) Assert.Equal(BitConverter.DoubleToInt64Bits(expected[i]), BitConverter.DoubleToInt64Bits(got[i]));
        y.Sum().Backward();
        Assert.All(x.Grad!.ToArray<double>(), g => Assert.Equal(0.0, g));
    }

    [Theory]
    [InlineData(2, new[] { 1.2300000190734863, 2.680000066757202, -0.11999999731779099, 0.5, 1234.5699462890625, -0.0, double.NaN, double.PositiveInfinity, 1.0000000150474662e+30 })]
    [InlineData(-2, new[] { 0.0, 0.0, -0.0, 0.0, 1200.0, -0.0, double.NaN, double.PositiveInfinity, 1.00000009060533e+30 })]
    [InlineData(1, new[] { 1.2000000476837158, 2.700000047683716, -0.10000000149011612, 0.5, 1234.5999755859375, -0.0, double.NaN, double.PositiveInfinity, 1.0000000150474662e+30 })]
    public void Float32RoundsEachStepInFloat(int decimals, double[] expected)
    {
        var got = Tensor.FromArray(Array.ConvertAll(Values, v => (float)v)).Round(decimals).ToArray<float>();
        for (int i = 0; i < got.Length; i++) Assert.Equal(BitConverter.SingleToInt32Bits((float)expected[i]), BitConverter.SingleToInt32Bits(got[i]));
    }

    [Fact]
    public void IntegersAreRejectedAsInPyTorch()
    {
        var i = Tensor.FromArray(new long[] { 12345 });
        Assert.Equal("\"round_cpu\" not implemented for 'Long'", Assert.Throws<ArgumentException>(() => i.Round(-2)).Message);
        Assert.Equal("\"round_vml_cpu\" not implemented for 'Long'", Assert.Throws<ArgumentException>(() => i.Round(0)).Message);
        Assert.Equal([12345L], i.Round().ToArray<long>());
    }
}
