namespace Sharpgrad.Tests.Core;

/// <summary>tril/triu, repeat and outer: PyTorch 2.6 values, nodes and messages; gradcheck.</summary>
public class TriangleRepeatTests
{
    private static Tensor X() => (Tensor.Arange(12).To(DType.Float64) * 0.7).Sin().View(3, 4).Detach().RequiresGrad_();

    private static void Close(double[] expected, Tensor actual)
    {
        var a = actual.Contiguous().ToArray<double>();
        Assert.Equal(expected.Length, a.Length);
        for (int i = 0; i < a.Length; i++) Assert.Equal(expected[i], a[i], 1e-15);
    }

    [Fact]
    public void TriangleMatchesPyTorch()
    {
        var t = X().Tril();
        Assert.Equal("TrilBackward0", t.GradFn!.Name);
        Close([0.0, 0.0, 0.0, 0.0, 0.3349881501559051, -0.35078322768961984, 0.0, 0.0, -0.6312666378723216, 0.016813900484349713, 0.6569865987187891, 0.0], X().Tril());
        Close([0.0, 0.644217687237691, 0.9854497299884601, 0.8632093666488739, 0.0, -0.35078322768961984, -0.8715757724135877, -0.9824526126243326, 0.0, 0.0, 0.6569865987187891, 0.9881682338770003], X().Triu());
        Close([0.0, 0.644217687237691, 0.0, 0.0, 0.3349881501559051, -0.35078322768961984, -0.8715757724135877, 0.0, -0.6312666378723216, 0.016813900484349713, 0.6569865987187891, 0.9881682338770003], X().Tril(1));
        Close([0.0, 0.0, 0.0, 0.0, 0.3349881501559051, 0.0, 0.0, 0.0, -0.6312666378723216, 0.016813900484349713, 0.0, 0.0], X().Tril(-1));
        Close([0.0, 0.644217687237691, 0.9854497299884601, 0.8632093666488739, 0.3349881501559051, -0.35078322768961984, -0.8715757724135877, -0.9824526126243326, 0.0, 0.016813900484349713, 0.6569865987187891, 0.9881682338770003], X().Triu(-1));
        Assert.Equal("TriuBackward0", X().Triu(1).GradFn!.Name);
        Assert.Equal("tril: input tensor must have at least 2 dimensions", Assert.Throws<InvalidOperationException>(() => Tensor.Zeros([3]).Tril()).Message);
        Assert.True(Autograd.GradCheck(a => a[0].Triu(1) * 2.0 + a[0].Tril(-1), [X()]));
    }

    [Fact]
    public void RepeatAndOuterMatchPyTorch()
    {
        var x = X();
        var y = x.Repeat(2, 1, 2);
        Assert.Equal([2, 3, 8], y.Shape);
        Assert.Equal("RepeatBackward0", y.GradFn!.Name);
        Close([-0.6312666378723216, 0.016813900484349713, 0.6569865987187891, 0.9881682338770003, -0.6312666378723216, 0.016813900484349713, 0.6569865987187891, 0.9881682338770003], y.Select(0, 1).Select(0, 2));
        (y * Tensor.Arange(48).To(DType.Float64).View(2, 3, 8)).Sum().Backward();
        Close([56.0, 60.0, 64.0, 68.0, 88.0, 92.0, 96.0, 100.0, 120.0, 124.0, 128.0, 132.0], x.Grad!);
        Assert.Equal("Number of dimensions of repeat dims can not be smaller than number of dimensions of tensor",
            Assert.Throws<InvalidOperationException>(() => X().Repeat(2)).Message);
        Assert.True(Autograd.GradCheck(a => a[0].Repeat(3, 1, 2), [X()]));

        var v = Tensor.FromArray(new[] { 1.0, 2.0 }).RequiresGrad_();
        var o = X().Select(0, 0).Outer(v);
        Assert.Equal([4, 2], o.Shape);
        Assert.Equal("MulBackward0", o.GradFn!.Name);
        Close([0.0, 0.0, 0.644217687237691, 1.288435374475382, 0.9854497299884601, 1.9708994599769203, 0.8632093666488739, 1.7264187332977479], o);
    }
}
