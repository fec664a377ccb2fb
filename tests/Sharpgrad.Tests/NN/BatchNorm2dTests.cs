using Sharpgrad.NN;
using F = Sharpgrad.NN.Functional;

namespace Sharpgrad.Tests.NN;

/// <summary>BatchNorm2d and batch_norm over [N, C, *]: values, gradients, buffers and messages from PyTorch 2.6.</summary>
public class BatchNorm2dTests
{
    private static Tensor X()
    {
        var v = Enumerable.Range(0, 24).Select(i => Math.Sin(i * 0.7)).ToArray();
        return Tensor.FromArray(v, [2, 3, 2, 2]).RequiresGrad_();
    }

    private static BatchNorm2d Bn()
    {
        var bn = new BatchNorm2d(3, dtype: DType.Float64);
        using (Autograd.NoGrad())
        {
            bn.Weight!.Copy_(Check.F64([1.0, 2.0, 0.5], 3));
            bn.Bias!.Copy_(Check.F64([0.0, 0.10000000149011612, -0.20000000298023224], 3)); // the oracle copied float32 0.1 and -0.2
        }
        return bn;
    }

    [Fact]
    public void TrainingStepMatchesPyTorch()
    {
        var bn = Bn();
        var x = X();
        var y = bn.Call(x);
        Assert.Equal("NativeBatchNormBackward0", y.GradFn!.Name);
        Check.Close([-0.48296980395095523, 0.5454149173616608, 1.0901342352864254, 0.8949981431291929, 2.4022499319641764, 0.08210238172061694, -1.6798777560660691, -2.0550036908956995], y.Flatten().Narrow(0, 0, 8), 1e-12);
        (y * y.Detach().Cos()).Sum().Backward();
        Check.Close([0.6587037762998742, 0.24808105199428204, -0.5700876260950472, -0.24102567914434211, -1.3934708815146626, 3.716477295896861, -0.6022871678593765, -1.9320799128727453], x.Grad!.Flatten().Narrow(0, 0, 8), 1e-10);
        Check.Close([1.762154097687129, -1.552893543462687, 1.1233660837508501], bn.Weight!.Grad!, 1e-10);
        Check.Close([4.63493566689906, -0.8287469341388407, 6.907875678581398], bn.Bias!.Grad!, 1e-10);
        Check.Close([0.030254989563613274, -0.03454931868177812, 0.034851290270091505], bn.RunningMean!, 1e-12);
        Check.Close([0.944847159080117, 0.9399362250018145, 0.9395664017065424], bn.RunningVar!, 1e-12);
        Assert.Equal(1L, bn.NumBatchesTracked!.Item<long>());
        bn.Eval();
        Check.Close([-0.03112532740574714, 0.6316244115649658, 0.9826725925474207, 0.8569157707464312], bn.Call(X()).Flatten().Narrow(0, 0, 4), 1e-12);
        Assert.True(Autograd.GradCheck(a => F.BatchNorm(a[0], null, null, a[1], a[2], training: true),
            [X(), Check.F64([1.0, 2.0, 0.5], 3).RequiresGrad_(), Check.F64([0.0, 0.1, -0.2], 3).RequiresGrad_()]));
    }

    [Fact]
    public void InputChecksAndReprMatchPyTorch()
    {
        var bn = Bn();
        Assert.Equal("BatchNorm2d(3, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)", bn.ToString());
        Assert.Equal("expected 4D input (got 3D input)", Assert.Throws<ArgumentException>(() => bn.Call(Tensor.Zeros([2, 3, 4], DType.Float64))).Message);
        Assert.Equal("expected 2D or 3D input (got 4D input)", Assert.Throws<ArgumentException>(() => new BatchNorm1d(3).Call(Tensor.Zeros([2, 3, 4, 5]))).Message);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => F.BatchNorm(Tensor.Zeros([3]), null, null, training: true));
        Assert.StartsWith("Dimension out of range (expected to be in range of [-1, 0], but got 1)", e.Message);
        Check.Close([-0.48296980395095523, 0.5454149173616608, 1.0901342352864254],
            F.BatchNorm(X().Detach(), null, null, training: true).Flatten().Narrow(0, 0, 3), 1e-12);
    }
}
