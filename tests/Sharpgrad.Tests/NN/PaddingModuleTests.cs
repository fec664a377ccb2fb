using Sharpgrad.NN;

namespace Sharpgrad.Tests.NN;

/// <summary>The padding modules (Zero/Constant/Reflection/Replication/CircularPad1d/2d) against PyTorch 2.6.</summary>
public class PaddingModuleTests
{
    private static readonly Func<Module>[] Modules =
    [
        () => new ZeroPad1d(2), () => new ZeroPad1d((1, 3)), () => new ZeroPad2d((1, 1, 2, 0)), () => new ZeroPad2d(1),
        () => new ConstantPad1d(2, 3.5), () => new ConstantPad1d((1, 0), -1.0), () => new ConstantPad2d((1, 0, 2, 1), 2.0), () => new ConstantPad2d(1, 0.5),
        () => new ReflectionPad1d(2), () => new ReflectionPad1d((3, 1)), () => new ReflectionPad2d((1, 2, 2, 0)), () => new ReflectionPad2d(1),
        () => new ReplicationPad1d(2), () => new ReplicationPad1d((0, 3)), () => new ReplicationPad2d((1, 2, 2, 0)), () => new ReplicationPad2d(2),
        () => new CircularPad1d(2), () => new CircularPad1d((3, 1)), () => new CircularPad2d((1, 2, 2, 0)), () => new CircularPad2d(1),
    ];

    /// <summary>
    /// Module i on x = cos(0.37·j) of <paramref name="shape"/>: PyTorch's repr, output shape, Σ y·cos(0.53·j) and, after
    /// backward of that, Σ x.grad·cos(0.29·j).
    /// </summary>
    [Theory]
    [InlineData(0, new[] { 2, 3, 4 }, "ZeroPad1d((2, 2))", new[] { 2, 3, 8 }, 1.5353223478103177, 1.0404017755972867)]
    [InlineData(1, new[] { 2, 3, 4 }, "ZeroPad1d((1, 3))", new[] { 2, 3, 8 }, 3.896595514477597, 1.0087498404666837)]
    [InlineData(2, new[] { 1, 2, 3, 4 }, "ZeroPad2d((1, 1, 2, 0))", new[] { 1, 2, 5, 6 }, -0.32436242690281464, 0.15660442331813523)]
    [InlineData(3, new[] { 2, 3, 4 }, "ZeroPad2d((1, 1, 1, 1))", new[] { 2, 5, 6 }, 0.18721033160416922, -0.16487385449028139)]
    [InlineData(4, new[] { 2, 3, 4 }, "ConstantPad1d(padding=(2, 2), value=3.5)", new[] { 2, 3, 8 }, 1.4890627887908008, 1.0404017755972867)]
    [InlineData(5, new[] { 3, 4 }, "ConstantPad1d(padding=(1, 0), value=-1.0)", new[] { 3, 5 }, -2.045088054828387, -2.160271532161326)]
    [InlineData(6, new[] { 1, 2, 3, 4 }, "ConstantPad2d(padding=(1, 0, 2, 1), value=2.0)", new[] { 1, 2, 6, 5 }, 6.845822342268032, 0.9016524881501122)]
    [InlineData(7, new[] { 1, 2, 3, 4 }, "ConstantPad2d(padding=(1, 1, 1, 1), value=0.5)", new[] { 1, 2, 5, 6 }, 0.8686040966302083, -0.16487385449028139)]
    [InlineData(8, new[] { 2, 3, 4 }, "ReflectionPad1d((2, 2))", new[] { 2, 3, 8 }, 1.472525640623377, 1.0045722480725248)]
    [InlineData(9, new[] { 2, 3, 4 }, "ReflectionPad1d((3, 1))", new[] { 2, 3, 8 }, 2.7755609326815, 1.2857243485379435)]
    [InlineData(10, new[] { 1, 2, 3, 4 }, "ReflectionPad2d((1, 2, 2, 0))", new[] { 1, 2, 5, 7 }, -0.042876116418494536, 0.7923793614575553)]
    [InlineData(11, new[] { 2, 3, 4 }, "ReflectionPad2d((1, 1, 1, 1))", new[] { 2, 5, 6 }, 1.6308629486706447, 3.5758899414255545)]
    [InlineData(12, new[] { 2, 3, 4 }, "ReplicationPad1d((2, 2))", new[] { 2, 3, 8 }, -0.7923133432191831, -0.029269288957758488)]
    [InlineData(13, new[] { 2, 3, 4 }, "ReplicationPad1d((0, 3))", new[] { 2, 3, 7 }, 0.9366143184620828, 0.6411658147434434)]
    [InlineData(14, new[] { 1, 2, 3, 4 }, "ReplicationPad2d((1, 2, 2, 0))", new[] { 1, 2, 5, 7 }, 2.1334709551139053, -0.5395063370140701)]
    [InlineData(15, new[] { 2, 3, 4 }, "ReplicationPad2d((2, 2, 2, 2))", new[] { 2, 7, 8 }, 6.712760713704101, 2.8719201738035838)]
    [InlineData(16, new[] { 2, 3, 4 }, "CircularPad1d((2, 2))", new[] { 2, 3, 8 }, 2.9642905507189012, 1.6868932521717996)]
    [InlineData(17, new[] { 2, 3, 4 }, "CircularPad1d((3, 1))", new[] { 2, 3, 8 }, 2.621745939039823, 1.5114872823067338)]
    [InlineData(18, new[] { 1, 2, 3, 4 }, "CircularPad2d((1, 2, 2, 0))", new[] { 1, 2, 5, 7 }, 0.11949577156475666, -0.9759442335096938)]
    [InlineData(19, new[] { 2, 3, 4 }, "CircularPad2d((1, 1, 1, 1))", new[] { 2, 5, 6 }, -0.8609413017408595, -1.7217113842391862)]
    public void PadModuleMatchesPyTorch(int index, int[] shape, string repr, int[] outShape, double weightedSum, double weightedGrad)
    {
        var module = Modules[index]();
        Assert.Equal(repr, module.ToString());
        Assert.Empty(module.Parameters());
        var x = Check.Det(shape, 0.37).RequiresGrad_();
        var y = module.Call(x);
        Assert.Equal(outShape, y.Shape.ToArray());
        var loss = (y * Check.Det(outShape, 0.53)).Sum();
        Check.Close(weightedSum, loss.Item<double>(), 1e-12);
        loss.Backward();
        Check.Close(weightedGrad, (x.Grad! * Check.Det(shape, 0.29)).Sum().Item<double>(), 1e-12);
    }

    [Fact]
    public void PadModulesExposeSettingsAndCheckCircularRank()
    {
        var pad = new ConstantPad2d((1, 0, 2, 1), 2.0);
        Assert.Equal([1, 0, 2, 1], pad.Padding);
        Assert.Equal(2.0, pad.Value);
        Assert.Equal("expected 2D or 3D input (got 1D input)", Assert.Throws<ArgumentException>(() => new CircularPad1d(1).Call(Tensor.Zeros([5], DType.Float64))).Message);
        Assert.Equal("expected 3D or 4D input (got 1D input)", Assert.Throws<ArgumentException>(() => new CircularPad2d(1).Call(Tensor.Zeros([5], DType.Float64))).Message);
    }

    [Fact]
    public void GradCheckThroughPadModules()
    {
        var x4 = Check.Det([1, 2, 3, 4], 0.37).RequiresGrad_();
        var x3 = Check.Det([2, 3, 4], 0.37).RequiresGrad_();
        foreach (var (m, x) in new (Module, Tensor)[] { (new ReflectionPad2d((1, 2, 2, 0)), x4), (new ReplicationPad1d((0, 3)), x3), (new CircularPad2d(1), x4), (new ConstantPad1d(2, 3.5), x3) })
            Assert.True(Autograd.GradCheck(t => m.Call(t[0]), [x]));
    }
}
