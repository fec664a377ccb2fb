namespace Sharpgrad.NN;

/// <summary>
/// A transformer encoder block: self-attention then a feed-forward net, each with dropout, a residual connection and
/// LayerNorm (after, or before with normFirst). PyTorch: torch.nn.TransformerEncoderLayer.
/// </summary>
public sealed class TransformerEncoderLayer : Module
{
    private readonly TransformerLayerSettings _config;

    /// <summary>An encoder block with PyTorch's defaults; activation "relu" or "gelu".</summary>
    public TransformerEncoderLayer(int dModel, int nHead, int dimFeedforward = 2048, double dropout = 0.1, string activation = "relu",
        double layerNormEps = 1e-5, bool batchFirst = false, bool normFirst = false, bool bias = true, DType dtype = DType.Float32)
    {
        TransformerLayerSettings.CheckActivation(activation);
        _config = new(dModel, nHead, dimFeedforward, dropout, activation, layerNormEps, batchFirst, normFirst, bias, dtype);
        SelfAttn = RegisterModule("self_attn", new MultiheadAttention(dModel, nHead, dropout, bias, batchFirst, dtype));
        Linear1 = RegisterModule("linear1", new Linear(dModel, dimFeedforward, bias, dtype));
        DropoutLayer = RegisterModule("dropout", new Dropout(dropout));
        Linear2 = RegisterModule("linear2", new Linear(dimFeedforward, dModel, bias, dtype));
        Norm1 = RegisterModule("norm1", new LayerNorm(dModel, layerNormEps, dtype: dtype));
        Norm2 = RegisterModule("norm2", new LayerNorm(dModel, layerNormEps, dtype: dtype));
        Dropout1 = RegisterModule("dropout1", new Dropout(dropout));
        Dropout2 = RegisterModule("dropout2", new Dropout(dropout));
    }

    /// <summary>The self-attention.</summary>
    public MultiheadAttention SelfAttn { get; }

    /// <summary>Feed-forward expansion.</summary>
    public Linear Linear1 { get; }

    /// <summary>Dropout inside the feed-forward net.</summary>
    public Dropout DropoutLayer { get; }

    /// <summary>Feed-forward projection back to the model width.</summary>
    public Linear Linear2 { get; }

    /// <summary>Norm of the attention sub-block.</summary>
    public LayerNorm Norm1 { get; }

    /// <summary>Norm of the feed-forward sub-block.</summary>
    public LayerNorm Norm2 { get; }

    /// <summary>Dropout on the attention output.</summary>
    public Dropout Dropout1 { get; }

    /// <summary>Dropout on the feed-forward output.</summary>
    public Dropout Dropout2 { get; }

    /// <summary>Normalize before each sub-block (pre-norm) instead of after.</summary>
    public bool NormFirst => _config.NormFirst;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Forward(input, null, null);

    /// <summary>
    /// The block over <paramref name="src"/>, with an optional attention mask and key-padding mask (True = masked);
    /// <paramref name="isCausal"/> is a hint that the mask is causal and needs the mask, as in PyTorch. PyTorch: layer(src,
    /// src_mask, src_key_padding_mask, is_causal).
    /// </summary>
    public Tensor Forward(Tensor src, Tensor? srcMask, Tensor? srcKeyPaddingMask, bool isCausal = false)
    {
        ArgumentNullException.ThrowIfNull(src);
        Tensor Attention(Tensor x) => Dropout1.Call(SelfAttn.Forward(x, x, x, srcKeyPaddingMask, needWeights: false, attnMask: srcMask, isCausal: isCausal).Output);
        Tensor FeedForward(Tensor x) => TransformerParts.FeedForward(x, Linear1, DropoutLayer, Linear2, Dropout2, _config.Activation);
        var y = src;
        if (NormFirst)
        {
            y = y + Attention(Norm1.Call(y));
            y = y + FeedForward(Norm2.Call(y));
        }
        else
        {
            y = Norm1.Call(y + Attention(y));
            y = Norm2.Call(y + FeedForward(y));
        }
        return y;
    }

    /// <summary>A new layer with the same settings and a copy of this one's parameters (PyTorch's deepcopy in TransformerEncoder).</summary>
    internal TransformerEncoderLayer Copy()
    {
        var c = _config;
        return TransformerParts.CopyStateInto(this, new TransformerEncoderLayer(c.DModel, c.NHead, c.DimFeedforward, c.Dropout, c.Activation, c.LayerNormEps, c.BatchFirst, c.NormFirst, c.Bias, c.DType));
    }
}

/// <summary>
/// A stack of numLayers copies of one encoder layer (each starting from the given layer's parameters), then an
/// optional final norm. PyTorch: torch.nn.TransformerEncoder.
/// </summary>
public sealed class TransformerEncoder : Module
{
    private readonly TransformerEncoderLayer[] _layers;

    /// <summary>An encoder of <paramref name="numLayers"/> copies of <paramref name="encoderLayer"/>.</summary>
    public TransformerEncoder(TransformerEncoderLayer encoderLayer, int numLayers, LayerNorm? norm = null)
    {
        ArgumentNullException.ThrowIfNull(encoderLayer);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(numLayers);
        _layers = TransformerParts.Stack(RegisterModule("layers", new ModuleList()), encoderLayer, numLayers, l => l.Copy());
        if (norm is not null) Norm = RegisterModule("norm", norm);
    }

    /// <summary>The layers, in order.</summary>
    public IReadOnlyList<TransformerEncoderLayer> Layers => _layers;

    /// <summary>The final norm, or null.</summary>
    public LayerNorm? Norm { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Forward(input, null, null);

    /// <summary>All layers with the same masks, then the norm. PyTorch: encoder(src, mask, src_key_padding_mask, is_causal).</summary>
    public Tensor Forward(Tensor src, Tensor? mask, Tensor? srcKeyPaddingMask, bool isCausal = false)
    {
        var x = src;
        foreach (var layer in _layers) x = layer.Forward(x, mask, srcKeyPaddingMask, isCausal);
        return Norm is null ? x : Norm.Call(x);
    }
}
