using F = Sharpgrad.NN.Functional;

namespace Sharpgrad.Tests.NN;

/// <summary>scaled_dot_product_attention against PyTorch 2.6 (plain, causal, Bool and float masks, scale).</summary>
public class AttentionTests
{
    private static Tensor Det(int[] shape, double k) => Check.Det(shape, k, 1);

    [Fact]
    public void MatchesPyTorch()
    {
        var q = Det([2, 3, 4, 8], 0.31).RequiresGrad_();
        var k = Det([2, 3, 5, 8], 0.47).RequiresGrad_();
        var v = Det([2, 3, 5, 6], 0.23).RequiresGrad_();
        var y = F.ScaledDotProductAttention(q, k, v);
        Assert.Equal([2, 3, 4, 6], y.Shape);
        Check.Close(-0.750718675021117, y.Sum().Item<double>(), 1e-12);
        Check.Close([-0.21449231129315305, -0.2192519544515763, -0.21246420888434395, -0.19448656621259855, -0.16626585871804853, -0.12928839232835246], y.Select(0, 1).Select(0, 2).Select(0, 3), 1e-12);
        (y * y).Sum().Backward();
        Check.Close(3.110921398314203, q.Grad!.Sum().Item<double>(), 1e-10);
        Assert.True(Math.Abs(k.Grad!.Sum().Item<double>()) < 1e-10); // softmax rows sum to one: PyTorch gives 0.0
        Check.Close(-1.5014373500422322, v.Grad!.Sum().Item<double>(), 1e-10);

        var causal = F.ScaledDotProductAttention(Det([2, 3, 5, 8], 0.31), k.Detach(), v.Detach(), isCausal: true);
        Check.Close(-43.892899953671396, causal.Sum().Item<double>(), 1e-12);
        Check.Close([1.0, 0.9736663950053749, 0.8960524975255252, 0.7712460149971065, 0.6058201566434628, 0.40848744088415717], causal.Select(0, 0).Select(0, 0).Select(0, 0), 1e-12);
        var row = new[] { true, false, true, true, false };
        var boolMask = Tensor.FromArray(Enumerable.Repeat(row, 4).SelectMany(r => r).ToArray(), [4, 5]);
        Check.Close(18.158505982594633, F.ScaledDotProductAttention(q.Detach(), k.Detach(), v.Detach(), boolMask).Sum().Item<double>(), 1e-12);
        Check.Close(-3.690354611618106, F.ScaledDotProductAttention(q.Detach(), k.Detach(), v.Detach(), Det([4, 5], 0.9), scale: 0.5).Sum().Item<double>(), 1e-12);
        Assert.Equal("_scaled_dot_product_attention: Explicit attn_mask should not be set when is_causal=True",
            Assert.Throws<InvalidOperationException>(() => F.ScaledDotProductAttention(q, k, v, boolMask, isCausal: true)).Message);
        Tensor.ManualSeed(3);
        Assert.True(Autograd.GradCheck(a => F.ScaledDotProductAttention(a[0], a[1], a[2], isCausal: true),
            [Tensor.Randn([2, 3, 4], DType.Float64, requiresGrad: true), Tensor.Randn([2, 3, 4], DType.Float64, requiresGrad: true), Tensor.Randn([2, 3, 2], DType.Float64, requiresGrad: true)]));
    }
}

/// <summary>MultiheadAttention against PyTorch 2.6 with the same (deterministic) weights.</summary>
public class MultiheadAttentionTests
{
    private static Tensor Det(int[] shape, double k) => Check.Det(shape, k, 0.5);

    private static Sharpgrad.NN.MultiheadAttention Net()
    {
        var mha = new Sharpgrad.NN.MultiheadAttention(8, 2, batchFirst: true, dtype: DType.Float64);
        using (Autograd.NoGrad())
        {
            int i = 0;
            foreach (var (_, p) in mha.NamedParameters()) p.Copy_(Det(p.Shape.ToArray(), 0.21 + 0.13 * i++));
        }
        return mha;
    }

    [Fact]
    public void MatchesPyTorch()
    {
        var mha = Net();
        Assert.Equal(["in_proj_weight", "in_proj_bias", "out_proj.weight", "out_proj.bias"], mha.StateDict().Keys);
        var q = Det([2, 4, 8], 0.37).RequiresGrad_();
        var kv = Det([2, 5, 8], 0.53).RequiresGrad_();
        var (output, weights) = mha.Forward(q, kv, kv);
        Assert.Equal([2, 4, 8], output.Shape);
        Check.Close(-5.865853779507946, output.Sum().Item<double>(), 1e-12);
        Check.Close([1.039792531312627, 0.5182881781910439, -0.5307332041897503, 0.940914513301186, -1.3752292641180708, 0.09073906074313065, -0.3963643553612555, -0.9156294163553262], output.Select(0, 1).Select(0, 3), 1e-12);
        Assert.Equal([2, 4, 5], weights!.Shape);
        Check.Close([0.30096597347114024, 0.12428618969613422, 0.13745917757118808, 0.3037982712794387, 0.13349038798209878], weights.Select(0, 0).Select(0, 0), 1e-12);
        output.Pow(2).Sum().Backward();
        Check.Close(-9.510975716183571, q.Grad!.Sum().Item<double>(), 1e-10);
        Check.Close(-17.491114584330024, kv.Grad!.Sum().Item<double>(), 1e-10);
        Check.Close(-7.190920277553996, mha.InProjWeight!.Grad!.Sum().Item<double>(), 1e-10);
        Check.Close(-32.502817743434555, mha.OutProj.Weight.Grad!.Sum().Item<double>(), 1e-10);
    }

    [Fact]
    public void SeparateProjectionsBiasKvAndZeroAttnMatchPyTorch()
    {
        // FACTS (torch 2.6): MultiheadAttention(8, 2, batch_first=True, kdim=3, vdim=5, add_bias_kv=True,
        // add_zero_attn=True, dtype=float64), parameter i set to det(shape, 0.21 + 0.13 i)
        var mha = new Sharpgrad.NN.MultiheadAttention(8, 2, batchFirst: true, dtype: DType.Float64, addBiasKv: true, addZeroAttn: true, kdim: 3, vdim: 5);
        Assert.Equal(["q_proj_weight", "k_proj_weight", "v_proj_weight", "in_proj_bias", "bias_k", "bias_v", "out_proj.weight", "out_proj.bias"],
            mha.NamedParameters().Select(p => p.Name));
        Assert.Equal([[8, 8], [8, 3], [8, 5], [24], [1, 1, 8], [1, 1, 8], [8, 8], [8]], mha.Parameters().Select(p => p.Shape.ToArray()));
        Assert.Null(mha.InProjWeight);
        using (Autograd.NoGrad())
        {
            int i = 0;
            foreach (var (_, p) in mha.NamedParameters()) p.Copy_(Det(p.Shape.ToArray(), 0.21 + 0.13 * i++));
        }
        var q = Det([2, 4, 8], 0.37).RequiresGrad_();
        var k = Det([2, 5, 3], 0.53).RequiresGrad_();
        var v = Det([2, 5, 5], 0.61).RequiresGrad_();
        var (o, w) = mha.Forward(q, k, v);
        Assert.Equal([2, 4, 8], o.Shape);
        Assert.Equal([2, 4, 7], w!.Shape); // 5 keys + bias_k + the zero key
        Check.Close(4.640066557413366, o.Sum().Item<double>(), 1e-12);
        Check.Close([0.4771211271442832, 0.57755057066662, -0.3347622869522507, -0.8445879340972718, -0.04353755949005912, 0.7348001858965552, 0.3356522513506458, -0.3245368477941232], o.Select(0, 1).Select(0, 3), 1e-12);
        Check.Close([0.14300857639083858, 0.1427042179293113, 0.15137882711183126, 0.13360354602184088, 0.1420702107696693, 0.16367263516019173, 0.12356198661631701], w.Select(0, 0).Select(0, 0), 1e-12);
        o.Pow(2).Sum().Backward();
        Check.Close(-5.013116633654938, q.Grad!.Sum().Item<double>(), 1e-10);
        Check.Close(-1.7921946991467546, k.Grad!.Sum().Item<double>(), 1e-10);
        Check.Close(8.01080689595923, v.Grad!.Sum().Item<double>(), 1e-10);
        Check.Close(-0.9976424775101392, mha.QProjWeight!.Grad!.Sum().Item<double>(), 1e-10);
        Check.Close(0.5394293616331512, mha.KProjWeight!.Grad!.Sum().Item<double>(), 1e-10);
        Check.Close(-0.8464192328864832, mha.VProjWeight!.Grad!.Sum().Item<double>(), 1e-10);
        Check.Close(2.149400169313342, mha.BiasK!.Grad!.Sum().Item<double>(), 1e-10);
        Check.Close(-1.7503717726742454, mha.BiasV!.Grad!.Sum().Item<double>(), 1e-10);
        Check.Close(-8.583321604139943, mha.InProjBias!.Grad!.Sum().Item<double>(), 1e-10);

        // masks grow by the appended (attendable) columns
        var kpm = Tensor.FromArray(new[] { false, false, true, false, true, false, false, false, false, false }, [2, 5]);
        var am = Tensor.FromArray(Enumerable.Repeat(new[] { false, true, false, false, false }, 4).SelectMany(r => r).ToArray(), [4, 5]);
        var (o2, w2) = mha.Forward(q.Detach(), k.Detach(), v.Detach(), keyPaddingMask: kpm, attnMask: am, averageAttnWeights: false);
        Check.Close(5.109262060584245, o2.Sum().Item<double>(), 1e-12);
        Assert.Equal([2, 2, 4, 7], w2!.Shape);
        Check.Close([0.19826442006178235, 0.0, 0.0, 0.2319585653761882, 0.0, 0.3078650227897216, 0.2619119917723079], w2.Select(0, 0).Select(0, 1).Select(0, 0), 1e-12);
        Check.Close(4.528830303618259, mha.Forward(q.Detach(), k.Detach(), v.Detach(), attnMask: Check.Det([4, 5], 0.9, 1)).Output.Sum().Item<double>(), 1e-12);
        var (o4, w4) = mha.Forward(q.Detach().Select(0, 0), k.Detach().Select(0, 0), v.Detach().Select(0, 0)); // unbatched
        Assert.Equal([4, 8], o4.Shape);
        Assert.Equal([4, 7], w4!.Shape);
        Check.Close(2.2930399777325627, o4.Sum().Item<double>(), 1e-12);
        Assert.Equal("MultiheadAttention(\n  (out_proj): NonDynamicallyQuantizableLinear(in_features=8, out_features=8, bias=True)\n)", mha.ToString());
        Tensor.ManualSeed(4);
        var small = new Sharpgrad.NN.MultiheadAttention(4, 2, dtype: DType.Float64, addBiasKv: true, addZeroAttn: true, kdim: 3, vdim: 2);
        Assert.True(Autograd.GradCheck(a => small.Forward(a[0], a[1], a[2]).Output,
            [Tensor.Randn([3, 2, 4], DType.Float64, requiresGrad: true), Tensor.Randn([5, 2, 3], DType.Float64, requiresGrad: true), Tensor.Randn([5, 2, 2], DType.Float64, requiresGrad: true)]));
    }

    [Fact]
    public void MasksAndOptionsMatchPyTorch()
    {
        var mha = Net();
        var q = Det([2, 4, 8], 0.37);
        var kv = Det([2, 5, 8], 0.53);
        var kpm = Tensor.FromArray(new[] { false, false, true, false, true, false, false, false, false, false }, [2, 5]);
        var am = Tensor.FromArray(Enumerable.Repeat(new[] { false, true, false, false, false }, 4).SelectMany(r => r).ToArray(), [4, 5]);
        var (o, w) = mha.Forward(q, kv, kv, keyPaddingMask: kpm, attnMask: am, averageAttnWeights: false);
        Check.Close(-5.6994371363884895, o.Sum().Item<double>(), 1e-12);
        Assert.Equal([2, 2, 4, 5], w!.Shape);
        Check.Close([0.4954751560723835, 0.0, 0.0, 0.5045248439276164, 0.0], w.Select(0, 0).Select(0, 1).Select(0, 0), 1e-12);
        var (o3, w3) = mha.Forward(q, kv, kv, needWeights: false);
        Assert.Null(w3);
        Check.Close(-5.865853779507946, o3.Sum().Item<double>(), 1e-12);
        // FACTS (torch 2.6): print(nn.MultiheadAttention(8, 2, bias=False))
        Assert.Equal("MultiheadAttention(\n  (out_proj): NonDynamicallyQuantizableLinear(in_features=8, out_features=8, bias=False)\n)",
            new Sharpgrad.NN.MultiheadAttention(8, 2, bias: false).ToString());
        Assert.Equal("Linear(in_features=8, out_features=8, bias=True)", new Sharpgrad.NN.Linear(8, 8).ToString());
        Assert.Equal("TransformerEncoderLayer(\n  (self_attn): MultiheadAttention(\n    (out_proj): NonDynamicallyQuantizableLinear(in_features=8, out_features=8, bias=True)\n  )\n  (linear1): Linear(in_features=8, out_features=16, bias=True)\n  (dropout): Dropout(p=0.1, inplace=False)\n  (linear2): Linear(in_features=16, out_features=8, bias=True)\n  (norm1): LayerNorm((8,), eps=1e-05, elementwise_affine=True)\n  (norm2): LayerNorm((8,), eps=1e-05, elementwise_affine=True)\n  (dropout1): Dropout(p=0.1, inplace=False)\n  (dropout2): Dropout(p=0.1, inplace=False)\n)",
            new Sharpgrad.NN.TransformerEncoderLayer(8, 2, 16).ToString());
        Assert.Equal("embed_dim must be divisible by num_heads", Assert.Throws<ArgumentException>(() => new Sharpgrad.NN.MultiheadAttention(8, 3)).Message);
        Tensor.ManualSeed(5);
        var small = new Sharpgrad.NN.MultiheadAttention(4, 2, dtype: DType.Float64);
        Assert.True(Autograd.GradCheck(a => small.Forward(a[0]), [Tensor.Randn([3, 2, 4], DType.Float64, requiresGrad: true)]));
    }

    [Fact]
    public void CausalHintFollowsPyTorch()
    {
        // Facts from PyTorch 2.6: the hint needs a mask everywhere; with need_weights=False and no key-padding mask
        // the hint replaces the mask (a zero mask then attends causally), otherwise the given mask is what applies.
        Tensor.ManualSeed(11);
        var mha = new Sharpgrad.NN.MultiheadAttention(8, 2, batchFirst: true, dtype: DType.Float64);
        var x = Det([2, 5, 8], 0.37);
        var zero = Tensor.Zeros([5, 5], DType.Float64);
        var causal = Sharpgrad.NN.Transformer.GenerateSquareSubsequentMask(5, DType.Float64);
        Assert.Equal(TransformerDecoderTests.CausalHintMessage,
            Assert.Throws<InvalidOperationException>(() => mha.Forward(x, x, x, isCausal: true)).Message);
        Assert.Equal(TransformerDecoderTests.CausalHintMessage,
            Assert.Throws<InvalidOperationException>(() => mha.Forward(x, x, x, needWeights: false, isCausal: true)).Message);
        var causalOut = mha.Forward(x, x, x, needWeights: false, attnMask: causal).Output;
        var zeroOut = mha.Forward(x, x, x, needWeights: false, attnMask: zero).Output;
        Assert.False(zeroOut.AllClose(causalOut));
        Check.Close(causalOut, mha.Forward(x, x, x, needWeights: false, attnMask: zero, isCausal: true).Output, 1e-14);
        Check.Close(zeroOut, mha.Forward(x, x, x, attnMask: zero, isCausal: true).Output, 1e-14);
        var noPadding = Tensor.Zeros([2, 5], DType.Bool);
        Check.Close(zeroOut, mha.Forward(x, x, x, noPadding, needWeights: false, attnMask: zero, isCausal: true).Output, 1e-14);

        var encoder = new Sharpgrad.NN.TransformerEncoderLayer(8, 2, dimFeedforward: 16, dropout: 0, batchFirst: true, dtype: DType.Float64);
        Assert.Equal(TransformerDecoderTests.CausalHintMessage,
            Assert.Throws<InvalidOperationException>(() => encoder.Forward(x, null, null, isCausal: true)).Message);
        Check.Close(encoder.Forward(x, causal, null), encoder.Forward(x, causal, null, isCausal: true), 1e-14);
    }
}
