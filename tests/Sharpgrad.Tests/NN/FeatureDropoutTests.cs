using Sharpgrad.NN;
using F = Sharpgrad.NN.Functional;

namespace Sharpgrad.Tests.NN;

/// <summary>
/// Dropout1d, Dropout3d, AlphaDropout and FeatureAlphaDropout: random masks cannot match PyTorch's generator, so the
/// structure (whole channels, PyTorch's scale and alpha constants, eval and p = 0 / 1 edge cases) and the reprs and
/// messages are checked against PyTorch 2.6.
/// </summary>
[Collection("Seed")]
public class FeatureDropoutTests
{
    /// <summary>Each run of <paramref name="block"/> consecutive values is one value, each in <paramref name="allowed"/>; returns how many runs are 0 / the first allowed value.</summary>
    private static int Blocks(Tensor t, int block, double[] allowed)
    {
        var v = t.Contiguous().ToArray<double>();
        int first = 0;
        for (int s = 0; s < v.Length; s += block)
        {
            for (int i = 1; i < block; i++) Assert.Equal(v[s], v[s + i]);
            Assert.Contains(allowed, a => Math.Abs(a - v[s]) <= 1e-12 * (1 + Math.Abs(a)));
            if (Math.Abs(v[s] - allowed[0]) <= 1e-12 * (1 + Math.Abs(allowed[0]))) first++;
        }
        return first;
    }

    [Fact]
    public void Dropout1dDropsWholeChannels()
    {
        Tensor.ManualSeed(21);
        var x = Tensor.Ones([8, 16, 5], DType.Float64, requiresGrad: true);
        var d = new Dropout1d(0.25);
        var y = d.Call(x);
        Assert.Equal("MulBackward0", y.GradFn!.Name);
        Assert.InRange(Blocks(y, 5, [0.0, 4.0 / 3]), 16, 48); // ~32 of 128 channels dropped
        y.Sum().Backward();
        Blocks(x.Grad!, 5, [0.0, 4.0 / 3]);
        var u = Tensor.Ones([64, 3], DType.Float64, requiresGrad: true); // unbatched [C, L]
        var yu = d.Call(u);
        Assert.Equal("SqueezeBackward1", yu.GradFn!.Name);
        Assert.InRange(Blocks(yu, 3, [0.0, 4.0 / 3]), 4, 32);
        d.Eval();
        Assert.Same(x, d.Call(x));
        var eu = d.Call(u); // PyTorch unsqueezes and squeezes an unbatched input even in eval
        Assert.Equal("SqueezeBackward1", eu.GradFn!.Name);
        Check.Close(u, eu, 0);
        Assert.Same(x, F.Dropout1d(x, 0.0));
        var all = F.Dropout1d(x, 1.0);
        Assert.Equal("MulBackward0", all.GradFn!.Name);
        Assert.Equal(0, Blocks(all, 5, [1.0, 0.0]));
    }

    [Fact]
    public void Dropout3dDropsWholeChannels()
    {
        Tensor.ManualSeed(22);
        var x = Tensor.Ones([4, 16, 2, 2, 2], DType.Float64, requiresGrad: true);
        var y = new Dropout3d(0.5).Call(x);
        Assert.Equal("MulBackward0", y.GradFn!.Name);
        Assert.InRange(Blocks(y, 8, [0.0, 2.0]), 16, 48);
        var u = F.Dropout3d(Tensor.Ones([32, 2, 2, 2], DType.Float64, requiresGrad: true), 0.5); // unbatched [C, D, H, W]
        Assert.Equal("SqueezeBackward1", u.GradFn!.Name);
        Assert.InRange(Blocks(u, 8, [0.0, 2.0]), 4, 28);
        Assert.InRange(Blocks(F.Dropout3d(Tensor.Ones([32, 3, 4], DType.Float64), 0.5), 12, [0.0, 2.0]), 4, 28); // other ranks: dim 0 is the channel
        Assert.InRange(Blocks(F.Dropout3d(Tensor.Ones([64], DType.Float64), 0.5), 1, [0.0, 2.0]), 12, 52); // 1-D: per element
        Assert.Same(x, F.Dropout3d(x, 0.5, training: false));
        Assert.Equal(0, Blocks(F.Dropout3d(x, 1.0), 8, [1.0, 0.0]));
    }

    [Fact]
    public void AlphaDropoutUsesPyTorchConstants()
    {
        Tensor.ManualSeed(23);
        // PyTorch 2.6: alpha_dropout(2·ones, p, True) takes exactly these two values, and x.grad is 0 or a.
        foreach (var (p, dropped, kept, a) in new[] { (0.2, -1.2361598485763778, 2.06684712903116, 0.8789035834435328), (0.5, -0.7791939305180315, 2.5520037198498953, 0.8864048946659319) })
        {
            var x = (Tensor.Ones([400], DType.Float64) * 2.0).RequiresGrad_();
            var y = new AlphaDropout(p).Call(x);
            Assert.Equal("AddBackward0", y.GradFn!.Name);
            Assert.InRange(Blocks(y, 1, [dropped, kept]), 20, 260);
            y.Sum().Backward();
            Blocks(x.Grad!, 1, [0.0, a]);
        }
        var z = Tensor.Ones([3, 4], DType.Float64, requiresGrad: true);
        Assert.Same(z, F.AlphaDropout(z, 0.5)); // F.alpha_dropout defaults to training=False
        Assert.Same(z, F.AlphaDropout(z, 0.0, training: true));
        var m = new AlphaDropout(0.3);
        m.Eval();
        Assert.Same(z, m.Call(z));
        var all = F.AlphaDropout(z, 1.0, training: true); // PyTorch: input * 0, not the saturation value
        Assert.Equal("MulBackward0", all.GradFn!.Name);
        Assert.Equal(0, Blocks(all, 12, [1.0, 0.0]));
    }

    [Fact]
    public void FeatureAlphaDropoutDropsWholeChannels()
    {
        Tensor.ManualSeed(24);
        var x = (Tensor.Ones([10, 8, 3], DType.Float64) * -0.5).RequiresGrad_();
        var y = new FeatureAlphaDropout(0.3).Call(x);
        Assert.Equal("AddBackward0", y.GradFn!.Name);
        Assert.InRange(Blocks(y, 3, [-1.0595481589864801, 0.023615760013884823]), 8, 48); // PyTorch 2.6's two values
        y.Sum().Backward();
        Blocks(x.Grad!, 3, [0.0, 0.8609526162463561]);
        Assert.Same(x, F.FeatureAlphaDropout(x, 0.3));
        Assert.Equal("Feature dropout requires at least 2 dimensions in the input",
            Assert.Throws<InvalidOperationException>(() => F.FeatureAlphaDropout(Tensor.Ones([3]), 0.5, training: true)).Message);
        var v = Tensor.Ones([3]);
        Assert.Same(v, F.FeatureAlphaDropout(v, 0.5));
        Check.Close([0.0, 0.0, 0.0], F.FeatureAlphaDropout(v, 1.0, training: true), 0);
    }

    [Fact]
    public void AlphaMaskedMatchesPyTorchFormula()
    {
        // ATen's alpha-dropout arithmetic at p = 0.4 on a fixed channel mask, evaluated by PyTorch 2.6.
        var x = Check.F64([0.5, -1.0, 2.0, 0.25, 3.0, -0.75, 0.1, 1.5, -2.0, 0.3, 0.9, -0.4], 3, 2, 2).RequiresGrad_();
        var keep = Check.F64([1, 0, 0, 1, 1, 1], 3, 2, 1);
        var y = F.AlphaMasked(x, keep, 0.4);
        Assert.Equal("AddBackward0", y.GradFn!.Name);
        Check.Close([1.038735959423684, -0.25618797973768903, -0.9106419695548393, -0.9106419695548393, -0.9106419695548393, -0.9106419695548393,
            0.6934229089806512, 1.902018585531266, -1.119470605845271, 0.8660794342021676, 1.3840490098667169, 0.2617815959268601], y, 1e-12);
        y.Sum().Backward();
        const double a = 0.863282626107582;
        Check.Close([a, a, 0, 0, 0, 0, a, a, a, a, a, a], x.Grad!, 1e-12);
    }

    [Fact]
    public void ReprsAndMessagesMatchPyTorch()
    {
        Assert.Equal("Dropout1d(p=0.5, inplace=False)", new Dropout1d().ToString());
        Assert.Equal("Dropout3d(p=0.2, inplace=False)", new Dropout3d(0.2).ToString());
        Assert.Equal("AlphaDropout(p=0.3, inplace=False)", new AlphaDropout(0.3).ToString());
        Assert.Equal("FeatureAlphaDropout(p=0.5, inplace=False)", new FeatureAlphaDropout().ToString());
        Assert.StartsWith("dropout probability has to be between 0 and 1, but got 1.5", Assert.Throws<ArgumentOutOfRangeException>(() => new Dropout1d(1.5)).Message);
        Assert.StartsWith("dropout probability has to be between 0 and 1, but got -0.1", Assert.Throws<ArgumentOutOfRangeException>(() => new AlphaDropout(-0.1)).Message);
        var x = Tensor.Ones([2, 3, 4]);
        Assert.StartsWith("dropout probability has to be between 0 and 1, but got 2.0", Assert.Throws<ArgumentOutOfRangeException>(() => F.Dropout1d(x, 2.0)).Message);
        Assert.StartsWith("dropout probability has to be between 0 and 1, but got 1.5", Assert.Throws<ArgumentOutOfRangeException>(() => F.FeatureAlphaDropout(x, 1.5)).Message);
        Assert.StartsWith("dropout probability has to be between 0 and 1, but got 1.5", Assert.Throws<ArgumentOutOfRangeException>(() => F.Dropout3d(x, 1.5)).Message);
        foreach (var rank in new[] { 4, 1 })
            Assert.Equal($"dropout1d: Expected 2D or 3D input, but received a {rank}D input. Note that dropout1d exists to provide channel-wise dropout on inputs with 1 spatial dimension, a channel dimension, and an optional batch dimension (i.e. 2D or 3D inputs).",
                Assert.Throws<InvalidOperationException>(() => F.Dropout1d(Tensor.Ones(Enumerable.Repeat(2, rank).ToArray()), 0.5)).Message);
    }
}
