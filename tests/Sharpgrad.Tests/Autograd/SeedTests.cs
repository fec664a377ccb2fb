namespace Sharpgrad.Tests.AutogradTests;

/// <summary>Every demonstration of the seed chapter (grad modes), as a test.</summary>
[Collection("Seed")]
public class SeedTests
{
    private sealed record Model(Tensor W, Tensor B)
    {
        public static Model Create()
        {
            Tensor.ManualSeed(0);
            return new(Tensor.Randn([6, 1], requiresGrad: true), Tensor.Randn([1], requiresGrad: true));
        }

        public Tensor Forward(Tensor x) => x.MatMul(W) + B;
    }

    [Fact]
    public void DefaultModeRecordsTheForwardPass()
    {
        var model = Model.Create();
        var yPred = model.Forward(Tensor.Randn([10, 6]));
        Assert.True(yPred.RequiresGrad); // `y_pred.requires_grad` before `no_grad()`: True
        Assert.Equal("AddBackward0", yPred.GradFn!.Name);
    }

    [Fact]
    public void NoGradForwardIsUntrackedAndItsLossCannotBackward()
    {
        var model = Model.Create();
        var x = Tensor.Randn([10, 6]);
        var y = Tensor.Randn([10, 1]);
        var expected = model.Forward(x).ToArray<float>();
        Tensor yPred;
        using (Autograd.NoGrad())
        {
            yPred = model.Forward(x);
            Assert.False(yPred.RequiresGrad); // `y_pred.requires_grad` inside `no_grad()`: False
        }
        Assert.Equal(expected, yPred.ToArray<float>()); // the values do not change, only the recording
        var loss = ((yPred - y) * (yPred - y)).Mean(); // computed outside, from untracked inputs
        Assert.False(loss.RequiresGrad);
        var e = Assert.ThrowsAny<InvalidOperationException>(() => loss.Backward());
        Assert.Equal("element 0 of tensors does not require grad and does not have a grad_fn", e.Message);
    }

    [Fact]
    public void NoGradDoesNotChangeTheInputsFlag()
    {
        var x = Tensor.Randn([10, 6], requiresGrad: true);
        var w = Tensor.Randn([6, 1]);
        using (Autograd.NoGrad())
        {
            var yPred = x.MatMul(w);
            Assert.True(x.RequiresGrad);      // `x.requires_grad` inside `no_grad()`: True
            Assert.False(yPred.RequiresGrad); // `y_pred.requires_grad` inside `no_grad()`: False
        }
        Assert.True(x.RequiresGrad);
        Assert.True(x.MatMul(w).RequiresGrad);
    }

    [Fact]
    public void TensorMadeInsideNoGradCanRequireGradLater()
    {
        Tensor x;
        using (Autograd.NoGrad())
        {
            x = Tensor.Randn([10, 6]);
            Assert.False(x.RequiresGrad); // `x.requires_grad` inside `no_grad()`: False
        }
        x.RequiresGrad_();
        Assert.True(x.RequiresGrad);      // `x.requires_grad` after `requires_grad_()`: True
        (x * 2.0).Sum().Backward();
        Assert.Equal(Enumerable.Repeat(2f, 60), x.Grad!.ToArray<float>());

        var p = Tensor.Ones([3], requiresGrad: true);
        Tensor s;
        using (Autograd.NoGrad()) s = (p * 2.0).Sum();
        Assert.Equal((false, true), (s.RequiresGrad, s.IsLeaf));
        s.RequiresGrad_();
        Assert.Equal((true, true), (s.RequiresGrad, s.IsLeaf));
        Assert.Null(s.GradFn);
    }

    [Fact]
    public void EnableGradInsideNoGradRecordsLocally()
    {
        var x = Tensor.Randn([10, 6], requiresGrad: true);
        Tensor z;
        using (Autograd.NoGrad())
        {
            var y = x * 3.0;
            Assert.False(y.RequiresGrad); // `y.requires_grad` in `no_grad()`: False
            using (Autograd.EnableGrad())
            {
                z = x * 4.0;
                Assert.True(z.RequiresGrad); // `z.requires_grad` in `enable_grad()`: True
            }
            Assert.False((x * 5.0).RequiresGrad); // back under the outer no_grad
        }
        z.Backward(gradient: Tensor.OnesLike(z));
        Assert.Equal(Enumerable.Repeat(4f, 60), x.Grad!.ToArray<float>());
    }

    [Fact]
    public void EnableGradInDefaultModeChangesNothing()
    {
        var x = Tensor.Ones([3], requiresGrad: true);
        using (Autograd.EnableGrad()) Assert.Equal("MulBackward0", (x * 2.0).GradFn!.Name);
        Assert.True(Autograd.IsGradEnabled);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void SetGradEnabledFollowsIsTraining(bool isTraining)
    {
        var x = Tensor.Randn([10, 6], requiresGrad: true);
        Tensor y;
        using (Autograd.SetGradEnabled(isTraining))
        {
            Assert.Equal(isTraining, Autograd.IsGradEnabled);
            y = x * 2.0;
        }
        Assert.Equal(isTraining, y.RequiresGrad);
        Assert.True(Autograd.IsGradEnabled);
        using (Autograd.NoGrad())
        using (Autograd.SetGradEnabled(isTraining))
            Assert.Equal(isTraining, (x * 2.0).RequiresGrad);
    }

    [Fact]
    public void InferenceTensorCannotRequireGradLater()
    {
        Tensor t;
        using (Autograd.InferenceMode()) t = Tensor.Ones([3]);
        Assert.Equal((true, false, true), (t.IsInference, t.RequiresGrad, t.IsLeaf));
        Assert.Null(t.GradFn);
        var e = Assert.ThrowsAny<InvalidOperationException>(() => t.RequiresGrad_(true));
        Assert.Equal("Setting requires_grad=True on inference tensor outside InferenceMode is not allowed.", e.Message);
        e = Assert.ThrowsAny<InvalidOperationException>(() => t.RequiresGrad = true);
        Assert.Equal("Setting requires_grad=True on inference tensor outside InferenceMode is not allowed.", e.Message);
        Assert.False(t.RequiresGrad);
        // even with grad mode on, computations on it are not recorded: it never enters the graph
        Assert.False((t * 2.0).RequiresGrad);
    }

    [Fact]
    public void InferenceTensorMayRequireGradInsideInferenceMode()
    {
        using (Autograd.InferenceMode())
        {
            var t = Tensor.Ones([3], requiresGrad: true);
            Assert.Equal((true, true, true), (t.IsInference, t.RequiresGrad, t.IsLeaf));
        }
    }

    [Fact]
    public void ThreeModesGiveTheSameNumbersWithLessLedger()
    {
        var model = Model.Create();
        var x = Tensor.Randn([10, 6]);
        var loss = model.Forward(x).Sigmoid().Sum();
        var inspectDefault = Autograd.Inspect(loss);
        Assert.True(inspectDefault.SavedBytes > 0);
        Tensor noGrad, inference;
        using (Autograd.NoGrad()) noGrad = model.Forward(x).Sigmoid().Sum();
        using (Autograd.InferenceMode()) inference = model.Forward(x).Sigmoid().Sum();
        Assert.Equal(loss.Item<float>(), noGrad.Item<float>());
        Assert.Equal(loss.Item<float>(), inference.Item<float>());
        Assert.Equal(default, Autograd.Inspect(noGrad));
        Assert.Equal(default, Autograd.Inspect(inference));
        Assert.False(noGrad.IsInference);
        Assert.True(inference.IsInference);
    }
}
