namespace Sharpgrad.NN;

public abstract partial class Module
{
    // PyTorch's LazyModuleMixin: a lazy module holds placeholders (UninitializedParameter / UninitializedBuffer) until its
    // first call sizes them from the input, or a load_state_dict sizes them from the checkpoint (_lazy_load_hook).

    /// <summary>
    /// Whether a lazy module has had its first call: from then on it is its eager counterpart (PyTorch swaps its class
    /// for cls_to_become), even when a checkpoint materialized its parameters before.
    /// </summary>
    internal bool LazyInferred { get; set; }

    /// <summary>An empty placeholder of <paramref name="dtype"/> whose shape is unknown until it is materialized.</summary>
    internal static Tensor Uninitialized(DType dtype) => MarkUninitialized(Tensor.Empty([0], dtype));

    /// <summary>
    /// Registers a convolution's weight of <paramref name="weightShape"/> and optional [<paramref name="outChannels"/>] bias,
    /// drawn as PyTorch's reset_parameters, or placeholders for a lazy convolution (<paramref name="lazy"/>).
    /// </summary>
    private protected (Tensor Weight, Tensor? Bias) RegisterConvParameters(int[] weightShape, int outChannels, bool bias, DType dtype, bool lazy)
    {
        var weight = RegisterParameter("weight", lazy ? Uninitialized(dtype) : Tensor.Empty(weightShape, dtype));
        var b = bias ? RegisterParameter("bias", lazy ? Uninitialized(dtype) : Tensor.Empty([outChannels], dtype)) : null;
        if (!lazy) ConvParameters.Reset(weight, b);
        return (weight, b);
    }

    /// <summary>Turns an empty tensor into a placeholder (a lazy module built on its eager base with size 0); returns it.</summary>
    internal static Tensor MarkUninitialized(Tensor tensor)
    {
        tensor.IsUninitialized = true;
        return tensor;
    }

    /// <summary>Whether one of this module's own parameters or buffers is a placeholder. PyTorch: has_uninitialized_params.</summary>
    internal bool HasUninitializedTensors() =>
        _parameters.Exists(p => p.Tensor.IsUninitialized) || _buffers.Exists(b => b.Tensor.IsUninitialized);

    /// <summary>Gives each own placeholder the shape of its initialized entry in <paramref name="stateDict"/>. PyTorch: _lazy_load_hook.</summary>
    private void MaterializeFrom(IReadOnlyDictionary<string, Tensor> stateDict, string prefix)
    {
        foreach (var (name, t) in _parameters.Concat(_buffers))
            if (t.IsUninitialized && stateDict.TryGetValue(prefix + name, out var source) && source is { IsUninitialized: false })
                t.Materialize(source.Sizes.ToArray());
    }
}
