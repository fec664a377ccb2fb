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

    /// <summary>
    /// A (semi-)orthogonal matrix, scaled by <paramref name="gain"/>: the Q of a QR of a standard normal matrix (dims after
    /// the first flattened), with the signs of R's diagonal folded in so Q is uniformly distributed. PyTorch: init.orthogonal_.
    /// </summary>
    public static Tensor Orthogonal_(Tensor tensor, double gain = 1)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (tensor.Dim < 2) throw new ArgumentException("Only tensors with 2 or more dimensions are supported");
        if (tensor.NumElements == 0) return tensor;
        int rows = tensor.Shape[0], cols = (int)(tensor.NumElements / rows);
        using (Autograd.NoGrad())
        using (Tensor.NewScope())
        {
            var flattened = Tensor.Empty([rows, cols], tensor.DType).Normal_(0, 1);
            if (rows < cols) flattened = flattened.T;
            var (q, r) = Linalg.Qr(flattened);
            q = q * r.Diagonal().Sign();
            if (rows < cols) q = q.T;
            tensor.Copy_(q.Reshape(tensor.Shape.ToArray()));
            tensor.Mul_(gain);
        }
        return tensor;
    }

    /// <summary>
    /// The identity of a convolution: zeros, with a 1 at the spatial centre of weight[g·out/groups + d, d] for each group g and
    /// d below min(out/groups, in), so a conv with it passes its first input channels through. PyTorch: init.dirac_.
    /// </summary>
    public static Tensor Dirac_(Tensor tensor, int groups = 1)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (tensor.Dim is < 3 or > 5) throw new ArgumentException("Only tensors with 3, 4, or 5 dimensions are supported");
        var sizes = tensor.Shape.ToArray();
        if (sizes[0] % groups != 0) throw new ArgumentException("dim 0 must be divisible by groups");
        int perGroup = sizes[0] / groups, minDim = Math.Min(perGroup, sizes[1]);
        using (Autograd.NoGrad())
        {
            tensor.Zero_();
            for (int g = 0; g < groups; g++)
                for (int d = 0; d < minDim; d++)
                {
                    var element = tensor.Select(0, g * perGroup + d).Select(0, d);
                    for (int k = 2; k < sizes.Length; k++) element = element.Select(0, sizes[k] / 2);
                    element.Fill_(1);
                }
        }
        return tensor;
    }

    /// <summary>
    /// N(0, std²) with a fraction <paramref name="sparsity"/> of each column's entries (rounded up) set to zero at random rows.
    /// PyTorch: init.sparse_.
    /// </summary>
    public static Tensor Sparse_(Tensor tensor, double sparsity, double std = 0.01)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (tensor.Dim != 2) throw new ArgumentException("Only tensors with 2 dimensions are supported");
        int rows = tensor.Shape[0], cols = tensor.Shape[1];
        int zeros = (int)Math.Ceiling(sparsity * rows);
        using (Autograd.NoGrad())
        {
            tensor.Normal_(0, std);
            for (int c = 0; c < cols; c++)
            {
                var picked = Tensor.RandPerm(rows).Narrow(0, 0, zeros);
                tensor.Select(1, c).IndexFill_(0, picked, 0);
            }
        }
        return tensor;
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
