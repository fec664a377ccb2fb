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
        Check.Close(-7.190920277553996, mha.InProjWeight.Grad!.Sum().Item<double>(), 1e-10);
        Check.Close(-32.502817743434555, mha.OutProj.Weight.Grad!.Sum().Item<double>(), 1e-10);
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
}
