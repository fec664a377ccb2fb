namespace Sharpgrad.Tests.Core;

/// <summary>cauchy_, log_normal_, geometric_ and random_: PyTorch 2.6's nodes and messages; values checked by their laws.</summary>
public class DistributionFillTests
{
    [Fact]
    public void EachSamplerIsRecordedWithAZeroGradient()
    {
        var x = Tensor.Zeros([3], requiresGrad: true);
        var cases = new (Func<Tensor, Tensor> Fill, string Node)[]
        {
            (t => t.Cauchy_(), "CauchyBackward0"), (t => t.LogNormal_(), "LogNormalBackward0"), (t => t.Geometric_(0.5), "GeometricBackward0"),
            (t => t.Random_(), "RandomBackward2"), (t => t.Random_(5), "RandomBackward1"), (t => t.Random_(2, 5), "RandomBackward0"),
        };
        foreach (var (fill, node) in cases)
        {
            var y = x.Clone();
            Assert.Same(y, fill(y));
            Assert.Equal(node, y.GradFn!.Name);
            Assert.Equal(1, y.Version);
            y.Sum().Backward();
            NN.Check.Close([0, 0, 0], x.Grad!, 0);
            x.Grad = null;
        }
    }

    [Fact]
    public void BadArgumentsAreRefusedAndChangeNothing()
    {
        var t = Tensor.Zeros([2]);
        Check.Throws<ArgumentException>("cauchy_ expects sigma > 0.0, but found sigma=-1", () => t.Cauchy_(0, -1));
        Check.Throws<ArgumentException>("log_normal_ expects std > 0.0, but found std=0", () => t.LogNormal_(1, 0));
        Check.Throws<ArgumentException>("geometric_ expects p to be in (0, 1), but got p=1.5", () => t.Geometric_(1.5));
        Check.Throws<ArgumentException>("geometric_ expects p to be in (0, 1), but got p=0", () => t.Geometric_(0));
        Check.Throws<ArgumentException>("random_ expects 'from' to be less than 'to', but got from=5 >= to=2", () => t.Random_(5, 2));
        var longs = Tensor.Zeros([2], DType.Int64);
        Check.Throws<ArgumentException>("Cauchy distribution is a continuous probability distribution. dtype must be a floating point but you specified long int", () => longs.Cauchy_());
        Check.Throws<ArgumentException>("\"log_normal_cpu\" not implemented for 'Long'", () => longs.LogNormal_());
        Assert.Equal(0, t.Version);
        NN.Check.Close([0, 0], t, 0);
    }

    [Fact]
    public void SamplesFollowTheirLaws()
    {
        Tensor.ManualSeed(1);
        const int n = 20000;
        var cauchy = Tensor.Zeros([n], DType.Float64).Cauchy_(2, 0.5).ToArray<double>();
        Array.Sort(cauchy);
        Assert.InRange(cauchy[n / 2], 1.97, 2.03);
        // half of a Cauchy's mass lies within one scale of the median
        double within = cauchy.Count(v => Math.Abs(v - 2) <= 0.5) / (double)n;
        Assert.InRange(within, 0.48, 0.52);

        var logs = Tensor.Zeros([n], DType.Float64).LogNormal_(1, 0.5).Log();
        Assert.InRange(logs.Mean().Item(), 0.98, 1.02);
        Assert.InRange(logs.Std().Item(), 0.49, 0.51);

        var geometric = Tensor.Zeros([n], DType.Int64).Geometric_(0.25);
        Assert.Equal(DType.Int64, geometric.DType);
        Assert.Equal(1, geometric.Min().Item<long>());
        Assert.InRange(geometric.To(DType.Float64).Mean().Item(), 3.9, 4.1);
        var g = Tensor.Zeros([n]).Geometric_(0.5).ToArray<float>();
        Assert.All(g, v => Assert.Equal(Math.Floor(v), v));
        Assert.InRange(g.Count(v => v == 1) / (double)n, 0.48, 0.52);
    }

    [Fact]
    public void RandomCoversTheRequestedIntegers()
    {
        Tensor.ManualSeed(2);
        Assert.Equal([0f, 1f, 2f], Tensor.Zeros([1000]).Random_(3).Unique().Values.ToArray<float>());
        Assert.Equal([2L, 3L, 4L], Tensor.Zeros([1000], DType.Int64).Random_(2, 5).Unique().Values.ToArray<long>());
        var floats = Tensor.Zeros([10000]).Random_();
        Assert.InRange(floats.Max().Item<float>(), 1 << 23, 1 << 24);
        Assert.True(floats.Min().Item<float>() >= 0);
        Assert.True(Tensor.Zeros([1000], DType.Float64).Random_().Max().Item() > Math.Pow(2, 40));
        Assert.True(Tensor.Zeros([1000], DType.Int64).Random_().Max().Item<long>() > 1L << 40);
        var ints = Tensor.Zeros([1000], DType.Int32).Random_();
        Assert.True(ints.Max().Item<int>() > 1 << 20);
        Assert.True(ints.Min().Item<int>() >= 0);
        Assert.Equal([false, true], Tensor.Zeros([100], DType.Bool).Random_().Unique().Values.ToArray<bool>());
        Assert.Equal(DType.UInt8, Tensor.Zeros([10], DType.UInt8).Random_().DType);
        var int8 = Tensor.Zeros([2000], DType.Int8).Random_();
        Assert.InRange(int8.Max().Item<sbyte>(), 100, 127);
        Assert.True(int8.Min().Item<sbyte>() >= 0);
    }
}
