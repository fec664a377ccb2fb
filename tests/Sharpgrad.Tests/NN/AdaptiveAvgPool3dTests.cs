using Sharpgrad.NN;
using F = Sharpgrad.NN.Functional;

namespace Sharpgrad.Tests.NN;

/// <summary>adaptive_avg_pool3d / nn.AdaptiveAvgPool3d and interpolate's 5-D area mode against PyTorch 2.6.</summary>
public class AdaptiveAvgPool3dTests
{
    private static readonly Tensor X = Tensor.Arange(120, DType.Float64).Reshape(1, 2, 3, 4, 5).Cos();

    /// <summary>
    /// With x = cos(arange) of shape (1, 2, 3, 4, 5) and w = cos(arange) of y's shape: y's node and shape, sum(y·w),
    /// sum(y²), y's first five values; g = d sum(y·w) / dx: sum(g), sum(g²) and g's first four values.
    /// </summary>
    private static void Matches(Func<Tensor, Tensor> f, string node, int[] shape, double[] e)
    {
        var xg = X.Detach().RequiresGrad_();
        var y = f(xg);
        Assert.Equal(node, y.GradFn!.Name);
        Assert.Equal(shape, y.Shape);
        var w = Tensor.Arange(y.Numel, DType.Float64).Reshape(shape).Cos();
        Check.Close(e[0], (y * w).Sum().Item<double>(), 1e-13);
        Check.Close(e[1], (y * y).Sum().Item<double>(), 1e-13);
        int n = Math.Min(5, y.Numel);
        Check.Close(e[2..(2 + n)], y.Flatten().Narrow(0, 0, n), 1e-15);
        (y * w).Sum().Backward();
        var g = xg.Grad!;
        Check.Close(e[2 + n], g.Sum().Item<double>(), 1e-13);
        Check.Close(e[3 + n], (g * g).Sum().Item<double>(), 1e-13);
        Check.Close(e[(4 + n)..(8 + n)], g.Flatten().Narrow(0, 0, 4), 1e-15);
    }

    [Fact]
    public void MatchesPyTorch()
    {
        Matches(t => F.AdaptiveAvgPool3d(t, (2, 3, 2)), "AdaptiveAvgPool3DBackward0", [1, 2, 2, 3, 2], [0.340183059148246, 2.5196371209944313,
            0.2773554580358882, -0.4561606699573855, 0.4380119456464909, -0.03709299576641845, -0.028860606513721243, -0.5409145400192978,
            1.4799538808981842, 0.08333333333333333, 0.08333333333333333, 0.12835852548901164, 0.045025192155678316]);
        Matches(t => F.AdaptiveAvgPool3d(t, (3, 4, 5)), "AdaptiveAvgPool3DBackward0", [1, 2, 3, 4, 5], [60.32032051180264, 60.32032051180264,
            1.0, 0.5403023058681398, -0.4161468365471424, -0.9899924966004454, -0.6536436208636119, 0.6243103366315036, 60.32032051180264,
            1.0, 0.5403023058681398, -0.4161468365471424, -0.9899924966004454]);
        Matches(t => F.AdaptiveAvgPool3d(t, 1), "MeanBackward1", [1, 2, 1, 1, 1], [0.010963859004081696, 0.000136513230205229,
            0.011620507342000022, -0.0012153350648082947, 1.5403023058681398, 0.02153210969544048, 0.016666666666666666, 0.016666666666666666,
            0.016666666666666666, 0.016666666666666666]);
        Matches(t => F.AdaptiveAvgPool3d(t, (2, 1, 3)), "AdaptiveAvgPool3DBackward0", [1, 2, 2, 1, 3], [-0.12523284058088854, 0.17438134974584063,
            0.11049715015409783, 0.1052425135719832, -0.09165680885424803, 0.15982166517510876, -0.030160701115323086, -0.41302204846785506,
            0.21366597246758395, 0.0625, 0.08501259607783916, 0.022512596077839158, -0.0034965812063572424]);
        Matches(t => new AdaptiveAvgPool3d((5, 6, 7)).Call(t), "AdaptiveAvgPool3DBackward0", [1, 2, 5, 6, 7], [-2.150404870797283, 141.1903054694188,
            1.0, 0.7701511529340699, 0.06207773466049868, -0.4161468365471424, -0.7030696665737939, -0.5379737423550037, 119.15888461743005,
            1.745281829036973, 0.40004934144249227, -1.8292860643423305, -0.5474982344133925]);
        var unbatched = F.AdaptiveAvgPool3d(X.Select(0, 0), 2);
        Assert.Equal([2, 2, 2, 2], unbatched.Shape);
        Check.Close(0.14529669841676757, unbatched.Sum().Item<double>(), 1e-14);

        var area = F.Interpolate(X.Detach().RequiresGrad_(), [2, 3, 2], mode: "area");
        Assert.Equal("AdaptiveAvgPool3DBackward0", area.GradFn!.Name);
        Check.Close(0.40140538308246404, area.Sum().Item<double>(), 1e-14);
        Check.Close(F.AdaptiveAvgPool3d(X, (2, 3, 2)), area.Detach(), 0);

        Assert.True(Autograd.GradCheck(t => F.AdaptiveAvgPool3d(t[0], (2, 3, 2)), [Check.Det([1, 2, 3, 4, 5], 0.37).RequiresGrad_()]));
        Assert.True(Autograd.GradCheck(t => F.AdaptiveAvgPool3d(t[0], (4, 2, 7)), [Check.Det([2, 3, 4, 5], 0.29).RequiresGrad_()]));
    }

    [Fact]
    public void ReprAndMessagesMatchPyTorch()
    {
        Assert.Equal("AdaptiveAvgPool3d(output_size=2)", new AdaptiveAvgPool3d(2).ToString());
        Assert.Equal("AdaptiveAvgPool3d(output_size=(2, 3, 4))", new AdaptiveAvgPool3d((2, 3, 4)).ToString());
        string Msg(Func<Tensor> f) => Assert.Throws<ArgumentException>(f).Message;
        Assert.Equal("adaptive_avg_pool3d(): Expected 4D or 5D tensor, but got [2, 3, 4]", Msg(() => F.AdaptiveAvgPool3d(Tensor.Zeros([2, 3, 4]), 2)));
        Assert.Equal("adaptive_avg_pool3d(): Expected input to have non-zero size for non-batch dimensions, but input has sizes [1, 2, 0, 4, 5] with dimension 2 being empty",
            Msg(() => F.AdaptiveAvgPool3d(Tensor.Zeros([1, 2, 0, 4, 5]), 2)));
        Assert.Equal("adaptive_avg_pool3d: elements of output_size must be greater than or equal to 0 but received {2, -1,2}",
            Msg(() => F.AdaptiveAvgPool3d(Tensor.Zeros([1, 2, 3, 4, 5]), (2, -1, 2))));
        Assert.Equal("\"adaptive_avg_pool3d_cpu\" not implemented for 'Long'", Msg(() => F.AdaptiveAvgPool3d(Tensor.Zeros([1, 2, 3, 4, 5], DType.Int64), 2)));
    }
}
