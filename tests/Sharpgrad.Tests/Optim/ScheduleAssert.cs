using Sharpgrad.Optim;

namespace Sharpgrad.Tests.Optim;

/// <summary>Helpers for scheduler tests: record rates per epoch and compare them with PyTorch's.</summary>
internal static class ScheduleAssert
{
    /// <summary>Rates at epoch 0..n (optimizer step, then scheduler step), checking the optimizer follows; <paramref name="each"/> runs after every epoch (0 included).</summary>
    internal static List<double> Record(Optimizer opt, Action step, Func<double> lastLr, int n, Action? each = null)
    {
        var lrs = new List<double> { lastLr() };
        each?.Invoke();
        for (int i = 0; i < n; i++)
        {
            opt.Step();
            step();
            lrs.Add(lastLr());
            Assert.Equal(lastLr(), opt.LearningRate);
            each?.Invoke();
        }
        return lrs;
    }

    /// <summary>Element-wise equality to 1e-15.</summary>
    internal static void Close(double[] expected, List<double> actual)
    {
        Assert.Equal(expected.Length, actual.Count);
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 1e-15);
    }
}
