using Sharpgrad.NN;
using Sharpgrad.Optim;

namespace Sharpgrad.Tests.NN;

/// <summary>nn.LazyConv1d/2d/3d and nn.LazyConvTranspose1d/2d/3d: sized by the first input's channels; PyTorch 2.6's reprs, keys, values and errors.</summary>
[Collection("Seed")]
public class LazyConvTests
{
    [Fact]
    public void PrintsLazyUntilTheFirstCallThenAsTheEagerLayer()
    {
        (Module Module, int[] Input, string Before, string After, int[] Weight)[] cases =
        [
            (new LazyConv1d(4, 3, bias: false), [2, 6, 5], "LazyConv1d(0, 4, kernel_size=(3,), stride=(1,), bias=False)",
                "Conv1d(6, 4, kernel_size=(3,), stride=(1,), bias=False)", [4, 6, 3]),
            (new LazyConv2d(16, 3), [1, 3, 5, 5], "LazyConv2d(0, 16, kernel_size=(3, 3), stride=(1, 1))",
                "Conv2d(3, 16, kernel_size=(3, 3), stride=(1, 1))", [16, 3, 3, 3]),
            (new LazyConv2d(4, 3, padding: "same"), [1, 2, 5, 5], "LazyConv2d(0, 4, kernel_size=(3, 3), stride=(1, 1), padding=same)",
                "Conv2d(2, 4, kernel_size=(3, 3), stride=(1, 1), padding=same)", [4, 2, 3, 3]),
            (new LazyConv3d(4, 3, padding: 1, bias: false), [6, 5, 5, 5], "LazyConv3d(0, 4, kernel_size=(3, 3, 3), stride=(1, 1, 1), padding=(1, 1, 1), bias=False)",
                "Conv3d(6, 4, kernel_size=(3, 3, 3), stride=(1, 1, 1), padding=(1, 1, 1), bias=False)", [4, 6, 3, 3, 3]),
            (new LazyConvTranspose1d(4, 3, stride: 2, padding: 1, outputPadding: 1, dilation: 2), [2, 6, 5],
                "LazyConvTranspose1d(0, 4, kernel_size=(3,), stride=(2,), padding=(1,), dilation=(2,), output_padding=(1,))",
                "ConvTranspose1d(6, 4, kernel_size=(3,), stride=(2,), padding=(1,), dilation=(2,), output_padding=(1,))", [6, 4, 3]),
            (new LazyConvTranspose2d(4, 3, groups: 2), [1, 2, 5, 5], "LazyConvTranspose2d(0, 4, kernel_size=(3, 3), stride=(1, 1), groups=2)",
                "ConvTranspose2d(2, 4, kernel_size=(3, 3), stride=(1, 1), groups=2)", [2, 2, 3, 3]),
            (new LazyConvTranspose3d(4, 3, groups: 2), [1, 6, 2, 2, 2], "LazyConvTranspose3d(0, 4, kernel_size=(3, 3, 3), stride=(1, 1, 1), groups=2)",
                "ConvTranspose3d(6, 4, kernel_size=(3, 3, 3), stride=(1, 1, 1), groups=2)", [6, 2, 3, 3, 3]),
        ];
        foreach (var (m, input, before, after, weight) in cases)
        {
            Assert.Equal(before, m.ToString());
            var w = m.NamedParameters().First();
            Assert.Equal("weight", w.Name);
            Assert.Equal(LazyLinearTests.ShapeMessage, Assert.Throws<InvalidOperationException>(() => w.Parameter.Shape).Message);
            m.Call(Tensor.Randn(input));
            Assert.Equal(after, m.ToString());
            Assert.Equal(weight, w.Parameter.Shape);
        }
        Assert.Equal("LazyConv2d(0, 16, kernel_size=(3, 3), stride=(1, 1))", new LazyConv2d(16, (3, 3)).ToString());
        Assert.Equal("LazyConv3d(0, 4, kernel_size=(1, 2, 3), stride=(1, 1, 1))", new LazyConv3d(4, (1, 2, 3)).ToString());
        Assert.Equal("LazyConvTranspose3d(0, 4, kernel_size=(2, 2, 2), stride=(1, 1, 1))", new LazyConvTranspose3d(4, 2).ToString());
    }

    [Fact]
    public void DrawsAsTheEagerLayerDoes()
    {
        (Func<Module> Eager, Func<Module> Lazy, int[] Input)[] cases =
        [
            (() => new Conv1d(4, 6, 3, groups: 2), () => new LazyConv1d(6, 3, groups: 2), [2, 4, 7]),
            (() => new Conv1d(4, 6, 3, "same"), () => new LazyConv1d(6, 3, "same"), [4, 7]),
            (() => new Conv2d(3, 5, (2, 3), stride: (2, 1)), () => new LazyConv2d(5, (2, 3), stride: (2, 1)), [1, 3, 6, 6]),
            (() => new Conv2d(3, 5, 2, "same", dilation: 2), () => new LazyConv2d(5, 2, "same", dilation: 2), [2, 3, 6, 6]),
            (() => new Conv3d(2, 3, 2, padding: 1), () => new LazyConv3d(3, 2, padding: 1), [1, 2, 3, 3, 3]),
            (() => new Conv3d(2, 3, (1, 2, 2), "same"), () => new LazyConv3d(3, (1, 2, 2), "same"), [2, 3, 3, 3]),
            (() => new ConvTranspose1d(4, 6, 3, stride: 2, groups: 2), () => new LazyConvTranspose1d(6, 3, stride: 2, groups: 2), [4, 5]),
            (() => new ConvTranspose2d(3, 2, (2, 3), outputPadding: (1, 0), stride: (2, 1)),
                () => new LazyConvTranspose2d(2, (2, 3), outputPadding: (1, 0), stride: (2, 1)), [1, 3, 4, 4]),
            (() => new ConvTranspose3d(2, 4, 2, groups: 2, bias: false), () => new LazyConvTranspose3d(4, 2, groups: 2, bias: false), [1, 2, 2, 2, 2]),
        ];
        foreach (var (makeEager, makeLazy, input) in cases)
        {
            var x = Tensor.Randn(input);
            Tensor.ManualSeed(5);
            var eager = makeEager();
            Tensor.ManualSeed(5);
            var lazy = makeLazy();
            Assert.Equal(eager.NamedParameters().Select(p => p.Name), lazy.NamedParameters().Select(p => p.Name));
            var y = lazy.Call(x); // draws now, from the same generator state as the eager constructor
            foreach (var ((_, e), (_, l)) in eager.NamedParameters().Zip(lazy.NamedParameters()))
                Check.Close(e, l, 0);
            Check.Close(eager.Call(x), y, 0);
            Assert.Equal(eager.ToString(), lazy.ToString());
        }
        // The bound is PyTorch's 1/sqrt(fan_in): fan_in = in/groups·k for a convolution, out/groups·k for a transposed one.
        var c = new LazyConv2d(64, 2);
        c.Call(Tensor.Zeros([1, 8, 3, 3]));
        Assert.InRange(c.Weight.Abs().Max().Item(), 0.95 / Math.Sqrt(8 * 4), 1 / Math.Sqrt(8 * 4));
        var t = new LazyConvTranspose1d(8, 3, groups: 2);
        t.Call(Tensor.Zeros([1, 64, 3]));
        Assert.InRange(t.Weight.Abs().Max().Item(), 0.95 / Math.Sqrt(4 * 3), 1 / Math.Sqrt(4 * 3));
    }

    [Fact]
    public void ForwardMatchesPyTorch()
    {
        // PyTorch's input is unbatched [2, 3, 3]; Sharpgrad's Conv2d takes batched input only.
        var m = new LazyConv2d(2, 2, "same");
        var x = Tensor.Arange(18).To(DType.Float32).Reshape([1, 2, 3, 3]);
        var weight = m.Weight;
        var opt = new SGD(m.Parameters(), lr: 0.1);
        m.Call(x);
        Assert.Equal("Conv2d(2, 2, kernel_size=(2, 2), stride=(1, 1), padding=same)", m.ToString());
        Assert.Same(weight, m.Weight);
        using (Autograd.NoGrad())
        {
            m.Weight.Copy_(Tensor.Arange(16).To(DType.Float32).Reshape([2, 2, 2, 2]).Div(10).Sub(0.5));
            m.Bias!.Copy_(Check.F32([0.1f, -0.2f]));
        }
        var y = m.Call(x);
        Core.Check.Shape(y, 1, 2, 3, 3);
        Check.Close([0.9000000953674316, -0.3000001907348633, -2.0999996662139893, -2.6999993324279785, -3.8999993801116943, -4.499999523162842,
            -7.199999809265137, -8.200000762939453, -5.599999904632568, 42.19999694824219, 47.400001525878906, 23.200000762939453, 57.80000305175781,
            63.0, 30.400001525878906, 27.700000762939453, 29.900001525878906, 14.100000381469727], y, 1e-5);
        y.Sum().Backward();
        opt.Step();
        Assert.NotNull(weight.Grad);

        var t = new LazyConvTranspose1d(3, 2, stride: 2);
        var xt = Tensor.Arange(8).To(DType.Float32).Reshape([1, 2, 4]).Div(4);
        t.Call(xt);
        Assert.Equal("ConvTranspose1d(2, 3, kernel_size=(2,), stride=(2,))", t.ToString());
        using (Autograd.NoGrad())
        {
            t.Weight.Copy_(Tensor.Arange(12).To(DType.Float32).Reshape([2, 3, 2]).Div(10).Sub(0.5));
            t.Bias!.Copy_(Check.F32([0.1f, -0.2f, 0.3f]));
        }
        Check.Close([0.20000001788139343, 0.29999998211860657, 0.10000003129243851, 0.2499999701976776, 3.725290298461914e-08, 0.19999998807907104,
            -0.09999995678663254, 0.1499999463558197, 0.10000000894069672, 0.19999997317790985, 0.10000000894069672, 0.2499999850988388,
            0.10000000894069672, 0.2999999523162842, 0.10000000894069672, 0.34999996423721313, 0.800000011920929, 0.9000000357627869,
            0.9000000357627869, 1.0499999523162842, 1.0, 1.2000000476837158, 1.100000023841858, 1.3500001430511475], t.Call(xt), 1e-6);
    }

    [Fact]
    public void BadInputFailsAsInPyTorch()
    {
        var m = new LazyConv2d(16, 3);
        Assert.Equal("Expected 3D (unbatched) or 4D (batched) input to LazyConv2d, but got input of size: torch.Size([3, 5])",
            Assert.Throws<InvalidOperationException>(() => m.Call(Tensor.Zeros([3, 5]))).Message);
        Assert.True(m.HasUninitializedParams);
        Assert.Equal("Expected 2D (unbatched) or 3D (batched) input to LazyConv1d, but got input of size: torch.Size([5])",
            Assert.Throws<InvalidOperationException>(() => new LazyConv1d(2, 3).Call(Tensor.Zeros([5]))).Message);
        Assert.Equal("Expected 4D (unbatched) or 5D (batched) input to LazyConvTranspose3d, but got input of size: torch.Size([5, 3, 3])",
            Assert.Throws<InvalidOperationException>(() => new LazyConvTranspose3d(2, 3).Call(Tensor.Zeros([5, 3, 3]))).Message);
        // in_channels is set before the groups check, as PyTorch's initialize_parameters does.
        var g = new LazyConv2d(16, 3, groups: 2);
        Assert.Equal("in_channels must be divisible by groups", Assert.Throws<ArgumentException>(() => g.Call(Tensor.Zeros([1, 3, 5, 5]))).Message);
        Assert.Equal("LazyConv2d(3, 16, kernel_size=(3, 3), stride=(1, 1), groups=2)", g.ToString());
        Assert.True(g.HasUninitializedParams);
        // out_channels is not checked against groups until the convolution itself runs.
        var o = new LazyConv2d(15, 3, groups: 2);
        Assert.Equal("LazyConv2d(0, 15, kernel_size=(3, 3), stride=(1, 1), groups=2)", o.ToString());
        Assert.StartsWith("Given groups=2, expected weight to be divisible by 2 at dimension 0, but got weight of size [[15, 2, 3, 3]] instead",
            Assert.ThrowsAny<Exception>(() => o.Call(Tensor.Zeros([1, 4, 5, 5]))).Message);
        Assert.Equal("Conv2d(4, 15, kernel_size=(3, 3), stride=(1, 1), groups=2)", o.ToString());
        Assert.Equal("padding='same' is not supported for strided convolutions",
            Assert.ThrowsAny<ArgumentException>(() => new LazyConv2d(4, 3, "same", stride: 2)).Message.Split(" (Parameter")[0]);
        Assert.Throws<ArgumentOutOfRangeException>(() => new LazyConvTranspose1d(4, 3, groups: 0));
        Assert.Equal("LazyConv2d(0, 0, kernel_size=(3, 3), stride=(1, 1))", new LazyConv2d(0, 3).ToString());
    }

    [Fact]
    public void LoadingACheckpointSizesThePlaceholders()
    {
        var m = new LazyConv2d(4, 3);
        var state = m.StateDict();
        Assert.Equal(["weight", "bias"], state.Keys);
        Assert.Same(m.Weight, state["weight"]);
        var source = new Conv2d(2, 4, 3);
        m.LoadStateDict(source.StateDict());
        // As PyTorch: in_channels stays 0, the layer lazy until its first call.
        Assert.Equal("LazyConv2d(0, 4, kernel_size=(3, 3), stride=(1, 1))", m.ToString());
        Assert.False(m.HasUninitializedParams);
        Check.Close(source.Weight, m.Weight, 0);
        var x = Tensor.Randn([1, 2, 5, 5]);
        Check.Close(source.Call(x), m.Call(x), 0);
        Assert.Equal("Conv2d(0, 4, kernel_size=(3, 3), stride=(1, 1))", m.ToString());
        // Each placeholder takes its own entry's shape, unchecked against the others.
        var odd = new LazyConv2d(4, 3);
        odd.LoadStateDict(new Dictionary<string, Tensor> { ["weight"] = Tensor.Ones([4, 2, 3, 3]), ["bias"] = Tensor.Ones([5]) });
        Core.Check.Shape(odd.Bias!, 5);
    }
}
