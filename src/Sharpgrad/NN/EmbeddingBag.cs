namespace Sharpgrad.NN;

/// <summary>
/// Sums, averages or takes the maximum of bags of embeddings without gathering them first. PyTorch:
/// torch.nn.EmbeddingBag (without scale_grad_by_freq and sparse).
/// </summary>
public sealed class EmbeddingBag : Module
{
    /// <summary>
    /// A table of <paramref name="numEmbeddings"/> rows of size <paramref name="embeddingDim"/>, drawn from N(0, 1); the
    /// row at <paramref name="paddingIdx"/> (negative counts from the end) starts at zero, is left out of every bag and
    /// never trained. <paramref name="mode"/> is "sum", "mean" or "max" (checked when called, as in PyTorch).
    /// </summary>
    public EmbeddingBag(int numEmbeddings, int embeddingDim, double? maxNorm = null, double normType = 2, string mode = "mean",
        bool includeLastOffset = false, int? paddingIdx = null, DType dtype = DType.Float32)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(numEmbeddings);
        ArgumentOutOfRangeException.ThrowIfNegative(embeddingDim);
        ArgumentNullException.ThrowIfNull(mode);
        if (paddingIdx is { } p && (p >= numEmbeddings || p < -numEmbeddings)) throw new ArgumentException("padding_idx must be within num_embeddings");
        NumEmbeddings = numEmbeddings;
        EmbeddingDim = embeddingDim;
        MaxNorm = maxNorm;
        NormType = normType;
        Mode = mode;
        IncludeLastOffset = includeLastOffset;
        PaddingIdx = paddingIdx is { } q && q < 0 ? q + numEmbeddings : paddingIdx;
        Weight = RegisterParameter("weight", Tensor.Randn([numEmbeddings, embeddingDim], dtype));
        if (PaddingIdx is { } pad)
            using (Autograd.NoGrad()) Weight.Select(0, pad).Fill_(0);
    }

    /// <summary>Number of rows.</summary>
    public int NumEmbeddings { get; }

    /// <summary>Size of each row.</summary>
    public int EmbeddingDim { get; }

    /// <summary>Rows named by the input with a larger norm are renormalised to this one first, or null.</summary>
    public double? MaxNorm { get; }

    /// <summary>The p of the norm <see cref="MaxNorm"/> bounds.</summary>
    public double NormType { get; }

    /// <summary>"sum", "mean" or "max".</summary>
    public string Mode { get; }

    /// <summary>Whether offsets hold one more entry than there are bags (the last bag still runs to the input's end, as in PyTorch).</summary>
    public bool IncludeLastOffset { get; }

    /// <summary>The row left out of every bag, or null.</summary>
    public int? PaddingIdx { get; }

    /// <summary>The [numEmbeddings, embeddingDim] table.</summary>
    public Tensor Weight { get; }

    /// <summary>One bag per row of a 2-D Int64 input.</summary>
    public override Tensor Forward(Tensor input) => Forward(input, null);

    /// <summary>
    /// The bags of <paramref name="input"/>: its rows when it is 2-D, else cut at <paramref name="offsets"/>; each item
    /// scaled by <paramref name="perSampleWeights"/> (mode "sum" only) when given.
    /// </summary>
    public Tensor Forward(Tensor input, Tensor? offsets, Tensor? perSampleWeights = null) =>
        Functional.EmbeddingBag(input, Weight, offsets, MaxNorm, NormType, Mode, perSampleWeights, IncludeLastOffset, PaddingIdx);

    /// <inheritdoc/>
    protected override string ExtraRepr
    {
        get
        {
            var s = $"{NumEmbeddings}, {EmbeddingDim}";
            if (MaxNorm is { } m) s += $", max_norm={PyFloat(m)}";
            if (NormType != 2) s += $", norm_type={PyFloat(NormType)}";
            s += $", mode='{Mode}'";
            if (PaddingIdx is { } p) s += $", padding_idx={p}";
            return s;
        }
    }
}
