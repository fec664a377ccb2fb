using Sharpgrad.NN;
using F = Sharpgrad.NN.Functional;

namespace Sharpgrad.Tests.NN;

/// <summary>Class weights (nll/cross_entropy/BCE) and pos_weight (BCE with logits), values and messages from PyTorch 2.6.</summary>
public class WeightedLossTests
{
    private static Tensor X(bool grad = true)
    {
        var x = Check.F64([0.2, -1.0, 0.5, 1.5, 0.3, -0.7, -0.4, 0.9, 0.1, 0.0, 0.0, 2.0], 4, 3);
        return grad ? x.RequiresGrad_() : x;
    }

    private static Tensor W => Check.F64([0.5, 2.0, 1.5], 3);
    private static Tensor T => Check.I64(0, 2, 1, 2);

    [Theory]
    [InlineData(Reduction.Mean, 0.0, new[] { 1.0456572020014683 }, new[] { -0.056617399931653864, 0.010328458839085923, 0.04628894109256795, 0.1931499863022026, 0.058175657905144534, -0.25132564420734715, 0.05755544969742409, -0.1524483438582784, 0.09489289416085435, 0.029047357887054745, 0.029047357887054745, -0.05809471577410949 })]
    [InlineData(Reduction.Mean, 0.1, new[] { 1.0799499669263946 }, new[] { -0.04484151204147496, -7.134347561187864e-05, 0.044912855517086854, 0.18797357231298617, 0.045408049584986364, -0.23338162189797257, 0.05260663167720693, -0.13524552027512365, 0.0826388885979168, 0.02569430643578444, 0.01660339734487535, -0.0422977037806598 })]
    [InlineData(Reduction.Sum, 0.1, new[] { 5.93972481809517 }, new[] { -0.24662831622811227, -0.00039238911586532925, 0.24702070534397771, 1.033854647721424, 0.24974427271742505, -1.2835989204388494, 0.2893364742246381, -0.7438503615131802, 0.45451388728854225, 0.14131868539681444, 0.09131868539681445, -0.23263737079362898 })]
    [InlineData(Reduction.None, 0.0, new[] { 0.4874784634569188, 3.8175079149862716, 1.0868110832320586, 0.35931714933282677 }, new[] { -0.31139569962409624, 0.05680652361497257, 0.25458917600912373, 1.0623249246621143, 0.319966118478295, -1.3822910431404094, 0.3165549733358325, -0.8384658912205312, 0.5219109178846989, 0.15976046837880112, 0.15976046837880112, -0.31952093675760224 })]
    [InlineData(Reduction.None, 0.1, new[] { 0.633724874033072, 3.67175782704198, 1.1122507137909898, 0.5219914032291287 }, new[] { -0.24662831622811227, -0.00039238911586532925, 0.24702070534397771, 1.033854647721424, 0.24974427271742505, -1.2835989204388494, 0.2893364742246381, -0.7438503615131802, 0.45451388728854225, 0.14131868539681444, 0.09131868539681445, -0.23263737079362898 })]
    public void WeightedCrossEntropyMatchesPyTorch(Reduction reduction, double smoothing, double[] loss, double[] grad)
    {
        var x = X();
        var l = F.CrossEntropy(x, T, reduction, labelSmoothing: smoothing, weight: W);
        Check.Close(loss, l, 1e-12);
        l.Sum().Backward();
        Check.Close(grad, x.Grad!, 1e-12);
    }

    [Theory]
    [InlineData(Reduction.Mean, 0.0, 1.3326581507931476, new[] { -0.08897019989259893, 0.01623043531856359, 0.07273976457403535, 0.30352140704631836, 0.09141889099379856, -0.39494029804011693, 0.0, 0.0, 0.0, 0.04564584810822889, 0.04564584810822889, -0.09129169621645777 })]
    [InlineData(Reduction.Mean, 0.1, 1.37927831551548, new[] { -0.0704652332080321, -0.00011211117596152025, 0.07057734438399364, 0.2953870422061212, 0.07135550649069287, -0.36674254869681416, 0.0, 0.0, 0.0, 0.0403767672562327, 0.02609105297051842, -0.06646782022675114 })]
    [InlineData(Reduction.Sum, 0.1, 4.82747410430418, new[] { -0.24662831622811227, -0.00039238911586532925, 0.24702070534397771, 1.033854647721424, 0.24974427271742505, -1.2835989204388494, 0.0, 0.0, 0.0, 0.14131868539681444, 0.09131868539681445, -0.23263737079362898 })]
    public void WeightedCrossEntropyWithIgnoredTargets(Reduction reduction, double smoothing, double loss, double[] grad)
    {
        var x = X();
        var l = F.CrossEntropy(x, Check.I64(0, 2, -100, 2), reduction, labelSmoothing: smoothing, weight: W);
        Check.Close([loss], l, 1e-12);
        l.Backward();
        Check.Close(grad, x.Grad!, 1e-12);
    }

    [Fact]
    public void WeightedNllLossDividesTheMeanByTheTargetWeights()
    {
        var lp = F.LogSoftmax(X(false), 1).RequiresGrad_();
        var l = F.NllLoss(lp, T, weight: W);
        Assert.Equal("NllLossBackward0", l.GradFn!.Name);
        Check.Close([1.0456572020014683], l, 1e-12);
        l.Backward();
        Check.Close([-0.5 / 5.5, 0, 0, 0, 0, -1.5 / 5.5, 0, -2.0 / 5.5, 0, 0, 0, -1.5 / 5.5], lp.Grad!, 1e-12);

        var lp2 = lp.Detach().RequiresGrad_();
        var sum = F.NllLoss(lp2, T, Reduction.Sum, weight: W);
        Check.Close([5.7511146110080755], sum, 1e-12);
        sum.Backward();
        Check.Close([-0.5, 0, 0, 0, 0, -1.5, 0, -2.0, 0, 0, 0, -1.5], lp2.Grad!, 1e-12);
        Check.Close([0.4874784634569188, 3.8175079149862716, 1.0868110832320586, 0.35931714933282677], F.NllLoss(lp2, T, Reduction.None, weight: W), 1e-12);
    }

    [Fact]
    public void BadClassWeightsAreRejectedWithPyTorchsMessages()
    {
        var lp = F.LogSoftmax(X(false), 1);
        var e = Assert.Throws<InvalidOperationException>(() => F.NllLoss(lp, T, weight: Check.F64([1, 1], 2)));
        Assert.Equal("weight tensor should be defined either for all 3 classes or no classes but got weight tensor of shape: [2]", e.Message);
        e = Assert.Throws<InvalidOperationException>(() => F.CrossEntropy(X(false), T, weight: Tensor.Ones([3, 1], DType.Float64)));
        Assert.Equal("weight tensor should be defined either for all 3 classes or no classes but got weight tensor of shape: [3, 1]", e.Message);
        e = Assert.Throws<InvalidOperationException>(() => F.CrossEntropy(X(false), T, weight: Tensor.Ones([3])));
        Assert.Equal("expected scalar type Double but found Float", e.Message);
        var wr = W.RequiresGrad_();
        e = Assert.Throws<InvalidOperationException>(() => F.CrossEntropy(X(), T, weight: wr));
        Assert.Equal("The function 'nll_loss_forward' is not differentiable with respect to argument 'weight'. This input cannot have requires_grad True.", e.Message);
        using (Autograd.NoGrad()) F.CrossEntropy(X(false), T, weight: wr).Dispose(); // the check is autograd's: not under no_grad
    }

    private static Tensor Z() => Check.F64([0.3, -2.0, 1.2, 0.0, -0.5, 4.0], 3, 2).RequiresGrad_();
    private static Tensor Y() => Check.F64([1.0, 0.0, 0.25, 1.0, 0.0, 1.0], 3, 2).RequiresGrad_();
    private static Tensor BW => Check.F64([0.5, 2.0], 1, 2);
    private static Tensor PW => Check.F64([3.0, 0.5], 2);

    [Theory]
    [InlineData(Reduction.Mean, false, true, new[] { 0.6524404973124308 }, new[] { -0.2127787415941705, 0.019867153670352924, 0.0671311958747544, -0.041666666666666664, 0.0629234447996909, -0.0014988508301742958 }, new[] { 0.13478508148950905, 0.15608933241308565, -0.11223917755398956, -0.057762265046662105, 0.408025661393369, -0.6681791606598174 })]
    [InlineData(Reduction.Mean, true, false, new[] { 0.4620512645057979 }, new[] { -0.035463123599028416, 0.03973430734070585, 0.04321039862491813, -0.16666666666666666, 0.03146172239984545, -0.005995403320697183 }, new[] { -0.024999999999999998, 0.6666666666666666, -0.09999999999999999, -0.0, 0.041666666666666664, -1.3333333333333333 })]
    [InlineData(Reduction.Sum, true, true, new[] { 2.681186339860068 }, new[] { -0.6383362247825115, 0.2384058440442351, 0.20139358762426318, -0.5, 0.1887703343990727, -0.01798620996209155 }, new[] { 0.4043552444685271, 1.8730719889570278, -0.3367175326619687, -0.6931471805599453, 1.224076984180107, -8.01814992791781 })]
    [InlineData(Reduction.None, true, true, new[] { 0.8315328667027907, 0.2538560220859454, 0.6474618505035235, 0.6931471805599453, 0.23703849209005334, 0.018149927917809738 }, new[] { -0.6383362247825115, 0.2384058440442351, 0.20139358762426318, -0.5, 0.1887703343990727, -0.01798620996209155 }, new[] { 0.4043552444685271, 1.8730719889570278, -0.3367175326619687, -0.6931471805599453, 1.224076984180107, -8.01814992791781 })]
    public void BceWithLogitsWeightsMatchPyTorch(Reduction reduction, bool weighted, bool pos, double[] loss, double[] gz, double[] gy)
    {
        var z = Z();
        var y = Y();
        var l = F.BinaryCrossEntropyWithLogits(z, y, reduction, weighted ? BW : null, pos ? PW : null);
        Assert.Equal("BinaryCrossEntropyWithLogitsBackward0", l.GradFn!.Name);
        Check.Close(loss, l, 1e-12);
        l.Sum().Backward();
        Check.Close(gz, z.Grad!, 1e-12);
        Check.Close(gy, y.Grad!, 1e-12);
    }

    [Fact]
    public void WeightedBceMatchesPyTorch()
    {
        var p = F.Sigmoid(Z().Detach()).RequiresGrad_();
        var y = Y();
        var l = F.BinaryCrossEntropy(p, y, weight: BW);
        Check.Close([0.4620512645057979], l, 1e-12);
        l.Backward();
        Check.Close([-0.14506818505680982, 0.37844509441220425, 0.2428990949228632, -0.6666666666666666, 0.13387755497605278, -0.33943854629624476], p.Grad!, 1e-9);
        Check.Close([-0.02500000000000002, 0.6666666666666666, -0.09999999999999994, -0.0, 0.041666666666666685, -1.3333333333333337], y.Grad!, 1e-9);
    }

    [Fact]
    public void MismatchedBinaryWeightsAreRejected()
    {
        var e = Assert.ThrowsAny<Exception>(() => F.BinaryCrossEntropyWithLogits(Z(), Y(), posWeight: Tensor.Ones([3], DType.Float64)));
        Assert.Equal("The size of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 1", e.Message);
        e = Assert.ThrowsAny<Exception>(() => F.BinaryCrossEntropy(F.Sigmoid(Z().Detach()), Y(), weight: Tensor.Ones([3], DType.Float64)));
        Assert.Equal("The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 1", e.Message);
        var pw = PW.RequiresGrad_();
        e = Assert.Throws<InvalidOperationException>(() => F.BinaryCrossEntropyWithLogits(Z(), Y(), posWeight: pw));
        Assert.Equal("The function 'binary_cross_entropy_with_logits' is not differentiable with respect to argument 'pos_weight'. This input cannot have requires_grad True.", e.Message);
    }

    [Fact]
    public void WeightedLossesPassGradCheck()
    {
        var t = T;
        Assert.True(Autograd.GradCheck(a => F.CrossEntropy(a[0], t, weight: W, labelSmoothing: 0.2), [X()]));
        Assert.True(Autograd.GradCheck(a => F.CrossEntropy(a[0], t, Reduction.None, weight: W), [X()]));
        Assert.True(Autograd.GradCheck(a => F.BinaryCrossEntropyWithLogits(a[0], a[1], weight: BW, posWeight: PW), [Z(), Y()]));
        Assert.True(Autograd.GradCheck(a => F.BinaryCrossEntropy(a[0], a[1], Reduction.Sum, weight: BW), [F.Sigmoid(Z().Detach()).RequiresGrad_(), Y()]));
    }

    [Fact]
    public void WeightedNllSecondOrderGradientsThroughCreateGraph()
    {
        // The create-graph path rebuilds the weighted gradient from differentiable ops.
        var x = X();
        var l = F.CrossEntropy(x, T, weight: W);
        var g = Autograd.Grad([l], [x], createGraph: true)[0]!;
        Check.Close([-0.056617399931653864, 0.010328458839085923, 0.04628894109256795], g.Select(0, 0), 1e-12);
        Assert.True(g.RequiresGrad);
        (g * g).Sum().Backward();
        // d/dx00 of sum(grad²), by central differences of the first-order gradient
        double H(double dx)
        {
            var data = X(false).ToArray<double>();
            data[0] += dx;
            var xi = Check.F64(data, 4, 3).RequiresGrad_();
            var gi = Autograd.Grad([F.CrossEntropy(xi, T, weight: W)], [xi])[0]!;
            return (gi * gi).Sum().Item<double>();
        }
        Check.Close((H(1e-6) - H(-1e-6)) / 2e-6, x.Grad!.ToArray<double>()[0], 1e-5);
    }

    [Fact]
    public void LossModulesKeepWeightsAsBuffers()
    {
        var ce = new CrossEntropyLoss(weight: W);
        Assert.Equal(["weight"], ce.StateDict().Keys);
        Assert.Empty(new CrossEntropyLoss().StateDict().Keys);
        var bce = new BCEWithLogitsLoss(weight: BW, posWeight: PW);
        Assert.Equal(["weight", "pos_weight"], bce.StateDict().Keys);
        Assert.Equal("CrossEntropyLoss()", ce.ToString());
        Check.Close([1.0456572020014683], ce.Forward(X(false), T), 1e-12);
        Check.Close([1.0456572020014683], new NLLLoss(weight: W).Forward(F.LogSoftmax(X(false), 1), T), 1e-12);
        Check.Close([0.446864389976678], bce.Forward(Z(), Y()), 1e-12);
        Check.Close([0.4620512645057979], new BCELoss(weight: BW).Forward(F.Sigmoid(Z().Detach()), Y()), 1e-12);
    }
}
