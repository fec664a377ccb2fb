namespace Sharpgrad;

/// <summary>One saved-tensor hooks scope: the pack/unpack pair in force, or a ban on new pairs (with its message).</summary>
internal sealed class SavedTensorHookFrame(Func<Tensor, object?>? pack, Func<object?, Tensor>? unpack, string? disabledMessage,
    SavedTensorHookFrame? previous)
{
    public readonly Func<Tensor, object?>? Pack = pack;
    public readonly Func<object?, Tensor>? Unpack = unpack;
    public readonly string? DisabledMessage = disabledMessage;
    public readonly SavedTensorHookFrame? Previous = previous;
}

/// <summary>
/// Note [Saved tensor hooks]: the innermost hooks scope of the current async flow (like grad modes, it survives await).
/// Saving a tensor is on every recorded op's path, so a process-wide count of open scopes lets that path skip the
/// AsyncLocal read while no flow uses hooks.
/// </summary>
internal static class SavedTensorHooks
{
    private static readonly AsyncLocal<SavedTensorHookFrame?> s_frame = new();
    private static int s_open;

    public static SavedTensorHookFrame? Current => Volatile.Read(ref s_open) == 0 ? null : s_frame.Value;

    public static IDisposable Push(Func<Tensor, object?>? pack, Func<object?, Tensor>? unpack, string? disabledMessage)
    {
        var previous = s_frame.Value;
        if (pack is not null && previous?.DisabledMessage is { } message) throw new InvalidOperationException(message);
        s_frame.Value = new SavedTensorHookFrame(pack, unpack, disabledMessage ?? previous?.DisabledMessage, previous);
        Interlocked.Increment(ref s_open);
        return new Scope(previous);
    }

    private sealed class Scope(SavedTensorHookFrame? previous) : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            s_frame.Value = previous;
            Interlocked.Decrement(ref s_open);
        }
    }
}

public static partial class Autograd
{
    /// <summary>
    /// Until disposed, every tensor an op saves for backward is handed to <paramref name="packHook"/> and what it returns is
    /// kept instead; backward gets the tensor back from <paramref name="unpackHook"/>. Lets a caller move, compress or drop
    /// what the ledger keeps. PyTorch: torch.autograd.graph.saved_tensors_hooks.
    /// </summary>
    public static IDisposable SavedTensorsHooks(Func<Tensor, object?> packHook, Func<object?, Tensor> unpackHook)
    {
        ArgumentNullException.ThrowIfNull(packHook);
        ArgumentNullException.ThrowIfNull(unpackHook);
        return SavedTensorHooks.Push(packHook, unpackHook, null);
    }

    /// <summary>
    /// Until disposed, tensors are saved as they are and entering <see cref="SavedTensorsHooks"/> throws
    /// <paramref name="errorMessage"/>. PyTorch: torch.autograd.graph.disable_saved_tensors_hooks.
    /// </summary>
    public static IDisposable DisableSavedTensorsHooks(string errorMessage)
    {
        ArgumentNullException.ThrowIfNull(errorMessage);
        return SavedTensorHooks.Push(null, null, errorMessage);
    }
}
