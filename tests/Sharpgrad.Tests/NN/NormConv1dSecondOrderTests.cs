using F = Sharpgrad.NN.Functional;

namespace Sharpgrad.Tests.NN;

/// <summary>Second-order gradients: the backward of group_norm and conv1d is itself differentiable (GradCheck of the first gradient).</summary>
public class NormConv1dSecondOrderTests
{
    /// <summary>d/da of sum(f(a)·cos-weights) as a differentiable function of all inputs.</summary>
    private static Func<Tensor[], Tensor> FirstGrad(Func<Tensor[], Tensor> f) => a =>
    {
        using var scope = Autograd.EnableGrad(); // GradCheck's numeric pass runs under no_grad
        var y = f(a);
        var g = Autograd.Grad([(y * Check.Det(y.Shape.ToArray(), 0.37)).Sum()], a, createGraph: true);
        return Tensor.Cat(g.Select(t => t!.Flatten()).ToArray(), 0);
    };

    [Fact]
    public void GroupNormBackwardIsDifferentiable() =>
        Assert.True(Autograd.GradCheck(FirstGrad(a => F.GroupNorm(a[0], 2, a[1], a[2])),
            [Check.Det([2, 4, 3], 0.7).RequiresGrad_(), (Check.Det([4], 0.3) + 0.5).RequiresGrad_(), Check.Det([4], 0.5, 0.1).RequiresGrad_()]));

    [Fact]
    public void Conv1dBackwardIsDifferentiable() =>
        Assert.True(Autograd.GradCheck(FirstGrad(a => F.Conv1d(a[0], a[1], a[2], stride: 2, padding: 1, groups: 2)),
            [Check.Det([2, 4, 6], 0.7).RequiresGrad_(), Check.Det([4, 2, 3], 0.3, 0.5).RequiresGrad_(), Check.Det([4], 0.5, 0.1).RequiresGrad_()]));
}
