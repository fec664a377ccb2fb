namespace Sharpgrad.NN;

/// <summary>Resizes the spatial dims of 3-D or 4-D input by a size or a scale factor. PyTorch: torch.nn.Upsample.</summary>
public class Upsample : Module
{
    private readonly bool _scalar;

    /// <summary>Resizes every spatial dim to <paramref name="size"/>.</summary>
    public Upsample(int size, string mode = "nearest", bool? alignCorners = null, bool? recomputeScaleFactor = null)
        : this([size], null, true, mode, alignCorners, recomputeScaleFactor) { }

    /// <summary>Resizes to one size per spatial dim.</summary>
    public Upsample(int[] size, string mode = "nearest", bool? alignCorners = null, bool? recomputeScaleFactor = null)
        : this(size, null, false, mode, alignCorners, recomputeScaleFactor) { }

    /// <summary>Scales every spatial dim by <paramref name="scaleFactor"/> (output floor(in · scale)).</summary>
    public Upsample(double scaleFactor, string mode = "nearest", bool? alignCorners = null, bool? recomputeScaleFactor = null)
        : this(null, [scaleFactor], true, mode, alignCorners, recomputeScaleFactor) { }

    /// <summary>Scales by one factor per spatial dim.</summary>
    public Upsample(double[] scaleFactor, string mode = "nearest", bool? alignCorners = null, bool? recomputeScaleFactor = null)
        : this(null, scaleFactor, false, mode, alignCorners, recomputeScaleFactor) { }

    /// <summary>The settings as given; <paramref name="scalar"/>: one size or factor for every dim (printed without a tuple).</summary>
    private protected Upsample(int[]? size, double[]? scaleFactor, bool scalar, string mode, bool? alignCorners, bool? recomputeScaleFactor)
    {
        _scalar = scalar;
        Size = size;
        ScaleFactor = scaleFactor;
        Mode = mode;
        AlignCorners = alignCorners;
        RecomputeScaleFactor = recomputeScaleFactor;
    }

    /// <summary>Output spatial size (one element: every dim), or null when scaling.</summary>
    public int[]? Size { get; }

    /// <summary>Scale factors (one element: every dim), or null when sizing.</summary>
    public double[]? ScaleFactor { get; }

    /// <summary>"nearest", "linear" (3-D) or "bilinear" (4-D).</summary>
    public string Mode { get; }

    /// <summary>Linear modes: map corner pixel centres onto each other (null: False).</summary>
    public bool? AlignCorners { get; }

    /// <summary>Pass the in/out ratio instead of the scale factor to the kernel.</summary>
    public bool? RecomputeScaleFactor { get; }

    /// <summary>F.interpolate with this module's settings.</summary>
    public override Tensor Forward(Tensor input) => (_scalar, Size, ScaleFactor) switch
    {
        (true, { } s, _) => Functional.Interpolate(input, s[0], Mode, AlignCorners),
        (true, _, { } f) => Functional.Interpolate(input, f[0], Mode, AlignCorners, RecomputeScaleFactor),
        _ => Functional.Interpolate(input, Size, ScaleFactor, Mode, AlignCorners, RecomputeScaleFactor),
    };

    /// <inheritdoc/>
    protected override string ExtraRepr =>
        (ScaleFactor is { } f ? "scale_factor=" + Functional.PyRepr(f, _scalar, PyFloat)
            : "size=" + Functional.PyRepr(Size!, _scalar, i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))) + $", mode='{Mode}'";
}

/// <summary>Nearest-neighbour upsampling of 4-D input. PyTorch: torch.nn.UpsamplingNearest2d.</summary>
public sealed class UpsamplingNearest2d : Upsample
{
    /// <summary>Resizes both spatial dims to <paramref name="size"/>.</summary>
    public UpsamplingNearest2d(int size) : base([size], null, true, "nearest", null, null) { }

    /// <summary>Resizes to (height, width).</summary>
    public UpsamplingNearest2d(int[] size) : base(size, null, false, "nearest", null, null) { }

    /// <summary>Scales both spatial dims by <paramref name="scaleFactor"/>.</summary>
    public UpsamplingNearest2d(double scaleFactor) : base(null, [scaleFactor], true, "nearest", null, null) { }

    /// <summary>Scales by (height, width) factors.</summary>
    public UpsamplingNearest2d(double[] scaleFactor) : base(null, scaleFactor, false, "nearest", null, null) { }
}

/// <summary>Bilinear upsampling of 4-D input with align_corners=True. PyTorch: torch.nn.UpsamplingBilinear2d.</summary>
public sealed class UpsamplingBilinear2d : Upsample
{
    /// <summary>Resizes both spatial dims to <paramref name="size"/>.</summary>
    public UpsamplingBilinear2d(int size) : base([size], null, true, "bilinear", true, null) { }

    /// <summary>Resizes to (height, width).</summary>
    public UpsamplingBilinear2d(int[] size) : base(size, null, false, "bilinear", true, null) { }

    /// <summary>Scales both spatial dims by <paramref name="scaleFactor"/>.</summary>
    public UpsamplingBilinear2d(double scaleFactor) : base(null, [scaleFactor], true, "bilinear", true, null) { }

    /// <summary>Scales by (height, width) factors.</summary>
    public UpsamplingBilinear2d(double[] scaleFactor) : base(null, scaleFactor, false, "bilinear", true, null) { }
}
