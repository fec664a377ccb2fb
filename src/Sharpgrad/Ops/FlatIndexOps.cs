using Sharpgrad.Kernels;
using Sharpgrad.Shapes;

namespace Sharpgrad.Ops;

/// <summary>
/// take, put and masked_scatter: ops that address a tensor as one row-major sequence of elements, whatever its strides.
/// </summary>
internal static class FlatIndexOps
{
    /// <summary>take: the elements at <paramref name="index"/>'s flat positions, in index's shape (TakeBackward0).</summary>
    public static Tensor Take(Tensor self, Tensor index)
    {
        self.ThrowIfDisposed();
        index.ThrowIfDisposed();
        if (index.DType != DType.Int64) throw new ArgumentException($"take(): Expected a long tensor for index, but got {Errors.Pretty(index.DType)}");
        var positions = Positions(index, self.Numel, "take");
        Tensor y;
        using (Autograd.NoGrad())
        using (Tensor.NewScope())
            y = self.Reshape(-1).IndexSelect(0, Tensor.FromArray(positions)).Reshape(index.Sizes).MoveToOuterScope();
        if (Record.ShouldRecord(self))
            Record.SetHistory(y, Record.Connect(new TakeBackward0(self.Sizes, self.DType) { Index = SavedTensor.Input(index) }, self));
        return y;
    }

    /// <summary>
    /// put: <paramref name="source"/>'s elements written (or added, when <paramref name="accumulate"/>) at
    /// <paramref name="index"/>'s flat positions, in order, so a repeated position keeps the last write (PutBackward0).
    /// </summary>
    public static Tensor Put(Tensor self, Tensor index, Tensor source, bool accumulate, bool inPlace)
    {
        self.ThrowIfDisposed();
        index.ThrowIfDisposed();
        source.ThrowIfDisposed();
        if (index.DType != DType.Int64) throw new InvalidOperationException($"put_(): Expected a long tensor for index, but got {Errors.Pretty(index.DType)}");
        if (source.DType != self.DType)
            throw new InvalidOperationException($"put_(): self and source expected to have the same dtype, but got self.dtype = {Errors.Pretty(self.DType)} and source.dtype = {Errors.Pretty(source.DType)}");
        if (source.Numel != index.Numel)
            throw new ArgumentOutOfRangeException(nameof(index), $"put_(): Expected source and index to have the same number of elements, but got source.numel() = {source.Numel}, index.numel() = {index.Numel}");
        var positions = Positions(index, self.Numel, "put");
        var sourceSizes = source.Sizes;
        return Write(self, source, positions, accumulate, inPlace, "put",
            () => new PutBackward0(sourceSizes, source.DType, accumulate) { Index = SavedTensor.Input(index) });
    }

    /// <summary>
    /// masked_scatter: the first k elements of <paramref name="source"/> (row-major) written at the k true positions of
    /// <paramref name="mask"/> (broadcast), in order (MaskedScatterBackward0).
    /// </summary>
    public static Tensor MaskedScatter(Tensor self, Tensor mask, Tensor source, bool inPlace)
    {
        self.ThrowIfDisposed();
        mask.ThrowIfDisposed();
        source.ThrowIfDisposed();
        if (mask.DType != DType.Bool) throw new ArgumentException($"masked_scatter_ only supports boolean masks, but got mask with dtype {Errors.Pretty(mask.DType)}");
        if (source.DType != self.DType)
            throw new ArgumentException($"masked_scatter: expected self and source to have same dtypes but got{Errors.Pretty(self.DType)} and {Errors.Pretty(source.DType)}");
        var target = self;
        if (!inPlace)
        {
            // out of place, self broadcasts with the mask (expand_outplace)
            var shape = Layout.Broadcast(mask.Sizes, self.Sizes);
            if (!shape.AsSpan().SequenceEqual(self.Sizes)) target = self.Expand(shape);
        }
        else Layout.Broadcast(mask.Sizes, self.Sizes);
        bool[] flags;
        using (Autograd.NoGrad()) flags = mask.Expand(target.Sizes).Contiguous().ToArray<bool>();
        var positions = new List<long>();
        for (int i = 0; i < flags.Length; i++) if (flags[i]) positions.Add(i);
        if (source.Numel < positions.Count) throw new InvalidOperationException("Number of elements of source < number of ones in mask");
        Tensor used;
        using (Autograd.NoGrad()) used = source.Reshape(-1).Narrow(0, 0, positions.Count);
        var sourceSizes = source.Sizes;
        var maskTensor = mask;
        var result = Write(target, source, [.. positions], false, inPlace, "masked_scatter",
            () => new MaskedScatterBackward0(sourceSizes, source.DType) { Index = SavedTensor.Input(maskTensor) }, used);
        used.Dispose();
        return result;
    }

    /// <summary>Writes <paramref name="values"/> (default: source, flattened) at flat positions of self, recorded with makeNode's node.</summary>
    private static Tensor Write(Tensor self, Tensor source, long[] positions, bool accumulate, bool inPlace, string op, Func<Node> makeNode, Tensor? values = null)
    {
        return ScatterOps.Run(self, source, inPlace,
            _ => Record.Connect(makeNode(), self, source),
            () =>
            {
                using var noGrad = Autograd.NoGrad();
                using var scope = Tensor.NewScope();
                var flat = self.Contiguous().Reshape(-1);
                var v = (values ?? source).Reshape(-1).Contiguous();
                var y = ScatterOps.Write(flat, v, (t, src) => Dispatch.IndexWrite(t, 1, flat.Numel, 1, positions, src, 0, accumulate, op));
                return y.Reshape(self.Sizes).Contiguous().MoveToOuterScope();
            });
    }

    /// <summary>index's entries as flat positions into a tensor of <paramref name="numel"/> elements; negatives count from the end.</summary>
    private static long[] Positions(Tensor index, int numel, string op)
    {
        long[] raw;
        using (Autograd.NoGrad()) raw = index.Contiguous().ToArray<long>();
        var positions = new long[raw.Length];
        for (int i = 0; i < raw.Length; i++)
        {
            long p = raw[i];
            if (p >= numel || p < -numel)
                throw new ArgumentOutOfRangeException(nameof(index), $"out of range: tried to access index {p} on a tensor of {numel} elements.");
            positions[i] = p < 0 ? p + numel : p;
        }
        return positions;
    }
}

/// <summary>take: grad added into zeros at the taken positions (repeats sum).</summary>
internal sealed class TakeBackward0(int[] selfSizes, DType selfType) : IndexNode
{
    public override string Name => nameof(TakeBackward0);
    internal override Tensor?[] Apply(Tensor grad) =>
        [OpHelpers.GradFor(Tensor.Zeros(selfSizes, grad.DType).Put(Index!.Unpack(), grad, accumulate: true), selfSizes, selfType)];
}

/// <summary>put: self: grad (accumulate) or grad with the written positions zeroed; source: grad taken at the positions.</summary>
internal sealed class PutBackward0(int[] sourceSizes, DType sourceType, bool accumulate) : IndexNode
{
    public override string Name => nameof(PutBackward0);
    internal override Tensor?[] Apply(Tensor grad)
    {
        var index = Index!.Unpack();
        Tensor? gSelf = null, gSource = null;
        if (NeedsInputGrad(0)) gSelf = accumulate ? grad : grad.Put(index, Tensor.Zeros(index.Sizes, grad.DType));
        if (NeedsInputGrad(1)) gSource = OpHelpers.GradFor(grad.Take(index).Reshape(sourceSizes), sourceSizes, sourceType);
        return [gSelf, gSource];
    }
}

/// <summary>masked_scatter: self: grad with the masked positions zeroed; source: grad at the masked positions, zero-padded to source's size.</summary>
internal sealed class MaskedScatterBackward0(int[] sourceSizes, DType sourceType) : IndexNode
{
    public override string Name => nameof(MaskedScatterBackward0);
    internal override Tensor?[] Apply(Tensor grad)
    {
        var mask = Index!.Unpack();
        Tensor? gSelf = null, gSource = null;
        if (NeedsInputGrad(0)) gSelf = grad.MaskedFill(mask, 0.0);
        if (NeedsInputGrad(1))
        {
            var selected = grad.MaskedSelect(mask);
            int missing = Layout.NumElements(sourceSizes) - selected.Numel;
            if (missing > 0) selected = Tensor.Cat([selected, Tensor.Zeros([missing], grad.DType)]);
            gSource = OpHelpers.GradFor(selected.View(sourceSizes), sourceSizes, sourceType);
        }
        return [gSelf, gSource];
    }
}
