namespace Sharpgrad.NN;

/// <summary>
/// Shared plumbing of the single-step recurrent cells: PyTorch's parameter names and layout (weight_ih [gates·hidden,
/// in], weight_hh [gates·hidden, hidden], bias_ih, bias_hh), its init (uniform in ±1/√hidden), batched [N, in] and
/// unbatched [in] input, the zero default state and the input / hidden checks. The step math is the layers'
/// (<see cref="RNN"/>, <see cref="LSTM"/>, <see cref="GRU"/>). PyTorch: torch.nn.modules.rnn.RNNCellBase.
/// </summary>
public abstract class RecurrentCellBase : Module
{
    private protected RecurrentCellBase(int gates, int inputSize, int hiddenSize, bool bias, DType dtype)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hiddenSize);
        InputSize = inputSize;
        HiddenSize = hiddenSize;
        double bound = 1.0 / Math.Sqrt(hiddenSize);
        using (Autograd.NoGrad())
        {
            WeightIh = RegisterParameter("weight_ih", Tensor.Empty([gates * hiddenSize, inputSize], dtype).Uniform_(-bound, bound));
            WeightHh = RegisterParameter("weight_hh", Tensor.Empty([gates * hiddenSize, hiddenSize], dtype).Uniform_(-bound, bound));
            if (bias)
            {
                BiasIh = RegisterParameter("bias_ih", Tensor.Empty([gates * hiddenSize], dtype).Uniform_(-bound, bound));
                BiasHh = RegisterParameter("bias_hh", Tensor.Empty([gates * hiddenSize], dtype).Uniform_(-bound, bound));
            }
        }
    }

    /// <summary>Features of the input.</summary>
    public int InputSize { get; }

    /// <summary>Features of the hidden state.</summary>
    public int HiddenSize { get; }

    /// <summary>The input-to-hidden weights [gates·hidden, in]. PyTorch: weight_ih.</summary>
    public Tensor WeightIh { get; }

    /// <summary>The hidden-to-hidden weights [gates·hidden, hidden]. PyTorch: weight_hh.</summary>
    public Tensor WeightHh { get; }

    /// <summary>The input-to-hidden bias, or null without bias. PyTorch: bias_ih.</summary>
    public Tensor? BiasIh { get; }

    /// <summary>The hidden-to-hidden bias, or null without bias. PyTorch: bias_hh.</summary>
    public Tensor? BiasHh { get; }

    /// <summary>
    /// Checks <paramref name="input"/> and the state components (h first; a null one is zeros), and returns them as
    /// [N, features] with whether the input was batched; PyTorch's ValueError / RuntimeError wording.
    /// </summary>
    private protected (Tensor X, Tensor[] State, bool Batched) Prepare(Tensor input, Tensor?[] hx)
    {
        ArgumentNullException.ThrowIfNull(input);
        string name = GetType().Name;
        if (input.Dim is not (1 or 2))
            throw new ArgumentException($"{name}: Expected input to be 1D or 2D, got {input.Dim}D instead");
        if (hx[0] is { Dim: not (1 or 2) } h)
            throw new ArgumentException($"{name}: Expected hidden to be 1D or 2D, got {h.Dim}D instead");
        bool batched = input.Dim == 2;
        var x = batched ? input : input.Unsqueeze(0);
        if (x.Shape[1] != InputSize)
            throw new ArgumentException($"input has inconsistent input_size: got {x.Shape[1]} expected {InputSize}");
        var state = new Tensor[hx.Length];
        for (int k = 0; k < hx.Length; k++)
        {
            if (hx[k] is not { } given)
            {
                state[k] = Tensor.Zeros([x.Shape[0], HiddenSize], input.DType);
                continue;
            }
            state[k] = batched ? given : given.Unsqueeze(0);
            if (state[k].Shape[0] != x.Shape[0])
                throw new ArgumentException($"Input batch size {x.Shape[0]} doesn't match hidden{k} batch size {state[k].Shape[0]}");
            if (state[k].Dim < 2) throw Errors.DimOutOfRange(1, state[k].Dim);
            if (state[k].Shape[1] != HiddenSize)
                throw new ArgumentException($"hidden{k} has inconsistent hidden_size: got {state[k].Shape[1]}, expected {HiddenSize}");
        }
        return (x, state, batched);
    }

    /// <summary>The input projection Wᵢₕx + bᵢₕ of a prepared [N, in] input.</summary>
    private protected Tensor Project(Tensor x) => Functional.Linear(x, WeightIh, BiasIh);

    /// <summary>A state component back in the caller's layout (SqueezeBackward1 when the input was unbatched).</summary>
    private protected static Tensor Unbatch(Tensor t, bool batched) => batched ? t : t.Squeeze(0);

    /// <inheritdoc/>
    protected override string ExtraRepr => $"{InputSize}, {HiddenSize}" + (BiasIh is null ? ", bias=False" : "");
}

/// <summary>
/// One step of an Elman RNN: h' = act(Wᵢₕx + bᵢₕ + Wₕₕh + bₕₕ) with act tanh or relu (TanhBackward0 / ReluBackward0).
/// PyTorch: torch.nn.RNNCell.
/// </summary>
public sealed class RNNCell : RecurrentCellBase
{
    /// <summary>
    /// An RNN cell; <paramref name="nonlinearity"/> is "tanh" (default) or "relu". As in PyTorch another name is
    /// accepted here and rejected by the forward pass.
    /// </summary>
    public RNNCell(int inputSize, int hiddenSize, bool bias = true, string nonlinearity = "tanh", DType dtype = DType.Float32)
        : base(1, inputSize, hiddenSize, bias, dtype)
    {
        ArgumentNullException.ThrowIfNull(nonlinearity);
        Nonlinearity = nonlinearity;
    }

    /// <summary>"tanh" or "relu".</summary>
    public string Nonlinearity { get; }

    /// <summary>The next hidden state from a zero state.</summary>
    public override Tensor Forward(Tensor input) => Forward(input, null);

    /// <summary>
    /// The next hidden state from <paramref name="hx"/> ([N, hidden], or [hidden] for an unbatched [in] input; zeros
    /// when null). PyTorch: cell(input, hx).
    /// </summary>
    public Tensor Forward(Tensor input, Tensor? hx)
    {
        var (x, state, batched) = Prepare(input, [hx]);
        if (Nonlinearity is not ("tanh" or "relu")) throw new ArgumentException($"Unknown nonlinearity: {Nonlinearity}");
        return Unbatch(RNN.Step(Project(x), state[0], WeightHh, BiasHh, Nonlinearity == "relu"), batched);
    }

    /// <inheritdoc/>
    protected override string ExtraRepr => base.ExtraRepr + (Nonlinearity != "tanh" ? $", nonlinearity={Nonlinearity}" : "");
}

/// <summary>
/// One LSTM step (gates stacked as input, forget, cell, output): c' = f·c + i·g (AddBackward0), h' = o·tanh(c')
/// (MulBackward0). PyTorch: torch.nn.LSTMCell.
/// </summary>
public sealed class LSTMCell(int inputSize, int hiddenSize, bool bias = true, DType dtype = DType.Float32)
    : RecurrentCellBase(4, inputSize, hiddenSize, bias, dtype)
{
    /// <summary>The next h from a zero state.</summary>
    public override Tensor Forward(Tensor input) => ForwardWithState(input).H;

    /// <summary>
    /// The next (h, c) from <paramref name="hx"/> (each [N, hidden], or [hidden] for an unbatched [in] input; zeros when
    /// null). PyTorch: cell(input, (h, c)).
    /// </summary>
    public (Tensor H, Tensor C) ForwardWithState(Tensor input, (Tensor H, Tensor C)? hx = null)
    {
        var (x, state, batched) = Prepare(input, [hx?.H, hx?.C]);
        var (h, c) = LSTM.Step(Project(x), state[0], state[1], WeightHh, BiasHh);
        return (Unbatch(h, batched), Unbatch(c, batched));
    }
}

/// <summary>
/// One GRU step (gates stacked as reset, update, new): n = tanh(Wᵢₙx + bᵢₙ + r·(Wₕₙh + bₕₙ)), h' = (1 - z)·n + z·h
/// (AddBackward0). PyTorch: torch.nn.GRUCell.
/// </summary>
public sealed class GRUCell(int inputSize, int hiddenSize, bool bias = true, DType dtype = DType.Float32)
    : RecurrentCellBase(3, inputSize, hiddenSize, bias, dtype)
{
    /// <summary>The next hidden state from a zero state.</summary>
    public override Tensor Forward(Tensor input) => Forward(input, null);

    /// <summary>
    /// The next hidden state from <paramref name="hx"/> ([N, hidden], or [hidden] for an unbatched [in] input; zeros
    /// when null). PyTorch: cell(input, hx).
    /// </summary>
    public Tensor Forward(Tensor input, Tensor? hx)
    {
        var (x, state, batched) = Prepare(input, [hx]);
        return Unbatch(GRU.Step(Project(x), state[0], WeightHh, BiasHh), batched);
    }
}
