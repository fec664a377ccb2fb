using Sharpgrad.NN;

namespace Sharpgrad.Tests.NN;

/// <summary>Batch norm with momentum null (the cumulative moving average, weight 1/num_batches_tracked) against PyTorch 2.6.</summary>
public class BatchNormCumulativeTests
{
    private static Tensor F32(int[] shape, double k, double scale = 1) => Check.Det(shape, k, scale).To(DType.Float32);

    [Fact]
    public void CumulativeAverageOverBatchesMatchesPyTorch()
    {
        var bn = new BatchNorm1d(3, momentum: null);
        Assert.Null(bn.Momentum);
        Assert.Equal("BatchNorm1d(3, eps=1e-05, momentum=None, affine=True, track_running_stats=True)", bn.ToString());
        double[][] means =
        [
            [0.25118792057037354, 0.190758615732193, 0.04061254858970642],
            [0.562039315700531, 0.908244252204895, 0.5032390356063843],
            [1.1783429384231567, 1.1742095947265625, 1.0422894954681396],
        ];
        double[][] vars =
        [
            [0.7475202679634094, 0.6434555053710938, 0.5080894827842712],
            [2.0267486572265625, 1.0380852222442627, 1.9444395303726196],
            [3.5649666786193848, 2.591590642929077, 2.92218017578125],
        ];
        Tensor y = null!;
        for (int i = 0; i < 3; i++)
        {
            y = bn.Call(F32([4, 3], 0.7 + i, 1 + i).Add(i));
            Check.Close(means[i], bn.RunningMean!, 1e-6);
            Check.Close(vars[i], bn.RunningVar!, 1e-6);
            Assert.Equal(i + 1L, bn.NumBatchesTracked!.Item<long>());
        }
        Check.Close([1.1600573062896729, -1.169782280921936, 0.9325708746910095, -0.511500895023346, -0.13985493779182434, 0.8701882362365723,
            -1.368862509727478, 1.5914256572723389, -1.512976884841919, 0.720306396484375, -0.28178828954696655, -0.2897823750972748], y, 1e-5);
    }

    [Fact]
    public void FactorUsesTheIncrementedCountAndEvalLeavesStatsMatchingPyTorch()
    {
        var bn2 = new BatchNorm2d(2, momentum: null);
        bn2.NumBatchesTracked!.Fill_(4); // weight 1/5 for the next batch
        bn2.Call(F32([2, 2, 2, 3], 0.3, 2.0));
        Check.Close([0.06590355187654495, 0.028146862983703613], bn2.RunningMean!, 1e-6);
        Check.Close([1.131438136100769, 1.3929413557052612], bn2.RunningVar!, 1e-6);
        Assert.Equal(5L, bn2.NumBatchesTracked.Item<long>());

        var bn3 = new BatchNorm3d(2, eps: 1e-3, momentum: null, affine: false);
        Assert.Equal("BatchNorm3d(2, eps=0.001, momentum=None, affine=False, track_running_stats=True)", bn3.ToString());
        bn3.Call(F32([2, 2, 1, 2, 2], 0.45));
        Check.Close([0.1567360758781433, 0.08447231352329254], bn3.RunningMean!, 1e-6);
        Check.Close([0.47584015130996704, 0.7471750378608704], bn3.RunningVar!, 1e-6);
        bn3.Eval();
        Check.Close([1.22117280960083, 0.6732072234153748, -0.360329270362854, -1.1428642272949219], bn3.Call(F32([1, 2, 1, 1, 2], 0.9)), 1e-6);
        Assert.Equal(1L, bn3.NumBatchesTracked!.Item<long>());
    }

    [Fact]
    public void UntrackedBatchNormAndInstanceNormTakeNullMomentumAsPyTorch()
    {
        var nt = new BatchNorm1d(2, momentum: null, trackRunningStats: false);
        Assert.Equal("BatchNorm1d(2, eps=1e-05, momentum=None, affine=True, track_running_stats=False)", nt.ToString());
        Check.Close([1.0285707712173462, 1.1524425745010376, 0.32622119784355164, 0.13360781967639923, -1.3547917604446411, -1.2860503196716309],
            nt.Call(F32([3, 2], 0.4)), 1e-6);

        var inn = new InstanceNorm1d(2, momentum: null, trackRunningStats: true); // PyTorch passes momentum 0.0
        Assert.Equal("InstanceNorm1d(2, eps=1e-05, momentum=None, affine=False, track_running_stats=True)", inn.ToString());
        inn.Call(F32([2, 2, 3], 0.6).Add(1));
        Assert.Equal(new float[] { 0, 0 }, inn.RunningMean!.ToArray<float>());
        Assert.Equal(new float[] { 1, 1 }, inn.RunningVar!.ToArray<float>());
        Assert.Equal(0L, inn.NumBatchesTracked!.Item<long>());
    }

    [Fact]
    public void ResetRunningStatsRestoresTheInitialBuffers()
    {
        var bn = new BatchNorm1d(2, momentum: 0.5);
        bn.Call(F32([3, 2], 0.4, 3));
        bn.ResetRunningStats();
        Assert.Equal(new float[] { 0, 0 }, bn.RunningMean!.ToArray<float>());
        Assert.Equal(new float[] { 1, 1 }, bn.RunningVar!.ToArray<float>());
        Assert.Equal(0L, bn.NumBatchesTracked!.Item<long>());
        new BatchNorm1d(2, trackRunningStats: false).ResetRunningStats(); // nothing to reset
    }
}
