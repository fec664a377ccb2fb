namespace Sharpgrad.Tests.AutogradTests;

/// <summary>In-place ops on non-leaves: node names (FACTS sec 3c), CopySlices for views, and gradients.</summary>
public class InPlaceTests
{
    private static readonly Dictionary<string, (string Node, Func<Tensor, Tensor, Tensor> Op)> Ops = new()
    {
        ["mul_scalar"] = ("MulBackward0", (y, z) => y.Mul_(2.0)),
        ["mul_tensor"] = ("MulBackward0", (y, z) => y.Mul_(z)),
        ["add_scalar"] = ("AddBackward0", (y, z) => y.Add_(1.0)),
        ["add_tensor"] = ("AddBackward0", (y, z) => y.Add_(z)),
        ["add_alpha"] = ("AddBackward0", (y, z) => y.Add_(z, 2)),
        ["sub_scalar"] = ("SubBackward0", (y, z) => y.Sub_(1.0)),
        ["sub_tensor"] = ("SubBackward0", (y, z) => y.Sub_(z, 3)),
        ["div_scalar"] = ("DivBackward0", (y, z) => y.Div_(2.0)),
        ["div_tensor"] = ("DivBackward0", (y, z) => y.Div_(z.Abs() + 1.0)),
        ["neg"] = ("NegBackward0", (y, z) => y.Neg_()),
        ["pow"] = ("PowBackward0", (y, z) => y.Pow_(2)),
        ["relu"] = ("ReluBackward0", (y, z) => y.Relu_()),
        ["sigmoid"] = ("SigmoidBackward0", (y, z) => y.Sigmoid_()),
        ["tanh"] = ("TanhBackward0", (y, z) => y.Tanh_()),
        ["exp"] = ("ExpBackward0", (y, z) => y.Exp_()),
        ["clamp"] = ("ClampBackward1", (y, z) => y.Clamp_(-0.5, 0.5)),
        ["clamp_min"] = ("ClampBackward1", (y, z) => y.Clamp_(min: 0)),
        ["copy"] = ("CopyBackwards", (y, z) => y.Copy_(z)),
        ["copy_constant"] = ("CopyBackwards", (y, z) => y.Copy_(Tensor.Ones([2, 3], DType.Float64))),
        ["zero"] = ("ZeroBackward0", (y, z) => y.Zero_()),
        ["fill"] = ("FillBackward2", (y, z) => y.Fill_(1.0)),
        ["abs"] = ("AbsBackward0", (y, z) => y.Abs_()),
        ["sqrt"] = ("SqrtBackward0", (y, z) => (y.Abs_() + 0.0).Sqrt_()),
        ["masked_fill"] = ("MaskedFillBackward0", (y, z) => y.MaskedFill_(Tensor.FromArray(new[] { true, false, true, false, false, true }, [2, 3]), 0)),
    };

    public static TheoryData<string> Names => new(Ops.Keys);

    /// <summary>Values kept away from 0 and ±0.5 (the kinks of relu/abs/clamp).</summary>
    private static Tensor Input(int seed) =>
        Tensor.FromArray(new Catalog.InputSpec([2, 3], Kinks: [0, -0.5, 0.5]).Values(seed), [2, 3], requiresGrad: true);

    [Theory, MemberData(nameof(Names))]
    public void NodeNameAndVersion(string name)
    {
        var (node, op) = Ops[name];
        var y = Input(1) * 1.0;
        var r = op(y, Input(2));
        if (name != "sqrt")
        {
            Assert.Same(y, r);
            Assert.Equal(1, y.Version);
        }
        Assert.Equal(node, r.GradFn!.Name);
        Assert.False(r.IsLeaf);
    }

    [Theory, MemberData(nameof(Names))]
    public void GradCheckThroughTheInPlaceOp(string name)
    {
        var (_, op) = Ops[name];
        Assert.True(Autograd.GradCheck(xs => op(xs[0] * 1.0, xs[1]), [Input(1), Input(2)]));
        // the same op on a view of a non-leaf: CopySlices rewrites the base's history
        Assert.True(Autograd.GradCheck(xs =>
        {
            var big = Tensor.Cat([xs[0], xs[0] * 2.0], 0); // [4, 3]
            op(big.Narrow(0, 1, 2), xs[1]);
            return big;
        }, [Input(1), Input(2)]));
    }

    [Fact]
    public void ChainedInPlaceOps()
    {
        var y = Input(1) * 1.0;
        var r = y.Mul_(2.0).Add_(1.0);
        Assert.Equal("AddBackward0", r.GradFn!.Name);
        Assert.Equal(2, y.Version);
        var d = y.Detach();
        Assert.Null(d.GradFn);
        Assert.Equal("AddBackward0", y.GradFn!.Name);
    }

    [Fact]
    public void InPlaceOnAViewOfANonLeafRewritesTheBase()
    {
        var x = Tensor.Randn([3], requiresGrad: true);
        var y = x * 1.0;
        var v = y.Slice(0, 0, 2);
        v.Mul_(2.0);
        Assert.Equal("CopySlices", y.GradFn!.Name);
        Assert.Equal("AsStridedBackward0", v.GradFn!.Name);
        Assert.Equal((1L, 1L), (y.Version, v.Version));
        Assert.Equal([("MulBackward0", 0), (null, 0)], y.GradFn.NextFunctions.Select(e => (e.Node?.Name, e.InputNr)));
        var next = Assert.Single(v.GradFn.NextFunctions);
        Assert.Same(y.GradFn, next.Node);
        y.Sum().Backward();
        Assert.Equal([2f, 2, 1], x.Grad!.ToArray<float>());
    }

    [Fact]
    public void ViewGradientAfterItsInPlaceUpdate()
    {
        var x = Tensor.Randn([3], requiresGrad: true);
        var v = (x * 1.0).Slice(0, 0, 2);
        v.Mul_(2.0);
        v.Sum().Backward();
        Assert.Equal([2f, 2, 0], x.Grad!.ToArray<float>());
    }

    [Fact]
    public void InPlaceWithAnOperandFromTheSameLeaf()
    {
        var x = Tensor.FromArray(new float[] { 1, 2, 3 }, requiresGrad: true);
        var y = x * 1.0;
        y.Slice(0, 0, 2).Mul_(x.Slice(0, 0, 2));
        y.Sum().Backward();
        Assert.Equal([2f, 4, 1], x.Grad!.ToArray<float>());

        var w = Tensor.FromArray(new float[] { 1, 2, 3 }, requiresGrad: true);
        var z = w * 2.0;
        z.Add_(w);
        z.Sum().Backward();
        Assert.Equal([3f, 3, 3], w.Grad!.ToArray<float>());
    }

    [Fact]
    public void NestedViewsAndOtherViewKinds()
    {
        var x = Tensor.Randn([3], requiresGrad: true);
        var y = x * 1.0;
        var v = y.Slice(0, 0, 2);
        var w = v.Slice(0, 0, 1);
        w.Mul_(3.0);
        Assert.Equal(("CopySlices", "AsStridedBackward0", "AsStridedBackward0"), (y.GradFn!.Name, v.GradFn!.Name, w.GradFn!.Name));
        y.Sum().Backward();
        Assert.Equal([3f, 1, 1], x.Grad!.ToArray<float>());

        var a = Tensor.Randn([3], requiresGrad: true) * 1.0;
        a[0].Mul_(2.0);
        Assert.Equal(("CopySlices", 1L), (a.GradFn!.Name, a.Version));
        var b = Tensor.Randn([3], requiresGrad: true) * 1.0;
        var bv = b.View(3, 1);
        bv.Add_(1.0);
        Assert.Equal(("CopySlices", "AsStridedBackward0"), (b.GradFn!.Name, bv.GradFn!.Name));

        var m = Tensor.Randn([2, 3], requiresGrad: true);
        var my = m * 1.0;
        my.T.Mul_(2.0);
        Assert.Equal("CopySlices", my.GradFn!.Name);
        my.Sum().Backward();
        Assert.Equal(Enumerable.Repeat(2f, 6), m.Grad!.ToArray<float>());
    }

    [Fact]
    public void CopyIntoASliceRoutesGradientsToBoth()
    {
        var x = Tensor.Randn([3], requiresGrad: true);
        var z = Tensor.Randn([3], requiresGrad: true);
        var y = x * 1.0;
        y.Slice(0, 0, 2).Copy_(z.Slice(0, 0, 2));
        Assert.Equal(("CopySlices", 1L), (y.GradFn!.Name, y.Version));
        Assert.Equal([("MulBackward0", 0), ("SliceBackward0", 0)], y.GradFn.NextFunctions.Select(e => (e.Node?.Name, e.InputNr)));
        y.Sum().Backward();
        Assert.Equal([0f, 0, 1], x.Grad!.ToArray<float>());
        Assert.Equal([1f, 1, 0], z.Grad!.ToArray<float>());
    }

    [Fact]
    public void InPlaceWithARequiringOperandMakesANonLeaf()
    {
        var z = Tensor.Randn([3], requiresGrad: true);
        var a = Tensor.Randn([3]);
        a.Mul_(z);
        Assert.Equal(("MulBackward0", true, false), (a.GradFn!.Name, a.RequiresGrad, a.IsLeaf));

        var b = Tensor.Randn([3]);
        b.Slice(0, 0, 2).Copy_(z.Slice(0, 0, 2));
        Assert.Equal(("CopySlices", true, false), (b.GradFn!.Name, b.RequiresGrad, b.IsLeaf));

        var c = Tensor.Randn([3]);
        var cv = c.Slice(0, 0, 2);
        cv.Copy_(z.Slice(0, 0, 2));
        Assert.Equal(("CopySlices", "AsStridedBackward0", true, true), (c.GradFn!.Name, cv.GradFn!.Name, c.RequiresGrad, cv.RequiresGrad));
        c.Sum().Backward();
        Assert.Equal([1f, 1, 0], z.Grad!.ToArray<float>());
    }

    [Fact]
    public void InPlaceUnaryGradientsMatchPyTorch()
    {
        var x = Tensor.FromArray(new float[] { 1, 2, 3 }, requiresGrad: true);
        var y = x * 1.0;
        y.Slice(0, 1, 3).Exp_();
        y.Sum().Backward();
        float[] expected = [1f, 7.3890562f, 20.085537f];
        for (int i = 0; i < 3; i++) Assert.Equal(expected[i], x.Grad!.ToArray<float>()[i], 1e-5f);

        var p = Tensor.FromArray(new float[] { 1, 2, 3 }, requiresGrad: true);
        var q = p * 1.0;
        q.Pow_(2);
        q.Sum().Backward();
        Assert.Equal([2f, 4, 6], p.Grad!.ToArray<float>());
    }
}
