using Sharpgrad.Kernels;
using Sharpgrad.Kernels.Cpu;
using Sharpgrad.Ops;

namespace Sharpgrad.Optim;

/// <summary>
/// Stochastic gradient descent with optional momentum (dampening, Nesterov) and L2 weight decay:
/// d = g + wd·p; b = μ·b + (1 - τ)·d (b = d at the first step); d = nesterov ? d + μ·b : b; p -= lr·d.
/// PyTorch: torch.optim.SGD.
/// </summary>
public sealed class SGD : Optimizer
{
    private static readonly IReadOnlySet<string> Names = new HashSet<string> { "momentum_buffer" };
    private readonly Tensor?[] _buffers;

    /// <summary>An SGD optimizer over <paramref name="parameters"/>.</summary>
    public SGD(IEnumerable<Tensor> parameters, double lr, double momentum = 0, double dampening = 0, double weightDecay = 0, bool nesterov = false)
        : base(parameters, lr)
    {
        if (!(momentum >= 0)) throw new ArgumentOutOfRangeException(nameof(momentum), $"Invalid momentum value: {Format(momentum)}");
        if (!(weightDecay >= 0)) throw new ArgumentOutOfRangeException(nameof(weightDecay), $"Invalid weight_decay value: {Format(weightDecay)}");
        if (nesterov && (momentum <= 0 || dampening != 0)) throw new ArgumentException("Nesterov momentum requires a momentum and zero dampening");
        Momentum = momentum;
        Dampening = dampening;
        WeightDecay = weightDecay;
        Nesterov = nesterov;
        _buffers = new Tensor?[Parameters.Count];
    }

    /// <summary>Momentum factor μ.</summary>
    public double Momentum { get; private set; }

    /// <summary>Dampening τ of the momentum.</summary>
    public double Dampening { get; private set; }

    /// <summary>L2 penalty added to the gradient.</summary>
    public double WeightDecay { get; private set; }

    /// <summary>Whether to use Nesterov momentum.</summary>
    public bool Nesterov { get; private set; }

    /// <inheritdoc/>
    protected override void Update(int index, Tensor parameter, Tensor grad)
    {
        if (parameter.DType.IsFloatingPoint() && parameter.IsContiguous)
        {
            // One fused pass, no temporaries (the common case: parameters are contiguous).
            var g = OpHelpers.ContiguousRaw(OpHelpers.CastRaw(grad, parameter.DType));
            bool first = Momentum != 0 && _buffers[index] is null;
            if (first) _buffers[index] = Tensor.Empty(parameter.Sizes, parameter.DType);
            var k = new SgdCoefficients(LearningRate, Momentum, Dampening, WeightDecay, Nesterov);
            Dispatch.Sgd(parameter.Strided, g.Strided, Momentum != 0 ? _buffers[index]!.Strided : null, first, k);
            if (!parameter.IsInference) parameter.Storage.BumpVersion();
            if (!ReferenceEquals(g, grad)) g.Dispose();
            return;
        }
        UpdateWithTensorOps(index, parameter, grad);
    }

    /// <summary>The same update from in-place tensor ops, for a non-contiguous parameter.</summary>
    private void UpdateWithTensorOps(int index, Tensor parameter, Tensor grad)
    {
        Tensor d = grad;
        bool owned = false;
        if (WeightDecay != 0)
        {
            d = grad.Add(parameter, WeightDecay);
            owned = true;
        }
        if (Momentum != 0)
        {
            var buffer = _buffers[index];
            if (buffer is null)
            {
                buffer = owned ? d : d.Clone();
                owned = false;
                _buffers[index] = buffer;
            }
            else buffer.Mul_(Momentum).Add_(d, 1 - Dampening);
            if (Nesterov)
            {
                var next = d.Add(buffer, Momentum);
                if (owned) d.Dispose();
                d = next;
                owned = true;
            }
            else
            {
                if (owned) d.Dispose();
                d = buffer;
                owned = false;
            }
        }
        parameter.Add_(d, -LearningRate);
        if (owned) d.Dispose();
    }

    /// <inheritdoc/>
    protected override IEnumerable<(string Name, double Value)> Hyperparameters() =>
        [("momentum", Momentum), ("dampening", Dampening), ("weight_decay", WeightDecay), ("nesterov", Nesterov ? 1 : 0)];

    /// <inheritdoc/>
    protected override void SetHyperparameter(string name, double value)
    {
        switch (name)
        {
            case "momentum": Momentum = value; break;
            case "dampening": Dampening = value; break;
            case "weight_decay": WeightDecay = value; break;
            case "nesterov": Nesterov = value != 0; break;
        }
    }

    /// <inheritdoc/>
    protected override IReadOnlySet<string> StateNames => Names;

    /// <inheritdoc/>
    protected override IEnumerable<(string Name, Tensor Value)> SaveState(int index) =>
        _buffers[index] is { } b ? [("momentum_buffer", b.Clone())] : [];

    /// <inheritdoc/>
    protected override void LoadState(int index, IReadOnlyDictionary<string, Tensor> state)
    {
        _buffers[index]?.Dispose();
        _buffers[index] = state.TryGetValue("momentum_buffer", out var b) ? b : null;
    }
}
