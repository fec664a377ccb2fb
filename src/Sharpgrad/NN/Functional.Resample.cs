using Sharpgrad.Ops;

namespace Sharpgrad.NN;

public static partial class Functional
{
    /// <summary>
    /// Resizes the spatial dims of a 3-D (N, C, L), 4-D (N, C, H, W) or 5-D (N, C, D, H, W) input to
    /// <paramref name="size"/> or by <paramref name="scaleFactor"/> (output floor(in · scale)). Modes "nearest" and
    /// "nearest-exact" (pixel centres), any rank; "linear" (3-D), "bilinear" and "bicubic" (4-D), "trilinear" (5-D);
    /// "area" (adaptive average pooling to the output size). As in PyTorch the scale factors reach the
    /// kernel unless <paramref name="recomputeScaleFactor"/> is true. PyTorch: F.interpolate.
    /// </summary>
    public static Tensor Interpolate(Tensor x, int[]? size = null, double[]? scaleFactor = null, string mode = "nearest",
        bool? alignCorners = null, bool? recomputeScaleFactor = null) =>
        InterpolateCore(x, size, scaleFactor, scalar: false, mode, alignCorners, recomputeScaleFactor);

    /// <summary>F.interpolate to one size for every spatial dim.</summary>
    public static Tensor Interpolate(Tensor x, int size, string mode = "nearest", bool? alignCorners = null) =>
        InterpolateCore(x, [size], null, scalar: true, mode, alignCorners, null);

    /// <summary>F.interpolate by one scale factor for every spatial dim.</summary>
    public static Tensor Interpolate(Tensor x, double scaleFactor, string mode = "nearest", bool? alignCorners = null, bool? recomputeScaleFactor = null) =>
        InterpolateCore(x, null, [scaleFactor], scalar: true, mode, alignCorners, recomputeScaleFactor);

    /// <summary>F.interpolate's argument rules; a scalar size or scale factor (one element) applies to every spatial dim.</summary>
    private static Tensor InterpolateCore(Tensor x, int[]? size, double[]? scaleFactor, bool scalar, string mode, bool? alignCorners, bool? recomputeScaleFactor)
    {
        x.ThrowIfDisposed();
        if (mode is "nearest" or "area" or "nearest-exact")
        {
            if (alignCorners is not null)
                throw new ArgumentException("align_corners option can only be set with the interpolating modes: linear | bilinear | bicubic | trilinear");
        }
        int dim = x.Dim - 2;
        string spatial = dim < 0 ? "[]" : Errors.Shape(x.Sizes.AsSpan(2));
        int[]? outSize = null;
        double[]? scales = null;
        if (size is not null && scaleFactor is not null) throw new ArgumentException("only one of size or scale_factor should be defined");
        if (size is not null)
        {
            if (!scalar && size.Length != dim)
                throw new ArgumentException($"Input and output must have the same number of spatial dimensions, but got input with spatial dimensions of {spatial} and output size of {Errors.Shape(size)}. Please provide input tensor in (N, C, d1, d2, ...,dK) format and output size in (o1, o2, ...,oK) format.");
            outSize = !scalar ? size : Enumerable.Repeat(size[0], Math.Max(dim, 0)).ToArray();
        }
        else if (scaleFactor is not null)
        {
            if (!scalar && scaleFactor.Length != dim)
                throw new ArgumentException($"Input and scale_factor must have the same number of spatial dimensions, but got input with spatial dimensions of {spatial} and scale_factor of shape [{string.Join(", ", scaleFactor.Select(Module.PyFloat))}]. Please provide input tensor in (N, C, d1, d2, ...,dK) format and scale_factor in (s1, s2, ...,sK) format.");
            scales = !scalar ? scaleFactor : Enumerable.Repeat(scaleFactor[0], Math.Max(dim, 0)).ToArray();
        }
        else throw new ArgumentException("either size or scale_factor should be defined");
        if (recomputeScaleFactor == true && size is not null)
            throw new ArgumentException("recompute_scale_factor is not meaningful with an explicit size.");
        // upsample_*'s own output-size rule: (int64) (in · scale).
        outSize ??= scales!.Select((s, i) => (int)(long)(x.Sizes[i + 2] * s)).ToArray();
        if (recomputeScaleFactor == true) scales = null;
        return (x.Dim, mode) switch
        {
            (3 or 4 or 5, "nearest") => UpsampleOps.Upsample(x, ResampleMode.Nearest, outSize, scales, false),
            (3 or 4 or 5, "nearest-exact") => UpsampleOps.Upsample(x, ResampleMode.NearestExact, outSize, scales, false),
            (3, "linear") or (4, "bilinear") or (5, "trilinear") => UpsampleOps.Upsample(x, ResampleMode.Linear, outSize, scales, alignCorners ?? false),
            (4, "bicubic") => UpsampleOps.Upsample(x, ResampleMode.Cubic, outSize, scales, alignCorners ?? false),
            // Area resampling is adaptive average pooling to the output size (a scale factor only sets that size).
            (3, "area") => AdaptiveAvgPool1d(x, outSize[0]),
            (4, "area") => AdaptiveAvgPool2d(x, (outSize[0], outSize[1])),
            (5, "area") => AdaptiveAvgPool3d(x, (outSize[0], outSize[1], outSize[2])),
            (3 or 4 or 5, "linear" or "bilinear" or "trilinear") =>
                throw new InvalidOperationException($"Got {x.Dim}D input, but {mode} mode needs {(mode == "linear" ? 3 : mode == "bilinear" ? 4 : 5)}D input"),
            _ => throw new InvalidOperationException($"Input Error: Only 3D, 4D and 5D input Tensors supported (got {x.Dim}D) for the modes: nearest | linear | bilinear | bicubic | trilinear | area | nearest-exact (got {mode})"),
        };
    }

    /// <summary>A Python scalar (<paramref name="scalar"/>) or tuple repr: 2.0, (2.0,), (2.0, 1.5).</summary>
    internal static string PyRepr<T>(IReadOnlyList<T> v, bool scalar, Func<T, string> item) =>
        scalar ? item(v[0]) : "(" + string.Join(", ", v.Select(item)) + (v.Count == 1 ? ",)" : ")");
}

public static partial class Functional
{
    /// <summary>(*, C·r², H, W) -> (*, C, H·r, W·r) (PixelShuffleBackward0). PyTorch: F.pixel_shuffle.</summary>
    public static Tensor PixelShuffle(Tensor x, int upscaleFactor) => ShuffleOps.PixelShuffle(x, upscaleFactor);

    /// <summary>(*, C, H·r, W·r) -> (*, C·r², H, W) (PixelUnshuffleBackward0). PyTorch: F.pixel_unshuffle.</summary>
    public static Tensor PixelUnshuffle(Tensor x, int downscaleFactor) => ShuffleOps.PixelUnshuffle(x, downscaleFactor);
}
