namespace Sharpgrad.Tests.Core;

/// <summary>torch.normal with tensors, poisson, binomial, randint_like, rsub, chain_matmul, trapz and type(): PyTorch's nodes, checks and the samplers' moments.</summary>
public class DistributionTests
{
    [Fact]
    public void NormalWithTensorParameters()
    {
        var m = Tensor.FromArray(new[] { 1f, 2f }, requiresGrad: true);
        var s = Tensor.FromArray(new[] { 0.5f, 1f }, requiresGrad: true);
        var y = Tensor.Normal(m, s);
        Assert.Equal("NormalBackward3", y.GradFn!.Name);
        y.Sum().Backward();
        NN.Check.Close([0, 0], m.Grad!, 0);
        NN.Check.Close([0, 0], s.Grad!, 0);
        Assert.Equal("NormalBackward1", Tensor.Normal(m, 1.0).GradFn!.Name);
        Assert.Equal("NormalBackward2", Tensor.Normal(0.0, s).GradFn!.Name);
        Check.Shape(Tensor.Normal(Tensor.Zeros([2, 1]), Tensor.Ones([3])), 2, 3);
        Check.Throws<ArgumentException>("normal expects all elements of std >= 0.0", () => Tensor.Normal(m, Tensor.FromArray(new[] { -1f, 1f })));
        var many = Tensor.Normal(Tensor.Full([40000], 3.0, DType.Float64), Tensor.Full([40000], 2.0, DType.Float64));
        Assert.InRange(many.Mean().Item(), 2.95, 3.05);
        Assert.InRange(many.Std().Item(), 1.95, 2.05);
        Check.Shape(Tensor.Normal(0, 1, [2, 3]), 2, 3);
    }

    [Fact]
    public void PoissonAndBinomialMoments()
    {
        foreach (double lambda in new[] { 0.7, 3.0, 50.0 })
        {
            var draws = Tensor.Poisson(Tensor.Full([40000], lambda, DType.Float64));
            Assert.Equal(draws.ToArray<double>(), draws.Floor().ToArray<double>());
            Assert.InRange(draws.Mean().Item(), lambda * 0.97, lambda * 1.03);
            Assert.InRange(draws.Var().Item(), lambda * 0.93, lambda * 1.07);
        }
        Check.Values(new[] { 0.0, 0.0 }, Tensor.Poisson(Tensor.Zeros([2], DType.Float64)), 2);
        var rates = Tensor.FromArray(new[] { 1f, 2f }, requiresGrad: true);
        var p = Tensor.Poisson(rates);
        Assert.Equal("PoissonBackward0", p.GradFn!.Name);
        p.Sum().Backward();
        NN.Check.Close([0, 0], rates.Grad!, 0);
        Check.Throws<ArgumentException>("invalid Poisson rate, expected rate to be non-negative", () => Tensor.Poisson(Tensor.FromArray(new[] { -1f })));
        Check.Throws<ArgumentException>("\"poisson_cpu\" not implemented for 'Long'", () => Tensor.Poisson(Tensor.FromArray(new long[] { 1 })));
        var b = Tensor.Binomial(Tensor.Full([40000], 20.0, DType.Float64), Tensor.Full([40000], 0.3, DType.Float64));
        Assert.InRange(b.Mean().Item(), 6 * 0.97, 6 * 1.03);
        Assert.InRange(b.Var().Item(), 4.2 * 0.93, 4.2 * 1.07);
        Assert.InRange(b.Max().Item(), 0, 20);
        Check.Values(new[] { 10f, 0f }, Tensor.Binomial(Tensor.FromArray(new[] { 10f, 5f }), Tensor.FromArray(new[] { 1f, 0f })), 2);
        var counts = Tensor.FromArray(new[] { 10f, 5f }, requiresGrad: true);
        Assert.Equal("torch::autograd::NotImplemented", Tensor.Binomial(counts, Tensor.FromArray(new[] { 0.5f, 0.2f })).GradFn!.Name);
    }

    [Fact]
    public void SmallFreeFunctions()
    {
        var like = Tensor.RandIntLike(Tensor.Zeros([2, 3]), 5);
        Assert.Equal(DType.Float32, like.DType);
        Assert.InRange(like.Max().Item(), 0, 4);
        var likeInt = Tensor.RandIntLike(Tensor.Zeros([200], DType.Int32), 2, 5);
        Assert.Equal(DType.Int32, likeInt.DType);
        Assert.InRange(likeInt.Min().Item(), 2, 4);
        var a = Tensor.FromArray(new[] { 1f, 2f }, requiresGrad: true);
        var r = Tensor.Rsub(a, Tensor.FromArray(new[] { 3f, 4f }), alpha: 2);
        Assert.Equal("RsubBackward0", r.GradFn!.Name);
        NN.Check.Close([1, 0], r, 0);
        r.Sum().Backward();
        NN.Check.Close([-2, -2], a.Grad!, 0);
        // PyTorch's edges are (self, other): torch.rsub(x, y).grad_fn.next_functions[0] is x's AccumulateGrad
        var o = Tensor.FromArray(new[] { 3f, 4f }, requiresGrad: true);
        var ro = Tensor.Rsub(a, o, alpha: 3);
        var next = ro.GradFn!.NextFunctions;
        Assert.Same(a, Assert.IsType<AccumulateGrad>(next[0].Node).Variable);
        Assert.Same(o, Assert.IsType<AccumulateGrad>(next[1].Node).Variable);
        var gs = Autograd.Grad([ro.Sum()], [a, o]);
        NN.Check.Close([-3, -3], gs[0]!, 0);
        NN.Check.Close([1, 1], gs[1]!, 0);
        var ra = Tensor.Rsub(a, Tensor.FromArray(new[] { 3f, 4f }));
        Assert.Same(a, Assert.IsType<AccumulateGrad>(ra.GradFn!.NextFunctions[0].Node).Variable);
        Assert.Null(ra.GradFn.NextFunctions[1].Node);
        var r1 = Tensor.Rsub(a, 5);
        Assert.Equal("RsubBackward1", r1.GradFn!.Name);
        NN.Check.Close([4, 3], r1, 0);
        NN.Check.Close([12, 12, 12, 12], Tensor.ChainMatmul(Tensor.Ones([2, 3]), Tensor.Ones([3, 4]), Tensor.Ones([4, 2])), 0);
        Assert.Equal(4f, Tensor.FromArray(new[] { 1f, 2f, 3f }).Trapz().Item<float>());
        Assert.Equal("torch.FloatTensor", Tensor.Ones([1]).Type());
        Assert.Equal("torch.DoubleTensor", Tensor.Ones([1], DType.Float64).Type());
        Assert.Equal("torch.IntTensor", Tensor.Ones([1], DType.Int32).Type());
        Assert.Equal(DType.Float64, Tensor.Ones([1]).Type(DType.Float64).DType);
    }
}
