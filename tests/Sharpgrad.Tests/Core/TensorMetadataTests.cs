namespace Sharpgrad.Tests.Core;

/// <summary>Tensor.unfold, fill_diagonal_, sum_to_size, new_* factories, mT/mH/H and dtype facts: PyTorch 2.6's values, nodes, gradients and messages.</summary>
public class TensorMetadataTests
{
    [Fact]
    public void UnfoldIsAWindowView()
    {
        var x = Tensor.Arange(0, 12, 1, DType.Float64).Reshape(3, 4).RequiresGrad_();
        var y = x.Unfold(1, 2, 1);
        Assert.Equal("UnfoldBackward0", y.GradFn!.Name);
        Check.Shape(y, 3, 3, 2);
        Assert.Equal(new[] { 4, 1, 1 }, y.Stride.ToArray());
        Assert.True(Check.SameStorage(x, y));
        NN.Check.Close([0, 1, 1, 2, 2, 3, 4, 5, 5, 6, 6, 7, 8, 9, 9, 10, 10, 11], y, 0);
        (y * Tensor.Arange(0, 18, 1, DType.Float64).Reshape(3, 3, 2)).Sum().Backward();
        NN.Check.Close([0, 3, 7, 5, 6, 15, 19, 11, 12, 27, 31, 17], x.Grad!, 0);
        var s = x.Unfold(0, 2, 2);
        Check.Shape(s, 1, 4, 2);
        Assert.Equal(new[] { 8, 1, 4 }, s.Stride.ToArray());
        NN.Check.Close([0, 4, 1, 5, 2, 6, 3, 7], s, 0);
        Check.Shape(x.Unfold(1, 0, 1), 3, 5, 0);
        NN.Check.Close([0, 1, 2, 4, 5, 6, 8, 9, 10], x.Unfold(-1, 3, 2), 0);
        Check.Throws<ArgumentException>("maximum size for tensor at dimension 1 is 4 but size is 5", () => x.Unfold(1, 5, 1));
        Check.Throws<ArgumentException>("step is 0 but must be > 0", () => x.Unfold(1, 2, 0));
        var z = Tensor.Arange(0, 24, 1, DType.Float64).Reshape(2, 3, 4).RequiresGrad_();
        var w = z.Unfold(2, 3, 1);
        Assert.Equal(new[] { 12, 4, 1, 1 }, w.Stride.ToArray());
        (w * Tensor.Arange(0, 36, 1, DType.Float64).Reshape(2, 3, 2, 3)).Sum().Backward();
        NN.Check.Close([0, 4, 6, 5, 6, 16, 18, 11, 12, 28, 30, 17, 18, 40, 42, 23, 24, 52, 54, 29, 30, 64, 66, 35], z.Grad!, 0);
        Assert.Equal(new[] { 12, 4, 1, 12 }, z.Unfold(0, 1, 1).Stride.ToArray());
        var g = Tensor.FromArray(new[] { 0.1, -0.7, 1.3, 2.2, -1.1, 0.4 }, [2, 3], requiresGrad: true);
        Assert.True(Autograd.GradCheck(t => t[0].Unfold(1, 2, 1), [g]));
    }

    [Fact]
    public void FillDiagonalMatchesPyTorch()
    {
        Check.Values(new[] { 5f, 0, 0, 0, 0, 5, 0, 0, 0, 0, 5, 0 }, Tensor.Zeros([3, 4]).FillDiagonal_(5), 3, 4);
        Check.Values(new[] { 5f, 0, 0, 0, 5, 0, 0, 0, 5, 0, 0, 0, 5, 0, 0, 0, 5, 0, 0, 0, 5 }, Tensor.Zeros([7, 3]).FillDiagonal_(5, wrap: true), 7, 3);
        Check.Values(new[] { 5f, 0, 0, 0, 5, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, Tensor.Zeros([7, 3]).FillDiagonal_(5), 7, 3);
        Check.Values(new[] { 5f, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0, 0, 5, 0, 0 }, Tensor.Zeros([3, 5]).FillDiagonal_(5, wrap: true), 3, 5);
        Check.Values(new[] { 1f, 0, 0, 0, 0, 0, 0, 1 }, Tensor.Zeros([2, 2, 2]).FillDiagonal_(1), 2, 2, 2);
        Check.Throws<ArgumentException>("all dimensions of input must be of equal length", () => Tensor.Zeros([2, 3, 2]).FillDiagonal_(1));
        Check.Throws<ArgumentException>("dimensions must larger than 1", () => Tensor.Ones([2], requiresGrad: true).FillDiagonal_(1));
        Check.Throws<InvalidOperationException>("a view of a leaf Variable that requires grad is being used in an in-place operation.", () => Tensor.Ones([2, 2], requiresGrad: true).FillDiagonal_(1));
        var w = Tensor.Ones([3, 3], DType.Float64, requiresGrad: true);
        var v = w * 2;
        v.FillDiagonal_(0);
        Assert.Equal("CopySlices", v.GradFn!.Name);
        (v * Tensor.Arange(0, 9, 1, DType.Float64).Reshape(3, 3)).Sum().Backward();
        NN.Check.Close([0, 2, 4, 6, 0, 10, 12, 14, 0], w.Grad!, 0);
    }

    [Fact]
    public void ShapeConveniences()
    {
        var x = Tensor.Arange(0, 12, 1, DType.Float64).Reshape(3, 4).RequiresGrad_();
        var s = x.SumToSize(1, 4);
        Assert.Equal("SumBackward1", s.GradFn!.Name);
        NN.Check.Close([12, 15, 18, 21], s, 0);
        var s4 = x.SumToSize(4);
        Check.Shape(s4, 4);
        Assert.Equal("ViewBackward0", s4.GradFn!.Name);
        Check.Throws<ArgumentException>("size {[2, 4]} is not expandable to size {[3, 4]}.", () => x.SumToSize(2, 4));
        var b = Tensor.FromArray(new[] { 1f, 2f }, requiresGrad: true).BroadcastTo(3, 2);
        Assert.Equal("ExpandBackward0", b.GradFn!.Name);
        Assert.Equal(new[] { 0, 1 }, b.Stride.ToArray());
        Check.Shape(x.ReshapeAs(Tensor.Ones([4, 3])), 4, 3);
        var parts = x.SplitWithSizes([1, 3], 1);
        Assert.Equal("SplitWithSizesBackward0", parts[1].GradFn!.Name);
        Check.Shape(parts[1], 3, 3);
        var t = x.MT;
        Assert.Equal("TransposeBackward0", t.GradFn!.Name);
        Assert.Equal(new[] { 1, 4 }, t.Stride.ToArray());
        Check.Shape(x.MH, 4, 3);
        Check.Shape(x.H, 4, 3);
        Check.Shape(x.Adjoint(), 4, 3);
        Check.Throws<ArgumentException>("tensor.mT is only supported on matrices or batches of matrices. Got 1-D tensor.", () => Tensor.Ones([3]).MT.Dispose());
        Check.Throws<ArgumentException>("tensor.H is only supported on matrices (2-D tensors). Got 3-D tensor. For batches of matrices, consider using tensor.mH", () => Tensor.Ones([2, 2, 2]).H.Dispose());
        Check.Throws<ArgumentException>("tensor.H is only supported on matrices (2-D tensors). Got 1-D tensor.", () => Tensor.Ones([3]).H.Dispose());
    }

    [Fact]
    public void FactoriesAndFacts()
    {
        var i = Tensor.FromArray(new[] { 1, 2 });
        var z = i.NewZeros(2, 3);
        Assert.Equal(DType.Int32, z.DType);
        Check.Shape(z, 2, 3);
        Check.Values(new[] { 7, 7 }, i.NewFull([2], 7.9), 2);
        Check.Values(new[] { 1, 2 }, i.NewTensor([1.7, 2.2]), 2);
        var x = Tensor.Ones([3, 4], DType.Float64, requiresGrad: true);
        var ones = x.NewOnes(2);
        Assert.Equal(DType.Float64, ones.DType);
        Assert.False(ones.RequiresGrad);
        Assert.Equal(4, i.ElementSize());
        Assert.Equal(8, x.Itemsize);
        Assert.Equal(1, Tensor.FromArray(new[] { true }).ElementSize());
        Assert.Equal(96, x.Nbytes);
        Assert.True(i.IsSigned());
        Assert.False(Tensor.FromArray(new[] { true }).IsSigned());
        Assert.True(x.IsFloatingPoint());
        Assert.False(i.IsFloatingPoint());
        Assert.False(x.IsComplex());
        Assert.True(x.IsSameSize(Tensor.Ones([3, 4])));
        Assert.False(Tensor.FromArray(new[] { 0f }).IsNonzero());
        Assert.True(Tensor.Scalar(2).IsNonzero());
        Check.Throws<InvalidOperationException>("Boolean value of Tensor with more than one value is ambiguous", () => Tensor.FromArray(new[] { 1f, 2f }).IsNonzero());
        Check.Throws<InvalidOperationException>("Boolean value of Tensor with no values is ambiguous", () => Tensor.Zeros([0]).IsNonzero());
        Assert.Same(x, x.Conj());
        Assert.Same(x, x.Real);
        Assert.False(x.IsConj());
        Check.Throws<InvalidOperationException>("imag is not implemented for tensors with non-complex dtypes.", () => x.Imag.Dispose());
    }

    [Fact]
    public void AsStridedRecordsAndSumsOverlaps()
    {
        var x = Tensor.Arange(0, 4, 1, DType.Float64).RequiresGrad_();
        var y = x.AsStrided([3, 2], [1, 1]);
        Assert.Equal("AsStridedBackward0", y.GradFn!.Name);
        NN.Check.Close([0, 1, 1, 2, 2, 3], y, 0);
        (y * Tensor.Arange(0, 6, 1, DType.Float64).Reshape(3, 2)).Sum().Backward();
        NN.Check.Close([0, 3, 7, 5], x.Grad!, 0);
        // the storage offset is absolute, also for a view that starts later in the storage
        var b = Tensor.Arange(0, 6, 1, DType.Float64).RequiresGrad_() * 1.0;
        NN.Check.Close([2, 3, 4, 5], b.Slice(0, 1, 6).AsStrided([2, 2], [2, 1], 2), 0);
        var g = Tensor.FromArray(new[] { 0.3, -1.1, 2.4, 0.9 }, requiresGrad: true);
        Assert.True(Autograd.GradCheck(t => t[0].AsStrided([3, 2], [1, 1]), [g]));
    }
}
