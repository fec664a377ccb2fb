using System.Numerics;

namespace Sharpgrad.Ops;

/// <summary>
/// upsample_nearest1d/2d, _upsample_nearest_exact1d/2d and upsample_linear1d/bilinear2d over the last one or two dims
/// of a 3-D or 4-D input, with PyTorch's source-index rules (nearest: floor(dst · scale) in float; nearest-exact:
/// floor((dst + 0.5) · scale); linear: half-pixel or align_corners).
/// </summary>
internal static class UpsampleOps
{
    /// <summary>Source indices and weights along one axis: out[i] = L0[i]·in[I0[i]] + L1[i]·in[I1[i]].</summary>
    internal sealed record Axis(int[] I0, int[] I1, double[] L0, double[] L1);

    /// <summary>One resampling: mode, the per-axis tables, plane count and sizes (1-D uses a trivial height axis).</summary>
    internal sealed record Spec(bool Nearest, bool Exact, int Dims, int Planes, int H, int W, int OutH, int OutW, Axis AH, Axis AW, int[] InputSizes, int[] OutputSizes)
    {
        /// <summary>PyTorch's node stem: UpsampleNearest(Exact)1D/2D, UpsampleLinear1D or UpsampleBilinear2D.</summary>
        public string Stem => Nearest ? $"UpsampleNearest{(Exact ? "Exact" : "")}{Dims}D" : Dims == 1 ? "UpsampleLinear1D" : "UpsampleBilinear2D";
    }

    /// <summary>
    /// The resampling of x to <paramref name="outSize"/> (one or two spatial sizes); <paramref name="scales"/> are the
    /// scale factors passed on to the kernel (null: in/out ratios), as upsample_*(input, output_size, scale_factors).
    /// <paramref name="exact"/> picks nearest-exact's pixel-centre rule for a nearest resampling.
    /// </summary>
    public static Tensor Upsample(Tensor x, bool nearest, int[] outSize, double[]? scales, bool alignCorners, bool exact = false)
    {
        int dims = outSize.Length;
        var sizes = x.Sizes;
        string inDesc = dims == 1 ? $"(W: {sizes[^1]})" : $"(H: {sizes[^2]}, W: {sizes[^1]})";
        string outDesc = dims == 1 ? $"(W: {outSize[0]})" : $"(H: {outSize[0]}, W: {outSize[1]})";
        for (int i = 0; i < dims; i++)
            if (sizes[^(dims - i)] <= 0 || outSize[i] <= 0)
                throw new ArgumentException($"Input and output sizes should be greater than 0, but got input {inDesc}{(dims == 1 ? " and" : "")} output {outDesc}");
        if (Enumerable.Range(1, sizes.Length - 1).Any(d => sizes[d] == 0))
            throw new ArgumentException($"Non-empty {dims + 2}D data tensor expected but got a tensor with sizes {Errors.Shape(sizes)}");
        if (!x.DType.IsFloatingPoint())
        {
            string op = dims == 1 ? (nearest ? "compute_indices_weights_nearest" : "compute_indices_weights_linear")
                : nearest ? "upsample_nearest2d_channels_last" : "upsample_bilinear2d_channels_last";
            throw Errors.UnsupportedDType(op, x.DType);
        }
        bool single = x.DType == DType.Float32;
        int h = dims == 2 ? sizes[^2] : 1, w = sizes[^1];
        int oh = dims == 2 ? outSize[0] : 1, ow = outSize[^1];
        double? sh = dims == 2 ? scales?[0] : null, sw = scales?[^1];
        var ah = nearest ? NearestAxis(h, oh, sh, exact) : LinearAxis(h, oh, sh, alignCorners, single);
        var aw = nearest ? NearestAxis(w, ow, sw, exact) : LinearAxis(w, ow, sw, alignCorners, single);
        var shape = (int[])sizes.Clone();
        shape[^1] = ow;
        if (dims == 2) shape[^2] = oh;
        return Apply(x, new Spec(nearest, nearest && exact, dims, x.Numel / (h * w), h, w, oh, ow, ah, aw, (int[])sizes.Clone(), shape));
    }

    /// <summary>compute_scales_value: 1/scale when a positive scale was given, else in/out.</summary>
    private static double ScaleValue(double? scale, int inSize, int outSize, bool single) =>
        scale is > 0 ? (single ? (float)(1.0 / scale.Value) : 1.0 / scale.Value)
            : single ? (float)inSize / outSize : (double)inSize / outSize;

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
        var ones = Enumerable.Repeat(1.0, outSize).ToArray();
        return new Axis(idx, idx, ones, new double[outSize]);
    }

    /// <summary>
    /// compute_source_index_and_lambda: the real source index (align_corners: scale·i with scale (in-1)/(out-1);
    /// else scale·(i+0.5)-0.5 clamped at 0), its floor and the next index, and the two weights; float math for float32.
    /// </summary>
    private static Axis LinearAxis(int inSize, int outSize, double? scale, bool alignCorners, bool single)
    {
        var (i0, i1, l0, l1) = (new int[outSize], new int[outSize], new double[outSize], new double[outSize]);
        double ratio = alignCorners
            ? outSize > 1 ? (single ? (float)(inSize - 1) / (outSize - 1) : (double)(inSize - 1) / (outSize - 1)) : 0
            : ScaleValue(scale, inSize, outSize, single);
        for (int i = 0; i < outSize; i++)
        {
            if (outSize == inSize)
            {
                (i0[i], i1[i], l0[i], l1[i]) = (i, i, 1, 0);
                continue;
            }
            double real, lambda;
            if (single)
            {
                float r = (float)ratio, src = alignCorners ? r * i : r * (i + 0.5f) - 0.5f;
                src = src < 0 ? 0 : src;
                i0[i] = Math.Min((int)MathF.Floor(src), inSize - 1);
                float lf = Math.Min(Math.Max(src - i0[i], 0f), 1f);
                (real, lambda) = (src, lf);
                l0[i] = 1f - lf;
            }
            else
            {
                real = alignCorners ? ratio * i : ratio * (i + 0.5) - 0.5;
                real = real < 0 ? 0 : real;
                i0[i] = Math.Min((int)Math.Floor(real), inSize - 1);
                lambda = Math.Min(Math.Max(real - i0[i], 0), 1);
                l0[i] = 1 - lambda;
            }
            i1[i] = i0[i] + (i0[i] < inSize - 1 ? 1 : 0);
            l1[i] = lambda;
        }
        return new Axis(i0, i1, l0, l1);
    }

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

    private static void Forward<T>(T[] x, int xOff, Spec s, T[] y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (ah, aw) = (s.AH, s.AW);
        for (int p = 0; p < s.Planes; p++)
        {
            int src = xOff + p * s.H * s.W, dst = p * s.OutH * s.OutW;
            for (int oh = 0; oh < s.OutH; oh++)
            {
                int r0 = src + ah.I0[oh] * s.W, r1 = src + ah.I1[oh] * s.W;
                T h0 = T.CreateTruncating(ah.L0[oh]), h1 = T.CreateTruncating(ah.L1[oh]);
                for (int ow = 0; ow < s.OutW; ow++)
                {
                    int c0 = aw.I0[ow], c1 = aw.I1[ow];
                    T w0 = T.CreateTruncating(aw.L0[ow]), w1 = T.CreateTruncating(aw.L1[ow]);
                    y[dst + oh * s.OutW + ow] = s.Nearest ? x[r0 + c0]
                        : s.Dims == 1 ? w0 * x[r0 + c0] + w1 * x[r0 + c1]
                        : h0 * (w0 * x[r0 + c0] + w1 * x[r0 + c1]) + h1 * (w0 * x[r1 + c0] + w1 * x[r1 + c1]);
                }
            }
        }
    }

    private static void Backward<T>(T[] g, int gOff, Spec s, T[] gi) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (ah, aw) = (s.AH, s.AW);
        for (int p = 0; p < s.Planes; p++)
        {
            int dst = p * s.H * s.W, src = gOff + p * s.OutH * s.OutW;
            for (int oh = 0; oh < s.OutH; oh++)
            {
                int r0 = dst + ah.I0[oh] * s.W, r1 = dst + ah.I1[oh] * s.W;
                T h0 = T.CreateTruncating(ah.L0[oh]), h1 = T.CreateTruncating(ah.L1[oh]);
                for (int ow = 0; ow < s.OutW; ow++)
                {
                    T v = g[src + oh * s.OutW + ow];
                    int c0 = aw.I0[ow], c1 = aw.I1[ow];
                    if (s.Nearest)
                    {
                        gi[r0 + c0] += v;
                        continue;
                    }
                    T w0 = T.CreateTruncating(aw.L0[ow]), w1 = T.CreateTruncating(aw.L1[ow]);
                    if (s.Dims == 1)
                    {
                        gi[r0 + c0] += w0 * v;
                        gi[r0 + c1] += w1 * v;
                        continue;
                    }
                    gi[r0 + c0] += h0 * w0 * v;
                    gi[r0 + c1] += h0 * w1 * v;
                    gi[r1 + c0] += h1 * w0 * v;
                    gi[r1 + c1] += h1 * w1 * v;
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
