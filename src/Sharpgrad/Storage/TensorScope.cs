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
    private bool _disposed;

    internal TensorScope()
    {
        _outer = t_current;
        t_current = this;
    }

    internal static TensorScope? Current => t_current;

    internal TensorScope? Outer => _outer;

    internal void Track(Tensor t) => _owned.Add(t);

    internal bool Untrack(Tensor t)
    {
        for (int i = _owned.Count - 1; i >= 0; i--)
        {
            if (ReferenceEquals(_owned[i], t))
            {
                _owned.RemoveAt(i);
                return true;
            }
        }
        return false;
    }

    /// <summary>Stops tracking <paramref name="t"/>: it survives this scope.</summary>
    public Tensor Detach(Tensor t)
    {
        Untrack(t);
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
        foreach (var t in _owned) t.DisposeFromScope();
        _owned.Clear();
    }
}
