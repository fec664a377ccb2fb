using Sharpgrad.Kernels;
using Sharpgrad.Shapes;

namespace Sharpgrad.Ops;

/// <summary>rms_norm, composed as PyTorch's CPU composite so the recorded nodes match.</summary>
internal static class RmsNormOps
{
    /// <summary>
    /// x · rsqrt(mean(x², trailing dims) + eps), times <paramref name="weight"/> when given (MulBackward0 over
    /// MulBackward0, RsqrtBackward0, AddBackward1, MeanBackward1, PowBackward0). A null <paramref name="eps"/> is the
    /// machine epsilon of x's dtype.
    /// </summary>
    public static Tensor RmsNorm(Tensor x, int[] normalizedShape, Tensor? weight, double? eps)
    {
        x.ThrowIfDisposed();
        int k = normalizedShape.Length;
        if (k == 0)
            throw new ArgumentException($"Expected normalized_shape to be at least 1-dimensional, i.e., containing at least one element, but got normalized_shape = {Errors.Shape(normalizedShape)}");
        if (weight is not null && !weight.Sizes.AsSpan().SequenceEqual(normalizedShape))
            throw new ArgumentException($"Expected weight to be of same shape as normalized_shape, but got weight of shape {Errors.Shape(weight.Sizes)} and normalized_shape = {Errors.Shape(normalizedShape)}");
        if (x.Dim < k || !x.Sizes.AsSpan(x.Dim - k).SequenceEqual(normalizedShape))
            throw new ArgumentException($"Given normalized_shape={Errors.Shape(normalizedShape)}, expected input with shape [*, {string.Join(", ", normalizedShape)}], but got input of size{Errors.Shape(x.Sizes)}");
        var dims = new int[k];
        for (int i = 0; i < k; i++) dims[i] = x.Dim - i - 1;
        double e = eps ?? (x.DType == DType.Float64 ? Math.Pow(2, -52) : Math.Pow(2, -23));
        var ms = x.Pow(2).Mean(dims, keepDim: true);
        var y = x * BinaryOps.Scalar(BinaryKind.Add, ms, e, false, static () => new AddBackward1()).Rsqrt();
        return weight is null ? y : y * weight;
    }
}
