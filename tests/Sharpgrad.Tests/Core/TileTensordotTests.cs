namespace Sharpgrad.Tests.Core;

/// <summary>tile and tensordot: PyTorch 2.6 shapes, values, nodes, messages and gradients; gradcheck.</summary>
public class TileTensordotTests
{
    [Fact]
    public void TileMatchesPyTorch()
    {
        var x = Tensor.Arange(0, 6, 1, DType.Float64).View(2, 3).RequiresGrad_();
        var t = x.Tile(2);
        Check.Shape(t, 2, 6);
        Assert.Equal("RepeatBackward0", t.GradFn!.Name);
        NN.Check.Close([0, 1, 2, 0, 1, 2, 3, 4, 5, 3, 4, 5], t, 0);
        Check.Shape(x.Tile(2, 1, 2), 2, 2, 6);
        Check.Shape(Tensor.Tile(x, [2, 2]), 4, 6);
        var same = x.Tile();
        Check.Shape(same, 2, 3);
        Assert.Equal("RepeatBackward0", same.GradFn!.Name);
        Assert.False(same.IsView);
        Check.Shape(Tensor.Scalar(3.0).Tile(2), 2);
        Check.Shape(Tensor.Scalar(3.0).Tile(), []);
        Check.Throws<InvalidOperationException>("Trying to create tensor with negative dimension -3: [2, -3]", () => Tensor.Ones([2, 3]).Tile(-1));
        Check.Throws<InvalidOperationException>("Trying to create tensor with negative dimension -3: [2, -3]", () => Tensor.Ones([2, 3]).Repeat(1, -1));
        (x.Tile(2, 1, 2) * Tensor.Arange(0, 24, 1, DType.Float64).View(2, 2, 6)).Sum().Backward();
        NN.Check.Close([30, 34, 38, 54, 58, 62], x.Grad!, 0);
        Assert.True(Autograd.GradCheck(a => a[0].Tile(3, 1), [Tensor.FromArray(new[] { 0.3, -1.2, 2.0, 0.7 }, [2, 2]).RequiresGrad_()]));
    }

    [Fact]
    public void TensordotMatchesPyTorch()
    {
        var a = Tensor.Arange(0, 24, 1, DType.Float64).View(2, 3, 4).RequiresGrad_();
        var b = Tensor.Arange(0, 12, 1, DType.Float64).View(4, 3).RequiresGrad_();
        var r = Tensor.Tensordot(a, b, [1, 2], [1, 0]);
        Assert.Equal("ViewBackward0", r.GradFn!.Name);
        NN.Check.Close([440, 1232], r, 0);
        r.Backward(Tensor.FromArray(new[] { 1.0, -2.0 }));
        NN.Check.Close([0, 3, 6, 9, 1, 4, 7, 10, 2, 5, 8, 11, 0, -6, -12, -18, -2, -8, -14, -20, -4, -10, -16, -22], a.Grad!, 0);
        NN.Check.Close([-24, -28, -32, -25, -29, -33, -26, -30, -34, -27, -31, -35], b.Grad!, 0);

        var r1 = Tensor.Tensordot(a, b, 1);
        Check.Shape(r1, 2, 3, 3);
        Assert.Equal("ViewBackward0", r1.GradFn!.Name);
        NN.Check.Close(a.Detach().MatMul(b.Detach()), r1, 0);
        NN.Check.Close([440, 1232], Tensor.Tensordot(a.Detach(), b.Detach().T, 2), 0); // a[i, j, k] * b[k, j]
        Check.Shape(Tensor.Tensordot(a, b, 0), 2, 3, 4, 4, 3);
        Check.Shape(Tensor.Tensordot(a, b, [2], [0]), 2, 3, 3);
        Assert.True(Tensor.Tensordot(a.Detach(), b.Detach(), [2], [0]).IsContiguous);
        Assert.Equal(DType.Float32, Tensor.Tensordot(Tensor.Ones([2, 3]), Tensor.Ones([3, 2]), [1], [0]).DType);
        var dot = Tensor.Tensordot(Tensor.Ones([3]), Tensor.Ones([3]), 1);
        Check.Shape(dot, []);
        Assert.Equal(3f, dot.Item<float>());

        Check.Throws<ArgumentException>("both dimension lists should have same length", () => Tensor.Tensordot(a, b, [1, 2], [1]));
        Check.Throws<ArgumentException>("contracted dimensions need to match, but first has size 4 in dim 2 and second has size 3 in dim 1", () => Tensor.Tensordot(a, b, [2], [1]));
        Check.Throws<ArgumentException>("tensordot expects dims >= 0, but got dims=-1", () => Tensor.Tensordot(a, b, -1));
        Check.Throws<ArgumentException>("tensordot expects dims < ndim_a or ndim_b, but got dims=3", () => Tensor.Tensordot(a, b, 3));
        Check.Throws<ArgumentOutOfRangeException>("Dimension out of range (expected to be in range of [-2, 1], but got 5)", () => Tensor.Tensordot(a, b, [0], [5]));
        Check.Throws<ArgumentException>("contracted dimensions need to match, but first has size 2 in dim 0 and second has size 4 in dim 0", () => Tensor.Tensordot(a, b, [0, 0], [0, 0]));
        Check.Throws<ArgumentException>("both inputs should have same dtype", () => Tensor.Tensordot(a, b.Detach().To(DType.Int64), 1));

        var ga = (Tensor.Arange(0, 24, 1, DType.Float64) * 0.37).Sin().View(2, 3, 4).RequiresGrad_();
        var gb = (Tensor.Arange(0, 8, 1, DType.Float64) * 0.81).Cos().View(4, 1, 2).RequiresGrad_();
        Assert.True(Autograd.GradCheck(t => Tensor.Tensordot(t[0], t[1], [2, 0], [0, 2]), [ga, gb]));   // size-1 contracted against 2: summed first
        Assert.True(Autograd.GradCheck(t => Tensor.Tensordot(t[0], t[1], [2, 1], [0, 1]), [ga, gb]));
    }
}
