using CsCheck;
using Sharpgrad.NN;
using F = Sharpgrad.NN.Functional;

namespace Sharpgrad.Tests.NN;

/// <summary>conv2d with (h, w) stride/padding/dilation and channel groups: PyTorch 2.6 values, a naive reference, gradcheck.</summary>
public class GroupedConvTests
{
    private static Tensor Seq(int[] shape, double step, bool sin)
    {
        int n = shape.Aggregate(1, (a, b) => a * b);
        var v = Enumerable.Range(0, n).Select(i => sin ? Math.Sin(i * step) : Math.Cos(i * step)).ToArray();
        return Tensor.FromArray(v, shape);
    }

    [Fact]
    public void GroupedDilatedConvMatchesPyTorch()
    {
        var x = Seq([2, 4, 5, 6], 0.37, sin: true).RequiresGrad_();
        var w = Seq([6, 2, 2, 3], 0.21, sin: false).RequiresGrad_();
        var b = Check.F64([0.1, -0.2, 0.3, 0.0, 0.5, -0.4], 6).RequiresGrad_();
        var y = F.Conv2d(x, w, b, stride: (2, 1), padding: (1, 2), dilation: (2, 1), groups: 2);
        Assert.Equal([2, 6, 3, 8], y.Shape);
        Assert.Equal("ConvolutionBackward0", y.GradFn!.Name);
        Check.Close(75.04421966297723, y.Sum().Item<double>(), 1e-12);
        Check.Close(1151.6172651960874, (y * y).Sum().Item<double>(), 1e-12);
        Check.Close([0.03534209694497714, -0.060492567511172934, -0.1583532529997047, -0.8805281608408668, -1.4699931819777596, -1.8469669911049258], y.Select(0, 0).Flatten().Narrow(0, 0, 6), 1e-12);
        Check.Close([0.1494017972899464, 0.6592491841375017, 1.0802613621525394, 1.4943834741942967, 1.6521096699584676, 1.532092448775414], y.Select(0, 1).Select(0, 5).Flatten().Narrow(0, 0, 6), 1e-12);
        ((y * y).Sum() * 0.5).Backward();
        Check.Close(565.1779545922666, x.Grad!.Sum().Item<double>(), 1e-10);
        Check.Close(41324.077060362164, (x.Grad * x.Grad).Sum().Item<double>(), 1e-10);
        Check.Close(118.08025626367646, w.Grad!.Sum().Item<double>(), 1e-10);
        Check.Close([30.086859027460918, 29.72345214990974, 22.429250265403397, 8.89381400457062, 17.712454822680606, 23.41853917306151, 7.516897001834453, 17.576779760928073, 23.9411812023579, -22.388043682480887, -20.448612613768113, -12.96312539524316], w.Grad.Select(0, 0).Flatten(), 1e-10);
        Check.Close([29.97304066599115, -72.68144607285558, 91.79133951027845, 66.66393296073937, -9.809151325014021, -30.893496076162158], b.Grad!, 1e-10);
    }

    [Fact]
    public void GroupAndShapeErrorsMatchPyTorch()
    {
        var x = Tensor.Randn([2, 4, 5, 6], DType.Float64);
        Assert.Equal("Given groups=3, weight of size [6, 2, 2, 3], expected input[2, 4, 5, 6] to have 6 channels, but got 4 channels instead",
            Assert.Throws<ArgumentException>(() => F.Conv2d(x, Tensor.Ones([6, 2, 2, 3], DType.Float64), groups: 3)).Message);
        Assert.Equal("Given groups=2, expected weight to be divisible by 2 at dimension 0, but got weight of size [[5, 2, 2, 3]] instead",
            Assert.Throws<ArgumentException>(() => F.Conv2d(x, Tensor.Ones([5, 2, 2, 3], DType.Float64), groups: 2)).Message);
        Assert.Equal("Calculated padded input size per channel: (5 x 6). Kernel size: (9 x 9). Kernel size can't be greater than actual input size",
            Assert.Throws<ArgumentException>(() => F.Conv2d(x, Tensor.Ones([2, 4, 3, 3], DType.Float64), dilation: 4)).Message);
        Assert.Equal("in_channels must be divisible by groups", Assert.Throws<ArgumentException>(() => new Conv2d(4, 6, 3, groups: 3)).Message);
        Assert.Equal("out_channels must be divisible by groups", Assert.Throws<ArgumentException>(() => new Conv2d(4, 6, 3, groups: 4)).Message);
        Assert.Equal("Conv2d(4, 6, kernel_size=(2, 3), stride=(2, 1), padding=(1, 2), dilation=(2, 1), groups=2, bias=False)",
            new Conv2d(4, 6, (2, 3), stride: (2, 1), padding: (1, 2), dilation: (2, 1), groups: 2, bias: false).ToString());
        Assert.Equal("Conv2d(4, 6, kernel_size=(3, 3), stride=(1, 1), dilation=(2, 2), groups=2)", new Conv2d(4, 6, 3, dilation: 2, groups: 2).ToString());
        Assert.Equal([6, 2, 2, 3], new Conv2d(4, 6, (2, 3), groups: 2).Weight.Shape);
    }

    /// <summary>Direct sum over the window, group by group.</summary>
    private static double[] Naive(double[] x, int n, int c, int h, int w, double[] k, int cout, int kh, int kw,
        int sh, int sw, int ph, int pw, int dh, int dw, int groups, out int oh, out int ow)
    {
        oh = (h + 2 * ph - dh * (kh - 1) - 1) / sh + 1;
        ow = (w + 2 * pw - dw * (kw - 1) - 1) / sw + 1;
        int cg = c / groups, og = cout / groups;
        var y = new double[n * cout * oh * ow];
        for (int s = 0; s < n; s++)
            for (int o = 0; o < cout; o++)
                for (int i = 0; i < oh; i++)
                    for (int j = 0; j < ow; j++)
                    {
                        double acc = 0;
                        int grp = o / og;
                        for (int ci = 0; ci < cg; ci++)
                            for (int a = 0; a < kh; a++)
                                for (int bb = 0; bb < kw; bb++)
                                {
                                    int ih = i * sh - ph + a * dh, iw = j * sw - pw + bb * dw;
                                    if (ih < 0 || ih >= h || iw < 0 || iw >= w) continue;
                                    acc += x[((s * c + grp * cg + ci) * h + ih) * w + iw] * k[((o * cg + ci) * kh + a) * kw + bb];
                                }
                        y[((s * cout + o) * oh + i) * ow + j] = acc;
                    }
        return y;
    }

    [Fact]
    public void RandomGeometriesMatchTheNaiveSum()
    {
        var gen = from groups in Gen.Int[1, 3]
                  from cg in Gen.Int[1, 2]
                  from og in Gen.Int[1, 2]
                  from kh in Gen.Int[1, 3]
                  from kw in Gen.Int[1, 3]
                  from sh in Gen.Int[1, 3]
                  from sw in Gen.Int[1, 3]
                  from ph in Gen.Int[0, 2]
                  from pw in Gen.Int[0, 2]
                  from dh in Gen.Int[1, 2]
                  from dw in Gen.Int[1, 2]
                  from h in Gen.Int[1, 7]
                  from w in Gen.Int[1, 7]
                  from seed in Gen.Int
                  select (groups, cg, og, kh, kw, sh, sw, ph, pw, dh, dw, h, w, seed);
        gen.Where(g => g.h + 2 * g.ph >= g.dh * (g.kh - 1) + 1 && g.w + 2 * g.pw >= g.dw * (g.kw - 1) + 1)
            .Sample(g =>
            {
                var rng = new Random(g.seed);
                int n = 2, c = g.groups * g.cg, cout = g.groups * g.og;
                var xd = Enumerable.Range(0, n * c * g.h * g.w).Select(_ => rng.NextDouble() - 0.5).ToArray();
                var kd = Enumerable.Range(0, cout * g.cg * g.kh * g.kw).Select(_ => rng.NextDouble() - 0.5).ToArray();
                var expected = Naive(xd, n, c, g.h, g.w, kd, cout, g.kh, g.kw, g.sh, g.sw, g.ph, g.pw, g.dh, g.dw, g.groups, out int oh, out int ow);
                var y = F.Conv2d(Tensor.FromArray(xd, [n, c, g.h, g.w]), Tensor.FromArray(kd, [cout, g.cg, g.kh, g.kw]), null,
                    (g.sh, g.sw), (g.ph, g.pw), (g.dh, g.dw), g.groups);
                Assert.Equal([n, cout, oh, ow], y.Shape);
                Check.Close(expected, y, 1e-12);
            }, iter: 150);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void GroupedConvPassesGradCheck(int groups)
    {
        Tensor.ManualSeed(5);
        Tensor R(params int[] s) => Tensor.Randn(s, DType.Float64, requiresGrad: true);
        Assert.True(Autograd.GradCheck(a => F.Conv2d(a[0], a[1], a[2], (2, 1), (1, 0), (1, 2), groups), [R(2, 4, 5, 6), R(4, 4 / groups, 2, 3), R(4)]));
        Assert.True(Autograd.GradCheck(a => F.Conv2d(a[0], a[1], null, (1, 1), (0, 1), (2, 1), groups), [R(1, 2, 6, 4), R(2, 2 / groups, 2, 2)]));
    }
}

/// <summary>conv_transpose2d against PyTorch 2.6: stride, padding, output_padding, dilation, groups; gradcheck.</summary>
public class ConvTransposeTests
{
    private static Tensor Det(int[] shape, double k) => Check.Det(shape, k);

    [Fact]
    public void MatchesPyTorch()
    {
        var x = Det([2, 4, 3, 5], 0.37).RequiresGrad_();
        var w = Det([4, 3, 3, 2], 0.29).RequiresGrad_();
        var b = Check.F64([0.1, -0.2, 0.3], 3).RequiresGrad_();
        var y = F.ConvTranspose2d(x, w, b, stride: (2, 1), padding: (1, 0), outputPadding: (1, 0), dilation: (1, 2));
        Assert.Equal([2, 3, 6, 7], y.Shape);
        Assert.Equal("ConvolutionBackward0", y.GradFn!.Name);
        Check.Close(19.475989902022892, y.Sum().Item<double>(), 1e-12);
        Check.Close(554.309057894712, (y * y).Sum().Item<double>(), 1e-12);
        Check.Close([2.1226175282455073, 2.042192386172567, 3.2791554613296148, 2.894619423005223, 2.1589138176870226, 1.5598252064986564, 1.073675180728228], y.Select(0, 1).Select(0, 2).Select(0, 0), 1e-12);
        (y * y).Sum().Backward();
        Check.Close(-161.1182244781966, x.Grad!.Sum().Item<double>(), 1e-10);
        Check.Close(31044.154379041694, (x.Grad * x.Grad).Sum().Item<double>(), 1e-10);
        Check.Close(214.282930176258, w.Grad!.Sum().Item<double>(), 1e-10);
        Check.Close([15.16502695003987, 15.601025932296434, 71.6466212287006, 72.52891620409771, 6.755811538852383, 2.230220861583709], w.Grad.Select(0, 0).Select(0, 0).Flatten(), 1e-10);
        Check.Close([13.824181861835548, -25.53012874758592, 50.65792668979616], b.Grad!, 1e-10);

        var yg = F.ConvTranspose2d(x.Detach(), Det([4, 1, 2, 2], 0.41), null, stride: (2, 2), groups: 2);
        Assert.Equal([2, 2, 6, 10], yg.Shape);
        Check.Close(-0.831890656868861, yg.Sum().Item<double>(), 1e-12);
        Check.Close(63.46900992135829, (yg * yg).Sum().Item<double>(), 1e-12);
    }

    [Fact]
    public void ModuleReprErrorsAndGradCheck()
    {
        var m = new ConvTranspose2d(4, 6, (3, 2), stride: (2, 2), padding: (1, 1), outputPadding: (1, 1), groups: 2, bias: false);
        Assert.Equal("ConvTranspose2d(4, 6, kernel_size=(3, 2), stride=(2, 2), padding=(1, 1), output_padding=(1, 1), groups=2, bias=False)", m.ToString());
        // PyTorch 2.6 prints dilation before output_padding.
        Assert.Equal("ConvTranspose2d(2, 3, kernel_size=(3, 3), stride=(2, 2), padding=(1, 1), dilation=(2, 2), output_padding=(1, 1), bias=False)",
            new ConvTranspose2d(2, 3, 3, stride: 2, padding: 1, outputPadding: 1, bias: false, dilation: 2).ToString());
        Assert.Equal([4, 3, 3, 2], m.Weight.Shape);
        Assert.Equal([1, 6, 6, 3], m.Forward(Tensor.Randn([1, 4, 3, 2])).Shape); // (3-1)·2 - 2 + 2 + 1 + 1, (2-1)·2 - 2 + 1 + 1 + 1
        Assert.Equal("output padding must be smaller than either stride or dilation, but got output_padding_height: 2 output_padding_width: 2 stride_height: 2 stride_width: 2 dilation_height: 1 dilation_width: 1",
            Assert.Throws<ArgumentException>(() => F.ConvTranspose2d(Det([2, 4, 3, 5], 0.37), Det([4, 3, 3, 2], 0.29), stride: (2, 2), outputPadding: (2, 2))).Message);
        Tensor.ManualSeed(13);
        Tensor R(params int[] s) => Tensor.Randn(s, DType.Float64, requiresGrad: true);
        Assert.True(Autograd.GradCheck(a => F.ConvTranspose2d(a[0], a[1], a[2], (2, 1), (1, 0), (1, 0), 2, (1, 2)), [R(1, 4, 3, 3), R(4, 1, 2, 2), R(2)]));
    }
}
