using Sharpgrad.NN;
using Sharpgrad.Optim;

namespace Sharpgrad.Tests.NN;

/// <summary>nn.LazyLinear: sized by its first input or a checkpoint, then a Linear as PyTorch's turns into one.</summary>
public class LazyLinearTests
{
    [Fact]
    public void FirstForwardSizesTheParameters()
    {
        var m = new LazyLinear(3);
        Assert.Equal("LazyLinear(in_features=0, out_features=3, bias=True)", m.ToString());
        Assert.True(m.HasUninitializedParams);
        var weight = m.Weight;
        var opt = new SGD(m.Parameters(), lr: 0.1);
        var y = m.Call(Tensor.Ones([2, 5]));
        Assert.Equal("AddmmBackward0", y.GradFn!.Name);
        Core.Check.Shape(y, 2, 3);
        Assert.Equal("Linear(in_features=5, out_features=3, bias=True)", m.ToString());
        Assert.False(m.HasUninitializedParams);
        Assert.Same(weight, m.Weight);
        Core.Check.Shape(m.Weight, 3, 5);
        Core.Check.Shape(m.Bias!, 3);
        Assert.InRange(m.Weight.Abs().Max().Item(), 0, 1 / Math.Sqrt(5));
        var before = m.Weight.ToArray<float>();
        y.Sum().Backward();
        Check.Close(Tensor.Full([3, 5], 2.0), m.Weight.Grad!, 0);
        opt.Step();
        var after = m.Weight.ToArray<float>();
        for (int i = 0; i < before.Length; i++) Assert.Equal(before[i] - 0.2f, after[i], 6);
        Assert.Equal("LazyLinear(in_features=0, out_features=2, bias=False)", new LazyLinear(2, bias: false).ToString());
    }

    [Fact]
    public void LoadingACheckpointSizesTheParameters()
    {
        var source = new Linear(4, 2);
        var m = new LazyLinear(2);
        m.LoadStateDict(source.StateDict());
        Assert.Equal("Linear(in_features=4, out_features=2, bias=True)", m.ToString());
        Assert.Equal(source.Weight.ToArray<float>(), m.Weight.ToArray<float>());
        var x = Tensor.Randn([3, 4]);
        Check.Close(source.Call(x), m.Call(x), 0);
    }
}
