using Sharpgrad.NN;
using Sharpgrad.Ops;

namespace Sharpgrad.Tests.NN;

/// <summary>torch.nn.utils.weight_norm / remove_weight_norm (the hook form), against PyTorch 2.6's numbers.</summary>
[Collection("Seed")]
public class WeightNormTests
{
    internal static Tensor Param(Module m, string name) => m.NamedParameters().Single(p => p.Name == name).Parameter;

    internal static Linear DetLinear()
    {
        var lin = new Linear(4, 3);
        using (Autograd.NoGrad())
        {
            lin.Weight.Copy_(Check.Det([3, 4], 0.7).To(DType.Float32));
            lin.Bias!.Copy_(Check.Det([3], 0.3).To(DType.Float32));
        }
        return lin;
    }

    [Fact]
    public void LinearWeightNormMatchesPyTorch()
    {
        var lin = WeightNormalization.WeightNorm(DetLinear());
        Assert.Equal(["bias", "weight_g", "weight_v"], lin.NamedParameters().Select(p => p.Name));
        Assert.Equal(["bias", "weight_g", "weight_v"], lin.StateDict().Keys);
        Assert.Equal("WeightNormInterfaceBackward0", lin.Weight.GradFn!.Name);
        Assert.Equal("Linear(in_features=4, out_features=3, bias=True)", lin.ToString());
        var g = Param(lin, "weight_g");
        Assert.Equal([3, 1], g.Shape);
        Check.Close([1.3670194149017334, 1.428242564201355, 1.480915904045105], g, 1e-6);

        var y = lin.Call(Check.Det([2, 4], 0.9).To(DType.Float32));
        Check.Close([2.8932340145111084, -0.6262291073799133, 1.912474513053894, -0.45488178730010986, 1.87300443649292, 0.5509229302406311], y, 1e-6);
        (y * Check.Det([2, 3], 1.1).To(DType.Float32)).Sum().Backward();
        Check.Close([2.4358835220336914, -0.6997561454772949, -0.5633339881896973], g.Grad!, 1e-5);
        Check.Close([0.10363686084747314, -0.5331010818481445, -1.1568118333816528, -0.9918301105499268, 0.2675650715827942, -0.11206519603729248,
            -0.5383193492889404, -0.6259927749633789, -0.9289847612380981, -0.13486088812351227, 0.870277464389801, 1.298959732055664],
            Param(lin, "weight_v").Grad!, 1e-5);

        // the weight follows g and v: recomputed before each forward
        using (Autograd.NoGrad()) g.Mul_(2);
        var y2 = lin.Call(Check.Det([2, 4], 0.9).To(DType.Float32));
        Check.Close((y - lin.Bias!).Detach() * 2 + lin.Bias!.Detach(), y2.Detach(), 1e-5);

        // a fresh weight-normed layer loads the state dict and computes the same outputs
        var other = WeightNormalization.WeightNorm(new Linear(4, 3));
        other.LoadStateDict(lin.StateDict());
        Check.Close(y2.Detach(), other.Call(Check.Det([2, 4], 0.9).To(DType.Float32)).Detach(), 1e-6);
    }

    [Theory]
    [InlineData(0, new[] { 3, 1, 1 }, "WeightNormInterfaceBackward0",
        new[] { 1.4377348456374965, 1.6346392729885828, 1.0268212778322983 },
        new[] { 2.1131934253804854, 0.26239356591675256, 1.414169255561316 },
        new[] { 0.1719018977134048, 0.11658382211660118, -0.4521261173697985, -0.42310188327702475, -0.6415838974364378, -0.4120414945731676, 0.1698652355068304, 0.4580374290148504, -0.7001226958916736, -1.0845739374208787, -0.7333218951485682, -0.6748399467498919 })]
    [InlineData(1, new[] { 1, 2, 1 }, "MulBackward0",
        new[] { 1.7483836213449357, 1.6542804140709761 },
        new[] { 2.8253477040331547, -0.012429523450766675 },
        new[] { 0.025732382954668953, -0.011691995115642895, 0.3460738413525115, -0.31860032768849134, -0.03590039805292167, 0.7539879593555534, 0.0035125098862285164, 0.3006805572290471, -0.5440673671351517, -1.0342471129393649, -0.34052246093380434, 0.306486083479112 })]
    [InlineData(null, new int[0], "MulBackward0",
        new[] { 2.406966758342556 },
        new[] { 2.0437464356685355 },
        new[] { 0.7926131295222721, 0.6613091751215561, -0.11675440754521405, -0.3791945076951526, -0.3550353947459406, 0.13960634535705196, 0.8515497820708378, 1.1028585306340681, -1.0453340750921898, -1.195902352980156, -0.5835102682234651, -0.30056738847482123 })]
    [InlineData(-1, new int[0], "MulBackward0",
        new[] { 2.406966758342556 },
        new[] { 2.0437464356685355 },
        new[] { 0.7926131295222721, 0.6613091751215561, -0.11675440754521405, -0.3791945076951526, -0.3550353947459406, 0.13960634535705196, 0.8515497820708378, 1.1028585306340681, -1.0453340750921898, -1.195902352980156, -0.5835102682234651, -0.30056738847482123 })]
    [InlineData(-2, new[] { 1, 2, 1 }, "MulBackward0",
        new[] { 1.7483836213449357, 1.6542804140709761 },
        new[] { 2.8253477040331547, -0.012429523450766675 },
        new[] { 0.025732382954668953, -0.011691995115642895, 0.3460738413525115, -0.31860032768849134, -0.03590039805292167, 0.7539879593555534, 0.0035125098862285164, 0.3006805572290471, -0.5440673671351517, -1.0342471129393649, -0.34052246093380434, 0.306486083479112 })]
    public void ConvWeightNormDimsMatchPyTorch(int? dim, int[] gShape, string node, double[] g, double[] gradG, double[] gradV)
    {
        var conv = new Conv1d(2, 3, 2, dtype: DType.Float64);
        using (Autograd.NoGrad()) conv.Weight.Copy_(Check.Det([3, 2, 2], 0.5));
        WeightNormalization.WeightNorm(conv, dim: dim);
        Assert.Equal(gShape, Param(conv, "weight_g").Shape);
        Assert.Equal(node, conv.Weight.GradFn!.Name);
        Check.Close(g, Param(conv, "weight_g"), 1e-12);
        var output = conv.Call(Check.Det([1, 2, 3], 0.4));
        (output * Check.Det([.. output.Shape], 0.8)).Sum().Backward();
        Check.Close(gradG, Param(conv, "weight_g").Grad!, 1e-12);
        Check.Close(gradV, Param(conv, "weight_v").Grad!, 1e-12);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(null)]
    public void GradCheckThroughTheModule(int? dim)
    {
        var conv = WeightNormalization.WeightNorm(new Conv1d(2, 3, 2, dtype: DType.Float64), dim: dim);
        var x = Check.Det([2, 2, 4], 0.3);
        Assert.True(Autograd.GradCheck(_ => conv.Call(x), [Param(conv, "weight_g"), Param(conv, "weight_v")]));
    }

    [Theory]
    [InlineData(0, new[] { 3, 1, 1 },
        new[] { -2.784531775273085, -2.140414291192729, -0.528765071965813, 1.2583840273866884, 1.1171946844614467, 0.7747990966197209, -0.015833448586801677, -0.7771638008804582, -0.7472209409176569, 1.6555072660708494, 3.6478043616080624, 4.325665161612111 },
        new[] { 0.2157960113833294, 0.49490116698943803, 0.5455121275571364 })]
    [InlineData(2, new[] { 1, 1, 2 },
        new[] { -1.3266185134751936, -0.4936015409024245, -0.10538678424455751, 0.6606340665864117, 1.2283245297511813, 0.41697499052017895, 0.24620520048095607, -0.8507643113919836, -0.9842149144207819, -0.4493878479722184, -0.21394929371979016, 0.9832906985721404 },
        new[] { 0.6080860528627486, 0.5516138444488645 })]
    public void FusedBackwardIsDifferentiable(int dim, int[] gShape, double[] vGrad, double[] gGrad)
    {
        var v = Check.Det([3, 2, 2], 0.5).RequiresGrad_();
        var g = (Check.Det(gShape, 0.3) + 2).Detach().RequiresGrad_();
        var w = WeightNormOps.WeightNorm(v, g, dim);
        Assert.Equal("WeightNormInterfaceBackward0", w.GradFn!.Name);
        var grads = Autograd.Grad([(w * Check.Det([3, 2, 2], 0.8)).Sum()], [v, g], createGraph: true);
        Assert.Equal("MulBackward0", grads[0]!.GradFn!.Name);
        ((grads[0]! * Check.Det([3, 2, 2], 0.6)).Sum() + (grads[1]! * Check.Det(gShape, 0.2)).Sum()).Backward();
        Check.Close(vGrad, v.Grad!, 1e-10);
        Check.Close(gGrad, g.Grad!, 1e-10);
        Assert.True(Autograd.GradCheck(t => WeightNormOps.WeightNorm(t[0], t[1], dim), [v, g]));
    }

    [Fact]
    public void ALayerCalledTwiceInOneGraphMatchesPyTorch()
    {
        var lin = new Linear(3, 3, dtype: DType.Float64);
        using (Autograd.NoGrad())
        {
            lin.Weight.Copy_(Check.Det([3, 3], 0.7));
            lin.Bias!.Copy_(Check.Det([3], 0.3));
        }
        WeightNormalization.WeightNorm(lin);
        var x = Check.Det([2, 3], 0.9).RequiresGrad_(); // so the first call saves the weight for x's gradient
        var y = lin.Call(lin.Call(x));
        (y * Check.Det([2, 3], 1.1)).Sum().Backward();
        Check.Close([1.2932607781758996, 0.4631794452897935, -0.584742418094576, -1.3396546845835324, -0.4631971339568244, 0.6311092664246449], x.Grad!, 1e-12);
        Check.Close([3.542845588257761, -0.6053008244069251, -0.1417466364879144, 2.410619905880021, -1.9192816193508364, 2.3171952175827415], y, 1e-12);
        double[] gradG = [3.6132820679395987, -0.36883099861318863, 2.2356667948395996];
        Check.Close(gradG, Param(lin, "weight_g").Grad!, 1e-12);
        Check.Close([2.3366224103146687, -2.804647270069591, -1.12674634900215, 1.6958406505856518, -0.5229663944094021, -0.38804563112264484,
            -2.0234831243324116, 0.20558923374099813, -1.328551786724127], Param(lin, "weight_v").Grad!, 1e-12);
        Check.Close([-0.10771395705477294, 0.04043968943711426, 0.07852619491382751], lin.Bias!.Grad!, 1e-12);

        // the graph was freed: the next forward recomputes, and gradients accumulate
        var again = lin.Call(lin.Call(Check.Det([2, 3], 0.9)));
        (again * Check.Det([2, 3], 1.1)).Sum().Backward();
        Check.Close(gradG.Select(v => 2 * v).ToArray(), Param(lin, "weight_g").Grad!, 1e-12);
    }

    [Fact]
    public void NoGradAndInferenceForwardsComputeTheSameWeight()
    {
        var lin = WeightNormalization.WeightNorm(DetLinear());
        var x = Check.Det([2, 4], 0.9).To(DType.Float32);
        double[] expected = [2.8932340145111084, -0.6262291073799133, 1.912474513053894, -0.45488178730010986, 1.87300443649292, 0.5509229302406311];
        using (Autograd.NoGrad())
        {
            Check.Close(expected, lin.Call(x), 1e-6);
            Assert.False(lin.Weight.RequiresGrad);
        }
        using (Autograd.InferenceMode())
            Check.Close(expected, lin.Call(x), 1e-6);
        var y = lin.Call(x);
        Assert.Equal("WeightNormInterfaceBackward0", lin.Weight.GradFn!.Name);
        y.Sum().Backward();
        Assert.NotNull(Param(lin, "weight_g").Grad);
    }

    [Fact]
    public void RemoveWeightNormRestoresALeafParameter()
    {
        var lin = WeightNormalization.WeightNorm(DetLinear());
        using (Autograd.NoGrad()) Param(lin, "weight_g").Mul_(2);
        var weight = lin.Weight;
        WeightNormalization.RemoveWeightNorm(lin);
        Assert.Equal(["bias", "weight"], lin.NamedParameters().Select(p => p.Name));
        Assert.Same(weight, Param(lin, "weight"));
        Assert.True(lin.Weight.IsLeaf);
        Assert.True(lin.Weight.RequiresGrad);
        Check.Close([2.0, 1.5296844244003296, 0.3399342894554138, -1.0096921920776367, -1.8844447135925293, -1.8729133605957031,
            -0.9805216193199158, 0.37302473187446594, 1.5511317253112793, 1.9997172355651855, 1.5078045129776, 0.3067477345466614], lin.Weight, 1e-6);

        // the hook is gone: the weight no longer follows anything
        var y = lin.Call(Tensor.Ones([1, 4]));
        Assert.Equal("AddmmBackward0", y.GradFn!.Name);
        Assert.True(lin.Weight.IsLeaf);
    }

    [Fact]
    public void OnTheBiasAndErrors()
    {
        var lin = WeightNormalization.WeightNorm(new Linear(2, 2), name: "bias", dim: 0);
        Assert.Equal(["weight", "bias_g", "bias_v"], lin.NamedParameters().Select(p => p.Name));
        Assert.Equal([2], Param(lin, "bias_g").Shape);

        var e = Assert.Throws<ArgumentException>(() => WeightNormalization.RemoveWeightNorm(new Linear(4, 3)));
        Assert.Equal("weight_norm of 'weight' not found in Linear(in_features=4, out_features=3, bias=True)", e.Message);
        Assert.Equal("Cannot register two weight_norm hooks on the same parameter weight",
            Assert.Throws<InvalidOperationException>(() => WeightNormalization.WeightNorm(WeightNormalization.WeightNorm(new Linear(2, 2)))).Message);
        Assert.Equal("'Linear' object has no attribute 'foo'",
            Assert.Throws<ArgumentException>(() => WeightNormalization.WeightNorm(new Linear(2, 2), name: "foo")).Message);
        var plain = new Linear(2, 2);
        Assert.StartsWith("Dimension out of range (expected to be in range of [-2, 1], but got 2)",
            Assert.Throws<ArgumentOutOfRangeException>(() => WeightNormalization.WeightNorm(plain, dim: 2)).Message);
        Assert.StartsWith("Dimension out of range (expected to be in range of [-2, 1], but got -3)",
            Assert.Throws<ArgumentOutOfRangeException>(() => WeightNormalization.WeightNorm(plain, dim: -3)).Message);
        Assert.Equal(["weight", "bias"], plain.NamedParameters().Select(p => p.Name)); // a failed call changes nothing
    }
}
