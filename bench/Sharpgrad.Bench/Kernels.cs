using static Sharpgrad.Bench.Harness;

namespace Sharpgrad.Bench;

/// <summary>Peer workloads 4 and 5: square SGEMM throughput and 16M-element add/copy bandwidth.</summary>
internal static class Kernels
{
    public static void Sgemm(int threads)
    {
        foreach (int n in new[] { 256, 512, 1024, 2048 })
        {
            var a = Tensor.Randn([n, n]);
            var b = Tensor.Randn([n, n]);
            double flop = 2.0 * n * n * (double)n;
            var s = SecondsPerIter(k => { for (long i = 0; i < k; i++) a.MatMul(b).Dispose(); }, repSeconds: 0.5);
            Emit($"sgemm.N{n}.t{threads}", Map(s, v => flop / v / 1e9), "GFLOP/s");
            a.Dispose();
            b.Dispose();
        }
    }

    public static void Bandwidth(int threads)
    {
        const int N = 16 << 20;
        var a = Tensor.Randn([N]);
        var b = Tensor.Randn([N]);
        var c = Tensor.Zeros([N]);
        Info("a.Add_(b) has the peer's traffic (2 reads + 1 write); GB = 1e9 B, 12 B/element for add, 8 for copy");
        var inplace = SecondsPerIter(n => { for (long i = 0; i < n; i++) a.Add_(b); });
        Emit($"bw.add16M_inplace.t{threads}", Map(inplace, s => 12.0 * N / s / 1e9), "GB/s");
        Emit($"bw.add16M_inplace.t{threads}.time", Map(inplace, s => s * 1e3), "ms/op");
        var alloc = SecondsPerIter(n => { for (long i = 0; i < n; i++) (a + b).Dispose(); });
        Emit($"bw.add16M_alloc.t{threads}", Map(alloc, s => 12.0 * N / s / 1e9), "GB/s");
        Emit($"bw.add16M_alloc.t{threads}.time", Map(alloc, s => s * 1e3), "ms/op");
        var copy = SecondsPerIter(n => { for (long i = 0; i < n; i++) c.Copy_(b); });
        Emit($"bw.copy16M.t{threads}", Map(copy, s => 8.0 * N / s / 1e9), "GB/s");
        a.Dispose();
        b.Dispose();
        c.Dispose();
        // Same process, same pure-C# loops as the peer: the cs.* lines calibrate the memory system of this run.
        MachineAnchors.Bandwidth(threads);
    }
}
