namespace Sharpgrad.Tests.AutogradTests;

/// <summary>
/// Grad-mode scopes: stack semantics, SetGradEnabled's plain-call form (API.md), strict Dispose
/// order, body forms and decorators. Each test runs in its own async flow (Task.Run), so a plain
/// SetGradEnabled call can never leak into another test.
/// </summary>
public class ModeTests
{
    private static (bool Grad, bool Inference) Mode => (Autograd.IsGradEnabled, Autograd.IsInferenceModeEnabled);
    private static readonly (bool, bool) Default = (true, false);

    private static Task Isolated(Action body) => Task.Run(body);

    [Fact]
    public Task NestingRestoresEachLevel() => Isolated(() =>
    {
        Assert.Equal(Default, Mode);
        using (Autograd.NoGrad())
        {
            Assert.Equal((false, false), Mode);
            using (Autograd.EnableGrad())
            {
                Assert.Equal((true, false), Mode);
                using (Autograd.SetGradEnabled(false))
                {
                    Assert.Equal((false, false), Mode);
                    using (Autograd.InferenceMode())
                    {
                        Assert.Equal((false, true), Mode);
                        using (Autograd.InferenceMode(false)) Assert.Equal((true, false), Mode);
                        Assert.Equal((false, true), Mode);
                    }
                    Assert.Equal((false, false), Mode);
                }
                Assert.Equal((true, false), Mode);
            }
            Assert.Equal((false, false), Mode);
        }
        Assert.Equal(Default, Mode);
    });

    [Fact]
    public Task InferenceModeFalseInsideNoGradEnablesGrad() => Isolated(() =>
    {
        using (Autograd.NoGrad())
        using (Autograd.InferenceMode(false))
            Assert.Equal((true, false), Mode);
        using (Autograd.InferenceMode(false)) Assert.Equal(Default, Mode);
    });

    [Fact]
    public Task SetGradEnabledPlainCallLastsUntilTheEnclosingScopeEnds() => Isolated(() =>
    {
        var x = Tensor.Ones([3], requiresGrad: true);
        GradModeScope plain;
        using (Autograd.EnableGrad())
        {
            plain = Autograd.SetGradEnabled(false);
            Assert.False(Autograd.IsGradEnabled);
            Assert.False((x * 2.0).RequiresGrad);
        }
        Assert.True(Autograd.IsGradEnabled); // the enclosing scope restored the state from before it
        plain.Dispose(); // late dispose after the enclosing scope ended: a no-op
        Assert.Equal(Default, Mode);

        using (Autograd.NoGrad())
        {
            Autograd.SetGradEnabled(true);
            Autograd.SetGradEnabled(false);
            Autograd.SetGradEnabled(true);
            Assert.True((x * 2.0).RequiresGrad);
        }
        Assert.Equal(Default, Mode);
    });

    [Fact]
    public Task SetGradEnabledPlainCallAtTopLevelJustSetsTheMode() => Isolated(() =>
    {
        var x = Tensor.Ones([3], requiresGrad: true);
        Autograd.SetGradEnabled(false);
        var y = x * 2.0;
        Autograd.SetGradEnabled(true);
        Assert.False(y.RequiresGrad); // FACTS: set_grad_enabled(False); y=x*2; set_grad_enabled(True) -> False
        Assert.True(Autograd.IsGradEnabled);
        Assert.True((x * 2.0).RequiresGrad);
    });

    [Fact]
    public Task SetGradEnabledScopeRestores() => Isolated(() =>
    {
        var x = Tensor.Ones([3], requiresGrad: true);
        Tensor y;
        using (Autograd.SetGradEnabled(false)) y = x * 2.0;
        Assert.Equal((false, true), (y.RequiresGrad, Autograd.IsGradEnabled));
    });

    [Fact]
    public Task OutOfOrderDisposeThrowsAndChangesNothing() => Isolated(() =>
    {
        var outer = Autograd.NoGrad();
        var inner = Autograd.EnableGrad();
        Assert.Throws<InvalidOperationException>(() => outer.Dispose());
        Assert.Equal((true, false), Mode); // inner still in effect
        inner.Dispose();
        Assert.Equal((false, false), Mode); // outer still open
        outer.Dispose();
        Assert.Equal(Default, Mode);
        outer.Dispose(); // twice: no-op
        inner.Dispose();
        Assert.Equal(Default, Mode);
    });

    [Fact]
    public Task OutOfOrderDisposeOfInferenceScopes() => Isolated(() =>
    {
        var inference = Autograd.InferenceMode();
        var noGrad = Autograd.EnableGrad();
        Assert.Throws<InvalidOperationException>(() => inference.Dispose());
        Assert.Equal((true, true), Mode);
        noGrad.Dispose();
        inference.Dispose();
        Assert.Equal(Default, Mode);
    });

    [Fact]
    public Task ScopesThatChangeNothingStillNestCorrectly() => Isolated(() =>
    {
        var a = Autograd.NoGrad();
        var b = Autograd.NoGrad(); // same mode: nothing written
        var c = Autograd.EnableGrad();
        Assert.Throws<InvalidOperationException>(() => b.Dispose());
        c.Dispose();
        b.Dispose();
        Assert.Equal((false, false), Mode);
        b.Dispose();
        Assert.Equal((false, false), Mode);
        a.Dispose();
        Assert.Equal(Default, Mode);
    });

    [Fact]
    public Task DisposingTwiceInsideAnotherScopeIsANoOp() => Isolated(() =>
    {
        var a = Autograd.NoGrad();
        a.Dispose();
        using (Autograd.InferenceMode())
        {
            a.Dispose();
            Assert.Equal((false, true), Mode);
        }
        Assert.Equal(Default, Mode);
    });

    [Fact]
    public Task BodyForms() => Isolated(() =>
    {
        var x = Tensor.Ones([3], requiresGrad: true);
        Assert.False(Autograd.NoGrad(() => x * 2.0).RequiresGrad);
        Assert.True(Autograd.NoGrad(() => Autograd.EnableGrad(() => x * 2.0)).RequiresGrad);
        Assert.False(Autograd.SetGradEnabled(false, () => x * 2.0).RequiresGrad);
        Assert.True(Autograd.NoGrad(() => Autograd.SetGradEnabled(true, () => x * 2.0)).RequiresGrad);
        var t = Autograd.InferenceMode(() => x * 2.0);
        Assert.True(t.IsInference);
        Assert.False(t.RequiresGrad);

        var seen = new List<(bool, bool)>();
        Autograd.NoGrad(() => seen.Add(Mode));
        Autograd.EnableGrad(() => seen.Add(Mode));
        Autograd.SetGradEnabled(false, () => seen.Add(Mode));
        Autograd.InferenceMode(() => seen.Add(Mode));
        Assert.Equal([(false, false), (true, false), (false, false), (false, true)], seen);
        Assert.Equal(Default, Mode);
    });

    [Fact]
    public Task ThrowingBodyRestoresTheMode() => Isolated(() =>
    {
        Assert.Throws<DivideByZeroException>(() => Autograd.NoGrad(() => throw new DivideByZeroException()));
        Assert.Throws<DivideByZeroException>(() => Autograd.InferenceMode(new Func<int>(() => throw new DivideByZeroException())));
        Assert.Throws<DivideByZeroException>(() => Autograd.WrapNoGrad((int a) => a / 0)(1));
        Assert.Throws<DivideByZeroException>(() => Autograd.WrapInferenceMode(() => throw new DivideByZeroException())());
        Assert.Equal(Default, Mode);
        using (Autograd.NoGrad())
        {
            Assert.Throws<DivideByZeroException>(() => Autograd.EnableGrad(() => throw new DivideByZeroException()));
            Assert.Throws<DivideByZeroException>(() => Autograd.WrapSetGradEnabled(true, (int a, int b) => a / b)(1, 0));
            Assert.Equal((false, false), Mode);
        }
        Assert.Equal(Default, Mode);
    });

    [Fact]
    public Task DecoratorsRunEveryCallUnderTheirMode() => Isolated(() =>
    {
        var x = Tensor.Ones([3], requiresGrad: true);
        var f = Autograd.WrapNoGrad((Tensor a) => a * 2.0);
        Assert.False(f(x).RequiresGrad);
        Assert.False(f(x).RequiresGrad);
        Assert.True((x * 2.0).RequiresGrad);

        var g = Autograd.WrapEnableGrad((Tensor a, Tensor b) => a * b);
        Assert.True(Autograd.NoGrad(() => g(x, x)).RequiresGrad);

        var h = Autograd.WrapInferenceMode((Tensor a, Tensor b, Tensor c) => a + b + c);
        Assert.True(h(x, x, x).IsInference);

        var k = Autograd.WrapSetGradEnabled(false, (Tensor a, Tensor b, Tensor c, Tensor d) => a * b * c * d);
        Assert.False(k(x, x, x, x).RequiresGrad);
        Assert.False(Autograd.WrapSetGradEnabled(false, () => x * 2.0)().RequiresGrad);

        var seen = new List<(bool, bool)>();
        Autograd.WrapNoGrad(() => seen.Add(Mode))();
        Autograd.WrapEnableGrad((int _) => seen.Add(Mode))(1);
        Autograd.WrapInferenceMode((int _, int _) => seen.Add(Mode))(1, 2);
        Autograd.WrapSetGradEnabled(false, (int _, int _, int _) => seen.Add(Mode))(1, 2, 3);
        Autograd.WrapNoGrad((int _, int _, int _, int _) => seen.Add(Mode))(1, 2, 3, 4);
        Assert.Equal([(false, false), (true, false), (false, true), (false, false), (false, false)], seen);
        Assert.Equal(Default, Mode);
    });

    [Fact]
    public Task BackwardRunsWithGradModeEqualToCreateGraph() => Isolated(() =>
    {
        var x = Tensor.Ones([3], requiresGrad: true);
        var seen = new List<bool>();
        x.RegisterHook(g => { seen.Add(Autograd.IsGradEnabled); return null; });
        (x * 2.0).Sum().Backward();
        var y = (x * 2.0).Sum();
        using (Autograd.NoGrad()) y.Backward(createGraph: true);
        Assert.Equal([false, true], seen);
        Assert.Equal(Default, Mode);
    });

    [Fact]
    public Task BackwardUnderNoGradWorks() => Isolated(() =>
    {
        var x = Tensor.Randn([3], requiresGrad: true);
        var y = (x * 2.0).Sum();
        using (Autograd.NoGrad()) y.Backward();
        Assert.Equal([2f, 2, 2], x.Grad!.ToArray<float>());
        Assert.False(x.Grad.IsInference);
    });
}
