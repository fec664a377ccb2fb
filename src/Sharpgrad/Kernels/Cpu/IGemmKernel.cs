using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Sharpgrad.Kernels.Cpu;

/// <summary>
/// A register-tiled micro-kernel plus the cache-blocking parameters that suit it. Implemented by
/// structs so the generic driver is specialized per kernel (no virtual dispatch in the hot loop).
/// </summary>
internal unsafe interface IGemmKernel<T> where T : unmanaged
{
    /// <summary>Rows of the register tile (A is packed in MR-row panels).</summary>
    static abstract int MR { get; }

    /// <summary>Columns of the register tile (B is packed in NR-column panels).</summary>
    static abstract int NR { get; }

    /// <summary>Depth of one packed panel; an MR x KC slice of A should sit in L1.</summary>
    static abstract int KC { get; }

    /// <summary>Rows of A packed at once (kept in L3 / outer L2).</summary>
    static abstract int MC { get; }

    /// <summary>Columns of B packed at once; the KC x NC block should sit in L2.</summary>
    static abstract int NC { get; }

    /// <summary>
    /// c[0..MR, 0..NR] = alpha * (packed A panel x B panel) + beta * c; beta == 0 never reads c. Row p of
    /// the B panel (NR values) starts at b + p*ldb: ldb is NR for a packed panel, or the row stride of a
    /// row-major B read in place.
    /// </summary>
    static abstract void Run(nint kc, T* a, T* b, nint ldb, T* c, nint ldc, T alpha, T beta);

    /// <summary>
    /// Ragged tile: like <see cref="Run"/> but only c[0..rows, 0..cols] (rows &lt;= MR, cols &lt;= NR) is
    /// read or written. The panels are still full MR/NR panels (zero-padded when packed; full NR-wide
    /// rows when B is read in place).
    /// </summary>
    static abstract void RunEdge(int rows, int cols, nint kc, T* a, T* b, nint ldb, T* c, nint ldc, T alpha, T beta);
}

/// <summary>
/// Hardware-agnostic tile (4 rows x two Vector128 widths) for machines without AVX2/AVX-512,
/// e.g. Arm64 where Vector128 maps to NEON.
/// </summary>
internal unsafe struct GemmKernelPortable<T> : IGemmKernel<T>
    where T : unmanaged, INumberBase<T>
{
    public static int MR => 4;
    public static int NR => 2 * Vector128<T>.Count;
    public static int KC => 256;
    public static int MC => 512;
    public static int NC => 512;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(nint kc, T* a, T* b, nint ldb, T* c, nint ldc, T alpha, T beta)
    {
        int w = Vector128<T>.Count;
        Vector128<T> c00 = default, c01 = default, c10 = default, c11 = default;
        Vector128<T> c20 = default, c21 = default, c30 = default, c31 = default;
        for (nint p = 0; p < kc; p++)
        {
            Vector128<T> b0 = Vector128.Load(b);
            Vector128<T> b1 = Vector128.Load(b + w);
            Vector128<T> av = Vector128.Create(a[0]);
            c00 += av * b0; c01 += av * b1;
            av = Vector128.Create(a[1]);
            c10 += av * b0; c11 += av * b1;
            av = Vector128.Create(a[2]);
            c20 += av * b0; c21 += av * b1;
            av = Vector128.Create(a[3]);
            c30 += av * b0; c31 += av * b1;
            a += 4;
            b += ldb;
        }
        Vector128<T> va = Vector128.Create(alpha);
        if (T.IsZero(beta))
        {
            (c00 * va).Store(c); (c01 * va).Store(c + w);
            (c10 * va).Store(c + ldc); (c11 * va).Store(c + ldc + w);
            (c20 * va).Store(c + 2 * ldc); (c21 * va).Store(c + 2 * ldc + w);
            (c30 * va).Store(c + 3 * ldc); (c31 * va).Store(c + 3 * ldc + w);
        }
        else
        {
            Vector128<T> vb = Vector128.Create(beta);
            Upd(c, c00, va, vb); Upd(c + w, c01, va, vb);
            Upd(c + ldc, c10, va, vb); Upd(c + ldc + w, c11, va, vb);
            Upd(c + 2 * ldc, c20, va, vb); Upd(c + 2 * ldc + w, c21, va, vb);
            Upd(c + 3 * ldc, c30, va, vb); Upd(c + 3 * ldc + w, c31, va, vb);
        }
    }

    public static void RunEdge(int rows, int cols, nint kc, T* a, T* b, nint ldb, T* c, nint ldc, T alpha, T beta)
    {
        // Compute the full padded tile privately, then merge the valid part.
        T* tile = stackalloc T[4 * 2 * Vector128<T>.Count];
        int nr = NR;
        Run(kc, a, b, ldb, tile, nr, alpha, T.Zero);
        bool overwrite = T.IsZero(beta);
        for (int r = 0; r < rows; r++)
        {
            T* t = tile + r * nr;
            T* d = c + r * ldc;
            for (int j = 0; j < cols; j++) d[j] = overwrite ? t[j] : t[j] + beta * d[j];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Upd(T* dst, Vector128<T> acc, Vector128<T> va, Vector128<T> vb)
        => (acc * va + Vector128.Load(dst) * vb).Store(dst);
}
