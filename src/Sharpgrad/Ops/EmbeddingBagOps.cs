namespace Sharpgrad.Ops;

/// <summary>How <see cref="EmbeddingBagOps.EmbeddingBag"/> combines each bag's rows (PyTorch's mode enum 0, 1, 2).</summary>
internal enum BagMode
{
    Sum,
    Mean,
    Max,
}

/// <summary>
/// embedding_bag: each bag (a run of indices between offsets) reduced to one row by sum, mean or max, without
/// materialising the gathered rows per bag. EmbeddingBagBackward0.
/// </summary>
internal static class EmbeddingBagOps
{
    /// <summary>
    /// Which items count: for each kept item (inside a bag and not the padding row) its position in the input, its row
    /// and its bag, and each bag's size.
    /// </summary>
    internal sealed record BagPlan(long[] Position, long[] Row, long[] Bag, int[] Count, int Bags)
    {
        public Tensor PositionIndex => Tensor.FromArray(Position);
        public Tensor RowIndex => Tensor.FromArray(Row);
        public Tensor BagIndex => Tensor.FromArray(Bag);
    }

    /// <summary>
    /// [bags, D] from a [V, D] weight, 1-D Int64 indices and 1-D offsets (the start of each bag; with
    /// <paramref name="includeLastOffset"/> the last one is no bag's start, though the last bag still runs to the end); <paramref name="perSampleWeights"/> (sum only)
    /// scales each item; items equal to <paramref name="paddingIdx"/> (already normalised) are left out; an empty bag is zero.
    /// </summary>
    public static Tensor EmbeddingBag(Tensor weight, Tensor indices, Tensor offsets, BagMode mode, Tensor? perSampleWeights, bool includeLastOffset, long? paddingIdx)
    {
        CheckTypes(weight, indices, perSampleWeights);
        var plan = Plan(weight, indices, offsets, includeLastOffset, paddingIdx);
        int d = weight.Sizes[1];
        Tensor y;
        long[]? argmax = null;
        using (Autograd.NoGrad())
        using (Tensor.NewScope())
        {
            if (mode == BagMode.Max)
            {
                argmax = ArgMax(weight, plan);
                y = Pick(weight.Contiguous().Flatten(), argmax).View([plan.Bags, d]).MoveToOuterScope();
            }
            else
            {
                var rows = weight.IndexSelect(0, plan.RowIndex);
                if (perSampleWeights is not null) rows = rows * perSampleWeights.IndexSelect(0, plan.PositionIndex).Unsqueeze(1);
                var sum = Tensor.Zeros([plan.Bags, d], weight.DType).IndexAdd(0, plan.BagIndex, rows);
                y = (mode == BagMode.Mean ? sum / BagSizes(plan, weight.DType) : sum).MoveToOuterScope();
            }
        }
        bool withWeights = perSampleWeights is not null;
        if (withWeights ? Record.ShouldRecord(weight, perSampleWeights!) : Record.ShouldRecord(weight))
        {
            var node = new EmbeddingBagBackward0(mode, plan, argmax, indices.Numel);
            if (withWeights) Record.Connect(node, weight, perSampleWeights!);
            else Record.Connect(node, weight);
            node.A = SavedTensor.Input(weight);
            node.ASizes = weight.Sizes;
            node.ADType = weight.DType;
            if (withWeights) node.B = SavedTensor.Input(perSampleWeights!);
            Record.SetHistory(y, node);
        }
        return y;
    }

    /// <summary>Each bag's size as a [bags, 1] column, at least 1 (an empty bag's zero sum stays zero).</summary>
    internal static Tensor BagSizes(BagPlan plan, DType dtype)
    {
        var sizes = new double[plan.Bags];
        for (int b = 0; b < sizes.Length; b++) sizes[b] = Math.Max(plan.Count[b], 1);
        return Tensor.FromArray(sizes, [plan.Bags, 1]).To(dtype);
    }

    /// <summary>The flat entries at <paramref name="flat"/> (zero where it is -1, an empty bag).</summary>
    internal static Tensor Pick(Tensor values, long[] flat)
    {
        var index = new long[flat.Length];
        var empty = new long[flat.Length];
        for (int i = 0; i < flat.Length; i++) (index[i], empty[i]) = flat[i] < 0 ? (0, 1) : (flat[i], 0);
        var picked = values.Numel == 0 ? Tensor.Zeros([flat.Length], values.DType) : values.IndexSelect(0, Tensor.FromArray(index));
        return picked.MaskedFill(Tensor.FromArray(empty).Ne(0.0), 0.0);
    }

    /// <summary>The flat weight index of each bag's maximum per column (the first of equals), -1 for an empty bag.</summary>
    private static long[] ArgMax(Tensor weight, BagPlan plan)
    {
        int d = weight.Sizes[1];
        var w = weight.Contiguous().To(DType.Float64);
        var values = w.Elements<double>();
        var rows = plan.Row;
        var bags = plan.Bag;
        var arg = new long[plan.Bags * d];
        Array.Fill(arg, -1);
        for (int i = 0; i < rows.Length; i++)
        {
            long row = rows[i];
            int b = (int)bags[i];
            for (int j = 0; j < d; j++)
            {
                long at = row * d + j;
                ref long best = ref arg[b * d + j];
                if (best < 0 || values[w.Offset + at] > values[w.Offset + best]) best = at;
            }
        }
        return arg;
    }

    /// <summary>PyTorch's scalar-type checks, in its order: indices, weight, per-sample weights.</summary>
    private static void CheckTypes(Tensor weight, Tensor indices, Tensor? perSampleWeights)
    {
        if (!indices.DType.IsIndex())
            throw new ArgumentException($"Expected tensor for argument #1 'indices' to have one of the following scalar types: Long, Int; but got {indices.DType.LegacyTensorTypeName()} instead (while checking arguments for embedding_bag)");
        if (!weight.DType.IsFloatingPoint())
            throw new ArgumentException($"Expected tensor for argument #1 'weight' to have one of the following scalar types: Half, BFloat16, Float, Double; but got {(weight.DType == DType.Bool ? "CPUBoolType" : weight.DType.LegacyTensorTypeName())} instead (while checking arguments for embedding_bag)");
        if (perSampleWeights is not null && perSampleWeights.DType != weight.DType)
            throw new ArgumentException($"Expected tensor for argument #1 'weight' to have the same type as tensor for argument #1 'per_sample_weights'; but type {weight.DType.LegacyTensorTypeName()} does not equal {perSampleWeights.DType.LegacyTensorTypeName()} (while checking arguments for embedding_bag)");
    }

    /// <summary>Checks the offsets and indices as PyTorch does and lays out the kept items.</summary>
    private static BagPlan Plan(Tensor weight, Tensor indices, Tensor offsets, bool includeLastOffset, long? paddingIdx)
    {
        int n = indices.Numel;
        var starts = offsets.Contiguous().To(DType.Int64).ToArray<long>();
        if (starts.Length > 0 && starts[0] != 0)
            throw new ArgumentException($"offsets[0] has to be 0, i.e., the first sequence in the mini-batch has to start from position 0. However, got {starts[0]}\n[ torch.LongTensor{{}} ]");
        if (starts.Length > 0 && starts[^1] > n)
            throw new ArgumentException($"offsets[-1] can not be greater than input's length {n} but got offsets[-1] of {starts[^1]}");
        var idx = indices.Contiguous().ToArray<long>();
        int rows = weight.Sizes[0];
        foreach (long v in idx)
            if (v < 0 || v >= rows) throw new ArgumentOutOfRangeException(null, $"embedding_bag: Expected idx >= 0 && idx < num_embeddings but found idx to be {v}");
        int bags = includeLastOffset ? Math.Max(starts.Length - 1, 0) : starts.Length;
        var count = new int[bags];
        var position = new List<long>(n);
        var row = new List<long>(n);
        var bag = new List<long>(n);
        for (int b = 0; b < bags; b++)
        {
            long end = b + 1 < bags ? starts[b + 1] : n; // PyTorch ends the last bag at the input's end, even past include_last_offset's last offset
            for (long i = starts[b]; i < end; i++)
            {
                if (idx[i] == paddingIdx) continue;
                position.Add(i);
                row.Add(idx[i]);
                bag.Add(b);
                count[b]++;
            }
        }
        return new BagPlan(position.ToArray(), row.ToArray(), bag.ToArray(), count, bags);
    }
}

/// <summary>
/// embedding_bag: weight: each kept item's bag gradient (times its per-sample weight, / the bag's size for a mean)
/// added to its row, or each bag's gradient to its maximum's entry; per_sample_weights: the bag gradient dotted with
/// the item's row (0 for a left-out item).
/// </summary>
internal sealed class EmbeddingBagBackward0(BagMode mode, EmbeddingBagOps.BagPlan plan, long[]? argmax, int items) : BinaryNode
{
    public override string Name => nameof(EmbeddingBagBackward0);

    internal override Tensor?[] Apply(Tensor grad)
    {
        var weight = A!.Unpack();
        Tensor? gradWeight = null, gradSamples = null;
        if (NeedsInputGrad(0))
        {
            if (argmax is not null)
            {
                var flat = new List<long>();
                var from = new List<long>();
                for (int i = 0; i < argmax.Length; i++)
                    if (argmax[i] >= 0) { flat.Add(argmax[i]); from.Add(i); }
                var g = grad.Contiguous().Flatten().IndexSelect(0, Tensor.FromArray(from.ToArray()));
                gradWeight = Tensor.Zeros([weight.Numel], grad.DType).IndexAdd(0, Tensor.FromArray(flat.ToArray()), g).View(ASizes);
            }
            else
            {
                var g = mode == BagMode.Mean ? grad / EmbeddingBagOps.BagSizes(plan, grad.DType) : grad;
                var rows = g.IndexSelect(0, plan.BagIndex);
                if (B is not null) rows = rows * B.Unpack().IndexSelect(0, plan.PositionIndex).Unsqueeze(1);
                gradWeight = Tensor.Zeros(ASizes, grad.DType).IndexAdd(0, plan.RowIndex, rows);
            }
        }
        if (B is not null && NeedsInputGrad(1))
        {
            var dots = (grad.IndexSelect(0, plan.BagIndex) * weight.IndexSelect(0, plan.RowIndex)).Sum(1);
            gradSamples = Tensor.Zeros([items], grad.DType).IndexAdd(0, plan.PositionIndex, dots);
        }
        return B is null ? [gradWeight] : [gradWeight, gradSamples];
    }
}
