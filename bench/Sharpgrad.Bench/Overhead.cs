using static Sharpgrad.Bench.Harness;

namespace Sharpgrad.Bench;

/// <summary>Peer workload 1: per-op cost of a 16x16 op in each mode, and the cost of a mode scope.</summary>
internal static class Overhead
{
    public static void Run(int threads)
    {
        var a = Tensor.Randn([16, 16]);
        var b = Tensor.Randn([16, 16]);
        var w = Tensor.Randn([16, 16], requiresGrad: true);
        Info("each op allocates its result and Disposes it in the loop (the realistic TorchSharp pattern)");
        // Each op's three modes are timed round-robin, so a drift of the machine can't decide their order.
        PerOpModes("op.add16x16", threads, n => { for (long i = 0; i < n; i++) { var r = a + b; r.Dispose(); } });
        PerOpModes("op.mul16x16_rg", threads, n => { for (long i = 0; i < n; i++) { var r = w * a; r.Dispose(); } });
        PerOpModes("op.mul16x16_nograd_inputs", threads, n => { for (long i = 0; i < n; i++) { var r = b * a; r.Dispose(); } });
        var x = Tensor.Randn([16, 16]);
        PerOp($"op.add_inplace16x16.default.t{threads}", Mode.Default, n => { for (long i = 0; i < n; i++) x.Add_(b); });
        using (var r = w * a) Info($"default-mode mul of requires_grad tensor: requires_grad={Lower(r.RequiresGrad)}");
        using (Autograd.NoGrad()) using (var r = w * a) Info($"no_grad mul: requires_grad={Lower(r.RequiresGrad)}");
        using (Autograd.InferenceMode()) using (var r = w * a) Info($"inference_mode mul: requires_grad={Lower(r.RequiresGrad)}");

        // Scope enter+leave from the default (grad-enabled) state.
        Scope($"scope.no_grad.t{threads}", n => { for (long i = 0; i < n; i++) Autograd.NoGrad().Dispose(); });
        Scope($"scope.enable_grad.t{threads}", n => { for (long i = 0; i < n; i++) Autograd.EnableGrad().Dispose(); });
        Scope($"scope.inference_mode.t{threads}", n => { for (long i = 0; i < n; i++) Autograd.InferenceMode().Dispose(); });
        using (Autograd.NoGrad())
            Scope($"scope.enable_grad_inside_no_grad.t{threads}", n => { for (long i = 0; i < n; i++) Autograd.EnableGrad().Dispose(); });
    }

    private static string Lower(bool b) => b ? "True" : "False";

    private static void PerOpModes(string op, int threads, Action<long> loop)
    {
        var bodies = Modes.All.Select(m => (Action<long>)(n => Modes.Run(m, () => loop(n)))).ToArray();
        var times = SecondsPerIterInterleaved(bodies);
        for (int i = 0; i < bodies.Length; i++)
        {
            string name = $"{op}.{Modes.Name(Modes.All[i])}.t{threads}";
            Emit(name, Map(times[i], s => s * 1e9), "ns/op");
        }
        for (int i = 0; i < bodies.Length; i++)
            EmitOne($"{op}.{Modes.Name(Modes.All[i])}.t{threads}.alloc", AllocatedPerIter(bodies[i]), "B/op");
    }

    private static void PerOp(string name, Mode m, Action<long> loop)
    {
        Action<long> body = n => Modes.Run(m, () => loop(n));
        Emit(name, Map(SecondsPerIter(body), s => s * 1e9), "ns/op");
        EmitOne(name + ".alloc", AllocatedPerIter(body), "B/op");
    }

    private static void Scope(string name, Action<long> loop)
    {
        Emit(name, Map(SecondsPerIter(loop), s => s * 1e9), "ns/enter+leave");
        EmitOne(name + ".alloc", AllocatedPerIter(loop), "B/enter+leave");
    }

    /// <summary>Managed bytes this thread allocates per iteration (tensor objects, small buffers, nodes).</summary>
    private static double AllocatedPerIter(Action<long> body)
    {
        const long n = 20_000;
        body(n);
        long before = GC.GetAllocatedBytesForCurrentThread();
        body(n);
        return (GC.GetAllocatedBytesForCurrentThread() - before) / (double)n;
    }
}
