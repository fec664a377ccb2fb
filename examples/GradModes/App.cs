using Spectre.Console;

namespace GradModes;

/// <summary>Entry point logic: options, the console, then the parts in order.</summary>
public static class App
{
    /// <summary>Runs the example; returns the process exit code (2 for bad options).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, bool redirected)
    {
        var options = Options.Parse(args, out string? error, out bool help);
        if (help)
        {
            stdout.WriteLine(Options.Usage);
            return 0;
        }
        if (options is null)
        {
            stderr.WriteLine($"GradModes: {error}");
            stderr.WriteLine(Options.Usage);
            return 2;
        }
        var console = CreateConsole(stdout, plain: redirected, options.NoColor);
        Run(options, console);
        return 0;
    }

    /// <summary>Runs the parts that <paramref name="options"/> selects on <paramref name="console"/>.</summary>
    public static void Run(Options options, IAnsiConsole console)
    {
        if (options.Part is Part.All or Part.Walkthrough) new Walkthrough(console).Run();
        TrainingResult? trained = null;
        if (options.Part is Part.All or Part.Train) trained = new Training(console, options.Epochs, options.OutDir).Run();
        if (options.Part is Part.All or Part.Modes) new ModesTable(console, trained?.Model).Run();
    }

    /// <summary>
    /// A console on <paramref name="writer"/>: plain (no escape codes, no live redraws) when it is not a
    /// terminal, so logs stay readable; no colors with --no-color or NO_COLOR.
    /// </summary>
    public static IAnsiConsole CreateConsole(TextWriter writer, bool plain, bool noColor)
    {
        noColor |= !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = plain ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = plain || noColor ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = plain ? InteractionSupport.No : InteractionSupport.Detect,
        });
        if (plain) console.Profile.Width = 120;
        return console;
    }
}
