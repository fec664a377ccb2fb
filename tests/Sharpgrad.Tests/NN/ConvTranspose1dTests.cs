using Sharpgrad.NN;
using F = Sharpgrad.NN.Functional;

namespace Sharpgrad.Tests.NN;

/// <summary>ConvTranspose1d and conv_transpose1d: values, gradients, graph, parameters, repr and messages from PyTorch 2.6.</summary>
public class ConvTranspose1dTests
{
    [Fact]
    public void GroupedStridedDilatedMatchesPyTorch()
    {
        var x = Check.Det([2, 4, 5], 0.7).RequiresGrad_();
        var w = Check.Det([4, 3, 3], 0.3, 0.5).RequiresGrad_();
        var b = Check.Det([6], 0.5, 0.1).RequiresGrad_();
        var y = F.ConvTranspose1d(x, w, b, stride: 2, padding: 1, outputPadding: 1, groups: 2, dilation: 2);
        Assert.Equal("ConvolutionBackward0", y.GradFn!.Name);
        Assert.Equal(["AccumulateGrad", "AccumulateGrad", "AccumulateGrad"], y.GradFn.NextFunctions.Select(e => e.Node!.Name));
        Assert.Equal([2, 6, 12], y.Shape);
        Check.Close([0.1, 1.6452474605579117, 0.1, 1.5837251695044428, 0.1, 0.04354524882884861, 0.1, -1.4700831202411329, 0.1, -1.4362575080129936, 0.1, -0.7824949155573447, 0.08775825618903728, 1.0663787365747637, 0.08775825618903728, 0.6384005685952265, 0.08775825618903728, -0.30657203026625357, 0.08775825618903728, -1.0660849338271188, 0.08775825618903728, -0.6538378541515444, 0.08775825618903728, -0.19066258782377216, 0.05403023058681398, -0.27457673844791014, 0.05403023058681398, -0.7451254382310353, 0.05403023058681398, -0.3797542919453051, 0.05403023058681398, 0.1896324933574165, 0.05403023058681398, 0.6683206693628931, 0.05403023058681398, 0.5903868021187704, 0.007073720166770291, 0.4691424358515187, 0.007073720166770291, 0.2978022383049869, 0.007073720166770291, -0.8385696546268666, 0.007073720166770291, -1.57722225485105, 0.007073720166770291, -1.4031949774472172, 0.007073720166770291, -0.7176384483625792, -0.04161468365471424, 0.53669060744157, -0.04161468365471424, -0.14555517120326525, -0.04161468365471424, -1.644810733003307, -0.04161468365471424, -2.3900581421654206, -0.04161468365471424, -1.730768336443117, -0.04161468365471424, -0.7867887607718905, -0.08011436155469337, 0.17677759005879579, -0.08011436155469337, -0.5000637660270946, -0.08011436155469337, -1.2275962774955234, -0.08011436155469337, -1.4154501139974525, -0.08011436155469337, -0.7698351609688578, -0.08011436155469337, -0.2818174618912028, 0.1, -0.5700791666323316, 0.1, -1.528924541305069, 0.1, -2.2556253168919476, 0.1, -1.8744386982836398, 0.1, -0.9219560727907622, 0.1, -0.14938657872889913, 0.08775825618903728, -0.49002570406329543, 0.08775825618903728, -1.0909115312937085, 0.08775825618903728, -1.2766468705757372, 0.08775825618903728, -0.820681159322098, 0.08775825618903728, -0.25125564247003435, 0.08775825618903728, 0.042033872577962574, 0.05403023058681398, 0.005796858819642939, 0.05403023058681398, 0.21760899349440246, 0.05403023058681398, 0.7133998923655948, 0.05403023058681398, 0.8990789363670583, 0.05403023058681398, 0.6545174658000167, 0.05403023058681398, 0.24657134402436134, 0.007073720166770291, -0.8563918377523332, 0.007073720166770291, -1.5954336194646639, 0.007073720166770291, -1.5501607876100738, 0.007073720166770291, -0.772496234287647, 0.007073720166770291, -0.001317446254285877, 0.007073720166770291, 0.33054867395565485, -0.04161468365471424, -1.6353445277484218, -0.04161468365471424, -2.398802978323359, -0.04161468365471424, -1.9865065916830875, -0.04161468365471424, -0.6594971509227178, -0.04161468365471424, 0.11643465286579122, -0.04161468365471424, 0.3311236910709665, -0.08011436155469337, -1.198005519273791, -0.08011436155469337, -1.4081105040371746, -0.08011436155469337, -0.9408082482566278, -0.08011436155469337, -0.06870820884720316, -0.08011436155469337, 0.12476689098578503, -0.08011436155469337, 0.059806463229400725], y, 1e-12);
        (y * y.Detach().Cos()).Sum().Backward();
        Check.Close([-0.43885972809450735, 0.06102985516940784, 0.27164392670472376, 0.37211967450594696, 0.11985146559031068, -0.14805234021658742, -1.088899417248927, -1.2142064352508586, -1.2717567478694598, -1.1197673983099712, 1.8373753265168504, 2.3331776320316564, 1.0702409004382065, -0.01097463903313424, 0.47373337442326197, -2.0631592450389373, -2.2841298797923435, -0.8890404816532939, -0.0431767491653306, -0.8139135928644139, -0.016830690844789276, -0.09083103426426883, -0.7157110241359615, -0.49734182433776886, 0.3414193749638019, -0.6425274481359776, -0.6429932872075527, 0.01024190140803985, -0.38182358846085473, -1.4019557281105255, -0.001965687456903527, -0.18463063668927668, 0.2851283890310954, 1.74310282029461, 2.8537837488963445, 0.06518011204116057, 0.15268282495414467, -0.6432421059978121, -2.114035641196369, -3.0545449680511125], x.Grad!, 1e-10);
        Check.Close([-0.42498879547055496, 0.6018952583811111, -0.3534206310893979, -1.9235189302001996, -1.2106681453169061, -1.808062841631135, -2.982616801540261, -1.5981776333608018, -1.6095921929564683, 1.123107509799562, -0.0853757795044019, 0.12166599912255574, 2.5933522459197746, 1.9659225408123797, 2.3095420014567902, 3.7667004984329098, 2.760521414774867, 2.613488397171815, -1.4325320226047793, -0.1147766443874193, -0.9185112606005293, 1.4719155873662881, 2.672170483397469, 0.4534322136360464, -1.2924093937038656, -1.2185787043172978, -2.716660655216212, 1.8317177102667217, 0.44380849416446144, 0.49061443420291817, -0.7445953245509154, -2.6683522067323864, -1.5511812743881435, 1.3213656776408118, 1.0876183851758277, 2.1820626897328523], w.Grad!, 1e-10);
        Check.Close([15.340928843707701, 20.736095310862055, 22.324418644085426, 18.743120894911144, 15.104964517697226, 20.09667918242826], b.Grad!, 1e-10);

        var m = new ConvTranspose1d(4, 6, 3, stride: 2, padding: 1, outputPadding: 1, groups: 2, dilation: 2, dtype: DType.Float64);
        using (Autograd.NoGrad())
        {
            m.Weight.Copy_(w);
            m.Bias!.Copy_(b);
        }
        Check.Close(y.Detach(), m.Call(Check.Det([2, 4, 5], 0.7)), 1e-12);
        Assert.True(Autograd.GradCheck(a => F.ConvTranspose1d(a[0], a[1], a[2], stride: 2, padding: 1, outputPadding: 1, groups: 2, dilation: 2),
            [Check.Det([2, 4, 5], 0.7).RequiresGrad_(), Check.Det([4, 3, 3], 0.3, 0.5).RequiresGrad_(), Check.Det([6], 0.5, 0.1).RequiresGrad_()]));
    }

    [Fact]
    public void UnbatchedInputMatchesPyTorch()
    {
        var x = Check.Det([2, 5], 0.4).RequiresGrad_();
        var w = Check.Det([2, 3, 2], 0.6).RequiresGrad_();
        var y = F.ConvTranspose1d(x, w);
        Assert.Equal("SqueezeBackward1", y.GradFn!.Name);
        Assert.Equal("ConvolutionBackward0", y.GradFn.NextFunctions[0].Node!.Name);
        Assert.Equal("UnsqueezeBackward0", y.GradFn.NextFunctions[0].Node!.NextFunctions[0].Node!.Name);
        Assert.Equal([3, 6], y.Shape);
        Check.Close([1.3731831781044805, 2.6116811193600196, 2.663352213887257, 2.294538555645543, 1.5634677117943991, 0.4155461120425607, 0.32594532931725717, -0.22209513417717885, -0.507271943451022, -0.7123616667523683, -0.8049851462859545, -0.5625319856579912, -1.1369655428773582, -2.7726369075612958, -3.0309800585631184, -2.8107981035248404, -2.1468529317849097, -0.8232217663312293], y, 1e-12);
        y.Sum().Backward();
        Check.Close([0.23310506255157448, 0.23310506255157448, 0.23310506255157448, 0.23310506255157448, 0.23310506255157448, 1.245575500316129, 1.245575500316129, 1.245575500316129, 1.245575500316129, 1.245575500316129], x.Grad!, 1e-12);
        Check.Close([2.950925935525435, 2.950925935525435, 2.950925935525435, 2.950925935525435, 2.950925935525435, 2.950925935525435, -3.990816084885947, -3.990816084885947, -3.990816084885947, -3.990816084885947, -3.990816084885947, -3.990816084885947], w.Grad!, 1e-12);
    }

    [Fact]
    public void BackwardIsDifferentiable()
    {
        Assert.True(Autograd.GradCheck(a =>
        {
            using var scope = Autograd.EnableGrad(); // GradCheck's numeric pass runs under no_grad
            var y = F.ConvTranspose1d(a[0], a[1], a[2], stride: 2, padding: 1, groups: 2);
            var g = Autograd.Grad([(y * Check.Det(y.Shape.ToArray(), 0.37)).Sum()], a, createGraph: true);
            return Tensor.Cat(g.Select(t => t!.Flatten()).ToArray(), 0);
        }, [Check.Det([2, 4, 5], 0.7).RequiresGrad_(), Check.Det([4, 3, 3], 0.3, 0.5).RequiresGrad_(), Check.Det([6], 0.5, 0.1).RequiresGrad_()]));
    }

    [Fact]
    public void ParametersReprAndMessagesMatchPyTorch()
    {
        var m = new ConvTranspose1d(4, 6, 3, stride: 2, padding: 1, outputPadding: 1, groups: 2, dilation: 2);
        Assert.Equal("ConvTranspose1d(4, 6, kernel_size=(3,), stride=(2,), padding=(1,), dilation=(2,), output_padding=(1,), groups=2)", m.ToString());
        Assert.Equal(["weight", "bias"], m.NamedParameters().Select(p => p.Name));
        Assert.Equal([4, 3, 3], m.Weight.Shape);
        Assert.True(m.Weight.Abs().Max().Item<float>() <= 1 / Math.Sqrt(9));
        Assert.True(m.Weight.Abs().Max().Item<float>() > 0.2); // the bound is 1/3, not the conv's 1/√(in/groups·k)
        Assert.Equal("ConvTranspose1d(2, 3, kernel_size=(5,), stride=(1,), bias=False)", new ConvTranspose1d(2, 3, 5, bias: false).ToString());
        Assert.Equal("ConvTranspose1d(2, 3, kernel_size=(5,), stride=(1,), padding=(2,), dilation=(3,))", new ConvTranspose1d(2, 3, 5, dilation: 3, padding: 2).ToString());
        Assert.Equal("out_channels must be divisible by groups", Assert.Throws<ArgumentException>(() => new ConvTranspose1d(4, 5, 3, groups: 2)).Message);
        Assert.Equal("in_channels must be divisible by groups", Assert.Throws<ArgumentException>(() => new ConvTranspose1d(3, 4, 3, groups: 2)).Message);

        static string Msg(Action a) => Assert.Throws<ArgumentException>(a).Message;
        var x = Check.Det([1, 4, 5], 1);
        var w = Check.Det([4, 3, 3], 1);
        Assert.Equal("Expected 2D (unbatched) or 3D (batched) input to conv_transpose1d, but got input of size: [1, 1, 4, 5]", Msg(() => F.ConvTranspose1d(Check.Det([1, 1, 4, 5], 1), w)));
        Assert.Equal("Expected 2D (unbatched) or 3D (batched) input to conv_transpose1d, but got input of size: [5]", Msg(() => F.ConvTranspose1d(Check.Det([5], 1), w)));
        Assert.Equal("weight should have at least three dimensions", Msg(() => F.ConvTranspose1d(x, Check.Det([4, 3], 1))));
        Assert.Equal("Expected 4-dimensional input for 4-dimensional weight [4, 3, 3, 1], but got 3-dimensional input of size [1, 4, 5] instead",
            Msg(() => F.ConvTranspose1d(x, Check.Det([4, 3, 3, 1], 1))));
        Assert.Equal("Given transposed=1, weight of size [3, 3, 3], expected input[1, 4, 5] to have 3 channels, but got 4 channels instead",
            Msg(() => F.ConvTranspose1d(x, Check.Det([3, 3, 3], 1))));
        Assert.Equal("non-positive stride is not supported", Msg(() => F.ConvTranspose1d(x, w, stride: 0)));
        Assert.Equal("negative padding is not supported", Msg(() => F.ConvTranspose1d(x, w, padding: -1)));
        Assert.Equal("dilation should be greater than zero, but got dilation_height: 1, dilation_width: 0", Msg(() => F.ConvTranspose1d(x, w, dilation: 0)));
        Assert.Equal("non-positive groups is not supported", Msg(() => F.ConvTranspose1d(x, w, groups: 0)));
        Assert.Equal("Given groups=3, expected weight to be divisible by 3 at dimension 0, but got weight of size [[4, 3, 3]] instead", Msg(() => F.ConvTranspose1d(x, w, groups: 3)));
        Assert.Equal("Given groups=5, expected weight to be at least 5 at dimension 0, but got weight of size [4, 3, 3] instead", Msg(() => F.ConvTranspose1d(x, w, groups: 5)));
        Assert.Equal("output padding must be smaller than either stride or dilation, but got output_padding_height: 0 output_padding_width: 2 stride_height: 1 stride_width: 2 dilation_height: 1 dilation_width: 1",
            Msg(() => F.ConvTranspose1d(x, w, outputPadding: 2, stride: 2)));
        Assert.Equal([1, 3, 10], F.ConvTranspose1d(x, w, outputPadding: 1, dilation: 2).Shape);
        Assert.Equal("negative output_padding is not supported", Msg(() => F.ConvTranspose1d(x, w, outputPadding: -1)));
        Assert.Equal("Given transposed=1, weight of size [4, 3, 3], expected bias to be 1-dimensional with 3 elements, but got bias of size [5] instead",
            Msg(() => F.ConvTranspose1d(x, w, Check.Det([5], 1))));
        Assert.Equal("Given input size per channel: (1 x 5). Calculated output size per channel: (1 x -1). Output size is too small", Msg(() => F.ConvTranspose1d(x, w, padding: 4)));
        Assert.Equal("expected scalar type Double but found Float", Msg(() => F.ConvTranspose1d(x, w.To(DType.Float32))));
    }
}
