using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using System.Threading;
using System.Threading.Tasks;

namespace Sharpgrad.Kernels.Cpu;

/// <summary>
/// Goto/BLIS-style blocked GEMM driver: A is packed into MR-row panels (kept hot in L1 during a row
/// of micro-kernel calls), B into NR-column panels (a KC x NC block lives in L2). Transposes are
/// absorbed by the packing routines, so the micro-kernel only ever sees one layout. Where a packed
/// copy buys nothing, the AVX-512 float kernel reads an operand in place instead (see Run).
/// </summary>
internal static unsafe class GemmDriver<T, TK>
    where T : unmanaged, INumberBase<T>
    where TK : struct, IGemmKernel<T>
{
    // Packed panels are read with full-width vector loads; keep them cache-line aligned.
    private const int AlignBytes = 64;
    // At or below this many rows (and with a k deep enough to amortize per-panel work), B is packed
    // and consumed one NR panel at a time; see PanelStream. Measured on AVX-512 at m=64: +8-10% for
    // nn, about even for nt; at m=256 no gain, so larger m keeps the KC x NC block schedule.
    private const int PanelMaxM = 96;
    private const int PanelMinK = 32;
    // Rows per thread from which M is split even when N is longer (see RunParallel).
    private const int SplitMMinRows = 128;
    // A row-major B with rows at most this wide (1 KB and a cache line) is read in place: see Run.
    private const int DirectBMaxRowBytes = 1024 + AlignBytes;

    /// <summary>Splits the larger of M/N into per-thread slabs; each slab runs the serial driver.</summary>
    public static void RunParallel(int threads, bool transA, bool transB, int m, int n, int k, T alpha,
        T* a, nint lda, T* b, nint ldb, T beta, T* c, nint ldc, T* bias = null)
    {
        // Slabs are whole micro-tiles so no thread gets ragged edges it didn't need. Splitting M
        // duplicates B packing per thread, splitting N duplicates A packing; both are O(k*(m+n)).
        // Row slabs win whenever each thread gets a deep slab: a thread then reads only its own rows
        // of A and writes its own rows of C, the same row ranges an element-wise op before or after
        // splits by, so activations stay in the core that produced them. Measured on the 784-512-512-10
        // MLP forward at batch 256 (2 threads): 1.30 ms against 1.40 ms splitting N.
        // Also when each slab reads A in place (see Run) and column slabs would split B's packing instead of
        // duplicating it: the MLP's 784 -> 512 layer alone ran 2% faster that way, but its whole forward 1-2% slower
        // and 256^3 / 512^3 1-3% slower (2 threads, interleaved).
        bool splitM = m >= n || m >= threads * SplitMMinRows;
        int dim = splitM ? m : n;
        int unit = splitM ? TK.MR : TK.NR;
        int units = (dim + unit - 1) / unit;
        threads = Math.Min(threads, units);
        if (threads <= 1)
        {
            Run(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, bias);
            return;
        }

        nint pa = (nint)a, pb = (nint)b, pc = (nint)c, pbias = (nint)bias;
        WorkerPool.Run(threads, threads, t =>
        {
            int u0 = (int)((long)units * t / threads), u1 = (int)((long)units * (t + 1) / threads);
            int s0 = u0 * unit, s1 = Math.Min(dim, u1 * unit);
            if (s1 <= s0) return;
            T* ta = (T*)pa, tb = (T*)pb, tc = (T*)pc, tbias = (T*)pbias;
            if (splitM)
            {
                ta += transA ? s0 : s0 * lda;
                tc += s0 * ldc;
                Run(transA, transB, s1 - s0, n, k, alpha, ta, lda, tb, ldb, beta, tc, ldc, tbias);
            }
            else
            {
                tb += transB ? s0 * ldb : s0;
                tc += s0;
                if (tbias != null) tbias += s0;
                Run(transA, transB, m, s1 - s0, k, alpha, ta, lda, tb, ldb, beta, tc, ldc, tbias);
            }
        });
    }

    /// <summary>
    /// Single-threaded blocked GEMM. Requires m, n, k &gt; 0. A non-null <paramref name="bias"/> (n values,
    /// beta must be 0) is added to every row: each C tile is seeded with it just before its first K
    /// block, while the tile is about to be in L1 anyway, instead of in a separate pass over C.
    /// </summary>
    public static void Run(bool transA, bool transB, int m, int n, int k, T alpha,
        T* a, nint lda, T* b, nint ldb, T beta, T* c, nint ldc, T* bias = null)
    {
        int mr = TK.MR, nr = TK.NR;
        // Split k into near-equal blocks of about KC (up to 1.5 KC) instead of leaving a thin last
        // block (k=784 with KC=256 would end in a 16-deep pass that re-reads and re-writes all of C).
        int kBlocks = Math.Max(1, (k + TK.KC / 2) / TK.KC);
        int kcMax = (k + kBlocks - 1) / kBlocks;
        // Block sizes are whole panels: packing always writes full zero-padded MR/NR panels, so a
        // block that split a panel would write past its region.
        int mcMax = RoundUp(Math.Min(Math.Max(TK.MC / mr, 1) * mr, m), mr);
        int ncMax = RoundUp(Math.Min(Math.Max(TK.NC / nr, 1) * nr, n), nr);
        bool panelB = m <= PanelMaxM && k >= PanelMinK;
        // A row-major B with narrow rows is one near-contiguous run per K block, which the kernel can
        // stream in place as well as a packed copy: no packing pass, and at two threads no row slab
        // packing all of B again. Wider rows are strided in the block and lost (L2 sets and prefetch).
        // Measured on the 2-vCPU AVX-512 VM, in place against packed: 256^3 +7% at 1 thread and +6-18%
        // at 2; rows of 2-8 KB (512^3 to 2048^3) -10% to -60%, so those keep packing.
        bool directB = !transB && !panelB && ldb * sizeof(T) <= DirectBMaxRowBytes;
        // A wider row-major B is packed by the first row of tiles of each block while it computes (RunPackB),
        // not in a pass of its own (for doubles too: 512^3 +1%, 1024^3 +1.6% at 1 thread).
        bool fuseB = !transB && !panelB && !directB && HasInPlaceVariants;
        // A row-major A is read in place too (RunA) when its rows aren't a multiple of 4 KB apart: a tile's 14 rows
        // then spread over L1's sets (4 KB apart they would all share one, more rows than it has ways). Only the
        // ragged last panel, and the first when it packs B as it computes (RunPackB reads packed A), are packed.
        // Whole-row tiles narrower than NR read it in place as well (RunEdgeA). Measured on the
        // 2-vCPU AVX-512 VM, 1 thread, in place against packed: 256^3 +4%, 512^3 +3-6%, 992-1504 +2.5-4%; the
        // small-m schedule too: the MLP's x @ W.T at batch 64 (2 threads) 784 -> 512 -3%, 512 -> 512 -4%. The double
        // kernel likewise: 256^3 +6%, 300^3 +10%, 1000^3 +6% (1 thread).
        bool directA = ReadsAInPlace(transA, lda);
        if (panelB) ncMax = nr;
        int align = AlignBytes / sizeof(T);
        // Each region is rounded to the alignment and followed by 8 elements of slack for
        // GemmPackF32's overrun past the last A panel.
        int aLen = RoundUp(mcMax * kcMax + 8, align), bLen = RoundUp(ncMax * kcMax + 8, align);

        T[] buf = PackBufferPool<T>.Rent(aLen + bLen + align);
        T* ap = Align((T*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(buf)));
        T* bp = ap + aLen;
        for (int ic = 0; ic < m; ic += mcMax)
        {
            int mc = Math.Min(mcMax, m - ic);
            for (int pc = 0; pc < k; pc += kcMax)
            {
                int kc = Math.Min(kcMax, k - pc);
                // Later K blocks accumulate onto what the first one wrote.
                T betaEff = pc == 0 && bias == null ? beta : T.One;
                T* seed = pc == 0 ? bias : null;
                if (!directA)
                    PackA(transA, a, lda, ic, pc, mc, kc, ap);
                else
                {
                    int whole = mc / mr * mr;
                    if (fuseB && whole > 0) PackA(transA, a, lda, ic, pc, mr, kc, ap);
                    if (whole < mc) PackA(transA, a, lda, ic + whole, pc, mc - whole, kc, ap + (nint)whole * kc);
                }
                if (panelB)
                {
                    PanelStream(transB, b, ldb, pc, n, kc, mc, alpha, ap, directA ? a + ic * lda + pc : null, lda, bp, betaEff,
                        c + ic * ldc, ldc, seed);
                    continue;
                }
                for (int jc = 0; jc < n; jc += ncMax)
                {
                    int nc = Math.Min(ncMax, n - jc);
                    // Full NR-wide panels of a direct B are read in place, those of a fused B packed as the first
                    // row of tiles reads them; only a ragged last panel is packed up front.
                    int ncDirect = directB ? nc / nr * nr : 0;
                    int ncFused = fuseB && mc >= mr ? nc / nr * nr : 0;
                    int ncUpFront = Math.Max(ncDirect, ncFused);
                    if (ncUpFront < nc) PackB(transB, b, ldb, pc, jc + ncUpFront, kc, nc - ncUpFront, bp + (nint)ncFused * kc);
                    Macro(mc, nc, kc, alpha, ap, directA ? a + ic * lda + pc : null, lda, b + (nint)pc * ldb + jc, ldb, ncDirect, ncFused,
                        bp, betaEff, c + ic * ldc + jc, ldc, seed == null ? null : seed + jc);
                }
            }
        }
        PackBufferPool<T>.Return(buf);
    }

    /// <summary>The AVX-512 kernels, which also come in forms that read A or B in place (RunA, RunEdgeA, RunPackB).</summary>
    private static bool HasInPlaceVariants => typeof(TK) == typeof(SgemmKernelAvx512) || typeof(TK) == typeof(DgemmKernelAvx512);

    private static bool ReadsAInPlace(bool transA, nint lda) => !transA && HasInPlaceVariants && lda * sizeof(T) % 4096 != 0;

    /// <summary>
    /// Small-m schedule: B is packed one NR panel at a time (the panel stays in L1 while every A
    /// panel of the block passes over it) instead of packing a KC x NC block that is then re-read
    /// from L2 only a few times.
    /// </summary>
    private static void PanelStream(bool transB, T* b, nint ldb, int pc, int n, int kc, int mc, T alpha,
        T* ap, T* aDirect, nint lda, T* bp, T beta, T* c, nint ldc, T* seed)
    {
        int mr = TK.MR, nr = TK.NR;
        int nIr = (mc + mr - 1) / mr;
        PackB(transB, b, ldb, pc, 0, kc, Math.Min(nr, n), bp);
        for (int jr = 0; jr < n; jr += nr)
        {
            int nrr = Math.Min(nr, n - jr);
            int jn = jr + nr, nrNext = Math.Min(nr, n - jn);
            for (int i = 0; i < nIr; i++)
            {
                int ir = i * mr;
                int mrr = Math.Min(mr, mc - ir);
                T* pa = ap + (nint)ir * kc;
                T* cc = c + ir * ldc + jr;
                if (seed != null) Seed(cc, ldc, mrr, nrr, seed + jr);
                if (mrr == mr && aDirect != null)
                    RunDirectA(nrr, kc, aDirect + ir * lda, lda, bp, nr, cc, ldc, alpha, beta);
                else if (mrr == mr && nrr == nr)
                    TK.Run(kc, pa, bp, nr, cc, ldc, alpha, beta);
                else
                    TK.RunEdge(mrr, nrr, kc, pa, bp, nr, cc, ldc, alpha, beta);
            }
            if (nrNext > 0) PackB(transB, b, ldb, pc, jn, kc, nrNext, bp);
        }
    }

    /// <summary>
    /// One mc x nc block: panels left of <paramref name="ncDirect"/> are read in place from
    /// <paramref name="bDirect"/> (row stride <paramref name="ldbDirect"/>), the rest from the packed block; panels
    /// left of <paramref name="ncFused"/> are packed there by the block's first row of tiles. A non-null
    /// <paramref name="aDirect"/> (row stride <paramref name="lda"/>) is read in place by whole tiles.
    /// </summary>
    private static void Macro(int mc, int nc, int kc, T alpha, T* ap, T* aDirect, nint lda, T* bDirect, nint ldbDirect, int ncDirect,
        int ncFused, T* bp, T beta, T* c, nint ldc, T* seed)
    {
        int mr = TK.MR, nr = TK.NR;
        for (int ir = 0; ir < mc; ir += mr)
        {
            int mrr = Math.Min(mr, mc - ir);
            T* pa = ap + (nint)ir * kc;
            T* crow = c + ir * ldc;
            for (int jr = 0; jr < nc; jr += nr)
            {
                int nrr = Math.Min(nr, nc - jr);
                bool direct = jr < ncDirect;
                T* pb = direct ? bDirect + jr : bp + (nint)(jr - ncDirect) * kc;
                nint ldbp = direct ? ldbDirect : nr;
                if (seed != null) Seed(crow + jr, ldc, mrr, nrr, seed + jr);
                if (ir == 0 && jr < ncFused)
                    RunPackB(kc, pa, bDirect + jr, ldbDirect, pb, crow + jr, ldc, alpha, beta);
                else if (mrr == mr && aDirect != null)
                    RunDirectA(nrr, kc, aDirect + ir * lda, lda, pb, ldbp, crow + jr, ldc, alpha, beta);
                else if (mrr == mr && nrr == nr)
                    TK.Run(kc, pa, pb, ldbp, crow + jr, ldc, alpha, beta);
                else
                    TK.RunEdge(mrr, nrr, kc, pa, pb, ldbp, crow + jr, ldc, alpha, beta);
            }
        }
    }

    /// <summary>A full tile that packs its B panel from <paramref name="b"/> as it computes; only the AVX-512 kernels get here.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void RunPackB(int kc, T* a, T* b, nint ldb, T* bp, T* c, nint ldc, T alpha, T beta)
    {
        if (typeof(TK) == typeof(SgemmKernelAvx512))
            SgemmKernelAvx512.RunPackB(kc, (float*)a, (float*)b, ldb, (float*)bp, (float*)c, ldc, Unsafe.As<T, float>(ref alpha), Unsafe.As<T, float>(ref beta));
        else
            DgemmKernelAvx512.RunPackB(kc, (double*)a, (double*)b, ldb, (double*)bp, (double*)c, ldc, Unsafe.As<T, double>(ref alpha), Unsafe.As<T, double>(ref beta));
    }

    /// <summary>A whole-row tile (cols &lt;= NR) with A read in place; only the AVX-512 kernels get here.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void RunDirectA(int cols, int kc, T* a, nint lda, T* b, nint ldb, T* c, nint ldc, T alpha, T beta)
    {
        if (typeof(TK) == typeof(SgemmKernelAvx512))
        {
            float fa = Unsafe.As<T, float>(ref alpha), fb = Unsafe.As<T, float>(ref beta);
            if (cols == TK.NR) SgemmKernelAvx512.RunA(kc, (float*)a, lda, (float*)b, ldb, (float*)c, ldc, fa, fb);
            else SgemmKernelAvx512.RunEdgeA(cols, kc, (float*)a, lda, (float*)b, ldb, (float*)c, ldc, fa, fb);
        }
        else
        {
            double da = Unsafe.As<T, double>(ref alpha), db = Unsafe.As<T, double>(ref beta);
            if (cols == TK.NR) DgemmKernelAvx512.RunA(kc, (double*)a, lda, (double*)b, ldb, (double*)c, ldc, da, db);
            else DgemmKernelAvx512.RunEdgeA(cols, kc, (double*)a, lda, (double*)b, ldb, (double*)c, ldc, da, db);
        }
    }

    /// <summary>Packs op(A)[i0.., p0..] (mc x kc) into MR-row panels, element (r,p) at p*MR+r, zero-padded.</summary>
    private static void PackA(bool transA, T* a, nint lda, int i0, int p0, int mc, int kc, T* dst)
    {
        int mr = TK.MR;
        for (int ir = 0; ir < mc; ir += mr)
        {
            int rows = Math.Min(mr, mc - ir);
            T* d = dst + (nint)ir * kc;
            if (transA)
            {
                // op(A)(i,p) = a[p*lda + i]: each k-step is a contiguous run of rows.
                T* s = a + (nint)p0 * lda + i0 + ir;
                if (rows == mr)
                {
                    for (int p = 0; p < kc; p++, s += lda, d += mr)
                        Unsafe.CopyBlockUnaligned(d, s, (uint)(mr * sizeof(T)));
                }
                else
                {
                    for (int p = 0; p < kc; p++, s += lda, d += mr)
                    {
                        int r = 0;
                        for (; r < rows; r++) d[r] = s[r];
                        for (; r < mr; r++) d[r] = T.Zero;
                    }
                }
            }
            else if (typeof(T) == typeof(float) && mr == 14 && Avx512F.IsSupported)
            {
                GemmPackF32Avx512.PackRowsToPanel14((float*)(a + (nint)(i0 + ir) * lda + p0), lda, rows, kc, (float*)d);
            }
            else if (typeof(T) == typeof(float) && Avx.IsSupported)
            {
                GemmPackF32.PackRowsToPanel((float*)(a + (nint)(i0 + ir) * lda + p0), lda, rows, mr, kc, (float*)d);
            }
            else
            {
                int r = 0;
                for (; r < rows; r++)
                {
                    T* s = a + (nint)(i0 + ir + r) * lda + p0;
                    T* dd = d + r;
                    for (int p = 0; p < kc; p++) dd[(nint)p * mr] = s[p];
                }
                for (; r < mr; r++)
                {
                    T* dd = d + r;
                    for (int p = 0; p < kc; p++) dd[(nint)p * mr] = T.Zero;
                }
            }
        }
    }

    /// <summary>Packs op(B)[p0.., j0..] (kc x nc) into NR-column panels, element (p,j) at p*NR+j, zero-padded.</summary>
    private static void PackB(bool transB, T* b, nint ldb, int p0, int j0, int kc, int nc, T* dst)
    {
        int nr = TK.NR;
        for (int jr = 0; jr < nc; jr += nr)
        {
            int cols = Math.Min(nr, nc - jr);
            T* d = dst + (nint)jr * kc;
            if (!transB)
            {
                T* s = b + (nint)p0 * ldb + j0 + jr;
                if (cols == nr)
                {
                    for (int p = 0; p < kc; p++, s += ldb, d += nr)
                        Unsafe.CopyBlockUnaligned(d, s, (uint)(nr * sizeof(T)));
                }
                else
                {
                    for (int p = 0; p < kc; p++, s += ldb, d += nr)
                    {
                        int j = 0;
                        for (; j < cols; j++) d[j] = s[j];
                        for (; j < nr; j++) d[j] = T.Zero;
                    }
                }
            }
            else if (typeof(T) == typeof(float) && cols == nr && nr == 32 && Avx512F.IsSupported)
            {
                GemmPackF32Avx512.PackColsToPanel32((float*)(b + (nint)(j0 + jr) * ldb + p0), ldb, kc, (float*)d);
            }
            else if (typeof(T) == typeof(float) && Avx.IsSupported && cols == nr && nr % 8 == 0)
            {
                GemmPackF32.PackColsToPanel((float*)(b + (nint)(j0 + jr) * ldb + p0), ldb, nr, kc, (float*)d);
            }
            else
            {
                // op(B)(p,j) = b[j*ldb + p]
                int j = 0;
                for (; j < cols; j++)
                {
                    T* s = b + (nint)(j0 + jr + j) * ldb + p0;
                    T* dd = d + j;
                    for (int p = 0; p < kc; p++) dd[(nint)p * nr] = s[p];
                }
                for (; j < nr; j++)
                {
                    T* dd = d + j;
                    for (int p = 0; p < kc; p++) dd[(nint)p * nr] = T.Zero;
                }
            }
        }
    }

    /// <summary>Copies the bias slice into each row of a rows x cols C tile (the kernel then accumulates onto it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Seed(T* c, nint ldc, int rows, int cols, T* bias)
    {
        uint bytes = (uint)(cols * sizeof(T));
        for (int r = 0; r < rows; r++, c += ldc)
            Unsafe.CopyBlockUnaligned(c, bias, bytes);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int RoundUp(int x, int m) => (x + m - 1) / m * m;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T* Align(T* p) => (T*)(((nint)p + (AlignBytes - 1)) & ~(nint)(AlignBytes - 1));
}

/// <summary>
/// Small lock-free cache of pinned packing buffers. Not ArrayPool: the blocks are hundreds of KB to
/// a few MB and the shared pool's trimming/per-core partitioning kept re-allocating them under
/// parallel calls (LOH churn). Not thread-static: that would pin one buffer per pool thread that
/// ever ran a GEMM. Pinned-heap arrays keep raw pointers valid without fixed.
/// </summary>
internal static class PackBufferPool<T> where T : unmanaged
{
    private static readonly T[]?[] s_slots = new T[]?[Math.Max(4, 2 * Environment.ProcessorCount)];

    public static T[] Rent(int length)
    {
        T[]?[] slots = s_slots;
        for (int i = 0; i < slots.Length; i++)
        {
            if (Volatile.Read(ref slots[i]) is null) continue;
            T[]? b = Interlocked.Exchange(ref slots[i], null);
            if (b is null) continue;
            if (b.Length >= length) return b;
            // Too small for this shape: drop it so the cache converges on the largest size in use.
        }
        // A floor keeps a run of tiny packed calls from each leaving a differently sized buffer behind.
        return GC.AllocateUninitializedArray<T>(Math.Max(length, 1 << 15), pinned: true);
    }

    public static void Return(T[] buffer)
    {
        T[]?[] slots = s_slots;
        for (int i = 0; i < slots.Length; i++)
            if (Interlocked.CompareExchange(ref slots[i], buffer, null) is null) return;
    }
}
