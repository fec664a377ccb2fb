namespace GradModes;

/// <summary>Which part of the example to run.</summary>
public enum Part { All, Walkthrough, Train, Modes }

/// <summary>Command-line options of the example.</summary>
public sealed record Options(Part Part = Part.All, int Epochs = Options.DefaultEpochs, string OutDir = Options.DefaultOutDir, bool NoColor = false)
{
    public const int DefaultEpochs = 30;
    public const string DefaultOutDir = "gradmodes-out";

    public const string Usage =
        """
        usage: GradModes [--part walkthrough|train|modes] [--epochs N] [--out DIR] [--no-color]

          --part P     run one part only (default: all three, in order)
          --epochs N   training epochs, 1..1000 (default: 30)
          --out DIR    where the checkpoint, CSV and PNG go (default: ./gradmodes-out)
          --no-color   no colors (also plain when stdout is not a terminal, or NO_COLOR is set)
          -h, --help   this message
        """;

    /// <summary>Parses <paramref name="args"/>; on failure returns null and the reason in <paramref name="error"/>.</summary>
    public static Options? Parse(IReadOnlyList<string> args, out string? error, out bool help)
    {
        var o = new Options();
        error = null;
        help = false;
        for (int i = 0; i < args.Count; i++)
        {
            string a = args[i];
            string? Value()
            {
                if (i + 1 < args.Count) return args[++i];
                return null;
            }
            switch (a)
            {
                case "-h" or "--help":
                    help = true;
                    return o;
                case "--no-color":
                    o = o with { NoColor = true };
                    break;
                case "--part":
                    string? p = Value();
                    Part? part = p switch
                    {
                        "walkthrough" => Part.Walkthrough,
                        "train" => Part.Train,
                        "modes" => Part.Modes,
                        _ => null,
                    };
                    if (part is null) { error = $"--part expects walkthrough, train or modes, got '{p}'"; return null; }
                    o = o with { Part = part.Value };
                    break;
                case "--epochs":
                    string? e = Value();
                    if (!int.TryParse(e, out int n) || n < 1 || n > 1000) { error = $"--epochs expects a whole number from 1 to 1000, got '{e}'"; return null; }
                    o = o with { Epochs = n };
                    break;
                case "--out":
                    string? d = Value();
                    if (string.IsNullOrWhiteSpace(d) || d.StartsWith("--", StringComparison.Ordinal)) { error = $"--out expects a folder, got '{d}'"; return null; }
                    o = o with { OutDir = d };
                    break;
                default:
                    error = $"unknown option '{a}'";
                    return null;
            }
        }
        return o;
    }
}
