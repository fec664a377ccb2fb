namespace Sharpgrad.Tests.NN;

/// <summary>Tensor.Einsum: PyTorch 2.6 values, gradients, node names (where the decomposition agrees) and messages; gradcheck.</summary>
public class EinsumTests
{
    /// <summary>
    /// Operand n is Det(shape_n, 0.37 + 0.1·n); with w = Det(y.shape, 0.23): y's shape and node, sum(y·w), sum(y²), and after
    /// sum(y·w).backward(), sum(g_n · Det(shape_n, 0.11)) for each operand's gradient.
    /// </summary>
    private static void Matches(string eq, int[][] shapes, int[] outShape, string node, double[] s)
    {
        var ops = shapes.Select((sh, n) => Check.Det(sh, 0.37 + 0.1 * n).RequiresGrad_()).ToArray();
        var y = Tensor.Einsum(eq, ops);
        Assert.Equal(outShape, y.Shape);
        Assert.Equal(node, y.GradFn!.Name);
        var w = Check.Det(outShape, 0.23);
        Check.Close(s[0], (y * w).Sum().Item<double>(), 1e-12);
        Check.Close(s[1], (y * y).Sum().Item<double>(), 1e-12);
        (y * w).Sum().Backward();
        for (int n = 0; n < ops.Length; n++)
            Check.Close(s[2 + n], (ops[n].Grad! * Check.Det(shapes[n], 0.11)).Sum().Item<double>(), 1e-12);
    }

    [Fact]
    public void ContractionsMatchPyTorch()
    {
        Matches("ij,jk->ik", [[3, 4], [4, 5]], [3, 5], "ViewBackward0", [1.0877669619229746, 2.1929713749490345, 1.6943402286226248, 14.139011102689885]);
        Matches("ij,jk", [[3, 4], [4, 5]], [3, 5], "ViewBackward0", [1.0877669619229746, 2.1929713749490345, 1.6943402286226248, 14.139011102689885]);
        Matches("bij,bjk->bik", [[2, 3, 4], [2, 4, 5]], [2, 3, 5], "ViewBackward0", [1.523447122056726, 3.492654018027329, 2.3245282376061884, 13.100662465209444]);
        Matches("bij,bkj->bik", [[2, 3, 4], [2, 5, 4]], [2, 3, 5], "ViewBackward0", [0.7377073609511451, 77.39070495643254, 1.263937920934636, 10.81621782078604]);
        Matches("ij,kj->ik", [[3, 4], [5, 4]], [3, 5], "ViewBackward0", [1.8476630533030483, 47.59754554692415, 0.5616486439955446, 10.986895591852956]);
        Matches("i,i->", [[4], [4]], [], "ViewBackward0", [2.3379656343732105, 5.466083307510129, 2.6132178241824766, 3.0680306567071636]);
        Matches("i,j->ij", [[3], [4]], [3, 4], "MulBackward0", [2.624262873264927, 5.235699018287446, 2.401640375383474, 3.053264434528337]);
        Matches("ij,ij->ij", [[3, 4], [3, 4]], [3, 4], "MulBackward0", [2.171082499104265, 3.8825393051077377, 2.1055670239378195, 3.613775400072734]);
        Matches("bn,anm,bm->ba", [[2, 3], [5, 3, 4], [2, 4]], [2, 5], "ViewBackward0", [2.1423307441478974, 11.813564654024391, 2.312770312124887, -0.2751515742996233, 3.0862828697551516]);
        Matches("...ij,...jk->...ik", [[2, 3, 4], [4, 5]], [2, 3, 5], "ViewBackward0", [0.6470878838773552, 3.4797027021368034, 1.1512983232121576, 19.809761255343002]);
        Matches("b...,b...->b", [[2, 3, 4], [2, 3, 4]], [2], "ViewBackward0", [4.545648619593371, 24.384344348358788, 2.339393466231013, -0.8179409016656836]);
    }

    [Fact]
    public void SingleOperandFormsMatchPyTorch()
    {
        Matches("ij->ji", [[3, 4]], [4, 3], "PermuteBackward0", [1.5922061892185315, 6.797838324821068, 2.7722570126683896]);
        Matches("ba", [[3, 4]], [4, 3], "PermuteBackward0", [1.5922061892185315, 6.797838324821068, 2.7722570126683896]);
        Matches("ii->", [[4, 4]], [], "SumBackward1", [0.6193561624314889, 0.3836020559418609, 2.226999754678349]);
        Matches("ij->", [[3, 4]], [], "SumBackward1", [-1.9387755013177, 3.7588504445096986, 9.173531504628542]);
        Matches("ij->j", [[3, 4]], [4], "SumBackward1", [-1.6258061453362822, 1.6398420319265203, 8.41835754795043]);
        Matches("i...->...", [[3, 2, 4]], [2, 4], "SumBackward1", [3.122633242442232, 3.598782539048086, 4.700338085947671]);
        Matches("ii->i", [[4, 4]], [4], "PermuteBackward0", [0.5447964928632733, 2.3473416613648395, 2.1754987453234165]);
        Matches("...ii->...i", [[2, 3, 3]], [2, 3], "PermuteBackward0", [-0.08311412741042801, 3.9499782903976404, 2.8396322544593278]);
    }

    [Fact]
    public void PassesGradCheck()
    {
        Tensor.ManualSeed(11);
        Tensor R(params int[] s) => Tensor.Randn(s, DType.Float64, requiresGrad: true);
        Assert.True(Autograd.GradCheck(a => Tensor.Einsum("ij,jk->ik", a), [R(3, 4), R(4, 2)]));
        Assert.True(Autograd.GradCheck(a => Tensor.Einsum("bn,anm,bm->ba", a), [R(2, 3), R(2, 3, 4), R(2, 4)]));
        Assert.True(Autograd.GradCheck(a => Tensor.Einsum("...ij,...jk->...ik", a), [R(2, 3, 4), R(4, 2)]));
        Assert.True(Autograd.GradCheck(a => Tensor.Einsum("ii->i", a), [R(3, 3)]));
        Assert.True(Autograd.GradCheck(a => Tensor.Einsum("i,j->ij", a), [R(3), R(2)]));
        Assert.True(Autograd.GradCheck(a => Tensor.Einsum("bij,bkj->bik", a), [R(2, 3, 4), R(1, 2, 4)]));
    }

    [Fact]
    public void ThreeOperandsWithADiagonalMatchPyTorch()
    {
        var x = Check.Det([2, 3, 3], 0.3).RequiresGrad_();
        var y = Check.Det([3, 2], 0.5).RequiresGrad_();
        var z = Tensor.Einsum("bii,ij,jb->", x, y, Check.Det([2, 2], 0.5));
        Assert.Equal("ViewBackward0", z.GradFn!.Name);
        Check.Close(0.9530238620190861, z.Item<double>(), 1e-12);
        z.Backward();
        Check.Close(2.1638080566898097, (x.Grad! * Check.Det([2, 3, 3], 0.11)).Sum().Item<double>(), 1e-12);
        Check.Close(-0.1352847345382875, (y.Grad! * Check.Det([3, 2], 0.11)).Sum().Item<double>(), 1e-12);
        Check.Close([3.103328829157381, -5.942685465373383, 5.660869002051888], Tensor.Einsum("i...->i", Check.Det([3, 2, 4], 0.3)), 1e-12);
    }

    [Fact]
    public void IntegerOperandsStayIntegers()
    {
        var y = Tensor.Einsum("ij,jk->ik", Tensor.Arange(6).Reshape(2, 3), Tensor.Arange(12).Reshape(3, 4));
        Assert.Equal(DType.Int64, y.DType);
        Assert.Equal([20L, 23, 26, 29, 56, 68, 80, 92], y.ToArray<long>());
    }

    [Fact]
    public void ErrorsMatchPyTorch()
    {
        var a = Check.Det([3, 4], 1);
        var b = Check.Det([4, 5], 1);
        string Msg(Func<Tensor> f) => Assert.Throws<ArgumentException>(f).Message;
        Assert.Equal("einsum(): more operands were provided than specified in the equation", Msg(() => Tensor.Einsum("ij->ji", a, a)));
        Assert.Equal("einsum(): fewer operands were provided than specified in the equation", Msg(() => Tensor.Einsum("ij,jk->ik", a)));
        Assert.Equal("einsum(): subscript j has size 3 for operand 1 which does not broadcast with previously seen size 4", Msg(() => Tensor.Einsum("ij,jk->ik", a, Check.Det([3, 5], 1))));
        Assert.Equal("einsum(): the number of subscripts in the equation (3) does not match the number of dimensions (2) for operand 0 and no ellipsis was given", Msg(() => Tensor.Einsum("ijk->ik", a)));
        Assert.Equal("einsum(): output subscript z does not appear in the equation for any input operand", Msg(() => Tensor.Einsum("ij,jk->iz", a, b)));
        Assert.Equal("einsum(): output subscript i appears more than once in the output", Msg(() => Tensor.Einsum("ij,jk->ii", a, b)));
        Assert.Equal("einsum(): invalid subscript given at index 1 in the equation string, subscripts must be in [a-zA-Z]", Msg(() => Tensor.Einsum("i1->i", a)));
        Assert.Equal("einsum(): invalid subscript given at index 5 in the equation string, subscripts must be in [a-zA-Z]", Msg(() => Tensor.Einsum("ij->i->j", a)));
        Assert.Equal("einsum(): subscript i is repeated for operand 0 but the sizes don't match, 4 != 3", Msg(() => Tensor.Einsum("ii->i", a)));
        Assert.Equal("einsum(): the number of subscripts in the equation (1) does not match the number of dimensions (2) for operand 0 and no ellipsis was given", Msg(() => Tensor.Einsum("i->i", a)));
    }
}
