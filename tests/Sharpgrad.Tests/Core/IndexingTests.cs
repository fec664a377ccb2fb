using CsCheck;
using static Sharpgrad.TensorIndex;

namespace Sharpgrad.Tests.Core;

/// <summary>Python-style <c>t[...]</c> and <c>t[...] = v</c>: shapes, values, nodes and messages as PyTorch 2.6 gives them.</summary>
public class IndexingTests
{
    private static Tensor X() => Tensor.Arange(0.0, 24.0).Reshape(2, 3, 4).RequiresGrad_();

    private static Tensor L(params long[] v) => Tensor.FromArray(v);

    private static void Case(Tensor y, int[] shape, string? node, double[] first)
    {
        Assert.Equal(shape, y.Shape);
        Assert.Equal(node, y.GradFn?.Name);
        var flat = y.To(DType.Float64).Contiguous().ToArray<double>();
        Assert.Equal(first, flat.Take(first.Length).ToArray());
    }

    [Fact]
    public void BasicEntriesGiveViews()
    {
        var x = X();
        Case(x[..], [2, 3, 4], "SliceBackward0", [0, 1, 2, 3, 4, 5]);
        Case(x[Ellipsis], [2, 3, 4], "AliasBackward0", [0, 1, 2, 3, 4, 5]);
        Case(x[Ellipsis, Ellipsis], [2, 3, 4], "AliasBackward0", [0, 1, 2, 3, 4, 5]);
        Case(x[0], [3, 4], "SelectBackward0", [0, 1, 2, 3, 4, 5]);
        Case(x[-1], [3, 4], "SelectBackward0", [12, 13, 14, 15, 16, 17]);
        Case(x[None], [1, 2, 3, 4], "UnsqueezeBackward0", [0, 1, 2, 3, 4, 5]);
        Case(x[1, .., None, 2], [3, 1], "SelectBackward0", [14, 18, 22]);
        Case(x[.., Slice(step: 2)], [2, 2, 4], "SliceBackward0", [0, 1, 2, 3, 8, 9]);
        Case(x[Slice(1, 100)], [1, 3, 4], "SliceBackward0", [12, 13, 14, 15, 16, 17]);
        Case(x[Slice(-100, 1)], [1, 3, 4], "SliceBackward0", [0, 1, 2, 3, 4, 5]);
        Case(x[^1..], [1, 3, 4], "SliceBackward0", [12, 13, 14, 15]);
        Case(x[Tensor.Scalar(1, DType.Int64)], [3, 4], "SelectBackward0", [12, 13, 14, 15, 16, 17]);
        // A view: writing through it reaches x's storage.
        var y = Tensor.Zeros([3, 4]);
        using (Autograd.NoGrad()) y[1, 1..3].Fill_(7);
        Assert.Equal([0.0f, 0, 0, 0, 0, 7, 7, 0, 0, 0, 0, 0], y.ToArray<float>());
    }

    [Fact]
    public void TensorEntriesIndexAsNumPyDoes()
    {
        var x = X();
        Case(x[L(1, 0, 1)], [3, 3, 4], "IndexBackward0", [12, 13, 14, 15, 16, 17]);
        // adjacent index dims keep their place; separated ones go first
        Case(x[.., L(0, 2), L(1, 3)], [2, 2], "IndexBackward0", [1, 11, 13, 23]);
        Case(x[L(0, 1), .., L(1, 3)], [2, 3], "IndexBackward0", [1, 5, 9, 15, 19, 23]);
        Case(x[Ellipsis, Tensor.FromArray(new long[] { 0, 3, 1, 2 }, [2, 2])], [2, 3, 2, 2], "IndexBackward0", [0, 3, 1, 2, 4, 7]);
        Case(x[1, L(2, 0), 1..3], [2, 2], "IndexBackward0", [21, 22, 13, 14]);
        Case(x[L(0, 1), None, L(1, 2)], [2, 1, 4], "IndexBackward0", [4, 5, 6, 7, 20, 21]);
        Case(x[x.Gt(20.0)], [3], "IndexBackward0", [21, 22, 23]);
        Case(x[Tensor.FromArray(new[] { true, false, true, false, true, false }, [2, 3])], [3, 4], "IndexBackward0", [0, 1, 2, 3, 8, 9]);
        Case(x[true], [1, 2, 3, 4], "IndexBackward0", [0, 1, 2, 3, 4, 5]);
        // arrays index as Python lists do
        Case(x[new long[] { 1, 0, 1 }], [3, 3, 4], "IndexBackward0", [12, 13, 14, 15, 16, 17]);
        Case(x[.., new[] { 0, 2 }, new[] { 1, 3 }], [2, 2], "IndexBackward0", [1, 11, 13, 23]);
        Case(x[new[] { false, true }], [1, 3, 4], "IndexBackward0", [12, 13, 14, 15]);
        Case(x[false], [0, 2, 3, 4], "IndexBackward0", []);
    }

    [Fact]
    public void AdvancedIndexGradientsSumOverRepeats()
    {
        var x = X();
        var g = x[.., L(2, 0, 2)];
        Assert.Equal("IndexBackward0", g.GradFn!.Name);
        (g * Tensor.Arange(0.0, 3.0).Reshape(1, 3, 1)).Sum().Backward();
        // column 0 got weight 1, column 2 got 0 + 2
        Assert.Equal([1.0f, 1, 1, 1, 0, 0, 0, 0, 2, 2, 2, 2], x.Grad![0].ToArray<float>());
        Assert.True(Autograd.GradCheck(t => t[0][L(1, 0, 1), .., L(3, 0, 3)], [Tensor.Randn([2, 3, 4], DType.Float64).RequiresGrad_()]));
        Assert.True(Autograd.GradCheck(t => t[0][.., L(2, 2), 1..], [Tensor.Randn([2, 3, 4], DType.Float64).RequiresGrad_()]));
    }

    [Fact]
    public void AssignmentWritesInPlaceAsPyTorch()
    {
        var y = Tensor.Zeros([3, 4], requiresGrad: true).Clone();
        y[1] = Tensor.Scalar(5.0);
        Assert.Equal("CopySlices", y.GradFn!.Name);
        y[.., L(0, 2)] = Tensor.FromArray(new[] { 7f, 8f });
        Assert.Equal("CopySlices", y.GradFn!.Name);
        Assert.Equal([7f, 0, 8, 0, 7, 5, 8, 5, 7, 0, 8, 0], y.ToArray<float>());
        y.IndexPut_([y.Gt(6.0)], -1.0);
        Assert.Equal("IndexPutBackward0", y.GradFn!.Name);
        Assert.Equal([-1f, 0, -1, 0, -1, 5, -1, 5, -1, 0, -1, 0], y.ToArray<float>());

        var z = Tensor.Zeros([2, 3, 4]);
        z[L(0, 1), .., L(1, 3)] = Tensor.Arange(0.0, 6.0).Reshape(2, 3);
        Assert.Equal([[0, 1, 1], [0, 2, 1], [1, 0, 3], [1, 1, 3], [1, 2, 3]],
            z.Nonzero().ToArray<long>().Chunk(3).Select(r => r.ToArray()).ToArray());
        Assert.Equal([1f, 2, 3, 4, 5], z[z.Ne(0.0)].ToArray<float>());
        z[Ellipsis] = Tensor.Scalar(2f);
        Assert.All(z.ToArray<float>(), v => Assert.Equal(2f, v));

        var w = Tensor.Randn([3, 4], requiresGrad: true);
        Assert.Equal("a view of a leaf Variable that requires grad is being used in an in-place operation.",
            Assert.Throws<InvalidOperationException>(() => w[0] = Tensor.Scalar(1f)).Message);
        Assert.Contains("The expanded size of the tensor (4) must match the existing size (2) at non-singleton dimension 1.",
            Assert.ThrowsAny<Exception>(() => Tensor.Zeros([2, 3, 4])[0] = Tensor.Ones([2, 2])).Message);
    }

    [Fact]
    public void AssignmentGradientsFlowToTheValue()
    {
        var v = Tensor.FromArray(new[] { 1.0, 2.0 }).RequiresGrad_();
        var y = Tensor.Ones([2, 3, 4], DType.Float64).RequiresGrad_().Clone();
        y[.., L(0, 2)] = v.View(1, 2, 1) * 3.0;
        (y * y).Sum().Backward();
        // each v[j] lands on 8 elements as 3 v[j]: d/dv sum (3 v)^2 = 8 * 18 v
        Assert.Equal([144.0, 288.0], v.Grad!.ToArray<double>());
    }

    [Fact]
    public void EllipsisThenTensorWritesWithIndexPutItself()
    {
        // No view is taken: index_put_ with a leading None runs on y itself (IndexPutBackward0, not CopySlices).
        var b = Tensor.Ones([2, 3, 4], DType.Float64).RequiresGrad_();
        var v = Tensor.FromArray(new[] { 1.0, 2, 3, 4, 5, 6 }, [3, 2]).RequiresGrad_();
        var y = b * Tensor.Arange(0.0, 24.0, dtype: DType.Float64).Reshape(2, 3, 4);
        y[Ellipsis, L(1, 3)] = v * 2.0;
        Assert.Equal("IndexPutBackward0", y.GradFn!.Name);
        (y * y).Sum().Backward();
        Assert.Equal([16.0, 32, 48, 64, 80, 96], v.Grad!.ToArray<double>());
        Assert.Equal([288.0, 0, 392, 0, 512, 0, 648, 0, 800, 0, 968, 0], b.Grad![1].ToArray<double>());

        var y2 = Tensor.Ones([2, 3, 4], DType.Float64);
        y2[L(1, 0), .., L(2, 2)] = Tensor.FromArray(new[] { 9.0, 8, 7, 6, 5, 4 }, [2, 3]);
        Assert.Equal([6.0, 5, 4], y2[0, .., 2].ToArray<double>());
        Assert.Equal([9.0, 8, 7], y2[1, .., 2].ToArray<double>());
    }

    [Fact]
    public void BadIndicesThrowPyTorchsErrors()
    {
        var x = X();
        Assert.Equal("index 5 is out of bounds for dimension 0 with size 2", Message<ArgumentOutOfRangeException>(() => x[5]));
        Assert.Equal("index 5 is out of bounds for dimension 1 with size 3", Message<ArgumentOutOfRangeException>(() => x[0, 5]));
        // the dimension named is the entry's position in the index
        Assert.Equal("index 5 is out of bounds for dimension 2 with size 3", Message<ArgumentOutOfRangeException>(() => x[None, 0, 5]));
        Assert.Equal("index 9 is out of bounds for dimension 1 with size 4", Message<ArgumentOutOfRangeException>(() => x[Ellipsis, 9]));
        Assert.Equal("index 7 is out of bounds for dimension 1 with size 3", Message<ArgumentOutOfRangeException>(() => x[L(0), 7]));
        Assert.Equal("too many indices for tensor of dimension 3", Message<ArgumentOutOfRangeException>(() => x[0, 0, 0, 0]));
        Assert.Equal("tensors used as indices must be long, int, byte or bool tensors", Message<ArgumentOutOfRangeException>(() => x[Tensor.Zeros([1])]));
        Assert.Equal("index 3 is out of bounds for dimension 0 with size 2", Message<ArgumentOutOfRangeException>(() => x[L(3)]));
        Assert.Equal("shape mismatch: indexing tensors could not be broadcast together with shapes [2], [3]",
            Message<ArgumentOutOfRangeException>(() => x[L(0, 1), L(0, 1, 2)]));
        Assert.Equal("The shape of the mask [3] at index 0 does not match the shape of the indexed tensor [2, 3, 4] at index 0",
            Message<ArgumentOutOfRangeException>(() => x[Tensor.FromArray(new[] { true, false, true })]));
        Assert.Equal("slice step cannot be zero", Message<ArgumentException>(() => x[Slice(step: 0)]));
        Assert.Equal("step must be greater than zero", Message<ArgumentException>(() => x[Slice(step: -1)]));
    }

    [Fact]
    public void AdvancedIndexMatchesANaiveGather()
    {
        // Random shapes, index positions (adjacent or not) and a None: every element of t[..] is the element of x that
        // the index names, read off the per-dim coordinates.
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var rng = new Random(seed);
            int[] shape = [rng.Next(1, 4), rng.Next(1, 4), rng.Next(1, 4)];
            var x = Tensor.Arange(0.0, shape[0] * shape[1] * shape[2]).Reshape(shape);
            var entries = new TensorIndex[3];
            var picks = new long[3][];
            int n = rng.Next(1, 4);
            for (int d = 0; d < 3; d++)
            {
                if (rng.Next(2) == 0) { entries[d] = ..; continue; }
                picks[d] = Enumerable.Range(0, n).Select(_ => (long)rng.Next(-shape[d], shape[d])).ToArray();
                entries[d] = Tensor.FromArray(picks[d]);
            }
            if (picks.All(p => p is null)) return;
            var y = x[entries];
            var dims = Enumerable.Range(0, 3).Where(d => picks[d] is not null).ToArray();
            bool adjacent = dims[^1] - dims[0] + 1 == dims.Length;
            var free = Enumerable.Range(0, 3).Where(d => picks[d] is null).ToArray();
            var expectedShape = adjacent
                ? free.Where(d => d < dims[0]).Select(d => shape[d]).Append(n).Concat(free.Where(d => d > dims[0]).Select(d => shape[d])).ToArray()
                : free.Select(d => shape[d]).Prepend(n).ToArray();
            Assert.Equal(expectedShape, y.Shape);
            var got = y.ToArray<double>();
            int k = 0;
            // walk y's elements in order, recovering each coordinate of x
            var yShape = expectedShape;
            var coord = new int[yShape.Length];
            for (int e = 0; e < got.Length; e++, k++)
            {
                int indexPos = adjacent ? free.Count(d => d < dims[0]) : 0;
                int j = coord[indexPos];
                var xc = new long[3];
                int f = 0;
                for (int yd = 0; yd < yShape.Length; yd++)
                {
                    if (yd == indexPos) continue;
                    xc[free[f++]] = coord[yd];
                }
                foreach (int d in dims) xc[d] = (picks[d][j] + shape[d]) % shape[d];
                Assert.Equal((double)((xc[0] * shape[1] + xc[1]) * shape[2] + xc[2]), got[e]);
                for (int yd = yShape.Length - 1; yd >= 0 && ++coord[yd] == yShape[yd]; yd--) coord[yd] = 0;
            }
        }, iter: 200, threads: 1);
    }

    private static string Message<TException>(Func<Tensor> f) where TException : Exception =>
        Assert.Throws<TException>(() => f()).Message.Split(" (Parameter")[0];

    private static string Message<TException>(Action f) where TException : Exception =>
        Assert.Throws<TException>(f).Message.Split(" (Parameter")[0];
}
