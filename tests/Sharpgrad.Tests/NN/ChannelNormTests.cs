using Sharpgrad.NN;
using F = Sharpgrad.NN.Functional;

namespace Sharpgrad.Tests.NN;

/// <summary>LocalResponseNorm, Softmax2d and ChannelShuffle: PyTorch 2.6 values, gradients, node names, reprs and messages; gradcheck.</summary>
public class ChannelNormTests
{
    private static readonly double[] Lrn3Y = [1.9997490628194454, 1.5294591264795274, 0.3399034964484476, -1.0095412638010244, -1.8841606412003562, -1.8726311120469143, -0.9803750858891765, 0.37296913282614863, 1.55089882139971, 1.9994693291049785, 1.5077135710315308, 0.3067285529441938, -1.0385258189562243, -1.8952651682636945, -1.8605765159846406, -0.9509317270414807, 0.4059491995364096, 1.5719044515190328, 1.9985674514360932, 1.485275410169231, 0.2734336787201888, -1.0670318138476842, -1.9056276578558422, -1.8481043150097425];
    private static readonly double[] Lrn3G = [0.999719471424071, 0.9320940813148131, 0.7383886366860963, 0.4447032385132684, 0.09074627022621401, -0.27561970972787675, -0.604551137508331, -0.8515310652158284, -0.9833170962355482, -0.982044881336001, -0.8479285452908556, -0.5990462740530865, -0.2690419424012903, 0.09746538793966783, 0.45075639880408863, 0.7430034448145556, 0.9346045447286072, 0.9997595327851662, 0.9295949189645738, 0.7335972020999897, 0.438443427314789, 0.08396654778158934, -0.28193833929945866, -0.6097980698019775];
    private static readonly double[] Lrn4Y = [1.0320313742306721, 0.6522665521677325, -0.24063510361623694, -0.9376020388793148, -0.9062801177792746, -0.22092178016338554, 0.6647505157890362, 1.010142683371633, 0.6249444448838739, -0.2575671144311506, -0.9345350662560468, -0.8989492614922373, -0.20379354581515116, 0.6778146453499486, 1.0094061590160315, 0.6116265008478412, -0.27476562504705243, -0.9407933629279945, -0.8913794707316443, -0.1865826430340147];
    private static readonly double[] Lrn4G = [0.6541783551870063, 0.6369455308312136, 0.5165713404007891, 0.26745928307886147, 0.03919118541726663, -0.19009421859388761, -0.430435722929337, -0.5627134670344247, -0.6616586239843529, -0.6896909366396232, -0.5405040592056213, -0.3732370417823679, -0.18955990506883647, 0.0877724931175148, 0.3162826636751617, 0.5027387496666254, 0.6565461443163727, 0.6530180434878364, 0.6020257813740919, 0.5124842569990639];
    private static readonly double[] Lrn5Y = [1.226539424454703, 0.5937657315451996, -0.704304653704753, -1.2302441913307758, -0.3413422081278014, 0.8165406730374087, 1.1372131179602512, 0.1692915852688274, -0.9008482575790883, -1.024540298688136, 0.005296557759367294, 0.9859064418152849];
    private static readonly double[] Lrn5G = [0.39282413944136646, 0.6846004140854285, 0.4407286978221033, 0.11511988659956851, 0.19771302536010932, -0.4132689429969033, -0.24262897659170257, -0.5872400206977734, -0.5975999475634856, -0.6170812690428855, -0.6760183313350483, -0.31821816516990087];
    private static readonly double[] Sm2d3Y = [0.98165683908144, 0.9741203647555793, 0.9158993246257129, 0.637161656804963, 0.19787672908264375, 0.04654703538237747, 0.01834316091856003, 0.025879635244420707, 0.08410067537428711, 0.36283834319503705, 0.8021232709173562, 0.9534529646176224];
    private static readonly double[] Sm2d3G = [0.028892674316571665, 0.04497488745148112, 0.1326437814018424, 0.32989536844327394, 0.14900327280969033, 0.014357935660462498, -0.028892674316571658, -0.044974887451481156, -0.13264378140184244, -0.32989536844327394, -0.1490032728096903, -0.014357935660462583];
    private static readonly double[] Sm2d4Y = [0.872572640285398, 0.8897117977429128, 0.11139103643227505, 0.05053654499075719, 0.01603632328232698, 0.05975165726633013];
    private static readonly double[] Sm2d4G = [0.03814411342135153, 0.08614191769039262, -0.024262850150764553, -0.01975199659743976, -0.013881263270587032, -0.06638992109295289];
    private static readonly double[] Cs2Y = [1.0, 0.955336489125606, -0.2272020946930869, -0.5048461045998576, 0.8253356149096783, 0.6216099682706645, -0.7373937155412454, -0.904072142017061, 0.3623577544766736, 0.0707372016677029, -0.9899924966004454, -0.9874797699088649];
    private static readonly double[] Cs2G = [1.0, 0.9323273456060345, 0.09067162446430968, -0.27559024682451294, -0.9835573130340064, -0.9823037763382317, 0.7384685587295879, 0.44466151674170695, -0.6045522710579293, -0.8516909814865656, -0.848100031710408, -0.599109926407685];
    private static readonly double[] Cs3Y = [1.0, 0.955336489125606, 0.3623577544766736, 0.0707372016677029, -0.7373937155412454, -0.904072142017061, 0.8253356149096783, 0.6216099682706645, -0.2272020946930869, -0.5048461045998576, -0.9899924966004454, -0.9874797699088649, -0.8967584163341472, -0.7259323042001402, 0.0874989834394464, 0.37797774271298024, 0.960170286650366, 0.9998586363834151, -0.4902608213406994, -0.2107957994307797, 0.6346928759426339, 0.8347127848391598, 0.9502325919585296, 0.8157251001253574];
    private static readonly double[] Cs3G = [1.0, 0.9323273456060345, -0.6045522710579293, -0.8516909814865656, 0.7384685587295879, 0.44466151674170695, -0.9835573130340064, -0.9823037763382317, 0.09067162446430968, -0.27559024682451294, -0.848100031710408, -0.599109926407685, -0.2690331031173999, 0.09745608858848573, 0.9298414180167014, 0.7338563821173814, 0.45075505589109877, 0.7430464409664099, 0.43854732757439036, 0.08388294956272228, 0.934769976045349, 0.9999767800707431, -0.28213459215955655, -0.6099665403862415];

    /// <summary>f(x) for x = Det(shape, k, scale): PyTorch's node, values, and x's gradient under the weights Det(y.shape, 0.37).</summary>
    private static void Matches(Func<Tensor, Tensor> f, int[] shape, double k, double scale, string node, double[] y, double[] grad)
    {
        var x = Check.Det(shape, k, scale).RequiresGrad_();
        var r = f(x);
        Assert.Equal(node, r.GradFn!.Name);
        Check.Close(y, r, 1e-12);
        (r * Check.Det(r.Shape.ToArray(), 0.37)).Sum().Backward();
        Check.Close(grad, x.Grad!, 1e-12);
    }

    [Fact]
    public void LocalResponseNormMatchesPyTorch()
    {
        Matches(x => F.LocalResponseNorm(x, 3), [2, 4, 3], 0.7, 2.0, "DivBackward0", Lrn3Y, Lrn3G);
        Matches(x => new LocalResponseNorm(2, alpha: 0.1, beta: 0.5, k: 2.0).Call(x), [1, 5, 2, 2], 0.9, 1.5, "DivBackward0", Lrn4Y, Lrn4G);
        Matches(x => F.LocalResponseNorm(x, 4, alpha: 0.5), [1, 3, 2, 1, 2], 1.1, 1.5, "DivBackward0", Lrn5Y, Lrn5G);
    }

    [Fact]
    public void LocalResponseNormComposesAsPyTorch()
    {
        var names = new List<string>();
        for (var n = F.LocalResponseNorm(Check.Det([1, 5, 2, 2], 0.9).RequiresGrad_(), 3).GradFn; n is not null; n = n.NextFunctions.LastOrDefault(e => e.Node is not null).Node)
            names.Add(n.Name);
        Assert.Equal(["DivBackward0", "PowBackward0", "AddBackward0", "MulBackward0", "ViewBackward0", "SqueezeBackward1", "AvgPool3DBackward0",
            "ConstantPadNdBackward0", "ViewBackward0", "MulBackward0", "AccumulateGrad"], names);
        names.Clear();
        for (var n = F.LocalResponseNorm(Check.Det([2, 5, 3], 0.9).RequiresGrad_(), 3).GradFn; n is not null; n = n.NextFunctions.LastOrDefault(e => e.Node is not null).Node)
            names.Add(n.Name);
        Assert.Equal(["DivBackward0", "PowBackward0", "AddBackward0", "MulBackward0", "SqueezeBackward1", "AvgPool2DBackward0",
            "ConstantPadNdBackward0", "UnsqueezeBackward0", "MulBackward0", "AccumulateGrad"], names);
    }

    [Fact]
    public void Softmax2dMatchesPyTorch()
    {
        Matches(x => new Softmax2d().Call(x), [2, 3, 2], 0.5, 2.0, "SoftmaxBackward0", Sm2d3Y, Sm2d3G);
        Matches(x => new Softmax2d().Call(x), [1, 3, 1, 2], 0.8, 2.0, "SoftmaxBackward0", Sm2d4Y, Sm2d4G);
    }

    [Fact]
    public void ChannelShuffleMatchesPyTorch()
    {
        Matches(x => new ChannelShuffle(2).Call(x), [1, 6, 2], 0.3, 1.0, "ChannelShuffleBackward0", Cs2Y, Cs2G);
        Matches(x => F.ChannelShuffle(x, 3), [2, 6, 1, 2], 0.3, 1.0, "ChannelShuffleBackward0", Cs3Y, Cs3G);
        Assert.Equal([1, 0, 2], F.ChannelShuffle(Tensor.Ones([1, 0, 2]), 2).Shape.ToArray());
    }

    [Fact]
    public void GradCheckFloat64()
    {
        Tensor.ManualSeed(5);
        Assert.True(Autograd.GradCheck(a => F.LocalResponseNorm(a[0], 3, alpha: 0.5, k: 1.5), [Tensor.Randn([2, 4, 3], DType.Float64, requiresGrad: true)]));
        Assert.True(Autograd.GradCheck(a => F.LocalResponseNorm(a[0], 2, alpha: 0.3, beta: 0.6), [Tensor.Randn([1, 3, 2, 2], DType.Float64, requiresGrad: true)]));
        Assert.True(Autograd.GradCheck(a => new Softmax2d().Call(a[0]), [Tensor.Randn([2, 3, 2, 2], DType.Float64, requiresGrad: true)]));
        Assert.True(Autograd.GradCheck(a => F.ChannelShuffle(a[0], 3), [Tensor.Randn([2, 6, 2], DType.Float64, requiresGrad: true)]));
    }

    [Fact]
    public void ReprsAndMessagesMatchPyTorch()
    {
        Assert.Equal("LocalResponseNorm(3, alpha=0.0001, beta=0.75, k=1.0)", new LocalResponseNorm(3).ToString());
        Assert.Equal("LocalResponseNorm(2, alpha=0.1, beta=0.5, k=2.0)", new LocalResponseNorm(2, 0.1, 0.5, 2.0).ToString());
        Assert.Equal("Softmax2d()", new Softmax2d().ToString());
        Assert.Equal("ChannelShuffle(groups=3)", new ChannelShuffle(3).ToString());
        Assert.Equal("Expected 3D or higher dimensionality                          input (got 2 dimensions)",
            Assert.Throws<ArgumentException>(() => F.LocalResponseNorm(Tensor.Ones([2, 3]), 2)).Message);
        Assert.Equal("kernel size should be greater than zero, but got kH: 0 kW: 1",
            Assert.Throws<ArgumentException>(() => F.LocalResponseNorm(Tensor.Ones([2, 3, 4]), 0)).Message);
        Assert.Equal("kernel size should be greater than zero, but got kT: 0 kH: 1 kW: 1",
            Assert.Throws<ArgumentException>(() => F.LocalResponseNorm(Tensor.Ones([2, 3, 4, 5]), 0)).Message);
        var empty = Tensor.Ones([0, 3, 2]);
        Assert.Same(empty, F.LocalResponseNorm(empty, 2));
        Assert.Equal("Softmax2d: expected input to be 3D or 4D, got 2D instead", Assert.Throws<ArgumentException>(() => new Softmax2d().Call(Tensor.Ones([2, 3]))).Message);
        Assert.Equal("Softmax2d: expected input to be 3D or 4D, got 5D instead", Assert.Throws<ArgumentException>(() => new Softmax2d().Call(Tensor.Ones([1, 2, 3, 4, 5]))).Message);
        var x = Tensor.Ones([1, 6, 2]);
        Assert.Equal("Number of channels must be divisible by groups. Got 6 channels and 4 groups.", Assert.Throws<ArgumentException>(() => F.ChannelShuffle(x, 4)).Message);
        Assert.Equal("Number of groups to divide channels in must be positive. Value of groups:0", Assert.Throws<ArgumentException>(() => F.ChannelShuffle(x, 0)).Message);
        Assert.Equal("Number of groups to divide channels in must be positive. Value of groups:-1", Assert.Throws<ArgumentException>(() => F.ChannelShuffle(x, -1)).Message);
        Assert.Equal("channel_shuffle expects input with > 2 dims, but got input with sizes [6]", Assert.Throws<ArgumentException>(() => F.ChannelShuffle(Tensor.Ones([6]), 2)).Message);
        Assert.Equal("channel_shuffle expects input with > 2 dims, but got input with sizes [2, 6]", Assert.Throws<ArgumentException>(() => F.ChannelShuffle(Tensor.Ones([2, 6]), 3)).Message);
    }
}
