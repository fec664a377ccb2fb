namespace Sharpgrad.NN;

public abstract partial class Module
{
    // Copy-on-write arrays: Call reads them without a lock while another thread registers or removes.
    private Func<Module, Tensor, Tensor?>[] _preHooks = [];
    private Func<Module, Tensor, Tensor, Tensor?>[] _forwardHooks = [];
    private Func<Module, Tensor?[], Tensor?[], Tensor?[]?>[] _backwardHooks = [];
    private Func<Module, Tensor?[], Tensor?[]?>[] _backwardPreHooks = [];

    /// <summary>
    /// Runs the forward pre-hooks, <see cref="Forward"/>, then the forward hooks: PyTorch's module(x). Calling
    /// <see cref="Forward"/> directly skips the hooks, as module.forward(x) does. Containers call their children this way.
    /// </summary>
    public Tensor Call(Tensor input)
    {
        foreach (var hook in Volatile.Read(ref _preHooks))
            input = hook(this, input) ?? input;
        var backwardHooks = Volatile.Read(ref _backwardHooks);
        var backwardPreHooks = Volatile.Read(ref _backwardPreHooks);
        var backward = backwardHooks.Length + backwardPreHooks.Length > 0 ? new BackwardHook(this, backwardHooks, backwardPreHooks) : null;
        if (backward is not null) input = backward.SetupInput(input);
        var output = Forward(input);
        foreach (var hook in Volatile.Read(ref _forwardHooks))
            output = hook(this, input, output) ?? output;
        if (backward is not null) output = backward.SetupOutput(output);
        return output;
    }

    /// <summary>
    /// Registers hook(module, gradInput, gradOutput), run in backward once the gradient with respect to the input of a
    /// <see cref="Call"/> is known (null where the input does not require grad); a non-null result replaces it. Dispose
    /// the returned handle to remove it. PyTorch: register_full_backward_hook.
    /// </summary>
    public IDisposable RegisterFullBackwardHook(Func<Module, Tensor?[], Tensor?[], Tensor?[]?> hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        HookArrays.Add(ref _backwardHooks, hook);
        return new HookHandle(() => HookArrays.Remove(ref _backwardHooks, hook));
    }

    /// <summary>
    /// Registers hook(module, gradOutput), run in backward when the gradient with respect to the output of a
    /// <see cref="Call"/> arrives; a non-null result replaces it. Dispose the returned handle to remove it.
    /// PyTorch: register_full_backward_pre_hook.
    /// </summary>
    public IDisposable RegisterFullBackwardPreHook(Func<Module, Tensor?[], Tensor?[]?> hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        HookArrays.Add(ref _backwardPreHooks, hook);
        return new HookHandle(() => HookArrays.Remove(ref _backwardPreHooks, hook));
    }

    /// <summary>
    /// Registers hook(module, input), run by <see cref="Call"/> before <see cref="Forward"/>; a non-null result
    /// replaces the input. Dispose the returned handle to remove it. PyTorch: register_forward_pre_hook.
    /// </summary>
    public IDisposable RegisterForwardPreHook(Func<Module, Tensor, Tensor?> hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        HookArrays.Add(ref _preHooks, hook);
        return new HookHandle(() => HookArrays.Remove(ref _preHooks, hook));
    }

    /// <summary>
    /// Registers hook(module, input, output), run by <see cref="Call"/> after <see cref="Forward"/>; a non-null
    /// result replaces the output. A container keeps the outputs of hooked children alive (the hook may hold
    /// them). Dispose the returned handle to remove it. PyTorch: register_forward_hook.
    /// </summary>
    public IDisposable RegisterForwardHook(Func<Module, Tensor, Tensor, Tensor?> hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        HookArrays.Add(ref _forwardHooks, hook);
        return new HookHandle(() => HookArrays.Remove(ref _forwardHooks, hook));
    }

    /// <summary>True when forward hooks may hold on to this module's outputs.</summary>
    internal bool HasForwardHooks => Volatile.Read(ref _forwardHooks).Length > 0;
}
