namespace Sharpgrad.NN;

/// <summary>
/// Multi-head attention with PyTorch's parameters and masks: a Bool attnMask or keyPaddingMask marks positions that
/// may NOT be attended (True = masked), a floating mask is added. Query, key and value share one stacked projection
/// (in_proj_weight [3E, E]) unless the key or value width differs from E (kdim/vdim: q/k/v_proj_weight);
/// addBiasKv appends a learned key and value (bias_k, bias_v), addZeroAttn a zero key and value, to every sequence.
/// Composed from recorded ops. PyTorch: torch.nn.MultiheadAttention.
/// </summary>
public sealed class MultiheadAttention : Module
{
    /// <summary>
    /// An attention layer with PyTorch's init: projection weights Xavier-uniform, biases zero, bias_k/bias_v
    /// Xavier-normal. <paramref name="kdim"/>/<paramref name="vdim"/> default to <paramref name="embedDim"/>.
    /// </summary>
    public MultiheadAttention(int embedDim, int numHeads, double dropout = 0, bool bias = true, bool batchFirst = false, DType dtype = DType.Float32,
        bool addBiasKv = false, bool addZeroAttn = false, int? kdim = null, int? vdim = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(embedDim);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(numHeads);
        if (embedDim % numHeads != 0) throw new ArgumentException("embed_dim must be divisible by num_heads");
        Functional.CheckDropout(dropout);
        EmbedDim = embedDim;
        NumHeads = numHeads;
        Dropout = dropout;
        BatchFirst = batchFirst;
        KDim = kdim ?? embedDim;
        VDim = vdim ?? embedDim;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(KDim, nameof(kdim));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(VDim, nameof(vdim));
        AddZeroAttn = addZeroAttn;
        using (Autograd.NoGrad())
        {
            if (KDim == embedDim && VDim == embedDim)
            {
                InProjWeight = RegisterParameter("in_proj_weight", Init.XavierUniform_(Tensor.Empty([3 * embedDim, embedDim], dtype)));
            }
            else
            {
                QProjWeight = RegisterParameter("q_proj_weight", Init.XavierUniform_(Tensor.Empty([embedDim, embedDim], dtype)));
                KProjWeight = RegisterParameter("k_proj_weight", Init.XavierUniform_(Tensor.Empty([embedDim, KDim], dtype)));
                VProjWeight = RegisterParameter("v_proj_weight", Init.XavierUniform_(Tensor.Empty([embedDim, VDim], dtype)));
            }
            if (bias) InProjBias = RegisterParameter("in_proj_bias", Tensor.Zeros([3 * embedDim], dtype));
            OutProj = RegisterModule("out_proj", new Linear(embedDim, embedDim, bias, dtype) { PrintedName = "NonDynamicallyQuantizableLinear" });
            OutProj.Bias?.Zero_();
            if (addBiasKv)
            {
                BiasK = RegisterParameter("bias_k", Init.XavierNormal_(Tensor.Empty([1, 1, embedDim], dtype)));
                BiasV = RegisterParameter("bias_v", Init.XavierNormal_(Tensor.Empty([1, 1, embedDim], dtype)));
            }
        }
    }

    /// <summary>Model width E.</summary>
    public int EmbedDim { get; }

    /// <summary>Width of the key input (kdim).</summary>
    public int KDim { get; }

    /// <summary>Width of the value input (vdim).</summary>
    public int VDim { get; }

    /// <summary>Parallel heads (each of width E / heads).</summary>
    public int NumHeads { get; }

    /// <summary>Dropout on the attention weights in training mode.</summary>
    public double Dropout { get; }

    /// <summary>Inputs and outputs are [N, L, E] instead of [L, N, E].</summary>
    public bool BatchFirst { get; }

    /// <summary>A zero key and value are appended to every sequence (add_zero_attn).</summary>
    public bool AddZeroAttn { get; }

    /// <summary>The stacked query, key and value projections [3E, E]; null when kdim or vdim differs from E.</summary>
    public Tensor? InProjWeight { get; }

    /// <summary>The query projection [E, E] when kdim or vdim differs from E, else null.</summary>
    public Tensor? QProjWeight { get; }

    /// <summary>The key projection [E, kdim] when kdim or vdim differs from E, else null.</summary>
    public Tensor? KProjWeight { get; }

    /// <summary>The value projection [E, vdim] when kdim or vdim differs from E, else null.</summary>
    public Tensor? VProjWeight { get; }

    /// <summary>The stacked projection biases [3E], or null.</summary>
    public Tensor? InProjBias { get; }

    /// <summary>The learned key appended to every sequence [1, 1, E] (add_bias_kv), or null.</summary>
    public Tensor? BiasK { get; }

    /// <summary>The learned value appended to every sequence [1, 1, E] (add_bias_kv), or null.</summary>
    public Tensor? BiasV { get; }

    /// <summary>The output projection.</summary>
    public Linear OutProj { get; }

    /// <summary>Self-attention of <paramref name="input"/> (query = key = value), no masks.</summary>
    public override Tensor Forward(Tensor input) => Forward(input, input, input, needWeights: false).Output;

    /// <summary>
    /// Attends from <paramref name="query"/> [L, N, E] to <paramref name="key"/>/<paramref name="value"/> [S, N, E] (batch first:
    /// [N, L, E]; unbatched: [L, E]) and returns the output and, when <paramref name="needWeights"/>, the attention weights
    /// ([N, L, S] averaged over heads, or [N, heads, L, S]). <paramref name="isCausal"/> is a hint that
    /// <paramref name="attnMask"/> is causal and requires it; as in PyTorch, without a key-padding mask or weights the
    /// hint is applied in the mask's place. PyTorch: mha(query, key, value, ...).
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
            Functional.Linear(x, InProjWeight?.Narrow(0, part * EmbedDim, EmbedDim) ?? (part == 0 ? QProjWeight! : part == 1 ? KProjWeight! : VProjWeight!),
                InProjBias?.Narrow(0, part * EmbedDim, EmbedDim));
        Tensor Heads(Tensor x, int len) => x.Reshape(n, len, NumHeads, d).Transpose(1, 2); // [N, H, len, d]
        if (isCausal && attnMask is null)
            throw new InvalidOperationException("Need attn_mask if specifying the is_causal hint. You may use the Transformer module " +
                "method `generate_square_subsequent_mask` to create this mask.");
        // As PyTorch: with no key-padding mask to merge and no weights to return, the hint alone decides
        // (the causal mask over all key columns, appended ones included) and the given mask is not read.
        bool causalOnly = isCausal && keyPaddingMask is null && !needWeights;
        if (causalOnly) attnMask = null;
        var kp = Project(k, 1);
        var vp = Project(v, 2);
        // Each appended key/value position is attendable: the masks grow by one unmasked column apiece.
        int extra = (BiasK is not null ? 1 : 0) + (AddZeroAttn ? 1 : 0);
        if (BiasK is not null && BiasV is not null)
        {
            kp = Tensor.Cat([kp, BiasK.Expand(n, 1, EmbedDim)], 1);
            vp = Tensor.Cat([vp, BiasV.Expand(n, 1, EmbedDim)], 1);
        }
        var qh = Heads(Project(q, 0), l) * Math.Sqrt(1.0 / d);
        var kh = Heads(kp, kp.Shape[1]);
        var vh = Heads(vp, vp.Shape[1]);
        if (AddZeroAttn)
        {
            kh = Tensor.Cat([kh, Tensor.Zeros([n, NumHeads, 1, d], kh.DType)], 2);
            vh = Tensor.Cat([vh, Tensor.Zeros([n, NumHeads, 1, d], vh.DType)], 2);
        }
        int sAll = s + extra;
        var scores = qh.MatMul(kh.Transpose(-2, -1)); // [N, H, L, S + extra]
        if (causalOnly)
            scores = scores.MaskedFill(Functional.CausalMask(l, sAll), double.NegativeInfinity);
        if (attnMask is not null)
        {
            if (extra > 0) attnMask = Functional.Pad(attnMask, [0, extra]);
            var m = attnMask.Dim == 3 ? attnMask.View(n, NumHeads, l, sAll) : attnMask;
            scores = m.DType == DType.Bool ? scores.MaskedFill(m, double.NegativeInfinity) : scores + m;
        }
        if (keyPaddingMask is not null)
        {
            if (extra > 0) keyPaddingMask = Functional.Pad(keyPaddingMask, [0, extra]);
            var kpm = (batched ? keyPaddingMask : keyPaddingMask.Unsqueeze(0)).View(n, 1, 1, sAll);
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
