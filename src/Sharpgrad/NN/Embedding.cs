using Sharpgrad.Ops;

namespace Sharpgrad.NN;

/// <summary>A lookup table: row i of <see cref="Weight"/> for index i. PyTorch: torch.nn.Embedding.</summary>
public sealed class Embedding : Module
{
    /// <summary>
    /// A table of <paramref name="numEmbeddings"/> rows of size <paramref name="embeddingDim"/>, drawn from N(0, 1); the
    /// row at <paramref name="paddingIdx"/> (negative counts from the end) starts at zero and is never trained.
    /// </summary>
    public Embedding(int numEmbeddings, int embeddingDim, DType dtype = DType.Float32, int? paddingIdx = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(numEmbeddings);
        ArgumentOutOfRangeException.ThrowIfNegative(embeddingDim);
        NumEmbeddings = numEmbeddings;
        EmbeddingDim = embeddingDim;
        PaddingIdx = NormalizePaddingIdx(paddingIdx, numEmbeddings);
        Weight = RegisterParameter("weight", Tensor.Randn([numEmbeddings, embeddingDim], dtype));
        if (PaddingIdx is { } pad)
            using (Autograd.NoGrad()) Weight.Select(0, pad).Fill_(0);
    }

    /// <summary>The row that gets no gradient, or null.</summary>
    public int? PaddingIdx { get; }

    /// <summary>PyTorch's padding_idx rule: within [-num, num), negative counting from the end.</summary>
    internal static int? NormalizePaddingIdx(int? paddingIdx, int numEmbeddings)
    {
        if (paddingIdx is not { } p) return null;
        if (p >= numEmbeddings || p < -numEmbeddings) throw new ArgumentException("Padding_idx must be within num_embeddings");
        return p < 0 ? p + numEmbeddings : p;
    }

    /// <summary>Number of rows.</summary>
    public int NumEmbeddings { get; }

    /// <summary>Size of each row.</summary>
    public int EmbeddingDim { get; }

    /// <summary>The [numEmbeddings, embeddingDim] table.</summary>
    public Tensor Weight { get; }

    /// <summary>Rows for Int64 indices of any shape; an index outside [0, numEmbeddings) throws "index out of range in self".</summary>
    public override Tensor Forward(Tensor input) => IndexOps.Embedding(Weight, input, PaddingIdx);

    /// <inheritdoc/>
    protected override string ExtraRepr => PaddingIdx is { } p ? $"{NumEmbeddings}, {EmbeddingDim}, padding_idx={p}" : $"{NumEmbeddings}, {EmbeddingDim}";
}
