using Sharpgrad.Ops;

namespace Sharpgrad;

public static partial class Autograd
{
    /// <summary>
    /// A differentiable operation defined by its forward and its backward formula. PyTorch: torch.autograd.Function.
    /// Apply runs <see cref="Forward"/> with gradient recording off and, when grad mode is on and some input requires grad,
    /// records one node (named after the class plus <c>Backward</c>, as PyTorch names it) whose backward is
    /// <see cref="Backward"/>. Keep per-call values that are not tensors in the context (<see cref="FunctionCtx.Set{T}"/>).
    /// </summary>
    public abstract class Function
    {
        /// <summary>The recorded node's name; PyTorch: the class name followed by <c>Backward</c>.</summary>
        protected virtual string NodeName => GetType().Name + "Backward";

        /// <summary>
        /// Computes the outputs from <paramref name="inputs"/> (a null input stands for a non-tensor argument). Runs with
        /// gradient recording off. Save what backward needs with <see cref="FunctionCtx.SaveForBackward"/>.
        /// </summary>
        protected abstract Tensor[] Forward(FunctionCtx ctx, Tensor?[] inputs);

        /// <summary>
        /// One gradient per input (null where there is none), given one per output. Runs under the backward call's grad
        /// mode, so with createGraph its operations are themselves recorded.
        /// </summary>
        protected abstract Tensor?[] Backward(FunctionCtx ctx, Tensor?[] gradOutputs);

        /// <summary>Runs the function and records it when needed; returns every output. PyTorch: Function.apply.</summary>
        public Tensor[] ApplyAll(params Tensor?[] inputs)
        {
            ArgumentNullException.ThrowIfNull(inputs);
            foreach (var t in inputs) t?.ThrowIfDisposed();
            bool recording = false;
            if (GradMode.Current.Records)
                foreach (var t in inputs) recording |= t is not null && t.RequiresGradFast;
            var needs = new bool[inputs.Length];
            for (int i = 0; i < inputs.Length; i++) needs[i] = inputs[i] is { } t && t.RequiresGradFast;
            var ctx = new FunctionCtx(needs);
            Tensor[] outputs;
            using (NoGrad()) outputs = Forward(ctx, (Tensor?[])inputs.Clone());
            if (outputs is null || Array.IndexOf(outputs, null) >= 0)
                throw new InvalidOperationException($"{GetType().Name}.Forward must return tensors, not null");
            foreach (var dirty in ctx.Dirty)
                if (Array.IndexOf(outputs, dirty) < 0)
                    throw new InvalidOperationException("Some elements marked as dirty during the forward method were not returned as output. The inputs that are modified inplace must all be outputs of the Function.");
            if (recording) return FunctionBackward.Record(this, ctx, inputs, outputs);
            ctx.DropSaved();
            for (int i = 0; i < outputs.Length; i++)
            {
                var output = outputs[i];
                if (ctx.Dirty.Contains(output)) { if (!output.Inference) output.Storage.BumpVersion(); }
                else if (Array.IndexOf(inputs, output) >= 0) outputs[i] = output.AliasWith(output.Sizes, output.Strides, output.Offset);
            }
            return outputs;
        }

        /// <summary>The single output of <see cref="ApplyAll"/>. PyTorch: Function.apply for a one-output forward.</summary>
        public Tensor Apply(params Tensor?[] inputs)
        {
            var outputs = ApplyAll(inputs);
            return outputs.Length == 1
                ? outputs[0]
                : throw new InvalidOperationException($"{GetType().Name}.Forward returned {outputs.Length} tensors; use ApplyAll");
        }

        internal string RecordedName => NodeName;

        internal Tensor?[] RunBackward(FunctionCtx ctx, Tensor?[] gradOutputs) => Backward(ctx, gradOutputs);
    }

    /// <summary>
    /// What a <see cref="Function"/>'s forward hands to its backward: saved tensors (checked against later in-place
    /// changes), which inputs need a gradient, and which outputs were written in place or are not differentiable.
    /// PyTorch: the ctx argument (torch.autograd.function.FunctionCtx).
    /// </summary>
    public sealed class FunctionCtx
    {
        private Tensor?[] _toSave = [];
        private SavedTensor?[]? _saved;
        private bool _released;
        private Dictionary<string, object?>? _values;
        internal readonly List<Tensor> Dirty = [];
        internal readonly List<Tensor> NonDifferentiable = [];

        internal FunctionCtx(bool[] needsInputGrad) => NeedsInputGrad = needsInputGrad;

        /// <summary>Per input, whether backward must compute its gradient. PyTorch: ctx.needs_input_grad.</summary>
        public IReadOnlyList<bool> NeedsInputGrad { get; }

        /// <summary>Whether outputs that got no gradient are handed to backward as zeros (true) or null. PyTorch: set_materialize_grads.</summary>
        public bool MaterializeGrads { get; private set; } = true;

        /// <summary>Keeps inputs or outputs for backward; call from forward, once. PyTorch: ctx.save_for_backward.</summary>
        public void SaveForBackward(params Tensor?[] tensors)
        {
            ArgumentNullException.ThrowIfNull(tensors);
            _toSave = (Tensor?[])tensors.Clone();
        }

        /// <summary>
        /// The tensors given to <see cref="SaveForBackward"/>, as they were saved: throws PyTorch's error when one was modified
        /// in place since, or when a backward without retainGraph already freed them. PyTorch: ctx.saved_tensors.
        /// </summary>
        public IReadOnlyList<Tensor?> SavedTensors
        {
            get
            {
                if (_released) throw new InvalidOperationException(Errors.BackwardTwice);
                if (_saved is null) return _toSave;
                var result = new Tensor?[_saved.Length];
                for (int i = 0; i < _saved.Length; i++) result[i] = _saved[i]?.Unpack();
                return result;
            }
        }

        /// <summary>Declares inputs that forward modified in place (and returns). PyTorch: ctx.mark_dirty.</summary>
        public void MarkDirty(params Tensor[] tensors) => Dirty.AddRange(tensors ?? throw new ArgumentNullException(nameof(tensors)));

        /// <summary>Declares outputs that have no gradient (indices, masks). PyTorch: ctx.mark_non_differentiable.</summary>
        public void MarkNonDifferentiable(params Tensor[] tensors) =>
            NonDifferentiable.AddRange(tensors ?? throw new ArgumentNullException(nameof(tensors)));

        /// <summary>PyTorch: ctx.set_materialize_grads.</summary>
        public void SetMaterializeGrads(bool value) => MaterializeGrads = value;

        /// <summary>Keeps a non-tensor value for backward (PyTorch: <c>ctx.name = value</c>).</summary>
        public void Set<T>(string name, T value) => (_values ??= new(StringComparer.Ordinal))[name] = value;

        /// <summary>A value kept with <see cref="Set{T}"/>; KeyNotFoundException when there is none.</summary>
        public T Get<T>(string name) =>
            _values is not null && _values.TryGetValue(name, out var v) ? (T)v! : throw new KeyNotFoundException($"'FunctionCtx' object has no attribute '{name}'");

        internal void DropSaved() => _toSave = [];

        /// <summary>Turns the tensors named in forward into saved slots, once the outputs carry the node's history.</summary>
        internal void Seal(Tensor[] outputs, Node node)
        {
            _saved = new SavedTensor?[_toSave.Length];
            for (int i = 0; i < _toSave.Length; i++)
            {
                if (_toSave[i] is not { } t) continue;
                _saved[i] = Array.IndexOf(outputs, t) >= 0 ? SavedTensor.Output(t, node) : SavedTensor.Input(t);
            }
            _toSave = [];
        }

        internal IEnumerable<SavedTensor> Saved
        {
            get
            {
                if (_saved is null) yield break;
                foreach (var s in _saved) if (s is not null) yield return s;
            }
        }

        internal void Release()
        {
            _released = true;
            if (_saved is not null) foreach (var s in _saved) s?.Release();
        }
    }
}

/// <summary>The node a custom <see cref="Autograd.Function"/> records: runs its backward and checks what comes back.</summary>
internal sealed class FunctionBackward : Node
{
    private readonly Autograd.Function _function;
    private readonly Autograd.FunctionCtx _ctx;
    private readonly string _name;
    private readonly bool[] _isTensorInput;
    private readonly int[][] _inputSizes;
    private readonly int[][] _outputSizes;
    private readonly DType[] _outputTypes;

    private FunctionBackward(Autograd.Function function, Autograd.FunctionCtx ctx, Tensor?[] inputs, Tensor[] outputs)
    {
        _function = function;
        _ctx = ctx;
        _name = function.RecordedName;
        int n = inputs.Length;
        _isTensorInput = new bool[n];
        _inputSizes = new int[n][];
        var inputTypes = new DType?[n];
        var edges = new Edge[n];
        for (int i = 0; i < n; i++)
        {
            if (inputs[i] is not { } t) { _inputSizes[i] = []; continue; }
            _isTensorInput[i] = true;
            _inputSizes[i] = t.Sizes;
            inputTypes[i] = t.DType;
            edges[i] = t.GradientEdge();
        }
        Edges = edges;
        InputDTypes = inputTypes; // the engine casts each returned gradient back, as for any node
        _outputSizes = new int[outputs.Length][];
        _outputTypes = new DType[outputs.Length];
        for (int i = 0; i < outputs.Length; i++) (_outputSizes[i], _outputTypes[i]) = (outputs[i].Sizes, outputs[i].DType);
    }

    public override string Name => _name;

    internal override int NumOutputs => _outputSizes.Length;

    internal override bool RunsUserCode => true;

    internal override IEnumerable<SavedTensor> Saved => _ctx.Saved;

    protected override void ReleaseSaved() => _ctx.Release();

    /// <summary>Wires the outputs of a recorded call: each differentiable one gets this node as its history.</summary>
    public static Tensor[] Record(Autograd.Function function, Autograd.FunctionCtx ctx, Tensor?[] inputs, Tensor[] outputs)
    {
        var node = new FunctionBackward(function, ctx, inputs, outputs);
        var results = new Tensor[outputs.Length];
        for (int i = 0; i < outputs.Length; i++)
        {
            var output = outputs[i];
            bool differentiable = output.DType.IsFloatingPoint() && !ctx.NonDifferentiable.Contains(output);
            bool isInput = Array.IndexOf(inputs, output) >= 0;
            if (ctx.Dirty.Contains(output))
            {
                results[i] = CommitDirty(output, differentiable ? node : null, i, outputs.Length);
                continue;
            }
            // an input handed back unchanged becomes a new tensor over the same storage, so the input keeps its own history
            var result = isInput ? output.AliasWith(output.Sizes, output.Strides, output.Offset) : output;
            if (differentiable)
            {
                global::Sharpgrad.Record.SetHistory(result, node, i);
                result.LeafRequiresGrad = false;
            }
            results[i] = result;
        }
        ctx.Seal(results, node);
        return results;
    }

    private static Tensor CommitDirty(Tensor dirty, Node? node, int outputNr, int outputCount)
    {
        if (dirty.ViewBase is null && dirty.Fn is null && dirty.LeafRequiresGrad)
            throw new InvalidOperationException("a leaf Variable that requires grad has been used in an in-place operation.");
        if (dirty.ViewBase is not null && node is not null && (outputNr != 0 || outputCount != 1))
            throw new NotSupportedException("mark_dirty on a view is supported for a Function with one output only");
        if (node is null)
        {
            if (!dirty.Inference) dirty.Storage.BumpVersion();
            return dirty;
        }
        if (dirty.ViewBase is not null) return InPlaceOps.Commit(dirty, node);
        if (!dirty.Inference) dirty.Storage.BumpVersion();
        global::Sharpgrad.Record.SetHistory(dirty, node, outputNr);
        return dirty;
    }

    internal override Tensor?[] Apply(Tensor grad) => ApplyAll([grad]);

    internal override Tensor?[] ApplyAll(Tensor?[] gradOutputs)
    {
        var grads = new Tensor?[_outputSizes.Length];
        for (int i = 0; i < grads.Length; i++)
        {
            grads[i] = i < gradOutputs.Length ? gradOutputs[i] : null;
            if (grads[i] is null && _ctx.MaterializeGrads) grads[i] = Tensor.Zeros(_outputSizes[i], _outputTypes[i]);
        }
        var result = _function.RunBackward(_ctx, grads)
            ?? throw new InvalidOperationException($"function {_name} returned null instead of its gradients");
        if (result.Length != _isTensorInput.Length)
            throw new InvalidOperationException($"function {_name} returned an incorrect number of gradients (expected {_isTensorInput.Length}, got {result.Length})");
        var outputs = new Tensor?[result.Length];
        for (int i = 0; i < result.Length; i++)
        {
            if (result[i] is not { } g) continue;
            if (!_isTensorInput[i])
                throw new InvalidOperationException($"function {_name} returned a gradient different than None at position {i + 1}, but the corresponding forward input was not a Variable");
            if (!NeedsInputGrad(i)) continue;
            outputs[i] = Validate(g, i);
        }
        return outputs;
    }

    /// <summary>PyTorch's validate_outputs, shape part: a gradient the input's shape broadcasts to is summed back (the engine casts the dtype).</summary>
    private Tensor Validate(Tensor grad, int i)
    {
        var sizes = _inputSizes[i];
        if (!grad.Sizes.AsSpan().SequenceEqual(sizes))
        {
            if (!IsExpandableTo(sizes, grad.Sizes))
                throw new InvalidOperationException(
                    $"Function {_name} returned an invalid gradient at index {i} - got [{string.Join(", ", grad.Sizes)}] but expected shape compatible with [{string.Join(", ", sizes)}]");
            grad = ViewGrad.SumTo(grad, sizes);
        }
        return grad;
    }

    /// <summary>Whether <paramref name="shape"/> broadcasts to <paramref name="target"/>. PyTorch: is_expandable_to.</summary>
    private static bool IsExpandableTo(int[] shape, int[] target)
    {
        if (shape.Length > target.Length) return false;
        for (int i = 1; i <= shape.Length; i++)
        {
            int size = shape[^i], want = target[^i];
            if (size != want && size != 1) return false;
        }
        return true;
    }
}
