using Sharpgrad.Ops;

namespace Sharpgrad.NN;

/// <summary>A lookup table: row i of <see cref="Weight"/> for index i. PyTorch: torch.nn.Embedding.</summary>
public sealed class Embedding : Module
{
    /// <summary>A table of <paramref name="numEmbeddings"/> rows of size <paramref name="embeddingDim"/>, drawn from N(0, 1).</summary>
    public Embedding(int numEmbeddings, int embeddingDim, DType dtype = DType.Float32)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(numEmbeddings);
        ArgumentOutOfRangeException.ThrowIfNegative(embeddingDim);
        NumEmbeddings = numEmbeddings;
        EmbeddingDim = embeddingDim;
        Weight = RegisterParameter("weight", Tensor.Randn([numEmbeddings, embeddingDim], dtype));
    }

    /// <summary>Number of rows.</summary>
    public int NumEmbeddings { get; }

    /// <summary>Size of each row.</summary>
    public int EmbeddingDim { get; }

    /// <summary>The [numEmbeddings, embeddingDim] table.</summary>
    public Tensor Weight { get; }

    /// <summary>Rows for Int64 indices of any shape; an index outside [0, numEmbeddings) throws "index out of range in self".</summary>
    public override Tensor Forward(Tensor input) => IndexOps.Embedding(Weight, input);

    /// <inheritdoc/>
    protected override string ExtraRepr => $"{NumEmbeddings}, {EmbeddingDim}";
}
