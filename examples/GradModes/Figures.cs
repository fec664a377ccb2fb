using System.Globalization;
using ScottPlot;

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
}
