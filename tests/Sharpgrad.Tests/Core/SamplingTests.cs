namespace Sharpgrad.Tests.Core;

/// <summary>bernoulli and multinomial: frequencies (seeded), shapes, recorded nodes and PyTorch 2.6's messages.</summary>
[Collection("Seed")]
public class SamplingTests
{
    [Fact]
    public void BernoulliDrawsEachProbability()
    {
        Tensor.ManualSeed(3);
        var p = Tensor.FromArray(new[] { 0.0f, 0.25f, 0.5f, 1.0f }).Reshape(4, 1).Expand(4, 20000).Contiguous();
        var draws = p.Bernoulli();
        Assert.Equal(DType.Float32, draws.DType);
        Assert.All(draws.ToArray<float>(), v => Assert.True(v is 0f or 1f));
        var freq = draws.Mean([1]).ToArray<float>();
        Assert.Equal(0f, freq[0]);
        Assert.Equal(0.25, freq[1], 0.015);
        Assert.Equal(0.5, freq[2], 0.015);
        Assert.Equal(1f, freq[3]);

        var half = Tensor.Zeros([20000], DType.Int64).Bernoulli_(0.3);
        Assert.Equal(DType.Int64, half.DType);
        Assert.Equal(0.3, half.To(DType.Float64).Mean().Item<double>(), 0.015);
        var fromTensor = Tensor.Zeros([2, 10000]).Bernoulli_(Tensor.FromArray(new[] { 0.1f, 0.9f }).Reshape(2, 1));
        var rows = fromTensor.Mean([1]).ToArray<float>();
        Assert.Equal(0.1, rows[0], 0.02);
        Assert.Equal(0.9, rows[1], 0.02);
        Assert.Equal(0.7, Tensor.Zeros([20000]).Bernoulli(0.7).Mean().Item<float>(), 0.015);
    }

    [Fact]
    public void BernoulliIsRecordedAsPyTorchRecordsIt()
    {
        var p = Tensor.FromArray(new[] { 0.2, 0.5, 0.9 }).RequiresGrad_();
        var y = p.Bernoulli();
        Assert.Equal("BernoulliBackward0", y.GradFn!.Name);
        y.Sum().Backward();
        Assert.Equal([0.0, 0, 0], p.Grad!.ToArray<double>());

        var q = p.Clone();
        Assert.Equal("BernoulliBackward2", q.Bernoulli_(0.3).GradFn!.Name);
        var r = p.Clone();
        var pr = Tensor.FromArray(new[] { 0.5, 0.5, 0.5 }).RequiresGrad_();
        Assert.Equal("BernoulliBackward1", r.Bernoulli_(pr).GradFn!.Name);
        r.Sum().Backward();
        Assert.Equal([0.0, 0, 0], pr.Grad!.ToArray<double>());

        var z = p.Bernoulli(0.3);
        Assert.Equal("torch::autograd::NotImplemented", z.GradFn!.Name);
        Assert.Equal("derivative for aten::bernoulli is not implemented", Assert.Throws<InvalidOperationException>(() => z.Sum().Backward()).Message);
    }

    [Fact]
    public void BernoulliRefusesWhatPyTorchRefuses()
    {
        Assert.StartsWith("Expected p_in >= 0 && p_in <= 1 to be true, but got false.",
            Assert.Throws<InvalidOperationException>(() => Tensor.FromArray(new[] { 1.5f }).Bernoulli()).Message);
        Assert.StartsWith("Expected p_in >= 0 && p_in <= 1 to be true, but got false.",
            Assert.Throws<InvalidOperationException>(() => Tensor.Zeros([2]).Bernoulli_(Tensor.FromArray(new[] { 0.5f, 1.5f }))).Message);
        Assert.Equal("bernoulli_ expects p to be in [0, 1], but got p=1.5", Assert.Throws<InvalidOperationException>(() => Tensor.Zeros([2]).Bernoulli_(1.5)).Message);
        Assert.Equal("\"bernoulli_tensor_cpu_p_\" not implemented for 'Long'", Assert.Throws<ArgumentException>(() => Tensor.FromArray(new[] { 1L, 0L }).Bernoulli()).Message);
    }

    [Fact]
    public void MultinomialSamplesInProportion()
    {
        Tensor.ManualSeed(5);
        var w = Tensor.FromArray(new[] { 1f, 0f, 3f, 6f });
        var draws = w.Multinomial(40000, replacement: true).ToArray<long>();
        Assert.DoesNotContain(1L, draws);
        Assert.Equal(0.1, draws.Count(d => d == 0) / 40000.0, 0.01);
        Assert.Equal(0.3, draws.Count(d => d == 2) / 40000.0, 0.01);
        Assert.Equal(0.6, draws.Count(d => d == 3) / 40000.0, 0.01);

        // without replacement: distinct per row, zero-weight categories only once the others are used up
        var rows = Tensor.FromArray(new[] { 0.1f, 0f, 0.9f, 1f, 1f, 1f }, [2, 3]);
        var picked = rows.Multinomial(3);
        Assert.Equal([2, 3], picked.Shape);
        var p = picked.ToArray<long>();
        Assert.Equal(1L, p[2]);
        Assert.Equal([0L, 1, 2], p.Take(3).Order());
        Assert.Equal([0L, 1, 2], p.Skip(3).Order());
        // the first of two draws without replacement follows the weights
        var first = Enumerable.Range(0, 4000).Count(_ => Tensor.Multinomial(Tensor.FromArray(new[] { 1f, 3f }), 2).ToArray<long>()[0] == 1);
        Assert.Equal(0.75, first / 4000.0, 0.03);
        Assert.Equal([1], w.Multinomial(1).Shape);
        Assert.Equal([0, 2], Tensor.Ones([0, 3]).Multinomial(2).Shape);
        Assert.Equal(DType.Int64, w.Multinomial(2).DType);
    }

    [Fact]
    public void MultinomialRefusesWhatPyTorchRefuses()
    {
        var w = Tensor.FromArray(new[] { 0.1f, 0f, 0.9f, 1f, 1f, 1f }, [2, 3]);
        Assert.Equal("cannot sample n_sample > prob_dist.size(-1) samples without replacement", Assert.Throws<InvalidOperationException>(() => w.Multinomial(4)).Message);
        Assert.Equal("cannot sample n_sample <= 0 samples", Assert.Throws<InvalidOperationException>(() => w.Multinomial(0)).Message);
        Assert.Equal("probability tensor contains either `inf`, `nan` or element < 0",
            Assert.Throws<InvalidOperationException>(() => Tensor.FromArray(new[] { 0.5f, -0.1f }).Multinomial(1)).Message);
        Assert.Equal("probability tensor contains either `inf`, `nan` or element < 0",
            Assert.Throws<InvalidOperationException>(() => Tensor.FromArray(new[] { 0.5f, float.NaN }).Multinomial(1, replacement: true)).Message);
        Assert.Equal("invalid multinomial distribution (sum of probabilities <= 0)",
            Assert.Throws<InvalidOperationException>(() => Tensor.FromArray(new[] { 0f, 0f }).Multinomial(1)).Message);
        Assert.Equal("prob_dist must be 1 or 2 dim", Assert.Throws<ArgumentException>(() => Tensor.Ones([2, 2, 2]).Multinomial(1)).Message);
        Assert.Equal("prob_dist must be 1 or 2 dim", Assert.Throws<ArgumentException>(() => Tensor.Scalar(1.0).Multinomial(1)).Message);
        Assert.Equal("multinomial only supports floating-point dtypes for input, got: Long",
            Assert.Throws<ArgumentException>(() => Tensor.FromArray(new[] { 1L, 2L }).Multinomial(1)).Message);
        Assert.Equal("cannot sample n_sample > prob_dist.size(-1) samples without replacement", Assert.Throws<InvalidOperationException>(() => Tensor.Ones([2, 0]).Multinomial(1)).Message);
    }
}
