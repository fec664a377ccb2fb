using Sharpgrad.NN;
using F = Sharpgrad.NN.Functional;

namespace Sharpgrad.Tests.NN;

/// <summary>pixel_shuffle / pixel_unshuffle, nn.Unflatten, nn.Identity: PyTorch 2.6 values, gradients, node names, reprs and messages.</summary>
public class PixelShuffleTests
{
    [Fact]
    public void PixelShuffleMatchesPyTorch()
    {
        var x = Check.Det([2, 8, 2, 3], 0.37).RequiresGrad_();
        var y = F.PixelShuffle(x, 2);
        Assert.Equal([2, 2, 4, 6], y.Shape);
        Assert.Equal("PixelShuffleBackward0", y.GradFn!.Name);
        Assert.True(y.IsContiguous);
        Check.Close([1.0, -0.6045522710579293, 0.9323273456060345, -0.8516909814865656, 0.7384685587295879, -0.9835573130340064, -0.2690331031173999, 0.9298414180167014],
            y.Flatten().Narrow(0, 0, 8), 1e-15);
        var w = Check.Det([2, 2, 4, 6], 0.23);
        Check.Close(0.7522419540405446, (y * w).Sum().Item<double>(), 1e-12);
        (y * w).Sum().Backward();
        Check.Close(-1.682920015665349, (x.Grad! * Check.Det([2, 8, 2, 3], 0.11)).Sum().Item<double>(), 1e-12);

        var u = Check.Det([2, 3, 4, 6], 0.37).RequiresGrad_();
        var z = F.PixelUnshuffle(u, 2);
        Assert.Equal([2, 12, 2, 3], z.Shape);
        Assert.Equal("PixelUnshuffleBackward0", z.GradFn!.Name);
        Check.Close([1.0, 0.7384685587295879, 0.09067162446430968, -0.2690331031173999, 0.45075505589109877, 0.934769976045349, 0.9323273456060345, 0.44466151674170695],
            z.Flatten().Narrow(0, 0, 8), 1e-15);
        var wz = Check.Det([2, 12, 2, 3], 0.23);
        Check.Close(-2.935521705651526, (z * wz).Sum().Item<double>(), 1e-12);
        (z * wz).Sum().Backward();
        Check.Close(-2.4764159557078727, (u.Grad! * Check.Det([2, 3, 4, 6], 0.11)).Sum().Item<double>(), 1e-12);

        // inverse of each other; any batch dims (or none); r = 1 still copies and records
        Check.Close(u.Detach(), F.PixelShuffle(F.PixelUnshuffle(u.Detach(), 2), 2), 0);
        Assert.Equal([1, 2, 2], F.PixelShuffle(Check.Det([4, 1, 1], 1), 2).Shape);
        Assert.Equal([3, 2, 1, 2, 2], F.PixelShuffle(Check.Det([3, 2, 4, 1, 1], 1), 2).Shape);
        var same = F.PixelShuffle(x, 1);
        Assert.Equal("PixelShuffleBackward0", same.GradFn!.Name);
        Assert.False(ReferenceEquals(x, same));
        Assert.Equal(DType.Int64, F.PixelShuffle(Check.Det([2, 4, 2, 2], 1).To(DType.Int64), 2).DType);
    }

    [Fact]
    public void PixelShufflePassesGradCheckTwice()
    {
        Tensor.ManualSeed(3);
        var x = Tensor.Randn([2, 8, 2, 3], DType.Float64, requiresGrad: true);
        Assert.True(Autograd.GradCheck(a => F.PixelShuffle(a[0], 2), [x]));
        Assert.True(Autograd.GradCheck(a => F.PixelUnshuffle(a[0], 2), [Tensor.Randn([1, 2, 4, 6], DType.Float64, requiresGrad: true)]));
        var go = Tensor.Ones([2, 2, 4, 6], DType.Float64, requiresGrad: true);
        Assert.Equal("PixelUnshuffleBackward0", Autograd.Grad([F.PixelShuffle(x, 2)], [x], [go], createGraph: true)[0]!.GradFn!.Name);
        var x2 = Tensor.Randn([2, 2, 2, 4], DType.Float64, requiresGrad: true);
        var go2 = Tensor.Ones([2, 8, 1, 2], DType.Float64, requiresGrad: true);
        Assert.Equal("PixelShuffleBackward0", Autograd.Grad([F.PixelUnshuffle(x2, 2)], [x2], [go2], createGraph: true)[0]!.GradFn!.Name);
    }

    [Fact]
    public void ErrorsAndReprsMatchPyTorch()
    {
        string Msg(Func<Tensor> f) => Assert.Throws<ArgumentException>(f).Message;
        Assert.Equal("pixel_shuffle expects input to have at least 3 dimensions, but got input with 2 dimension(s)", Msg(() => F.PixelShuffle(Check.Det([4, 2], 1), 2)));
        Assert.Equal("pixel_shuffle expects its input's 'channel' dimension to be divisible by the square of upscale_factor, but input.size(-3)=5 is not divisible by 4",
            Msg(() => F.PixelShuffle(Check.Det([2, 5, 2, 2], 1), 2)));
        Assert.Equal("pixel_shuffle expects a positive upscale_factor, but got 0", Msg(() => F.PixelShuffle(Check.Det([2, 4, 2, 2], 1), 0)));
        Assert.Equal("pixel_shuffle expects a positive upscale_factor, but got -1", Msg(() => F.PixelShuffle(Check.Det([2, 4, 2, 2], 1), -1)));
        Assert.Equal("pixel_unshuffle expects input to have at least 3 dimensions, but got input with 2 dimension(s)", Msg(() => F.PixelUnshuffle(Check.Det([4, 2], 1), 2)));
        Assert.Equal("pixel_unshuffle expects height to be divisible by downscale_factor, but input.size(-2)=3 is not divisible by 2", Msg(() => F.PixelUnshuffle(Check.Det([2, 5, 3, 2], 1), 2)));
        Assert.Equal("pixel_unshuffle expects width to be divisible by downscale_factor, but input.size(-1)=3 is not divisible by 2", Msg(() => F.PixelUnshuffle(Check.Det([2, 5, 2, 3], 1), 2)));
        Assert.Equal("pixel_unshuffle expects a positive downscale_factor, but got 0", Msg(() => F.PixelUnshuffle(Check.Det([2, 4, 2, 2], 1), 0)));
        Assert.Equal("PixelShuffle(upscale_factor=3)", new PixelShuffle(3).ToString());
        Assert.Equal("PixelUnshuffle(downscale_factor=2)", new PixelUnshuffle(2).ToString());
        Assert.Equal("Unflatten(dim=1, unflattened_size=(2, 3))", new Unflatten(1, [2, 3]).ToString());
        Assert.Equal("Identity()", new Identity().ToString());
        Assert.Equal([3, 4, 2, 1], new PixelUnshuffle(2).Forward(new PixelShuffle(2).Forward(Check.Det([3, 4, 2, 1], 1))).Shape);
    }

    [Fact]
    public void UnflattenMatchesPyTorch()
    {
        var x = Check.Det([2, 6, 5], 0.1).RequiresGrad_();
        var u = new Unflatten(1, [2, 3]).Forward(x);
        Assert.Equal([2, 2, 3, 5], u.Shape);
        Assert.Equal("ViewBackward0", u.GradFn!.Name);
        Assert.Equal([2, 6, 1, 5], new Unflatten(-1, [-1, 5]).Forward(x).Shape);
        Assert.Equal([2, 2, 3, 5], x.Unflatten(1, 2, -1).Shape);
        (u * 3.0).Sum().Backward();
        Check.Close(Tensor.Full([2, 6, 5], 3.0, DType.Float64), x.Grad!, 0);
        string Msg(Func<Tensor> f) => Assert.Throws<ArgumentException>(f).Message;
        Assert.Equal("unflatten: Provided sizes [4, -1] don't multiply up to the size of dim 1 (6) in the input tensor", Msg(() => x.Unflatten(1, 4, -1)));
        Assert.Equal("unflatten: Provided sizes [4, 2] don't multiply up to the size of dim 1 (6) in the input tensor", Msg(() => x.Unflatten(1, 4, 2)));
        Assert.Equal("unflatten got an unexpected error:\nonly one dimension can be inferred", Msg(() => x.Unflatten(1, -1, -1)));
        Assert.Equal("unflatten: sizes must be non-empty", Msg(() => x.Unflatten(1)));
        Assert.StartsWith("Dimension out of range (expected to be in range of [-3, 2], but got 3)", Assert.Throws<ArgumentOutOfRangeException>(() => x.Unflatten(3, 2, 3)).Message);
        var id = new Identity();
        Assert.Same(x, id.Forward(x));
    }
}
