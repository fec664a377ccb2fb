namespace Sharpgrad.Bench;

// TODO(lead): once branch `nn` is merged, swap this file for the real modules of API.md and delete it:
//   MlpRaw.Sequential(...)      -> new Sharpgrad.NN.Sequential(new Linear(784, 512), new ReLU(), ...)
//   MlpRaw.Linear / MlpRaw.ReLU -> Sharpgrad.NN.Linear / Sharpgrad.NN.ReLU
//   MlpRaw.CrossEntropy(l, y)   -> Sharpgrad.NN.Functional.CrossEntropy(l, y)
//   new MlpRaw.Sgd(ps, lr)      -> new Sharpgrad.Optim.SGD(ps, lr)
// The workloads only call Forward / Parameters / Step / ZeroGrad, the NN names, so the swap is a
// change of type names. Until then the MLP is built from raw tensor ops with the same maths as
// torch.nn (Linear = addmm(bias, x, W^T), init U(-1/sqrt(in), 1/sqrt(in)); cross-entropy =
// mean of -log_softmax at the target; SGD p -= lr * grad under no_grad).

/// <summary>Stand-ins for Sharpgrad.NN / Sharpgrad.Optim, built from raw tensor ops (see the TODO above).</summary>
internal static class MlpRaw
{
    /// <summary>One layer of the stand-in <see cref="Sequential"/>.</summary>
    public interface ILayer
    {
        Tensor Forward(Tensor x);
        IEnumerable<Tensor> Parameters();
    }

    /// <summary>torch.nn.Linear: y = x W^T + b, one fused addmm.</summary>
    public sealed class Linear : ILayer
    {
        public Tensor Weight { get; }
        public Tensor Bias { get; }

        public Linear(int inFeatures, int outFeatures)
        {
            double bound = 1.0 / Math.Sqrt(inFeatures);
            Weight = Tensor.Empty([outFeatures, inFeatures]).Uniform_(-bound, bound).RequiresGrad_();
            Bias = Tensor.Empty([outFeatures]).Uniform_(-bound, bound).RequiresGrad_();
        }

        public Tensor Forward(Tensor x)
        {
            var wt = Weight.T;
            var y = Tensor.Addmm(Bias, x, wt);
            wt.Dispose(); // the graph holds its own reference when it saved the view
            return y;
        }

        public IEnumerable<Tensor> Parameters() => [Weight, Bias];
    }

    public sealed class ReLU : ILayer
    {
        public Tensor Forward(Tensor x) => x.Relu();
        public IEnumerable<Tensor> Parameters() => [];
    }

    /// <summary>torch.nn.Sequential; like TorchSharp's it disposes each intermediate once consumed.</summary>
    public sealed class Sequential(params ILayer[] layers)
    {
        public Tensor Forward(Tensor x)
        {
            Tensor h = x;
            foreach (var layer in layers)
            {
                var next = layer.Forward(h);
                if (!ReferenceEquals(h, x)) h.Dispose();
                h = next;
            }
            return h;
        }

        public IEnumerable<Tensor> Parameters() => layers.SelectMany(l => l.Parameters());
    }

    /// <summary>Mean cross-entropy of logits [B, C] against Int64 class indices [B].</summary>
    public static Tensor CrossEntropy(Tensor logits, Tensor target)
    {
        using var scope = Tensor.NewScope();
        var max = logits.Max(1, keepDim: true).Values.Detach();
        var shifted = logits - max;
        var logSumExp = shifted.Exp().Sum(1, keepDim: true).Log();
        var logProbs = shifted - logSumExp;
        var picked = logProbs.Gather(1, target.Unsqueeze(1));
        return picked.Mean().Neg().MoveToOuterScope();
    }

    /// <summary>torch.optim.SGD without momentum: p -= lr * p.grad, in place under no_grad.</summary>
    public sealed class Sgd(IEnumerable<Tensor> parameters, double lr)
    {
        private readonly Tensor[] _params = parameters.ToArray();

        public void Step()
        {
            using (Autograd.NoGrad())
                foreach (var p in _params)
                    if (p.Grad is { } g) p.Sub_(g, alpha: lr);
        }

        /// <summary>Sets every gradient to null, as PyTorch 2.x does.</summary>
        public void ZeroGrad()
        {
            foreach (var p in _params) p.Grad = null;
        }
    }

    /// <summary>The peer's training/forward MLP: 784-512-512-10 with ReLU.</summary>
    public static Sequential Mlp() => new(
        new Linear(784, 512), new ReLU(),
        new Linear(512, 512), new ReLU(),
        new Linear(512, 10));

    /// <summary>The peer's memory model: 16 x (Linear(2048, 2048) + ReLU).</summary>
    public static Sequential DeepMlp()
    {
        var layers = new List<ILayer>();
        for (int i = 0; i < 16; i++)
        {
            layers.Add(new Linear(2048, 2048));
            layers.Add(new ReLU());
        }
        return new Sequential(layers.ToArray());
    }
}
