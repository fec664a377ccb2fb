namespace Sharpgrad.NN;

/// <summary>
/// Shared plumbing of the recurrent layers: PyTorch's parameter names and layout (weight_ih_l{k}[_reverse]
/// [gates·hidden, in], weight_hh_l{k}, bias_ih_l{k}, bias_hh_l{k}, and for a projected LSTM weight_hr_l{k}), its init
/// (uniform in ±1/√hidden), the
/// [T, N, features] / batch_first / unbatched conventions, bidirectional layers (outputs concatenated forward then
/// backward) and dropout between layers in training. The cells are built from recorded ops, so gradients, grad modes
/// and the ledger work as for any other composition. PyTorch: torch.nn.modules.rnn.RNNBase.
/// </summary>
public abstract class RecurrentBase : Module
{
    private readonly Tensor[] _wIh, _wHh;
    private readonly Tensor?[] _bIh, _bHh, _wHr;

    private protected RecurrentBase(int gates, int inputSize, int hiddenSize, int numLayers, bool bias, bool batchFirst, double dropout,
        bool bidirectional, DType dtype, int projSize = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hiddenSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(numLayers);
        if (!(dropout >= 0 && dropout <= 1))
            throw new ArgumentException("dropout should be a number in range [0, 1] representing the probability of an element being zeroed");
        if (projSize < 0) throw new ArgumentException("proj_size should be a positive integer or zero to disable projections");
        if (projSize >= hiddenSize) throw new ArgumentException("proj_size has to be smaller than hidden_size");
        InputSize = inputSize;
        HiddenSize = hiddenSize;
        NumLayers = numLayers;
        BatchFirst = batchFirst;
        Dropout = dropout;
        Bidirectional = bidirectional;
        ProjSize = projSize;
        int directions = Directions, outSize = OutputSize;
        _wIh = new Tensor[numLayers * directions];
        _wHh = new Tensor[numLayers * directions];
        _bIh = new Tensor?[numLayers * directions];
        _bHh = new Tensor?[numLayers * directions];
        _wHr = new Tensor?[numLayers * directions];
        double bound = 1.0 / Math.Sqrt(hiddenSize);
        using (Autograd.NoGrad())
        {
            for (int l = 0; l < numLayers; l++)
                for (int dir = 0; dir < directions; dir++)
                {
                    int i = l * directions + dir, inSize = l == 0 ? inputSize : outSize * directions;
                    string suffix = dir == 1 ? "_reverse" : "";
                    _wIh[i] = RegisterParameter($"weight_ih_l{l}{suffix}", Tensor.Empty([gates * hiddenSize, inSize], dtype).Uniform_(-bound, bound));
                    _wHh[i] = RegisterParameter($"weight_hh_l{l}{suffix}", Tensor.Empty([gates * hiddenSize, outSize], dtype).Uniform_(-bound, bound));
                    if (bias)
                    {
                        _bIh[i] = RegisterParameter($"bias_ih_l{l}{suffix}", Tensor.Empty([gates * hiddenSize], dtype).Uniform_(-bound, bound));
                        _bHh[i] = RegisterParameter($"bias_hh_l{l}{suffix}", Tensor.Empty([gates * hiddenSize], dtype).Uniform_(-bound, bound));
                    }
                    if (projSize > 0)
                        _wHr[i] = RegisterParameter($"weight_hr_l{l}{suffix}", Tensor.Empty([projSize, hiddenSize], dtype).Uniform_(-bound, bound));
                }
        }
    }

    /// <summary>Features per input step.</summary>
    public int InputSize { get; }

    /// <summary>Features of the hidden state (per direction).</summary>
    public int HiddenSize { get; }

    /// <summary>Stacked layers.</summary>
    public int NumLayers { get; }

    /// <summary>Input and output are [N, T, features] instead of [T, N, features].</summary>
    public bool BatchFirst { get; }

    /// <summary>Dropout on the outputs of every layer but the last, in training mode.</summary>
    public double Dropout { get; }

    /// <summary>Each layer also runs the sequence backwards; outputs are [forward, backward] concatenated.</summary>
    public bool Bidirectional { get; }

    /// <summary>Width of the LSTM's projected hidden state h (0: no projection). PyTorch: proj_size.</summary>
    public int ProjSize { get; }

    private int Directions => Bidirectional ? 2 : 1;

    /// <summary>Width of h, the output per direction: the projection's when there is one.</summary>
    private int OutputSize => ProjSize > 0 ? ProjSize : HiddenSize;

    /// <summary>One step of the cell: the input projection at this step, the state (h first), the recurrent weights.</summary>
    private protected abstract Tensor[] Cell(Tensor projected, Tensor[] state, Tensor wHh, Tensor? bHh, Tensor? wHr);

    /// <summary>
    /// Runs every layer and direction from <paramref name="initial"/> (one [layers·directions, N, width] tensor per state
    /// component, h's width the output size, c's the hidden size, or unbatched without N; zeros when null) and returns
    /// the last layer's outputs in the
    /// caller's layout and the final state components.
    /// </summary>
    private protected (Tensor Output, Tensor[] Final) Run(Tensor input, Tensor?[] initial)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Dim is not (2 or 3))
            throw new ArgumentException($"{GetType().Name}: Expected input to be 2D or 3D, got {input.Dim}D instead");
        bool batched = input.Dim == 3;
        var x = batched ? (BatchFirst ? input.Transpose(0, 1) : input) : input.Unsqueeze(1); // [T, N, I]
        if (x.Shape[2] != InputSize)
            throw new ArgumentException($"input.size(-1) must be equal to input_size. Expected {InputSize}, got {x.Shape[2]}");
        int steps = x.Shape[0], n = x.Shape[1], directions = Directions;
        var init = new Tensor[initial.Length];
        for (int k = 0; k < initial.Length; k++)
        {
            int[] expected = [NumLayers * directions, n, k == 0 ? OutputSize : HiddenSize];
            if (initial[k] is not { } given)
            {
                init[k] = Tensor.Zeros(expected, input.DType);
                continue;
            }
            init[k] = batched ? given : given.Unsqueeze(1);
            if (!init[k].Shape.SequenceEqual(expected))
                throw new ArgumentException($"Expected hidden{(initial.Length > 1 ? $"[{k}]" : "")} size ({string.Join(", ", expected)}), got [{string.Join(", ", init[k].Shape)}]");
        }

        var finals = new Tensor[initial.Length][];
        for (int k = 0; k < initial.Length; k++) finals[k] = new Tensor[NumLayers * directions];
        var layerInput = x;
        for (int l = 0; l < NumLayers; l++)
        {
            var perDirection = new Tensor[directions];
            for (int dir = 0; dir < directions; dir++)
            {
                int i = l * directions + dir;
                // Every step's input projection in one GEMM; only the recurrent product stays in the loop.
                var projected = Functional.Linear(layerInput.Reshape(steps * n, layerInput.Shape[2]), _wIh[i], _bIh[i]).View(steps, n, _wIh[i].Shape[0]);
                var state = init.Select(s => s.Select(0, i)).ToArray();
                var outputs = new Tensor[steps];
                for (int s = 0; s < steps; s++)
                {
                    int t = dir == 0 ? s : steps - 1 - s;
                    state = Cell(projected.Select(0, t), state, _wHh[i], _bHh[i], _wHr[i]);
                    outputs[t] = state[0];
                }
                for (int k = 0; k < state.Length; k++) finals[k][i] = state[k];
                perDirection[dir] = Tensor.Stack(outputs);
            }
            layerInput = directions == 1 ? perDirection[0] : Tensor.Cat(perDirection, 2);
            if (Dropout > 0 && Training && l < NumLayers - 1) layerInput = Functional.Dropout(layerInput, Dropout, training: true);
        }
        var final = finals.Select(f => { var st = Tensor.Stack(f); return batched ? st : st.Squeeze(1); }).ToArray();
        var output = !batched ? layerInput.Squeeze(1) : BatchFirst ? layerInput.Transpose(0, 1) : layerInput;
        return (output, final);
    }

    /// <inheritdoc/>
    protected override string ExtraRepr =>
        $"{InputSize}, {HiddenSize}" + (ProjSize != 0 ? $", proj_size={ProjSize}" : "") + (NumLayers != 1 ? $", num_layers={NumLayers}" : "") + (_bIh[0] is null ? ", bias=False" : "") +
        (BatchFirst ? ", batch_first=True" : "") + (Dropout != 0 ? $", dropout={PyFloat(Dropout)}" : "") + (Bidirectional ? ", bidirectional=True" : "");
}

/// <summary>
/// A multi-layer LSTM (gates stacked as input, forget, cell, output): c' = f·c + i·g, h' = o·tanh(c'), and with
/// <c>projSize</c> &gt; 0 h' = W_hr (o·tanh(c')) (projSize wide). PyTorch: torch.nn.LSTM.
/// </summary>
public sealed class LSTM(int inputSize, int hiddenSize, int numLayers = 1, bool bias = true, bool batchFirst = false, DType dtype = DType.Float32,
    double dropout = 0, bool bidirectional = false, int projSize = 0)
    : RecurrentBase(4, inputSize, hiddenSize, numLayers, bias, batchFirst, dropout, bidirectional, dtype, projSize)
{
    /// <summary>The outputs of the last layer at every step (initial states zero).</summary>
    public override Tensor Forward(Tensor input) => ForwardWithState(input).Output;

    /// <summary>
    /// Runs the sequence from <paramref name="state"/> (h0: [layers·directions, N, projSize or hidden], c0: [.., hidden],
    /// or without N unbatched;
    /// zeros when null) and returns the last layer's outputs and the final (h, c). PyTorch: lstm(x, (h0, c0)).
    /// </summary>
    public (Tensor Output, (Tensor H, Tensor C) State) ForwardWithState(Tensor input, (Tensor H, Tensor C)? state = null)
    {
        var (output, final) = Run(input, [state?.H, state?.C]);
        return (output, (final[0], final[1]));
    }

    private protected override Tensor[] Cell(Tensor projected, Tensor[] state, Tensor wHh, Tensor? bHh, Tensor? wHr)
    {
        var (h, c) = Step(projected, state[0], state[1], wHh, bHh);
        return [wHr is null ? h : Functional.Linear(h, wHr), c];
    }

    /// <summary>One LSTM step from the input projection Wᵢx + bᵢ: the new (h, c) (h unprojected; MulBackward0, AddBackward0).</summary>
    internal static (Tensor H, Tensor C) Step(Tensor projected, Tensor h, Tensor c, Tensor wHh, Tensor? bHh)
    {
        var g = (projected + Functional.Linear(h, wHh, bHh)).Chunk(4, 1);
        var next = g[1].Sigmoid() * c + g[0].Sigmoid() * g[2].Tanh();
        return (g[3].Sigmoid() * next.Tanh(), next);
    }
}

/// <summary>
/// A multi-layer GRU (gates stacked as reset, update, new): n = tanh(Wᵢₙx + bᵢₙ + r·(Wₕₙh + bₕₙ)),
/// h' = (1 - z)·n + z·h. PyTorch: torch.nn.GRU.
/// </summary>
public sealed class GRU(int inputSize, int hiddenSize, int numLayers = 1, bool bias = true, bool batchFirst = false, DType dtype = DType.Float32,
    double dropout = 0, bool bidirectional = false)
    : RecurrentBase(3, inputSize, hiddenSize, numLayers, bias, batchFirst, dropout, bidirectional, dtype)
{
    /// <summary>The outputs of the last layer at every step (initial state zero).</summary>
    public override Tensor Forward(Tensor input) => ForwardWithState(input).Output;

    /// <summary>
    /// Runs the sequence from <paramref name="h0"/> ([layers·directions, N, hidden], or without N unbatched; zeros when
    /// null) and returns the last layer's outputs and the final hidden states. PyTorch: gru(x, h0).
    /// </summary>
    public (Tensor Output, Tensor H) ForwardWithState(Tensor input, Tensor? h0 = null)
    {
        var (output, final) = Run(input, [h0]);
        return (output, final[0]);
    }

    private protected override Tensor[] Cell(Tensor projected, Tensor[] state, Tensor wHh, Tensor? bHh, Tensor? wHr) => [Step(projected, state[0], wHh, bHh)];

    /// <summary>One GRU step from the input projection Wᵢx + bᵢ: the new h (AddBackward0).</summary>
    internal static Tensor Step(Tensor projected, Tensor h, Tensor wHh, Tensor? bHh)
    {
        var gi = projected.Chunk(3, 1);
        var gh = Functional.Linear(h, wHh, bHh).Chunk(3, 1);
        var r = (gi[0] + gh[0]).Sigmoid();
        var z = (gi[1] + gh[1]).Sigmoid();
        var n = (gi[2] + r * gh[2]).Tanh();
        return (1.0 - z) * n + z * h;
    }
}

/// <summary>An Elman RNN: h' = act(Wᵢₕx + bᵢₕ + Wₕₕh + bₕₕ) with act tanh or relu. PyTorch: torch.nn.RNN.</summary>
public sealed class RNN : RecurrentBase
{
    /// <summary>An RNN; <paramref name="nonlinearity"/> is "tanh" (default) or "relu".</summary>
    public RNN(int inputSize, int hiddenSize, int numLayers = 1, string nonlinearity = "tanh", bool bias = true, bool batchFirst = false,
        DType dtype = DType.Float32, double dropout = 0, bool bidirectional = false)
        : base(1, inputSize, hiddenSize, numLayers, bias, batchFirst, dropout, bidirectional, dtype)
    {
        ArgumentNullException.ThrowIfNull(nonlinearity);
        if (nonlinearity is not ("tanh" or "relu"))
            throw new ArgumentException($"Unknown nonlinearity '{nonlinearity}'. Select from 'tanh' or 'relu'.");
        Nonlinearity = nonlinearity;
    }

    /// <summary>"tanh" or "relu".</summary>
    public string Nonlinearity { get; }

    /// <summary>The outputs of the last layer at every step (initial state zero).</summary>
    public override Tensor Forward(Tensor input) => ForwardWithState(input).Output;

    /// <summary>Runs the sequence from <paramref name="h0"/> (zeros when null); returns the outputs and final hidden states. PyTorch: rnn(x, h0).</summary>
    public (Tensor Output, Tensor H) ForwardWithState(Tensor input, Tensor? h0 = null)
    {
        var (output, final) = Run(input, [h0]);
        return (output, final[0]);
    }

    private protected override Tensor[] Cell(Tensor projected, Tensor[] state, Tensor wHh, Tensor? bHh, Tensor? wHr) =>
        [Step(projected, state[0], wHh, bHh, Nonlinearity == "relu")];

    /// <summary>One Elman step from the input projection Wᵢx + bᵢ: the new h (ReluBackward0 or TanhBackward0).</summary>
    internal static Tensor Step(Tensor projected, Tensor h, Tensor wHh, Tensor? bHh, bool relu)
    {
        var pre = projected + Functional.Linear(h, wHh, bHh);
        return relu ? pre.Relu() : pre.Tanh();
    }
}
