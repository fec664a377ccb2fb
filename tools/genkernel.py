# Usage: python3 tools/genkernel.py avx512 > src/Sharpgrad/Kernels/Cpu/GemmKernels.Avx512.cs (and avx2).
# Generates register-tiled GEMM micro-kernels (C# can't keep an array of vectors in registers,
# so each accumulator must be a separate local).
import sys, os
PACK_PREFETCH_ROWS = int(os.environ.get('PACK_PREFETCH_ROWS', '16'))

def kernel(name, T, bits, mr, nv, fma, kc, mc, nc, unroll=1, packb=False, directa=False):
    V = f"Vector{bits}<{T}>"
    VS = f"Vector{bits}"
    lanes = bits // (32 if T == "float" else 64)
    nr = nv * lanes
    o = []
    w = o.append
    w(f"internal unsafe struct {name} : IGemmKernel<{T}>")
    w("{")
    w(f"    public static int MR => {mr};")
    w(f"    public static int NR => {nr};")
    w(f"    public static int KC => {kc};")
    w(f"    public static int MC => {mc};")
    w(f"    public static int NC => {nc};")
    w("")
    for pack in ([False, True] if packb else [False]):
        run_method(w, T, bits, mr, nv, fma, unroll, lanes, nr, V, VS, pack)
    if directa:
        run_method(w, T, bits, mr, nv, fma, unroll, lanes, nr, V, VS, False, directa=True)
    edge(w, T, bits, mr, nv, fma, lanes, directa)
    w("}")
    s = "\n".join(o)
    return s

def run_method(w, T, bits, mr, nv, fma, unroll, lanes, nr, V, VS, pack, directa=False):
    if directa:
        assert mr <= 15  # three row bases, five rows each
        w("")
        w("    /// <summary>")
        w("    /// <see cref=\"Run\"/> reading A in place: row r of the tile at a + r*<paramref name=\"lda\"/>, k contiguous, instead")
        w("    /// of from a packed panel. For row strides that aren't a multiple of 4 KB, whose 14 rows spread over L1's sets.")
        w("    /// </summary>")
        w("    [MethodImpl(MethodImplOptions.AggressiveOptimization)]")
        w(f"    public static void RunA(nint kc, {T}* a, nint lda, {T}* b, nint ldb, {T}* c, nint ldc, {T} alpha, {T} beta)")
    elif pack:
        w("")
        w("    /// <summary>")
        w("    /// <see cref=\"Run\"/> reading B's panel in place (row stride <paramref name=\"ldb\"/>) and writing it packed to")
        w("    /// <paramref name=\"bp\"/> on the way: the first tile of a panel packs it while its FMAs run, instead of a")
        w("    /// separate packing pass; the stores ride on free store slots of the FMA-bound loop.")
        w("    /// </summary>")
        w("    [MethodImpl(MethodImplOptions.AggressiveOptimization)]")
        w(f"    public static void RunPackB(nint kc, {T}* a, {T}* b, nint ldb, {T}* bp, {T}* c, nint ldc, {T} alpha, {T} beta)")
    else:
        w("    [MethodImpl(MethodImplOptions.AggressiveOptimization)]")
        w(f"    public static void Run(nint kc, {T}* a, {T}* b, nint ldb, {T}* c, nint ldc, {T} alpha, {T} beta)")
    w("    {")
    # C rows are usually cold (L3/DRAM); start fetching them now so the final
    # read-modify-write doesn't stall after the FMA loop.
    row_bytes = nr * (4 if T == "float" else 8)
    for r in range(mr):
        for off in range(0, row_bytes, 64):
            w(f"        Sse.Prefetch0((byte*)(c + {r} * ldc) + {off});")
        w(f"        Sse.Prefetch0((byte*)(c + {r} * ldc) + {row_bytes - 1});")
    for r in range(mr):
        w("        " + " ".join(f"{V} c{r}_{v} = default;" for v in range(nv)))
    def step(off_a, u):
        row = ["", " + ldb", " + ldb2", " + ldb3"][u]
        for v in range(nv):
            w(f"            b{v} = {VS}.Load(b{row} + {v*lanes});")
        if pack:
            # the source rows are strided (a page apart for wide B), where the hardware prefetcher doesn't follow
            w(f"            Sse.Prefetch0((byte*)(b{row} + pfd));")
            w(f"            Sse.Prefetch0((byte*)(b{row} + pfd) + 64);")
            # a tensor's data starts 16 B past a line (the array header), so a 128 B row piece spans three lines
            w(f"            Sse.Prefetch0((byte*)(b{row} + pfd) + {nr * (4 if T == 'float' else 8) - 1});")
            for v in range(nv):
                w(f"            b{v}.Store(bp + {u*nr + v*lanes});")
        for r in range(mr):
            if directa:
                # rows 0-4, 5-9 and 10-13 off three bases, so every address is base + index register + displacement
                base = ["a", "a5", "a10"][r // 5]
                idx = ["", "lda + ", "lda2 + ", "lda3 + ", "lda4 + "][r % 5]
                w(f"            a0 = {VS}.Create({base}[{idx}{off_a // mr}]);")
            else:
                w(f"            a0 = {VS}.Create(a[{off_a + r}]);")
            for v in range(nv):
                w(f"            c{r}_{v} = {fma}(a0, b{v}, c{r}_{v});")
    w(f"        {V} a0;")
    for v in range(nv):
        w(f"        {V} b{v};")
    w("        nint p = 0;")
    w("        nint ldb2 = 2 * ldb, ldb3 = 3 * ldb, ldb4 = 4 * ldb;")
    if directa:
        w("        nint lda2 = 2 * lda, lda3 = 3 * lda, lda4 = 4 * lda;")
        w(f"        {T}* a5 = a + 5 * lda, a10 = a + 10 * lda;")
    if pack:
        w(f"        nint pfd = {PACK_PREFETCH_ROWS} * ldb;")
    if unroll > 1:
        # Unrolled so the loop's pointer and counter updates don't compete with the FMAs for ports.
        w(f"        for (; p <= kc - {unroll}; p += {unroll})")
        w("        {")
        for u in range(unroll):
            step(u * mr, u)
        if directa:
            w(f"            a += {unroll}; a5 += {unroll}; a10 += {unroll};")
        else:
            w(f"            a += {unroll * mr};")
        w(f"            b += ldb{unroll};")
        if pack:
            w(f"            bp += {unroll * nr};")
        w("        }")
    w("        for (; p < kc; p++)")
    w("        {")
    step(0, 0)
    if directa:
        w("            a += 1; a5 += 1; a10 += 1;")
    else:
        w(f"            a += {mr};")
    w(f"            b += ldb;")
    if pack:
        w(f"            bp += {nr};")
    w("        }")
    w(f"        {V} va = {VS}.Create(alpha);")
    w(f"        if (beta == 0)")
    w("        {")
    for r in range(mr):
        for v in range(nv):
            w(f"            (c{r}_{v} * va).Store(c + {r} * ldc + {v*lanes});")
    w("        }")
    w("        else")
    w("        {")
    w(f"            {V} vb = {VS}.Create(beta);")
    for r in range(mr):
        for v in range(nv):
            w(f"            {fma}(c{r}_{v}, va, {VS}.Load(c + {r} * ldc + {v*lanes}) * vb).Store(c + {r} * ldc + {v*lanes});")
    w("        }")
    w("    }")


def edge(w, T, bits, mr, nv, fma, lanes, directa=False):
    """Edge tiles: rows < MR and/or cols < NR, computed in registers and stored with lane masks
    straight into C (A is still read at the packed stride MR, B at NR; both are zero-padded)."""
    V = f"Vector{bits}<{T}>"
    VS = f"Vector{bits}"
    nr = nv * lanes
    itype = "int" if T == "float" else "long"
    if bits == 512:
        mload = f"Avx512F.MaskLoad(p, m, {V}.Zero)"
        mstore = "Avx512F.MaskStore(p, m, v)"
    else:
        mload = "Avx.MaskLoad(p, m)"
        mstore = "Avx.MaskStore(p, m, v)"
    w("")
    w("    /// <summary>Edge tile: rows in [1, MR], cols in [1, NR]; never touches C outside it.</summary>")
    w(f"    public static void RunEdge(int rows, int cols, nint kc, {T}* a, {T}* b, nint ldb, {T}* c, nint ldc, {T} alpha, {T} beta)")
    w("    {")
    w("        switch (rows)")
    w("        {")
    for r in range(1, mr + 1):
        w(f"            case {r}: Edge{r}(cols, kc, a, b, ldb, c, ldc, alpha, beta); break;")
    w("        }")
    w("    }")
    w("")
    w("    [MethodImpl(MethodImplOptions.AggressiveInlining)]")
    w(f"    private static void St({T}* p, {V} acc, {V} va, {T} beta, int n)")
    w("    {")
    w(f"        if (n >= {lanes})")
    w("        {")
    w(f"            if (beta == 0) (acc * va).Store(p);")
    w(f"            else {fma}(acc, va, {VS}.Load(p) * {VS}.Create(beta)).Store(p);")
    w("        }")
    w("        else if (n > 0)")
    w("        {")
    w(f"            {V} m = {VS}.LessThan({VS}.Create({', '.join(f'({itype}){i}' for i in range(lanes))}), {VS}.Create(({itype})n)).As{'Single' if T == 'float' else 'Double'}();")
    w(f"            {V} v = beta == 0 ? acc * va : {fma}(acc, va, {mload} * {VS}.Create(beta));")
    w(f"            {mstore};")
    w("        }")
    w("    }")
    for R in range(1, mr + 1):
        edge_rows(w, T, V, VS, nv, fma, lanes, mr, R, False)
    if directa:
        edge_rows(w, T, V, VS, nv, fma, lanes, mr, mr, True)


def edge_rows(w, T, V, VS, nv, fma, lanes, mr, R, directa):
    """Edge tile of R rows; directa reads A in place (row stride lda), as RunA does."""
    w("")
    if directa:
        w("    /// <summary>A whole-row tile with cols &lt; NR, reading A in place like <see cref=\"RunA\"/>.</summary>")
        w("    [MethodImpl(MethodImplOptions.AggressiveOptimization)]")
        w(f"    public static void RunEdgeA(int cols, nint kc, {T}* a, nint lda, {T}* b, nint ldb, {T}* c, nint ldc, {T} alpha, {T} beta)")
    else:
        w("    [MethodImpl(MethodImplOptions.AggressiveOptimization)]")
        w(f"    private static void Edge{R}(int cols, nint kc, {T}* a, {T}* b, nint ldb, {T}* c, nint ldc, {T} alpha, {T} beta)")
    w("    {")
    for r in range(R):
        w("        " + " ".join(f"{V} c{r}_{v} = default;" for v in range(nv)))
    w("        for (nint p = 0; p < kc; p++)")
    w("        {")
    for v in range(nv):
        w(f"            {V} b{v} = {VS}.Load(b + {v*lanes});")
    for r in range(R):
        w(f"            {V} a{r} = {VS}.Create(a[{f'{r} * lda' if directa and r else r}]);")
        for v in range(nv):
            w(f"            c{r}_{v} = {fma}(a{r}, b{v}, c{r}_{v});")
    w(f"            a += {1 if directa else mr};")
    w(f"            b += ldb;")
    w("        }")
    w(f"        {V} va = {VS}.Create(alpha);")
    for r in range(R):
        w("        " + " ".join(f"St(c + {r} * ldc + {v*lanes}, c{r}_{v}, va, beta, cols - {v*lanes});" for v in range(nv)))
    w("    }")

hdr = """// <auto-generated> by tools/genkernel.py; edit the generator, not this file. </auto-generated>
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Sharpgrad.Kernels.Cpu;
"""
if __name__ == "__main__":
    which = sys.argv[1]
    if which == "avx512":
        print(hdr)
        print("// KC x NC block of B = 512 KB (was 256 x 1024 = 1 MB): a quarter of the 2 MB L2 leaves room for the")
        print("// A stream and C, and for a co-scheduled hyperthread on a shared host. Measured interleaved")
        print("// call-by-call on the 2-vCPU AVX-512 VM: +4-8% at 2 threads and +3-5% at 1 thread for n >= 1024.")
        print("/// <summary>AVX-512 float tile: 14 rows x 32 columns (28 zmm accumulators).</summary>")
        print(kernel("SgemmKernelAvx512", "float", 512, 14, 2, "Avx512F.FusedMultiplyAdd", 512, 1536, 256, unroll=4, packb=True, directa=True))
        print()
        print("/// <summary>AVX-512 double tile: 14 rows x 16 columns.</summary>")
        print(kernel("DgemmKernelAvx512", "double", 512, 14, 2, "Avx512F.FusedMultiplyAdd", 192, 768, 512, packb=True, directa=True))
    elif which == "avx2":
        print(hdr)
        print("/// <summary>AVX2+FMA float tile: 6 rows x 16 columns (12 ymm accumulators).</summary>")
        print(kernel("SgemmKernelAvx2", "float", 256, 6, 2, "Fma.MultiplyAdd", 256, 1536, 1024))
        print()
        print("/// <summary>AVX2+FMA double tile: 6 rows x 8 columns.</summary>")
        print(kernel("DgemmKernelAvx2", "double", 256, 6, 2, "Fma.MultiplyAdd", 256, 768, 512))
