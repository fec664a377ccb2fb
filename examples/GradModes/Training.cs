using System.Diagnostics;
using Sharpgrad;
using Sharpgrad.NN;
using Sharpgrad.Optim;
using Spectre.Console;

namespace GradModes;

/// <summary>One epoch's figures: training under the default mode, validation under NoGrad.</summary>
public sealed record EpochStats(int Epoch, double TrainLoss, double TrainAccuracy, double ValLoss, double ValAccuracy, double SamplesPerSecond);

/// <summary>What the training part produced, for the modes part and for tests.</summary>
public sealed record TrainingResult(
    Sequential Model, Spirals Validation, IReadOnlyList<EpochStats> History,
    string CheckpointPath, string CsvPath, string PngPath, string DecisionPngPath,
    double FreshAccuracy, double LoadedAccuracy, double MaxAbsDifference);

/// <summary>
/// Part 2: trains a small MLP on two spirals with a live progress bar, validates every epoch under
/// NoGrad, serves predictions under InferenceMode, round-trips a safetensors checkpoint and writes
/// the loss curve (PNG) next to its figures (CSV).
/// </summary>
public sealed class Training(IAnsiConsole console, int epochs, string outDir)
{
    public const int Seed = 7;
    public const int BatchSize = 32;

    /// <summary>The model of parts 2 and 3: 2 inputs, two hidden layers of 64, 2 logits.</summary>
    public static Sequential MakeModel() =>
        new(new Linear(2, 64), new ReLU(), new Linear(64, 64), new ReLU(), new Linear(64, 2));

    /// <summary>Runs the part and returns what it made.</summary>
    public TrainingResult Run()
    {
        console.Write(new Rule("[bold yellow]Part 2 · A real training run[/]").LeftJustified());
        var (train, val) = Spirals.Make(perClass: 600, noise: 0.04, seed: Seed).Split(960, Seed);
        Tensor.ManualSeed(Seed);
        var model = MakeModel();
        console.WriteLine($"Two spirals: {train.Count} training and {val.Count} validation points; " +
                          $"model {Describe(model)} ({model.Parameters().Sum(p => p.NumElements)} parameters), Adam, batch {BatchSize}.");
        var optimizer = new Adam(model.Parameters(), lr: 0.01);
        var history = Fit(model, optimizer, train, val);

        ServePredictions(model, val);
        Directory.CreateDirectory(outDir);
        var (checkpoint, fresh, loaded, diff) = RoundTrip(model, val);
        string csv = Path.Combine(outDir, "loss.csv");
        string png = Path.Combine(outDir, "loss.png");
        string boundary = Path.Combine(outDir, "decision.png");
        Figures.WriteCsv(history, csv);
        Figures.WriteLossPng(history, png);
        Figures.WriteDecisionPng(model, val, boundary);
        console.WriteLine($"Figures per epoch: {Where(csv)}");
        console.WriteLine($"Loss curve:        {Where(png)}");
        console.WriteLine($"Decision boundary: {Where(boundary)}");
        console.WriteLine();
        return new TrainingResult(model, val, history, checkpoint, csv, png, boundary, fresh, loaded, diff);
    }

    private List<EpochStats> Fit(Sequential model, Optimizer optimizer, Spirals train, Spirals val)
    {
        var history = new List<EpochStats>();
        var shuffle = new Random(Seed);
        int steps = (train.Count + BatchSize - 1) / BatchSize;
        int every = Math.Max(1, epochs / 10);
        void Epochs(Action<int, double, double, double>? onStep)
        {
            for (int epoch = 1; epoch <= epochs; epoch++)
            {
                var stats = TrainEpoch(model, optimizer, train, shuffle, epoch, onStep);
                var (valLoss, valAcc) = Evaluate(model, val);
                stats = stats with { ValLoss = valLoss, ValAccuracy = valAcc };
                history.Add(stats);
                if (epoch == 1 || epoch == epochs || epoch % every == 0) console.MarkupLine(EpochLine(stats));
            }
        }
        if (console.Profile.Capabilities.Interactive)
        {
            console.Progress().AutoClear(true).HideCompleted(true)
                .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .Start(ctx =>
                {
                    var task = ctx.AddTask("training", maxValue: (double)epochs * steps);
                    Epochs((epoch, loss, acc, rate) =>
                    {
                        task.Description = $"epoch {epoch}/{epochs}  loss {loss:F4}  acc {Pct(acc)}  {rate:N0} samples/s";
                        task.Increment(1);
                    });
                });
        }
        else
        {
            Epochs(null);
        }
        return history;
    }

    private string EpochLine(EpochStats s) =>
        $"epoch {s.Epoch.ToString().PadLeft(epochs.ToString().Length)}/{epochs}  " +
        $"loss {s.TrainLoss:F4} acc {Pct(s.TrainAccuracy),6}  " +
        $"│ val (NoGrad) loss [bold]{s.ValLoss:F4}[/] acc [green]{Pct(s.ValAccuracy),6}[/]  " +
        $"│ {s.SamplesPerSecond,7:N0} samples/s";

    /// <summary>0.9958 as "99.6%".</summary>
    public static string Pct(double fraction) => $"{fraction * 100:F1}%";

    private EpochStats TrainEpoch(Sequential model, Optimizer optimizer, Spirals train, Random shuffle, int epoch,
        Action<int, double, double, double>? onStep)
    {
        model.Train();
        var order = Spirals.Permutation(train.Count, shuffle);
        double lossSum = 0;
        long correct = 0, seen = 0;
        var clock = Stopwatch.StartNew();
        for (int start = 0; start < order.Length; start += BatchSize)
        {
            var batch = train.Take(Tensor.FromArray(order[start..Math.Min(start + BatchSize, order.Length)]));
            var logits = model.Forward(batch.Points);
            var loss = Functional.CrossEntropy(logits, batch.Labels);
            optimizer.ZeroGrad();
            loss.Backward();
            optimizer.Step();
            lossSum += loss.Item() * batch.Count;
            correct += Correct(logits, batch.Labels);
            seen += batch.Count;
            onStep?.Invoke(epoch, lossSum / seen, (double)correct / seen, seen / clock.Elapsed.TotalSeconds);
        }
        return new EpochStats(epoch, lossSum / seen, (double)correct / seen, 0, 0, seen / clock.Elapsed.TotalSeconds);
    }

    /// <summary>Validation loss and accuracy, computed under NoGrad: no graph, same numbers.</summary>
    public static (double Loss, double Accuracy) Evaluate(Module model, Spirals data)
    {
        model.Eval();
        using (Autograd.NoGrad())
        {
            var logits = model.Forward(data.Points);
            double loss = Functional.CrossEntropy(logits, data.Labels).Item();
            return (loss, (double)Correct(logits, data.Labels) / data.Count);
        }
    }

    private static long Correct(Tensor logits, Tensor labels)
    {
        using (Autograd.NoGrad()) return logits.ArgMax(1).Eq(labels).Sum().Item<long>();
    }

    /// <summary>Class probabilities under InferenceMode: the results are inference tensors.</summary>
    public static Tensor Predict(Module model, Tensor points)
    {
        model.Eval();
        using (Autograd.InferenceMode()) return Functional.Softmax(model.Forward(points), 1);
    }

    private void ServePredictions(Sequential model, Spirals val)
    {
        var probs = Predict(model, val.Points);
        console.WriteLine($"Serving under InferenceMode: probs.IsInference = {probs.IsInference}, " +
                          $"probs.RequiresGrad = {probs.RequiresGrad}, probs.GradFn = {probs.GradFn?.Name ?? "null"}");
        var p = probs.ToArray<float>();
        var xy = val.Points.ToArray<float>();
        var y = val.Labels.ToArray<long>();
        var table = new Table().Border(TableBorder.Rounded).Title("First validation points");
        foreach (var c in new[] { "x", "y", "true class", "predicted", "p(class 1)" }) table.AddColumn(new TableColumn(c).RightAligned());
        for (int i = 0; i < 5; i++)
        {
            int predicted = p[2 * i + 1] > p[2 * i] ? 1 : 0;
            table.AddRow($"{xy[2 * i]:F3}", $"{xy[2 * i + 1]:F3}", $"{y[i]}",
                predicted == y[i] ? $"[green]{predicted}[/]" : $"[red]{predicted}[/]", $"{p[2 * i + 1]:F4}");
        }
        console.Write(table);
    }

    private (string Path, double Fresh, double Loaded, double MaxDiff) RoundTrip(Sequential model, Spirals val)
    {
        string path = Path.Combine(outDir, "spirals.safetensors");
        model.Save(path, new Dictionary<string, string> { ["task"] = "two spirals", ["epochs"] = epochs.ToString() });
        var before = Predict(model, val.Points);

        Tensor.ManualSeed(Seed + 1);
        var fresh = MakeModel();
        double freshAcc = Evaluate(fresh, val).Accuracy;
        fresh.Load(path);
        double loadedAcc = Evaluate(fresh, val).Accuracy;
        var after = Predict(fresh, val.Points);
        double maxDiff;
        using (Autograd.InferenceMode()) maxDiff = (after - before).Abs().Max().Item();

        var keys = string.Join(", ", SafeTensorsKeys(path));
        console.WriteLine($"Checkpoint: {Where(path)} ({new FileInfo(path).Length:N0} bytes: {keys})");
        console.MarkupLine($"A fresh model scores [red]{Pct(freshAcc)}[/]; loaded from the checkpoint it scores [green]{Pct(loadedAcc)}[/], " +
                           $"and its predictions match the trained model's: max |Δp| = [bold]{maxDiff:G3}[/]");
        return (path, freshAcc, loadedAcc, maxDiff);
    }

    /// <summary>The path as the user would type it: relative when it is under the current folder.</summary>
    public static string Where(string path)
    {
        string full = Path.GetFullPath(path);
        string rel = Path.GetRelativePath(Environment.CurrentDirectory, full);
        return rel.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(rel) ? full : rel;
    }

    private static IEnumerable<string> SafeTensorsKeys(string path) => Sharpgrad.Serialization.SafeTensors.Load(path).Keys;

    private static string Describe(Sequential model) =>
        string.Join(" → ", model.Select(m => m is Linear l ? $"Linear({l.Weight.Shape[1]}, {l.Weight.Shape[0]})" : m.GetType().Name));
}
