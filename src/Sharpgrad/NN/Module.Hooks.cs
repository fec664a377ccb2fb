namespace Sharpgrad.NN;

public abstract partial class Module
{
    // Copy-on-write arrays: Call reads them without a lock while another thread registers or removes.
    private Func<Module, Tensor, Tensor?>[] _preHooks = [];
    private Func<Module, Tensor, Tensor, Tensor?>[] _forwardHooks = [];

    /// <summary>
    /// Runs the forward pre-hooks, <see cref="Forward"/>, then the forward hooks: PyTorch's module(x). Calling
    /// <see cref="Forward"/> directly skips the hooks, as module.forward(x) does. Containers call their children this way.
    /// </summary>
    public Tensor Call(Tensor input)
    {
        foreach (var hook in Volatile.Read(ref _preHooks))
            input = hook(this, input) ?? input;
        var output = Forward(input);
        foreach (var hook in Volatile.Read(ref _forwardHooks))
            output = hook(this, input, output) ?? output;
        return output;
    }

    /// <summary>
    /// Registers hook(module, input), run by <see cref="Call"/> before <see cref="Forward"/>; a non-null result
    /// replaces the input. Dispose the returned handle to remove it. PyTorch: register_forward_pre_hook.
    /// </summary>
    public IDisposable RegisterForwardPreHook(Func<Module, Tensor, Tensor?> hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        Add(ref _preHooks, hook);
        return new HookHandle(() => Remove(ref _preHooks, hook));
    }

    /// <summary>
    /// Registers hook(module, input, output), run by <see cref="Call"/> after <see cref="Forward"/>; a non-null
    /// result replaces the output. A container keeps the outputs of hooked children alive (the hook may hold
    /// them). Dispose the returned handle to remove it. PyTorch: register_forward_hook.
    /// </summary>
    public IDisposable RegisterForwardHook(Func<Module, Tensor, Tensor, Tensor?> hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        Add(ref _forwardHooks, hook);
        return new HookHandle(() => Remove(ref _forwardHooks, hook));
    }

    /// <summary>True when forward hooks may hold on to this module's outputs.</summary>
    internal bool HasForwardHooks => Volatile.Read(ref _forwardHooks).Length > 0;

    private static void Add<T>(ref T[] hooks, T hook) where T : class
    {
        T[] seen, next;
        do
        {
            seen = Volatile.Read(ref hooks);
            next = [.. seen, hook];
        }
        while (Interlocked.CompareExchange(ref hooks, next, seen) != seen);
    }

    private static void Remove<T>(ref T[] hooks, T hook) where T : class
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

    /// <summary>Removes its hook once, however often it is disposed. PyTorch: RemovableHandle.</summary>
    private sealed class HookHandle(Action remove) : IDisposable
    {
        private Action? _remove = remove;

        public void Dispose() => Interlocked.Exchange(ref _remove, null)?.Invoke();
    }
}
