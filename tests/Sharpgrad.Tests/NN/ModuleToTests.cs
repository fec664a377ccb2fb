using Sharpgrad.NN;

namespace Sharpgrad.Tests.NN;

/// <summary>module.to(dtype) / double() / float(): the parameter objects keep their identity, as PyTorch's param.data assignment.</summary>
public class ModuleToTests
{
    [Fact]
    public void DoubleConvertsParametersBuffersAndGrads()
    {
        var m = new Sequential(new Linear(2, 3), new BatchNorm1d(3));
        var linear = (Linear)m[0];
        var w = linear.Weight;
        var before = w.ToArray<double>();
        m.Call(Tensor.Randn([4, 2])).Sum().Backward();
        Assert.Same(m, m.Double());
        Assert.Same(w, linear.Weight);
        Assert.Equal(DType.Float64, w.DType);
        Assert.Equal(DType.Float64, w.Grad!.DType);
        Assert.Equal(before, w.ToArray<double>());
        Assert.True(w.RequiresGrad);
        Assert.Null(w.GradFn);
        var bn = (BatchNorm1d)m[1];
        Assert.Equal(DType.Float64, bn.RunningMean!.DType);
        Assert.Equal(DType.Int64, bn.NumBatchesTracked!.DType);
        Assert.Equal(DType.Float64, m.Call(Tensor.Randn([4, 2], DType.Float64)).DType);
        m.Float();
        Assert.Equal(DType.Float32, w.DType);
        Core.Check.Throws<ArgumentException>("nn.Module.to only accepts floating point or complex dtypes, but got desired dtype=torch.int64", () => m.To(DType.Int64));
        var d = new Linear(2, 2).Double();
        Assert.True(Autograd.GradCheck(t => d.Call(t[0]), [Tensor.Randn([3, 2], DType.Float64, requiresGrad: true)]));
    }
}
