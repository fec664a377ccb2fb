namespace Sharpgrad;

/// <summary>
/// The recording state of one async flow: whether grad mode is on and whether inference mode is.
/// Immutable; each scope pushes one, so a Dispose can tell whether it is the innermost.
/// </summary>
internal sealed class ModeState(bool gradEnabled, bool inference, ModeState? previous, bool lenient)
{
    public static readonly ModeState Default = new(true, false, null, false);

    public readonly bool GradEnabled = gradEnabled;
    public readonly bool Inference = inference;

    /// <summary>What the scope that pushed this state replaced.</summary>
    public readonly ModeState? Previous = previous;

    /// <summary>Pushed by a plain <c>SetGradEnabled</c> call, which may legitimately never be disposed.</summary>
    public readonly bool Lenient = lenient;

    /// <summary>True when ops must record: grad mode on and not in inference mode.</summary>
    public bool Records => GradEnabled && !Inference;
}

/// <summary>
/// Note [Grad mode per async flow]: the state lives in one AsyncLocal, so it survives await,
/// flows into work started inside a scope, and never leaks between concurrent flows.
/// </summary>
internal static class GradMode
{
    private static readonly AsyncLocal<ModeState?> s_state = new();

    public static ModeState Current => s_state.Value ?? ModeState.Default;

    public static GradModeScope Push(bool gradEnabled, bool inference, bool lenient = false)
    {
        var current = Current;
        if (!lenient && current.GradEnabled == gradEnabled && current.Inference == inference)
            return new GradModeScope(current, unchanged: true); // nothing to write: the AsyncLocal write is the cost
        var next = new ModeState(gradEnabled, inference, current, lenient);
        s_state.Value = next;
        return new GradModeScope(next);
    }

    /// <summary>
    /// The default state is stored as null: emptying the flow's only AsyncLocal lets the runtime drop
    /// back to the default ExecutionContext instead of allocating a new one, halving a scope's cost.
    /// </summary>
    private static void Store(ModeState? state) => s_state.Value = ReferenceEquals(state, ModeState.Default) ? null : state;


    internal static void Pop(ModeState mine, bool unchanged)
    {
        var current = Current;
        if (ReferenceEquals(current, mine))
        {
            if (!unchanged) Store(mine.Previous);
            return;
        }
        // Walk outwards: if this scope is still open further out, an inner scope is still open.
        bool onlyLenientInside = true;
        for (var s = current; s is not null; s = s.Previous)
        {
            if (ReferenceEquals(s, mine))
            {
                if (onlyLenientInside)
                {
                    // plain SetGradEnabled calls end with their enclosing scope
                    Store(unchanged ? mine : mine.Previous);
                    return;
                }
                throw new InvalidOperationException(
                    "Grad-mode scopes must be disposed innermost first: a scope entered after this one is still open. Nothing was changed.");
            }
            if (!s.Lenient) onlyLenientInside = false;
        }
        // Not on the stack: already disposed, or ended with its enclosing scope. A no-op.
    }
}

/// <summary>
/// A grad-mode scope (<see cref="Autograd.NoGrad()"/> and friends): takes effect when created,
/// restores the previous state at Dispose. A struct, so entering a scope allocates no scope object.
/// </summary>
public readonly struct GradModeScope : IDisposable
{
    private readonly ModeState? _state;
    private readonly bool _unchanged;

    internal GradModeScope(ModeState state, bool unchanged = false)
    {
        _state = state;
        _unchanged = unchanged;
    }

    /// <summary>Restores the mode that was in effect when this scope was entered.</summary>
    public void Dispose()
    {
        if (_state is not null) GradMode.Pop(_state, _unchanged);
    }
}
