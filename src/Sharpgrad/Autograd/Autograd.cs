namespace Sharpgrad;

/// <summary>
/// Whether computation is recorded, and the engine's entry points. PyTorch: torch.autograd plus
/// torch.no_grad / enable_grad / set_grad_enabled / inference_mode.
/// </summary>
public static partial class Autograd
{
    /// <summary>True when ops record a graph for inputs that require grad. PyTorch: torch.is_grad_enabled().</summary>
    public static bool IsGradEnabled => GradMode.Current.GradEnabled;

    /// <summary>True inside InferenceMode. PyTorch: torch.is_inference_mode_enabled().</summary>
    public static bool IsInferenceModeEnabled => GradMode.Current.Inference;

    /// <summary>Disables recording until disposed. PyTorch: torch.no_grad().</summary>
    public static GradModeScope NoGrad() => GradMode.Push(false, GradMode.Current.Inference);

    /// <summary>Enables recording until disposed (inside NoGrad, for example). PyTorch: torch.enable_grad().</summary>
    public static GradModeScope EnableGrad() => GradMode.Push(true, GradMode.Current.Inference);

    /// <summary>
    /// Sets grad mode. Disposing restores the previous mode; called as a plain function it lasts
    /// until the enclosing scope ends. PyTorch: torch.set_grad_enabled(mode).
    /// </summary>
    public static GradModeScope SetGradEnabled(bool enabled) => GradMode.Push(enabled, GradMode.Current.Inference, lenient: true);

    /// <summary>
    /// Inference mode: no graph, no version counters, no view tracking; outputs are inference tensors.
    /// <c>InferenceMode(false)</c> nested inside turns it (and grad mode) back on. PyTorch: torch.inference_mode(mode).
    /// </summary>
    public static GradModeScope InferenceMode(bool enabled = true) => GradMode.Push(!enabled, enabled);

    /// <summary>Runs <paramref name="body"/> under NoGrad and returns its result.</summary>
    public static T NoGrad<T>(Func<T> body)
    {
        using var _ = NoGrad();
        return body();
    }

    /// <summary>Runs <paramref name="body"/> under NoGrad.</summary>
    public static void NoGrad(Action body)
    {
        using var _ = NoGrad();
        body();
    }

    /// <summary>Runs <paramref name="body"/> under EnableGrad and returns its result.</summary>
    public static T EnableGrad<T>(Func<T> body)
    {
        using var _ = EnableGrad();
        return body();
    }

    /// <summary>Runs <paramref name="body"/> under EnableGrad.</summary>
    public static void EnableGrad(Action body)
    {
        using var _ = EnableGrad();
        body();
    }

    /// <summary>Runs <paramref name="body"/> with grad mode set to <paramref name="enabled"/> and returns its result.</summary>
    public static T SetGradEnabled<T>(bool enabled, Func<T> body)
    {
        using var _ = GradMode.Push(enabled, GradMode.Current.Inference);
        return body();
    }

    /// <summary>Runs <paramref name="body"/> with grad mode set to <paramref name="enabled"/>.</summary>
    public static void SetGradEnabled(bool enabled, Action body)
    {
        using var _ = GradMode.Push(enabled, GradMode.Current.Inference);
        body();
    }

    /// <summary>Runs <paramref name="body"/> under InferenceMode and returns its result.</summary>
    public static T InferenceMode<T>(Func<T> body)
    {
        using var _ = InferenceMode();
        return body();
    }

    /// <summary>Runs <paramref name="body"/> under InferenceMode.</summary>
    public static void InferenceMode(Action body)
    {
        using var _ = InferenceMode();
        body();
    }

    /// <summary>
    /// Computes the gradients of <paramref name="tensors"/> and accumulates them into the leaves, or, given
    /// <paramref name="inputs"/>, into those tensors' <c>.Grad</c> only (leaves or not). PyTorch: torch.autograd.backward.
    /// </summary>
    public static void Backward(Tensor[] tensors, Tensor[]? gradTensors = null, bool retainGraph = false, bool createGraph = false,
        Tensor[]? inputs = null)
    {
        if (inputs is not null)
        {
            BackwardInto(tensors, gradTensors, retainGraph, createGraph, inputs);
            return;
        }
        var (roots, grads) = PrepareRoots(tensors, gradTensors, "tensors");
        Engine.Run(roots, grads, retainGraph || createGraph, createGraph, captures: null);
    }

    private static void BackwardInto(Tensor[] tensors, Tensor[]? gradTensors, bool retainGraph, bool createGraph, Tensor[] inputs)
    {
        if (inputs.Length == 0) throw new InvalidOperationException("`inputs` argument to `backward()` cannot be empty.");
        var captures = new Edge[inputs.Length];
        for (int i = 0; i < inputs.Length; i++)
        {
            inputs[i].ThrowIfDisposed();
            if (!inputs[i].RequiresGrad) throw new InvalidOperationException("can't retain_grad on Tensor that has requires_grad=False");
            captures[i] = inputs[i].GradientEdge();
        }
        var (roots, grads) = PrepareRoots(tensors, gradTensors, "tensors");
        var result = Engine.Run(roots, grads, retainGraph || createGraph, createGraph, captures)!;
        for (int i = 0; i < inputs.Length; i++)
        {
            if (result[i] is not { } g) continue;
            var input = inputs[i];
            if (input.Fn is null) input.GradAccumulator().Accumulate(g, owned: false);
            else input.GradValue = input.GradValue is null ? (createGraph ? g : g.Detach().Clone()) : NoGrad(() => input.GradValue + g);
        }
    }

    /// <summary>
    /// The gradients of <paramref name="outputs"/> with respect to <paramref name="inputs"/>, without
    /// touching any <c>.Grad</c>. With <paramref name="allowUnused"/>, an unused input gets null.
    /// PyTorch: torch.autograd.grad.
    /// </summary>
    /// <remarks>
    /// With <paramref name="materializeGrads"/> (which implies <paramref name="allowUnused"/>), an unused input gets zeros
    /// that require grad instead of null, as PyTorch's materialize_grads.
    /// </remarks>
    public static Tensor?[] Grad(Tensor[] outputs, Tensor[] inputs, Tensor[]? gradOutputs = null,
        bool retainGraph = false, bool createGraph = false, bool allowUnused = false, bool materializeGrads = false)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var captures = new Edge[inputs.Length];
        for (int i = 0; i < inputs.Length; i++)
        {
            if (!inputs[i].RequiresGrad) throw new InvalidOperationException(Errors.InputNotRequiringGrad);
            captures[i] = inputs[i].GradientEdge();
        }
        var result = GradAtEdges(outputs, captures, gradOutputs, retainGraph, createGraph, allowUnused || materializeGrads);
        if (materializeGrads)
            for (int i = 0; i < result.Length; i++) result[i] ??= Tensor.ZerosLike(inputs[i]).RequiresGrad_();
        return result;
    }

    /// <summary>
    /// The gradients of <paramref name="outputs"/> arriving at <paramref name="inputs"/>, edges of the graph (e.g. of
    /// tensors no longer around). PyTorch: torch.autograd.grad with GradientEdge inputs.
    /// </summary>
    public static Tensor?[] Grad(Tensor[] outputs, GradientEdge[] inputs, Tensor[]? gradOutputs = null,
        bool retainGraph = false, bool createGraph = false, bool allowUnused = false)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var captures = new Edge[inputs.Length];
        for (int i = 0; i < inputs.Length; i++)
            captures[i] = new Edge(inputs[i].Node ?? throw new ArgumentException("a GradientEdge needs a node", nameof(inputs)), inputs[i].OutputNr);
        return GradAtEdges(outputs, captures, gradOutputs, retainGraph, createGraph, allowUnused);
    }

    /// <summary>Where <paramref name="tensor"/>'s gradient enters the graph. PyTorch: torch.autograd.graph.get_gradient_edge.</summary>
    public static GradientEdge GetGradientEdge(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        tensor.ThrowIfDisposed();
        if (!tensor.RequiresGrad) throw new InvalidOperationException("It is not possible to get the gradient edge for a Tensor that does not require gradients");
        var edge = tensor.GradientEdge();
        return new GradientEdge(edge.Node!, edge.InputNr);
    }

    private static Tensor?[] GradAtEdges(Tensor[] outputs, Edge[] captures, Tensor[]? gradOutputs, bool retainGraph, bool createGraph, bool allowUnused)
    {
        var (roots, grads) = PrepareRoots(outputs, gradOutputs, "outputs");
        var result = Engine.Run(roots, grads, retainGraph || createGraph, createGraph, captures)!;
        for (int i = 0; i < result.Length; i++)
            if (result[i] is null && !allowUnused) throw new InvalidOperationException(Errors.UnusedInput);
        return result;
    }

    private static (Edge[] Roots, Tensor[] Grads) PrepareRoots(Tensor[] tensors, Tensor[]? gradTensors, string what)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        if (gradTensors is not null && gradTensors.Length != tensors.Length)
            throw new ArgumentException($"got {gradTensors.Length} gradients for {tensors.Length} {what}");
        var roots = new Edge[tensors.Length];
        var grads = new Tensor[tensors.Length];
        for (int i = 0; i < tensors.Length; i++)
        {
            var t = tensors[i];
            t.ThrowIfDisposed();
            if (!t.RequiresGrad) throw new InvalidOperationException(Errors.NoGradFn.Replace("element 0", $"element {i}"));
            roots[i] = t.GradientEdge();
            var g = gradTensors?[i];
            if (g is null)
            {
                if (t.NumElements != 1) throw new InvalidOperationException(Errors.ImplicitScalar);
                g = Tensor.OnesLike(t);
            }
            else if (!g.Sizes.AsSpan().SequenceEqual(t.Sizes))
            {
                throw new InvalidOperationException(Errors.GradShapeMismatch(i, g.Sizes, t.Sizes));
            }
            grads[i] = g;
        }
        return (roots, grads);
    }
}
