using Sharpgrad.NN;
using F = Sharpgrad.NN.Functional;

namespace Sharpgrad.Tests.NN;

/// <summary>ConvTranspose3d and conv_transpose3d: values, gradients, graph, parameters, repr and messages from PyTorch 2.6.</summary>
public class ConvTranspose3dTests
{
    [Fact]
    public void GroupedStridedDilatedMatchesPyTorch()
    {
        var x = Check.Det([2, 4, 2, 1, 2], 0.7).RequiresGrad_();
        var w = Check.Det([4, 2, 2, 1, 2], 0.3, 0.5).RequiresGrad_();
        var b = Check.Det([4], 0.5, 0.1).RequiresGrad_();
        var y = F.ConvTranspose3d(x, w, b, (2, 1, 2), (0, 0, 1), (1, 0, 1), groups: 2, dilation: (1, 2, 1));
        Assert.Equal("ConvolutionBackward0", y.GradFn!.Name);
        Assert.Equal(["AccumulateGrad", "AccumulateGrad", "AccumulateGrad"], y.GradFn.NextFunctions.Select(e => e.Node!.Name));
        Assert.Equal([2, 4, 5, 1, 3], y.Shape);
        Check.Close([1.0035867294551244, 0.8276897316846475, 0.8886530265603518, 0.8760177342185714, 0.8791682953802523, 0.800082780932755, 0.40280348223077844, -0.2211895768413855, -0.2254592712268553, 0.39488795667906007, -0.20065665821309916, -0.1489972813522236, 0.1, 0.1, 0.1, 0.4651216744381129, 0.6462192128759628, 0.45471173460631115, -0.06535654033949638, 0.23042539498928644, -0.00660497523818554, 0.2717178400686, -0.08733746273557162, 0.002204878784541342, 0.09652709206951204, 0.09938944870874791, 0.19553503884578205, 0.08775825618903728, 0.08775825618903728, 0.08775825618903728, 0.110601656795141, -0.19050030351337452, 0.07873549640603592, 0.44095246563129686, 0.34576444850830285, 0.5867336517814316, 0.03525006347172386, -0.08390649853343468, 0.0005972365798448329, 0.48197609522317375, 0.08987398191088758, 0.17594891168784668, 0.05403023058681398, 0.05403023058681398, 0.05403023058681398, 0.5891836955237737, 0.7331615345438112, 0.8616866657398461, 0.5810236740349479, 0.9138717677598799, 0.8850553008608051, 0.7322518139572682, 0.20417669836646676, 0.261754373444735, 0.7761584714456287, 0.2965821842686473, 0.3055490662232729, 0.007073720166770291, 0.007073720166770291, 0.007073720166770291, 0.1351588220587082, 0.689766034761392, 0.716680208125894, 0.09558230509165712, 0.6885081751270873, 0.6077664595693637, 1.0081672564174171, 0.8120994459015658, 0.8725290535110065, 0.881140114041809, 0.863950941555899, 0.7871313672294207, 0.1, 0.1, 0.1, 0.045307272243008026, 0.4694257346234198, 0.30923353434152534, 0.022103333220146293, 0.1292576070712848, -0.05442533361777489, 0.46899651247824564, 0.636690650507203, 0.44945718167007453, -0.06408283648967726, 0.22991422504998837, -0.002327100892259959, 0.08775825618903728, 0.08775825618903728, 0.08775825618903728, 0.0937292301559359, 0.10015052936097127, 0.11631079160496471, -0.2272993265791954, 0.12690771682036314, 0.1309947132379804, 0.10960083204654594, -0.19365029417011986, 0.07675515030701585, 0.4530911542610969, 0.3451306453860653, 0.5875030073812612, 0.05403023058681398, 0.05403023058681398, 0.05403023058681398, -0.4970078855141033, 0.08125019121988888, 0.07183621637883089, -0.5436697266457841, 0.05663720063013231, 0.037010826784137404, 0.6102215043613151, 0.7352653246213094, 0.8649369649930054, 0.6036114911917168, 0.9179782366366231, 0.8896511207264688, 0.007073720166770291, 0.007073720166770291, 0.007073720166770291], y, 1e-12);
        (y * y.Detach().Cos()).Sum().Backward();
        Check.Close([0.23535121463004355, 0.9325626552147821, 0.5091466876082522, 1.5203507440588786, -0.9885501693798413, -2.2222116502293625, -1.326155804896712, -2.9305897250444675, 1.3218398424487088, 2.108171278940774, 1.2215205359559265, 2.7559205439985135, -0.6637769237854545, -0.6336152115352998, -0.567094170216747, -1.1412332767124647, 0.5656691063287922, 1.1502312196474938, 0.23219506498283787, 0.9529721668403139, -1.4073655105321556, -2.5067531847889173, -0.9842297256740622, -2.2457778462470244, 1.3832805041858696, 2.81889625667655, 1.308591521163807, 2.1031517412075353, -0.6996993715443434, -1.2019231513256012, -0.6524183081022088, -0.6291714267051842], x.Grad!, 1e-10);
        Check.Close([1.1422938444725403, 2.4882368222463436, 1.08246240673726, 2.8382619652553984, 1.4059625346341824, 3.7518589785489036, 1.744989456343579, 4.164632714205322, -1.4990040844731318, -2.735126634217303, -1.426692570630491, -3.0842737810093404, -1.7807648122656494, -4.023274303989352, -2.1550618585692223, -4.452885086080819, 2.3330055234689633, 4.221058387960687, 2.2509479685711113, 3.6690377992642533, 1.8525707590916691, 3.119094278750196, 1.5830186253338463, 3.07526114259876, -2.224990365151159, -3.5183971624303743, -2.147581340522061, -3.0096167043855955, -1.7606498036747555, -2.507733771396363, -1.4955285470916677, -2.459899623794796], w.Grad!, 1e-10);
        Check.Close([24.511878808272275, 28.871400428020575, 29.090660661119873, 25.614693297804948], b.Grad!, 1e-10);

        var m = new ConvTranspose3d(4, 4, (2, 1, 2), stride: (2, 1, 2), padding: (0, 0, 1), outputPadding: (1, 0, 1), groups: 2, dilation: (1, 2, 1),
            dtype: DType.Float64);
        using (Autograd.NoGrad())
        {
            m.Weight.Copy_(w);
            m.Bias!.Copy_(b);
        }
        Check.Close(y.Detach(), m.Call(Check.Det([2, 4, 2, 1, 2], 0.7)), 1e-12);
        Assert.True(Autograd.GradCheck(a => F.ConvTranspose3d(a[0], a[1], a[2], (2, 1, 2), (0, 0, 1), (1, 0, 1), groups: 2, dilation: (1, 2, 1)),
            [Check.Det([2, 4, 2, 1, 2], 0.7).RequiresGrad_(), Check.Det([4, 2, 2, 1, 2], 0.3, 0.5).RequiresGrad_(), Check.Det([4], 0.5, 0.1).RequiresGrad_()]));
    }

    [Fact]
    public void UnbatchedInputMatchesPyTorch()
    {
        var x = Check.Det([2, 2, 2, 3], 0.4).RequiresGrad_();
        var w = Check.Det([2, 1, 2, 2, 1], 0.6).RequiresGrad_();
        var y = F.ConvTranspose3d(x, w, stride: 2);
        Assert.Equal("SqueezeBackward1", y.GradFn!.Name);
        var conv = y.GradFn.NextFunctions[0].Node!;
        Assert.Equal("ConvolutionBackward0", conv.Name);
        Assert.Equal("UnsqueezeBackward0", conv.NextFunctions[0].Node!.Name);
        Assert.Equal("AccumulateGrad", conv.NextFunctions[1].Node!.Name);
        Assert.Null(conv.NextFunctions[2].Node);
        Assert.Equal([1, 4, 4, 5], y.Shape);
        Check.Close([0.935478799495504, 0.0, 0.5755797449596836, 0.0, 0.12480930454548189, 0.7387122778444589, 0.0, 0.2963564527351001, 0.0, -0.19278753997373899, -0.34566578074874266, 0.0, -0.7615678397639225, 0.0, -1.0572350822384338, -0.6514946191342657, 0.0, -1.0073450230009366, 0.0, -1.204157797243938, 0.2838923046566671, 0.0, -0.08639267465853401, 0.0, -0.44303815024778215, -0.2700994181805866, 0.0, -0.4389623552610856, 0.0, -0.53852278835266, -0.7297376434383092, 0.0, -0.901227608205442, 0.0, -0.9304335498347849, -0.5530623142055267, 0.0, -0.480285461382697, 0.0, -0.3316820947270355, -1.1859881517185857, 0.0, -1.1274997695566957, 0.0, -0.8910039652532428, -1.210860532330716, 0.0, -1.0263950137708449, 0.0, -0.6798842909160435, -0.5138382262366316, 0.0, -0.05554872957513979, 0.0, 0.41151069008048036, -0.22603478782530984, 0.0, 0.2635006382088212, 0.0, 0.7114351073233328, -0.8127444923234781, 0.0, -0.5667409501048803, 0.0, -0.23126147336800393, -0.13071341834178796, 0.0, 0.09089203267223135, 0.0, 0.2981476302618438, 0.14072910503507013, 0.0, 0.49050165210548025, 0.0, 0.7628347734615917, 0.45833227270492616, 0.0, 0.5461563271005575, 0.0, 0.5477543063354823], y, 1e-12);
        y.Sum().Backward();
        Check.Close([1.9604912746932652, 1.9604912746932652, 1.9604912746932652, 1.9604912746932652, 1.9604912746932652, 1.9604912746932652, 1.9604912746932652, 1.9604912746932652, 1.9604912746932652, 1.9604912746932652, 1.9604912746932652, 1.9604912746932652, -3.114405449816538, -3.114405449816538, -3.114405449816538, -3.114405449816538, -3.114405449816538, -3.114405449816538, -3.114405449816538, -3.114405449816538, -3.114405449816538, -3.114405449816538, -3.114405449816538, -3.114405449816538], x.Grad!, 1e-12);
        Check.Close([-2.000866640202543, -2.000866640202543, -2.000866640202543, -2.000866640202543, 2.5632200627318475, 2.5632200627318475, 2.5632200627318475, 2.5632200627318475], w.Grad!, 1e-12);
        Assert.Equal([0, 3, 7, 7, 7], F.ConvTranspose3d(Tensor.Zeros([0, 4, 5, 5, 5], DType.Float64), Check.Det([4, 3, 3, 3, 3], 1)).Shape);
    }

    [Fact]
    public void BackwardIsDifferentiable()
    {
        Assert.True(Autograd.GradCheck(a =>
        {
            using var scope = Autograd.EnableGrad(); // GradCheck's numeric pass runs under no_grad
            var y = F.ConvTranspose3d(a[0], a[1], a[2], (2, 1, 1), (1, 0, 0), groups: 2, dilation: (1, 1, 2));
            var g = Autograd.Grad([(y * y * Check.Det(y.Shape.ToArray(), 0.37)).Sum()], a, createGraph: true); // y's gradient depends on a: vol2col's backward runs
            return Tensor.Cat(g.Select(t => t!.Flatten()).ToArray(), 0);
        }, [Check.Det([1, 2, 2, 2, 2], 0.7).RequiresGrad_(), Check.Det([2, 1, 2, 1, 2], 0.3, 0.5).RequiresGrad_(), Check.Det([2], 0.5, 0.1).RequiresGrad_()]));
    }

    [Fact]
    public void ParametersAndReprMatchPyTorch()
    {
        var m = new ConvTranspose3d(4, 6, 3, stride: 2, padding: 1, outputPadding: 1, groups: 2, bias: false, dilation: 2);
        Assert.Equal("ConvTranspose3d(4, 6, kernel_size=(3, 3, 3), stride=(2, 2, 2), padding=(1, 1, 1), dilation=(2, 2, 2), output_padding=(1, 1, 1), groups=2, bias=False)",
            m.ToString());
        Assert.Equal(["weight"], m.NamedParameters().Select(p => p.Name));
        Assert.Equal([4, 3, 3, 3, 3], m.Weight.Shape);
        Assert.True(m.Weight.Abs().Max().Item<float>() <= 1.0 / 9); // 1/√((out/groups)·k³), not the conv's 1/√((in/groups)·k³)
        Assert.True(m.Weight.Abs().Max().Item<float>() > 0.09);
        Assert.Equal("ConvTranspose3d(4, 6, kernel_size=(3, 3, 3), stride=(1, 1, 1))", new ConvTranspose3d(4, 6, 3).ToString());
        Assert.Equal("ConvTranspose3d(4, 6, kernel_size=(1, 2, 3), stride=(1, 2, 1), padding=(0, 1, 0), output_padding=(0, 1, 0))",
            new ConvTranspose3d(4, 6, (1, 2, 3), stride: (1, 2, 1), padding: (0, 1, 0), outputPadding: (0, 1, 0)).ToString());
        Assert.Equal("out_channels must be divisible by groups", Assert.Throws<ArgumentException>(() => new ConvTranspose3d(4, 5, 3, groups: 2)).Message);
        Assert.Equal("in_channels must be divisible by groups", Assert.Throws<ArgumentException>(() => new ConvTranspose3d(3, 4, 3, groups: 2)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConvTranspose3d(2, 3, (2, 0, 2)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConvTranspose3d(2, 3, 2, stride: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConvTranspose3d(2, 3, 2, outputPadding: -1));
    }

    [Fact]
    public void MessagesMatchPyTorch()
    {
        static string Msg(Action a) => Assert.Throws<ArgumentException>(a).Message;
        var x = Check.Det([1, 4, 5, 5, 5], 1);
        var w = Check.Det([4, 3, 3, 3, 3], 1);
        Assert.Equal("Expected 4D (unbatched) or 5D (batched) input to conv_transpose3d, but got input of size: [4, 5, 5]",
            Msg(() => F.ConvTranspose3d(Check.Det([4, 5, 5], 1), w, Check.Det([3], 1).To(DType.Float32))));
        Assert.Equal("weight should have at least three dimensions", Msg(() => F.ConvTranspose3d(x, Check.Det([4, 3], 1))));
        Assert.Equal("expected stride to be a single integer value or a list of 2 values to match the convolution dimensions, but got stride=[1, 1, 1]",
            Msg(() => F.ConvTranspose3d(x, Check.Det([4, 3, 3, 3], 1))));
        Assert.Equal("Given transposed=1, weight of size [3, 3, 3, 3, 3], expected input[1, 4, 5, 5, 5] to have 3 channels, but got 4 channels instead",
            Msg(() => F.ConvTranspose3d(x, Check.Det([3, 3, 3, 3, 3], 1), outputPadding: 1, dilation: 0)));
        Assert.Equal("Given transposed=1, weight of size [4, 3, 3, 3, 3], expected input[1, 3, 5, 5, 5] to have 4 channels, but got 3 channels instead",
            Msg(() => F.ConvTranspose3d(Check.Det([3, 5, 5, 5], 1), w)));
        Assert.Equal("non-positive groups is not supported", Msg(() => F.ConvTranspose3d(x, w, stride: 0, groups: 0)));
        Assert.Equal("negative padding is not supported", Msg(() => F.ConvTranspose3d(x, w, padding: -1, outputPadding: -1)));
        Assert.Equal("negative output_padding is not supported", Msg(() => F.ConvTranspose3d(x, w, stride: 0, outputPadding: -1)));
        Assert.Equal("non-positive stride is not supported", Msg(() => F.ConvTranspose3d(x, w, stride: 0)));
        Assert.Equal("dilation should be greater than zero", Msg(() => F.ConvTranspose3d(x, w, dilation: -1)));
        Assert.Equal("dilation should be greater than zero, but got dilation_depth: 0, dilation_height: 0, dilation_width: 0",
            Msg(() => F.ConvTranspose3d(x.To(DType.Float32), w, dilation: 0)));
        Assert.Equal("Given groups=3, expected weight to be divisible by 3 at dimension 0, but got weight of size [[4, 3, 3, 3, 3]] instead", Msg(() => F.ConvTranspose3d(x, w, groups: 3)));
        Assert.Equal("Given groups=5, expected weight to be at least 5 at dimension 0, but got weight of size [3, 3, 3, 3, 3] instead",
            Msg(() => F.ConvTranspose3d(x, Check.Det([3, 3, 3, 3, 3], 1), groups: 5)));
        Assert.Equal("output padding must be smaller than either stride or dilation, but got output_padding_depth: 2 output_padding_height: 2 output_padding_width: 2 stride_depth: 2 stride_height: 2 stride_width: 2 dilation_depth: 1 dilation_height: 1 dilation_width: 1",
            Msg(() => F.ConvTranspose3d(x, w, stride: 2, outputPadding: 2)));
        Assert.Equal("output padding must be smaller than either stride or dilation, but got output_padding_depth: 0 output_padding_height: 0 output_padding_width: 1 stride_depth: 1 stride_height: 1 stride_width: 1 dilation_depth: 1 dilation_height: 1 dilation_width: 1",
            Msg(() => F.ConvTranspose3d(x, w, null, (1, 1, 1), outputPadding: (0, 0, 1), padding: (0, 4, 0))));
        Assert.Equal([1, 3, 10, 7, 7], F.ConvTranspose3d(x, w, null, (1, 1, 1), outputPadding: (1, 0, 0), dilation: (2, 1, 1)).Shape);
        Assert.Equal("Given transposed=1, weight of size [4, 3, 3, 3, 3], expected bias to be 1-dimensional with 3 elements, but got bias of size [3, 1] instead",
            Msg(() => F.ConvTranspose3d(x, w, Check.Det([3, 1], 1), outputPadding: 1)));
        Assert.Equal("Given input size per channel: (5 x 5 x 5). Calculated output size per channel: (7 x -1 x 7). Output size is too small",
            Msg(() => F.ConvTranspose3d(x, w.To(DType.Float32), null, (1, 1, 1), (0, 4, 0))));
        Assert.Equal("expected scalar type Double but found Float", Msg(() => F.ConvTranspose3d(x, w.To(DType.Float32))));
        Assert.Equal("expected scalar type Float but found Double", Msg(() => F.ConvTranspose3d(x.To(DType.Float32), w, Check.Det([3], 1))));
        Assert.Equal("expected scalar type Double but found Float", Msg(() => F.ConvTranspose3d(x, w, Check.Det([3], 1).To(DType.Float32))));
    }
}
