namespace Sharpgrad.NN;

public static partial class Functional
{
    /// <summary>The SELU alpha that alpha dropout keeps the mean and variance of SELU activations with.</summary>
    internal const double AlphaDropoutAlpha = 1.7580993408473766;

    /// <summary>
    /// Channel dropout for [N, C, L] or unbatched [C, L] input: in training each channel is zeroed with probability
    /// <paramref name="p"/> and the rest scaled by 1/(1-p) (MulBackward0; SqueezeBackward1 for unbatched input, also in
    /// eval). PyTorch: F.dropout1d.
    /// </summary>
    public static Tensor Dropout1d(Tensor x, double p = 0.5, bool training = true)
    {
        ArgumentNullException.ThrowIfNull(x);
        CheckDropout(p);
        if (x.Dim is not (2 or 3))
            throw new InvalidOperationException($"dropout1d: Expected 2D or 3D input, but received a {x.Dim}D input. Note that dropout1d exists to provide channel-wise dropout on inputs with 1 spatial dimension, a channel dimension, and an optional batch dimension (i.e. 2D or 3D inputs).");
        return x.Dim == 3 ? DropoutImpl(x, p, training, feature: true, alpha: false) : DropoutImpl(x.Unsqueeze(0), p, training, feature: true, alpha: false).Squeeze(0);
    }

    /// <summary>
    /// Channel dropout for [N, C, D, H, W] input; any other rank is treated as unbatched (a leading batch dim of one
    /// is added and removed: SqueezeBackward1, also in eval). PyTorch: F.dropout3d.
    /// </summary>
    public static Tensor Dropout3d(Tensor x, double p = 0.5, bool training = true)
    {
        ArgumentNullException.ThrowIfNull(x);
        CheckDropout(p);
        return x.Dim == 5 ? DropoutImpl(x, p, training, feature: true, alpha: false) : DropoutImpl(x.Unsqueeze(0), p, training, feature: true, alpha: false).Squeeze(0);
    }

    /// <summary>
    /// Alpha dropout (for SELU networks): in training each element is dropped with probability <paramref name="p"/>
    /// to SELU's negative saturation value, then an affine map restores zero mean and unit variance (x·noise + b:
    /// AddBackward0). Note the default: not training. PyTorch: F.alpha_dropout.
    /// </summary>
    public static Tensor AlphaDropout(Tensor x, double p = 0.5, bool training = false)
    {
        ArgumentNullException.ThrowIfNull(x);
        CheckDropout(p);
        return DropoutImpl(x, p, training, feature: false, alpha: true);
    }

    /// <summary>
    /// Alpha dropout of whole channels (dims 0 and 1 draw, the rest share the draw). Note the default: not training.
    /// PyTorch: F.feature_alpha_dropout.
    /// </summary>
    public static Tensor FeatureAlphaDropout(Tensor x, double p = 0.5, bool training = false)
    {
        ArgumentNullException.ThrowIfNull(x);
        CheckDropout(p);
        return DropoutImpl(x, p, training, feature: true, alpha: true);
    }

    /// <summary>
    /// ATen's _dropout_impl: <paramref name="x"/> itself when not training, p = 0 or empty; x times a zero scalar when
    /// p = 1; else a Bernoulli(1-p) keep-mask, per element or per [dim 0, dim 1] feature, applied as dropout or alpha dropout.
    /// </summary>
    private static Tensor DropoutImpl(Tensor x, double p, bool training, bool feature, bool alpha)
    {
        if (p == 0 || !training || x.Numel == 0) return x;
        if (p == 1) return ApplyMask(x, [], p);
        if (feature && x.Dim < 2) throw new InvalidOperationException("Feature dropout requires at least 2 dimensions in the input");
        var shape = feature ? FeatureNoiseShape(x) : x.Shape.ToArray();
        if (!alpha) return ApplyMask(x, shape, p);
        Tensor keep;
        using (Autograd.NoGrad())
        using (var u = Tensor.Rand(shape, x.DType))
        using (var k = u.Lt(1 - p))
            keep = k.To(x.DType);
        var y = AlphaMasked(x, keep, p);
        keep.Dispose();
        return y;
    }

    /// <summary>[dim 0, dim 1, 1, ...]: one draw per channel of every sample.</summary>
    private static int[] FeatureNoiseShape(Tensor x)
    {
        var shape = new int[x.Dim];
        for (int i = 0; i < shape.Length; i++) shape[i] = i < 2 ? x.Sizes[i] : 1;
        return shape;
    }

    /// <summary>
    /// Alpha dropout with a given 0/1 <paramref name="keep"/> mask (broadcast over x): with a = ((α²p + 1)(1 - p))^-½,
    /// x·(keep·a) + ((keep - 1)·α·a + α·a·p), as ATen computes it (AddBackward0 over MulBackward0).
    /// </summary>
    internal static Tensor AlphaMasked(Tensor x, Tensor keep, double p)
    {
        const double alpha = AlphaDropoutAlpha;
        double a = 1.0 / Math.Sqrt((alpha * alpha * p + 1) * (1 - p));
        Tensor noise, b;
        using (Autograd.NoGrad())
        {
            b = keep.Add(-1);
            b.Mul_(alpha * a).Add_(alpha * a * p);
            noise = keep.Mul(a);
        }
        var y = x * noise;
        y = y.Add_(b);
        noise.Dispose();
        b.Dispose();
        return y;
    }
}
