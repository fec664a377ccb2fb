using GradModes;
using Sharpgrad.Serialization;

namespace Sharpgrad.Tests.Example;

/// <summary>Trains once (the example's default 30 epochs, about two seconds) for every test below.</summary>
public sealed class TrainedSpirals : IDisposable
{
    public string Dir { get; } = Path.Combine(Path.GetTempPath(), "gradmodes-test-" + Guid.NewGuid().ToString("N"));

    public string Output { get; }

    public TrainingResult Result { get; }

    public TrainedSpirals()
    {
        var writer = new StringWriter();
        Result = new Training(App.CreateConsole(writer, plain: true, noColor: true), Options.DefaultEpochs, Dir).Run();
        Output = writer.ToString();
    }

    public void Dispose()
    {
        try { Directory.Delete(Dir, recursive: true); } catch (IOException) { }
    }
}

[Collection("GradModes example")]
public class TrainingTests(TrainedSpirals trained) : IClassFixture<TrainedSpirals>
{
    private TrainingResult R => trained.Result;

    [Fact]
    public void ReachesItsAccuracy()
    {
        Assert.Equal(Options.DefaultEpochs, R.History.Count);
        Assert.Equal(Enumerable.Range(1, Options.DefaultEpochs), R.History.Select(h => h.Epoch));
        var last = R.History[^1];
        Assert.True(last.ValAccuracy >= 0.97, $"validation accuracy {last.ValAccuracy}");
        Assert.True(last.TrainAccuracy >= 0.97, $"training accuracy {last.TrainAccuracy}");
        Assert.True(R.History[0].ValAccuracy < 0.9, "the task is not trivial at epoch 1");
        Assert.True(last.TrainLoss < R.History[0].TrainLoss / 10);
    }

    [Fact]
    public void ValidationMatchesAFreshNoGradEvaluation()
    {
        var (loss, acc) = Training.Evaluate(R.Model, R.Validation);
        Assert.Equal(R.History[^1].ValAccuracy, acc);
        Assert.Equal(R.History[^1].ValLoss, loss, 6);
        // Validation built no graph: the model's parameters have no stale gradients from it.
        var logits = Autograd.NoGrad(() => R.Model.Forward(R.Validation.Points));
        Assert.Null(logits.GradFn);
    }

    [Fact]
    public void PredictionsAreInferenceTensors()
    {
        var probs = Training.Predict(R.Model, R.Validation.Points);
        Assert.True(probs.IsInference);
        Assert.False(probs.RequiresGrad);
        Assert.Equal(new[] { R.Validation.Count, 2 }, probs.Shape);
        var p = probs.ToArray<float>();
        for (int i = 0; i < R.Validation.Count; i++) Assert.Equal(1.0, p[2 * i] + p[2 * i + 1], 5);
    }

    [Fact]
    public void CheckpointRoundTrips()
    {
        Assert.True(File.Exists(R.CheckpointPath));
        var state = SafeTensors.Load(R.CheckpointPath);
        Assert.Equal(new[] { "0.bias", "0.weight", "2.bias", "2.weight", "4.bias", "4.weight" }, state.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(new[] { 64, 2 }, state["0.weight"].Shape);
        Assert.Equal(new[] { 2 }, state["4.bias"].Shape);
        Assert.Equal("two spirals", SafeTensors.ReadMetadata(R.CheckpointPath)["task"]);
        Assert.True(R.FreshAccuracy < 0.9, $"an untrained model scores {R.FreshAccuracy}");
        Assert.Equal(R.History[^1].ValAccuracy, R.LoadedAccuracy);
        Assert.Equal(0.0, R.MaxAbsDifference);

        Tensor.ManualSeed(1234);
        var fresh = Training.MakeModel();
        fresh.Load(R.CheckpointPath);
        foreach (var ((name, a), (_, b)) in R.Model.NamedParameters().Zip(fresh.NamedParameters()))
            Assert.True(a.Equal(b), name);
    }

    [Fact]
    public void WritesTheCsvAndThePng()
    {
        var csv = File.ReadAllLines(R.CsvPath);
        Assert.Equal(Figures.CsvHeader, csv[0]);
        Assert.Equal(Options.DefaultEpochs + 1, csv.Length);
        var lastRow = csv[^1].Split(',');
        Assert.Equal(Options.DefaultEpochs.ToString(), lastRow[0]);
        Assert.Equal(R.History[^1].ValAccuracy, double.Parse(lastRow[4], System.Globalization.CultureInfo.InvariantCulture));

        foreach (var path in new[] { R.PngPath, R.DecisionPngPath })
        {
            var png = File.ReadAllBytes(path);
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
            Assert.True(png.Length > 10_000, $"{path}: PNG of {png.Length} bytes");
        }
        Assert.Contains(Training.Where(R.PngPath), trained.Output);
        Assert.Contains(Training.Where(R.CsvPath), trained.Output);
        Assert.Contains(Training.Where(R.DecisionPngPath), trained.Output);
    }
}
