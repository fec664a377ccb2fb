using System.Runtime.CompilerServices;
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
    private readonly ParameterSlots<Tensor?> _buffers;

    /// <summary>An SGD optimizer over <paramref name="parameters"/>.</summary>
    [OverloadResolutionPriority(1)] // `[]` is an empty parameter list
    public SGD(IEnumerable<Tensor> parameters, double lr, double momentum = 0, double dampening = 0, double weightDecay = 0, bool nesterov = false)
        : this(Options(lr, momentum, dampening, weightDecay, nesterov), OneGroup(parameters))
    {
    }

    /// <summary>An SGD optimizer over <paramref name="paramGroups"/>; the other arguments are the options a group does not set (PyTorch's defaults, lr 1e-3).</summary>
    public SGD(IEnumerable<ParamGroup> paramGroups, double lr = 1e-3, double momentum = 0, double dampening = 0, double weightDecay = 0, bool nesterov = false)
        : this(Options(lr, momentum, dampening, weightDecay, nesterov), paramGroups)
    {
    }

    private SGD((string, double)[] options, IEnumerable<ParamGroup> paramGroups) : base(options, paramGroups) => _buffers = Slots<Tensor?>();

    private static (string, double)[] Options(double lr, double momentum, double dampening, double weightDecay, bool nesterov)
    {
        CheckLearningRate(lr);
        if (!(momentum >= 0)) throw new ArgumentOutOfRangeException(nameof(momentum), $"Invalid momentum value: {Format(momentum)}");
        if (!(weightDecay >= 0)) throw new ArgumentOutOfRangeException(nameof(weightDecay), $"Invalid weight_decay value: {Format(weightDecay)}");
        if (nesterov && (momentum <= 0 || dampening != 0)) throw new ArgumentException("Nesterov momentum requires a momentum and zero dampening");
        return [("lr", lr), ("momentum", momentum), ("dampening", dampening), ("weight_decay", weightDecay), ("nesterov", nesterov ? 1 : 0)];
    }

    /// <summary>Momentum factor μ (the first group's).</summary>
    public double Momentum => ParamGroups[0]["momentum"];

    /// <summary>Dampening τ of the momentum (the first group's).</summary>
    public double Dampening => ParamGroups[0]["dampening"];

    /// <summary>L2 penalty added to the gradient (the first group's).</summary>
    public double WeightDecay => ParamGroups[0]["weight_decay"];

    /// <summary>Whether to use Nesterov momentum (the first group's).</summary>
    public bool Nesterov => ParamGroups[0]["nesterov"] != 0;

    /// <inheritdoc/>
    protected override void Update(int index, Tensor parameter, Tensor grad)
    {
        var group = GroupOf(index);
        var k = new SgdCoefficients(group.LearningRate, group["momentum"], group["dampening"], group["weight_decay"], group["nesterov"] != 0);
        if (parameter.DType.IsFloatingPoint() && parameter.IsContiguous)
        {
            // One fused pass, no temporaries (the common case: parameters are contiguous).
            var g = OpHelpers.ContiguousRaw(OpHelpers.CastRaw(grad, parameter.DType));
            bool first = k.Momentum != 0 && _buffers[index] is null;
            if (first) _buffers[index] = Tensor.Empty(parameter.Sizes, parameter.DType);
            Dispatch.Sgd(parameter.Strided, g.Strided, k.Momentum != 0 ? _buffers[index]!.Strided : null, first, k);
            if (!parameter.IsInference) parameter.Storage.BumpVersion();
            if (!ReferenceEquals(g, grad)) g.Dispose();
            return;
        }
        UpdateWithTensorOps(index, parameter, grad, k);
    }

    /// <summary>The same update from in-place tensor ops, for a non-contiguous parameter.</summary>
    private void UpdateWithTensorOps(int index, Tensor parameter, Tensor grad, SgdCoefficients k)
    {
        Tensor d = grad;
        bool owned = false;
        if (k.WeightDecay != 0)
        {
            d = grad.Add(parameter, k.WeightDecay);
            owned = true;
        }
        if (k.Momentum != 0)
        {
            var buffer = _buffers[index];
            if (buffer is null)
            {
                buffer = owned ? d : d.Clone();
                owned = false;
                _buffers[index] = buffer;
            }
            else buffer.Mul_(k.Momentum).Add_(d, 1 - k.Dampening);
            if (k.Nesterov)
            {
                var next = d.Add(buffer, k.Momentum);
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
        parameter.Add_(d, -k.LearningRate);
        if (owned) d.Dispose();
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
