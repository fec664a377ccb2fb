namespace Sharpgrad.Tests.AutogradTests;

using static EngineTests;

/// <summary>InferenceMode and the mixing rules of RFC-0011, with PyTorch 2.6's results (FACTS sec 1, 5).</summary>
public class InferenceModeTests
{
    private const string InPlaceOutside =
        "Inplace update to inference tensor outside InferenceMode is not allowed.You can make a clone to get a normal tensor before doing inplace update.See https://github.com/pytorch/rfcs/pull/17 for more details.";
    private const string CannotSave =
        "Inference tensors cannot be saved for backward. To work around you can make a clone to get a normal tensor and use it in autograd.";

    private static Tensor InferenceOnes() => Autograd.InferenceMode(() => Tensor.Ones([3]));

    [Fact]
    public void InsideInferenceModeGradIsOffAndOutputsAreInferenceTensors()
    {
        var x = Tensor.Randn([3], requiresGrad: true);
        using (Autograd.InferenceMode())
        {
            Assert.False(Autograd.IsGradEnabled);
            Assert.True(Autograd.IsInferenceModeEnabled);
            var y = x * 2.0;
            Assert.Equal((false, true, true), (y.RequiresGrad, y.IsInference, y.IsLeaf));
            Assert.Null(y.GradFn);
        }
    }

    [Fact]
    public void EnableGradInsideInferenceModeReportsGradButRecordsNothing()
    {
        var x = Tensor.Randn([3], requiresGrad: true);
        using (Autograd.InferenceMode())
        using (Autograd.EnableGrad())
        {
            var y = x * 2.0;
            Assert.True(Autograd.IsGradEnabled);
            Assert.True(Autograd.IsInferenceModeEnabled);
            Assert.Equal((false, true), (y.RequiresGrad, y.IsInference));
            Assert.Null(y.GradFn);
        }
    }

    [Fact]
    public void ViewsOfNormalTensorsMadeInInferenceModeAreNormal()
    {
        var n = Tensor.Ones([3]);
        Tensor v, w, c;
        using (Autograd.InferenceMode())
        {
            v = n.Slice(0, 0, 2);
            w = n.View(3);
            c = n * 2.0;
        }
        Assert.Equal((false, false, true, false), (v.IsInference, w.IsInference, c.IsInference, n.IsInference));
        v.Add_(1.0); // a normal tensor: may be modified outside, bumping the shared counter
        Assert.Equal([2f, 2, 1], n.ToArray<float>());
        Assert.Equal(1, v.Version);

        var r = Tensor.Ones([3], requiresGrad: true);
        Tensor rv;
        using (Autograd.InferenceMode()) rv = r.Slice(0, 0, 2);
        Assert.Equal((true, false), (rv.RequiresGrad, rv.IsInference));
        Assert.Null(rv.GradFn);
    }

    [Fact]
    public void InPlaceOnANormalTensorInsideInferenceModeBumpsItsVersion()
    {
        var n = Tensor.Ones([3]);
        Assert.Equal(0, n.Version);
        using (Autograd.InferenceMode()) n.Add_(1.0);
        Assert.Equal(1, n.Version);
        Assert.False(n.IsInference);
    }

    [Fact]
    public void InferenceTensorsHaveNoVersionCounter()
    {
        var t = InferenceOnes();
        var e = Assert.ThrowsAny<InvalidOperationException>(() => t.Version);
        Assert.Equal("Inference tensors do not track version counter.", e.Message);
        using (Autograd.InferenceMode()) Assert.ThrowsAny<InvalidOperationException>(() => t.Version);
    }

    [Fact]
    public void InPlaceOnAnInferenceTensorOutsideThrowsAndChangesNothing()
    {
        var t = InferenceOnes();
        Throws(InPlaceOutside, () => t.Add_(1.0));
        Throws(InPlaceOutside, () => t.Zero_());
        Throws(InPlaceOutside, () => t.Copy_(Tensor.Randn([3], requiresGrad: true)));
        using (Autograd.NoGrad()) Throws(InPlaceOutside, () => t.Mul_(2.0));
        Assert.Equal([1f, 1, 1], t.ToArray<float>());
        using (Autograd.InferenceMode()) t.Add_(1.0); // inside: allowed
        Assert.Equal([2f, 2, 2], t.ToArray<float>());
    }

    [Fact]
    public void WhatWorksOnInferenceTensorsOutside()
    {
        var t = InferenceOnes();
        Assert.Equal(1f, t[0].Item<float>());
        Assert.Equal([3, 1], t.View(3, 1).Shape);
        var c = t.Clone().Add_(1.0); // a clone made outside is a normal tensor
        Assert.False(c.IsInference);
        Assert.Equal([2f, 2, 2], c.ToArray<float>());
        var u = Tensor.Zeros([3]);
        u.Copy_(t);
        Assert.Equal([1f, 1, 1], u.ToArray<float>());
    }

    [Fact]
    public void OnlySavingAnInferenceTensorForBackwardIsAnError()
    {
        var t = InferenceOnes();
        var x = Tensor.Randn([3], requiresGrad: true);
        var sum = t + x; // add saves nothing: fine
        sum.Sum().Backward();
        Assert.Equal([1f, 1, 1], x.Grad!.ToArray<float>());
        Throws(CannotSave, () => _ = t * x);
        Throws(CannotSave, () => _ = x * t);
        Throws(CannotSave, () => t.View(1, 3).Mm(x.View(3, 1)));
    }

    [Fact]
    public void BackwardUnderInferenceModeProducesInferenceGrad()
    {
        var x = Tensor.Ones([3], requiresGrad: true);
        var y = (x * 2.0).Sum();
        using (Autograd.InferenceMode()) y.Backward();
        Assert.Equal([2f, 2, 2], x.Grad!.ToArray<float>());
        Assert.True(x.Grad.IsInference);

        var z = Tensor.Ones([3], requiresGrad: true);
        (z * 2.0).Sum().Backward();
        Assert.Equal((false, false, true), (z.Grad!.IsInference, z.Grad.RequiresGrad, z.Grad.IsLeaf));
        Assert.Null(z.Grad.GradFn);
    }

    [Fact]
    public void BackwardOutsideIntoAnInferenceGradThrows()
    {
        var x = Tensor.Ones([3], requiresGrad: true);
        var y = (x * 2.0).Sum();
        using (Autograd.InferenceMode()) y.Backward();
        // PyTorch accumulates into .grad in place, which an inference tensor refuses outside InferenceMode
        Throws(InPlaceOutside, () => (x * 3.0).Sum().Backward());
        Assert.Equal([2f, 2, 2], x.Grad!.ToArray<float>());
        x.Grad = null;
        (x * 3.0).Sum().Backward();
        Assert.Equal([3f, 3, 3], x.Grad!.ToArray<float>());
        Assert.False(x.Grad.IsInference);
    }

    [Fact]
    public void InferenceModeFalseInsideInferenceModeRecords()
    {
        var x = Tensor.Ones([3], requiresGrad: true);
        using (Autograd.InferenceMode())
        using (Autograd.InferenceMode(false))
        {
            Assert.Equal((true, false), (Autograd.IsGradEnabled, Autograd.IsInferenceModeEnabled));
            var y = x * 2.0;
            Assert.Equal("MulBackward0", y.GradFn!.Name);
            Assert.False(y.IsInference);
        }
    }

    private const string InferenceView =
        "A view was created in inference mode and is being modified inplace in normal mode. Given that this use case is ambiguous and error-prone, it is forbidden. You can clarify your code by moving both the view and the inplace either both inside the inference_mode block (if you don't want the inplace to be tracked) or both outside (if you want the inplace to be tracked).";

    [Fact]
    public void ViewMadeInInferenceModeModifiedOutsideWithGrad()
    {
        var a = Tensor.Ones([3], requiresGrad: true) * 1.0;
        var x = Tensor.Ones([3], requiresGrad: true);
        var n = Tensor.Ones([3]);
        Tensor v, w, u, u2;
        using (Autograd.InferenceMode())
        {
            v = a.Slice(0, 0, 2);
            w = x.Slice(0, 0, 2);
            u = n.Slice(0, 0, 2);
            u2 = n.Slice(0, 0, 2);
        }
        Throws(InferenceView, () => v.Mul_(2.0));
        Throws(InferenceView, () => w.Mul_(2.0));
        u.Mul_(2.0); // nothing to track: fine
        Assert.Equal([2f, 2, 1], n.ToArray<float>());
        Throws(InferenceView, () => u2.Mul_(Tensor.Ones([2], requiresGrad: true)));
        Assert.Equal([2f, 2, 1], n.ToArray<float>());
    }
}
