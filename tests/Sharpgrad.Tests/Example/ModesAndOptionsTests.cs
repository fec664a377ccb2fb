using GradModes;

namespace Sharpgrad.Tests.Example;

[Collection("GradModes example")]
public class ModesTableTests
{
    private const int Batch = 1024;

    private static (IReadOnlyList<ModeRow> Rows, string Output) Measure()
    {
        var writer = new StringWriter();
        var rows = new ModesTable(App.CreateConsole(writer, plain: true, noColor: true), batch: Batch, repeats: 3).Run();
        return (rows, writer.ToString());
    }

    [Fact]
    public void DefaultKeepsALedgerAndTheOtherModesKeepNone()
    {
        var (rows, _) = Measure();
        Assert.Equal(new[] { "default", "NoGrad", "InferenceMode" }, rows.Select(r => r.Mode));
        var (d, n, i) = (rows[0], rows[1], rows[2]);
        // Linear, ReLU, Linear, ReLU, Linear: 3 Addmm + 3 T + 2 Relu + 6 AccumulateGrad.
        Assert.Equal(14, d.Nodes);
        Assert.True(d.SavedTensors > 0);
        // Backward needs both hidden activations (ReLU saves its result; the next Linear saves its input: the same storage).
        long activation = Batch * 64 * sizeof(float);
        Assert.True(d.SavedBytes >= 2 * activation, $"saved {d.SavedBytes}");
        foreach (var r in new[] { n, i })
        {
            Assert.Equal(0, r.Nodes);
            Assert.Equal(0, r.SavedTensors);
            Assert.Equal(0, r.SavedBytes);
            Assert.True(r.PeakBytes > 0, $"{r.Mode} peak {r.PeakBytes}");
            Assert.True(r.PeakBytes < d.PeakBytes, $"{r.Mode} peak {r.PeakBytes} vs default {d.PeakBytes}");
        }
        Assert.True(d.PeakBytes >= d.SavedBytes);
        Assert.All(rows, r => Assert.True(r.MedianMilliseconds > 0));
    }

    [Fact]
    public void TableShowsEveryModeWithItsRatioToDefault()
    {
        var (rows, output) = Measure();
        var defaultRow = output.Split('\n').Single(l => l.StartsWith("│ default ", StringComparison.Ordinal));
        Assert.Equal(2, defaultRow.Split("1.00×").Length - 1);
        Assert.Contains("│ NoGrad ", output);
        Assert.Contains("│ InferenceMode ", output);
        Assert.Contains(ModesTable.Bytes(rows[0].SavedBytes), defaultRow);
    }

    [Theory]
    [InlineData(512, "512 B")]
    [InlineData(2048, "2.0 KiB")]
    [InlineData(3 * 1024 * 1024 + 512 * 1024, "3.50 MiB")]
    public void BytesAreHumanReadable(long bytes, string expected) => Assert.Equal(expected, ModesTable.Bytes(bytes));
}

[Collection("GradModes example")]
public class OptionsTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var (o, e) = (new StringWriter(), new StringWriter());
        int code = App.Run(args, o, e, redirected: true);
        return (code, o.ToString(), e.ToString());
    }

    [Theory]
    [InlineData("--part", "bogus")]
    [InlineData("--part")]
    [InlineData("--epochs", "0")]
    [InlineData("--epochs", "ten")]
    [InlineData("--out")]
    [InlineData("--colour")]
    public void BadOptionsGetUsageOnStderrAndExitCode2(params string[] args)
    {
        var (code, stdout, stderr) = Run(args);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.StartsWith("GradModes: ", stderr);
        Assert.Contains("usage: GradModes [--part walkthrough|train|modes]", stderr);
    }

    [Fact]
    public void ParsesEveryOption()
    {
        var o = Options.Parse(["--part", "train", "--epochs", "5", "--out", "d", "--no-color"], out var error, out bool help);
        Assert.Null(error);
        Assert.False(help);
        Assert.Equal(new Options(Part.Train, 5, "d", true), o);
        Assert.Equal(new Options(Part.All, 30, "gradmodes-out", false), Options.Parse([], out _, out _));
    }

    [Fact]
    public void HelpPrintsUsageAndSucceeds()
    {
        var (code, stdout, stderr) = Run("--help");
        Assert.Equal(0, code);
        Assert.StartsWith("usage: GradModes", stdout);
        Assert.Equal("", stderr);
    }

    [Fact]
    public void OnePartRunsAloneAndRedirectedOutputIsPlain()
    {
        var (code, stdout, _) = Run("--part", "walkthrough");
        Assert.Equal(0, code);
        Assert.Contains("Part 1", stdout);
        Assert.DoesNotContain("Part 2", stdout);
        Assert.DoesNotContain("Part 3", stdout);
        Assert.DoesNotContain('\u001b', stdout);
    }
}
