using Sharpgrad.Optim;

namespace Sharpgrad.Tests.Optim;

/// <summary>zero_grad(set_to_none=False) and the step pre/post hooks: PyTorch 2.6's values.</summary>
public class OptimizerHookTests
{
    [Fact]
    public void ZeroGradCanKeepTheGradientTensor()
    {
        var p = Tensor.FromArray(new[] { 1f, 2f }, requiresGrad: true);
        var opt = new SGD([p], 0.1);
        (p * 3).Sum().Backward();
        var g = p.Grad!;
        opt.ZeroGrad(setToNone: false);
        Assert.Same(g, p.Grad);
        NN.Check.Close([0, 0], p.Grad!, 0);
        Assert.False(p.Grad!.RequiresGrad);
        opt.ZeroGrad();
        Assert.Null(p.Grad);

        // a gradient with history (create_graph) is detached, then zeroed
        var q = Tensor.FromArray(new[] { 1f }, requiresGrad: true);
        q.Grad = Autograd.Grad([(q * q).Sum()], [q], createGraph: true)[0];
        Assert.NotNull(q.Grad!.GradFn);
        new SGD([q], 0.1).ZeroGrad(setToNone: false);
        NN.Check.Close([0], q.Grad!, 0);
        Assert.Null(q.Grad!.GradFn);
        Assert.False(q.Grad.RequiresGrad);

        var layer = new Sharpgrad.NN.Linear(2, 1);
        layer.Forward(Tensor.Ones([1, 2])).Sum().Backward();
        layer.ZeroGrad(setToNone: false);
        NN.Check.Close([0, 0], layer.Weight.Grad!.Reshape(-1), 0);
    }

    [Fact]
    public void StepHooksRunAroundEachStep()
    {
        var p = Tensor.FromArray(new[] { 1f, 2f }, requiresGrad: true);
        var opt = new SGD([p], 0.1);
        var log = new List<(string, float[])>();
        var pre = opt.RegisterStepPreHook(o => { Assert.Same(opt, o); log.Add(("pre", p.ToArray<float>())); });
        var post = opt.RegisterStepPostHook(o => log.Add(("post", p.ToArray<float>())));
        (p * 3).Sum().Backward();
        opt.Step();
        Assert.Equal(2, log.Count);
        Assert.Equal("pre", log[0].Item1);
        Assert.Equal([1f, 2f], log[0].Item2);
        Assert.Equal("post", log[1].Item1);
        Assert.Equal([0.7f, 1.7f], log[1].Item2);
        pre.Dispose();
        post.Dispose();
        opt.Step();
        Assert.Equal(2, log.Count);

        var lbfgs = new LBFGS([p], 0.1);
        int calls = 0;
        lbfgs.RegisterStepPreHook(_ => calls++);
        lbfgs.RegisterStepPostHook(_ => calls += 10);
        lbfgs.Step(() => { lbfgs.ZeroGrad(); var loss = (p * p).Sum(); loss.Backward(); return loss; });
        Assert.Equal(11, calls);
    }
}
