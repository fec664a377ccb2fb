using System.Diagnostics;
using System.Runtime;
using static Sharpgrad.Bench.Harness;

namespace Sharpgrad.Bench;

/// <summary>
/// Peer workload 6: peak RSS of one deep-MLP forward (16 x Linear(2048, 2048) + ReLU on 512 x 2048),
/// one mode per fresh process; and the autograd ledger (saved bytes) of the same forward.
/// </summary>
internal static class Memory
{
    public static void Run(string modeName)
    {
        var m = Modes.Parse(modeName);
        var model = Models.DeepMlp();
        var x = Tensor.Randn([512, 2048]);
        static double MiB(long kb) => kb / 1024.0;
        // Unlike libtorch (init temporaries freed at once), the managed heap may still hold garbage from
        // building the model; a forward that reuses it would look free. Start from a collected heap.
        long rssBeforeGc = ProcStatusKb("VmRSS");
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        // The high-water mark still remembers the garbage; reset it to the current RSS (Linux: "5" >
        // clear_refs) so peak_hwm is the forward's own peak. Without the reset, a forward that stays
        // under the old mark would report the GC's drop instead.
        bool hwmReset = ResetHighWaterMark();
        long hwm0 = ProcStatusKb("VmHWM"), rss0 = ProcStatusKb("VmRSS");
        MemoryStats.ResetPeak();
        long allocated0 = MemoryStats.AllocatedBytes;
        var clock = Stopwatch.StartNew();
        var y = Modes.Run(m, () => model.Forward(x));
        double ms = clock.Elapsed.TotalMilliseconds;
        long poolPeak = MemoryStats.PeakAllocatedBytes;
        float checksum = y.Sum().Item<float>(); // y (and in default mode its graph) is still alive here
        long hwm1 = ProcStatusKb("VmHWM"), rss1 = ProcStatusKb("VmRSS");
        Info($"mode={modeName} y.requires_grad={(y.RequiresGrad ? "True" : "False")} checksum={checksum:G6} forward_ms={ms:F1}");
        EmitOne($"mem.deepmlp.{modeName}.before_fwd_rss", MiB(rss0), "MiB");
        EmitOne($"mem.deepmlp.{modeName}.before_fwd_hwm", MiB(hwm0), "MiB");
        EmitOne($"mem.deepmlp.{modeName}.peak_hwm", MiB(hwm1), "MiB");
        EmitOne($"mem.deepmlp.{modeName}.after_fwd_rss", MiB(rss1), "MiB");
        EmitOne($"mem.deepmlp.{modeName}.peak_minus_before", MiB(hwm1 - rss0), "MiB");
        var ledger = Autograd.Inspect(y);
        Info($"RSS {MiB(rssBeforeGc):F1} MiB before the pre-forward GC, {MiB(rss0):F1} MiB after it; VmHWM reset: {(hwmReset ? "yes" : "NO (peak may predate the forward)")}");
        Info($"MemoryStats: peak tensor bytes during forward {(poolPeak - allocated0) / 1048576.0:F1} MiB above the {allocated0 / 1048576.0:F1} MiB held before;"
            + $" after: allocated {MemoryStats.AllocatedBytes / 1048576.0:F1} MiB, pooled {MemoryStats.PooledBytes / 1048576.0:F1} MiB;"
            + $" ledger nodes={ledger.Nodes} saved_tensors={ledger.SavedTensors} saved={ledger.SavedBytes / 1048576.0:F1} MiB;"
            + $" GC heap {GC.GetTotalMemory(false) / 1048576.0:F1} MiB");
        GC.KeepAlive(y);
        GC.KeepAlive(model);
    }

    /// <summary>
    /// Creates and disposes 10,000 tensors of 4 MB: with pooled, reference-counted buffers the peak RSS
    /// stays flat (a few buffers), where leaving 40 GB of buffers to the GC would swell it.
    /// </summary>
    public static void Churn()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        bool hwmReset = ResetHighWaterMark();
        long rss0 = ProcStatusKb("VmRSS");
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < 10_000; i++)
        {
            var t = Tensor.Empty([1024, 1024]);
            t.Fill_(i);
            t.Dispose();
        }
        long hwm1 = ProcStatusKb("VmHWM");
        Info($"10,000 x 4 MB tensors created, filled and disposed in {clock.Elapsed.TotalSeconds:F2} s; GCs gen0/1/2 = {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}; VmHWM reset: {(hwmReset ? "yes" : "no")}");
        EmitOne("mem.churn4MBx10000.peak_minus_before", (hwm1 - rss0) / 1024.0, "MiB");
    }

    private static bool ResetHighWaterMark()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>ledger.deepmlp.MODE.saved_bytes: what the graph behind the deep-MLP output keeps for backward.</summary>
    public static void Ledger()
    {
        var model = Models.DeepMlp();
        var x = Tensor.Randn([512, 2048]);
        foreach (var m in Modes.All)
        {
            var y = Modes.Run(m, () => model.Forward(x));
            var info = Autograd.Inspect(y);
            EmitOne($"ledger.deepmlp.{Modes.Name(m)}.saved_bytes", info.SavedBytes, "B");
            Info($"{Modes.Name(m)}: nodes={info.Nodes} saved_tensors={info.SavedTensors} saved={info.SavedBytes / 1048576.0:F1} MiB");
            y.Dispose();
        }
    }
}
