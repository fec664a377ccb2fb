using Sharpgrad.NN;

namespace Sharpgrad.Tests.NN;

/// <summary>Forward pre-hooks and forward hooks: run by Call (module(x)), not by Forward, removable, able to replace values.</summary>
public class ModuleHookTests
{
    private sealed class Scale(double k) : Module
    {
        public override Tensor Forward(Tensor input) => input * k;
    }

    [Fact]
    public void HooksRunAroundForwardInRegistrationOrderAndCanReplaceValues()
    {
        var m = new Scale(2);
        var log = new List<string>();
        using var pre = m.RegisterForwardPreHook((mod, x) => { log.Add("pre"); Assert.Same(m, mod); return x + 1; });
        using var post1 = m.RegisterForwardHook((mod, x, y) => { log.Add($"post1 {x.Item<float>()} {y.Item<float>()}"); return null; });
        using var post2 = m.RegisterForwardHook((mod, x, y) => { log.Add("post2"); return y * 10; });
        var r = m.Call(Tensor.Scalar(3f));
        Assert.Equal(80f, r.Item<float>()); // ((3 + 1) * 2) * 10
        Assert.Equal(["pre", "post1 4 8", "post2"], log);
        Assert.Equal(6f, m.Forward(Tensor.Scalar(3f)).Item<float>()); // Forward itself runs no hooks
    }

    [Fact]
    public void DisposingAHandleRemovesOnlyItsHookOnce()
    {
        var m = new Scale(1);
        int a = 0, b = 0;
        var ha = m.RegisterForwardHook((_, _, _) => { a++; return null; });
        var hb = m.RegisterForwardHook((_, _, _) => { b++; return null; });
        m.Call(Tensor.Scalar(1f));
        ha.Dispose();
        ha.Dispose();
        m.Call(Tensor.Scalar(1f));
        Assert.Equal((1, 2), (a, b));
        hb.Dispose();
        m.Call(Tensor.Scalar(1f));
        Assert.Equal((1, 2), (a, b));
    }

    [Fact]
    public void SequentialFiresChildHooksAndKeepsHookedOutputsAlive()
    {
        Tensor.ManualSeed(3);
        var net = new Sequential(new Linear(4, 8), new ReLU(), new Linear(8, 2));
        var captured = new List<Tensor>();
        using var h = net[1].RegisterForwardHook((_, _, y) => { captured.Add(y); return null; });
        var x = Tensor.Randn([3, 4]);
        using (Autograd.NoGrad())
        {
            var y = net.Forward(x);
            Assert.Equal([3, 2], y.Shape);
        }
        var act = Assert.Single(captured);
        Assert.Equal([3, 8], act.Shape);
        Assert.True(act.ToArray<float>().All(v => v >= 0)); // readable: Sequential didn't dispose it
        using (Autograd.NoGrad()) Check.Close(net[1].Forward(net[0].Forward(x)), act, 1e-6);
        Assert.Equal([3, 4], x.Shape); // the caller's input survives too
        x.ToArray<float>();
    }

    [Fact]
    public void HooksSeeGradModeAndRecordLikeAnyOp()
    {
        var m = new Linear(2, 1);
        using var h = m.RegisterForwardHook((_, _, y) => y * 3);
        var y = m.Call(Tensor.Ones([1, 2]));
        Assert.Equal("MulBackward0", y.GradFn!.Name);
        using (Autograd.NoGrad()) Assert.Null(m.Call(Tensor.Ones([1, 2])).GradFn);
    }
}

/// <summary>ModuleList: registration names, indexing, state dicts, no forward.</summary>
public class ModuleListTests
{
    private sealed class Tower : Module
    {
        public Tower()
        {
            Blocks = RegisterModule("blocks", new ModuleList(new Linear(2, 3), new ReLU()));
            Blocks.Add(new Linear(3, 1));
        }

        public ModuleList Blocks { get; }

        public override Tensor Forward(Tensor input)
        {
            var x = input;
            foreach (var m in Blocks) x = m.Call(x);
            return x;
        }
    }

    [Fact]
    public void ListsRegisterTheirModulesByIndex()
    {
        var t = new Tower();
        Assert.Equal(["blocks.0.weight", "blocks.0.bias", "blocks.2.weight", "blocks.2.bias"], t.StateDict().Keys);
        Assert.Equal(3, t.Blocks.Count);
        Assert.IsType<Linear>(t.Blocks[-1]);
        Assert.Equal([4, 1], t.Forward(Tensor.Randn([4, 2])).Shape);
        Assert.Throws<ArgumentOutOfRangeException>(() => t.Blocks[3]);
        Assert.Equal("Module [ModuleList] is missing the required \"forward\" function", Assert.Throws<InvalidOperationException>(() => t.Blocks.Forward(Tensor.Zeros([1]))).Message);
    }
}
