using Sharpgrad.Ops;

namespace Sharpgrad.NN;

/// <summary>The stateless functions behind the layers and losses. PyTorch: torch.nn.functional.</summary>
public static partial class Functional
{
    /// <summary>max(x, 0). PyTorch: F.relu.</summary>
    public static Tensor Relu(Tensor x) => x.Relu();

    /// <summary>tanh(x). PyTorch: F.tanh.</summary>
    public static Tensor Tanh(Tensor x) => x.Tanh();

    /// <summary>1 / (1 + e⁻ˣ). PyTorch: F.sigmoid.</summary>
    public static Tensor Sigmoid(Tensor x) => x.Sigmoid();

    /// <summary>x·Φ(x) (GeluBackward0); <paramref name="approximate"/> "tanh" uses the tanh form. PyTorch: F.gelu.</summary>
    public static Tensor Gelu(Tensor x, string approximate = "none") => UnaryOps.Gelu(x, CheckApproximate(approximate) == "tanh");

    internal static string CheckApproximate(string approximate) => approximate is "none" or "tanh"
        ? approximate
        : throw new ArgumentException($"approximate argument must be either none or tanh.");

    /// <summary>x·σ(x), a.k.a. swish (SiluBackward0). PyTorch: F.silu.</summary>
    public static Tensor Silu(Tensor x) => UnaryOps.Silu(x);

    /// <summary>x for x &gt; 0, else negativeSlope·x (LeakyReluBackward0). PyTorch: F.leaky_relu.</summary>
    public static Tensor LeakyRelu(Tensor x, double negativeSlope = 0.01) => UnaryOps.LeakyRelu(x, negativeSlope);

    /// <summary>A smooth ReLU, log(1 + exp(β·x)) / β, linear above the threshold (SoftplusBackward0). PyTorch: F.softplus.</summary>
    public static Tensor Softplus(Tensor x, double beta = 1, double threshold = 20) => UnaryOps.Softplus(x, beta, threshold);

    /// <summary>x for x &gt; 0, else α·(exp(x) - 1) (EluBackward0). PyTorch: F.elu.</summary>
    public static Tensor Elu(Tensor x, double alpha = 1) => ActivationOps.Elu(x, alpha);

    /// <summary>exp(x) / Σ exp(x) along <paramref name="dim"/>, max-shifted (SoftmaxBackward0). PyTorch: F.softmax.</summary>
    public static Tensor Softmax(Tensor x, int dim) => SoftmaxOps.Softmax(x, dim, log: false);

    /// <summary>Softmax along <paramref name="dim"/> computed in <paramref name="dtype"/> (x converted first). PyTorch: F.softmax(dtype=).</summary>
    public static Tensor Softmax(Tensor x, int dim, DType dtype) => x.Softmax(dim, dtype);

    /// <summary>x - log Σ exp(x) along <paramref name="dim"/>, max-shifted (LogSoftmaxBackward0). PyTorch: F.log_softmax.</summary>
    public static Tensor LogSoftmax(Tensor x, int dim) => SoftmaxOps.Softmax(x, dim, log: true);

    /// <summary>Log-softmax along <paramref name="dim"/> computed in <paramref name="dtype"/>. PyTorch: F.log_softmax(dtype=).</summary>
    public static Tensor LogSoftmax(Tensor x, int dim, DType dtype) => x.LogSoftmax(dim, dtype);

    /// <summary>
    /// Zeroes whole channels of [N, C, H, W] input with probability p in training, scaling the kept channels by 1/(1-p)
    /// (MulBackward0). As PyTorch's feature dropout, one draw per [dim 0, dim 1] entry at every rank: a 3-D input counts
    /// as (N, C, L) and a 2-D one is dropped element by element (PyTorch warns for both). PyTorch: F.dropout2d.
    /// </summary>
    public static Tensor Dropout2d(Tensor x, double p = 0.5, bool training = true)
    {
        ArgumentNullException.ThrowIfNull(x);
        CheckDropout(p);
        return DropoutImpl(x, p, training, feature: true, alpha: false);
    }

    internal static void CheckDropout(double p)
    {
        if (!(p >= 0 && p <= 1))
            throw new ArgumentOutOfRangeException(nameof(p), $"dropout probability has to be between 0 and 1, but got {Module.PyFloat(p)}");
    }

    /// <summary>
    /// In training, zeroes each element with probability <paramref name="p"/> and scales the rest by 1/(1-p)
    /// (x * mask: MulBackward0); otherwise (or with p = 0) returns <paramref name="x"/> itself. PyTorch: F.dropout.
    /// </summary>
    public static Tensor Dropout(Tensor x, double p = 0.5, bool training = true)
    {
        CheckDropout(p);
        if (!training || p == 0) return x;
        return ApplyMask(x, p == 1 ? [] : x.Shape.ToArray(), p);
    }

    /// <summary>x times a keep-mask of <paramref name="maskShape"/> (Bernoulli(1-p) scaled by 1/(1-p)), broadcast over x.</summary>
    private static Tensor ApplyMask(Tensor x, int[] maskShape, double p)
    {
        Tensor mask;
        using (Autograd.NoGrad())
        {
            if (p == 1) mask = Tensor.Zeros(maskShape, x.DType);
            else
            {
                using var u = Tensor.Rand(maskShape, x.DType);
                using var keep = u.Lt(1 - p);
                mask = keep.To(x.DType);
                mask.Div_(1 - p);
            }
        }
        var y = x * mask;
        mask.Dispose();
        return y;
    }

    /// <summary>x Wᵀ + b; 2-D input with a bias is one addmm (AddmmBackward0). PyTorch: F.linear.</summary>
    public static Tensor Linear(Tensor x, Tensor weight, Tensor? bias = null) => LinalgOps.Linear(x, weight, bias);

    /// <summary>
    /// Rows of <paramref name="weight"/> picked by Int64 indices (EmbeddingBackward0); the row at
    /// <paramref name="paddingIdx"/> (negative counts from the end) gets no gradient. PyTorch: F.embedding.
    /// </summary>
    public static Tensor Embedding(Tensor input, Tensor weight, int? paddingIdx = null)
    {
        ArgumentNullException.ThrowIfNull(weight);
        return IndexOps.Embedding(weight, input, NN.Embedding.NormalizePaddingIdx(paddingIdx, weight.Shape[0]));
    }

    /// <summary>Layer normalization over the trailing dims (NativeLayerNormBackward0). PyTorch: F.layer_norm.</summary>
    public static Tensor LayerNorm(Tensor x, int[] normalizedShape, Tensor? weight = null, Tensor? bias = null, double eps = 1e-5) =>
        NormOps.LayerNorm(x, normalizedShape, weight, bias, eps);

    /// <summary>Batch normalization per channel (NativeBatchNormBackward0). PyTorch: F.batch_norm.</summary>
    public static Tensor BatchNorm(Tensor x, Tensor? runningMean, Tensor? runningVar, Tensor? weight = null, Tensor? bias = null,
        bool training = false, double momentum = 0.1, double eps = 1e-5) =>
        NormOps.BatchNorm(x, runningMean, runningVar, weight, bias, training, momentum, eps);

    /// <summary>2-D convolution (ConvolutionBackward0). PyTorch: F.conv2d.</summary>
    public static Tensor Conv2d(Tensor x, Tensor weight, Tensor? bias = null, int stride = 1, int padding = 0, int dilation = 1, int groups = 1) =>
        ConvOps.Conv2d(x, weight, bias, (stride, stride), (padding, padding), (dilation, dilation), groups);

    /// <summary>[l, s] Bool mask, True where key position j lies in the future of query position i (j &gt; i).</summary>
    internal static Tensor CausalMask(int l, int s) => Tensor.Arange(s).Unsqueeze(0).Gt(Tensor.Arange(l).Unsqueeze(1));

    /// <summary>
    /// softmax(q·kᵀ·scale + mask)·v over the last two dims, batched over the rest: scale defaults to 1/√d; a Bool
    /// <paramref name="attnMask"/> keeps True positions, a floating one is added; <paramref name="isCausal"/> masks the
    /// future; dropout applies to the attention weights. Composed from recorded ops (PyTorch's math path).
    /// PyTorch: F.scaled_dot_product_attention.
    /// </summary>
    public static Tensor ScaledDotProductAttention(Tensor query, Tensor key, Tensor value, Tensor? attnMask = null, double dropoutP = 0,
        bool isCausal = false, double? scale = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        if (isCausal && attnMask is not null)
            throw new InvalidOperationException("_scaled_dot_product_attention: Explicit attn_mask should not be set when is_causal=True");
        int l = query.Shape[^2], s = key.Shape[^2];
        double factor = scale ?? 1.0 / Math.Sqrt(query.Shape[^1]);
        var scores = query.MatMul(key.Transpose(-2, -1)) * factor;
        if (isCausal)
        {
            scores = scores.MaskedFill(CausalMask(l, s), double.NegativeInfinity);
        }
        if (attnMask is not null)
            scores = attnMask.DType == DType.Bool ? scores.MaskedFill(attnMask.LogicalNot(), double.NegativeInfinity) : scores + attnMask;
        var weights = Softmax(scores, -1);
        if (dropoutP > 0) weights = Dropout(weights, dropoutP, training: true);
        return weights.MatMul(value);
    }

    /// <summary>
    /// Transposed 2-D convolution (the gradient of conv2d with respect to its input), weight [in, out / groups, kh, kw];
    /// outputPadding adds rows/columns at the end to pick among the sizes a strided conv maps to the same input
    /// (ConvolutionBackward0). PyTorch: F.conv_transpose2d.
    /// </summary>
    public static Tensor ConvTranspose2d(Tensor x, Tensor weight, Tensor? bias = null, (int Height, int Width)? stride = null, (int Height, int Width)? padding = null,
        (int Height, int Width)? outputPadding = null, int groups = 1, (int Height, int Width)? dilation = null) =>
        ConvOps.ConvTranspose2d(x, weight, bias, stride ?? (1, 1), padding ?? (0, 0), outputPadding ?? (0, 0), dilation ?? (1, 1), groups);

    /// <summary>
    /// Pads the last dims: <paramref name="pad"/> lists (left, right) amounts from the last dim backwards. "constant"
    /// fills with <paramref name="value"/> (negative amounts crop; ConstantPadNdBackward0); "reflect" mirrors without
    /// repeating the edge and "replicate" repeats it, over the last 1-3 dims of a batched or unbatched input
    /// (ReflectionPad{k}DBackward0 / ReplicationPad{k}DBackward0); "circular" wraps around (each end copied from the
    /// opposite one; CopySlices, as PyTorch composes it). PyTorch: F.pad.
    /// </summary>
    public static Tensor Pad(Tensor x, int[] pad, string mode = "constant", double value = 0)
    {
        ArgumentNullException.ThrowIfNull(mode);
        return mode switch
        {
            "constant" => PadOps.ConstantPad(x, pad, value),
            "reflect" => PadOps.IndexPad(x, pad, reflect: true),
            "replicate" => PadOps.IndexPad(x, pad, reflect: false),
            "circular" => PadOps.CircularPad(x, pad),
            _ => throw new ArgumentException($"Unrecognised padding mode {mode}"),
        };
    }

    /// <summary>
    /// 2-D convolution with padding "valid" (none) or "same" (output as large as the input; stride 1 only; an odd total
    /// padding puts the extra row or column at the end, as PyTorch does). PyTorch: F.conv2d(..., padding='same').
    /// </summary>
    public static Tensor Conv2d(Tensor x, Tensor weight, Tensor? bias, (int Height, int Width) stride, string padding,
        (int Height, int Width)? dilation = null, int groups = 1)
    {
        ArgumentNullException.ThrowIfNull(weight);
        var d = dilation ?? (1, 1);
        var (symmetric, extra) = ConvOps.PaddingFromString(padding, stride, d, weight.Dim == 4 ? (weight.Shape[2], weight.Shape[3]) : (1, 1), module: false);
        if (extra != (0, 0)) x = Pad(x, [0, extra.W, 0, extra.H]);
        return ConvOps.Conv2d(x, weight, bias, stride, symmetric, d, groups);
    }

    /// <summary>
    /// 2-D convolution with a (height, width) stride, padding and dilation, and <paramref name="groups"/> channel groups
    /// (weight [out, in / groups, kh, kw]) (ConvolutionBackward0). PyTorch: F.conv2d.
    /// </summary>
    public static Tensor Conv2d(Tensor x, Tensor weight, Tensor? bias, (int Height, int Width) stride, (int Height, int Width) padding,
        (int Height, int Width)? dilation = null, int groups = 1) =>
        ConvOps.Conv2d(x, weight, bias, stride, padding, dilation ?? (1, 1), groups);

    /// <summary>2-D max pooling (MaxPool2DWithIndicesBackward0). PyTorch: F.max_pool2d.</summary>
    public static Tensor MaxPool2d(Tensor x, int kernelSize, int? stride = null, int padding = 0, int dilation = 1, bool ceilMode = false) =>
        MaxPool2d(x, (kernelSize, kernelSize), stride is { } s ? (s, s) : null, (padding, padding), (dilation, dilation), ceilMode);

    /// <summary>Max pooling with a (height, width) kernel, stride (default: the kernel), padding and dilation. PyTorch: F.max_pool2d.</summary>
    public static Tensor MaxPool2d(Tensor x, (int Height, int Width) kernelSize, (int Height, int Width)? stride = null, (int Height, int Width)? padding = null,
        (int Height, int Width)? dilation = null, bool ceilMode = false)
    {
        var (values, indices) = MaxPool2dWithIndices(x, kernelSize, stride, padding, dilation, ceilMode);
        indices.Dispose();
        return values;
    }

    /// <summary>
    /// Max pooling that also returns where each maximum came from (Int64 flat positions within its [h, w] plane), as
    /// MaxUnpool2d expects. PyTorch: F.max_pool2d(..., return_indices=True).
    /// </summary>
    public static (Tensor Values, Tensor Indices) MaxPool2dWithIndices(Tensor x, (int Height, int Width) kernelSize, (int Height, int Width)? stride = null,
        (int Height, int Width)? padding = null, (int Height, int Width)? dilation = null, bool ceilMode = false) =>
        ConvOps.MaxPool2d(x, kernelSize, stride ?? kernelSize, padding ?? (0, 0), dilation ?? (1, 1), ceilMode);

    /// <summary>
    /// The partial inverse of max pooling: values written back at the positions <see cref="MaxPool2dWithIndices"/>
    /// reported, zeros elsewhere (MaxUnpool2DBackward0). PyTorch: F.max_unpool2d.
    /// </summary>
    public static Tensor MaxUnpool2d(Tensor x, Tensor indices, (int Height, int Width) kernelSize, (int Height, int Width)? stride = null,
        (int Height, int Width)? padding = null, (int Height, int Width)? outputSize = null) =>
        UnpoolOps.MaxUnpool2d(x, indices, kernelSize, stride ?? kernelSize, padding ?? (0, 0), outputSize);

    /// <summary>
    /// Average over k×k windows (AvgPool2DBackward0); the stride defaults to the kernel size. With
    /// <paramref name="ceilMode"/> a last partial window is kept; <paramref name="countIncludePad"/> counts padding in
    /// the divisor; <paramref name="divisorOverride"/> replaces it. PyTorch: F.avg_pool2d.
    /// </summary>
    public static Tensor AvgPool2d(Tensor x, int kernelSize, int? stride = null, int padding = 0, bool ceilMode = false,
        bool countIncludePad = true, int? divisorOverride = null) =>
        AvgPool2d(x, (kernelSize, kernelSize), stride is { } s ? (s, s) : null, (padding, padding), ceilMode, countIncludePad, divisorOverride);

    /// <summary>Average pooling with a (height, width) kernel, stride (default: the kernel) and padding. PyTorch: F.avg_pool2d.</summary>
    public static Tensor AvgPool2d(Tensor x, (int Height, int Width) kernelSize, (int Height, int Width)? stride = null, (int Height, int Width)? padding = null,
        bool ceilMode = false, bool countIncludePad = true, int? divisorOverride = null) =>
        PoolOps.AvgPool2d(x, kernelSize, stride ?? kernelSize, padding ?? (0, 0), ceilMode, countIncludePad, divisorOverride);

    /// <summary>
    /// Averages each plane down to outputSize×outputSize bins (bin i spans floor(i·H/n) to ceil((i+1)·H/n)); a 1×1
    /// output is the mean over the plane (MeanBackward1), else AdaptiveAvgPool2DBackward0. PyTorch: F.adaptive_avg_pool2d.
    /// </summary>
    public static Tensor AdaptiveAvgPool2d(Tensor x, int outputSize) => PoolOps.AdaptiveAvgPool2d(x, (outputSize, outputSize));

    /// <summary>Adaptive average pooling to (height, width) bins. PyTorch: F.adaptive_avg_pool2d.</summary>
    public static Tensor AdaptiveAvgPool2d(Tensor x, (int Height, int Width) outputSize) => PoolOps.AdaptiveAvgPool2d(x, outputSize);

    /// <summary>
    /// Averages each (D, H, W) volume of a 4-D or 5-D input down to outputSize³ bins (bins as in 2-D, per axis); a 1×1×1
    /// output is the mean over the volume (MeanBackward1), else AdaptiveAvgPool3DBackward0. PyTorch: F.adaptive_avg_pool3d.
    /// </summary>
    public static Tensor AdaptiveAvgPool3d(Tensor x, int outputSize) => PoolOps.AdaptiveAvgPool3d(x, (outputSize, outputSize, outputSize));

    /// <summary>Adaptive average pooling to (depth, height, width) bins. PyTorch: F.adaptive_avg_pool3d.</summary>
    public static Tensor AdaptiveAvgPool3d(Tensor x, (int Depth, int Height, int Width) outputSize) => PoolOps.AdaptiveAvgPool3d(x, outputSize);
}
