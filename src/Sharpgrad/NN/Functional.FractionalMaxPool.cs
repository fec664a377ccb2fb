using Sharpgrad.Ops;

namespace Sharpgrad.NN;

public static partial class Functional
{
    /// <summary>
    /// Fractional max pooling over [N, C, H, W] or [C, H, W] to <paramref name="outputSize"/> (or input·<paramref name="outputRatio"/>),
    /// k×k windows at pseudo-random starts from one uniform sample per plane and dim (<paramref name="randomSamples"/>
    /// [N, C, 2], or drawn) (FractionalMaxPool2DBackward0). PyTorch: F.fractional_max_pool2d.
    /// </summary>
    public static Tensor FractionalMaxPool2d(Tensor x, (int Height, int Width) kernelSize, (int Height, int Width)? outputSize = null,
        (double Height, double Width)? outputRatio = null, Tensor? randomSamples = null) =>
        FractionalMaxPool2dWithIndices(x, kernelSize, outputSize, outputRatio, randomSamples).Values;

    /// <summary>Fractional max pooling with the Int64 in-plane positions of the maxima. PyTorch: F.fractional_max_pool2d(return_indices=True).</summary>
    public static (Tensor Values, Tensor Indices) FractionalMaxPool2dWithIndices(Tensor x, (int Height, int Width) kernelSize,
        (int Height, int Width)? outputSize = null, (double Height, double Width)? outputRatio = null, Tensor? randomSamples = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        var size = FractionalOutputSize("fractional_max_pool2d", x, outputSize is { } o ? [o.Height, o.Width] : null,
            outputRatio is { } r ? [r.Height, r.Width] : null);
        return FractionalMaxPoolOps.Pool(x, [kernelSize.Height, kernelSize.Width], size, randomSamples);
    }

    /// <summary>Fractional max pooling over [N, C, T, H, W] or [C, T, H, W] (FractionalMaxPool3DBackward0). PyTorch: F.fractional_max_pool3d.</summary>
    public static Tensor FractionalMaxPool3d(Tensor x, (int Depth, int Height, int Width) kernelSize, (int Depth, int Height, int Width)? outputSize = null,
        (double Depth, double Height, double Width)? outputRatio = null, Tensor? randomSamples = null) =>
        FractionalMaxPool3dWithIndices(x, kernelSize, outputSize, outputRatio, randomSamples).Values;

    /// <summary>Fractional 3-D max pooling with the in-volume positions of the maxima. PyTorch: F.fractional_max_pool3d(return_indices=True).</summary>
    public static (Tensor Values, Tensor Indices) FractionalMaxPool3dWithIndices(Tensor x, (int Depth, int Height, int Width) kernelSize,
        (int Depth, int Height, int Width)? outputSize = null, (double Depth, double Height, double Width)? outputRatio = null, Tensor? randomSamples = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        var size = FractionalOutputSize("fractional_max_pool3d", x, outputSize is { } o ? [o.Depth, o.Height, o.Width] : null,
            outputRatio is { } r ? [r.Depth, r.Height, r.Width] : null);
        return FractionalMaxPoolOps.Pool(x, [kernelSize.Depth, kernelSize.Height, kernelSize.Width], size, randomSamples);
    }

    /// <summary>The output size given, or each trailing input size times its ratio, truncated (Python's int()).</summary>
    private static int[] FractionalOutputSize(string name, Tensor x, int[]? size, double[]? ratio)
    {
        if (size is not null) return size;
        if (ratio is null) throw new ArgumentException($"{name} requires specifying either an output_size or an output_ratio");
        var result = new int[ratio.Length];
        for (int d = 0; d < ratio.Length; d++) result[d] = (int)(x.Shape[x.Dim - ratio.Length + d] * ratio[d]);
        return result;
    }
}
