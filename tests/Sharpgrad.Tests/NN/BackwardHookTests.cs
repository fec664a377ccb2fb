using Sharpgrad.NN;
using Sharpgrad.Tests.Core;

namespace Sharpgrad.Tests.NN;

/// <summary>Module.register_full_backward_hook / register_full_backward_pre_hook: PyTorch 2.6's values, nodes and messages.</summary>
public class BackwardHookTests
{
    private static Linear Layer()
    {
        var lin = new Linear(2, 2);
        using (Autograd.NoGrad())
        {
            lin.Weight.Copy_(Tensor.FromArray(new[] { 1f, 2f, 3f, 4f }, [2, 2]));
            lin.Bias!.Copy_(Tensor.FromArray(new[] { 0.5f, -0.5f }));
        }
        return lin;
    }

    private static string Show(Tensor?[] grads) =>
        string.Join(";", grads.Select(g => g is null ? "None" : string.Join(",", g.To(DType.Float64).ToArray<double>())));

    [Fact]
    public void HooksSeeTheGradientsOfInputAndOutputAndMayReplaceThem()
    {
        var lin = Layer();
        var log = new List<string>();
        var h1 = lin.RegisterFullBackwardHook((m, gi, go) => { log.Add($"bh {m.GetType().Name} {Show(gi)} | {Show(go)}"); return null; });
        var h2 = lin.RegisterFullBackwardPreHook((m, go) => { log.Add($"bph {Show(go)}"); return [go[0]! * 2]; });
        var x = Tensor.FromArray(new[] { 1f, -1f }, [1, 2], requiresGrad: true);
        var y = lin.Call(x);
        Assert.Equal("BackwardHookFunctionBackward", y.GradFn!.Name);
        Assert.Equal("AddmmBackward0", y.GradFn.NextFunctions[0].Node!.Name);
        y.Sum().Backward();
        Assert.Equal(["bph 1,1", "bh Linear 8,12 | 2,2"], log);
        Check.Close([8, 12], x.Grad!, 0);
        Check.Close([2, -2, 2, -2], lin.Weight.Grad!, 0);

        log.Clear();
        lin.Call(Tensor.FromArray(new[] { 1f, -1f }, [1, 2])).Sum().Backward();
        Assert.Equal(["bph 1,1", "bh Linear None | 2,2"], log);

        log.Clear();
        h2.Dispose();
        var h3 = lin.RegisterFullBackwardHook((m, gi, go) => [gi[0]! * 100]);
        x.Grad = null;
        lin.Call(x).Sum().Backward();
        Assert.Equal(["bh Linear 4,6 | 1,1"], log);
        Check.Close([400, 600], x.Grad!, 0);
        h1.Dispose();
        h3.Dispose();
        Assert.Equal("AddmmBackward0", lin.Call(x).GradFn!.Name);
    }

    [Fact]
    public void WrongCountsAreRefusedAndNothingIsWrappedWithoutRecording()
    {
        var lin = Layer();
        var x = Tensor.FromArray(new[] { 1f, -1f }, [1, 2], requiresGrad: true);
        using (lin.RegisterFullBackwardHook((m, gi, go) => [gi[0], gi[0]]))
            Core.Check.Throws<InvalidOperationException>("Backward hook returned an invalid number of grad_input, got 2, but expected 1",
                () => lin.Call(x).Sum().Backward());
        Core.Check.Throws<InvalidOperationException>("Backward pre hook returned an invalid number of grad_output, got 2, but expected 1", () =>
        {
            using (lin.RegisterFullBackwardPreHook((m, go) => [go[0], go[0]])) lin.Call(x).Sum().Backward();
        });
        int calls = 0;
        using (lin.RegisterFullBackwardHook((m, gi, go) => { calls++; return null; }))
        {
            using (Autograd.NoGrad()) Assert.Null(lin.Call(x).GradFn);
            using (Autograd.InferenceMode()) Assert.Null(lin.Call(x).GradFn);
            var seq = new Sequential(lin, new Tanh());
            seq.Call(x).Sum().Backward();
        }
        Assert.Equal(1, calls);
    }
}
