using static Sharpgrad.Bench.Harness;

namespace Sharpgrad.Bench;

/// <summary>Peer workloads 2 and 3: an MLP training step and forward pass (784-512-512-10).</summary>
internal static class MlpBench
{
    public static void Train(int threads)
    {
        foreach (int batch in new[] { 64, 256 })
        {
            var model = Models.Mlp();
            var opt = new Sharpgrad.Optim.SGD(model.Parameters(), 0.01);
            var x = Tensor.Randn([batch, 784]);
            var y = Tensor.RandInt(0, 10, [batch]);
            double lastLoss = 0;
            var s = SecondsPerIter(n =>
            {
                for (long i = 0; i < n; i++)
                {
                    using var scope = Tensor.NewScope();
                    var logits = model.Forward(x);
                    var loss = Sharpgrad.NN.Functional.CrossEntropy(logits, y);
                    loss.Backward();
                    opt.Step();
                    opt.ZeroGrad();
                    if (i == n - 1) lastLoss = loss.Item<float>();
                }
            }, repSeconds: 0.5);
            Emit($"mlp.train_step.b{batch}.t{threads}", Map(s, v => v * 1e3), "ms/step");
            Info($"b{batch} final loss {lastLoss:F4} (memorising one fixed batch; sanity only)");
        }
    }

    public static void Forward(int threads)
    {
        const int batch = 256;
        var model = Models.Mlp();
        var x = Tensor.Randn([batch, 784]);
        // The three modes are timed round-robin (a repeat of each per round) so a drift of the machine
        // during the run can't decide their order; the loop is the peer's.
        var bodies = Modes.All.Select(m => (Action<long>)(n => Modes.Run(m, () =>
        {
            for (long i = 0; i < n; i++)
            {
                using var scope = Tensor.NewScope();
                model.Forward(x);
            }
        }))).ToArray();
        var times = SecondsPerIterInterleaved(bodies, repSeconds: 0.5);
        for (int i = 0; i < Modes.All.Length; i++)
            Emit($"mlp.forward.b{batch}.{Modes.Name(Modes.All[i])}.t{threads}", Map(times[i], v => v * 1e3), "ms/fwd");
    }
}
