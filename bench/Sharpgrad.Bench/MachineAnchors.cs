using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using static Sharpgrad.Bench.Harness;

namespace Sharpgrad.Bench;

/// <summary>
/// The peer's pure-C# machine anchors (no Sharpgrad involved), re-implemented: FMA peak and clock,
/// and streaming bandwidth over 16M floats. Same names as the peer's cpu.* / cs.* lines, so a
/// Sharpgrad-vs-libtorch ratio far from 1 on these rows measures the noise of the run itself.
/// </summary>
internal static unsafe class MachineAnchors
{
    private static volatile float s_sinkF;
    private static volatile int s_sinkI;

    private const int Accumulators = 12;

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static float Fma512(long iters)
    {
        var m = Vector512.Create(0.9999999f);
        var c = Vector512.Create(1e-7f);
        Vector512<float> a0 = Vector512.Create(1.00f), a1 = Vector512.Create(1.01f), a2 = Vector512.Create(1.02f),
            a3 = Vector512.Create(1.03f), a4 = Vector512.Create(1.04f), a5 = Vector512.Create(1.05f),
            a6 = Vector512.Create(1.06f), a7 = Vector512.Create(1.07f), a8 = Vector512.Create(1.08f),
            a9 = Vector512.Create(1.09f), a10 = Vector512.Create(1.10f), a11 = Vector512.Create(1.11f);
        for (long i = 0; i < iters; i++)
        {
            a0 = Vector512.FusedMultiplyAdd(a0, m, c); a1 = Vector512.FusedMultiplyAdd(a1, m, c);
            a2 = Vector512.FusedMultiplyAdd(a2, m, c); a3 = Vector512.FusedMultiplyAdd(a3, m, c);
            a4 = Vector512.FusedMultiplyAdd(a4, m, c); a5 = Vector512.FusedMultiplyAdd(a5, m, c);
            a6 = Vector512.FusedMultiplyAdd(a6, m, c); a7 = Vector512.FusedMultiplyAdd(a7, m, c);
            a8 = Vector512.FusedMultiplyAdd(a8, m, c); a9 = Vector512.FusedMultiplyAdd(a9, m, c);
            a10 = Vector512.FusedMultiplyAdd(a10, m, c); a11 = Vector512.FusedMultiplyAdd(a11, m, c);
        }
        return (a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11).GetElement(0);
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static float Fma256(long iters)
    {
        var m = Vector256.Create(0.9999999f);
        var c = Vector256.Create(1e-7f);
        Vector256<float> a0 = Vector256.Create(1.00f), a1 = Vector256.Create(1.01f), a2 = Vector256.Create(1.02f),
            a3 = Vector256.Create(1.03f), a4 = Vector256.Create(1.04f), a5 = Vector256.Create(1.05f),
            a6 = Vector256.Create(1.06f), a7 = Vector256.Create(1.07f), a8 = Vector256.Create(1.08f),
            a9 = Vector256.Create(1.09f), a10 = Vector256.Create(1.10f), a11 = Vector256.Create(1.11f);
        for (long i = 0; i < iters; i++)
        {
            a0 = Vector256.FusedMultiplyAdd(a0, m, c); a1 = Vector256.FusedMultiplyAdd(a1, m, c);
            a2 = Vector256.FusedMultiplyAdd(a2, m, c); a3 = Vector256.FusedMultiplyAdd(a3, m, c);
            a4 = Vector256.FusedMultiplyAdd(a4, m, c); a5 = Vector256.FusedMultiplyAdd(a5, m, c);
            a6 = Vector256.FusedMultiplyAdd(a6, m, c); a7 = Vector256.FusedMultiplyAdd(a7, m, c);
            a8 = Vector256.FusedMultiplyAdd(a8, m, c); a9 = Vector256.FusedMultiplyAdd(a9, m, c);
            a10 = Vector256.FusedMultiplyAdd(a10, m, c); a11 = Vector256.FusedMultiplyAdd(a11, m, c);
        }
        return (a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11).GetElement(0);
    }

    /// <summary>One dependent chain of 8 FMAs per iteration: its latency gives the clock (4 cycles/FMA).</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static float FmaChain(long iters)
    {
        var m = Vector256.Create(0.9999999f);
        var c = Vector256.Create(1e-7f);
        var a = Vector256.Create(1.0f);
        for (long i = 0; i < iters; i++)
        {
            for (int j = 0; j < 8; j++) a = Vector256.FusedMultiplyAdd(a, m, c);
        }
        return a.GetElement(0);
    }

    /// <summary>A dependent add/xor chain, 8 one-cycle ops per iteration.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static long IntChain(long iters, long k)
    {
        long x = 0;
        for (long i = 0; i < iters; i++)
        {
            x += k; x ^= i; x += k; x ^= i; x += k; x ^= i; x += k; x ^= i;
        }
        return x;
    }

    private static void OnThreads(int threads, Action work)
    {
        if (threads == 1) { work(); return; }
        var ts = new Thread[threads];
        for (int i = 0; i < threads; i++) (ts[i] = new Thread(() => work())).Start();
        foreach (var t in ts) t.Join();
    }

    public static void Peak()
    {
        Info($"Vector512.IsHardwareAccelerated={Vector512.IsHardwareAccelerated} Avx512F={System.Runtime.Intrinsics.X86.Avx512F.IsSupported} Fma={System.Runtime.Intrinsics.X86.Fma.IsSupported}");
        var chain = Map(SecondsPerIter(n => s_sinkF = FmaChain(n)), s => s * 1e9 / 8);
        Emit("cpu.fma256_dep_chain", chain, "ns/fma");
        Emit("cpu.clock_from_fma_latency4", Map(chain, ns => 4.0 / ns), "GHz");
        var ints = SecondsPerIter(n => s_sinkI = (int)IntChain(n, 3));
        Emit("cpu.clock_from_int_chain", Map(ints, s => 8.0 / (s * 1e9)), "GHz");
        foreach (int threads in new[] { 1, 2 })
        {
            const long iters = 25_000_000;
            OnThreads(threads, () => s_sinkF = Fma512(iters / 5));
            OnThreads(threads, () => s_sinkF = Fma256(iters / 5));
            var t512 = Repeat(() => OnThreads(threads, () => s_sinkF = Fma512(iters)), DefaultReps);
            Emit($"cpu.fma512_peak.t{threads}", Map(t512, t => threads * iters * (Accumulators * 16 * 2.0) / t / 1e9), "GFLOP/s");
            var t256 = Repeat(() => OnThreads(threads, () => s_sinkF = Fma256(iters)), DefaultReps);
            Emit($"cpu.fma256_peak.t{threads}", Map(t256, t => threads * iters * (Accumulators * 8 * 2.0) / t / 1e9), "GFLOP/s");
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Add(float* a, float* b, float* c, long from, long to, bool nonTemporal)
    {
        for (long i = from; i < to; i += 16)
        {
            var v = Vector512.LoadAligned(a + i) + Vector512.LoadAligned(b + i);
            if (nonTemporal) Vector512.StoreAlignedNonTemporal(v, c + i);
            else Vector512.StoreAligned(v, c + i);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Copy(float* a, float* c, long from, long to)
    {
        for (long i = from; i < to; i += 16) Vector512.StoreAligned(Vector512.LoadAligned(a + i), c + i);
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static float Sum(float* a, long from, long to)
    {
        Vector512<float> s0 = default, s1 = default, s2 = default, s3 = default;
        for (long i = from; i < to; i += 64)
        {
            s0 += Vector512.LoadAligned(a + i);
            s1 += Vector512.LoadAligned(a + i + 16);
            s2 += Vector512.LoadAligned(a + i + 32);
            s3 += Vector512.LoadAligned(a + i + 48);
        }
        return Vector512.Sum(s0 + s1 + s2 + s3);
    }

    public static void Bandwidth(int threads)
    {
        const long N = 16L << 20;
        float* a = (float*)NativeMemory.AlignedAlloc((nuint)(N * 4), 64);
        float* b = (float*)NativeMemory.AlignedAlloc((nuint)(N * 4), 64);
        float* c = (float*)NativeMemory.AlignedAlloc((nuint)(N * 4), 64);
        for (long i = 0; i < N; i++) { a[i] = i * 1e-6f; b[i] = 1f; c[i] = 0f; }
        Info($"C# Vector512 loops over 16M floats (64 MiB/array), {threads} thread(s) (persistent fork-join helpers); GB = 1e9 B, 12 B/element for add, 8 copy, 4 read; write-allocate (RFO) traffic not counted");
        using var pool = new ForkJoin(threads);
        var add = SecondsPerIter(n => { for (long k = 0; k < n; k++) pool.Run(N, (f, t) => Add(a, b, c, f, t, false)); });
        Emit($"cs.add16M.t{threads}", Map(add, s => 12.0 * N / s / 1e9), "GB/s");
        Emit($"cs.add16M.t{threads}.time", Map(add, s => s * 1e3), "ms/op");
        var nt = SecondsPerIter(n => { for (long k = 0; k < n; k++) pool.Run(N, (f, t) => Add(a, b, c, f, t, true)); });
        Emit($"cs.add16M_ntstore.t{threads}", Map(nt, s => 12.0 * N / s / 1e9), "GB/s");
        var inplace = SecondsPerIter(n => { for (long k = 0; k < n; k++) pool.Run(N, (f, t) => Add(c, b, c, f, t, false)); });
        Emit($"cs.add16M_inplace.t{threads}", Map(inplace, s => 12.0 * N / s / 1e9), "GB/s");
        var copy = SecondsPerIter(n => { for (long k = 0; k < n; k++) pool.Run(N, (f, t) => Copy(a, c, f, t)); });
        Emit($"cs.copy16M.t{threads}", Map(copy, s => 8.0 * N / s / 1e9), "GB/s");
        var read = SecondsPerIter(n => { for (long k = 0; k < n; k++) pool.Run(N, (f, t) => s_sinkF = Sum(a, f, t)); });
        Emit($"cs.read16M.t{threads}", Map(read, s => 4.0 * N / s / 1e9), "GB/s");
        NativeMemory.AlignedFree(a);
        NativeMemory.AlignedFree(b);
        NativeMemory.AlignedFree(c);
    }

    /// <summary>Persistent helper threads; the caller runs chunk 0 (a fork-join pool like OpenMP's).</summary>
    private sealed class ForkJoin : IDisposable
    {
        private readonly int _threads;
        private readonly SemaphoreSlim[] _go;
        private readonly CountdownEvent _done;
        private Action<long, long>? _job;
        private long _n;
        private volatile bool _stop;

        public ForkJoin(int threads)
        {
            _threads = threads;
            _go = new SemaphoreSlim[threads];
            _done = new CountdownEvent(1);
            for (int id = 1; id < threads; id++)
            {
                int me = id;
                _go[me] = new SemaphoreSlim(0);
                new Thread(() => Loop(me)) { IsBackground = true }.Start();
            }
        }

        private void Loop(int id)
        {
            while (true)
            {
                _go[id].Wait();
                if (_stop) return;
                Chunk(id);
                _done.Signal();
            }
        }

        private void Chunk(int id)
        {
            long per = _n / _threads; // n is a multiple of 64 * threads here
            _job!(id * per, id == _threads - 1 ? _n : (id + 1) * per);
        }

        public void Run(long n, Action<long, long> job)
        {
            if (_threads == 1) { job(0, n); return; }
            _job = job;
            _n = n;
            _done.Reset(_threads - 1);
            for (int id = 1; id < _threads; id++) _go[id].Release();
            Chunk(0);
            _done.Wait();
        }

        public void Dispose()
        {
            _stop = true;
            for (int id = 1; id < _threads; id++) _go[id].Release();
        }
    }
}
