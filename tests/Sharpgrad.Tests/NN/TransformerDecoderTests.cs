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

    private static Tensor SquareSubsequentMask(int n) => Transformer.GenerateSquareSubsequentMask(n, DType.Float64);

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

    // PyTorch 2.6: every module path raises this when a causal hint comes without its mask.
    internal const string CausalHintMessage = "Need attn_mask if specifying the is_causal hint. You may use the Transformer module " +
        "method `generate_square_subsequent_mask` to create this mask.";

    [Fact]
    public void CausalHintNeedsTheMaskAndAgreesWithIt()
    {
        var layer = Layer(false, "relu", batchFirst: true);
        var x = Check.Det([2, 4, 8], 0.33);
        var memory = Check.Det([2, 5, 8], 0.41);
        Assert.Equal(CausalHintMessage, Assert.Throws<InvalidOperationException>(() => layer.Forward(x, memory, tgtIsCausal: true)).Message);
        Assert.Equal(CausalHintMessage, Assert.Throws<InvalidOperationException>(() => layer.Forward(x, memory, memoryIsCausal: true)).Message);
        var stack = new TransformerDecoder(layer, 2);
        Assert.Equal(CausalHintMessage, Assert.Throws<InvalidOperationException>(() => stack.Forward(x, memory, tgtIsCausal: true)).Message);
        Check.Close(layer.Forward(x, memory, tgtMask: SquareSubsequentMask(4)),
            layer.Forward(x, memory, tgtMask: SquareSubsequentMask(4), tgtIsCausal: true), 1e-12);
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
        Assert.True(Autograd.GradCheck(t => layer.Forward(t[0], t[1], tgtMask: SquareSubsequentMask(3), tgtIsCausal: true), [x, memory]));
    }

    [Fact]
    public void GenerateSquareSubsequentMaskMatchesPyTorch()
    {
        var mask = Transformer.GenerateSquareSubsequentMask(4);
        Assert.Equal(DType.Float32, mask.DType);
        double inf = double.NegativeInfinity;
        Assert.Equal([0, inf, inf, inf, 0, 0, inf, inf, 0, 0, 0, inf, 0, 0, 0, 0], mask.To(DType.Float64).ToArray<double>());
    }

    [Fact]
    public void TransformerMatchesPyTorch()
    {
        var model = new Transformer(8, 2, numEncoderLayers: 2, numDecoderLayers: 1, dimFeedforward: 16, dropout: 0, batchFirst: true, dtype: DType.Float64);
        var names = model.StateDict().Keys.ToArray();
        Assert.Equal(46, names.Length);
        Assert.Equal(["encoder.layers.1.norm2.weight", "encoder.layers.1.norm2.bias", "encoder.norm.weight", "encoder.norm.bias", "decoder.layers.0.self_attn.in_proj_weight",
            "decoder.layers.0.self_attn.in_proj_bias", "decoder.layers.0.self_attn.out_proj.weight", "decoder.layers.0.self_attn.out_proj.bias"], names[22..30]);
        Assert.Equal(["decoder.layers.0.norm3.bias", "decoder.norm.weight", "decoder.norm.bias"], names[^3..]);
        using (Autograd.NoGrad())
        {
            int i = 0;
            foreach (var (_, p) in model.NamedParameters()) p.Copy_(Det(p.Shape.ToArray(), 0.19 + 0.07 * i++));
        }
        var src = Check.Det([2, 5, 8], 0.33).RequiresGrad_();
        var tgt = Check.Det([2, 4, 8], 0.41).RequiresGrad_();
        var kpm = Tensor.FromArray(new[] { false, false, false, true, true, false, false, false, false, false }, [2, 5]);
        var y = model.Forward(src, tgt, tgtMask: SquareSubsequentMask(4), srcKeyPaddingMask: kpm, memoryKeyPaddingMask: kpm, tgtIsCausal: true);
        Check.Close(19.42560843989558, y.Sum().Item<double>(), 1e-11);
        Check.Close([1.1820842085756154, -0.01580076195191785, 0.8689886932427755, -0.02526409586863854, 0.31689010582957244, -0.06123304809265091,
            0.05072061855436317, 0.11330319953851543], y.Select(0, 1).Select(0, 2), 1e-11);
        (y * Check.Det([2, 4, 8], 0.53)).Sum().Backward();
        Check.Close(0.0011272426800940805, src.Grad!.Sum().Item<double>(), 1e-9);
        Check.Close(-0.00859966705697287, tgt.Grad!.Sum().Item<double>(), 1e-9);
        Check.Close(-0.001264227485178301, model.Encoder.Layers[0].Linear1.Weight.Grad!.Sum().Item<double>(), 1e-9);
        Check.Close(-0.04370274594288667, model.Decoder.Layers[0].MultiheadAttn.InProjWeight!.Grad!.Sum().Item<double>(), 1e-9);
    }

    [Fact]
    public void TransformerChecksShapesAndInitLikePyTorch()
    {
        var model = new Transformer(8, 2, numEncoderLayers: 1, numDecoderLayers: 1, dimFeedforward: 16);
        Assert.StartsWith("Transformer(\n  (encoder): TransformerEncoder(\n    (layers): ModuleList(", model.ToString());
        Assert.Contains("    (norm): LayerNorm((8,), eps=1e-05, elementwise_affine=True)\n  )\n)", model.ToString());
        Assert.Equal("the batch number of src and tgt must be equal",
            Assert.Throws<InvalidOperationException>(() => model.Forward(Tensor.Zeros([2, 5, 8]), Tensor.Zeros([3, 4, 8]))).Message);
        Assert.Equal("the feature number of src and tgt must be equal to d_model",
            Assert.Throws<InvalidOperationException>(() => model.Forward(Tensor.Zeros([5, 2, 8]), Tensor.Zeros([4, 2, 6]))).Message);
        // _reset_parameters: every matrix is Xavier-uniform (|w| <= sqrt(6 / (fan_in + fan_out))), vectors keep their init.
        var w1 = model.Decoder.Layers[0].Linear1.Weight;
        Assert.True(w1.Abs().Max().Item<float>() <= Math.Sqrt(6.0 / 24));
        Assert.True(model.Encoder.Norm!.Weight!.Equal(Tensor.Ones([8])));
        Assert.Throws<NotSupportedException>(() => model.Call(Tensor.Zeros([5, 2, 8])));
    }
}
