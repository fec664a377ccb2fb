using Sharpgrad.NN;

namespace Sharpgrad.Tests.NN;

/// <summary>nn.AdaptiveLogSoftmaxWithLoss with fixed weights: PyTorch 2.6's outputs, loss, gradients, log_prob, predict, repr and messages.</summary>
public class AdaptiveLogSoftmaxTests
{
    private static AdaptiveLogSoftmaxWithLoss Model()
    {
        var m = new AdaptiveLogSoftmaxWithLoss(4, 10, [3, 6], divValue: 2.0, dtype: DType.Float64);
        using (Autograd.NoGrad())
            foreach (var (name, p) in m.NamedParameters())
            {
                var values = (Tensor.Arange(0, p.NumElements, 1, DType.Float64) * 0.37 + name.Length).Remainder(1.3) - 0.6;
                p.Copy_(values.Reshape(p.Shape.ToArray()));
            }
        return m;
    }

    private static Tensor X() => ((Tensor.Arange(0, 20, 1, DType.Float64) * 0.53).Remainder(2.1) - 1.0).Reshape(5, 4);

    [Fact]
    public void ForwardAndBackwardMatchPyTorch()
    {
        var m = Model();
        var x = X().RequiresGrad_();
        var (output, loss) = m.Forward(x, Tensor.FromArray(new long[] { 0, 4, 9, 2, 7 }));
        Assert.Equal("AddBackward0", output.GradFn!.Name);
        Assert.Equal("MeanBackward0", loss.GradFn!.Name);
        Check.Close([-2.0996084946437006, -2.659679956639036, -2.139228961714834, -1.796712506360627, -2.3663647309916236], output, 1e-13);
        Check.Close(2.2123189300699644, loss.Item(), 1e-13);
        loss.Backward();
        Check.Close([-0.02167313454079596, -0.1030377979692956, 0.09763066012661968, 0.09763066012662, -0.10396625839551499, 0.12411549399278243,
            -0.05997456909115148, -0.010330607447683722, 0.09575784107858214, 0.017697111863860485, -0.05089419393114853, -0.04719299234465415,
            -0.09302327500832469, 0.08501289052108014, 0.025744382260942493, 0.02574438226094245, 0.08500063005125273, -0.03489949627625009,
            0.0006909422563724024, -0.0370412576851963], x.Grad!, 1e-12);
        Check.Close([0.08401403445861454, 0.042028971076796706, 4.390769497887364e-05, -0.041941155686838996, -0.10293231293102925, -0.04608784898108619],
            m.Head.Weight.Grad!.Reshape(-1).Narrow(0, 0, 6), 1e-12);
        var (single, singleLoss) = m.Forward(X()[1], Tensor.Scalar(4, DType.Int64));
        Assert.Equal(0, single.Dim);
        Check.Close(-2.659679956639036, single.Item(), 1e-13);
        Check.Close(2.659679956639036, singleLoss.Item(), 1e-13);
    }

    [Fact]
    public void LogProbPredictReprAndChecks()
    {
        var m = Model();
        Check.Close([-2.0996084946437006, -2.2472084946437008, -1.7838084946437012, -3.1971713418149705, -2.66472334181497, -3.368315341814972,
            -2.2125212655790416, -2.3611132655790414, -1.9876252655790418, -2.1362172655790417], m.LogProb(X()).Reshape(-1).Narrow(0, 0, 10), 1e-13);
        Core.Check.Values(new long[] { 2, 2, 2, 2, 2 }, m.Predict(X()), 5);
        Assert.Equal(m.LogProb(X()).ArgMax(1).ToArray<long>(), m.Predict(X()).ToArray<long>());
        Core.Check.Throws<ArgumentException>("Target values should be in [0, 9], but values in range [0, 10] were found. ",
            () => m.Forward(X(), Tensor.FromArray(new long[] { 0, 4, 10, 2, 7 })));
        Core.Check.Throws<ArgumentException>("cutoffs should be a sequence of unique, positive integers sorted in an increasing order, where each value is between 1 and n_classes-1",
            () => new AdaptiveLogSoftmaxWithLoss(4, 10, [3, 3]));
        Assert.Equal("AdaptiveLogSoftmaxWithLoss(\n  (head): Linear(in_features=4, out_features=5, bias=False)\n  (tail): ModuleList(\n    (0): Sequential(\n"
            + "      (0): Linear(in_features=4, out_features=2, bias=False)\n      (1): Linear(in_features=2, out_features=3, bias=False)\n    )\n"
            + "    (1): Sequential(\n      (0): Linear(in_features=4, out_features=1, bias=False)\n      (1): Linear(in_features=1, out_features=4, bias=False)\n    )\n  )\n)", m.ToString());
        var leaf = X().RequiresGrad_();
        var t = Tensor.FromArray(new long[] { 0, 4, 9, 2, 7 });
        Assert.True(Autograd.GradCheck(a => m.Forward(a[0], t).Loss, [leaf]));
    }
}
