using Sharpgrad.NN;

namespace Sharpgrad.Tests.NN;

/// <summary>TransformerDecoderLayer / TransformerDecoder against PyTorch 2.6 with the same (deterministic) weights.</summary>
public class TransformerDecoderTests
{
    private static Tensor Det(int[] shape, double k) => Check.Det(shape, k, 0.4);

    private static TransformerDecoderLayer Layer(bool normFirst, string activation, bool batchFirst)
    {
        var layer = new TransformerDecoderLayer(8, 2, dimFeedforward: 16, dropout: 0, activation: activation, batchFirst: batchFirst, normFirst: normFirst, dtype: DType.Float64);
        using (Autograd.NoGrad())
        {
            int i = 0;
            foreach (var (_, p) in layer.NamedParameters()) p.Copy_(Det(p.Shape.ToArray(), 0.19 + 0.07 * i++));
        }
        return layer;
    }

    /// <summary>The float causal mask torch.nn.Transformer.generate_square_subsequent_mask(n) builds (-inf above the diagonal).</summary>
    private static Tensor SquareSubsequentMask(int n) =>
        Tensor.Zeros([n, n], DType.Float64).MaskedFill(Tensor.Arange(n).Unsqueeze(0).Gt(Tensor.Arange(n).Unsqueeze(1)), double.NegativeInfinity);

    [Theory]
    [InlineData(false, "relu", 6.305183908559556, new[] { 1.105579735418817, 0.07092167801520363, 0.15036377145150046, 0.02613280932602836, 0.3566899620369732, -0.04860408427366711, -0.16679570686420772, -0.6456371932676097 },
        1.6852446954888605, 0.552095106963084, -2.9428445794364224, -0.6054696779099532)]
    [InlineData(true, "gelu", 5.545832610575026, new[] { 0.2185931673391659, -1.0319269536834952, -0.6524835350179938, -0.012930116917184709, 0.14975449756749742, -1.9742589921846627, -0.011687104656457392, 1.904881025020865 },
        11.091665221150052, 17.33981868188966, -149.15911827939416, -15.059365388341146)]
    public void DecoderLayerMatchesPyTorch(bool normFirst, string activation, double sum, double[] row, double gx, double gMemory, double gw1, double gCross)
    {
        var layer = Layer(normFirst, activation, batchFirst: true);
        Assert.Equal(["self_attn.in_proj_weight", "self_attn.in_proj_bias", "self_attn.out_proj.weight", "self_attn.out_proj.bias",
            "multihead_attn.in_proj_weight", "multihead_attn.in_proj_bias", "multihead_attn.out_proj.weight", "multihead_attn.out_proj.bias",
            "linear1.weight", "linear1.bias", "linear2.weight", "linear2.bias", "norm1.weight", "norm1.bias", "norm2.weight", "norm2.bias", "norm3.weight", "norm3.bias"],
            layer.StateDict().Keys);
        var x = Check.Det([2, 4, 8], 0.33).RequiresGrad_();
        var memory = Check.Det([2, 5, 8], 0.41).RequiresGrad_();
        var memoryKpm = Tensor.FromArray(new[] { false, false, false, true, true, false, false, false, false, false }, [2, 5]);
        var tgtKpm = Tensor.FromArray(new[] { false, false, false, false, false, false, false, true }, [2, 4]);
        var y = layer.Forward(x, memory, tgtMask: SquareSubsequentMask(4), tgtKeyPaddingMask: tgtKpm, memoryKeyPaddingMask: memoryKpm, tgtIsCausal: true);
        Check.Close(sum, y.Sum().Item<double>(), 1e-11);
        Check.Close(row, y.Select(0, 1).Select(0, 2), 1e-11);
        y.Pow(2).Sum().Backward();
        Check.Close(gx, x.Grad!.Sum().Item<double>(), 1e-9);
        Check.Close(gMemory, memory.Grad!.Sum().Item<double>(), 1e-9);
        Check.Close(gw1, layer.Linear1.Weight.Grad!.Sum().Item<double>(), 1e-9);
        Check.Close(gCross, layer.MultiheadAttn.InProjWeight!.Grad!.Sum().Item<double>(), 1e-9);
    }

    [Fact]
    public void CausalFlagWithoutMaskEqualsTheCausalMask()
    {
        var layer = Layer(false, "relu", batchFirst: true);
        var x = Check.Det([2, 4, 8], 0.33);
        var memory = Check.Det([2, 5, 8], 0.41);
        Check.Close(layer.Forward(x, memory, tgtMask: SquareSubsequentMask(4)), layer.Forward(x, memory, tgtIsCausal: true), 1e-12);
    }

    [Fact]
    public void DecoderStackMatchesPyTorch()
    {
        var proto = Layer(false, "relu", batchFirst: false);
        var decoder = new TransformerDecoder(proto, 2, new LayerNorm(8, dtype: DType.Float64));
        Assert.Equal(2, decoder.Layers.Count);
        Assert.Contains("layers.1.multihead_attn.in_proj_weight", decoder.StateDict().Keys);
        Assert.Contains("norm.weight", decoder.StateDict().Keys);
        Assert.False(ReferenceEquals(decoder.Layers[0].Linear1.Weight, proto.Linear1.Weight)); // copies, not shared
        var x = Check.Det([4, 2, 8], 0.33).RequiresGrad_();
        var memory = Check.Det([5, 2, 8], 0.41);
        var y = decoder.Forward(x, memory, memoryMask: Check.Det([4, 5], 0.23));
        Check.Close([2.3314485438270096, -0.10169791472944141, -0.18295623153052107, -0.32927886605635687, 0.38890105722099777, -0.21649000939958005,
            -0.48247298227763014, -1.4074535970544775], y.Select(0, 2).Select(0, 1), 1e-11);
        Check.Close(3.0830720367211786, proto.Forward(Check.Det([4, 8], 0.33), Check.Det([5, 8], 0.41)).Sum().Item<double>(), 1e-11); // unbatched
        Assert.Throws<NotSupportedException>(() => decoder.Call(x));
    }

    [Fact]
    public void DecoderLayerReprAndErrorsMatchPyTorch()
    {
        var layer = new TransformerDecoderLayer(8, 2, dimFeedforward: 16, dropout: 0.0);
        Assert.Equal("""
            TransformerDecoderLayer(
              (self_attn): MultiheadAttention(
                (out_proj): NonDynamicallyQuantizableLinear(in_features=8, out_features=8, bias=True)
              )
              (multihead_attn): MultiheadAttention(
                (out_proj): NonDynamicallyQuantizableLinear(in_features=8, out_features=8, bias=True)
              )
              (linear1): Linear(in_features=8, out_features=16, bias=True)
              (dropout): Dropout(p=0.0, inplace=False)
              (linear2): Linear(in_features=16, out_features=8, bias=True)
              (norm1): LayerNorm((8,), eps=1e-05, elementwise_affine=True)
              (norm2): LayerNorm((8,), eps=1e-05, elementwise_affine=True)
              (norm3): LayerNorm((8,), eps=1e-05, elementwise_affine=True)
              (dropout1): Dropout(p=0.0, inplace=False)
              (dropout2): Dropout(p=0.0, inplace=False)
              (dropout3): Dropout(p=0.0, inplace=False)
            )
            """, layer.ToString());
        Assert.Equal("activation should be relu/gelu, not tanh", Assert.Throws<ArgumentException>(() => new TransformerDecoderLayer(8, 2, activation: "tanh")).Message);
    }

    [Fact]
    public void GradCheckThroughDecoderLayer()
    {
        var layer = Layer(true, "gelu", batchFirst: true);
        var x = Check.Det([1, 3, 8], 0.33).RequiresGrad_();
        var memory = Check.Det([1, 2, 8], 0.41).RequiresGrad_();
        Assert.True(Autograd.GradCheck(t => layer.Forward(t[0], t[1], tgtIsCausal: true), [x, memory]));
    }
}
