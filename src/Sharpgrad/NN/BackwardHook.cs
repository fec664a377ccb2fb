namespace Sharpgrad.NN;

/// <summary>
/// One call of a module with full backward hooks: its input and output pass through an identity function
/// (BackwardHookFunctionBackward) whose nodes catch the output's gradient (pre-hooks may replace it) and then the input's
/// (the hooks see both and may replace the input's). PyTorch: torch.utils.hooks.BackwardHook.
/// </summary>
internal sealed class BackwardHook(Module module, Func<Module, Tensor?[], Tensor?[], Tensor?[]?>[] hooks,
    Func<Module, Tensor?[], Tensor?[]?>[] preHooks)
{
    private Tensor?[]? _gradOutputs;
    private bool _inputWrapped;

    public Tensor SetupInput(Tensor input)
    {
        if (!input.RequiresGrad || !Autograd.IsGradEnabled || Autograd.IsInferenceModeEnabled) return input;
        var wrapped = new BackwardHookFunction().Apply(input);
        wrapped.GradFn!.RegisterHook((gradInputs, _) => OnInputGradients(gradInputs));
        _inputWrapped = true;
        return wrapped;
    }

    public Tensor SetupOutput(Tensor output)
    {
        if (!output.RequiresGrad || !Autograd.IsGradEnabled || Autograd.IsInferenceModeEnabled) return output;
        var wrapped = new BackwardHookFunction().Apply(output);
        wrapped.GradFn!.RegisterPrehook(OnOutputGradients);
        return wrapped;
    }

    private Tensor?[]? OnOutputGradients(Tensor?[] gradOutputs)
    {
        var grads = gradOutputs;
        foreach (var hook in preHooks)
        {
            if (hook(module, grads) is not { } replaced) continue;
            if (replaced.Length != grads.Length)
                throw new InvalidOperationException($"Backward pre hook returned an invalid number of grad_output, got {replaced.Length}, but expected {grads.Length}");
            grads = replaced;
        }
        _gradOutputs = grads;
        if (!_inputWrapped)
        {
            // no input requires grad: the hooks run now, with None for the input
            foreach (var hook in hooks)
                if (hook(module, [null], grads) is { } result && Array.Exists(result, g => g is not null))
                    throw new InvalidOperationException("Backward hook for Modules where no input requires gradient should always return None or None for all gradients.");
            _gradOutputs = null;
        }
        return ReferenceEquals(grads, gradOutputs) ? null : grads;
    }

    private Tensor?[]? OnInputGradients(Tensor?[] gradInputs)
    {
        if (_gradOutputs is not { } gradOutputs) return null;
        var grads = gradInputs;
        foreach (var hook in hooks)
        {
            if (hook(module, grads, gradOutputs) is not { } replaced) continue;
            if (replaced.Length != grads.Length)
                throw new InvalidOperationException($"Backward hook returned an invalid number of grad_input, got {replaced.Length}, but expected {grads.Length}");
            grads = replaced;
        }
        _gradOutputs = null;
        return ReferenceEquals(grads, gradInputs) ? null : grads;
    }

    /// <summary>The identity whose node the hooks attach to. PyTorch: torch.utils.hooks.BackwardHookFunction.</summary>
    private sealed class BackwardHookFunction : Autograd.Function
    {
        protected override Tensor[] Forward(Autograd.FunctionCtx ctx, Tensor?[] inputs) => [inputs[0]!];

        protected override Tensor?[] Backward(Autograd.FunctionCtx ctx, Tensor?[] gradOutputs) => gradOutputs;
    }
}
