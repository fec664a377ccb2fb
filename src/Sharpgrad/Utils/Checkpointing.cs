using Sharpgrad.NN;

namespace Sharpgrad.Utils;

/// <summary>
/// Activation checkpointing: a segment's intermediate tensors are not kept for backward but recomputed from its inputs
/// when backward needs them, trading compute for memory. PyTorch: torch.utils.checkpoint.
/// </summary>
public static class Checkpointing
{
    private const string ReentrantWithGrad =
        "When use_reentrant=True, torch.utils.checkpoint is incompatible with .grad() or passing an `inputs` parameter to .backward(). To resolve this error, you can either set use_reentrant=False, or call .backward() without passing the `inputs` argument.";

    /// <summary>
    /// <paramref name="function"/>(<paramref name="args"/>), keeping only the arguments for backward. With
    /// <paramref name="useReentrant"/> the call is one CheckpointFunctionBackward node whose backward reruns the function
    /// and backpropagates through it (not usable with autograd.grad); without it the ops are recorded as usual and each
    /// tensor they would save is recomputed on first use. <paramref name="preserveRngState"/> replays the random draws
    /// (dropout masks) of the first run. PyTorch: torch.utils.checkpoint.checkpoint (use_reentrant must be given, as
    /// PyTorch asks).
    /// </summary>
    public static Tensor Checkpoint(Func<Tensor[], Tensor> function, Tensor[] args, bool useReentrant, bool preserveRngState = true)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(args);
        if (useReentrant) return new CheckpointFunction(function, preserveRngState).Apply(args);
        if (!GradMode.Current.Records) return function(args);
        var frame = new RecomputeFrame(function, args, preserveRngState);
        using (SavedTensorHooks.Push(frame.Pack, frame.Unpack, null)) return function(args);
    }

    /// <summary><see cref="Checkpoint(Func{Tensor[], Tensor}, Tensor[], bool, bool)"/> for a function of one tensor.</summary>
    public static Tensor Checkpoint(Func<Tensor, Tensor> function, Tensor input, bool useReentrant, bool preserveRngState = true)
    {
        ArgumentNullException.ThrowIfNull(function);
        return Checkpoint(a => function(a[0]), [input], useReentrant, preserveRngState);
    }

    /// <summary>
    /// Runs <paramref name="functions"/> in <paramref name="segments"/> chunks, checkpointing all but the last.
    /// PyTorch: torch.utils.checkpoint.checkpoint_sequential.
    /// </summary>
    public static Tensor CheckpointSequential(Sequential functions, int segments, Tensor input, bool useReentrant, bool preserveRngState = true)
    {
        ArgumentNullException.ThrowIfNull(functions);
        ArgumentOutOfRangeException.ThrowIfLessThan(segments, 1);
        int count = functions.Count;
        int size = count / segments;
        int end = -1;
        for (int start = 0; start < size * (segments - 1); start += size)
        {
            end = start + size - 1;
            int from = start, to = end;
            input = Checkpoint(x => RunRange(functions, from, to, x), input, useReentrant, preserveRngState);
        }
        return RunRange(functions, end + 1, count - 1, input);
    }

    private static Tensor RunRange(Sequential functions, int from, int to, Tensor x)
    {
        for (int i = from; i <= to; i++) x = functions[i].Forward(x);
        return x;
    }

    /// <summary>The arguments again, detached, requiring grad where the originals did: the rerun records as the first run did.</summary>
    private static Tensor[] Detached(IReadOnlyList<Tensor?> args)
    {
        var result = new Tensor[args.Count];
        for (int i = 0; i < result.Length; i++)
        {
            var arg = args[i]!;
            var copy = arg.Detach();
            if (arg.RequiresGrad) copy.RequiresGrad = true;
            result[i] = copy;
        }
        return result;
    }

    /// <summary>Runs <paramref name="body"/> with the default generator at <paramref name="state"/>, then puts it back.</summary>
    private static T WithRngState<T>(Tensor? state, Func<T> body)
    {
        if (state is null) return body();
        var current = Tensor.GetRngState();
        Tensor.SetRngState(state);
        try { return body(); }
        finally { Tensor.SetRngState(current); }
    }

    /// <summary>The reentrant form: one node whose backward reruns the function with recording on.</summary>
    private sealed class CheckpointFunction(Func<Tensor[], Tensor> function, bool preserveRngState) : Autograd.Function
    {
        private Tensor? _rngState;

        protected override Tensor[] Forward(Autograd.FunctionCtx ctx, Tensor?[] inputs)
        {
            if (preserveRngState) _rngState = Tensor.GetRngState();
            ctx.SaveForBackward(inputs);
            return [function(inputs!)];
        }

        protected override Tensor?[] Backward(Autograd.FunctionCtx ctx, Tensor?[] gradOutputs)
        {
            if (Engine.IsCapturing) throw new InvalidOperationException(ReentrantWithGrad);
            var inputs = Detached(ctx.SavedTensors);
            var output = WithRngState(_rngState, () =>
            {
                using (Autograd.EnableGrad()) return function(inputs);
            });
            if (!output.RequiresGrad) throw new InvalidOperationException("none of output has requires_grad=True, this checkpoint() is not necessary");
            Autograd.Backward([output], [gradOutputs[0]!]);
            var grads = new Tensor?[inputs.Length];
            for (int i = 0; i < grads.Length; i++) grads[i] = inputs[i].Grad;
            return grads;
        }
    }

    /// <summary>
    /// The non-reentrant form: what the function's ops save is replaced by its position; the first unpack in backward
    /// reruns the function once and collects what the rerun saves, in the same order.
    /// </summary>
    private sealed class RecomputeFrame(Func<Tensor[], Tensor> function, Tensor[] args, bool preserveRngState)
    {
        private readonly Tensor? _rngState = preserveRngState ? Tensor.GetRngState() : null;
        private int _packed;
        private List<Tensor>? _recomputed;

        public object? Pack(Tensor t) => _packed++;

        public Tensor Unpack(object? position)
        {
            var recomputed = _recomputed ??= Recompute();
            int i = (int)position!;
            return i < recomputed.Count
                ? recomputed[i]
                : throw new InvalidOperationException("torch.utils.checkpoint: Recomputed values for the following tensors have different metadata than during the forward pass.");
        }

        private List<Tensor> Recompute()
        {
            var saved = new List<Tensor>(_packed);
            var inputs = Detached(args);
            WithRngState(_rngState, () =>
            {
                using (Autograd.EnableGrad())
                using (SavedTensorHooks.Push(t => { saved.Add(t.Detach()); return null; }, _ => throw new InvalidOperationException(), null))
                    return function(inputs);
            });
            return saved;
        }
    }
}
