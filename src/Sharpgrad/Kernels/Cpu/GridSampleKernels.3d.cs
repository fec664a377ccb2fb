using System.Numerics;

namespace Sharpgrad.Kernels.Cpu;

/// <summary>
/// grid_sampler_3d with the formulas of PyTorch's scalar CPU kernel (GridSampler.cpp / GridSampler.h): its
/// unnormalization ((x + 1)/2)·(size - 1) or ((x + 1)·size - 1)/2, fmod-based reflection, trilinear weights from the
/// eight corners and nearest by nearbyint (round half to even).
/// </summary>
internal static partial class GridSampleKernels
{
    private static T Unnormalize3d<T>(T v, int size, bool align) where T : IFloatingPointIeee754<T>
    {
        T two = T.CreateTruncating(2);
        return align ? (v + T.One) / two * T.CreateTruncating(size - 1) : ((v + T.One) * T.CreateTruncating(size) - T.One) / two;
    }

    // std::min(size - 1, std::max(v, 0)): a NaN lands on size - 1
    private static T Clip3d<T>(T v, int size) where T : IFloatingPointIeee754<T>
    {
        T max = T.CreateTruncating(size - 1), lo = v < T.Zero ? T.Zero : v;
        return lo < max ? lo : max;
    }

    /// <summary>The reflection bounds, doubled so that half-integers stay integers: [0, 2(size-1)] or [-1, 2·size - 1].</summary>
    private static (int Low, int High) TwiceBounds(int size, bool align) => align ? (0, 2 * (size - 1)) : (-1, 2 * size - 1);

    /// <summary>static_cast&lt;int&gt;(floor(q)) as x86 gives it: out-of-range values become INT_MIN.</summary>
    private static int Flips<T>(T q) where T : IFloatingPointIeee754<T>
    {
        double d = double.CreateTruncating(T.Floor(q));
        return d >= int.MinValue && d <= int.MaxValue ? (int)d : int.MinValue;
    }

    private static T Reflect3d<T>(T v, int size, bool align) where T : IFloatingPointIeee754<T>
    {
        var (lo, hi) = TwiceBounds(size, align);
        if (lo == hi) return T.Zero;
        T two = T.CreateTruncating(2), min = T.CreateTruncating(lo) / two, span = T.CreateTruncating(hi - lo) / two;
        v = T.Abs(v - min);
        T extra = v % span;
        return Flips(v / span) % 2 == 0 ? extra + min : span - extra + min;
    }

    private static T SourceIndex3d<T>(T v, int size, GridSamplePadding padding, bool align) where T : IFloatingPointIeee754<T>
    {
        v = Unnormalize3d(v, size, align);
        return padding switch
        {
            GridSamplePadding.Zeros => v,
            GridSamplePadding.Border => Clip3d(v, size),
            _ => Clip3d(Reflect3d(v, size, align), size),
        };
    }

    /// <summary>grid_sampler_compute_source_index_set_grad: the source coordinate and its derivative by the grid value.</summary>
    private static (T Value, T Grad) SourceIndexWithGrad3d<T>(T v, int size, GridSamplePadding padding, bool align)
        where T : IFloatingPointIeee754<T>
    {
        T grad = T.CreateTruncating(align ? size - 1 : size) / T.CreateTruncating(2);
        v = Unnormalize3d(v, size, align);
        if (padding == GridSamplePadding.Zeros) return (v, grad);
        if (padding == GridSamplePadding.Reflection)
        {
            var (lo, hi) = TwiceBounds(size, align);
            T refl;
            if (lo == hi) (v, refl) = (T.Zero, T.Zero);
            else
            {
                T two = T.CreateTruncating(2), min = T.CreateTruncating(lo) / two, span = T.CreateTruncating(hi - lo) / two;
                v -= min;
                T sign = v < T.Zero ? -T.One : T.One;
                if (v < T.Zero) v = -v;
                T extra = v % span;
                (v, refl) = Flips(v / span) % 2 == 0 ? (extra + min, sign) : (span - extra + min, -sign);
            }
            grad *= refl;
        }
        // clip_coordinates_set_grad: the borders count as outside
        T max = T.CreateTruncating(size - 1);
        if (v <= T.Zero) return (T.Zero, grad * T.Zero);
        return v >= max ? (max, grad * T.Zero) : (v, grad);
    }

    /// <summary>A trilinear point: its source coordinates and the integer corner below it on each axis.</summary>
    private readonly struct Trilinear3d<T> where T : IFloatingPointIeee754<T>
    {
        private readonly T _x, _y, _z, _x0, _y0, _z0, _x1, _y1, _z1;
        public readonly long Ix, Iy, Iz;

        public Trilinear3d(T x, T y, T z)
        {
            (_x, _y, _z) = (x, y, z);
            (Ix, Iy, Iz) = (Index(T.Floor(x)), Index(T.Floor(y)), Index(T.Floor(z)));
            (_x0, _y0, _z0) = (T.CreateTruncating(Ix), T.CreateTruncating(Iy), T.CreateTruncating(Iz));
            (_x1, _y1, _z1) = (T.CreateTruncating(Ix + 1), T.CreateTruncating(Iy + 1), T.CreateTruncating(Iz + 1));
        }

        // corner k (tnw, tne, tsw, tse, bnw, bne, bsw, bse) sits at +(k & 1) in x, +(k >> 1 & 1) in y, +(k >> 2) in z
        public T Dx(int k) => (k & 1) != 0 ? _x - _x0 : _x1 - _x;
        public T Dy(int k) => (k & 2) != 0 ? _y - _y0 : _y1 - _y;
        public T Dz(int k) => (k & 4) != 0 ? _z - _z0 : _z1 - _z;

        /// <summary>Each corner's flat in-volume offset (-1 outside the volume) and weight, in PyTorch's corner order.</summary>
        public void Corners(in GridSampleGeometry g, Span<int> at, Span<T> weight)
        {
            for (int k = 0; k < 8; k++)
            {
                long z = Iz + (k >> 2);
                int a = GridSampleKernels.At(Iy + (k >> 1 & 1), Ix + (k & 1), g.H, g.W);
                at[k] = z >= 0 && z < g.D && a >= 0 ? (int)(z * g.H * g.W + a) : -1;
                weight[k] = Dx(k) * Dy(k) * Dz(k);
            }
        }
    }

    /// <summary>The (x, y, z) source coordinates of grid point <paramref name="gi"/>.</summary>
    private static (T X, T Y, T Z) Source3d<T>(T[] grid, int gi, in GridSampleGeometry g) where T : IFloatingPointIeee754<T> =>
        (SourceIndex3d(grid[gi], g.W, g.Padding, g.AlignCorners), SourceIndex3d(grid[gi + 1], g.H, g.Padding, g.AlignCorners),
            SourceIndex3d(grid[gi + 2], g.D, g.Padding, g.AlignCorners));

    private static int Nearest3d<T>(T x, T y, T z, in GridSampleGeometry g) where T : IFloatingPointIeee754<T>
    {
        long iz = Index(T.Round(z)), at = At(Index(T.Round(y)), Index(T.Round(x)), g.H, g.W);
        return iz >= 0 && iz < g.D && at >= 0 ? (int)(iz * g.H * g.W + at) : -1;
    }

    private static void Forward3d<T>(T[] x, int xOff, T[] grid, int gOff, in GridSampleGeometry g, T[] y)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int volume = g.InVolume, points = g.OutVolume;
        Span<int> at = stackalloc int[8];
        Span<T> wt = stackalloc T[8];
        for (int n = 0; n < g.N; n++)
            for (int p = 0; p < points; p++)
            {
                int src = xOff + n * g.C * volume, dst = n * g.C * points + p;
                var (sx, sy, sz) = Source3d(grid, gOff + (n * points + p) * 3, g);
                if (g.Mode == GridSampleMode.Nearest)
                {
                    int a = Nearest3d(sx, sy, sz, g);
                    for (int c = 0; c < g.C; c++, src += volume) y[dst + c * points] = Read(x, src, a);
                    continue;
                }
                var t = new Trilinear3d<T>(sx, sy, sz);
                t.Corners(g, at, wt);
                for (int c = 0; c < g.C; c++, src += volume)
                {
                    T sum = T.Zero;
                    for (int k = 0; k < 8; k++)
                        if (at[k] >= 0) sum += x[src + at[k]] * wt[k];
                    y[dst + c * points] = sum;
                }
            }
    }

    private static void Backward3d<T>(T[] gOut, int goOff, T[] x, int xOff, T[] grid, int gOff, in GridSampleGeometry g, T[]? gIn, T[] gGrid)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int volume = g.InVolume, points = g.OutVolume;
        Span<int> at = stackalloc int[8];
        Span<T> wt = stackalloc T[8];
        for (int n = 0; n < g.N; n++)
            for (int p = 0; p < points; p++)
            {
                int gi = gOff + (n * points + p) * 3, gg = (n * points + p) * 3;
                int src = xOff + n * g.C * volume, dst = n * g.C * volume, go = goOff + n * g.C * points + p;
                if (g.Mode == GridSampleMode.Nearest)
                {
                    var (nx, ny, nz) = Source3d(grid, gi, g);
                    int a = Nearest3d(nx, ny, nz, g);
                    if (gIn is not null && a >= 0)
                        for (int c = 0; c < g.C; c++, dst += volume, go += points) gIn[dst + a] += gOut[go];
                    (gGrid[gg], gGrid[gg + 1], gGrid[gg + 2]) = (T.Zero, T.Zero, T.Zero);
                    continue;
                }
                var (sx, mx) = SourceIndexWithGrad3d(grid[gi], g.W, g.Padding, g.AlignCorners);
                var (sy, my) = SourceIndexWithGrad3d(grid[gi + 1], g.H, g.Padding, g.AlignCorners);
                var (sz, mz) = SourceIndexWithGrad3d(grid[gi + 2], g.D, g.Padding, g.AlignCorners);
                var t = new Trilinear3d<T>(sx, sy, sz);
                t.Corners(g, at, wt);
                T gx = T.Zero, gy = T.Zero, gz = T.Zero;
                for (int c = 0; c < g.C; c++, src += volume, dst += volume, go += points)
                {
                    T o = gOut[go];
                    if (gIn is not null)
                        for (int k = 0; k < 8; k++)
                            if (at[k] >= 0) gIn[dst + at[k]] += wt[k] * o;
                    for (int k = 0; k < 8; k++)
                    {
                        if (at[k] < 0) continue;
                        T v = x[src + at[k]];
                        T tx = v * t.Dy(k) * t.Dz(k) * o, ty = v * t.Dx(k) * t.Dz(k) * o, tz = v * t.Dx(k) * t.Dy(k) * o;
                        gx = (k & 1) != 0 ? gx + tx : gx - tx;
                        gy = (k & 2) != 0 ? gy + ty : gy - ty;
                        gz = (k & 4) != 0 ? gz + tz : gz - tz;
                    }
                }
                (gGrid[gg], gGrid[gg + 1], gGrid[gg + 2]) = (mx * gx, my * gy, mz * gz);
            }
    }
}
