namespace Sharpgrad.NN;

/// <summary>
/// Multi-head attention with PyTorch's parameters (in_proj_weight [3E, E], in_proj_bias, out_proj) and masks: a Bool
/// attnMask or keyPaddingMask marks positions that may NOT be attended (True = masked), a floating mask is added.
/// Composed from recorded ops. PyTorch: torch.nn.MultiheadAttention (same embedding size for query, key, value).
/// </summary>
public sealed class MultiheadAttention : Module
{
    /// <summary>An attention layer; in_proj_weight is Xavier-uniform, the biases start at zero (PyTorch's init).</summary>
    public MultiheadAttention(int embedDim, int numHeads, double dropout = 0, bool bias = true, bool batchFirst = false, DType dtype = DType.Float32)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(embedDim);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(numHeads);
        if (embedDim % numHeads != 0) throw new ArgumentException("embed_dim must be divisible by num_heads");
        Functional.CheckDropout(dropout);
        EmbedDim = embedDim;
        NumHeads = numHeads;
        Dropout = dropout;
        BatchFirst = batchFirst;
        double bound = Math.Sqrt(6.0 / (embedDim + 3 * embedDim));
        using (Autograd.NoGrad())
        {
            InProjWeight = RegisterParameter("in_proj_weight", Tensor.Empty([3 * embedDim, embedDim], dtype).Uniform_(-bound, bound));
            if (bias) InProjBias = RegisterParameter("in_proj_bias", Tensor.Zeros([3 * embedDim], dtype));
            OutProj = RegisterModule("out_proj", new Linear(embedDim, embedDim, bias, dtype) { PrintedName = "NonDynamicallyQuantizableLinear" });
            OutProj.Bias?.Zero_();
        }
    }

    /// <summary>Model width E.</summary>
    public int EmbedDim { get; }

    /// <summary>Parallel heads (each of width E / heads).</summary>
    public int NumHeads { get; }

    /// <summary>Dropout on the attention weights in training mode.</summary>
    public double Dropout { get; }

    /// <summary>Inputs and outputs are [N, L, E] instead of [L, N, E].</summary>
    public bool BatchFirst { get; }

    /// <summary>The stacked query, key and value projections [3E, E].</summary>
    public Tensor InProjWeight { get; }

    /// <summary>The stacked projection biases [3E], or null.</summary>
    public Tensor? InProjBias { get; }

    /// <summary>The output projection.</summary>
    public Linear OutProj { get; }

    /// <summary>Self-attention of <paramref name="input"/> (query = key = value), no masks.</summary>
    public override Tensor Forward(Tensor input) => Forward(input, input, input, needWeights: false).Output;

    /// <summary>
    /// Attends from <paramref name="query"/> [L, N, E] to <paramref name="key"/>/<paramref name="value"/> [S, N, E] (batch first:
    /// [N, L, E]; unbatched: [L, E]) and returns the output and, when <paramref name="needWeights"/>, the attention weights
    /// ([N, L, S] averaged over heads, or [N, heads, L, S]). PyTorch: mha(query, key, value, ...).
    /// </summary>
    public (Tensor Output, Tensor? Weights) Forward(Tensor query, Tensor key, Tensor value, Tensor? keyPaddingMask = null, bool needWeights = true,
        Tensor? attnMask = null, bool averageAttnWeights = true, bool isCausal = false)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        bool batched = query.Dim == 3;
        Tensor BatchMajor(Tensor t) => !batched ? t.Unsqueeze(0) : BatchFirst ? t : t.Transpose(0, 1); // [N, len, E]
        var q = BatchMajor(query);
        var k = BatchMajor(key);
        var v = BatchMajor(value);
        if (q.Shape[2] != EmbedDim)
            throw new ArgumentException($"was expecting embedding dimension of {EmbedDim}, but got {q.Shape[2]}");
        int n = q.Shape[0], l = q.Shape[1], s = k.Shape[1], d = EmbedDim / NumHeads;
        Tensor Project(Tensor x, int part) =>
            Functional.Linear(x, InProjWeight.Narrow(0, part * EmbedDim, EmbedDim), InProjBias?.Narrow(0, part * EmbedDim, EmbedDim));
        Tensor Heads(Tensor x, int len) => x.Reshape(n, len, NumHeads, d).Transpose(1, 2); // [N, H, len, d]
        var qh = Heads(Project(q, 0), l) * Math.Sqrt(1.0 / d);
        var kh = Heads(Project(k, 1), s);
        var vh = Heads(Project(v, 2), s);
        var scores = qh.MatMul(kh.Transpose(-2, -1)); // [N, H, L, S]
        if (isCausal && attnMask is null)
            attnMask = Functional.CausalMask(l, s);
        if (attnMask is not null)
        {
            var m = attnMask.Dim == 3 ? attnMask.View(n, NumHeads, l, s) : attnMask;
            scores = m.DType == DType.Bool ? scores.MaskedFill(m, double.NegativeInfinity) : scores + m;
        }
        if (keyPaddingMask is not null)
        {
            var kpm = (batched ? keyPaddingMask : keyPaddingMask.Unsqueeze(0)).View(n, 1, 1, s);
            scores = kpm.DType == DType.Bool ? scores.MaskedFill(kpm, double.NegativeInfinity) : scores + kpm;
        }
        var weights = Functional.Softmax(scores, -1);
        var attended = Dropout > 0 && Training ? Functional.Dropout(weights, Dropout, training: true) : weights;
        var output = OutProj.Call(attended.MatMul(vh).Transpose(1, 2).Reshape(n, l, EmbedDim));
        output = !batched ? output.Squeeze(0) : BatchFirst ? output : output.Transpose(0, 1);
        if (!needWeights) return (output, null);
        var w = averageAttnWeights ? weights.Mean(1) : weights;
        return (output, batched ? w : w.Squeeze(0));
    }
}
