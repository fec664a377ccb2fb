using System.Numerics;

namespace Sharpgrad.Ops;

/// <summary>How <see cref="UpsampleOps"/> resamples: its source-index rule and the taps it weighs.</summary>
internal enum ResampleMode { Nearest, NearestExact, Linear, Cubic }

/// <summary>
/// upsample_nearest1d/2d/3d, _upsample_nearest_exact1d/2d/3d, upsample_linear1d/bilinear2d/trilinear3d and upsample_bicubic2d over the
/// last one to three dims of a 3-D, 4-D or 5-D input, with PyTorch's source-index rules (nearest: floor(dst · scale) in float;
/// nearest-exact: floor((dst + 0.5) · scale); linear: half-pixel or align_corners, clamped at 0; cubic: the same
/// without the clamp, four taps of Keys' kernel with A = -0.75 at clamped indices).
/// </summary>
internal static class UpsampleOps
{
    private const double CubicA = -0.75;

    /// <summary>Source taps along one axis: out[i] = Σ_t Weight[i·Taps + t] · in[Index[i·Taps + t]].</summary>
    internal sealed record Axis(int Taps, int[] Index, double[] Weight);

    /// <summary>One resampling: mode, the per-axis tables, plane count and sizes (fewer dims use trivial depth/height axes).</summary>
    internal sealed record Spec(ResampleMode Mode, int Dims, int Planes, int D, int H, int W, int OutD, int OutH, int OutW, Axis AD, Axis AH, Axis AW,
        int[] InputSizes, int[] OutputSizes)
    {
        /// <summary>PyTorch's node stem: UpsampleNearest(Exact)1D/2D/3D, UpsampleLinear1D, UpsampleBilinear2D, UpsampleTrilinear3D or UpsampleBicubic2D.</summary>
        public string Stem => Mode switch
        {
            ResampleMode.Nearest => $"UpsampleNearest{Dims}D",
            ResampleMode.NearestExact => $"UpsampleNearestExact{Dims}D",
            ResampleMode.Linear => Dims == 1 ? "UpsampleLinear1D" : Dims == 2 ? "UpsampleBilinear2D" : "UpsampleTrilinear3D",
            _ => "UpsampleBicubic2D",
        };
    }

    /// <summary>
    /// The resampling of x to <paramref name="outSize"/> (one to three spatial sizes); <paramref name="scales"/> are the
    /// scale factors passed on to the kernel (null: in/out ratios), as upsample_*(input, output_size, scale_factors).
    /// </summary>
    public static Tensor Upsample(Tensor x, ResampleMode mode, int[] outSize, double[]? scales, bool alignCorners)
    {
        int dims = outSize.Length;
        var sizes = x.Sizes;
        string Desc(IReadOnlyList<int> v) => "(" + string.Join(", ", v.Select((n, i) => $"{"DHW"[3 - v.Count + i]}: {n}")) + ")";
        string inDesc = Desc(sizes[^dims..]), outDesc = Desc(outSize);
        for (int i = 0; i < dims; i++)
            if (sizes[^(dims - i)] <= 0 || outSize[i] <= 0)
                throw new ArgumentException($"Input and output sizes should be greater than 0, but got input {inDesc}{(dims == 1 ? " and" : "")} output {outDesc}");
        if (Enumerable.Range(1, sizes.Length - 1).Any(d => sizes[d] == 0))
            throw new ArgumentException($"Non-empty {dims + 2}D data tensor expected but got a tensor with sizes {Errors.Shape(sizes)}");
        bool nearest = mode is ResampleMode.Nearest or ResampleMode.NearestExact;
        if (!x.DType.IsFloatingPoint())
        {
            string op = mode == ResampleMode.Cubic ? "compute_indices_weights_cubic"
                : dims != 2 ? (nearest ? "compute_indices_weights_nearest" : "compute_indices_weights_linear")
                : nearest ? "upsample_nearest2d_channels_last" : "upsample_bilinear2d_channels_last";
            throw Errors.UnsupportedDType(op, x.DType);
        }
        bool single = x.DType == DType.Float32;
        // Spatial dim k of 3 (depth, height, width), trivial when the input has fewer.
        int In(int k) => k >= 3 - dims ? sizes[^(3 - k)] : 1;
        int Out(int k) => k >= 3 - dims ? outSize[k - (3 - dims)] : 1;
        Axis Along(int k) => k >= 3 - dims ? MakeAxis(mode, In(k), Out(k), scales?[k - (3 - dims)], alignCorners, single) : new Axis(1, [0], [1.0]);
        var shape = (int[])sizes.Clone();
        for (int i = 0; i < dims; i++) shape[^(dims - i)] = outSize[i];
        return Apply(x, new Spec(mode, dims, x.Numel / (In(0) * In(1) * In(2)), In(0), In(1), In(2), Out(0), Out(1), Out(2),
            Along(0), Along(1), Along(2), (int[])sizes.Clone(), shape));
    }

    private static Axis MakeAxis(ResampleMode mode, int inSize, int outSize, double? scale, bool alignCorners, bool single) => mode switch
    {
        ResampleMode.Nearest or ResampleMode.NearestExact => NearestAxis(inSize, outSize, scale, mode == ResampleMode.NearestExact),
        ResampleMode.Linear => LinearAxis(inSize, outSize, scale, alignCorners, single),
        _ => CubicAxis(inSize, outSize, scale, alignCorners, single),
    };

    /// <summary>compute_scales_value: 1/scale when a positive scale was given, else in/out.</summary>
    private static double ScaleValue(double? scale, int inSize, int outSize, bool single) =>
        scale is > 0 ? (single ? (float)(1.0 / scale.Value) : 1.0 / scale.Value)
            : single ? (float)inSize / outSize : (double)inSize / outSize;

    /// <summary>area_pixel_compute_scale: (in-1)/(out-1) with align_corners (0 for one output), else the scale value.</summary>
    private static double AreaScale(int inSize, int outSize, double? scale, bool alignCorners, bool single) =>
        alignCorners
            ? outSize > 1 ? (single ? (float)(inSize - 1) / (outSize - 1) : (double)(inSize - 1) / (outSize - 1)) : 0
            : ScaleValue(scale, inSize, outSize, single);

    /// <summary>
    /// nearest_idx: identity for equal sizes, i/2 for doubling, else min(floorf(i · scale), in - 1) in float;
    /// nearest_exact_idx (<paramref name="exact"/>): min(floorf((i + 0.5) · scale), in - 1), the product in double.
    /// </summary>
    private static Axis NearestAxis(int inSize, int outSize, double? scale, bool exact)
    {
        var idx = new int[outSize];
        float s = (float)ScaleValue(scale, inSize, outSize, single: true);
        for (int i = 0; i < outSize; i++)
            idx[i] = exact ? Math.Min((int)MathF.Floor((float)((i + 0.5) * s)), inSize - 1)
                : outSize == inSize ? i : outSize == 2 * inSize ? i >> 1 : Math.Min((int)MathF.Floor(i * s), inSize - 1);
        return new Axis(1, idx, Enumerable.Repeat(1.0, outSize).ToArray());
    }

    /// <summary>
    /// compute_source_index_and_lambda: the real source index (align_corners: scale·i with scale (in-1)/(out-1);
    /// else scale·(i+0.5)-0.5 clamped at 0), its floor and the next index, and the two weights; float math for float32.
    /// </summary>
    private static Axis LinearAxis(int inSize, int outSize, double? scale, bool alignCorners, bool single)
    {
        var (idx, wt) = (new int[2 * outSize], new double[2 * outSize]);
        double ratio = AreaScale(inSize, outSize, scale, alignCorners, single);
        for (int i = 0; i < outSize; i++)
        {
            int i0;
            double l0, lambda;
            if (outSize == inSize)
                (i0, l0, lambda) = (i, 1, 0);
            else if (single)
            {
                float r = (float)ratio, src = alignCorners ? r * i : r * (i + 0.5f) - 0.5f;
                src = src < 0 ? 0 : src;
                i0 = Math.Min((int)MathF.Floor(src), inSize - 1);
                float lf = Math.Min(Math.Max(src - i0, 0f), 1f);
                (l0, lambda) = (1f - lf, lf);
            }
            else
            {
                double real = alignCorners ? ratio * i : ratio * (i + 0.5) - 0.5;
                real = real < 0 ? 0 : real;
                i0 = Math.Min((int)Math.Floor(real), inSize - 1);
                lambda = Math.Min(Math.Max(real - i0, 0), 1);
                l0 = 1 - lambda;
            }
            (idx[2 * i], idx[2 * i + 1]) = (i0, outSize == inSize ? i0 : i0 + (i0 < inSize - 1 ? 1 : 0));
            (wt[2 * i], wt[2 * i + 1]) = (l0, lambda);
        }
        return new Axis(2, idx, wt);
    }

    /// <summary>
    /// The bicubic taps: the real index as for linear but not clamped at 0, guard_index_and_lambda, and
    /// get_cubic_upsample_coefficients on the fraction; the four taps sit at floor - 1 .. floor + 2, clamped.
    /// </summary>
    private static Axis CubicAxis(int inSize, int outSize, double? scale, bool alignCorners, bool single)
    {
        var (idx, wt) = (new int[4 * outSize], new double[4 * outSize]);
        double ratio = AreaScale(inSize, outSize, scale, alignCorners, single);
        for (int i = 0; i < outSize; i++)
        {
            int i0;
            if (single)
            {
                float r = (float)ratio, real = alignCorners ? r * i : r * (i + 0.5f) - 0.5f;
                i0 = Math.Min((int)MathF.Floor(real), inSize - 1);
                float t = Math.Min(Math.Max(real - i0, 0f), 1f), a = (float)CubicA;
                wt[4 * i] = CubicFar(t + 1f, a);
                wt[4 * i + 1] = CubicNear(t, a);
                wt[4 * i + 2] = CubicNear(1f - t, a);
                wt[4 * i + 3] = CubicFar(1f - t + 1f, a);
            }
            else
            {
                double real = alignCorners ? ratio * i : ratio * (i + 0.5) - 0.5;
                i0 = Math.Min((int)Math.Floor(real), inSize - 1);
                double t = Math.Min(Math.Max(real - i0, 0), 1);
                wt[4 * i] = CubicFar(t + 1, CubicA);
                wt[4 * i + 1] = CubicNear(t, CubicA);
                wt[4 * i + 2] = CubicNear(1 - t, CubicA);
                wt[4 * i + 3] = CubicFar(1 - t + 1, CubicA);
            }
            for (int k = 0; k < 4; k++) idx[4 * i + k] = Math.Clamp(i0 - 1 + k, 0, inSize - 1);
        }
        return new Axis(4, idx, wt);
    }

    // cubic_convolution1 (|x| <= 1) and cubic_convolution2 (1 < |x| < 2), in the input's precision.
    private static T CubicNear<T>(T x, T a) where T : IFloatingPointIeee754<T> =>
        ((a + T.CreateTruncating(2)) * x - (a + T.CreateTruncating(3))) * x * x + T.One;

    private static T CubicFar<T>(T x, T a) where T : IFloatingPointIeee754<T> =>
        ((a * x - T.CreateTruncating(5) * a) * x + T.CreateTruncating(8) * a) * x - T.CreateTruncating(4) * a;

    /// <summary>The resampling map itself (its adjoint is <see cref="Adjoint"/>).</summary>
    internal static Tensor Apply(Tensor x, Spec s) => Run(x, s, adjoint: false);

    /// <summary>upsample_*_backward: each output gradient spread back onto its source pixels with the same weights.</summary>
    internal static Tensor Adjoint(Tensor grad, Spec s) => Run(grad, s, adjoint: true);

    /// <summary>Runs the forward or adjoint kernel on a contiguous copy of t and records the node of the other direction.</summary>
    private static Tensor Run(Tensor t, Spec s, bool adjoint)
    {
        var src = OpHelpers.ContiguousRaw(t);
        var r = Tensor.Empty(t.DType, adjoint ? s.InputSizes : s.OutputSizes, clear: adjoint);
        var (a, b) = (src.Strided, r.Strided);
        if (t.DType == DType.Float32)
        {
            if (adjoint) Backward(a.Data<float>(), a.Offset, s, b.Data<float>());
            else Forward(a.Data<float>(), a.Offset, s, b.Data<float>());
        }
        else if (adjoint) Backward(a.Data<double>(), a.Offset, s, b.Data<double>());
        else Forward(a.Data<double>(), a.Offset, s, b.Data<double>());
        if (!ReferenceEquals(src, t)) src.Dispose();
        if (Record.ShouldRecord(t)) Record.SetHistory(r, Record.Connect(adjoint ? (Node)new UpsampleBackwardBackward0(s) : new UpsampleBackward0(s), t));
        return r;
    }

    /// <summary>The depth, height and width tap weights in the element type.</summary>
    private static (T[] D, T[] H, T[] W) Weights<T>(Spec s) where T : unmanaged, IFloatingPointIeee754<T> =>
        (Array.ConvertAll(s.AD.Weight, T.CreateTruncating), Array.ConvertAll(s.AH.Weight, T.CreateTruncating),
            Array.ConvertAll(s.AW.Weight, T.CreateTruncating));

    // PyTorch's order: each row's width taps are summed first, then weighted by the height taps, then by depth.
    private static void Forward<T>(T[] x, int xOff, Spec s, T[] y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (ad, ah, aw) = (s.AD, s.AH, s.AW);
        int td = ad.Taps, th = ah.Taps, tw = aw.Taps;
        var (wd, wh, ww) = Weights<T>(s);
        bool weighH = s.Dims >= 2 && s.Mode is not (ResampleMode.Nearest or ResampleMode.NearestExact);
        bool weighD = s.Dims == 3 && weighH;
        int plane = s.D * s.H * s.W, outPlane = s.OutD * s.OutH * s.OutW;
        for (int p = 0; p < s.Planes; p++)
        {
            int src = xOff + p * plane, dst = p * outPlane;
            for (int od = 0; od < s.OutD; od++)
                for (int oh = 0; oh < s.OutH; oh++)
                    for (int ow = 0; ow < s.OutW; ow++)
                    {
                        T vol = T.Zero;
                        for (int k = 0; k < td; k++)
                        {
                            int slice = src + ad.Index[od * td + k] * s.H * s.W;
                            T area = T.Zero;
                            for (int j = 0; j < th; j++)
                            {
                                int row = slice + ah.Index[oh * th + j] * s.W;
                                T sum = ww[ow * tw] * x[row + aw.Index[ow * tw]];
                                for (int i = 1; i < tw; i++) sum += ww[ow * tw + i] * x[row + aw.Index[ow * tw + i]];
                                T term = weighH ? wh[oh * th + j] * sum : sum;
                                area = j == 0 ? term : area + term;
                            }
                            T dterm = weighD ? wd[od * td + k] * area : area;
                            vol = k == 0 ? dterm : vol + dterm;
                        }
                        y[dst + (od * s.OutH + oh) * s.OutW + ow] = vol;
                    }
        }
    }

    // The weight products as the existing kernels form them: (d·h·w)·g for linear, (g·h)·w for cubic. Taps that land
    // on one clamped pixel add up in PyTorch's order: width taps outermost for cubic, innermost otherwise.
    private static void Backward<T>(T[] g, int gOff, Spec s, T[] gi) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (ad, ah, aw) = (s.AD, s.AH, s.AW);
        int td = ad.Taps, th = ah.Taps, tw = aw.Taps;
        var (wd, wh, ww) = Weights<T>(s);
        bool cubic = s.Mode == ResampleMode.Cubic, nearest = s.Mode is ResampleMode.Nearest or ResampleMode.NearestExact;
        int plane = s.D * s.H * s.W, outPlane = s.OutD * s.OutH * s.OutW;
        for (int p = 0; p < s.Planes; p++)
        {
            int dst = p * plane, src = gOff + p * outPlane;
            for (int od = 0; od < s.OutD; od++)
                for (int oh = 0; oh < s.OutH; oh++)
                    for (int ow = 0; ow < s.OutW; ow++)
                    {
                        T v = g[src + (od * s.OutH + oh) * s.OutW + ow];
                        if (nearest)
                        {
                            gi[dst + (ad.Index[od] * s.H + ah.Index[oh]) * s.W + aw.Index[ow]] += v;
                            continue;
                        }
                        for (int k = 0; k < td; k++)
                        {
                            int slice = dst + ad.Index[od * td + k] * s.H * s.W;
                            for (int q = 0; q < th * tw; q++)
                            {
                                var (i, j) = cubic ? (q / th, q % th) : (q % tw, q / tw);
                                T hw = s.Dims == 1 ? ww[ow * tw + i] * v
                                    : cubic ? v * wh[oh * th + j] * ww[ow * tw + i]
                                    : s.Dims == 2 ? wh[oh * th + j] * ww[ow * tw + i] * v
                                    : wd[od * td + k] * wh[oh * th + j] * ww[ow * tw + i] * v;
                                gi[slice + ah.Index[oh * th + j] * s.W + aw.Index[ow * tw + i]] += hw;
                            }
                        }
                    }
        }
    }
}

/// <summary>upsample_*: upsample_*_backward(grad) (UpsampleNearest1D/2D, UpsampleLinear1D or UpsampleBilinear2D Backward0).</summary>
internal sealed class UpsampleBackward0(UpsampleOps.Spec s) : Node
{
    public override string Name { get; } = s.Stem + "Backward0";
    internal override Tensor?[] Apply(Tensor grad) => [UpsampleOps.Adjoint(grad, s)];
}

/// <summary>upsample_*_backward: upsample_*(grad), the map it is the adjoint of.</summary>
internal sealed class UpsampleBackwardBackward0(UpsampleOps.Spec s) : Node
{
    public override string Name { get; } = s.Stem + "BackwardBackward0";
    internal override Tensor?[] Apply(Tensor grad) => [UpsampleOps.Apply(grad, s)];
}
