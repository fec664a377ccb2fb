using Sharpgrad.NN;

namespace Sharpgrad.Tests.NN;

/// <summary>TransformerEncoderLayer / TransformerEncoder against PyTorch 2.6 with the same (deterministic) weights.</summary>
public class TransformerTests
{
    private static Tensor Det(int[] shape, double k) => Check.Det(shape, k, 0.4);

    private static TransformerEncoderLayer Layer(bool normFirst, string activation)
    {
        var layer = new TransformerEncoderLayer(8, 2, dimFeedforward: 16, dropout: 0, activation: activation, batchFirst: true, normFirst: normFirst, dtype: DType.Float64);
        using (Autograd.NoGrad())
        {
            int i = 0;
            foreach (var (_, p) in layer.NamedParameters()) p.Copy_(Det(p.Shape.ToArray(), 0.19 + 0.07 * i++));
        }
        return layer;
    }

    [Theory]
    [InlineData(false, "relu", 20.934497907533004, new[] { 1.1135082207061215, 0.2922522777130727, -0.15096480034672635, -0.1931896279445206, 0.28955108883211, 0.012633441293035536, 0.10115381642551556, 0.6813250905516901 }, 6.9438715263881114, -1.0464737208084451)]
    [InlineData(true, "gelu", 5.927199714130869, new[] { 1.5271258877543912, 0.6398996210637489, 1.2204953978383672, -0.13542982061509545, 0.12686199936707376, -0.45871326467401025, -0.8407812056911219, 0.11123437703831274 }, 11.854399428261747, 7.476427728739578)]
    public void EncoderLayerMatchesPyTorch(bool normFirst, string activation, double sum, double[] row, double gx, double gw1)
    {
        var layer = Layer(normFirst, activation);
        Assert.Equal(["self_attn.in_proj_weight", "self_attn.in_proj_bias", "self_attn.out_proj.weight", "self_attn.out_proj.bias", "linear1.weight", "linear1.bias",
            "linear2.weight", "linear2.bias", "norm1.weight", "norm1.bias", "norm2.weight", "norm2.bias"], layer.StateDict().Keys);
        var x = Det([2, 5, 8], 0.33).RequiresGrad_();
        var kpm = Tensor.FromArray(new[] { false, false, false, true, true, false, false, false, false, false }, [2, 5]);
        var y = layer.Forward(x, null, kpm);
        Check.Close(sum, y.Sum().Item<double>(), 1e-11);
        Check.Close(row, y.Select(0, 1).Select(0, 2), 1e-11);
        y.Pow(2).Sum().Backward();
        Check.Close(gx, x.Grad!.Sum().Item<double>(), 1e-9);
        Check.Close(gw1, layer.Linear1.Weight.Grad!.Sum().Item<double>(), 1e-9);
    }

    [Fact]
    public void EncoderStacksCopiesOfTheLayer()
    {
        var proto = Layer(false, "relu");
        var encoder = new TransformerEncoder(proto, 2, new LayerNorm(8, dtype: DType.Float64));
        Assert.Equal(2, encoder.Layers.Count);
        Assert.Contains("layers.1.linear2.bias", encoder.StateDict().Keys);
        Assert.Contains("norm.weight", encoder.StateDict().Keys);
        Assert.True(encoder.Layers[0].Linear1.Weight.Equal(proto.Linear1.Weight));
        Assert.False(ReferenceEquals(encoder.Layers[0].Linear1.Weight, proto.Linear1.Weight)); // copies, not shared
        var x = Det([2, 5, 8], 0.33);
        var manual = encoder.Norm!.Call(proto.Forward(proto.Forward(x)));
        Check.Close(manual, encoder.Forward(x), 1e-12);
        Assert.Equal("activation should be relu/gelu, not tanh", Assert.Throws<ArgumentException>(() => new TransformerEncoderLayer(8, 2, activation: "tanh")).Message);
    }
}
