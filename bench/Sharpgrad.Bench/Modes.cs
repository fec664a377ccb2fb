namespace Sharpgrad.Bench;

/// <summary>The three recording modes the peer measures, with its metric-name spelling.</summary>
public enum Mode { Default, NoGrad, Inference }

internal static class Modes
{
    public static readonly Mode[] All = [Mode.Default, Mode.NoGrad, Mode.Inference];

    public static string Name(Mode m) => m switch
    {
        Mode.Default => "default",
        Mode.NoGrad => "no_grad",
        _ => "inference",
    };

    public static Mode Parse(string name) => name switch
    {
        "default" => Mode.Default,
        "no_grad" => Mode.NoGrad,
        "inference" => Mode.Inference,
        _ => throw new ArgumentException($"unknown mode '{name}' (default | no_grad | inference)"),
    };

    /// <summary>Runs <paramref name="body"/> under mode <paramref name="m"/> (scopes are structs: nothing boxed).</summary>
    public static void Run(Mode m, Action body)
    {
        switch (m)
        {
            case Mode.NoGrad:
                using (Autograd.NoGrad()) body();
                break;
            case Mode.Inference:
                using (Autograd.InferenceMode()) body();
                break;
            default:
                body();
                break;
        }
    }

    /// <summary>Same as <see cref="Run(Mode, Action)"/> for a body that returns a value.</summary>
    public static T Run<T>(Mode m, Func<T> body)
    {
        T result = default!;
        Run(m, () => { result = body(); });
        return result;
    }
}
