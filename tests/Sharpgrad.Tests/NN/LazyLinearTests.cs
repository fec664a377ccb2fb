using Sharpgrad.NN;
using Sharpgrad.Optim;

namespace Sharpgrad.Tests.NN;

/// <summary>nn.LazyLinear: sized by its first input or a checkpoint, then a Linear as PyTorch's turns into one.</summary>
[Collection("Seed")]
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
        // PyTorch's _lazy_load_hook materializes each parameter from the checkpoint's shape; in_features stays 0 and the
        // module stays a LazyLinear until its first call, after which it prints as Linear(in_features=0, ...).
        var source = new Linear(4, 2);
        var m = new LazyLinear(2);
        m.LoadStateDict(source.StateDict());
        Assert.Equal("LazyLinear(in_features=0, out_features=2, bias=True)", m.ToString());
        Assert.False(m.HasUninitializedParams);
        Core.Check.Shape(m.Weight, 2, 4);
        Assert.Equal(source.Weight.ToArray<float>(), m.Weight.ToArray<float>());
        var x = Tensor.Randn([3, 4]);
        Check.Close(source.Call(x), m.Call(x), 0);
        Assert.Equal("Linear(in_features=0, out_features=2, bias=True)", m.ToString());
    }

    internal const string ShapeMessage = "Can't access the shape of an uninitialized parameter or buffer. This error usually happens in " +
        "`load_state_dict` when trying to load an uninitialized parameter into an initialized one. Call `forward` to initialize the " +
        "parameters before accessing their attributes.";

    [Fact]
    public void PlaceholdersHaveNoShapeUntilTheFirstForward()
    {
        var m = new LazyLinear(3);
        Assert.Equal(ShapeMessage, Assert.Throws<InvalidOperationException>(() => m.Weight.Shape).Message);
        Assert.Equal(ShapeMessage, Assert.Throws<InvalidOperationException>(() => m.Bias!.Shape).Message);
        Assert.True(m.Weight.RequiresGrad);
        Assert.Equal(["weight", "bias"], m.NamedParameters().Select(p => p.Name));
        // state_dict of an uninitialized module holds the placeholders themselves; loading them into a sized Linear fails
        // on their shape, into another LazyLinear changes nothing.
        var state = m.StateDict();
        Assert.Same(m.Weight, state["weight"]);
        Assert.Equal(ShapeMessage, Assert.Throws<InvalidOperationException>(() => new Linear(3, 3).LoadStateDict(state)).Message);
        var other = new LazyLinear(3);
        other.LoadStateDict(state);
        Assert.True(other.HasUninitializedParams);
        Assert.Equal("tuple index out of range",
            Assert.Throws<ArgumentOutOfRangeException>(() => m.Call(Tensor.Scalar(1.0))).Message.Split(" (Parameter")[0]);
        Assert.Equal("LazyLinear(in_features=0, out_features=3, bias=True)", m.ToString());
    }

    [Fact]
    public void DrawsAsLinearDoes()
    {
        Tensor.ManualSeed(11);
        var eager = new Linear(5, 3);
        Tensor.ManualSeed(11);
        var m = new LazyLinear(3);
        m.Call(Tensor.Ones([2, 5]));
        Assert.Equal(eager.Weight.ToArray<float>(), m.Weight.ToArray<float>());
        Assert.Equal(eager.Bias!.ToArray<float>(), m.Bias!.ToArray<float>());
    }

    [Fact]
    public void LazyModulesInAContainer()
    {
        var s = new Sequential(new LazyLinear(3), new LazyBatchNorm1d());
        Assert.Equal("Sequential(\n  (0): LazyLinear(in_features=0, out_features=3, bias=True)\n" +
            "  (1): LazyBatchNorm1d(0, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)\n)", s.ToString());
        Assert.Equal(["0.weight", "0.bias", "1.weight", "1.bias", "1.running_mean", "1.running_var", "1.num_batches_tracked"], s.StateDict().Keys);
        Assert.Equal(ShapeMessage,
            Assert.Throws<InvalidOperationException>(() => new Sequential(new Linear(2, 3)).LoadStateDict(new Sequential(new LazyLinear(3)).StateDict())).Message);
        var eager = new Sequential(new Linear(2, 3), new BatchNorm1d(3));
        s.LoadStateDict(eager.StateDict());
        Assert.Equal("Sequential(\n  (0): LazyLinear(in_features=0, out_features=3, bias=True)\n" +
            "  (1): LazyBatchNorm1d(0, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)\n)", s.ToString());
        var x = Tensor.Randn([4, 2]);
        Check.Close(eager.Call(x), s.Call(x), 0);
        Assert.Equal("Sequential(\n  (0): Linear(in_features=0, out_features=3, bias=True)\n" +
            "  (1): BatchNorm1d(0, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)\n)", s.ToString());
    }

    [Fact]
    public void PlaceholdersConvertWithTheModule()
    {
        var m = new LazyConv1d(2, 3);
        m.Double();
        Assert.Equal(DType.Float64, m.Weight.DType);
        Assert.True(m.HasUninitializedParams);
        m.Call(Tensor.Randn([1, 4, 5], DType.Float64));
        Assert.Equal(DType.Float64, m.Weight.DType);
        Core.Check.Shape(m.Weight, 2, 4, 3);
    }
}
