using Sharpgrad;

namespace GradModes;

/// <summary>The three grad modes as named scope factories, so every part can loop over them.</summary>
public static class ModeScopes
{
    /// <summary>Display name and a function entering the mode (dispose to leave it).</summary>
    public static IReadOnlyList<(string Name, Func<IDisposable> Enter)> All { get; } =
    [
        ("default", () => Autograd.EnableGrad()),
        ("NoGrad", () => Autograd.NoGrad()),
        ("InferenceMode", () => Autograd.InferenceMode()),
    ];
}
