using Sharpgrad.NN;
using F = Sharpgrad.NN.Functional;

namespace Sharpgrad.Tests.NN;

/// <summary>avg_pool2d and adaptive_avg_pool2d: PyTorch 2.6 values, gradients, node names and messages; gradcheck.</summary>
public class AvgPoolTests
{
    private static Tensor X(bool grad = true)
    {
        var v = Enumerable.Range(0, 2 * 3 * 5 * 7).Select(i => Math.Sin(i * 0.31)).ToArray();
        var x = Tensor.FromArray(v, [2, 3, 5, 7]);
        return grad ? x.RequiresGrad_() : x;
    }

    /// <summary>sum(y), sum(y²), the first five outputs, and sum / sum² of the gradient of sum(y²).</summary>
    private static void Matches(Func<Tensor, Tensor> pool, int[] shape, string node, double sum, double sq, double[] first, double gsum, double gsq)
    {
        var x = X();
        var y = pool(x);
        Assert.Equal(shape, y.Shape);
        Assert.Equal(node, y.GradFn!.Name);
        Check.Close(sum, y.Sum().Item<double>(), 1e-12);
        Check.Close(sq, (y * y).Sum().Item<double>(), 1e-12);
        Check.Close(first, y.Flatten().Narrow(0, 0, 5), 1e-12);
        (y * y).Sum().Backward();
        Check.Close(gsum, x.Grad!.Sum().Item<double>(), 1e-12);
        Check.Close(gsq, (x.Grad * x.Grad).Sum().Item<double>(), 1e-12);
    }

    [Fact]
    public void AvgPoolMatchesPyTorch()
    {
        Matches(x => F.AvgPool2d(x, 3), [2, 3, 1, 2], "AvgPool2DBackward0", -0.08619189115954437, 0.009523223321914413,
            [-0.0253743796461636, 0.010952912822362684, -0.02856172994088018, -0.04098999277909267, 0.033660746825881174], -0.17238378231908874, 0.004232543698628627);
        Matches(x => F.AvgPool2d(x, (2, 3), (1, 2), (1, 1)), [2, 3, 6, 4], "AvgPool2DBackward0", 2.368823522236081, 11.331467458959132,
            [0.05084310607390725, 0.28128562297742093, 0.4578646174204455, 0.3263758412113786, 0.29086964789246056], 3.310211931865176, 7.186110463693274);
        Matches(x => F.AvgPool2d(x, 3, 2, 1, ceilMode: true), [2, 3, 3, 4], "AvgPool2DBackward0", 1.830512846260564, 1.5663281636961066,
            [0.1939130985949737, 0.2986735694846575, 0.21965346377943373, 0.07061063034562803, 0.027435587385187102], 2.2356439575961633, 0.7132742326673849);
        Matches(x => F.AvgPool2d(x, 3, 2, 1, ceilMode: true, countIncludePad: false), [2, 3, 3, 4], "AvgPool2DBackward0", 3.1406422648206003, 4.929295046989809,
            [0.4363044718386908, 0.44801035422698626, 0.3294801956691506, 0.1588739182776631, 0.04115338107778065], 6.2812845296412, 6.374073121274531);
        Matches(x => F.AvgPool2d(x, 2, divisorOverride: 3), [2, 3, 2, 3], "AvgPool2DBackward0", -0.5632427067626846, 6.657467196281316,
            [0.5817392957849211, 0.5895430770375875, 0.37789352356594524, -0.39774632148154526, -0.05110719858907823], -1.5019805513671578, 11.835497237833453);
        Assert.Equal([3, 1, 2], F.AvgPool2d(X(false).Select(0, 0), 3).Shape);
    }

    [Fact]
    public void AdaptiveAvgPoolMatchesPyTorch()
    {
        Matches(x => F.AdaptiveAvgPool2d(x, 1), [2, 3, 1, 1], "MeanBackward1", 0.13918913108696673, 0.055960867948304634,
            [0.11882363561797449, 0.05608114220632415, -0.1350939713834015, -0.016887499070341715, 0.13999339513447148], 0.27837826217393363, 0.0063955277655205305);
        Matches(x => F.AdaptiveAvgPool2d(x, (2, 3)), [2, 3, 2, 3], "AdaptiveAvgPool2DBackward0", -0.12167760057691202, 0.0310037814967074,
            [-0.0253743796461636, -0.0017173302772964805, 0.022578983414831832, -0.021121476268181612, -0.03781231910451483], -0.243355201153824, 0.01634730363025595);
        Matches(x => F.AdaptiveAvgPool2d(x, (3, 2)), [2, 3, 3, 2], "AdaptiveAvgPool2DBackward0", 1.6225029988537032, 2.2596651707234754,
            [0.4392308898084407, 0.2699105162506857, 0.03996440169926079, 0.02091665518874794, 0.430035538372839], 3.2450059977074064, 1.3656858456824759);
        Matches(x => F.AdaptiveAvgPool2d(x, (5, 7)), [2, 3, 5, 7], "AdaptiveAvgPool2DBackward0", 4.871619588043835, 105.47458517571613,
            [0.0, 0.3050586364434435, 0.5810351605373051, 0.8016199408837771, 0.945783999449539], 9.74323917608767, 421.8983407028645);
        Matches(x => F.AdaptiveAvgPool2d(x, 4), [2, 3, 4, 4], "AdaptiveAvgPool2DBackward0", 1.591583007288003, 9.971392484026968,
            [0.4363044718386908, 0.44801035422698626, 0.3294801956691506, 0.1588739182776631, -0.12233899540020055], 3.183166014576006, 6.994495142581432);
    }

    [Fact]
    public void ErrorsAndReprsMatchPyTorch()
    {
        var x = X(false);
        Assert.Equal("pad should be at most half of effective kernel size, but got pad=2, kernel_size=3 and dilation=1",
            Assert.Throws<ArgumentException>(() => F.AvgPool2d(x, 3, padding: 2)).Message);
        Assert.Equal("Given input size: (3x5x7). Calculated output size: (3x0x1). Output size is too small",
            Assert.Throws<ArgumentException>(() => F.AvgPool2d(x, 6)).Message);
        Assert.Equal("stride should not be zero", Assert.Throws<ArgumentException>(() => F.AvgPool2d(x, 0)).Message);
        Assert.Equal("adaptive_avg_pool2d(): Expected input to have non-zero size for non-batch dimensions, but input has sizes [2, 3, 0, 7] with dimension 2 being empty",
            Assert.Throws<ArgumentException>(() => F.AdaptiveAvgPool2d(x.Narrow(2, 0, 0), 2)).Message);
        Assert.Equal("AvgPool2d(kernel_size=3, stride=2, padding=1)", new AvgPool2d(3, stride: 2, padding: 1, ceilMode: true).ToString());
        Assert.Equal("AvgPool2d(kernel_size=(2, 3), stride=(2, 3), padding=0)", new AvgPool2d((2, 3)).ToString());
        Assert.Equal("AdaptiveAvgPool2d(output_size=(2, 3))", new AdaptiveAvgPool2d((2, 3)).ToString());
        Assert.Equal("AdaptiveAvgPool2d(output_size=1)", new AdaptiveAvgPool2d(1).ToString());
    }

    [Fact]
    public void PoolsPassGradCheckTwice()
    {
        Tensor.ManualSeed(9);
        var x = Tensor.Randn([1, 2, 5, 6], DType.Float64, requiresGrad: true);
        Assert.True(Autograd.GradCheck(a => F.AvgPool2d(a[0], 3, 2, 1, ceilMode: true, countIncludePad: false), [x]));
        Assert.True(Autograd.GradCheck(a => F.AdaptiveAvgPool2d(a[0], (3, 4)), [x]));
        // second order: the backward is itself recorded (AvgPool2DBackwardBackward0)
        var g = Autograd.Grad([F.AvgPool2d(x, 2).Pow(2).Sum()], [x], createGraph: true)[0]!;
        Assert.Equal("AvgPool2DBackwardBackward0", g.GradFn!.Name);
        var gg = Autograd.Grad([g.Sum()], [x])[0]!;
        // g = 2·Pᵀ(P x), so d/dx sum(g) = 2·Pᵀ(P 1)
        var ones = Tensor.Ones([1, 2, 5, 6], DType.Float64, requiresGrad: true);
        var pOnes = F.AvgPool2d(ones, 2).Detach();
        var expected = Autograd.Grad([(F.AvgPool2d(ones, 2) * pOnes).Sum()], [ones])[0]! * 2.0;
        Check.Close(expected, gg, 1e-12);
    }
}

/// <summary>max_pool2d with (h, w) sizes, dilation and ceil_mode, and its indices: PyTorch 2.6's numbers and messages.</summary>
public class MaxPoolGeneralTests
{
    private static Tensor X()
    {
        var v = Enumerable.Range(0, 2 * 3 * 5 * 7).Select(i => Math.Sin(i * 0.31)).ToArray();
        return Tensor.FromArray(v, [2, 3, 5, 7]).RequiresGrad_();
    }

    private static void Matches(Func<Tensor, (Tensor, Tensor)> pool, int[] shape, double sum, double[] first, long[] idx, double gsum, double gsq)
    {
        var x = X();
        var (y, i) = pool(x);
        Assert.Equal(shape, y.Shape);
        Assert.Equal("MaxPool2DWithIndicesBackward0", y.GradFn!.Name);
        Check.Close(sum, y.Sum().Item<double>(), 1e-12);
        Check.Close(first, y.Flatten().Narrow(0, 0, 5), 1e-12);
        Assert.Equal(idx, i.Flatten().Narrow(0, 0, 6).ToArray<long>());
        (y * y).Sum().Backward();
        Check.Close(gsum, x.Grad!.Sum().Item<double>(), 1e-12);
        Check.Close(gsq, (x.Grad * x.Grad).Sum().Item<double>(), 1e-12);
    }

    [Fact]
    public void GeneralMaxPoolMatchesPyTorch()
    {
        Matches(x => F.MaxPool2dWithIndices(x, (2, 3), (1, 2), (1, 1)), [2, 3, 6, 4], 77.63128153385632,
            [0.3050586364434435, 0.8016199408837771, 0.999783764189357, 0.999783764189357, 0.825784993105608], [1, 3, 5, 5, 7, 3], 155.26256306771268, 823.2925734983421);
        Matches(x => F.MaxPool2dWithIndices(x, (3, 3), (2, 2), (1, 1), ceilMode: true), [2, 3, 3, 4], 58.463092900123755,
            [0.825784993105608, 0.8016199408837771, 0.999783764189357, 0.999783764189357, 0.825784993105608], [7, 3, 5, 5, 7, 24], 116.92618580024751, 429.14758347284607);
        Matches(x => F.MaxPool2dWithIndices(x, (2, 2), dilation: (2, 2)), [2, 3, 2, 3], 23.577492750713027,
            [0.5810351605373051, 0.945783999449539, 0.9584712830789143, 0.6778085753922868, 0.1244544235070617], [2, 4, 6, 28, 30, 20], 47.154985501426054, 172.95191755965294);
        Matches(x => F.MaxPool2dWithIndices(x, (3, 2), (2, 2), (1, 1), (1, 2), ceilMode: true), [2, 3, 3, 4], 55.78501117374711,
            [0.6143742578057118, 0.8016199408837771, 0.999783764189357, 0.999783764189357, 0.6143742578057118], [8, 3, 5, 5, 8, 24], 111.57002234749422, 551.4249557893897);
    }

    [Fact]
    public void MessagesAndReprMatchPyTorch()
    {
        var x = X().Detach();
        Assert.Equal("dilation should be greater than zero, but got dilationH: 0 dilationW: 0",
            Assert.Throws<ArgumentException>(() => F.MaxPool2d(x, 2, dilation: 0)).Message);
        Assert.Equal("Given input size: (3x5x7). Calculated output size: (3x0x1). Output size is too small",
            Assert.Throws<ArgumentException>(() => F.MaxPool2d(x, 3, dilation: 3)).Message);
        Assert.Equal("pad should be smaller than or equal to half of kernel size, but got padW = 2, padH = 2, kW = 3, kH = 3",
            Assert.Throws<ArgumentException>(() => F.MaxPool2d(x, 3, padding: 2, dilation: 2)).Message);
        Assert.Equal("MaxPool2d(kernel_size=(2, 3), stride=(2, 3), padding=0, dilation=2, ceil_mode=True)", new MaxPool2d((2, 3), dilation: (2, 2), ceilMode: true).ToString());
        Assert.Equal("MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)", new MaxPool2d(2).ToString());
        Assert.True(Autograd.GradCheck(a => F.MaxPool2d(a[0], (3, 2), (2, 1), (1, 1), (1, 2), ceilMode: true), [X()]));
    }
}

/// <summary>max_unpool2d against PyTorch 2.6.</summary>
public class MaxUnpoolTests
{
    [Fact]
    public void MatchesPyTorch()
    {
        var x = (Tensor.Arange(96).To(DType.Float64) * 0.37).Sin().View(2, 2, 4, 6);
        var (v, i) = F.MaxPool2dWithIndices(x, (2, 2));
        var values = v.Detach().RequiresGrad_();
        var u = new MaxUnpool2d(2).Forward(values, i);
        Assert.Equal([2, 2, 4, 6], u.Shape);
        Assert.Equal("MaxUnpool2DBackward0", u.GradFn!.Name);
        Check.Close([0.5182282059209767, 0.0, -0.19398436125389723, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.37428850114575674], u.Select(0, 0).Select(0, 1).Flatten().Narrow(0, 0, 12), 1e-15);
        (u * Tensor.Arange(96).To(DType.Float64).View(2, 2, 4, 6)).Sum().Backward();
        Check.Close([6.0, 3.0, 4.0, 19.0, 21.0, 22.0, 24.0, 26.0], values.Grad!.Flatten().Narrow(0, 0, 8), 0);
        var u2 = F.MaxUnpool2d(values.Detach(), i, (2, 2), outputSize: (5, 7));
        Assert.Equal([2, 2, 5, 7], u2.Shape);
        Check.Close(17.01830607591697, u2.Sum().Item<double>(), 1e-12);
        Assert.Equal("MaxUnpool2d(kernel_size=(2, 2), stride=(2, 2), padding=(0, 0))", new MaxUnpool2d(2).ToString());
        Assert.Equal("invalid output_size \"(9, 9)\" (dim 0 must be between 2 and 6)",
            Assert.Throws<ArgumentException>(() => F.MaxUnpool2d(values.Detach(), i, (2, 2), outputSize: (9, 9))).Message);
    }

    [Fact]
    public void TwoDimensionalInputIsAnIndexErrorAsInPyTorch()
    {
        // PyTorch 2.6: avg_pool2d reads size(-3) first (IndexError); max_pool2d checks the rank (RuntimeError).
        Assert.StartsWith("Dimension out of range (expected to be in range of [-2, 1], but got -3)",
            Assert.Throws<ArgumentOutOfRangeException>(() => Sharpgrad.NN.Functional.AvgPool2d(Tensor.Zeros([3, 4]), (2, 2))).Message);
        Assert.StartsWith("non-empty 3D or 4D (batch mode) tensor expected for input",
            Assert.Throws<ArgumentException>(() => Sharpgrad.NN.Functional.MaxPool2d(Tensor.Zeros([3, 4]), (2, 2))).Message);
    }
}
