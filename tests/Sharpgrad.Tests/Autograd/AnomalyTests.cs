using Sharpgrad.Tests.Core;

namespace Sharpgrad.Tests.AutogradTests;

[CollectionDefinition("Anomaly", DisableParallelization = true)]
public class AnomalyCollection;

/// <summary>torch.autograd.detect_anomaly (process-wide, so this class runs alone): PyTorch 2.6's messages.</summary>
[Collection("Anomaly")]
public class AnomalyTests
{
    [Fact]
    public void NanGradientsAreRefusedAndNamedWithTheForwardCall()
    {
        Assert.False(Autograd.IsAnomalyEnabled);
        Assert.True(Autograd.IsAnomalyCheckNanEnabled);
        using (Autograd.DetectAnomaly())
        {
            Assert.True(Autograd.IsAnomalyEnabled);
            var x = Tensor.FromArray(new[] { 0f, 1f }, requiresGrad: true);
            var z = (RecordSqrtTimesZero(x)).Sum();
            var e = Check.Throws<InvalidOperationException>("Function 'SqrtBackward0' returned nan values in its 0th output.", () => z.Backward());
            Assert.Contains("Error detected in SqrtBackward0. Traceback of forward call that caused the error:", e.Message);
            Assert.Contains(nameof(RecordSqrtTimesZero), e.Message);
            Assert.Null(x.Grad);
        }
        Assert.False(Autograd.IsAnomalyEnabled);
        var y = Tensor.FromArray(new[] { 0f, 1f }, requiresGrad: true);
        RecordSqrtTimesZero(y).Sum().Backward();
        Check.Values(new[] { float.NaN, 0f }, y.Grad!, 2);
        using (Autograd.DetectAnomaly(checkNan: false))
        {
            Assert.False(Autograd.IsAnomalyCheckNanEnabled);
            var w = Tensor.FromArray(new[] { 0f, 1f }, requiresGrad: true);
            RecordSqrtTimesZero(w).Sum().Backward();
            Check.Values(new[] { float.NaN, 0f }, w.Grad!, 2);
        }
        Assert.True(Autograd.IsAnomalyCheckNanEnabled);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static Tensor RecordSqrtTimesZero(Tensor x) => x.Sqrt() * 0;

    [Fact]
    public void TheVersionErrorPointsAtTheTraceInsteadOfSuggestingAnomalyMode()
    {
        var scope = Autograd.SetDetectAnomaly(true);
        try
        {
            var w = Tensor.FromArray(new[] { 1f }, requiresGrad: true);
            var q = w.Exp();
            using (Autograd.NoGrad()) q.Mul_(2);
            var e = Check.Throws<InvalidOperationException>(
                "one of the variables needed for gradient computation has been modified by an inplace operation: [torch.FloatTensor [1]], which is output 0 of ExpBackward0, is at version 1; expected version 0 instead. Hint: the backtrace further above shows the operation that failed to compute its gradient. The variable in question was changed in there or anywhere later. Good luck!",
                () => q.Sum().Backward());
            Assert.Contains("Error detected in ExpBackward0", e.Message);
        }
        finally { scope.Dispose(); }
        Assert.False(Autograd.IsAnomalyEnabled);
    }
}
