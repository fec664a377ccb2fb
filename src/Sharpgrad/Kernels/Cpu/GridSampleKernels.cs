using System.Numerics;

namespace Sharpgrad.Kernels.Cpu;

/// <summary>grid_sampler's interpolation, in GridSamplerInterpolation's order.</summary>
internal enum GridSampleMode { Bilinear, Nearest, Bicubic }

/// <summary>grid_sampler's padding, in GridSamplerPadding's order.</summary>
internal enum GridSamplePadding { Zeros, Border, Reflection }

/// <summary>
/// One grid_sampler call: a contiguous input [N, C, D, H, W] (D = 1 for a 4-D input), a contiguous grid
/// [N, OutD, OutH, OutW, 2 or 3] of (x, y[, z]) coordinates and the output [N, C, OutD, OutH, OutW].
/// </summary>
internal readonly record struct GridSampleGeometry(int N, int C, int D, int H, int W, int OutD, int OutH, int OutW,
    GridSampleMode Mode, GridSamplePadding Padding, bool AlignCorners, bool Volumetric)
{
    /// <summary>Elements of one input plane (volume).</summary>
    public int InVolume => D * H * W;

    /// <summary>Sample points per batch entry.</summary>
    public int OutVolume => OutD * OutH * OutW;
}

/// <summary>
/// grid_sampler_2d with the formulas of PyTorch's CPU kernel (GridSamplerKernel.cpp): its unnormalization
/// (x + 1)·scale [- 0.5], its trunc-based reflection and its bilinear, nearest (round half to even) and bicubic
/// (A = -0.75, each tap's coordinate padded on its own) samplers, forward and backward.
/// </summary>
internal static partial class GridSampleKernels
{
    /// <summary>An index no tensor has: what a non-finite or out-of-range coordinate converts to.</summary>
    private const long Outside = long.MinValue / 4;

    /// <summary>The sampled values: y[n, c, p] from x[n, c] at grid point p.</summary>
    public static void Forward<T>(T[] x, int xOff, T[] grid, int gOff, in GridSampleGeometry g, T[] y)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (g.Volumetric) Forward3d(x, xOff, grid, gOff, g, y);
        else Forward2d(x, xOff, grid, gOff, g, y);
    }

    /// <summary>
    /// The gradients: grad_input (when <paramref name="gIn"/> is given, zeroed) gathers each output gradient at the taps
    /// it read; grad_grid gets every point's coordinate derivative (zero for nearest).
    /// </summary>
    public static void Backward<T>(T[] gOut, int goOff, T[] x, int xOff, T[] grid, int gOff, in GridSampleGeometry g, T[]? gIn, T[] gGrid)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (g.Volumetric) Backward3d(gOut, goOff, x, xOff, grid, gOff, g, gIn, gGrid);
        else Backward2d(gOut, goOff, x, xOff, grid, gOff, g, gIn, gGrid);
    }

    /// <summary>The integer part of a floored or rounded coordinate, <see cref="Outside"/> when it has none (NaN, ±inf, huge).</summary>
    private static long Index<T>(T v) where T : IFloatingPointIeee754<T>
    {
        double d = double.CreateTruncating(v);
        return d >= -2147483648.0 && d < 2147483648.0 ? (long)d : Outside;
    }

    /// <summary>The flat in-plane offset of (iy, ix) in an h×w plane, or -1 outside it.</summary>
    private static int At(long iy, long ix, int h, int w) => iy >= 0 && iy < h && ix >= 0 && ix < w ? (int)(iy * w + ix) : -1;

    private static T Read<T>(T[] x, int plane, int at) where T : unmanaged => at >= 0 ? x[plane + at] : default;

    /// <summary>One axis of the 2-D kernel (ComputeLocation): unnormalize, clip and reflect in its arithmetic.</summary>
    private readonly struct Axis2d<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        private static readonly T Two = T.CreateTruncating(2), Half = T.CreateTruncating(0.5);
        private readonly T _max, _low, _twiceSpan;
        private readonly bool _empty, _align;
        private readonly GridSamplePadding _padding;

        /// <summary>d(unnormalized)/d(grid): (size - 1)/2 with align_corners, else size/2.</summary>
        public readonly T Scale;

        public Axis2d(int size, bool align, GridSamplePadding padding)
        {
            _max = T.CreateTruncating(size - 1);
            Scale = T.CreateTruncating(align ? size - 1 : size) / Two;
            _low = align ? T.Zero : -Half;
            _twiceSpan = T.CreateTruncating(align ? size - 1 : size) * Two;
            _empty = align ? size <= 1 : size <= 0;
            _align = align;
            _padding = padding;
        }

        public T Unnormalize(T v) => _align ? (v + T.One) * Scale : (v + T.One) * Scale - Half;

        // clamp_max(max, clamp_min(0, v)): a NaN lands on 0
        private T Clip(T v)
        {
            T lo = v > T.Zero ? v : T.Zero;
            return lo < _max ? lo : _max;
        }

        // the borders count as outside (zero gradient); a NaN passes with gradient 1
        private (T Value, bool Inside) ClipWithGrad(T v)
        {
            if (T.IsNaN(v)) return (v, true);
            T lo = v > T.Zero ? v : T.Zero;
            return lo < _max ? (lo, v > T.Zero) : (_max, false);
        }

        private T Reflect(T v)
        {
            if (_empty) return T.Zero;
            T a = T.Abs(v - _low);
            T extra = a - T.Truncate(a / _twiceSpan) * _twiceSpan;
            return T.Min(extra, _twiceSpan - extra) + _low;
        }

        private (T Value, T Grad) ReflectWithGrad(T v)
        {
            if (_empty) return (T.Zero, T.Zero);
            T m = v - _low;
            T a = T.Abs(m);
            T extra = a - T.Truncate(a / _twiceSpan) * _twiceSpan, reflected = _twiceSpan - extra;
            bool flip = extra > reflected;
            return ((flip ? reflected : extra) + _low, flip ^ (m < T.Zero) ? -T.One : T.One);
        }

        /// <summary>The padded source coordinate of a grid value (bilinear and nearest).</summary>
        public T Apply(T v) => _padding switch
        {
            GridSamplePadding.Zeros => Unnormalize(v),
            GridSamplePadding.Border => Clip(Unnormalize(v)),
            _ => Clip(Reflect(Unnormalize(v))),
        };

        /// <summary><see cref="Apply"/> and its derivative with respect to the grid value.</summary>
        public (T Value, T Grad) ApplyWithGrad(T v)
        {
            T u = Unnormalize(v);
            if (_padding == GridSamplePadding.Zeros) return (u, Scale);
            T grad = Scale;
            if (_padding == GridSamplePadding.Reflection)
            {
                (u, T refl) = ReflectWithGrad(u);
                grad = refl * grad;
            }
            var (c, inside) = ClipWithGrad(u);
            return (c, inside ? grad : T.Zero);
        }

        /// <summary>A bicubic tap's coordinate, padded (compute_coordinates).</summary>
        public T Coordinate(T v) => _padding switch
        {
            GridSamplePadding.Zeros => v,
            GridSamplePadding.Border => Clip(v),
            _ => Clip(Reflect(v)),
        };
    }

    /// <summary>A bilinear point: the fractional distances, the corner weights and the four corners' offsets (-1 outside).</summary>
    private readonly struct Bilinear2d<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        public readonly T N, S, W, E, Nw, Ne, Sw, Se;
        public readonly int AtNw, AtNe, AtSw, AtSe;

        public Bilinear2d(T x, T y, int h, int w)
        {
            T xw = T.Floor(x), yn = T.Floor(y);
            W = x - xw;
            E = T.One - W;
            N = y - yn;
            S = T.One - N;
            (Nw, Ne, Sw, Se) = (S * E, S * W, N * E, N * W);
            long ix = Index(xw), iy = Index(yn);
            (AtNw, AtNe, AtSw, AtSe) = (At(iy, ix, h, w), At(iy, ix + 1, h, w), At(iy + 1, ix, h, w), At(iy + 1, ix + 1, h, w));
        }
    }

    // get_cubic_coefficients: Keys' kernel with A = -0.75 at distances t + 1, t, 1 - t, 2 - t
    private static void Cubic<T>(T t, Span<T> c) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T a = T.CreateTruncating(-0.75), two = T.CreateTruncating(2), three = T.CreateTruncating(3);
        T four = T.CreateTruncating(4), five = T.CreateTruncating(5), eight = T.CreateTruncating(8);
        T x = t + T.One;
        c[0] = ((a * x - five * a) * x + eight * a) * x - four * a;
        c[1] = ((a + two) * t - (a + three)) * t * t + T.One;
        x = T.One - t;
        c[2] = ((a + two) * x - (a + three)) * x * x + T.One;
        x = two - t;
        c[3] = ((a * x - five * a) * x + eight * a) * x - four * a;
    }

    // get_cubic_coefficients_grad: d coefficient / d x at x = -1 - t, -t, 1 - t, 2 - t
    private static void CubicGrad<T>(T t, Span<T> c) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T a = T.CreateTruncating(-0.75), two = T.CreateTruncating(2), three = T.CreateTruncating(3);
        T eight = T.CreateTruncating(8), ten = T.CreateTruncating(10);
        T x = -T.One - t;
        c[0] = (-three * a * x - ten * a) * x - eight * a;
        x = T.Zero - t;
        c[1] = (-three * (a + two) * x - two * (a + three)) * x;
        x = T.One - t;
        c[2] = (three * (a + two) * x - two * (a + three)) * x;
        x = two - t;
        c[3] = (three * a * x - ten * a) * x + eight * a;
    }

    /// <summary>The four tap offsets of a bicubic point along x (<paramref name="cols"/>) and y (<paramref name="rows"/>), -1 outside.</summary>
    private static void CubicTaps<T>(in Axis2d<T> ax, in Axis2d<T> ay, T fx, T fy, int h, int w, Span<long> cols, Span<long> rows)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int k = 0; k < 4; k++)
        {
            T off = T.CreateTruncating(k - 1);
            long ix = Index(ax.Coordinate(fx + off)), iy = Index(ay.Coordinate(fy + off));
            cols[k] = ix >= 0 && ix < w ? ix : -1;
            rows[k] = iy >= 0 && iy < h ? iy * w : -1;
        }
    }

    private static int Tap(Span<long> cols, Span<long> rows, int i, int j) => cols[i] >= 0 && rows[j] >= 0 ? (int)(rows[j] + cols[i]) : -1;

    private static void Forward2d<T>(T[] x, int xOff, T[] grid, int gOff, in GridSampleGeometry g, T[] y)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var ax = new Axis2d<T>(g.W, g.AlignCorners, g.Padding);
        var ay = new Axis2d<T>(g.H, g.AlignCorners, g.Padding);
        int plane = g.H * g.W, points = g.OutVolume;
        Span<T> cx = stackalloc T[4], cy = stackalloc T[4], rowSum = stackalloc T[4];
        Span<long> cols = stackalloc long[4], rows = stackalloc long[4];
        for (int n = 0; n < g.N; n++)
            for (int p = 0; p < points; p++)
            {
                int gi = gOff + (n * points + p) * 2, src = xOff + n * g.C * plane, dst = n * g.C * points + p;
                T gx = grid[gi], gy = grid[gi + 1];
                if (g.Mode == GridSampleMode.Bilinear)
                {
                    var b = new Bilinear2d<T>(ax.Apply(gx), ay.Apply(gy), g.H, g.W);
                    for (int c = 0; c < g.C; c++, src += plane)
                        y[dst + c * points] = Read(x, src, b.AtNw) * b.Nw + Read(x, src, b.AtNe) * b.Ne
                            + Read(x, src, b.AtSw) * b.Sw + Read(x, src, b.AtSe) * b.Se;
                }
                else if (g.Mode == GridSampleMode.Nearest)
                {
                    int at = At(Index(T.Round(ay.Apply(gy))), Index(T.Round(ax.Apply(gx))), g.H, g.W);
                    for (int c = 0; c < g.C; c++, src += plane) y[dst + c * points] = Read(x, src, at);
                }
                else
                {
                    T ux = ax.Unnormalize(gx), uy = ay.Unnormalize(gy), fx = T.Floor(ux), fy = T.Floor(uy);
                    Cubic(ux - fx, cx);
                    Cubic(uy - fy, cy);
                    CubicTaps(ax, ay, fx, fy, g.H, g.W, cols, rows);
                    for (int c = 0; c < g.C; c++, src += plane)
                    {
                        for (int j = 0; j < 4; j++)
                            rowSum[j] = cx[0] * Read(x, src, Tap(cols, rows, 0, j)) + cx[1] * Read(x, src, Tap(cols, rows, 1, j))
                                + cx[2] * Read(x, src, Tap(cols, rows, 2, j)) + cx[3] * Read(x, src, Tap(cols, rows, 3, j));
                        y[dst + c * points] = cy[0] * rowSum[0] + cy[1] * rowSum[1] + cy[2] * rowSum[2] + cy[3] * rowSum[3];
                    }
                }
            }
    }

    private static void Backward2d<T>(T[] gOut, int goOff, T[] x, int xOff, T[] grid, int gOff, in GridSampleGeometry g, T[]? gIn, T[] gGrid)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var ax = new Axis2d<T>(g.W, g.AlignCorners, g.Padding);
        var ay = new Axis2d<T>(g.H, g.AlignCorners, g.Padding);
        int plane = g.H * g.W, points = g.OutVolume;
        Span<T> cx = stackalloc T[4], cy = stackalloc T[4], dcx = stackalloc T[4], dcy = stackalloc T[4];
        Span<long> cols = stackalloc long[4], rows = stackalloc long[4];
        for (int n = 0; n < g.N; n++)
            for (int p = 0; p < points; p++)
            {
                int gi = gOff + (n * points + p) * 2, src = xOff + n * g.C * plane, dst = n * g.C * plane, go = goOff + n * g.C * points + p;
                int gg = (n * points + p) * 2;
                T gx = grid[gi], gy = grid[gi + 1], sx = T.Zero, sy = T.Zero;
                if (g.Mode == GridSampleMode.Bilinear)
                {
                    var (px, mx) = ax.ApplyWithGrad(gx);
                    var (py, my) = ay.ApplyWithGrad(gy);
                    var b = new Bilinear2d<T>(px, py, g.H, g.W);
                    for (int c = 0; c < g.C; c++, src += plane, dst += plane, go += points)
                    {
                        T o = gOut[go];
                        if (gIn is not null)
                        {
                            if (b.AtNw >= 0) gIn[dst + b.AtNw] += o * b.Nw;
                            if (b.AtNe >= 0) gIn[dst + b.AtNe] += o * b.Ne;
                            if (b.AtSw >= 0) gIn[dst + b.AtSw] += o * b.Sw;
                            if (b.AtSe >= 0) gIn[dst + b.AtSe] += o * b.Se;
                        }
                        T nw = Read(x, src, b.AtNw), ne = Read(x, src, b.AtNe), sw = Read(x, src, b.AtSw), se = Read(x, src, b.AtSe);
                        sx += ((ne - nw) * b.S + (se - sw) * b.N) * o;
                        sy += ((sw - nw) * b.E + (se - ne) * b.W) * o;
                    }
                    (gGrid[gg], gGrid[gg + 1]) = (sx * mx, sy * my);
                }
                else if (g.Mode == GridSampleMode.Nearest)
                {
                    int at = At(Index(T.Round(ay.Apply(gy))), Index(T.Round(ax.Apply(gx))), g.H, g.W);
                    if (gIn is not null && at >= 0)
                        for (int c = 0; c < g.C; c++, dst += plane, go += points) gIn[dst + at] += gOut[go];
                    (gGrid[gg], gGrid[gg + 1]) = (T.Zero, T.Zero);
                }
                else
                {
                    T ux = ax.Unnormalize(gx), uy = ay.Unnormalize(gy), fx = T.Floor(ux), fy = T.Floor(uy);
                    Cubic(ux - fx, cx);
                    Cubic(uy - fy, cy);
                    CubicGrad(ux - fx, dcx);
                    CubicGrad(uy - fy, dcy);
                    CubicTaps(ax, ay, fx, fy, g.H, g.W, cols, rows);
                    for (int c = 0; c < g.C; c++, src += plane, dst += plane, go += points)
                    {
                        T o = gOut[go];
                        for (int i = 0; i < 4; i++)
                            for (int j = 0; j < 4; j++)
                            {
                                int at = Tap(cols, rows, i, j);
                                if (gIn is not null && at >= 0) gIn[dst + at] += o * cx[i] * cy[j];
                                T v = Read(x, src, at);
                                sx -= v * o * dcx[i] * cy[j];
                                sy -= v * o * dcy[j] * cx[i];
                            }
                    }
                    (gGrid[gg], gGrid[gg + 1]) = (sx * ax.Scale, sy * ay.Scale);
                }
            }
    }
}
