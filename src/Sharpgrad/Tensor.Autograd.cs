namespace Sharpgrad;

public sealed partial class Tensor
{
    internal bool RequiresGradFast => LeafRequiresGrad || Fn is not null || (ViewBase is not null && RefreshViewFn());

    /// <summary>
    /// Note [View grad_fn regeneration]: after its storage was modified in place, a view whose base is
    /// in a graph gets a fresh AsStridedBackward0 pointing at the base's current history, as PyTorch
    /// regenerates a view's grad_fn lazily when the version counter moved.
    /// </summary>
    private bool RefreshViewFn()
    {
        var viewBase = ViewBase!;
        long version = Storage.Version;
        if (version != ViewFnVersion)
        {
            ViewFnVersion = version;
            if (!Inference && (viewBase.LeafRequiresGrad || viewBase.Fn is not null))
            {
                Fn = new AsStridedBackward0(viewBase, this) { Edges = [viewBase.GradientEdge()] };
                OutputNr = 0;
                LeafRequiresGrad = false;
            }
        }
        return Fn is not null || LeafRequiresGrad;
    }

    /// <summary>
    /// Whether autograd records operations on this tensor: a capability, independent of the
    /// current grad mode. Only leaves of floating dtype can change it. PyTorch: requires_grad.
    /// </summary>
    public bool RequiresGrad
    {
        get => RequiresGradFast;
        set
        {
            if (Fn is not null) throw new InvalidOperationException(value ? Errors.NonLeafRequiresGradTrue : Errors.NonLeafRequiresGrad);
            if (value && !DType.IsFloatingPoint()) throw new InvalidOperationException(Errors.OnlyFloatGrad);
            if (value && Inference && !GradMode.Current.Inference) throw new InvalidOperationException(Errors.InferenceRequiresGrad);
            LeafRequiresGrad = value;
        }
    }

    /// <summary>Sets <see cref="RequiresGrad"/> in place and returns this tensor. PyTorch: requires_grad_.</summary>
    public Tensor RequiresGrad_(bool requiresGrad = true)
    {
        if (Fn is not null)
        {
            // PyTorch: requires_grad_(True) on a non-leaf (which already requires grad) is a no-op
            if (requiresGrad) return this;
            throw new InvalidOperationException(Errors.NonLeafRequiresGrad);
        }
        if (requiresGrad && !DType.IsFloatingPoint()) throw new InvalidOperationException("only Tensors of floating point dtype can require gradients");
        if (requiresGrad && Inference && !GradMode.Current.Inference) throw new InvalidOperationException(Errors.InferenceRequiresGrad);
        LeafRequiresGrad = requiresGrad;
        return this;
    }

    /// <summary>The accumulated gradient (leaves, and non-leaves that called <see cref="RetainGrad"/>). PyTorch: .grad.</summary>
    public Tensor? Grad
    {
        get
        {
            // Note [Gradient release]: once the user holds the gradient, ZeroGrad must leave it to the GC.
            if (GradValue is not null) GradShared = true;
            return GradValue;
        }
        set
        {
            if (value is not null)
            {
                if (!value.Sizes.AsSpan().SequenceEqual(Sizes))
                    throw new InvalidOperationException($"attempting to assign a gradient of size '{Errors.Shape(value.Sizes)}' to a tensor of size '{Errors.Shape(Sizes)}'. Please ensure that the gradient and the tensor are the same size");
                if (value.DType != DType)
                    throw new InvalidOperationException($"attempting to assign a gradient with dtype '{TorchShortName(value.DType)}' to a tensor with dtype '{TorchShortName(DType)}'. Please ensure that the gradient and the tensor have the same dtype");
            }
            GradValue = value;
            GradShared = value is not null;
        }
    }

    /// <summary>
    /// Sets the gradient to null (PyTorch 2.x's zero_grad), handing its buffer straight back to the pool
    /// when only autograd ever held it (Note [Gradient release]); a gradient the user read or assigned
    /// is left to the GC, as PyTorch leaves it to its other references.
    /// </summary>
    /// <summary>Drops the gradient, or zeros it in place (detached from any graph first), as zero_grad(set_to_none) does.</summary>
    internal void ZeroGrad(bool setToNone)
    {
        if (setToNone || GradValue is not { } g)
        {
            ReleaseGrad();
            return;
        }
        if (g.Fn is not null) g.Detach_();
        else if (g.LeafRequiresGrad) g.LeafRequiresGrad = false;
        using (Autograd.NoGrad()) g.Zero_();
    }

    internal void ReleaseGrad()
    {
        var g = GradValue;
        GradValue = null;
        if (g is not null && !GradShared) g.Dispose();
        GradShared = false;
    }

    private static string TorchShortName(DType d) => d switch { DType.Float32 => "float", DType.Float64 => "double", DType.Int64 => "long", DType.Int32 => "int", DType.UInt8 => "unsigned char", DType.Int8 => "signed char", DType.Int16 => "short int", _ => "bool" };

    /// <summary>The node that produced this tensor, or null for leaves. PyTorch: grad_fn.</summary>
    public Node? GradFn
    {
        get
        {
            if (ViewBase is not null) RefreshViewFn();
            return Fn;
        }
    }

    /// <summary>True for tensors not produced by a recorded op. PyTorch: is_leaf.</summary>
    public bool IsLeaf => GradFn is null;

    /// <summary>True for tensors made under InferenceMode: never part of a graph. PyTorch: is_inference().</summary>
    public bool IsInference => Inference;

    /// <summary>True when this tensor shares storage with a base tensor as a view. PyTorch: _is_view().</summary>
    public bool IsView => ViewBase is not null;

    /// <summary>The tensor this one is a view of, or null. PyTorch: _base.</summary>
    public Tensor? Base => ViewBase;

    /// <summary>The version counter, bumped by every in-place op on this storage. PyTorch: _version.</summary>
    public long Version => Inference ? throw new InvalidOperationException(Errors.InferenceVersion) : Storage.Version;

    /// <summary>True when <see cref="RetainGrad"/> was called on this non-leaf. PyTorch: retains_grad.</summary>
    public bool RetainsGrad => RetainsGradFlag;

    /// <summary>A tensor sharing storage (and version counter) but outside the graph. PyTorch: detach().</summary>
    public Tensor Detach()
    {
        ThrowIfDisposed();
        var t = AliasWith(Sizes, Strides, Offset);
        return t;
    }

    /// <summary>Detaches this tensor from the graph in place: it becomes a leaf not requiring grad. PyTorch: detach_().</summary>
    public Tensor Detach_()
    {
        if (ViewBase is not null && ViewBase.RequiresGrad)
            throw new InvalidOperationException("Can't detach views in-place. Use detach() instead. If you are using DistributedDataParallel (DDP) for training, and gradient_as_bucket_view is set as True, gradients are views of DDP buckets, and hence detach_() cannot be called on these gradients. To fix this error, please refer to the Optimizer.zero_grad() function in torch/optim/optimizer.py as the solution.");
        Fn = null;
        OutputNr = 0;
        LeafRequiresGrad = false;
        return this;
    }

    /// <summary>Keeps the gradient of this non-leaf in <see cref="Grad"/> after backward. PyTorch: retain_grad().</summary>
    public void RetainGrad()
    {
        if (Fn is null)
        {
            if (!LeafRequiresGrad) throw new InvalidOperationException("can't retain_grad on Tensor that has requires_grad=False");
            return;
        }
        if (RetainsGradFlag) return;
        RetainsGradFlag = true;
        var target = this;
        AddPreHook(Fn, OutputNr, g =>
        {
            target.GradValue = target.GradValue is null ? g.Detach().Clone() : Autograd.NoGrad(() => target.GradValue + g);
            return null;
        }, this);
    }

    /// <summary>
    /// Runs <paramref name="hook"/> on this tensor's gradient during backward; a non-null result
    /// replaces the gradient. Dispose the result to remove the hook. PyTorch: register_hook.
    /// </summary>
    public IDisposable RegisterHook(Func<Tensor, Tensor?> hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        if (!RequiresGrad) throw new InvalidOperationException("cannot register a hook on a tensor that doesn't require gradient");
        Node node = Fn ?? GradAccumulator();
        var key = new object();
        AddPreHook(node, Fn is null ? 0 : OutputNr, hook, key, beforeRetainGrad: true);
        return new TensorHookHandle(node, key);
    }

    /// <summary>
    /// Runs <paramref name="hook"/> with this leaf each time backward has added into its <see cref="Grad"/> (e.g. to step an
    /// optimizer per parameter during backward). Dispose the result to remove it. PyTorch: register_post_accumulate_grad_hook.
    /// </summary>
    public IDisposable RegisterPostAccumulateGradHook(Action<Tensor> hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        if (!RequiresGrad) throw new InvalidOperationException("cannot register a hook on a tensor that doesn't require gradient");
        if (Fn is not null) throw new InvalidOperationException("post accumulate grad hooks cannot be registered on non-leaf tensors");
        var acc = GradAccumulator();
        HookArrays.Add(ref acc.PostAccumulateHooks, hook);
        return new HookHandle(() => HookArrays.Remove(ref acc.PostAccumulateHooks, hook));
    }

    /// <summary>
    /// Copy-on-write, so a running backward keeps its snapshot. PyTorch 2.x runs the retain_grad hook
    /// (keyed by its tensor) after every other hook, so the retained grad sees what they returned.
    /// </summary>
    private static void AddPreHook(Node node, int outputNr, Func<Tensor, Tensor?> hook, object key, bool beforeRetainGrad = false)
    {
        lock (node)
        {
            var list = node.PreHooks is null ? new List<(int, Func<Tensor, Tensor?>, object)>() : new List<(int, Func<Tensor, Tensor?>, object)>(node.PreHooks);
            int at = beforeRetainGrad ? list.FindIndex(h => h.Item3 is Tensor) : -1;
            list.Insert(at < 0 ? list.Count : at, (outputNr, hook, key));
            node.PreHooks = list;
        }
    }

    private sealed class TensorHookHandle(Node node, object key) : IDisposable
    {
        public void Dispose()
        {
            lock (node)
            {
                if (node.PreHooks is null) return;
                var list = new List<(int, Func<Tensor, Tensor?>, object)>(node.PreHooks);
                list.RemoveAll(h => ReferenceEquals(h.Item3, key));
                node.PreHooks = list;
            }
        }
    }

    internal AccumulateGrad GradAccumulator()
    {
        var acc = Accumulator;
        if (acc is not null) return acc;
        lock (this)
        {
            return Accumulator ??= new AccumulateGrad(this);
        }
    }

    /// <summary>Where a gradient for this tensor goes: its grad_fn, its leaf accumulator, or nowhere.</summary>
    internal Edge GradientEdge()
    {
        if (ViewBase is not null) RefreshViewFn();
        if (Fn is not null) return new Edge(Fn, OutputNr);
        if (LeafRequiresGrad) return new Edge(GradAccumulator(), 0);
        return default;
    }

    /// <summary>A fresh tensor object over the same storage and autograd identity, for a saved tensor whose user object was disposed.</summary>
    internal Tensor AliasForSaved()
    {
        var t = new Tensor(Storage, Sizes, Strides, Offset, Inference, track: false)
        {
            Fn = Fn,
            OutputNr = OutputNr,
            LeafRequiresGrad = LeafRequiresGrad,
            Accumulator = LeafRequiresGrad ? GradAccumulator() : null,
        };
        return t;
    }

    /// <summary>
    /// Computes the gradient of this tensor with respect to the graph's leaves and adds it into
    /// their <see cref="Grad"/> (only into <paramref name="inputs"/>' when given). PyTorch: tensor.backward.
    /// </summary>
    public void Backward(Tensor? gradient = null, bool retainGraph = false, bool createGraph = false, Tensor[]? inputs = null) =>
        Autograd.Backward([this], gradient is null ? null : [gradient], retainGraph, createGraph, inputs);
}
