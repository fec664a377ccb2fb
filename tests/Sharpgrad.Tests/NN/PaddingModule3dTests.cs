using Sharpgrad.NN;

namespace Sharpgrad.Tests.NN;

/// <summary>The 3-D padding modules (Zero/Constant/Reflection/Replication/CircularPad3d) against PyTorch 2.6.</summary>
public class PaddingModule3dTests
{
    private static readonly Func<Module>[] Modules =
    [
        () => new ZeroPad3d(1), () => new ZeroPad3d((1, 0, 2, 1, 0, 2)),
        () => new ConstantPad3d(1, 2.5), () => new ConstantPad3d((0, 1, 1, 0, 2, 1), -1.0),
        () => new ReflectionPad3d(1), () => new ReflectionPad3d((1, 2, 0, 1, 2, 0)),
        () => new ReplicationPad3d(2), () => new ReplicationPad3d((1, 0, 2, 1, 0, 3)),
        () => new CircularPad3d(1), () => new CircularPad3d((1, 2, 0, 1, 2, 0)),
    ];

    /// <summary>
    /// Module i on x = cos(0.37·j) of [1, 2, 3, 4, 5] and, unbatched, of [2, 3, 4, 5]: PyTorch's repr, output shape,
    /// grad_fn, Σ y·cos(0.53·j) and, after backward of that, Σ x.grad·cos(0.29·j) (the same for both ranks).
    /// </summary>
    [Theory]
    [InlineData(0, "ZeroPad3d((1, 1, 1, 1, 1, 1))", new[] { 2, 5, 6, 7 }, "ConstantPadNdBackward0", 1.4656178299504958, -2.2152899480710246)]
    [InlineData(1, "ZeroPad3d((1, 0, 2, 1, 0, 2))", new[] { 2, 5, 7, 6 }, "ConstantPadNdBackward0", -0.1404639663805738, 0.372791836738921)]
    [InlineData(2, "ConstantPad3d(padding=(1, 1, 1, 1, 1, 1), value=2.5)", new[] { 2, 5, 6, 7 }, "ConstantPadNdBackward0", 1.0816512895082955, -2.2152899480710246)]
    [InlineData(3, "ConstantPad3d(padding=(0, 1, 1, 0, 2, 1), value=-1.0)", new[] { 2, 6, 5, 6 }, "ConstantPadNdBackward0", -2.4020090837878474, 0.49454894210520506)]
    [InlineData(4, "ReflectionPad3d((1, 1, 1, 1, 1, 1))", new[] { 2, 5, 6, 7 }, "ReflectionPad3DBackward0", -1.9709230125885444, 13.919781016661666)]
    [InlineData(5, "ReflectionPad3d((1, 2, 0, 1, 2, 0))", new[] { 2, 5, 5, 8 }, "ReflectionPad3DBackward0", -4.977875312945277, 4.181058328163108)]
    [InlineData(6, "ReplicationPad3d((2, 2, 2, 2, 2, 2))", new[] { 2, 7, 8, 9 }, "ReplicationPad3DBackward0", 73.02973949018948, 1.7317367813669957)]
    [InlineData(7, "ReplicationPad3d((1, 0, 2, 1, 0, 3))", new[] { 2, 6, 7, 6 }, "ReplicationPad3DBackward0", -2.0023699424249886, 0.036448935095028945)]
    [InlineData(8, "CircularPad3d((1, 1, 1, 1, 1, 1))", new[] { 2, 5, 6, 7 }, "CopySlices", 1.2102361183933756, 1.0066245422184315)]
    [InlineData(9, "CircularPad3d((1, 2, 0, 1, 2, 0))", new[] { 2, 5, 5, 8 }, "CopySlices", -1.1648992553786617, 6.219897074880745)]
    public void Pad3dModuleMatchesPyTorch(int index, string repr, int[] outShape, string node, double weightedSum, double weightedGrad)
    {
        var module = Modules[index]();
        Assert.Equal(repr, module.ToString());
        Assert.Empty(module.Parameters());
        foreach (var shape in new[] { new[] { 1, 2, 3, 4, 5 }, new[] { 2, 3, 4, 5 } })
        {
            var x = Check.Det(shape, 0.37).RequiresGrad_();
            var y = module.Call(x);
            var expectedShape = shape.Length == 5 ? [1, .. outShape] : outShape;
            Assert.Equal(expectedShape, y.Shape.ToArray());
            Assert.Equal(node, y.GradFn!.Name);
            var loss = (y * Check.Det(expectedShape, 0.53)).Sum();
            Check.Close(weightedSum, loss.Item<double>(), 1e-12);
            loss.Backward();
            Check.Close(weightedGrad, (x.Grad! * Check.Det(shape, 0.29)).Sum().Item<double>(), 1e-12);
        }
    }

    [Fact]
    public void Pad3dModulesExposeSettingsAndCheckRank()
    {
        var pad = new ConstantPad3d((0, 1, 1, 0, 2, 1), -1.0);
        Assert.Equal([0, 1, 1, 0, 2, 1], pad.Padding);
        Assert.Equal(-1.0, pad.Value);
        Assert.Equal([2, 2, 2, 2, 2, 2], new ReplicationPad3d(2).Padding);
        foreach (var rank in new[] { 2, 3, 6 })
            Assert.Equal($"expected 4D or 5D input (got {rank}D input)",
                Assert.Throws<ArgumentException>(() => new CircularPad3d(1).Call(Tensor.Zeros(new int[rank].Select(_ => 2).ToArray(), DType.Float64))).Message);
        Assert.Equal("Only 2D, 3D, 4D, 5D padding with non-constant padding are supported for now",
            Assert.Throws<InvalidOperationException>(() => new ReflectionPad3d(1).Call(Tensor.Zeros([2, 3, 4], DType.Float64))).Message);
        Assert.Equal("Only 2D, 3D, 4D, 5D padding with non-constant padding are supported for now",
            Assert.Throws<InvalidOperationException>(() => new ReplicationPad3d(1).Call(Tensor.Zeros([1, 1, 2, 3, 4, 5], DType.Float64))).Message);
        Assert.Equal([1, 1, 2, 5, 6, 7], new ZeroPad3d(1).Call(Tensor.Zeros([1, 1, 2, 3, 4, 5], DType.Float64)).Shape.ToArray());
        Assert.Equal("Argument #4: Padding size should be less than the corresponding input dimension, but got: padding (3, 3) at dimension 4 of input [1, 1, 3, 3, 3]",
            Assert.Throws<InvalidOperationException>(() => new ReflectionPad3d(3).Call(Tensor.Zeros([1, 1, 3, 3, 3], DType.Float64))).Message);
    }

    [Fact]
    public void GradCheckThroughPad3dModules()
    {
        var x5 = Check.Det([1, 1, 2, 3, 3], 0.37).RequiresGrad_();
        var x4 = Check.Det([1, 2, 3, 3], 0.37).RequiresGrad_();
        foreach (var (m, x) in new (Module, Tensor)[]
                 {
                     (new ReflectionPad3d((1, 2, 0, 1, 1, 0)), x5), (new ReplicationPad3d((0, 2, 1, 0, 1, 1)), x4),
                     (new CircularPad3d(1), x5), (new ConstantPad3d((1, 0, 0, 1, 1, 0), 3.5), x4),
                 })
            Assert.True(Autograd.GradCheck(t => m.Call(t[0]), [x]));
    }
}
