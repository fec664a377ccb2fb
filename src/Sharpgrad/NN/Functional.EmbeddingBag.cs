using Sharpgrad.Ops;

namespace Sharpgrad.NN;

public static partial class Functional
{
    /// <summary>
    /// Sums, averages or takes the maximum of bags of rows of <paramref name="weight"/> ([V, D]) without gathering them
    /// first (EmbeddingBagBackward0): a 2-D Int64 <paramref name="input"/> is one bag per row; a 1-D one is cut into
    /// bags at <paramref name="offsets"/> (the start of each; with <paramref name="includeLastOffset"/> the last
    /// offset only closes the list, and the last bag still runs to the input's end, as in PyTorch). <paramref name="mode"/> is "sum", "mean" or "max"; <paramref name="perSampleWeights"/>
    /// (the input's shape, "sum" only) scale each item and get a gradient; items equal to <paramref name="paddingIdx"/>
    /// (negative counts from the end) are left out, also from a mean's count; an empty bag gives zeros.
    /// <paramref name="maxNorm"/> first renormalises, in place and without gradient, the rows the input names whose
    /// <paramref name="normType"/>-norm exceeds it. PyTorch: F.embedding_bag (without scale_grad_by_freq and sparse).
    /// </summary>
    public static Tensor EmbeddingBag(Tensor input, Tensor weight, Tensor? offsets = null, double? maxNorm = null, double normType = 2, string mode = "mean",
        Tensor? perSampleWeights = null, bool includeLastOffset = false, int? paddingIdx = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(weight);
        ArgumentNullException.ThrowIfNull(mode);
        if (perSampleWeights is not null && !perSampleWeights.Sizes.AsSpan().SequenceEqual(input.Sizes))
            throw new ArgumentException($"embedding_bag: If per_sample_weights ({Errors.Size(perSampleWeights.Sizes)}) is not None, then it must have the same shape as the input ({Errors.Size(input.Sizes)})");
        if (weight.Dim != 2) throw new ArgumentException($"weight has to be a 2D Tensor, but got Tensor of dimension {weight.Dim}");
        if (input.Dim == 2)
        {
            if (offsets is not null)
                throw new ArgumentException("if input is 2D, then offsets has to be None, as input is treated is a mini-batch of fixed length sequences. However, found offsets of type <class 'torch.Tensor'>");
            offsets = Tensor.Arange(0, (long)input.Numel, input.Sizes[1], input.DType);
            input = input.Reshape(-1);
            perSampleWeights = perSampleWeights?.Reshape(-1);
        }
        else if (input.Dim == 1)
        {
            if (offsets is null) throw new ArgumentException("offsets has to be a 1D Tensor but got None");
            if (offsets.Dim != 1) throw new ArgumentException("offsets has to be a 1D Tensor");
        }
        else throw new ArgumentException($"input has to be 1D or 2D Tensor, but got Tensor of dimension {input.Dim}");
        var bagMode = mode switch
        {
            "sum" => BagMode.Sum,
            "mean" => BagMode.Mean,
            "max" => BagMode.Max,
            _ => throw new ArgumentException("mode has to be one of sum, mean or max"),
        };
        if (maxNorm is { } norm) EmbeddingRenorm_(weight, input, norm, normType);
        if (perSampleWeights is not null && bagMode != BagMode.Sum)
            throw new InvalidOperationException($"embedding_bag: per_sample_weights was not None. per_sample_weights is only supported for mode='sum' (got mode='{mode}'). Please open a feature request on GitHub.");
        int rows = weight.Sizes[0];
        long? pad = paddingIdx switch
        {
            null => null,
            { } p when p >= -rows && p < rows => p < 0 ? p + rows : p,
            { } p => throw new ArgumentException($"padding_idx must be within the number of embeddings, -{rows} through {rows - 1}, but got {p}"),
        };
        return EmbeddingBagOps.EmbeddingBag(weight, input, offsets!, bagMode, perSampleWeights, includeLastOffset, pad);
    }

    /// <summary>
    /// Scales, in place and unrecorded, each row of <paramref name="weight"/> that <paramref name="indices"/> names and
    /// whose <paramref name="normType"/>-norm exceeds <paramref name="maxNorm"/> by maxNorm / (norm + 1e-7); one version
    /// bump. PyTorch: torch.embedding_renorm_.
    /// </summary>
    private static void EmbeddingRenorm_(Tensor weight, Tensor indices, double maxNorm, double normType)
    {
        if (!indices.DType.IsIndex() || indices.Numel == 0) return;
        var idx = indices.Contiguous().ToArray<long>();
        int rows = weight.Sizes[0];
        var scale = new double[rows];
        Array.Fill(scale, 1.0);
        using (Autograd.NoGrad())
        using (Tensor.NewScope())
        {
            var norms = weight.Norm(normType, [1]).To(DType.Float64).ToArray<double>();
            bool any = false;
            foreach (long i in idx)
            {
                if (i < 0 || i >= rows || norms[i] <= maxNorm) continue;
                scale[i] = maxNorm / (norms[i] + 1e-7);
                any = true;
            }
            if (any) weight.Mul_(Tensor.FromArray(scale, [rows, 1]).To(weight.DType));
        }
    }
}
