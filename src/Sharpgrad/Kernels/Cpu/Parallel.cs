namespace Sharpgrad.Kernels.Cpu;

/// <summary>Intra-op parallelism: only large ops are split, over at most <see cref="Threads"/> workers.</summary>
internal static class IntraOp
{
    private static int s_threads = Environment.ProcessorCount;

    /// <summary>Element count below which an element-wise op runs on the calling thread.</summary>
    public const int ElementwiseGrain = 1 << 17;

    public static int Threads
    {
        get => s_threads;
        set => s_threads = Math.Max(1, value);
    }

    /// <summary>
    /// Elements per thread from which a reduction or scan shares its outputs out between threads: each output's
    /// arithmetic stays as it was whatever the split. Half the element-wise grain: sum(-1) of [4096, 32] at two threads
    /// 11.0 -> 6.9 us, [1024, 128] 4.7 -> 3.7, [256, 512] 3.4 -> 3.2 (scratch runner, one round each).
    /// </summary>
    public const int SliceGrain = ElementwiseGrain / 2;

    /// <summary>ATen's grain (at::internal::GRAIN_SIZE): below it an element-wise loop is one piece.</summary>
    public const int AtenGrain = 32768;

    /// <summary>
    /// Runs body(start, end) over [0, count) in the pieces at::parallel_for would cut (⌈count / p⌉ each, p = min(Threads,
    /// ⌈count / 32768⌉)), for kernels whose results depend on where a piece starts; the pieces run in parallel only
    /// above <see cref="ElementwiseGrain"/>.
    /// </summary>
    public static void ForAtenPieces(int count, Action<int, int> body) => ForAtenPieces(count, (_, start, end) => body(start, end));

    /// <summary>The length of at::parallel_for's pieces of [0, count) with <paramref name="grain"/> (the last may be shorter).</summary>
    public static int AtenPieceLength(int count, int grain = AtenGrain) => Math.Max(1, (count + AtenPieces(count, grain) - 1) / AtenPieces(count, grain));

    private static int AtenPieces(int count, int grain) => Threads == 1 ? 1 : (int)Math.Max(1, Math.Min(Threads, ((long)count + grain - 1) / grain));

    /// <summary>The same pieces, each told its index (ATen's thread number, which picks a per-thread partial).</summary>
    public static void ForAtenPieces(int count, Action<int, int, int> body) => ForAtenPieces(count, AtenGrain, count >= ElementwiseGrain, body);

    /// <summary>
    /// The pieces at::parallel_for(0, count, grain) cuts (p = min(Threads, ⌈count / grain⌉), ⌈count / p⌉ each), each told its
    /// index; they run in parallel only when <paramref name="parallel"/>.
    /// </summary>
    public static void ForAtenPieces(int count, int grain, bool parallel, Action<int, int, int> body)
    {
        int pieces = AtenPieces(count, grain), per = AtenPieceLength(count, grain);
        WorkerPool.Run(pieces, parallel ? pieces : 1, c =>
        {
            int start = c * per, end = Math.Min(count, start + per);
            if (start < end) body(c, start, end);
        });
    }

    /// <summary>Runs body(start, end) over [0, count) in at most Threads chunks.</summary>
    public static void For(int count, int grain, Action<int, int> body)
    {
        int chunks = Math.Min(Threads, count / Math.Max(grain, 1));
        if (chunks <= 1)
        {
            body(0, count);
            return;
        }
        int per = (count + chunks - 1) / chunks;
        WorkerPool.Run(chunks, chunks, c =>
        {
            int start = c * per, end = Math.Min(count, start + per);
            if (start < end) body(start, end);
        });
    }
}
