namespace Sharpgrad.NN;

/// <summary>
/// Shared plumbing of the recurrent layers: PyTorch's parameter names and layout (weight_ih_l{k} [gates·hidden, in],
/// weight_hh_l{k}, bias_ih_l{k}, bias_hh_l{k}), its init (uniform in ±1/√hidden), and the [T, N, features] /
/// batch_first / unbatched input conventions. The cells are built from recorded ops, so gradients, grad modes and
/// the ledger work as for any other composition. PyTorch: torch.nn.modules.rnn.RNNBase.
/// </summary>
public abstract class RecurrentBase : Module
{
    private protected readonly Tensor[] WIh, WHh;
    private protected readonly Tensor?[] BIh, BHh;

    private protected RecurrentBase(int gates, int inputSize, int hiddenSize, int numLayers, bool bias, bool batchFirst, DType dtype)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hiddenSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(numLayers);
        InputSize = inputSize;
        HiddenSize = hiddenSize;
        NumLayers = numLayers;
        BatchFirst = batchFirst;
        WIh = new Tensor[numLayers];
        WHh = new Tensor[numLayers];
        BIh = new Tensor?[numLayers];
        BHh = new Tensor?[numLayers];
        double bound = 1.0 / Math.Sqrt(hiddenSize);
        using (Autograd.NoGrad())
        {
            for (int l = 0; l < numLayers; l++)
            {
                int inSize = l == 0 ? inputSize : hiddenSize;
                WIh[l] = RegisterParameter($"weight_ih_l{l}", Tensor.Empty([gates * hiddenSize, inSize], dtype).Uniform_(-bound, bound));
                WHh[l] = RegisterParameter($"weight_hh_l{l}", Tensor.Empty([gates * hiddenSize, hiddenSize], dtype).Uniform_(-bound, bound));
                if (bias)
                {
                    BIh[l] = RegisterParameter($"bias_ih_l{l}", Tensor.Empty([gates * hiddenSize], dtype).Uniform_(-bound, bound));
                    BHh[l] = RegisterParameter($"bias_hh_l{l}", Tensor.Empty([gates * hiddenSize], dtype).Uniform_(-bound, bound));
                }
            }
        }
    }

    /// <summary>Features per input step.</summary>
    public int InputSize { get; }

    /// <summary>Features of the hidden state.</summary>
    public int HiddenSize { get; }

    /// <summary>Stacked layers.</summary>
    public int NumLayers { get; }

    /// <summary>Input and output are [N, T, features] instead of [T, N, features].</summary>
    public bool BatchFirst { get; }

    /// <summary>The input as [T, N, features] and whether it had a batch dimension.</summary>
    private protected (Tensor X, bool Batched) TimeMajor(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Dim is not (2 or 3))
            throw new ArgumentException($"{GetType().Name}: Expected input to be 2D or 3D, got {input.Dim}D instead");
        bool batched = input.Dim == 3;
        var x = batched ? (BatchFirst ? input.Transpose(0, 1) : input) : input.Unsqueeze(1);
        if (x.Shape[2] != InputSize)
            throw new ArgumentException($"input.size(-1) must be equal to input_size. Expected {InputSize}, got {x.Shape[2]}");
        return (x, batched);
    }

    /// <summary>An initial state as [layers, N, hidden] (zeros when null), checked against PyTorch's expected size.</summary>
    private protected Tensor InitialState(Tensor? given, bool batched, int n, DType dtype, int index)
    {
        if (given is null) return Tensor.Zeros([NumLayers, n, HiddenSize], dtype);
        var s = batched ? given : given.Unsqueeze(1);
        int[] expected = [NumLayers, n, HiddenSize];
        if (!s.Shape.SequenceEqual(expected))
            throw new ArgumentException($"Expected hidden{(index < 0 ? "" : $"[{index}]")} size ({string.Join(", ", expected)}), got [{string.Join(", ", s.Shape)}]");
        return s;
    }

    /// <summary>Every step's input projection of one layer in a single GEMM: [T, N, gates·hidden].</summary>
    private protected Tensor Project(Tensor layerInput, int layer)
    {
        int steps = layerInput.Shape[0], n = layerInput.Shape[1];
        return Functional.Linear(layerInput.Reshape(steps * n, layerInput.Shape[2]), WIh[layer], BIh[layer]).View(steps, n, WIh[layer].Shape[0]);
    }

    /// <summary>Back to the caller's layout: [T, N, H] to batch_first or unbatched.</summary>
    private protected Tensor OutputLayout(Tensor output, bool batched) =>
        !batched ? output.Squeeze(1) : BatchFirst ? output.Transpose(0, 1) : output;

    /// <inheritdoc/>
    protected override string ExtraRepr =>
        $"{InputSize}, {HiddenSize}" + (NumLayers != 1 ? $", num_layers={NumLayers}" : "") + (BIh[0] is null ? ", bias=False" : "") +
        (BatchFirst ? ", batch_first=True" : "");
}

/// <summary>
/// A multi-layer LSTM (gates stacked as input, forget, cell, output): c' = f·c + i·g, h' = o·tanh(c').
/// PyTorch: torch.nn.LSTM (unidirectional).
/// </summary>
public sealed class LSTM(int inputSize, int hiddenSize, int numLayers = 1, bool bias = true, bool batchFirst = false, DType dtype = DType.Float32)
    : RecurrentBase(4, inputSize, hiddenSize, numLayers, bias, batchFirst, dtype)
{
    /// <summary>The outputs of the last layer at every step (initial states zero).</summary>
    public override Tensor Forward(Tensor input) => ForwardWithState(input).Output;

    /// <summary>
    /// Runs the sequence from <paramref name="state"/> (h0, c0: [layers, N, hidden], or [layers, hidden] unbatched; zeros
    /// when null) and returns the last layer's outputs and the final (h, c) of every layer. PyTorch: lstm(x, (h0, c0)).
    /// </summary>
    public (Tensor Output, (Tensor H, Tensor C) State) ForwardWithState(Tensor input, (Tensor H, Tensor C)? state = null)
    {
        var (x, batched) = TimeMajor(input);
        int steps = x.Shape[0], n = x.Shape[1];
        var h0 = InitialState(state?.H, batched, n, input.DType, 0);
        var c0 = InitialState(state?.C, batched, n, input.DType, 1);
        var layerInput = x;
        var hs = new Tensor[NumLayers];
        var cs = new Tensor[NumLayers];
        for (int l = 0; l < NumLayers; l++)
        {
            var projected = Project(layerInput, l);
            var h = h0.Select(0, l);
            var c = c0.Select(0, l);
            var outputs = new Tensor[steps];
            for (int t = 0; t < steps; t++)
            {
                var g = (projected.Select(0, t) + Functional.Linear(h, WHh[l], BHh[l])).Chunk(4, 1);
                c = g[1].Sigmoid() * c + g[0].Sigmoid() * g[2].Tanh();
                h = g[3].Sigmoid() * c.Tanh();
                outputs[t] = h;
            }
            hs[l] = h;
            cs[l] = c;
            layerInput = Tensor.Stack(outputs);
        }
        var hn = Tensor.Stack(hs);
        var cn = Tensor.Stack(cs);
        return (OutputLayout(layerInput, batched), batched ? (hn, cn) : (hn.Squeeze(1), cn.Squeeze(1)));
    }
}

/// <summary>
/// A multi-layer GRU (gates stacked as reset, update, new): n = tanh(Wᵢₙx + bᵢₙ + r·(Wₕₙh + bₕₙ)),
/// h' = (1 - z)·n + z·h. PyTorch: torch.nn.GRU (unidirectional).
/// </summary>
public sealed class GRU(int inputSize, int hiddenSize, int numLayers = 1, bool bias = true, bool batchFirst = false, DType dtype = DType.Float32)
    : RecurrentBase(3, inputSize, hiddenSize, numLayers, bias, batchFirst, dtype)
{
    /// <summary>The outputs of the last layer at every step (initial state zero).</summary>
    public override Tensor Forward(Tensor input) => ForwardWithState(input).Output;

    /// <summary>
    /// Runs the sequence from <paramref name="h0"/> ([layers, N, hidden], or [layers, hidden] unbatched; zeros when null)
    /// and returns the last layer's outputs and the final hidden state of every layer. PyTorch: gru(x, h0).
    /// </summary>
    public (Tensor Output, Tensor H) ForwardWithState(Tensor input, Tensor? h0 = null)
    {
        var (x, batched) = TimeMajor(input);
        int steps = x.Shape[0], n = x.Shape[1];
        var hInit = InitialState(h0, batched, n, input.DType, -1);
        var layerInput = x;
        var hs = new Tensor[NumLayers];
        for (int l = 0; l < NumLayers; l++)
        {
            var projected = Project(layerInput, l);
            var h = hInit.Select(0, l);
            var outputs = new Tensor[steps];
            for (int t = 0; t < steps; t++)
            {
                var gi = projected.Select(0, t).Chunk(3, 1);
                var gh = Functional.Linear(h, WHh[l], BHh[l]).Chunk(3, 1);
                var r = (gi[0] + gh[0]).Sigmoid();
                var z = (gi[1] + gh[1]).Sigmoid();
                var nGate = (gi[2] + r * gh[2]).Tanh();
                h = (1.0 - z) * nGate + z * h;
                outputs[t] = h;
            }
            hs[l] = h;
            layerInput = Tensor.Stack(outputs);
        }
        var hn = Tensor.Stack(hs);
        return (OutputLayout(layerInput, batched), batched ? hn : hn.Squeeze(1));
    }
}
