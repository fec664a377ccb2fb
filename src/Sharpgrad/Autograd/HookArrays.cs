namespace Sharpgrad;

/// <summary>
/// Copy-on-write hook arrays (module, node, leaf and optimizer hooks): a running forward, backward or step reads a
/// snapshot without a lock while another thread registers or removes a hook.
/// </summary>
internal static class HookArrays
{
    /// <summary>Appends <paramref name="hook"/>; the caller returns <c>new HookHandle(() => Remove(ref field, hook))</c>.</summary>
    public static void Add<T>(ref T[] hooks, T hook) where T : class
    {
        T[] seen, next;
        do
        {
            seen = Volatile.Read(ref hooks);
            next = [.. seen, hook];
        }
        while (Interlocked.CompareExchange(ref hooks, next, seen) != seen);
    }

    /// <summary>Removes the first registration of <paramref name="hook"/>, if it is still there.</summary>
    public static void Remove<T>(ref T[] hooks, T hook) where T : class
    {
        T[] seen, next;
        do
        {
            seen = Volatile.Read(ref hooks);
            int i = Array.IndexOf(seen, hook);
            if (i < 0) return;
            next = [.. seen[..i], .. seen[(i + 1)..]];
        }
        while (Interlocked.CompareExchange(ref hooks, next, seen) != seen);
    }
}

/// <summary>Removes its hook once, however often it is disposed. PyTorch: RemovableHandle.</summary>
internal sealed class HookHandle(Action remove) : IDisposable
{
    private Action? _remove = remove;

    public void Dispose() => Interlocked.Exchange(ref _remove, null)?.Invoke();
}
