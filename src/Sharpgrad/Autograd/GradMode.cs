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
/// Every op reads it, so reads go to a thread-static mirror that the AsyncLocal's change handler
/// keeps in step (the runtime calls it on every execution-context switch, as it does for
/// CultureInfo.CurrentCulture): one read costs the same in every mode.
/// </summary>
internal static class GradMode
{
    private static readonly AsyncLocal<ModeState?> s_state = new(OnFlowChanged);

    [ThreadStatic] private static ModeState? t_current;

    /// <summary>
    /// The last push of each (grad, inference) kind: contexts are immutable, so pushing the same kind onto the
    /// same context always yields the same result, and a repeat push just switches to it. The common case (a
    /// scope entered from the same place every step) then allocates nothing. Holds at most one context per kind.
    /// </summary>
    private static readonly CachedPush?[] s_lastPush = new CachedPush?[4];

    private static void OnFlowChanged(AsyncLocalValueChangedArgs<ModeState?> change) => t_current = change.CurrentValue;

    public static ModeState Current => t_current ?? ModeState.Default;

    public static GradModeScope Push(bool gradEnabled, bool inference, bool lenient = false)
    {
        var current = Current;
        if (!lenient && current.GradEnabled == gradEnabled && current.Inference == inference)
            return new GradModeScope(current, null); // nothing to write: the AsyncLocal write is the cost
        var before = ExecutionContext.Capture(); // null while flow is suppressed: then no context switching
        int kind = (gradEnabled ? 2 : 0) + (inference ? 1 : 0);
        if (!lenient && before is not null && Volatile.Read(ref s_lastPush[kind]) is { } last && ReferenceEquals(last.Before, before))
        {
            ExecutionContext.Restore(last.After);
            return new GradModeScope(last.State, new OpenScope(before, last.After));
        }
        var next = new ModeState(gradEnabled, inference, current, lenient);
        s_state.Value = next;
        var after = ExecutionContext.Capture();
        if (!lenient && before is not null && after is not null) Volatile.Write(ref s_lastPush[kind], new CachedPush(before, next, after));
        return new GradModeScope(next, new OpenScope(before, after));
    }

    /// <summary>The default state is stored as null, which the mirror reads as <see cref="ModeState.Default"/>.</summary>
    private static void Store(ModeState? state) => s_state.Value = ReferenceEquals(state, ModeState.Default) ? null : state;

    /// <summary>Ends a scope; <paramref name="open"/> is null for a scope that wrote nothing.</summary>
    internal static void Pop(ModeState mine, OpenScope? open)
    {
        if (open is { Closed: true }) return; // disposed twice: a no-op
        var current = Current;
        if (ReferenceEquals(current, mine))
        {
            if (open is null) return;
            open.Closed = true;
            // Nothing else was written since this scope began (any write makes a new context), so going back
            // to the context it began in is exactly the restore, and unlike a write it allocates nothing.
            if (open.Before is not null && open.After is not null && ReferenceEquals(ExecutionContext.Capture(), open.After))
                ExecutionContext.Restore(open.Before);
            else
                Store(mine.Previous);
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
                    if (open is not null) open.Closed = true;
                    Store(open is null ? mine : mine.Previous);
                    return;
                }
                throw new InvalidOperationException(
                    "Grad-mode scopes must be disposed innermost first: a scope entered after this one is still open. Nothing was changed.");
            }
            if (!s.Lenient) onlyLenientInside = false;
        }
        // Not on the stack: already disposed, or ended with its enclosing scope. A no-op.
    }

    private sealed class CachedPush(ExecutionContext before, ModeState state, ExecutionContext after)
    {
        public readonly ExecutionContext Before = before;
        public readonly ModeState State = state;
        public readonly ExecutionContext After = after;
    }
}

/// <summary>One scope that wrote a mode: the contexts around its write, and whether it has ended.</summary>
internal sealed class OpenScope(ExecutionContext? before, ExecutionContext? after)
{
    public readonly ExecutionContext? Before = before;
    public readonly ExecutionContext? After = after;
    public bool Closed;
}

/// <summary>
/// A grad-mode scope (<see cref="Autograd.NoGrad()"/> and friends): takes effect when created,
/// restores the previous state at Dispose. A struct, so entering a scope allocates no scope object.
/// </summary>
public readonly struct GradModeScope : IDisposable
{
    private readonly ModeState? _state;
    private readonly OpenScope? _open;

    internal GradModeScope(ModeState state, OpenScope? open)
    {
        _state = state;
        _open = open;
    }

    /// <summary>Restores the mode that was in effect when this scope was entered.</summary>
    public void Dispose()
    {
        if (_state is not null) GradMode.Pop(_state, _open);
    }
}
