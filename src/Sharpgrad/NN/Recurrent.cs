namespace Sharpgrad.NN;

/// <summary>
/// A multi-layer LSTM over [T, N, input] (or [N, T, input] with batchFirst, or unbatched [T, input]), with PyTorch's
/// parameter names and layout (gates stacked as input, forget, cell, output). Built from recorded ops, so gradients,
/// grad modes and the ledger work as for any other composition. PyTorch: torch.nn.LSTM (unidirectional).
/// </summary>
public sealed class LSTM : Module
{
    private readonly Tensor[] _wIh, _wHh;
    private readonly Tensor?[] _bIh, _bHh;

    /// <summary>An LSTM with PyTorch's init: every weight and bias uniform in ±1/√hiddenSize.</summary>
    public LSTM(int inputSize, int hiddenSize, int numLayers = 1, bool bias = true, bool batchFirst = false, DType dtype = DType.Float32)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hiddenSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(numLayers);
        InputSize = inputSize;
        HiddenSize = hiddenSize;
        NumLayers = numLayers;
        BatchFirst = batchFirst;
        _wIh = new Tensor[numLayers];
        _wHh = new Tensor[numLayers];
        _bIh = new Tensor?[numLayers];
        _bHh = new Tensor?[numLayers];
        double bound = 1.0 / Math.Sqrt(hiddenSize);
        using (Autograd.NoGrad())
        {
            for (int l = 0; l < numLayers; l++)
            {
                int inSize = l == 0 ? inputSize : hiddenSize;
                _wIh[l] = RegisterParameter($"weight_ih_l{l}", Tensor.Empty([4 * hiddenSize, inSize], dtype).Uniform_(-bound, bound));
                _wHh[l] = RegisterParameter($"weight_hh_l{l}", Tensor.Empty([4 * hiddenSize, hiddenSize], dtype).Uniform_(-bound, bound));
                if (bias)
                {
                    _bIh[l] = RegisterParameter($"bias_ih_l{l}", Tensor.Empty([4 * hiddenSize], dtype).Uniform_(-bound, bound));
                    _bHh[l] = RegisterParameter($"bias_hh_l{l}", Tensor.Empty([4 * hiddenSize], dtype).Uniform_(-bound, bound));
                }
            }
        }
    }

    /// <summary>Features per input step.</summary>
    public int InputSize { get; }

    /// <summary>Features of the hidden and cell states.</summary>
    public int HiddenSize { get; }

    /// <summary>Stacked layers.</summary>
    public int NumLayers { get; }

    /// <summary>Input and output are [N, T, features] instead of [T, N, features].</summary>
    public bool BatchFirst { get; }

    /// <summary>The outputs of the last layer at every step (initial states zero).</summary>
    public override Tensor Forward(Tensor input) => ForwardWithState(input).Output;

    /// <summary>
    /// Runs the sequence from <paramref name="state"/> (h0, c0: [layers, N, hidden], or [layers, hidden] unbatched; zeros
    /// when null) and returns the last layer's outputs and the final (h, c) of every layer. PyTorch: lstm(x, (h0, c0)).
    /// </summary>
    public (Tensor Output, (Tensor H, Tensor C) State) ForwardWithState(Tensor input, (Tensor H, Tensor C)? state = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Dim is not (2 or 3))
            throw new ArgumentException($"LSTM: Expected input to be 2D or 3D, got {input.Dim}D instead");
        bool batched = input.Dim == 3;
        var x = batched ? (BatchFirst ? input.Transpose(0, 1) : input) : input.Unsqueeze(1); // [T, N, I]
        if (x.Shape[2] != InputSize)
            throw new ArgumentException($"input.size(-1) must be equal to input_size. Expected {InputSize}, got {x.Shape[2]}");
        int steps = x.Shape[0], n = x.Shape[1];
        Tensor h0, c0;
        if (state is { } s)
        {
            h0 = batched ? s.H : s.H.Unsqueeze(1);
            c0 = batched ? s.C : s.C.Unsqueeze(1);
            int[] expected = [NumLayers, n, HiddenSize];
            if (!h0.Shape.SequenceEqual(expected))
                throw new ArgumentException($"Expected hidden[0] size ({string.Join(", ", expected)}), got [{string.Join(", ", h0.Shape)}]");
            if (!c0.Shape.SequenceEqual(expected))
                throw new ArgumentException($"Expected hidden[1] size ({string.Join(", ", expected)}), got [{string.Join(", ", c0.Shape)}]");
        }
        else
        {
            h0 = Tensor.Zeros([NumLayers, n, HiddenSize], input.DType);
            c0 = Tensor.Zeros([NumLayers, n, HiddenSize], input.DType);
        }

        var layerInput = x;
        var hs = new Tensor[NumLayers];
        var cs = new Tensor[NumLayers];
        for (int l = 0; l < NumLayers; l++)
        {
            // The input projection of every step in one GEMM; only h @ W_hh stays in the loop.
            var projected = Functional.Linear(layerInput.Reshape(steps * n, layerInput.Shape[2]), _wIh[l], _bIh[l]).View(steps, n, 4 * HiddenSize);
            var h = h0.Select(0, l);
            var c = c0.Select(0, l);
            var outputs = new Tensor[steps];
            for (int t = 0; t < steps; t++)
            {
                var gates = projected.Select(0, t) + Functional.Linear(h, _wHh[l], _bHh[l]);
                var g = gates.Chunk(4, 1);
                var i = g[0].Sigmoid();
                var f = g[1].Sigmoid();
                var cell = g[2].Tanh();
                var o = g[3].Sigmoid();
                c = f * c + i * cell;
                h = o * c.Tanh();
                outputs[t] = h;
            }
            hs[l] = h;
            cs[l] = c;
            layerInput = Tensor.Stack(outputs);
        }
        var output = layerInput; // [T, N, H]
        var hn = Tensor.Stack(hs);
        var cn = Tensor.Stack(cs);
        if (!batched) return (output.Squeeze(1), (hn.Squeeze(1), cn.Squeeze(1)));
        return (BatchFirst ? output.Transpose(0, 1) : output, (hn, cn));
    }

    /// <inheritdoc/>
    protected override string ExtraRepr =>
        $"{InputSize}, {HiddenSize}" + (NumLayers != 1 ? $", num_layers={NumLayers}" : "") + (_bIh[0] is null ? ", bias=False" : "") +
        (BatchFirst ? ", batch_first=True" : "");
}
