namespace Sharpgrad;

/// <summary>
/// One entry of a Python-style index, <c>t[i, 1..3, TensorIndex.Ellipsis, mask]</c>: an integer, a slice (a C# range
/// or <see cref="Slice"/>), <see cref="Ellipsis"/>, <see cref="None"/> (a new axis), a bool, or an Int64/Bool tensor.
/// Integers, bools and tensors convert implicitly. PyTorch: the entries of <c>tensor[...]</c>.
/// </summary>
public readonly struct TensorIndex
{
    /// <summary>What an entry is.</summary>
    public enum IndexKind
    {
        /// <summary>An integer: selects one position and removes the dim.</summary>
        Single,
        /// <summary>start:stop:step.</summary>
        Slice,
        /// <summary><c>...</c>: as many full slices as the other entries leave dims.</summary>
        Ellipsis,
        /// <summary><c>None</c>: inserts a dim of size 1.</summary>
        None,
        /// <summary>True or False: a new dim of size 1 or 0.</summary>
        Bool,
        /// <summary>An Int64 tensor of positions or a Bool mask (advanced indexing: the result is a copy).</summary>
        Tensor,
    }

    private TensorIndex(IndexKind kind, long value = 0, long? start = null, long? stop = null, long? step = null, Tensor? tensor = null)
    {
        Kind = kind;
        Value = value;
        Start = start;
        Stop = stop;
        Step = step;
        TensorValue = tensor;
    }

    /// <summary>The kind of entry.</summary>
    public IndexKind Kind { get; }

    /// <summary>The integer of a <see cref="IndexKind.Single"/> entry; 1 or 0 for a <see cref="IndexKind.Bool"/> one.</summary>
    public long Value { get; }

    /// <summary>A slice's start (null: from the beginning).</summary>
    public long? Start { get; }

    /// <summary>A slice's stop (null: to the end).</summary>
    public long? Stop { get; }

    /// <summary>A slice's step (null: 1).</summary>
    public long? Step { get; }

    /// <summary>The tensor of a <see cref="IndexKind.Tensor"/> entry.</summary>
    public Tensor? TensorValue { get; }

    /// <summary><c>...</c>.</summary>
    public static TensorIndex Ellipsis => new(IndexKind.Ellipsis);

    /// <summary><c>None</c>: a new axis of size 1.</summary>
    public static TensorIndex None => new(IndexKind.None);

    /// <summary>An integer position (negative counts from the end).</summary>
    public static TensorIndex Single(long index) => new(IndexKind.Single, index);

    /// <summary><c>start:stop:step</c>, each optional, with Python's clamping; the step must be positive.</summary>
    public static TensorIndex Slice(long? start = null, long? stop = null, long? step = null) => new(IndexKind.Slice, 0, start, stop, step);

    /// <summary>True or False.</summary>
    public static TensorIndex Bool(bool value) => new(IndexKind.Bool, value ? 1 : 0);

    /// <summary>An Int64 tensor of positions or a Bool mask.</summary>
    public static TensorIndex FromTensor(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        return new(IndexKind.Tensor, tensor: tensor);
    }

    /// <summary>An integer position.</summary>
    public static implicit operator TensorIndex(long index) => Single(index);

    /// <summary>An integer position.</summary>
    public static implicit operator TensorIndex(int index) => Single(index);

    /// <summary>True or False.</summary>
    public static implicit operator TensorIndex(bool value) => Bool(value);

    /// <summary>An Int64 tensor of positions or a Bool mask.</summary>
    public static implicit operator TensorIndex(Tensor tensor) => FromTensor(tensor);

    /// <summary>A list of positions, as Python's <c>t[[0, 2]]</c>: an Int64 index tensor.</summary>
    public static implicit operator TensorIndex(long[] positions) => FromTensor(Tensor.FromArray(positions));

    /// <summary>A list of positions, as Python's <c>t[[0, 2]]</c>: an Int64 index tensor.</summary>
    public static implicit operator TensorIndex(int[] positions) => FromTensor(Tensor.FromArray(Array.ConvertAll(positions, p => (long)p)));

    /// <summary>A list of flags, as Python's <c>t[[True, False]]</c>: a Bool mask.</summary>
    public static implicit operator TensorIndex(bool[] mask) => FromTensor(Tensor.FromArray(mask));

    /// <summary>A C# range as a slice: <c>1..3</c> is <c>1:3</c>, <c>^2..</c> is <c>-2:</c>, <c>..</c> is <c>:</c>.</summary>
    public static implicit operator TensorIndex(Range range)
    {
        // ^0 as a start is the end (an empty slice); as a stop it is "to the end".
        long? start = range.Start.IsFromEnd ? (range.Start.Value == 0 ? long.MaxValue : -range.Start.Value) : range.Start.Value;
        long? stop = range.End.IsFromEnd ? (range.End.Value == 0 ? null : -range.End.Value) : range.End.Value;
        return Slice(start, stop);
    }

    /// <inheritdoc/>
    public override string ToString() => Kind switch
    {
        IndexKind.Single => Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        IndexKind.Slice => $"{Start}:{Stop}{(Step is null ? "" : $":{Step}")}",
        IndexKind.Ellipsis => "...",
        IndexKind.None => "None",
        IndexKind.Bool => Value != 0 ? "True" : "False",
        _ => "tensor",
    };
}
