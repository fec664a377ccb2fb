using Sharpgrad.NN;
using Sharpgrad.Optim;

namespace Sharpgrad.Tests.Docs;

/// <summary>The README's tour, run as written, with the values it claims asserted.</summary>
[Collection("Seed")]
public class ReadmeTourTests
{
    [Fact]
    public void TourRunsAndSaysTrue()
    {
        Tensor.ManualSeed(0);
        var a = Tensor.Arange(6.0, 12.0).View(2, 3);
        Assert.Equal("tensor([[ 6.,  7.,  8.],\n        [ 9., 10., 11.]])", a.ToString());
        var col = a.T.Select(0, 1);
        col.Fill_(0);
        Assert.Equal(new float[] { 6, 0, 8, 9, 0, 11 }, a.ToArray<float>()); // column 1 of a, zeroed through the view
        var s = (a * 2.0 + Tensor.Ones([3])).Sum(1);
        Assert.Equal(new float[] { 31, 43 }, s.ToArray<float>());
        var row = a[1, 1..];
        Assert.Equal(new float[] { 0, 11 }, row.ToArray<float>());
        a[.., Tensor.FromArray(new long[] { 2, 0 })] = Tensor.Full([2, 1], -1.0);
        Assert.Equal(new float[] { -1, 0, -1, -1, 0, -1 }, a.ToArray<float>());
        Assert.Equal(new float[] { 0, -1 }, row.ToArray<float>()); // the view sees the write

        var x = Tensor.Randn([10, 6], requiresGrad: true);
        var y = (x * 3.0).Sum();
        Assert.Equal("SumBackward0", y.GradFn!.Name);
        y.Backward();
        Assert.All(x.Grad!.ToArray<float>(), g => Assert.Equal(3f, g));
        using (Autograd.NoGrad()) Assert.False((x * 3.0).RequiresGrad);
        using (Autograd.InferenceMode()) Assert.True((x * 2.0).IsInference);
        var info = Autograd.Inspect((x * x).Sum());
        Assert.Equal(3, info.Nodes);          // SumBackward0, MulBackward0, AccumulateGrad
        Assert.Equal(2, info.SavedTensors);   // x twice, one storage
        Assert.Equal(240, info.SavedBytes);

        var model = new Sequential(new Linear(2, 64), new ReLU(), new Linear(64, 2));
        var opt = new Adam(model.Parameters(), lr: 1e-2);
        var inputs = Tensor.Randn([32, 2]);
        var labels = Tensor.RandInt(0, 2, [32]);
        var loss = Functional.CrossEntropy(model.Forward(inputs), labels);
        loss.Backward();
        opt.Step();
        opt.ZeroGrad();
        Assert.All(model.Parameters(), p => Assert.Null(p.Grad));
        var path = Path.Combine(Path.GetTempPath(), $"sharpgrad-tour-{Guid.NewGuid():N}.safetensors");
        try
        {
            model.Save(path);
            var fresh = new Sequential(new Linear(2, 64), new ReLU(), new Linear(64, 2));
            fresh.Load(path);
            using (Autograd.NoGrad()) Assert.True(model.Forward(inputs).Equal(fresh.Forward(inputs)));
        }
        finally
        {
            File.Delete(path);
        }

        var weighted = new CrossEntropyLoss(weight: Tensor.FromArray(new[] { 1f, 3f }));
        Assert.Equal(["weight"], weighted.StateDict().Keys);
        var conv = new Conv2d(4, 8, (3, 5), padding: (1, 2), dilation: (1, 2), groups: 2);
        Assert.Equal([1, 8, 6, 3], conv.Forward(Tensor.Randn([1, 4, 6, 7])).Shape);
        var widths = new List<int>();
        using (var hook = model[1].RegisterForwardHook((m, input, output) => { widths.Add(output.Shape[1]); return null; }))
        {
            model.Call(inputs);
            model.Forward(inputs);
        }
        Assert.Equal([64, 64], widths); // Call fires the hook; Sequential.Forward calls its layers through Call too
        var schedule = new StepLR(opt, stepSize: 10, gamma: 0.5);
        Assert.Contains("step_size", schedule.StateDict().Keys);
    }
}
