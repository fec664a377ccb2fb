namespace Sharpgrad.Tests.Core;

/// <summary>torch.special: xlog1py, entr, ndtr, multigammaln and the aliases; PyTorch 2.6's values, nodes and messages.</summary>
public class SpecialTests
{
    private static void Case(Tensor y, string? node, params double[] values)
    {
        Assert.Equal(node, y.GradFn?.Name);
        var got = y.Detach().To(DType.Float64).ToArray<double>();
        Assert.Equal(values.Length, got.Length);
        for (int i = 0; i < values.Length; i++)
        {
            if (double.IsNaN(values[i])) Assert.True(double.IsNaN(got[i]));
            else if (double.IsInfinity(values[i])) Assert.Equal(values[i], got[i]);
            else Assert.Equal(values[i], got[i], 1e-6 * Math.Max(1, Math.Abs(values[i])));
        }
    }

    [Fact]
    public void Xlog1pyAndEntr()
    {
        Tensor X() => Tensor.FromArray(new[] { 0f, 1, 2, -0.5f }).RequiresGrad_();
        Tensor Y() => Tensor.FromArray(new[] { 0.5f, -0.5f, 3, 1 }).RequiresGrad_();
        Case(Special.Xlog1py(X(), Y()), "SpecialXlog1PyBackward0", 0, -0.693147182, 2.77258873, -0.346573591);
        Case(Special.Xlog1py(X(), 2.0), "SpecialXlog1PyBackward2", 0, 1.09861231, 2.19722462, -0.549306154);
        Case(Special.Xlog1py(2.0, Y()), "SpecialXlog1PyBackward1", 0.810930192, -1.38629436, 2.77258873, 1.38629436);
        Case(Special.Xlog1py(Tensor.FromArray(new[] { 0f }), Tensor.FromArray(new[] { float.NaN })), null, double.NaN);
        var y = Y();
        Special.Xlog1py(X(), y).Sum().Backward();
        Case(y.Grad!, null, 0, 2, 0.5, -0.25);
        Assert.True(Autograd.GradCheck(t => Special.Xlog1py(t[0], t[1]), [Tensor.FromArray(new[] { 0.3, -1.2, 2.0 }).RequiresGrad_(), Tensor.FromArray(new[] { 0.5, 1.5, 0.2 }).RequiresGrad_()]));

        Case(Special.Entr(Tensor.FromArray(new[] { 0f, 0.5f, 1, -1, float.PositiveInfinity }).RequiresGrad_()), "SpecialEntrBackward0", 0, 0.346573591, 0, double.NegativeInfinity, double.NegativeInfinity);
        Assert.True(Autograd.GradCheck(t => Special.Entr(t[0]), [Tensor.FromArray(new[] { 0.3, 1.2, 2.0 }).RequiresGrad_()]));
    }

    [Fact]
    public void NdtrMultigammalnAndAliases()
    {
        Case(Special.Ndtr(Tensor.FromArray(new[] { -3f, -1.5f, 0, 0.5f, 2 }).RequiresGrad_()), "MulBackward1", 0.0013499558, 0.0668072402, 0.5, 0.691462398, 0.97724998);
        Case(Special.Ndtr(Tensor.FromArray(new[] { -3.0, -1.5, 0, 0.5, 2 })), null, 0.00134989803, 0.0668072013, 0.5, 0.691462461, 0.977249868);
        Case(Special.Multigammaln(Tensor.FromArray(new[] { 2.5f, 3 }).RequiresGrad_(), 3), "MvlgammaBackward0", 1.88099539, 2.69492483);
        Case(Special.Multigammaln(Tensor.FromArray(new[] { 0.5f, 3 }), 3), null, double.PositiveInfinity, 2.69492483);
        Assert.Equal("p has to be greater than or equal to 1", Assert.Throws<ArgumentException>(() => Special.Multigammaln(Tensor.FromArray(new[] { 2.5f }), 0)).Message);
        Assert.True(Autograd.GradCheck(t => Special.Multigammaln(t[0], 4), [Tensor.FromArray(new[] { 2.7, 3.1 }).RequiresGrad_()]));
        Case(Special.Expit(Tensor.FromArray(new[] { 0f, 1 }).RequiresGrad_()), "SigmoidBackward0", 0.5, 0.731058598);
        Case(Special.Logit(Tensor.FromArray(new[] { 0f, 0.3f, 1 }), eps: 0.1), null, -2.19722462, -0.847297788, 2.19722438);
        Case(Special.Psi(Tensor.FromArray(new[] { 1.0 })), null, -0.5772156649015329);
    }
}
