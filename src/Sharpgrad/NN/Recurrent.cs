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
        int steps = x.Shape[0], n = x.Shape[1];
        var init = InitialStates(initial, n, input.DType, s => batched ? s : s.Unsqueeze(1));
        var (layerInput, finals) = Layers(x, init, (i, dir, layerIn, state) =>
        {
            // Every step's input projection in one GEMM; only the recurrent product stays in the loop.
            var projected = Functional.Linear(layerIn.Reshape(steps * n, layerIn.Shape[2]), _wIh[i], _bIh[i]).View(steps, n, _wIh[i].Shape[0]);
            var outputs = new Tensor[steps];
            for (int s = 0; s < steps; s++)
            {
                int t = dir == 0 ? s : steps - 1 - s;
                state = Cell(projected.Select(0, t), state, _wHh[i], _bHh[i], _wHr[i]);
                outputs[t] = state[0];
            }
            return (Tensor.Stack(outputs), state);
        });
        var final = finals.Select(f => { var st = Tensor.Stack(f); return batched ? st : st.Squeeze(1); }).ToArray();
        var output = !batched ? layerInput.Squeeze(1) : BatchFirst ? layerInput.Transpose(0, 1) : layerInput;
        return (output, final);
    }

    /// <summary>
    /// Runs every layer and direction: <paramref name="runDirection"/>(index, direction, layer input, initial state)
    /// returns that direction's outputs and final state; directions are concatenated along the last dim and dropout is
    /// applied between layers in training. Returns the last layer's outputs and, per state component, the finals.
    /// </summary>
    private (Tensor Output, Tensor[][] Finals) Layers(Tensor input, Tensor[] init, Func<int, int, Tensor, Tensor[], (Tensor Output, Tensor[] Final)> runDirection)
    {
        int directions = Directions;
        var finals = new Tensor[init.Length][];
        for (int k = 0; k < init.Length; k++) finals[k] = new Tensor[NumLayers * directions];
        var layerInput = input;
        for (int l = 0; l < NumLayers; l++)
        {
            var perDirection = new Tensor[directions];
            for (int dir = 0; dir < directions; dir++)
            {
                int i = l * directions + dir;
                var start = new Tensor[init.Length];
                for (int k = 0; k < init.Length; k++) start[k] = init[k].Select(0, i);
                var (output, final) = runDirection(i, dir, layerInput, start);
                for (int k = 0; k < final.Length; k++) finals[k][i] = final[k];
                perDirection[dir] = output;
            }
            layerInput = directions == 1 ? perDirection[0] : Tensor.Cat(perDirection, -1);
            if (Dropout > 0 && Training && l < NumLayers - 1) layerInput = Functional.Dropout(layerInput, Dropout, training: true);
        }
        return (layerInput, finals);
    }

    /// <summary>
    /// The initial state components for a batch of <paramref name="n"/>: each given one (after <paramref name="adapt"/>)
    /// checked against [layers·directions, N, width], zeros for a null one.
    /// </summary>
    private Tensor[] InitialStates(Tensor?[] initial, int n, DType dtype, Func<Tensor, Tensor> adapt, bool check = true)
    {
        var init = new Tensor[initial.Length];
        for (int k = 0; k < initial.Length; k++)
        {
            int[] expected = [NumLayers * Directions, n, k == 0 ? OutputSize : HiddenSize];
            if (initial[k] is not { } given)
            {
                init[k] = Tensor.Zeros(expected, dtype);
                continue;
            }
            init[k] = adapt(given);
            if (check && !init[k].Shape.SequenceEqual(expected))
                throw new ArgumentException($"Expected hidden{(initial.Length > 1 ? $"[{k}]" : "")} size ({string.Join(", ", expected)}), got [{string.Join(", ", init[k].Shape)}]");
        }
        return init;
    }

    /// <summary>
    /// Runs every layer and direction over a packed batch (sorted by decreasing length): at each step only the
    /// sequences still running advance, so each sequence's final state is taken at its own last step, as PyTorch's
    /// packed kernels do. <paramref name="initial"/> is in the caller's batch order (permuted by
    /// <see cref="PackedSequence.SortedIndices"/>) and the final states are returned in it (IndexSelectBackward0);
    /// the output data is CatBackward0 of the steps. Without <paramref name="checkHidden"/> (PyTorch's packed LSTM) a
    /// wrongly sized state is left to fail in the cell's arithmetic, with the broadcast message PyTorch gives.
    /// </summary>
    private protected (PackedSequence Output, Tensor[] Final) RunPacked(PackedSequence input, Tensor?[] initial, bool checkHidden = true)
    {
        ArgumentNullException.ThrowIfNull(input);
        var data = input.Data;
        if (data.Dim != 2) throw new ArgumentException($"input must have 2 dimensions, got {data.Dim}");
        if (data.Shape[1] != InputSize)
            throw new ArgumentException($"input.size(-1) must be equal to input_size. Expected {InputSize}, got {data.Shape[1]}");
        var sizes = input.Steps;
        int steps = sizes.Length;
        var offsets = new long[steps + 1];
        for (int t = 0; t < steps; t++) offsets[t + 1] = offsets[t] + sizes[t];
        var sorted = input.SortedIndices;
        var init = InitialStates(initial, (int)sizes[0], data.DType, s => sorted is null ? s : s.IndexSelect(1, sorted), checkHidden);
        var (layerInput, finals) = Layers(data, init, (i, dir, layerIn, state) =>
        {
            var projected = Functional.Linear(layerIn, _wIh[i], _bIh[i]);
            var outputs = new Tensor[steps];
            var final = dir == 0 ? PackedForward(projected, sizes, offsets, state, outputs, i) : PackedBackward(projected, sizes, offsets, state, outputs, i);
            return (Tensor.Cat(outputs), final);
        });
        var unsorted = input.UnsortedIndices;
        var result = new Tensor[initial.Length];
        for (int k = 0; k < result.Length; k++)
        {
            var stacked = Tensor.Stack(finals[k]);
            result[k] = unsorted is null ? stacked : stacked.IndexSelect(1, unsorted);
        }
        return (input with { Data = layerInput }, result);
    }

    /// <summary>
    /// Forward in time over packed steps: when the batch shrinks, the rows of the sequences that ended are set aside;
    /// returns the final states (set-aside rows in batch order).
    /// </summary>
    private Tensor[] PackedForward(Tensor projected, long[] sizes, long[] offsets, Tensor[] state, Tensor[] outputs, int i)
    {
        var ended = new List<Tensor>[state.Length];
        for (int k = 0; k < state.Length; k++) ended[k] = [];
        long current = sizes[0];
        for (int t = 0; t < sizes.Length; t++)
        {
            long b = sizes[t];
            if (b < current)
                for (int k = 0; k < state.Length; k++)
                {
                    ended[k].Add(state[k].Narrow(0, b, current - b));
                    state[k] = state[k].Narrow(0, 0, b);
                }
            current = b;
            state = Cell(projected.Narrow(0, offsets[t], b), state, _wHh[i], _bHh[i], _wHr[i]);
            outputs[t] = state[0];
        }
        var final = new Tensor[state.Length];
        for (int k = 0; k < state.Length; k++)
        {
            ended[k].Add(state[k]);
            ended[k].Reverse();
            final[k] = Tensor.Cat([.. ended[k]]);
        }
        return final;
    }

    /// <summary>Backward in time over packed steps: starts with the shortest batch and takes in initial rows as it grows.</summary>
    private Tensor[] PackedBackward(Tensor projected, long[] sizes, long[] offsets, Tensor[] initial, Tensor[] outputs, int i)
    {
        long current = sizes[^1];
        var state = new Tensor[initial.Length];
        for (int k = 0; k < state.Length; k++) state[k] = initial[k].Narrow(0, 0, current);
        for (int t = sizes.Length - 1; t >= 0; t--)
        {
            long b = sizes[t];
            if (b > current)
                for (int k = 0; k < state.Length; k++) state[k] = Tensor.Cat([state[k], initial[k].Narrow(0, current, b - current)]);
            current = b;
            state = Cell(projected.Narrow(0, offsets[t], b), state, _wHh[i], _bHh[i], _wHr[i]);
            outputs[t] = state[0];
        }
        return state;
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

    /// <summary>
    /// Runs a packed batch from <paramref name="state"/> (in the caller's batch order; zeros when null) and returns the
    /// packed outputs and each sequence's (h, c) at its own last step. PyTorch: lstm(packed, (h0, c0)).
    /// </summary>
    public (PackedSequence Output, (Tensor H, Tensor C) State) ForwardWithState(PackedSequence input, (Tensor H, Tensor C)? state = null)
    {
        var (output, final) = RunPacked(input, [state?.H, state?.C], checkHidden: false);
        return (output, (final[0], final[1]));
    }

    /// <summary>The packed outputs of the last layer (initial states zero).</summary>
    public PackedSequence Forward(PackedSequence input) => ForwardWithState(input).Output;

    private protected override Tensor[] Cell(Tensor projected, Tensor[] state, Tensor wHh, Tensor? bHh, Tensor? wHr)
    {
        var (h, c) = Step(projected, state[0], state[1], wHh, bHh);
        return [wHr is null ? h : Functional.Linear(h, wHr), c];
    }

    /// <summary>One LSTM step from the input projection Wᵢx + bᵢ: the new (h, c) (h unprojected; MulBackward0, AddBackward0).</summary>
    internal static (Tensor H, Tensor C) Step(Tensor projected, Tensor h, Tensor c, Tensor wHh, Tensor? bHh)
    {
        var g = (Functional.Linear(h, wHh, bHh) + projected).Chunk(4, 1);
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

    /// <summary>
    /// Runs a packed batch from <paramref name="h0"/> (in the caller's batch order; zeros when null) and returns the
    /// packed outputs and each sequence's hidden state at its own last step. PyTorch: module(packed, h0).
    /// </summary>
    public (PackedSequence Output, Tensor H) ForwardWithState(PackedSequence input, Tensor? h0 = null)
    {
        var (output, final) = RunPacked(input, [h0]);
        return (output, final[0]);
    }

    /// <summary>The packed outputs of the last layer (initial state zero).</summary>
    public PackedSequence Forward(PackedSequence input) => ForwardWithState(input).Output;

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

    /// <summary>
    /// Runs a packed batch from <paramref name="h0"/> (in the caller's batch order; zeros when null) and returns the
    /// packed outputs and each sequence's hidden state at its own last step. PyTorch: module(packed, h0).
    /// </summary>
    public (PackedSequence Output, Tensor H) ForwardWithState(PackedSequence input, Tensor? h0 = null)
    {
        var (output, final) = RunPacked(input, [h0]);
        return (output, final[0]);
    }

    /// <summary>The packed outputs of the last layer (initial state zero).</summary>
    public PackedSequence Forward(PackedSequence input) => ForwardWithState(input).Output;

    private protected override Tensor[] Cell(Tensor projected, Tensor[] state, Tensor wHh, Tensor? bHh, Tensor? wHr) =>
        [Step(projected, state[0], wHh, bHh, Nonlinearity == "relu")];

    /// <summary>One Elman step from the input projection Wᵢx + bᵢ: the new h (ReluBackward0 or TanhBackward0).</summary>
    internal static Tensor Step(Tensor projected, Tensor h, Tensor wHh, Tensor? bHh, bool relu)
    {
        var pre = projected + Functional.Linear(h, wHh, bHh);
        return relu ? pre.Relu() : pre.Tanh();
    }
}
