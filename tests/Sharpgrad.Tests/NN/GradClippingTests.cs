using Sharpgrad.NN;

namespace Sharpgrad.Tests.NN;

/// <summary>clip_grad_norm_ / clip_grad_value_, with PyTorch 2.6's numbers.</summary>
public class GradClippingTests
{
    private static (Tensor A, Tensor B, Tensor C) Params()
    {
        var a = Tensor.FromArray(new float[] { 0.5f, -2f, 1.5f, 3f }, [2, 2]).RequiresGrad_();
        var b = Tensor.FromArray(new float[] { 4f, -1f, 0.25f }).RequiresGrad_();
        var c = Tensor.FromArray(new float[] { 1f }).RequiresGrad_(); // never gets a gradient
        (a * a * 0.5).Sum().Backward(); // grad = a
        (b * b * 0.5).Sum().Backward();
        return (a, b, c);
    }

    [Theory]
    [InlineData(2.0, 2.0, 5.706355571746826, new[] { 0.17524316906929016, -0.7009726762771606, 0.5257295370101929, 1.0514590740203857 }, new[] { 1.4019453525543213, -0.3504863381385803, 0.08762158453464508 })]
    [InlineData(1.0, double.PositiveInfinity, 4.0, new[] { 0.12499997019767761, -0.49999988079071045, 0.37499991059303284, 0.7499998211860657 }, new[] { 0.9999997615814209, -0.24999994039535522, 0.062499985098838806 })]
    [InlineData(100.0, 1.0, 12.25, new[] { 0.5, -2.0, 1.5, 3.0 }, new[] { 4.0, -1.0, 0.25 })]
    [InlineData(3.0, 3.0, 4.695357799530029, new[] { 0.31946441531181335, -1.2778576612472534, 0.9583932161331177, 1.9167864322662354 }, new[] { 2.555715322494507, -0.6389288306236267, 0.15973220765590668 })]
    public void ClipGradNormMatchesPyTorch(double maxNorm, double normType, double total, double[] ga, double[] gb)
    {
        var (a, b, c) = Params();
        var norm = GradClipping.ClipGradNorm_([a, b, c], maxNorm, normType);
        Assert.Equal(DType.Float32, norm.DType);
        Check.Close(total, norm.Item<float>(), 1e-7);
        Check.Close(ga, a.Grad!, 1e-7);
        Check.Close(gb, b.Grad!, 1e-7);
        Assert.Null(c.Grad);
    }

    [Fact]
    public void NonfiniteNormsAndEmptyListsAndValueClipping()
    {
        var (a, _, c) = Params();
        using (Autograd.NoGrad()) a.Grad!.Fill_(float.NaN);
        var e = Assert.Throws<InvalidOperationException>(() => GradClipping.ClipGradNorm_([a], 1.0, errorIfNonfinite: true));
        Assert.Equal("The total norm of order 2.0 for gradients from `parameters` is non-finite, so it cannot be clipped. To disable this error and scale the gradients by the non-finite norm anyway, set `error_if_nonfinite=False`", e.Message);
        Assert.Equal(0f, GradClipping.ClipGradNorm_([c], 1.0).Item<float>());

        var (a2, _, c2) = Params();
        GradClipping.ClipGradValue_([a2, c2], 1.0);
        Assert.Equal(new float[] { 0.5f, -1f, 1f, 1f }, a2.Grad!.ToArray<float>());
    }

    [Fact]
    public void ClipGradValueEdgeCasesMatchPyTorch()
    {
        var a = Tensor.FromArray(new float[] { 1, 2, 3, 4 }, [2, 2]).RequiresGrad_();
        void SetGrad(float[] g) => a.Grad = Tensor.FromArray(g, [2, 2]);
        SetGrad([-3f, 0.5f, float.NaN, 2f]);
        GradClipping.ClipGradValue_([a], -1.0); // min > max: everything becomes the max, NaN stays
        Assert.Equal(new[] { -1f, -1f, float.NaN, -1f }, a.Grad!.ToArray<float>());
        SetGrad([-3f, 0.5f, float.NegativeInfinity, 2f]);
        GradClipping.ClipGradValue_([a], double.PositiveInfinity);
        Assert.Equal(new[] { -3f, 0.5f, float.NegativeInfinity, 2f }, a.Grad!.ToArray<float>());
        GradClipping.ClipGradValue_([a], 0.0); // negative values clamp to -0.0
        Assert.Equal(new[] { -0f, 0f, -0f, 0f }, a.Grad!.ToArray<float>());
        Assert.True(float.IsNegative(a.Grad!.ToArray<float>()[0]) && !float.IsNegative(a.Grad!.ToArray<float>()[1]));
    }
}
