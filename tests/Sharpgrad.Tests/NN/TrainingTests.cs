using Sharpgrad.NN;
using Sharpgrad.Optim;

namespace Sharpgrad.Tests.NN;

/// <summary>Proof that it learns: a small MLP separates two interleaved spirals; a whole model passes a Float64 gradcheck.</summary>
[Collection("Seed")]
public class TrainingTests
{
    /// <summary>Two interleaved spirals (1.5 turns each) with a little noise: [n·2, 2] points and Int64 labels 0/1.</summary>
    private static (Tensor X, Tensor Y) Spirals(int perClass, int seed)
    {
        var rng = new Random(seed);
        var xs = new float[perClass * 2 * 2];
        var ys = new long[perClass * 2];
        for (int c = 0; c < 2; c++)
            for (int i = 0; i < perClass; i++)
            {
                double t = 0.5 + 3 * Math.PI * (i + rng.NextDouble()) / perClass;
                double r = t / (3 * Math.PI);
                int k = c * perClass + i;
                xs[2 * k] = (float)(r * Math.Cos(t + c * Math.PI) + 0.02 * (rng.NextDouble() - 0.5));
                xs[2 * k + 1] = (float)(r * Math.Sin(t + c * Math.PI) + 0.02 * (rng.NextDouble() - 0.5));
                ys[k] = c;
            }
        return (Tensor.FromArray(xs, [perClass * 2, 2]), Tensor.FromArray(ys));
    }

    private static double Accuracy(Tensor logits, Tensor labels) =>
        logits.ArgMax(1).Eq(labels).To(DType.Float32).Mean().Item<float>();

    [Fact]
    public void MlpLearnsTwoSpirals()
    {
        Tensor.ManualSeed(0);
        var (x, y) = Spirals(150, seed: 1);
        var (xVal, yVal) = Spirals(100, seed: 2);
        var model = new Sequential(new Linear(2, 32), new Tanh(), new Linear(32, 32), new Tanh(), new Linear(32, 2));
        var opt = new Adam(model.Parameters(), lr: 0.02);
        var schedule = new StepLR(opt, stepSize: 300, gamma: 0.5);
        var loss = new CrossEntropyLoss();

        double first = 0, last = 0;
        for (int step = 0; step < 900; step++)
        {
            opt.ZeroGrad();
            var l = loss.Forward(model.Forward(x), y);
            l.Backward();
            opt.Step();
            schedule.Step();
            if (step == 0) first = l.Item<float>();
            last = l.Item<float>();
        }
        Assert.True(last < first / 10, $"loss went from {first} to {last}");

        model.Eval();
        double validation;
        using (Autograd.NoGrad())
        {
            var logits = model.Forward(xVal);
            Assert.False(logits.RequiresGrad);
            validation = Accuracy(logits, yVal);
        }
        Assert.True(validation > 0.95, $"validation accuracy {validation}, final loss {last}");

        Tensor predicted;
        using (Autograd.InferenceMode()) predicted = model.Forward(x);
        Assert.True(predicted.IsInference);
        Assert.True(Accuracy(predicted, y) > 0.95);
    }

    [Fact]
    public void WholeModelGradientsMatchFiniteDifferences()
    {
        Tensor.ManualSeed(5);
        var model = new Sequential(
            new Linear(4, 6, dtype: DType.Float64), new LayerNorm(6, dtype: DType.Float64), new GELU(),
            new Linear(6, 5, dtype: DType.Float64), new Tanh(), new BatchNorm1d(5, dtype: DType.Float64),
            new Linear(5, 3, dtype: DType.Float64));
        var x = Tensor.Randn([7, 4], DType.Float64, requiresGrad: true);
        var y = Tensor.FromArray(new long[] { 0, 2, 1, 1, 0, 2, -100 });
        var parameters = model.Parameters().Prepend(x).ToArray();
        Assert.Equal(11, parameters.Length);
        Assert.True(Autograd.GradCheck(_ => Functional.CrossEntropy(model.Forward(x), y, labelSmoothing: 0.05), parameters));
    }

    [Fact]
    public void ConvNetGradientsMatchFiniteDifferences()
    {
        Tensor.ManualSeed(6);
        var model = new Sequential(
            new Conv2d(1, 2, 3, padding: 1, dtype: DType.Float64), new ReLU(), new MaxPool2d(2),
            new Flatten(), new Linear(2 * 3 * 3, 2, dtype: DType.Float64));
        var x = Tensor.Randn([2, 1, 6, 6], DType.Float64);
        var y = Tensor.FromArray(new long[] { 1, 0 });
        Assert.True(Autograd.GradCheck(_ => Functional.CrossEntropy(model.Forward(x), y), model.Parameters().ToArray()));
    }
}
