using Sharpgrad.NN;
using F = Sharpgrad.NN.Functional;

namespace Sharpgrad.Tests.NN;

/// <summary>GLU, Softmin and PReLU: PyTorch 2.6 values, gradients, graph structure, parameters and messages.</summary>
public class GluSoftminPreluTests
{
    [Fact]
    public void GluMatchesPyTorch()
    {
        var x = Check.Det([2, 4, 3], 0.7, 2.0).RequiresGrad_();
        var y = F.Glu(x, 1);
        Assert.Equal("GluBackward0", y.GradFn!.Name);
        Assert.Equal([2, 2, 3], y.Shape);
        Check.Close([0.5455765812237557, 0.9058632685872132, 0.28047200580277604, -0.8893039720383986, -1.542861960414508, -1.0789689502032553, -0.9146524951703071, -1.545547492060331, -1.0568631531672914, -0.24341962880688756, 0.052554512017283415, 0.21393164721869967], y, 1e-12);
        y.Backward(Check.Det([2, 2, 3], 0.3));
        Check.Close([0.27278829061187787, 0.5657403899963358, 0.6809655425873984, 0.5474937894984021, 0.29667519613604737, 0.040751080781174905, 0.39674967823385504, 0.3529207957860686, 0.0404917637621217, -0.06591181217448103, -0.10133912072645887, -0.03235409337360503, -0.2000919538406256, -0.41165234024748565, -0.4187995710663486, -0.2313899218635396, -0.12814612315412646, -0.13437295290817255, 0.024796357975122182, 0.14403538877046992, 0.33671041211037506, 0.1637440563347632, -0.0452939155903367, -0.1825065466144599], x.Grad!, 1e-12);

        x = Check.Det([2, 4, 2], 0.7, 2.0).RequiresGrad_();
        y = new GLU().Call(x);
        Assert.Equal([2, 4, 1], y.Shape);
        Check.Close([1.6439202595062914, 0.09077608235457428, -0.2510174171764083, -0.580654777499543, 1.3661862695430418, 0.8686329383561417, -0.13566424765827073, -0.5185617541666674], y, 1e-12);
        y.Sum().Backward();
        Check.Close([0.8219601297531457, 0.29268334969867515, 0.267040090236304, 0.06653522913131062, 0.13320498057723357, -0.2175806469968775, 0.5921896592834457, -0.23679702265078365, 0.8807673902359455, 0.16289395434143486, 0.5760912196188979, 0.36822112949740515, 0.13062508354725866, -0.11794309397353313, 0.2786689121501312, -0.3740547142503785], x.Grad!, 1e-12);
        Assert.True(Autograd.GradCheck(a => F.Glu(a[0], -2), [Check.Det([3, 4, 2], 0.9, 2.0).RequiresGrad_()]));
    }

    [Fact]
    public void GluMessagesMatchPyTorch()
    {
        Assert.Equal("Halving dimension must be even, but dimension 1 is size 3", Assert.Throws<ArgumentException>(() => F.Glu(Tensor.Zeros([2, 3]))).Message);
        Assert.Equal([1, 3], F.Glu(Tensor.Zeros([2, 3]), 0).Shape);
        Assert.Equal("glu does not support scalars because halving size must be even", Assert.Throws<ArgumentException>(() => F.Glu(Tensor.Scalar(1.0))).Message);
        Assert.Equal("Dimension out of range (expected to be in range of [-2, 1], but got 2)", Assert.ThrowsAny<ArgumentException>(() => F.Glu(Tensor.Zeros([2, 4]), 2)).Message.Split(" (Parameter")[0]);
        Assert.Equal("\"glu_cpu\" not implemented for 'Long'", Assert.Throws<ArgumentException>(() => F.Glu(Tensor.Zeros([2, 4], DType.Int64))).Message);
    }

    [Fact]
    public void SoftminMatchesPyTorch()
    {
        var x = Check.Det([2, 3], 0.9, 2.0).RequiresGrad_();
        var y = F.Softmin(x, 1);
        Assert.Equal("SoftmaxBackward0", y.GradFn!.Name);
        Assert.Equal("NegBackward0", y.GradFn.NextFunctions[0].Node!.Name);
        Check.Close([0.06770068758225999, 0.14429739307905287, 0.7880019193386871, 0.44734434173142956, 0.44084845905537384, 0.11180719921319665], y, 1e-12);
        y.Backward(Check.Det([2, 3], 0.4));
        Check.Close([-0.016951330624411943, -0.02473941026381001, 0.04169074088822201, -0.11615736019730968, 0.05814678175847395, 0.05801057843883575], x.Grad!, 1e-12);
        Check.Close([0.021707640119298724, 0.04579355139524411, 0.508202411706143, 0.9782923598807013, 0.9542064486047558, 0.4917975882938571], new Softmin(0).Call(x), 1e-12);
    }

    [Fact]
    public void PReLUPerChannelMatchesPyTorch()
    {
        var m = new PReLU(3, dtype: DType.Float64);
        using (Autograd.NoGrad()) m.Weight.Copy_(Check.F32([0.1f, -0.2f, 0.3f], 3)); // the oracle set a float32 module's weight, then .double()
        Assert.Equal(["weight"], m.NamedParameters().Select(p => p.Name));
        var x = Check.Det([2, 3, 2], 0.8, 2.0).RequiresGrad_();
        var y = m.Call(x);
        Assert.Equal("PreluKernelBackward0", y.GradFn!.Name);
        Assert.Equal("AccumulateGrad", y.GradFn.NextFunctions[0].Node!.Name);
        Assert.Equal("ViewBackward0", y.GradFn.NextFunctions[1].Node!.Name); // weight viewed to [1, 3, 1]
        Check.Close([2.0, 1.3934134186943308, 0.01167980909455824, 0.29495749061170734, -0.598976889278054, -0.3921861881022455, 0.17499796687889455, 1.5511317570205003, 1.9863698375163852, 1.216702629064509, -0.08730002375415925, -0.486655827774958], y, 1e-12);
        y.Backward(Check.Det([2, 3, 2], 0.5));
        Check.Close([1.0, 0.8775825618903728, -0.1080604627838543, -0.01414744054435387, -0.1248440559249996, -0.24034309421445624, -0.9899924966004454, -0.9364566872907963, -0.6536436208636119, -0.2107957994307797, 0.08509865902048463, 0.21260094073538002], x.Grad!, 1e-12);
        Check.Close([0.0, -0.13587547438874475, 0.6460593316139447], m.Weight.Grad!, 1e-12);
        Assert.True(Autograd.GradCheck(a => F.Prelu(a[0], a[1]), [Check.Det([2, 3, 2], 0.8, 2.0).RequiresGrad_(), Check.F64([0.1, -0.2, 0.3], 3).RequiresGrad_()]));
    }

    [Fact]
    public void PReLUSharedMatchesPyTorch()
    {
        var m = new PReLU(dtype: DType.Float64);
        var x = Check.F64([-2.0, 0.0, 3.0], 3).RequiresGrad_();
        var y = m.Call(x);
        Assert.Equal("PreluKernelBackward0", y.GradFn!.Name);
        Assert.Equal("AccumulateGrad", y.GradFn.NextFunctions[1].Node!.Name); // same rank: no view
        Check.Close([-0.5, 0.0, 3.0], y, 1e-12);
        y.Sum().Backward();
        Check.Close([0.25, 0.25, 1.0], x.Grad!, 1e-12); // x == 0 takes the slope
        Check.Close([-2.0], m.Weight.Grad!, 1e-12);

        var s = Tensor.Scalar(-2.0, DType.Float64, requiresGrad: true);
        var w = Check.F64([0.1], 1).RequiresGrad_();
        var z = F.Prelu(s, w);
        Assert.Empty(z.Shape);
        z.Backward();
        Check.Close([-0.2], z, 1e-12);
        Check.Close([0.1], s.Grad!, 1e-12);
        Check.Close([-2.0], w.Grad!, 1e-12);
        Check.Close([-0.25, 2.0], F.Prelu(Check.F32([-1f, 2f], 1, 2), Tensor.Scalar(0.25)));

        Assert.Equal(DType.Float32, new PReLU().Weight.DType);
        Assert.Equal(new[] { 0.1f, 0.1f }, new PReLU(2, 0.1).Weight.ToArray<float>());
    }

    [Fact]
    public void PReLUMessagesMatchPyTorch()
    {
        string Message(Tensor x, Tensor w) => Assert.Throws<ArgumentException>(() => F.Prelu(x, w)).Message;
        Assert.Equal("Mismatch of parameter numbers and input channel size. Found parameter numbers = 3 and channel size = 1.", Message(Tensor.Zeros([3]), Tensor.Zeros([3])));
        Assert.Equal("Mismatch of parameter numbers and input channel size. Found parameter numbers = 2 and channel size = 3.", Message(Tensor.Zeros([2, 3]), Tensor.Zeros([2])));
        Assert.Equal("Mismatch of parameter numbers and input channel size. Found parameter numbers = 2 and channel size = 1.", Message(Tensor.Zeros([3]), Tensor.Zeros([2])));
        Assert.Equal("Not allow zero-dim input tensor.", Message(Tensor.Scalar(1.0), Tensor.Zeros([2])));
        Assert.Equal("prelu: Expected `weight` to be a scalar or 1D tensor, but got: ndim = 2", Message(Tensor.Zeros([2, 3]), Tensor.Zeros([3, 1])));
        Assert.Equal("prelu: Type promoting not supported. Got Float and Double", Message(Tensor.Zeros([2, 3]), Tensor.Zeros([3], DType.Float64)));
    }
}
