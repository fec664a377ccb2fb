using System.Diagnostics;
using Sharpgrad;
using Sharpgrad.NN;
using Spectre.Console;

namespace GradModes;

/// <summary>One mode's measurements for the same model and batch.</summary>
public sealed record ModeRow(string Mode, double MedianMilliseconds, int Nodes, int SavedTensors, long SavedBytes, long PeakBytes);

/// <summary>
/// Part 3: the same model and batch run forward in the default mode, under NoGrad and under
/// InferenceMode; time, graph size, saved bytes and peak memory, measured here and now.
/// </summary>
public sealed class ModesTable(IAnsiConsole console, Module? model = null, int batch = 4096, int repeats = 41)
{
    /// <summary>Measures every mode, prints the table and returns its rows.</summary>
    public IReadOnlyList<ModeRow> Run()
    {
        console.Write(new Rule("[bold yellow]Part 3 · The modes measured[/]").LeftJustified());
        var m = model ?? FreshModel();
        var input = Spirals.Make(batch / 2, 0.04, seed: 11).Points;
        m.Eval();
        var times = Time(m, input);
        var rows = ModeScopes.All.Select((mode, i) => Measure(m, input, mode.Name, mode.Enter, times[i])).ToList();
        console.WriteLine($"Forward pass of {(model is null ? "a fresh" : "the trained")} model on one batch of {batch:N0} points, " +
                          $"median of {repeats} runs per mode, on this machine ({Environment.ProcessorCount} cores):");
        Render(rows);
        return rows;
    }

    private static Sequential FreshModel()
    {
        Tensor.ManualSeed(Training.Seed);
        return Training.MakeModel();
    }

    /// <summary>
    /// Median forward time per mode. The modes take turns within each repeat, so a burst of load from
    /// elsewhere on the machine hits all three alike.
    /// </summary>
    private double[] Time(Module m, Tensor input)
    {
        var modes = ModeScopes.All;
        var samples = new double[modes.Count][];
        for (int j = 0; j < modes.Count; j++)
        {
            samples[j] = new double[repeats];
            for (int w = 0; w < 3; w++) Forward(m, input, modes[j].Enter);
        }
        for (int i = 0; i < repeats; i++)
        {
            for (int j = 0; j < modes.Count; j++)
            {
                long t0 = Stopwatch.GetTimestamp();
                Forward(m, input, modes[j].Enter);
                samples[j][i] = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
            }
        }
        return samples.Select(s => s.Order().ElementAt(repeats / 2)).ToArray();
    }

    private static ModeRow Measure(Module m, Tensor input, string name, Func<IDisposable> enter, double medianMs)
    {
        // Memory: one clean forward whose result (and the ledger behind it) stays alive while we look.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        long baseline = MemoryStats.AllocatedBytes;
        MemoryStats.ResetPeak();
        Tensor output;
        using (enter()) output = m.Forward(input);
        long peak = MemoryStats.PeakAllocatedBytes - baseline;
        var info = Autograd.Inspect(output);
        GC.KeepAlive(output);
        return new ModeRow(name, medianMs, info.Nodes, info.SavedTensors, info.SavedBytes, peak);
    }

    private static void Forward(Module m, Tensor input, Func<IDisposable> enter)
    {
        using var scope = Tensor.NewScope();
        using (enter()) m.Forward(input);
    }

    private void Render(IReadOnlyList<ModeRow> rows)
    {
        var d = rows[0];
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn(new TableColumn("mode").NoWrap());
        foreach (var c in new[] { "forward", "× default", "nodes", "saved tensors", "saved bytes", "peak bytes", "× default" })
            table.AddColumn(new TableColumn(c).RightAligned().NoWrap());
        foreach (var r in rows)
        {
            table.AddRow(r.Mode, $"{r.MedianMilliseconds:F3} ms", Ratio(r.MedianMilliseconds, d.MedianMilliseconds),
                r.Nodes.ToString(), r.SavedTensors.ToString(), Bytes(r.SavedBytes), Bytes(r.PeakBytes), Ratio(r.PeakBytes, d.PeakBytes));
        }
        console.Write(table);
        console.WriteLine("Saved bytes: what the graph keeps alive for backward (Autograd.Inspect). Peak bytes: the most tensor");
        console.WriteLine("memory held at once during the forward pass, above what was held before (MemoryStats, peak reset first).");
        console.WriteLine();
    }

    private static string Ratio(double value, double reference) => reference > 0 ? $"{value / reference:F2}×" : "n/a";

    /// <summary>Bytes in B, KiB or MiB.</summary>
    public static string Bytes(long b) => b switch
    {
        < 1024 => $"{b} B",
        < 1024 * 1024 => $"{b / 1024.0:F1} KiB",
        _ => $"{b / (1024.0 * 1024):F2} MiB",
    };
}
