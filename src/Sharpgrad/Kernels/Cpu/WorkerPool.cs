using System.Diagnostics;

namespace Sharpgrad.Kernels.Cpu;

/// <summary>
/// Intra-op parallelism on persistent worker threads that spin briefly between jobs, as OpenMP's
/// workers do: a training loop issues large ops microseconds apart, and waking a thread-pool thread
/// for each costs more than the work it would take over. The caller always takes part in its job.
/// </summary>
internal static class WorkerPool
{
    private sealed class Job(Action<int> body, int count)
    {
        public readonly Action<int> Body = body;
        public readonly int Count = count;
        public int Next;
        public int Remaining = count;
        public Exception? Error;
    }

    private static readonly object s_gate = new();
    private static readonly long s_spinTicks = Stopwatch.Frequency / 5000; // 200 µs
    private static Job? s_job;
    private static long s_generation;
    private static int s_sleeping;
    private static int s_busy;
    private static int s_workers;

    /// <summary>Runs body(0..count-1), spread over the caller and up to <paramref name="threads"/>-1 workers.</summary>
    public static void Run(int count, int threads, Action<int> body)
    {
        if (count <= 0) return;
        if (count == 1 || threads <= 1 || Interlocked.CompareExchange(ref s_busy, 1, 0) != 0)
        {
            // single chunk, single thread, or the pool is already serving a job (nested or concurrent use)
            for (int i = 0; i < count; i++) body(i);
            return;
        }
        try
        {
            EnsureWorkers(threads - 1);
            var job = new Job(body, count);
            Volatile.Write(ref s_job, job);
            Interlocked.Increment(ref s_generation);
            if (Volatile.Read(ref s_sleeping) > 0)
                lock (s_gate) Monitor.PulseAll(s_gate);
            Participate(job);
            var spin = new SpinWait();
            while (Volatile.Read(ref job.Remaining) > 0) spin.SpinOnce(sleep1Threshold: -1);
            if (job.Error is { } error) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
        }
        finally
        {
            Volatile.Write(ref s_busy, 0);
        }
    }

    private static void Participate(Job job)
    {
        int i;
        while ((i = Interlocked.Increment(ref job.Next) - 1) < job.Count)
        {
            try
            {
                job.Body(i);
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref job.Error, e, null);
            }
            Interlocked.Decrement(ref job.Remaining);
        }
    }

    private static void EnsureWorkers(int wanted)
    {
        if (Volatile.Read(ref s_workers) >= wanted) return;
        lock (s_gate)
        {
            while (s_workers < wanted)
            {
                var thread = new Thread(WorkerLoop) { IsBackground = true, Name = $"Sharpgrad worker {s_workers + 1}" };
                s_workers++;
                thread.Start();
            }
        }
    }

    private static void WorkerLoop()
    {
        long seen = Volatile.Read(ref s_generation);
        while (true)
        {
            long start = Stopwatch.GetTimestamp();
            while (Volatile.Read(ref s_generation) == seen)
            {
                if (Stopwatch.GetTimestamp() - start < s_spinTicks)
                {
                    Thread.SpinWait(30);
                    continue;
                }
                lock (s_gate)
                {
                    Interlocked.Increment(ref s_sleeping);
                    while (Volatile.Read(ref s_generation) == seen) Monitor.Wait(s_gate);
                    Interlocked.Decrement(ref s_sleeping);
                }
            }
            seen = Volatile.Read(ref s_generation);
            if (Volatile.Read(ref s_job) is { } job) Participate(job);
        }
    }
}
