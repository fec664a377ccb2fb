using Sharpgrad.Tests.Core;

namespace Sharpgrad.Tests.AutogradTests;

/// <summary>torch.autograd.graph.saved_tensors_hooks: what is packed, when, and what backward gets back (PyTorch 2.6).</summary>
public class SavedTensorHooksTests
{
    [Fact]
    public void EverySavedTensorGoesThroughPackAndComesBackThroughUnpack()
    {
        var log = new List<string>();
        var x = Tensor.FromArray(new[] { 1f, 2f }, requiresGrad: true);
        Tensor z;
        using (Autograd.SavedTensorsHooks(
            t => { log.Add($"pack {t.GradFn?.Name ?? "leaf"} {t.RequiresGrad}"); return ("boxed", t.Clone()); },
            p => { log.Add("unpack"); return (((string, Tensor))p!).Item2; }))
        {
            var y = x * x;
            z = y.Exp();
        }
        // x * x saves both operands (the leaf, twice), exp saves its result
        Assert.Equal(["pack leaf True", "pack leaf True", "pack ExpBackward0 True"], log);
        log.Clear();
        z.Sum().Backward();
        Assert.Equal(["unpack", "unpack", "unpack"], log);
        NN.Check.Close([5.436563656918, 218.392600507], x.Grad!, 1e-4);
    }

    [Fact]
    public void HookedTensorsSkipTheVersionCheckAndPackMustNotWrite()
    {
        var x = Tensor.FromArray(new[] { 1f, 2f }, requiresGrad: true);
        Tensor w;
        using (Autograd.SavedTensorsHooks(t => t, p => (Tensor)p!))
            w = (x.Clone() * 1).Exp();
        using (Autograd.NoGrad()) w.Mul_(2);
        w.Sum().Backward(); // PyTorch: no version error when hooks hold the saved tensors
        NN.Check.Close([2 * 2.718281828, 2 * 7.389056099], x.Grad!, 1e-5);

        var before = x.Grad!.ToArray<float>();
        Check.Throws<InvalidOperationException>("A saved tensor pack hook is modifying its input in place.", () =>
        {
            using (Autograd.SavedTensorsHooks(t => t.Add_(1), p => (Tensor)p!)) (x.Clone() * 2).Exp();
        });
        using (Autograd.SavedTensorsHooks(t => 5, p => null!))
            w = x.Exp();
        Check.Throws<InvalidOperationException>("Output of saved tensor unpack_hook expected to be a Tensor", () => w.Sum().Backward());
        Assert.Equal(before, x.Grad.ToArray<float>());
    }

    [Fact]
    public void InnermostHooksWinDisableRefusesNewOnesAndNothingIsPackedWithoutRecording()
    {
        var x = Tensor.FromArray(new[] { 1f, 2f }, requiresGrad: true);
        var unpacked = new List<string>();
        Tensor y;
        using (Autograd.SavedTensorsHooks(t => t, p => { unpacked.Add("outer"); return (Tensor)p!; }))
        using (Autograd.SavedTensorsHooks(t => t, p => { unpacked.Add("inner"); return (Tensor)p!; }))
            y = x.Exp();
        y.Sum().Backward();
        Assert.Equal(["inner"], unpacked);

        using (Autograd.DisableSavedTensorsHooks("no hooks here"))
            Check.Throws<InvalidOperationException>("no hooks here", () => Autograd.SavedTensorsHooks(t => t, p => (Tensor)p!));
        using (Autograd.SavedTensorsHooks(t => t, p => (Tensor)p!)) { }

        int packs = 0;
        using (Autograd.SavedTensorsHooks(t => { packs++; return t; }, p => (Tensor)p!))
        {
            using (Autograd.NoGrad()) x.Sin();
            Tensor.FromArray(new[] { 1f }).Sin();
        }
        Assert.Equal(0, packs);
    }

    [Fact]
    public void TheLedgerCountsWhatThePackHookKept()
    {
        var x = Tensor.Randn([64], requiresGrad: true);
        Tensor plain = (x * 2).Sin();
        Tensor dropped;
        using (Autograd.SavedTensorsHooks(t => null, p => throw new InvalidOperationException("not needed")))
            dropped = (x * 2).Sin();
        Assert.Equal(Autograd.Inspect(plain).SavedTensors, Autograd.Inspect(dropped).SavedTensors);
        Assert.Equal(64 * 4, Autograd.Inspect(plain).SavedBytes);
        Assert.Equal(0, Autograd.Inspect(dropped).SavedBytes);
    }
}
