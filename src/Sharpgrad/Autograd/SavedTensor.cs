namespace Sharpgrad;

/// <summary>
/// A tensor a node keeps for backward, with the version it had when saved (Note [Version counters]).
/// Holds its own storage reference, so the user disposing the tensor is safe.
/// </summary>
internal sealed class SavedTensor
{
    private Tensor? _tensor;
    private readonly long _version;
    private readonly bool _isOutput;
    private readonly Node? _producer;     // for outputs: the node that saved it
    private readonly int _outputNr;
    private readonly bool _wasLeafRequiringGrad;
    // Note [Saved tensor hooks]: with a pack hook in force, what it returned is kept instead of the tensor, and the
    // unpack hook turns it back into a tensor in backward (no version check then, as in PyTorch).
    private object? _packed;
    private Func<object?, Tensor>? _unpack;

    private SavedTensor(Tensor t, bool isOutput, Node? producer)
    {
        _version = t.Storage.Version;
        _isOutput = isOutput;
        _producer = producer;
        _outputNr = t.OutputNr;
        _wasLeafRequiringGrad = t.LeafRequiresGrad;
        if (SavedTensorHooks.Current is { Pack: { } pack, Unpack: { } unpack })
        {
            _packed = pack(t);
            if (t.Storage.Version != _version) throw new InvalidOperationException(Errors.PackHookInPlace);
            _unpack = unpack;
            return;
        }
        _tensor = t;
        t.Storage.Retain();
    }

    /// <summary>Saves an input of the op being recorded. Inference tensors cannot be saved.</summary>
    public static SavedTensor Input(Tensor t)
    {
        if (t.Inference) throw new InvalidOperationException(Errors.InferenceSaved);
        return new SavedTensor(t, false, null);
    }

    /// <summary>Saves the output of the op being recorded by <paramref name="node"/> (after SetHistory).</summary>
    public static SavedTensor Output(Tensor t, Node node) => new(t, true, node);

    public bool IsReleased => _tensor is null && _unpack is null;

    public long Bytes => Storage is { } st ? (long)st.Length * st.DType.ElementSize() : 0;

    public Storage? Storage => _tensor?.Storage ?? (_packed as Tensor)?.Storage;

    /// <summary>The saved tensor, checked against later in-place changes.</summary>
    public Tensor Unpack()
    {
        if (_unpack is { } unpack)
            return unpack(_packed) ?? throw new InvalidOperationException("Output of saved tensor unpack_hook expected to be a Tensor but got result of type NoneType");
        var t = _tensor ?? throw new InvalidOperationException(Errors.BackwardTwice);
        long now = t.Storage.Version;
        if (now != _version)
        {
            string? producer = _isOutput ? $"output {_outputNr} of {_producer!.Name}"
                : t.Fn is { } fn ? $"output {t.OutputNr} of {fn.Name}" : null;
            throw new InvalidOperationException(Errors.VersionMismatch(t.DType, t.Sizes, producer, now, _version));
        }
        if (t.IsDisposed)
        {
            // The user disposed it; the storage is still ours. Re-create the same tensor.
            var alias = t.AliasForSaved();
            _tensor = alias;
            t = alias;
        }
        return t;
    }

    public void Release()
    {
        _packed = null;
        _unpack = null;
        var t = Interlocked.Exchange(ref _tensor, null);
        t?.Storage.Release();
    }
}
