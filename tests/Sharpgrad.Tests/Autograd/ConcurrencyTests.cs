namespace Sharpgrad.Tests.AutogradTests;

/// <summary>
/// Mode state belongs to the async flow (API.md): it survives await, flows into work started in a
/// scope, never leaks between concurrent flows. Threads training separate graphs, and backward
/// passes sharing a leaf, give the sequential results.
/// </summary>
public class ConcurrencyTests
{
    private static (bool Grad, bool Inference) Mode => (Autograd.IsGradEnabled, Autograd.IsInferenceModeEnabled);

    [Fact]
    public async Task ModeSurvivesAwait()
    {
        await Task.Run(async () =>
        {
            using (Autograd.NoGrad())
            {
                await Task.Yield();
                Assert.False(Autograd.IsGradEnabled);
                await Task.Delay(1);
                Assert.False(Autograd.IsGradEnabled);
                using (Autograd.InferenceMode())
                {
                    await Task.Yield();
                    Assert.Equal((false, true), Mode);
                }
                Assert.Equal((false, false), Mode);
            }
            Assert.Equal((true, false), Mode);
        });
    }

    [Fact]
    public async Task WorkStartedInsideAScopeKeepsItsMode()
    {
        await Task.Run(async () =>
        {
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Task<(bool, bool)> task;
            (bool, bool) fromThread = default, fromPool = default, fromParallel = default;
            Thread thread;
            var poolDone = new ManualResetEventSlim();
            using (Autograd.InferenceMode())
            {
                task = Task.Run(async () => { await gate.Task; return Mode; });
                thread = new Thread(() => { gate.Task.Wait(); fromThread = Mode; });
                thread.Start();
                ThreadPool.QueueUserWorkItem(_ => { gate.Task.Wait(); fromPool = Mode; poolDone.Set(); });
            }
            Assert.Equal((true, false), Mode); // the scope ended here...
            gate.SetResult();
            Assert.Equal((false, true), await task); // ...but not for work started inside it
            thread.Join();
            poolDone.Wait();
            Assert.Equal((false, true), fromThread);
            Assert.Equal((false, true), fromPool);

            using (Autograd.NoGrad())
                Parallel.For(0, 4, i => { if (i == 3) fromParallel = Mode; });
            Assert.Equal((false, false), fromParallel);
        });
    }

    [Fact]
    public async Task WorkStartedOutsideAScopeDoesNotSeeIt()
    {
        await Task.Run(async () =>
        {
            var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var checkedMode = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var other = Task.Run(async () => { await entered.Task; var m = Mode; checkedMode.SetResult(); return m; });
            using (Autograd.NoGrad())
            {
                entered.SetResult();
                await checkedMode.Task;
                Assert.False(Autograd.IsGradEnabled);
            }
            Assert.Equal((true, false), await other);
        });
    }

    /// <summary>All flows wait for each other at every phase, so their scopes are open at the same time.</summary>
    private sealed class AsyncBarrier(int participants)
    {
        private readonly object _gate = new();
        private int _arrived;
        private TaskCompletionSource _phase = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task SignalAndWait()
        {
            lock (_gate)
            {
                var phase = _phase;
                if (++_arrived < participants) return phase.Task;
                _arrived = 0;
                _phase = new(TaskCreationOptions.RunContinuationsAsynchronously);
                phase.SetResult();
                return phase.Task;
            }
        }
    }

    private static GradModeScope Enter(int kind) => kind switch
    {
        0 => Autograd.NoGrad(),
        1 => Autograd.InferenceMode(),
        2 => Autograd.SetGradEnabled(false),
        _ => Autograd.EnableGrad(),
    };

    private static (bool, bool) Expected(int kind) => kind switch
    {
        0 or 2 => (false, false),
        1 => (false, true),
        _ => (true, false),
    };

    [Fact]
    public async Task InterleavedFlowsNeverSeeEachOthersMode()
    {
        const int flows = 8, rounds = 25;
        var barrier = new AsyncBarrier(flows);
        var x = Tensor.Ones([4], requiresGrad: true);
        async Task Flow(int id)
        {
            await Task.Yield();
            for (int r = 0; r < rounds; r++)
            {
                int kind = (id + r) % 4;
                using (Enter(kind))
                {
                    await barrier.SignalAndWait();
                    Assert.Equal(Expected(kind), Mode);
                    var y = x * 2.0;
                    Assert.Equal(Expected(kind).Item1, y.RequiresGrad);
                    Assert.Equal(Expected(kind).Item2, y.IsInference);
                    await barrier.SignalAndWait();
                    Assert.Equal(Expected(kind), Mode);
                }
                Assert.Equal((true, false), Mode);
                await barrier.SignalAndWait();
            }
        }
        await Task.Run(() => Task.WhenAll(Enumerable.Range(0, flows).Select(Flow)));
    }

    /// <summary>A small regression trained with SGD from fixed values, with evaluation under NoGrad and InferenceMode.</summary>
    private static double[] Train(int seed)
    {
        var rng = new Random(seed);
        double[] Draw(int n) => Enumerable.Range(0, n).Select(_ => rng.NextDouble() * 2 - 1).ToArray();
        var x = Tensor.FromArray(Draw(32), [8, 4]);
        var target = Tensor.FromArray(Draw(8), [8, 1]);
        var w = Tensor.FromArray(Draw(4), [4, 1], requiresGrad: true);
        var b = Tensor.FromArray(Draw(1), [1], requiresGrad: true);
        for (int step = 0; step < 30; step++)
        {
            var err = x.MatMul(w) + b - target;
            var loss = (err * err).Mean();
            loss.Backward();
            Assert.True(Autograd.IsGradEnabled);
            using (Autograd.NoGrad())
            {
                w.Sub_(w.Grad! * 0.1);
                b.Sub_(b.Grad! * 0.1);
            }
            w.Grad = null;
            b.Grad = null;
            using (Autograd.InferenceMode())
            {
                var eval = (x.MatMul(w) + b - target).Abs().Mean();
                Assert.True(eval.IsInference);
            }
            Assert.Equal((true, false), Mode);
        }
        return [.. w.ToArray<double>(), .. b.ToArray<double>()];
    }

    [Fact]
    public void ThreadsTrainingSeparateGraphsMatchSequentialRuns()
    {
        const int n = 8;
        var sequential = Enumerable.Range(0, n).Select(Train).ToArray();
        var parallel = new double[n][];
        var start = new Barrier(n);
        var threads = Enumerable.Range(0, n).Select(i => new Thread(() => { start.SignalAndWait(); parallel[i] = Train(i); })).ToArray();
        foreach (var t in threads) t.Start();
        foreach (var t in threads) t.Join();
        for (int i = 0; i < n; i++) Assert.Equal(sequential[i], parallel[i]);
        Assert.NotEqual(sequential[0], sequential[1]);
    }

    [Fact]
    public void ConcurrentBackwardIntoOneLeafAccumulatesEveryGradient()
    {
        const int threads = 8, passes = 40;
        var w = Tensor.Ones([64], DType.Float64, requiresGrad: true);
        var start = new Barrier(threads);
        var errors = new List<Exception>();
        var workers = Enumerable.Range(1, threads).Select(k => new Thread(() =>
        {
            try
            {
                start.SignalAndWait();
                for (int p = 0; p < passes; p++) (w * (double)k).Sum().Backward();
            }
            catch (Exception e) { lock (errors) errors.Add(e); }
        })).ToArray();
        foreach (var t in workers) t.Start();
        foreach (var t in workers) t.Join();
        Assert.Empty(errors);
        double expected = passes * (threads * (threads + 1) / 2.0); // 40 * (1 + ... + 8)
        Assert.All(w.Grad!.ToArray<double>(), g => Assert.Equal(expected, g));
    }

    [Fact]
    public void ConcurrentAutogradGradOnASharedGraphWithRetainGraph()
    {
        var w = Tensor.FromArray(new double[] { 1, 2, 3 }, requiresGrad: true);
        var loss = (w * w).Sum();
        var results = new double[8][];
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            i => results[i] = Autograd.Grad([loss], [w], retainGraph: true)[0]!.ToArray<double>());
        Assert.All(results, r => Assert.Equal([2.0, 4, 6], r));
        Assert.Null(w.Grad);
    }
}
