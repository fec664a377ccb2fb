namespace Sharpgrad.NN;

/// <summary>
/// A transformer decoder block: self-attention over the target, cross-attention to the encoder's memory, then a
/// feed-forward net, each with dropout, a residual connection and LayerNorm (after, or before with normFirst).
/// PyTorch: torch.nn.TransformerDecoderLayer.
/// </summary>
public sealed class TransformerDecoderLayer : Module
{
    private readonly TransformerLayerSettings _config;

    /// <summary>A decoder block with PyTorch's defaults; activation "relu" or "gelu".</summary>
    public TransformerDecoderLayer(int dModel, int nHead, int dimFeedforward = 2048, double dropout = 0.1, string activation = "relu",
        double layerNormEps = 1e-5, bool batchFirst = false, bool normFirst = false, bool bias = true, DType dtype = DType.Float32)
    {
        TransformerLayerSettings.CheckActivation(activation);
        _config = new(dModel, nHead, dimFeedforward, dropout, activation, layerNormEps, batchFirst, normFirst, bias, dtype);
        SelfAttn = RegisterModule("self_attn", new MultiheadAttention(dModel, nHead, dropout, bias, batchFirst, dtype));
        MultiheadAttn = RegisterModule("multihead_attn", new MultiheadAttention(dModel, nHead, dropout, bias, batchFirst, dtype));
        Linear1 = RegisterModule("linear1", new Linear(dModel, dimFeedforward, bias, dtype));
        DropoutLayer = RegisterModule("dropout", new Dropout(dropout));
        Linear2 = RegisterModule("linear2", new Linear(dimFeedforward, dModel, bias, dtype));
        Norm1 = RegisterModule("norm1", new LayerNorm(dModel, layerNormEps, dtype: dtype));
        Norm2 = RegisterModule("norm2", new LayerNorm(dModel, layerNormEps, dtype: dtype));
        Norm3 = RegisterModule("norm3", new LayerNorm(dModel, layerNormEps, dtype: dtype));
        Dropout1 = RegisterModule("dropout1", new Dropout(dropout));
        Dropout2 = RegisterModule("dropout2", new Dropout(dropout));
        Dropout3 = RegisterModule("dropout3", new Dropout(dropout));
    }

    /// <summary>The self-attention over the target.</summary>
    public MultiheadAttention SelfAttn { get; }

    /// <summary>The cross-attention from the target to the memory.</summary>
    public MultiheadAttention MultiheadAttn { get; }

    /// <summary>Feed-forward expansion.</summary>
    public Linear Linear1 { get; }

    /// <summary>Dropout inside the feed-forward net.</summary>
    public Dropout DropoutLayer { get; }

    /// <summary>Feed-forward projection back to the model width.</summary>
    public Linear Linear2 { get; }

    /// <summary>Norm of the self-attention sub-block.</summary>
    public LayerNorm Norm1 { get; }

    /// <summary>Norm of the cross-attention sub-block.</summary>
    public LayerNorm Norm2 { get; }

    /// <summary>Norm of the feed-forward sub-block.</summary>
    public LayerNorm Norm3 { get; }

    /// <summary>Dropout on the self-attention output.</summary>
    public Dropout Dropout1 { get; }

    /// <summary>Dropout on the cross-attention output.</summary>
    public Dropout Dropout2 { get; }

    /// <summary>Dropout on the feed-forward output.</summary>
    public Dropout Dropout3 { get; }

    /// <summary>Normalize before each sub-block (pre-norm) instead of after.</summary>
    public bool NormFirst => _config.NormFirst;

    /// <summary>Needs the memory too: use <see cref="Forward(Tensor, Tensor, Tensor?, Tensor?, Tensor?, Tensor?, bool, bool)"/>.</summary>
    public override Tensor Forward(Tensor input) =>
        throw new NotSupportedException("TransformerDecoderLayer takes (tgt, memory); call Forward(tgt, memory, ...).");

    /// <summary>
    /// The block over <paramref name="tgt"/> attending to <paramref name="memory"/>, with optional attention masks and
    /// key-padding masks (True = masked); tgtIsCausal/memoryIsCausal are hints that those masks are causal and need
    /// the masks, as in PyTorch. PyTorch: layer(tgt, memory, tgt_mask, memory_mask, tgt_key_padding_mask,
    /// memory_key_padding_mask, tgt_is_causal, memory_is_causal).
    /// </summary>
    public Tensor Forward(Tensor tgt, Tensor memory, Tensor? tgtMask = null, Tensor? memoryMask = null, Tensor? tgtKeyPaddingMask = null,
        Tensor? memoryKeyPaddingMask = null, bool tgtIsCausal = false, bool memoryIsCausal = false)
    {
        ArgumentNullException.ThrowIfNull(tgt);
        ArgumentNullException.ThrowIfNull(memory);
        Tensor SelfAttention(Tensor x) =>
            Dropout1.Call(SelfAttn.Forward(x, x, x, tgtKeyPaddingMask, needWeights: false, attnMask: tgtMask, isCausal: tgtIsCausal).Output);
        Tensor CrossAttention(Tensor x) =>
            Dropout2.Call(MultiheadAttn.Forward(x, memory, memory, memoryKeyPaddingMask, needWeights: false, attnMask: memoryMask, isCausal: memoryIsCausal).Output);
        Tensor FeedForward(Tensor x) => TransformerParts.FeedForward(x, Linear1, DropoutLayer, Linear2, Dropout3, _config.Activation);
        var y = tgt;
        if (NormFirst)
        {
            y = y + SelfAttention(Norm1.Call(y));
            y = y + CrossAttention(Norm2.Call(y));
            y = y + FeedForward(Norm3.Call(y));
        }
        else
        {
            y = Norm1.Call(y + SelfAttention(y));
            y = Norm2.Call(y + CrossAttention(y));
            y = Norm3.Call(y + FeedForward(y));
        }
        return y;
    }

    /// <summary>A new layer with the same settings and a copy of this one's parameters (PyTorch's deepcopy in TransformerDecoder).</summary>
    internal TransformerDecoderLayer Copy()
    {
        var c = _config;
        return TransformerParts.CopyStateInto(this, new TransformerDecoderLayer(c.DModel, c.NHead, c.DimFeedforward, c.Dropout, c.Activation, c.LayerNormEps, c.BatchFirst, c.NormFirst, c.Bias, c.DType));
    }
}

/// <summary>
/// A stack of numLayers copies of one decoder layer (each starting from the given layer's parameters), then an
/// optional final norm. PyTorch: torch.nn.TransformerDecoder.
/// </summary>
public sealed class TransformerDecoder : Module
{
    private readonly TransformerDecoderLayer[] _layers;

    /// <summary>A decoder of <paramref name="numLayers"/> copies of <paramref name="decoderLayer"/>.</summary>
    public TransformerDecoder(TransformerDecoderLayer decoderLayer, int numLayers, LayerNorm? norm = null)
    {
        ArgumentNullException.ThrowIfNull(decoderLayer);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(numLayers);
        _layers = TransformerParts.Stack(RegisterModule("layers", new ModuleList()), decoderLayer, numLayers, l => l.Copy());
        if (norm is not null) Norm = RegisterModule("norm", norm);
    }

    /// <summary>The layers, in order.</summary>
    public IReadOnlyList<TransformerDecoderLayer> Layers => _layers;

    /// <summary>The final norm, or null.</summary>
    public LayerNorm? Norm { get; }

    /// <summary>Needs the memory too: use <see cref="Forward(Tensor, Tensor, Tensor?, Tensor?, Tensor?, Tensor?, bool, bool)"/>.</summary>
    public override Tensor Forward(Tensor input) =>
        throw new NotSupportedException("TransformerDecoder takes (tgt, memory); call Forward(tgt, memory, ...).");

    /// <summary>
    /// All layers with the same memory and masks, then the norm. PyTorch: decoder(tgt, memory, tgt_mask, memory_mask,
    /// tgt_key_padding_mask, memory_key_padding_mask, tgt_is_causal, memory_is_causal).
    /// </summary>
    public Tensor Forward(Tensor tgt, Tensor memory, Tensor? tgtMask = null, Tensor? memoryMask = null, Tensor? tgtKeyPaddingMask = null,
        Tensor? memoryKeyPaddingMask = null, bool tgtIsCausal = false, bool memoryIsCausal = false)
    {
        var x = tgt;
        foreach (var layer in _layers)
            x = layer.Forward(x, memory, tgtMask, memoryMask, tgtKeyPaddingMask, memoryKeyPaddingMask, tgtIsCausal, memoryIsCausal);
        return Norm is null ? x : Norm.Call(x);
    }
}

/// <summary>
/// The full encoder-decoder transformer: a TransformerEncoder of numEncoderLayers layers and a TransformerDecoder of
/// numDecoderLayers layers, each with a final LayerNorm; every parameter with 2+ dims starts Xavier-uniform.
/// PyTorch: torch.nn.Transformer.
/// </summary>
public sealed class Transformer : Module
{
    /// <summary>A transformer with PyTorch's defaults; activation "relu" or "gelu".</summary>
    public Transformer(int dModel = 512, int nHead = 8, int numEncoderLayers = 6, int numDecoderLayers = 6, int dimFeedforward = 2048, double dropout = 0.1,
        string activation = "relu", double layerNormEps = 1e-5, bool batchFirst = false, bool normFirst = false, bool bias = true, DType dtype = DType.Float32)
    {
        DModel = dModel;
        NHead = nHead;
        BatchFirst = batchFirst;
        var encoderLayer = new TransformerEncoderLayer(dModel, nHead, dimFeedforward, dropout, activation, layerNormEps, batchFirst, normFirst, bias, dtype);
        Encoder = RegisterModule("encoder", new TransformerEncoder(encoderLayer, numEncoderLayers, new LayerNorm(dModel, layerNormEps, dtype: dtype)));
        var decoderLayer = new TransformerDecoderLayer(dModel, nHead, dimFeedforward, dropout, activation, layerNormEps, batchFirst, normFirst, bias, dtype);
        Decoder = RegisterModule("decoder", new TransformerDecoder(decoderLayer, numDecoderLayers, new LayerNorm(dModel, layerNormEps, dtype: dtype)));
        using (Autograd.NoGrad())
        {
            foreach (var p in Parameters())
                if (p.Dim > 1) Init.XavierUniform_(p);
        }
    }

    /// <summary>The encoder stack (with its final norm).</summary>
    public TransformerEncoder Encoder { get; }

    /// <summary>The decoder stack (with its final norm).</summary>
    public TransformerDecoder Decoder { get; }

    /// <summary>Model width.</summary>
    public int DModel { get; }

    /// <summary>Attention heads per layer.</summary>
    public int NHead { get; }

    /// <summary>Inputs and outputs are [N, L, E] instead of [L, N, E].</summary>
    public bool BatchFirst { get; }

    /// <summary>Needs a target too: use <see cref="Forward(Tensor, Tensor, Tensor?, Tensor?, Tensor?, Tensor?, Tensor?, Tensor?, bool, bool, bool)"/>.</summary>
    public override Tensor Forward(Tensor input) =>
        throw new NotSupportedException("Transformer takes (src, tgt); call Forward(src, tgt, ...).");

    /// <summary>
    /// Encodes <paramref name="src"/> into a memory, then decodes <paramref name="tgt"/> against it, with the masks of
    /// each stack (True = masked in Bool masks). PyTorch: transformer(src, tgt, src_mask, tgt_mask, memory_mask,
    /// src_key_padding_mask, tgt_key_padding_mask, memory_key_padding_mask, src_is_causal, tgt_is_causal, memory_is_causal).
    /// </summary>
    public Tensor Forward(Tensor src, Tensor tgt, Tensor? srcMask = null, Tensor? tgtMask = null, Tensor? memoryMask = null, Tensor? srcKeyPaddingMask = null,
        Tensor? tgtKeyPaddingMask = null, Tensor? memoryKeyPaddingMask = null, bool srcIsCausal = false, bool tgtIsCausal = false, bool memoryIsCausal = false)
    {
        ArgumentNullException.ThrowIfNull(src);
        ArgumentNullException.ThrowIfNull(tgt);
        int batchDim = BatchFirst ? 0 : 1;
        if (src.Dim == 3 && src.Shape[batchDim] != tgt.Shape[batchDim])
            throw new InvalidOperationException("the batch number of src and tgt must be equal");
        if (src.Shape[^1] != DModel || tgt.Shape[^1] != DModel)
            throw new InvalidOperationException("the feature number of src and tgt must be equal to d_model");
        var memory = Encoder.Forward(src, srcMask, srcKeyPaddingMask, srcIsCausal);
        return Decoder.Forward(tgt, memory, tgtMask, memoryMask, tgtKeyPaddingMask, memoryKeyPaddingMask, tgtIsCausal, memoryIsCausal);
    }

    /// <summary>
    /// A float [sz, sz] causal mask: 0 on and below the diagonal, -inf above. PyTorch:
    /// nn.Transformer.generate_square_subsequent_mask.
    /// </summary>
    public static Tensor GenerateSquareSubsequentMask(int sz, DType dtype = DType.Float32)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sz);
        return Tensor.Zeros([sz, sz], dtype).MaskedFill(Functional.CausalMask(sz, sz), double.NegativeInfinity);
    }
}
