using GradModes;

namespace Sharpgrad.Tests.Example;

/// <summary>The example runs alone: it seeds the default generator and reads global memory figures.</summary>
[CollectionDefinition("GradModes example", DisableParallelization = true)]
public class GradModesExampleCollection;

[Collection("GradModes example")]
public class WalkthroughTests
{
    /// <summary>The lines the seed chapter prints, verbatim and in its order.</summary>
    private static readonly string[] SeedLines =
    [
        "`y_pred.requires_grad` before `no_grad()`: True",
        "`y_pred.requires_grad` inside `no_grad()`: False",
        "RuntimeError: element 0 of tensors does not require grad and does not have a grad_fn",
        "`x.requires_grad` inside `no_grad()`: True",
        "`y_pred.requires_grad` inside `no_grad()`: False",
        "`x.requires_grad` inside `no_grad()`: False",
        "`x.requires_grad` after `requires_grad_()`: True",
        "`y.requires_grad` in `no_grad()`: False",
        "`z.requires_grad` in `enable_grad()`: True",
        "`x.requires_grad` after `requires_grad_`: True",
        "RuntimeError: Setting requires_grad=True on inference tensor outside InferenceMode is not allowed.",
    ];

    /// <summary>The seed explains set_grad_enabled(is_training) without printing; the example prints both branches.</summary>
    private static readonly string[] SetGradEnabledLines =
    [
        "`y.requires_grad` with `set_grad_enabled(True)`: True",
        "`y.requires_grad` with `set_grad_enabled(False)`: False",
    ];

    private static (IReadOnlyList<string> Printed, string Output) RunWalkthrough()
    {
        var writer = new StringWriter();
        var printed = new Walkthrough(App.CreateConsole(writer, plain: true, noColor: true)).Run();
        return (printed, writer.ToString());
    }

    [Fact]
    public void PrintsTheSeedsLinesInTheSeedsOrder()
    {
        var (printed, _) = RunWalkthrough();
        var expected = SeedLines[..9].Concat(SetGradEnabledLines).Concat(SeedLines[9..]).ToArray();
        Assert.Equal(expected, printed);
    }

    [Fact]
    public void EveryPrintedLineReachesTheConsoleBelowItsSnippet()
    {
        var (printed, output) = RunWalkthrough();
        var lines = output.Split('\n').Select(l => l.TrimEnd('\r', ' ')).ToList();
        int from = 0;
        foreach (var line in printed)
        {
            int at = lines.FindIndex(from, l => l == line);
            Assert.True(at >= 0, $"not printed in order: {line}");
            from = at + 1;
        }
        // The snippets are the code that ran, shown without the lambda around it.
        Assert.Contains("z.Backward(gradient: Tensor.OnesLike(z));", output);
        Assert.Contains("using (Autograd.SetGradEnabled(isTraining))", output);
        Assert.Contains("x.RequiresGrad_(true);", output);
        Assert.DoesNotContain("() =>", output);
    }

    [Fact]
    public void ProbedSummaryShowsTheThreeSemantics()
    {
        var (_, output) = RunWalkthrough();
        var rows = output.Split('\n').Where(l => l.StartsWith("│ default ", StringComparison.Ordinal)
            || l.StartsWith("│ NoGrad ", StringComparison.Ordinal) || l.StartsWith("│ InferenceMode ", StringComparison.Ordinal))
            .Select(l => string.Join(' ', l.Split('│', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
            .ToArray();
        Assert.Equal(["default yes yes yes", "NoGrad no yes yes", "InferenceMode no no no"], rows);
    }

    [Fact]
    public void SnippetDropsTheLambdaAndItsIndentation()
    {
        const string code = "() =>\n        {\n            using (Autograd.NoGrad())\n            {\n                y = x * 3;\n            }\n        }";
        Assert.Equal("using (Autograd.NoGrad())\n{\n    y = x * 3;\n}", Snippet.FromLambda(code));
    }
}
