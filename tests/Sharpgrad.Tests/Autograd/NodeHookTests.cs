using Sharpgrad.Tests.Core;

namespace Sharpgrad.Tests.AutogradTests;

/// <summary>Node.register_hook / register_prehook and register_post_accumulate_grad_hook (PyTorch 2.6's values and messages).</summary>
public class NodeHookTests
{
    private static double[]? Values(Tensor? t) => t?.To(DType.Float64).ToArray<double>();

    [Fact]
    public void PreAndPostHooksSeeAndReplaceGradients()
    {
        var x = Tensor.FromArray(new[] { 1f, 2f }, requiresGrad: true);
        var w = Tensor.FromArray(new[] { 3f, 4f }, requiresGrad: true);
        var y = x * w;
        var log = new List<string>();
        var post = y.GradFn!.RegisterHook((gi, go) =>
        {
            log.Add($"post {string.Join(",", Values(gi[0])!)} {string.Join(",", Values(gi[1])!)} | {string.Join(",", Values(go[0])!)}");
            return [gi[0]! * 10, gi[1]];
        });
        var pre = y.GradFn.RegisterPrehook(go =>
        {
            log.Add($"pre {string.Join(",", Values(go[0])!)}");
            return [go[0]! * 2];
        });
        y.Sum().Backward(retainGraph: true);
        Assert.Equal(["pre 1,1", "post 6,8 2,4 | 2,2"], log);
        NN.Check.Close([60, 80], x.Grad!, 0);
        NN.Check.Close([2, 4], w.Grad!, 0);

        post.Dispose();
        pre.Dispose();
        log.Clear();
        x.Grad = null;
        y.Sum().Backward();
        Assert.Empty(log);
        NN.Check.Close([3, 4], x.Grad!, 0);
    }

    [Fact]
    public void HookResultsAreChecked()
    {
        var x = Tensor.FromArray(new[] { 1f, 2f }, requiresGrad: true);
        var z = x * Tensor.FromArray(new[] { 5f, 6f });
        double[]?[]? seen = null;
        z.GradFn!.RegisterHook((gi, go) => { seen = [Values(gi[0]), Values(gi[1])]; return null; });
        z.Sum().Backward();
        Assert.Equal([5.0, 6.0], seen![0]!);
        Assert.Null(seen[1]);

        var m = x * Tensor.FromArray(new[] { 2f, 2f });
        m.GradFn!.RegisterHook((gi, go) => [gi[0], gi[0]]);
        Check.Throws<InvalidOperationException>("can't replace a None gradient with a non-None value", () => m.Sum().Backward());
        var n = x * 2;
        n.GradFn!.RegisterPrehook(go => [go[0], go[0]]);
        Check.Throws<InvalidOperationException>("hook '<hook>' has returned an incorrect number of values (got 2, but expected 1)", () => n.Sum().Backward());
    }

    [Fact]
    public void PostAccumulateGradHooksRunAfterEachAccumulation()
    {
        var p = Tensor.FromArray(new[] { 1f, 2f }, requiresGrad: true);
        var seen = new List<(bool, double[])>();
        var handle = p.RegisterPostAccumulateGradHook(t => seen.Add((ReferenceEquals(t, p), Values(t.Grad)!)));
        (p * 3).Sum().Backward();
        (p * 3).Sum().Backward();
        Assert.Equal(2, seen.Count);
        Assert.True(seen[0].Item1);
        Assert.Equal([3.0, 3.0], seen[0].Item2);
        Assert.Equal([6.0, 6.0], seen[1].Item2);
        handle.Dispose();
        (p * 3).Sum().Backward();
        Assert.Equal(2, seen.Count);
        Check.Throws<InvalidOperationException>("post accumulate grad hooks cannot be registered on non-leaf tensors",
            () => (p * 2).RegisterPostAccumulateGradHook(_ => { }));
        Check.Throws<InvalidOperationException>("cannot register a hook on a tensor that doesn't require gradient",
            () => Tensor.FromArray(new[] { 1f }).RegisterPostAccumulateGradHook(_ => { }));

        // the leaf's AccumulateGrad node takes node pre-hooks too; autograd.grad runs post hooks
        var acc = (p * 1).GradFn!.NextFunctions[0].Node!;
        Assert.Equal("AccumulateGrad", acc.Name);
        double[]? accSeen = null;
        acc.RegisterPrehook(go => { accSeen = Values(go[0]); return null; });
        p.Grad = null;
        (p * 1).Sum().Backward();
        Assert.Equal([1.0, 1.0], accSeen!);
        var q = p * Tensor.FromArray(new[] { 1f, 1f });
        bool ran = false;
        q.GradFn!.RegisterHook((gi, go) => { ran = true; return null; });
        Autograd.Grad([q.Sum()], [p]);
        Assert.True(ran);
    }
}
