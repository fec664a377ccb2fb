namespace Sharpgrad.Tests.AutogradTests;

using static EngineTests;

/// <summary>Version counters and the in-place checks of PyTorch (FACTS sec 1, 3c, 5).</summary>
public class VersionCounterTests
{
    internal const string Hint = "Hint: enable anomaly detection to find the operation that failed to compute its gradient, with torch.autograd.set_detect_anomaly(True).";

    internal static string Modified(string? producer) =>
        "one of the variables needed for gradient computation has been modified by an inplace operation: [torch.FloatTensor [3]]" +
        (producer is null ? "" : $", which is output 0 of {producer},") + " is at version 1; expected version 0 instead. " + Hint;

    private static Tensor Randn() => Tensor.Randn([3], requiresGrad: true);

    [Fact]
    public void SavedOutputModifiedNamesTheNodeThatSavedIt()
    {
        var y = Randn().Sigmoid();
        y.Mul_(2.0);
        Throws(Modified("SigmoidBackward0"), () => y.Sum().Backward());

        var e = Randn().Exp();
        e.Add_(1.0);
        Throws(Modified("ExpBackward0"), () => e.Sum().Backward());
    }

    [Fact]
    public void SavedInputModifiedNamesItsCurrentGradFn()
    {
        var a = Randn() * 1.0;
        var b = a * a;
        a.Mul_(2.0);
        Throws(Modified("MulBackward0"), () => b.Sum().Backward());

        var c = Randn() * 1.0;
        var d = c * c;
        c.Add_(1.0); // c's grad_fn is now AddBackward0, and the message says so
        Throws(Modified("AddBackward0"), () => d.Sum().Backward());
    }

    [Fact]
    public void SavedLeafModifiedHasNoProducer()
    {
        var x = Randn();
        var y = x * x;
        x.Detach().Add_(1.0);
        Throws(Modified(null), () => y.Sum().Backward());
    }

    [Fact]
    public void DetachSharesTheCounterSoTheCheckCatchesIt()
    {
        var y = Randn().Sigmoid();
        y.Detach().Mul_(2.0);
        Assert.Equal(1, y.Version);
        Throws(Modified("SigmoidBackward0"), () => y.Sum().Backward());

        var a = Randn() * 1.0;
        var b = a * a;
        a.Detach().Mul_(2.0); // through detach the grad_fn of a stays the original MulBackward0
        Throws(Modified("MulBackward0"), () => b.Sum().Backward());
    }

    [Fact]
    public void ModifyingATensorNobodySavedIsFine()
    {
        var x = Tensor.FromArray(new float[] { 0, 1, 2 }, requiresGrad: true);
        var a = x * 1.0;
        var y = a.Exp(); // exp saves its result, not a
        a.Add_(1.0);
        y.Sum().Backward();
        Assert.Equal([1f, MathF.E, MathF.Exp(2)], x.Grad!.ToArray<float>());
    }

    [Fact]
    public void InPlaceOnItselfAsOperandIsCaught()
    {
        var y = Tensor.FromArray(new float[] { 1, 2, 3 }, requiresGrad: true) * 1.0;
        y.Mul_(y);
        Throws(Modified("MulBackward0"), () => y.Sum().Backward());
        var e = Tensor.FromArray(new float[] { 1, 2, 3 }, requiresGrad: true).Exp();
        e.Exp_();
        Throws(Modified("ExpBackward0"), () => e.Sum().Backward());
    }

    [Fact]
    public void EveryInPlaceOpBumpsTheSharedCounterOnce()
    {
        var x = Tensor.Ones([3]);
        var v = x.Slice(0, 0, 2);
        v.Add_(1.0);
        Assert.Equal((1L, 1L), (x.Version, v.Version));
        x.Mul_(2.0);
        Assert.Equal((2L, 2L), (x.Version, v.Version));

        var t = Tensor.Ones([3]);
        Assert.Equal(0, t.Version);
        t.Select(0, 0).Fill_(2);
        Assert.Equal(1, t.Version);
        t.Zero_();
        Assert.Equal(2, t.Version);
        t.Add_(1.0);
        Assert.Equal(3, t.Version);
        t.Copy_(Tensor.Ones([3]));
        Assert.Equal(4, t.Version);
        Assert.Same(t, t.Mul_(2.0).Add_(1.0));
        Assert.Equal(6, t.Version);
        Assert.Equal(0, (t * 1.0).Version); // a new tensor starts at 0
    }

    [Fact]
    public void LeafRequiringGradInPlaceThrowsAndChangesNothing()
    {
        var x = Tensor.Ones([3], requiresGrad: true);
        Throws("a leaf Variable that requires grad is being used in an in-place operation.", () => x.Add_(1.0));
        Throws("a leaf Variable that requires grad is being used in an in-place operation.", () => x.Zero_());
        Throws("a leaf Variable that requires grad is being used in an in-place operation.", () => x.Mul_(Tensor.Ones([3])));
        Assert.Equal(0, x.Version);
        Assert.Equal([1f, 1, 1], x.ToArray<float>());
    }

    [Fact]
    public void ViewOfLeafRequiringGradInPlaceThrows()
    {
        var x = Tensor.Ones([3], requiresGrad: true);
        Throws("a view of a leaf Variable that requires grad is being used in an in-place operation.", () => x.Select(0, 0).Mul_(2.0));
        Throws("a view of a leaf Variable that requires grad is being used in an in-place operation.", () => x.View(-1).Add_(1.0));
        Throws("a view of a leaf Variable that requires grad is being used in an in-place operation.", () => x[0].Fill_(1.0));
        Assert.Equal(0, x.Version);
    }

    [Fact]
    public void LeafInPlaceUnderNoGradIsAllowed()
    {
        var x = Tensor.Ones([3], requiresGrad: true);
        using (Autograd.NoGrad())
        {
            x.Add_(1.0);
            x[0].Fill_(5);
        }
        Assert.Equal(2, x.Version);
        Assert.True(x.IsLeaf);
        Assert.Null(x.GradFn);
        Assert.True(x.RequiresGrad);
        Assert.Equal([5f, 2, 2], x.ToArray<float>());
    }

    private const string NoGradView =
        "A view was created in no_grad mode and is being modified inplace with grad mode enabled. Given that this use case is ambiguous and error-prone, it is forbidden. You can clarify your code by moving both the view and the inplace either both inside the no_grad block (if you don't want the inplace to be tracked) or both outside (if you want the inplace to be tracked).";

    [Fact]
    public void ViewMadeUnderNoGradOfALeaf()
    {
        var x = Randn();
        Tensor v;
        using (Autograd.NoGrad()) v = x.Slice(0, 0, 2);
        Assert.True(v.RequiresGrad);
        Assert.True(v.IsLeaf);
        Assert.Null(v.GradFn);
        Assert.True(v.IsView);
        Assert.Same(x, v.Base);
        Throws(NoGradView, () => v.Mul_(2.0));
        Assert.Equal(0, x.Version);
    }

    [Fact]
    public void ViewMadeUnderNoGradOfANonLeaf()
    {
        var a = Randn() * 1.0;
        Tensor v, w;
        using (Autograd.NoGrad())
        {
            v = a.Slice(0, 0, 2);
            w = a.View(3);
        }
        Throws(NoGradView, () => v.Mul_(2.0));
        Throws(NoGradView, () => w.Mul_(2.0));
        using (Autograd.NoGrad()) v.Mul_(2.0); // both inside no_grad: allowed, untracked
        Assert.Equal(1, a.Version);
    }

    private static string MultiOutput(int nr, string node) =>
        $"Output {nr} of {node} is a view and is being modified inplace. This view is the output of a function that returns multiple views. Such functions do not allow the output views to be modified inplace. You should replace the inplace operation by an out-of-place one.";

    [Fact]
    public void MultiOutputViewsCannotBeModifiedInPlace()
    {
        var a = Tensor.Randn([4], requiresGrad: true) * 1.0;
        Throws(MultiOutput(0, "UnbindBackward0"), () => a.Unbind(0)[0].Mul_(2.0));
        Throws(MultiOutput(1, "UnbindBackward0"), () => a.Unbind(0)[1].Mul_(2.0));
        Throws(MultiOutput(0, "SplitBackward0"), () => a.Split(2)[0].Mul_(2.0));
        Throws(MultiOutput(0, "SplitBackward0"), () => a.Chunk(2)[0].Mul_(2.0));
        Throws(MultiOutput(1, "SplitWithSizesBackward0"), () => a.Split([1, 3])[1].Mul_(2.0));
        Assert.Equal(0, a.Version);
        // even when the base is a leaf
        var x = Tensor.Randn([4], requiresGrad: true);
        Throws(MultiOutput(0, "UnbindBackward0"), () => x.Unbind(0)[0].Mul_(2.0));
    }

    [Fact]
    public void MultiOutputViewsOfPlainTensorsOrUnderNoGradMayBeModified()
    {
        var x = Tensor.Randn([4]);
        x.Unbind(0)[0].Mul_(2.0);
        Assert.False(x.RequiresGrad);
        var a = Tensor.Randn([4], requiresGrad: true) * 1.0;
        var u = a.Unbind(0);
        using (Autograd.NoGrad()) u[0].Mul_(2.0);
        Assert.Equal(1, a.Version);
    }
}
