namespace Sharpgrad;

/// <summary>
/// Releases every tensor created inside it that did not leave it (via
/// <see cref="Tensor.MoveToOuterScope"/> or <see cref="Detach"/>). Scopes nest per thread.
/// </summary>
public sealed class TensorScope : IDisposable
{
    [ThreadStatic] private static TensorScope? t_current;

    private readonly TensorScope? _outer;
    private readonly List<Tensor> _owned = new();
    private List<Tensor>? _escaped;
    private bool _disposed;

    internal TensorScope()
    {
        _outer = t_current;
        t_current = this;
    }

    internal static TensorScope? Current => t_current;

    internal TensorScope? Outer => _outer;

    internal void Track(Tensor t) => _owned.Add(t);

    /// <summary>Stops tracking <paramref name="t"/>; <paramref name="escaping"/> when it leaves the scope alive (its graph must survive).</summary>
    internal bool Untrack(Tensor t, bool escaping = false)
    {
        for (int i = _owned.Count - 1; i >= 0; i--)
        {
            if (ReferenceEquals(_owned[i], t))
            {
                _owned.RemoveAt(i);
                if (escaping) (_escaped ??= []).Add(t);
                return true;
            }
        }
        return false;
    }

    /// <summary>Stops tracking <paramref name="t"/>: it survives this scope.</summary>
    public Tensor Detach(Tensor t)
    {
        Untrack(t, escaping: true);
        return t;
    }

    /// <summary>Number of tensors this scope will release.</summary>
    public int Count => _owned.Count;

    /// <summary>Disposes every tensor still owned, then restores the outer scope.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        if (!ReferenceEquals(t_current, this))
            throw new InvalidOperationException("Tensor scopes must be disposed innermost first.");
        _disposed = true;
        t_current = _outer;
        ReleaseGraphs();
        foreach (var t in _owned) t.DisposeFromScope();
        _owned.Clear();
        _escaped = null;
    }

    /// <summary>
    /// Note [Scoped graphs]: a graph recorded inside this scope that no escaping tensor leads to can never
    /// be backwarded (every tensor holding it is being disposed), so its saved tensors are released now,
    /// handing their buffers back to the pool, as libtorch frees a graph when its last output dies.
    /// Only nodes recorded inside this scope are touched.
    /// </summary>
    private void ReleaseGraphs()
    {
        HashSet<Node>? keep = null;
        var stack = new Stack<Node>();
        if (_escaped is not null)
        {
            keep = new HashSet<Node>(NodeIdentity.Instance);
            foreach (var t in _escaped)
                if (t.Fn is { } fn && ReferenceEquals(fn.Scope, this) && keep.Add(fn)) stack.Push(fn);
            while (stack.Count > 0)
                foreach (var e in stack.Pop().Edges)
                    if (e.Node is { } next && ReferenceEquals(next.Scope, this) && keep.Add(next)) stack.Push(next);
        }
        HashSet<Node>? seen = null;
        foreach (var t in _owned)
        {
            if (t.Fn is not { } fn || !ReferenceEquals(fn.Scope, this) || keep?.Contains(fn) == true) continue;
            seen ??= new HashSet<Node>(NodeIdentity.Instance);
            if (seen.Add(fn)) stack.Push(fn);
        }
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            node.Release();
            foreach (var e in node.Edges)
                if (e.Node is { } next && ReferenceEquals(next.Scope, this) && keep?.Contains(next) != true && seen!.Add(next))
                    stack.Push(next);
        }
    }
}
