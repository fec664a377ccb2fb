using Sharpgrad.Kernels;
using static Sharpgrad.Bench.Harness;

namespace Sharpgrad.Bench;

/// <summary>
/// `profile`: where the time of one 16x16 op goes, by timing its pieces in isolation (internals,
/// via InternalsVisibleTo). Diagnostic only: the pieces overlap and do not sum exactly.
/// </summary>
internal static class Profile
{
    private static volatile object? s_sink;

    public static void Run(int threads)
    {
        var a = Tensor.Randn([16, 16]);
        var b = Tensor.Randn([16, 16]);
        var w = Tensor.Randn([16, 16], requiresGrad: true);
        var y = Tensor.Randn([16, 16]);
        int[] shape = [16, 16];
        Info("pieces of `var r = a + b; r.Dispose();` on 16x16 Float32 (ns per call, default mode unless named)");
        Piece("whole a+b, Dispose", n => { for (long i = 0; i < n; i++) { var r = a + b; r.Dispose(); } });
        Piece("whole w*a (records MulBackward0)", n => { for (long i = 0; i < n; i++) { var r = w * a; r.Dispose(); } });
        Piece("  new float[256] only", n => { for (long i = 0; i < n; i++) s_sink = new float[256]; });
        Piece("  Tensor.Empty(16x16) + Dispose", n => { for (long i = 0; i < n; i++) Tensor.Empty(DType.Float32, shape).Dispose(); });
        Piece("  kernel only: Dispatch.Binary(Add) into y", n =>
        {
            var sa = a.Strided; var sb = b.Strided; var sy = y.Strided;
            for (long i = 0; i < n; i++) Dispatch.Binary(BinaryKind.Add, sa, sb, sy);
        });
        Piece("  kernel incl. building StridedArrays", n => { for (long i = 0; i < n; i++) Dispatch.Binary(BinaryKind.Add, a.Strided, b.Strided, y.Strided); });
        Piece("  TensorPrimitives.Add on 256 floats", n =>
        {
            var fa = a.Elements<float>(); var fb = b.Elements<float>(); var fy = y.Elements<float>();
            for (long i = 0; i < n; i++) System.Numerics.Tensors.TensorPrimitives.Add(fa.AsSpan(0, 256), fb.AsSpan(0, 256), fy.AsSpan(0, 256));
        });
        Piece("  grad-mode read (thread-static mirror)", n => { bool any = false; for (long i = 0; i < n; i++) any |= GradMode.Current.Records; s_sink = any; });
        Piece("  Record.ShouldRecord(w, a)", n => { bool any = false; for (long i = 0; i < n; i++) any |= Record.ShouldRecord(w, a); s_sink = any; });
        Piece("  TensorScope.Current read ([ThreadStatic])", n => { for (long i = 0; i < n; i++) s_sink = TensorScope.Current; });
        Piece("  new MulBackward0 + Connect (edges)", n => { for (long i = 0; i < n; i++) s_sink = Record.Connect(new Ops.MulBackward0(), w, a); });
        Piece("  Storage.Allocate(1 KiB) + Release", n => { for (long i = 0; i < n; i++) Storage.Allocate(DType.Float32, 256).Release(); });
        Piece("  BufferPool.Rent + Return (1 KiB)", n => { for (long i = 0; i < n; i++) BufferPool.Return(DType.Float32, BufferPool.Rent(DType.Float32, 256, false)); });
        Piece("  MemoryStats.Add + Remove", n => { for (long i = 0; i < n; i++) { MemoryStats.Add(1024); MemoryStats.Remove(1024); } });
        using (Autograd.InferenceMode())
            Piece("whole a+b under InferenceMode", n => { for (long i = 0; i < n; i++) { var r = a + b; r.Dispose(); } });
        Info($"gen0 collections so far: {GC.CollectionCount(0)}");
    }

    private static void Piece(string what, Action<long> body)
    {
        var s = SecondsPerIter(body, repSeconds: 0.1, reps: 5, warmSeconds: 0.2);
        Array.Sort(s);
        long n = 20_000;
        body(n);
        long before = GC.GetAllocatedBytesForCurrentThread();
        body(n);
        double bytes = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)n;
        Info($"{what,-48} {s[s.Length / 2] * 1e9,8:F1} ns  (min {s[0] * 1e9:F1})  {bytes,6:F0} B");
    }
}
