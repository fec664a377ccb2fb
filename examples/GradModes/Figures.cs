using System.Globalization;
using ScottPlot;
using Sharpgrad;
using Sharpgrad.NN;

namespace GradModes;

/// <summary>Writes the training figures: a CSV of every epoch and the loss curve as a PNG.</summary>
public static class Figures
{
    public const string CsvHeader = "epoch,train_loss,train_accuracy,val_loss,val_accuracy,samples_per_second";

    /// <summary>One row per epoch, invariant culture, so any tool reads it.</summary>
    public static void WriteCsv(IReadOnlyList<EpochStats> history, string path)
    {
        var lines = new List<string> { CsvHeader };
        var inv = CultureInfo.InvariantCulture;
        foreach (var s in history)
            lines.Add(string.Join(',', s.Epoch.ToString(inv), s.TrainLoss.ToString("R", inv), s.TrainAccuracy.ToString("R", inv),
                s.ValLoss.ToString("R", inv), s.ValAccuracy.ToString("R", inv), s.SamplesPerSecond.ToString("F0", inv)));
        File.WriteAllLines(path, lines);
    }

    /// <summary>Training and validation loss per epoch (left axis) and validation accuracy (right axis).</summary>
    public static void WriteLossPng(IReadOnlyList<EpochStats> history, string path, int width = 800, int height = 450)
    {
        double[] epochs = history.Select(s => (double)s.Epoch).ToArray();
        var plot = new Plot();
        var train = plot.Add.Scatter(epochs, history.Select(s => s.TrainLoss).ToArray());
        train.LegendText = "training loss (default mode)";
        var val = plot.Add.Scatter(epochs, history.Select(s => s.ValLoss).ToArray());
        val.LegendText = "validation loss (NoGrad)";
        var acc = plot.Add.Scatter(epochs, history.Select(s => s.ValAccuracy * 100).ToArray());
        acc.LegendText = "validation accuracy, % (right axis)";
        acc.LinePattern = LinePattern.Dashed;
        acc.Axes.YAxis = plot.Axes.Right;
        plot.Axes.Right.Label.Text = "accuracy (%)";
        plot.Axes.Right.Min = 0;
        plot.Axes.Right.Max = 100;
        plot.Axes.SetLimitsY(0, Math.Max(0.8, history.Max(s => Math.Max(s.TrainLoss, s.ValLoss)) * 1.05), plot.Axes.Left);
        plot.Axes.SetLimitsY(0, 102, plot.Axes.Right);
        plot.Title("Sharpgrad · two spirals");
        plot.XLabel("epoch");
        plot.YLabel("cross-entropy loss");
        plot.ShowLegend(Alignment.MiddleRight);
        plot.SavePng(path, width, height);
    }

    /// <summary>
    /// The model's p(class 1) over the plane, predicted in one InferenceMode batch, under the
    /// validation points colored by their true class.
    /// </summary>
    public static void WriteDecisionPng(Module model, Spirals data, string path, int size = 520, int grid = 160)
    {
        const double lim = 1.2;
        var xy = new float[grid * grid * 2];
        for (int r = 0; r < grid; r++)
            for (int c = 0; c < grid; c++)
            {
                int i = r * grid + c;
                xy[2 * i] = (float)(-lim + 2 * lim * (c + 0.5) / grid);
                xy[2 * i + 1] = (float)(lim - 2 * lim * (r + 0.5) / grid); // row 0 is the top edge
            }
        var p = Training.Predict(model, Tensor.FromArray(xy, [grid * grid, 2])).ToArray<float>();
        var z = new double[grid, grid];
        for (int r = 0; r < grid; r++)
            for (int c = 0; c < grid; c++) z[r, c] = p[2 * (r * grid + c) + 1];

        var plot = new Plot();
        var map = plot.Add.Heatmap(z);
        map.Extent = new CoordinateRect(-lim, lim, -lim, lim);
        map.Colormap = new ScottPlot.Colormaps.Balance();
        plot.Add.ColorBar(map).Label = "p(class 1)";
        var points = data.Points.ToArray<float>();
        var labels = data.Labels.ToArray<long>();
        foreach (var (cls, color) in new[] { (0L, Colors.Cyan), (1L, Colors.Orange) })
        {
            var idx = Enumerable.Range(0, labels.Length).Where(i => labels[i] == cls).ToArray();
            var m = plot.Add.Markers(idx.Select(i => (double)points[2 * i]).ToArray(), idx.Select(i => (double)points[2 * i + 1]).ToArray(),
                MarkerShape.FilledCircle, 5, color);
            m.LegendText = $"class {cls} (validation)";
        }
        plot.Axes.SetLimits(-lim, lim, -lim, lim);
        plot.Axes.SquareUnits();
        plot.Title($"p(class 1) under InferenceMode, {grid * grid:N0} points in one batch");
        plot.ShowLegend(Alignment.LowerRight);
        plot.SavePng(path, size + 120, size);
    }
}
