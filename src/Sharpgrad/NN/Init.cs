namespace Sharpgrad.NN;

/// <summary>Parameter initializers, in place and unrecorded, with PyTorch's fans and gains. PyTorch: torch.nn.init.</summary>
public static class Init
{
    /// <summary>The recommended gain for a nonlinearity (leaky_relu's <paramref name="param"/> is its negative slope, default 0.01). PyTorch: calculate_gain.</summary>
    public static double CalculateGain(string nonlinearity, double? param = null)
    {
        ArgumentNullException.ThrowIfNull(nonlinearity);
        return nonlinearity switch
        {
            "linear" or "conv1d" or "conv2d" or "conv3d" or "conv_transpose1d" or "conv_transpose2d" or "conv_transpose3d" or "sigmoid" => 1,
            "tanh" => 5.0 / 3,
            "relu" => Math.Sqrt(2.0),
            "leaky_relu" => Math.Sqrt(2.0 / (1 + Math.Pow(param ?? 0.01, 2))),
            "selu" => 3.0 / 4,
            _ => throw new ArgumentException($"Unsupported nonlinearity {nonlinearity}"),
        };
    }

    /// <summary>(fan_in, fan_out): size(1)·receptive field and size(0)·receptive field. PyTorch: _calculate_fan_in_and_fan_out.</summary>
    public static (int FanIn, int FanOut) CalculateFans(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (tensor.Dim < 2) throw new ArgumentException("Fan in and fan out can not be computed for tensor with fewer than 2 dimensions");
        int receptive = 1;
        for (int d = 2; d < tensor.Dim; d++) receptive *= tensor.Shape[d];
        return (tensor.Shape[1] * receptive, tensor.Shape[0] * receptive);
    }

    /// <summary>Fills with U(a, b). PyTorch: init.uniform_.</summary>
    public static Tensor Uniform_(Tensor tensor, double a = 0, double b = 1)
    {
        using (Autograd.NoGrad()) return tensor.Uniform_(a, b);
    }

    /// <summary>Fills with N(mean, std²). PyTorch: init.normal_.</summary>
    public static Tensor Normal_(Tensor tensor, double mean = 0, double std = 1)
    {
        using (Autograd.NoGrad()) return tensor.Normal_(mean, std);
    }

    /// <summary>Fills with <paramref name="value"/>. PyTorch: init.constant_.</summary>
    public static Tensor Constant_(Tensor tensor, double value)
    {
        using (Autograd.NoGrad()) return tensor.Fill_(value);
    }

    /// <summary>Fills with zeros. PyTorch: init.zeros_.</summary>
    public static Tensor Zeros_(Tensor tensor) => Constant_(tensor, 0);

    /// <summary>Fills with ones. PyTorch: init.ones_.</summary>
    public static Tensor Ones_(Tensor tensor) => Constant_(tensor, 1);

    /// <summary>Sets a 2-D tensor to the identity (ones on the diagonal). PyTorch: init.eye_.</summary>
    public static Tensor Eye_(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (tensor.Dim != 2) throw new ArgumentException("Only tensors with 2 dimensions are supported");
        using (Autograd.NoGrad())
        {
            tensor.Fill_(0);
            for (int i = 0; i < Math.Min(tensor.Shape[0], tensor.Shape[1]); i++) tensor.Select(0, i).Select(0, i).Fill_(1);
            return tensor;
        }
    }

    /// <summary>U(-a, a) with a = gain·√(6 / (fan_in + fan_out)) (Glorot). PyTorch: init.xavier_uniform_.</summary>
    public static Tensor XavierUniform_(Tensor tensor, double gain = 1)
    {
        var (fanIn, fanOut) = CalculateFans(tensor);
        double a = Math.Sqrt(3.0) * gain * Math.Sqrt(2.0 / (fanIn + fanOut));
        return Uniform_(tensor, -a, a);
    }

    /// <summary>N(0, std²) with std = gain·√(2 / (fan_in + fan_out)) (Glorot). PyTorch: init.xavier_normal_.</summary>
    public static Tensor XavierNormal_(Tensor tensor, double gain = 1)
    {
        var (fanIn, fanOut) = CalculateFans(tensor);
        return Normal_(tensor, 0, gain * Math.Sqrt(2.0 / (fanIn + fanOut)));
    }

    private static double KaimingStd(Tensor tensor, double a, string mode, string nonlinearity)
    {
        ArgumentNullException.ThrowIfNull(mode);
        if (mode is not ("fan_in" or "fan_out")) throw new ArgumentException($"Mode {mode} not supported, please use one of ['fan_in', 'fan_out']");
        var (fanIn, fanOut) = CalculateFans(tensor);
        return CalculateGain(nonlinearity, a) / Math.Sqrt(mode == "fan_in" ? fanIn : fanOut);
    }

    /// <summary>U(-b, b) with b = √3·gain/√fan (He); <paramref name="a"/> is leaky_relu's slope. PyTorch: init.kaiming_uniform_.</summary>
    public static Tensor KaimingUniform_(Tensor tensor, double a = 0, string mode = "fan_in", string nonlinearity = "leaky_relu")
    {
        double bound = Math.Sqrt(3.0) * KaimingStd(tensor, a, mode, nonlinearity);
        return Uniform_(tensor, -bound, bound);
    }

    /// <summary>N(0, std²) with std = gain/√fan (He). PyTorch: init.kaiming_normal_.</summary>
    public static Tensor KaimingNormal_(Tensor tensor, double a = 0, string mode = "fan_in", string nonlinearity = "leaky_relu") =>
        Normal_(tensor, 0, KaimingStd(tensor, a, mode, nonlinearity));

    /// <summary>N(mean, std²) restricted to [a, b] (values outside are redrawn). PyTorch: init.trunc_normal_.</summary>
    public static Tensor TruncNormal_(Tensor tensor, double mean = 0, double std = 1, double a = -2, double b = 2)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (!(a < b)) throw new ArgumentException($"trunc_normal_: a ({a}) must be below b ({b})");
        using (Autograd.NoGrad())
        using (Tensor.NewScope())
        {
            tensor.Normal_(mean, std);
            for (int round = 0; round < 1000; round++)
            {
                var outside = tensor.Lt(a).LogicalOr(tensor.Gt(b));
                if (!outside.Any().Item<bool>()) return tensor;
                var redraw = Tensor.Empty(tensor.Shape.ToArray(), tensor.DType).Normal_(mean, std);
                tensor.Copy_(Tensor.Where(outside, redraw, tensor));
            }
            tensor.Clamp_(a, b); // only reached for an interval far in the tails
            return tensor;
        }
    }
}
