using F = Sharpgrad.NN.Functional;

namespace Sharpgrad.Tests.NN;

/// <summary>
/// Every pool's backward is itself recorded under create_graph, also for a constant incoming gradient, because as in
/// PyTorch the backward op takes the pooled input too (grad_output edge absent, self edge to the input, zero gradient).
/// PyTorch 2.6's node names, next functions and second-order values.
/// </summary>
public class PoolDoubleBackwardTests
{
    private static Tensor Input(params int[] shape)
    {
        int n = shape.Aggregate(1, (a, b) => a * b);
        return Tensor.FromArray(Enumerable.Range(0, n).Select(i => Math.Sin(i * 0.37)).ToArray(), shape).RequiresGrad_();
    }

    public static TheoryData<string, int[], string, string, double, double> Cases => new()
    {
        { "avg_pool2d", [1, 2, 5, 6], "AvgPool2DBackwardBackward0", "AvgPool2DBackwardBackward0", 6.375555722407665, 3.064329284924284 },
        { "max_pool2d", [1, 2, 5, 6], "MaxPool2DWithIndicesBackwardBackward0", "MaxPool2DWithIndicesBackwardBackward0", 1.7264869515979124, 55.40676600895448 },
        { "adaptive_avg_pool2d", [1, 2, 5, 6], "AdaptiveAvgPool2DBackwardBackward0", "AdaptiveAvgPool2DBackwardBackward0", 0.011596608421339374, 0.008476618770683186 },
        { "adaptive_max_pool2d", [1, 2, 5, 6], "AdaptiveMaxPool2DBackwardBackward0", "AdaptiveMaxPool2DBackwardBackward0", 9.704784629539851, 80.39558048162593 },
        { "max_pool1d", [1, 2, 7], "SqueezeBackward1", "MaxPool2DWithIndicesBackwardBackward0", 14.358300001879822, 49.96574091666977 },
        { "avg_pool1d", [1, 2, 7], "SqueezeBackward1", "AvgPool2DBackwardBackward0", 13.351371855712877, 22.76170398708856 },
        { "adaptive_avg_pool1d", [1, 2, 7], "SqueezeBackward1", "AdaptiveAvgPool2DBackwardBackward0", 14.601850915552767, 22.31151591718918 },
        { "adaptive_max_pool1d", [1, 2, 7], "SqueezeBackward1", "AdaptiveMaxPool2DBackwardBackward0", 15.576168172871938, 87.97107051433149 },
        { "max_pool3d", [1, 2, 4, 4, 4], "MaxPool3DWithIndicesBackwardBackward0", "MaxPool3DWithIndicesBackwardBackward0", 22.52672551260996, 161.74033478692763 },
        { "avg_pool3d", [1, 2, 4, 4, 4], "AvgPool3DBackwardBackward0", "AvgPool3DBackwardBackward0", -0.8027089760980715, 0.08414897807898616 },
        { "adaptive_avg_pool3d", [1, 2, 4, 4, 4], "AdaptiveAvgPool3DBackwardBackward0", "AdaptiveAvgPool3DBackwardBackward0", 0.5966004015144184, 0.13973794715663043 },
        { "adaptive_max_pool3d", [1, 2, 4, 4, 4], "AdaptiveMaxPool3DBackwardBackward0", "AdaptiveMaxPool3DBackwardBackward0", 38.07482442537544, 544.8044012982791 },
    };

    private static Tensor Pool(string op, Tensor a) => op switch
    {
        "avg_pool2d" => F.AvgPool2d(a, 2),
        "max_pool2d" => F.MaxPool2d(a, 2),
        "adaptive_avg_pool2d" => F.AdaptiveAvgPool2d(a, (2, 3)),
        "adaptive_max_pool2d" => F.AdaptiveMaxPool2d(a, (2, 3)),
        "max_pool1d" => F.MaxPool1d(a, 2),
        "avg_pool1d" => F.AvgPool1d(a, 2),
        "adaptive_avg_pool1d" => F.AdaptiveAvgPool1d(a, 3),
        "adaptive_max_pool1d" => F.AdaptiveMaxPool1d(a, 3),
        "max_pool3d" => F.MaxPool3d(a, 2),
        "avg_pool3d" => F.AvgPool3d(a, 2),
        "adaptive_avg_pool3d" => F.AdaptiveAvgPool3d(a, (2, 3, 2)),
        "adaptive_max_pool3d" => F.AdaptiveMaxPool3d(a, (2, 3, 2)),
        _ => throw new ArgumentException(op),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void BackwardIsRecordedAndDifferentiable(string op, int[] shape, string node, string pooledNode, double sum, double sumSq)
    {
        var x = Input(shape);
        // constant incoming gradient: recorded all the same, with no grad_output edge and a zero gradient for the input
        var g = Autograd.Grad([Pool(op, x).Sum()], [x], createGraph: true)[0]!;
        Assert.True(g.RequiresGrad);
        Assert.Equal(node, g.GradFn!.Name);
        var pooled = node == "SqueezeBackward1" ? g.GradFn.NextFunctions[0].Node! : g.GradFn;
        Assert.Equal(pooledNode, pooled.Name);
        Assert.Null(pooled.NextFunctions[0].Node);
        // the 1-D pools run the 2-D op on the unsqueezed input
        Assert.Equal(node == "SqueezeBackward1" ? "UnsqueezeBackward0" : "AccumulateGrad", pooled.NextFunctions[1].Node!.Name);
        var zero = Autograd.Grad([(g * g).Sum()], [x])[0]!;
        Assert.Equal(0.0, zero.Abs().Sum().Item<double>());

        // an incoming gradient that depends on x: PyTorch's second-order values
        var g2 = Autograd.Grad([Pool(op, x).Pow(3).Sum()], [x], createGraph: true)[0]!;
        Assert.Equal(node, g2.GradFn!.Name);
        var w = Tensor.FromArray(Enumerable.Range(0, (int)x.NumElements).Select(i => Math.Cos(i * 0.21)).ToArray(), shape);
        var gg = Autograd.Grad([(g2 * w).Sum()], [x])[0]!;
        Assert.Equal(sum, gg.Sum().Item<double>(), 1e-12);
        Assert.Equal(sumSq, (gg * gg).Sum().Item<double>(), 1e-11);
    }

    [Fact]
    public void MaxPoolBackwardPassesGradGradCheck()
    {
        var x = Input(1, 2, 5, 6);
        Assert.True(Autograd.GradCheck(a => FirstGrad(b => F.MaxPool2d(b, 2), a[0]), [x]));
        Assert.True(Autograd.GradCheck(a => FirstGrad(b => F.AdaptiveMaxPool2d(b, (2, 3)), a[0]), [x]));
        Assert.True(Autograd.GradCheck(a => FirstGrad(b => F.AdaptiveMaxPool3d(b, (2, 3, 2)), a[0]), [x]));
        Assert.True(Autograd.GradCheck(a => FirstGrad(b => F.AvgPool2d(b, 2), a[0]), [x]));
    }

    /// <summary>d/da sum(pool(a)³), itself differentiable (GradCheck also evaluates it without recording).</summary>
    private static Tensor FirstGrad(Func<Tensor, Tensor> pool, Tensor a)
    {
        using (Autograd.EnableGrad())
        {
            var leaf = a.RequiresGrad ? a : a.Detach().RequiresGrad_();
            return Autograd.Grad([pool(leaf).Pow(3).Sum()], [leaf], createGraph: a.RequiresGrad)[0]!;
        }
    }
}
