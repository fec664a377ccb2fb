namespace Sharpgrad.NN;

/// <summary>
/// What the lazy convolutions share: built as their eager layer with in_channels 0 and placeholder weight and bias, they
/// take in_channels from the first input (dim 1, or dim 0 for unbatched input) and draw the parameters as the eager
/// constructor does. PyTorch: torch.nn.modules.conv._LazyConvXdMixin.
/// </summary>
internal static class LazyConv
{
    /// <summary>Whether <paramref name="conv"/>'s first call still has placeholders to size; marks it called when there are none.</summary>
    public static bool Pending(Module conv, Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (conv.LazyInferred) return false;
        if (conv.HasUninitializedTensors()) return true;
        conv.LazyInferred = true;
        return false;
    }

    /// <summary>The input's channel count: dim 1 of a batched input, dim 0 of an unbatched one. PyTorch: _get_in_channels.</summary>
    public static int InChannels(Tensor input, int spatialDims, string name)
    {
        int unbatched = spatialDims + 1;
        if (input.Dim != unbatched && input.Dim != unbatched + 1)
            throw new InvalidOperationException(
                $"Expected {unbatched}D (unbatched) or {unbatched + 1}D (batched) input to {name}, but got input of size: {Errors.Size(input.Sizes)}");
        return input.Shape[input.Dim - unbatched];
    }

    /// <summary>Sizes the placeholders (in_channels must divide into groups) and draws them as the eager layer does; the layer is then called.</summary>
    public static void Materialize(Module conv, Tensor weight, Tensor? bias, int[] weightShape, int inChannels, int outChannels, int groups)
    {
        if (inChannels % groups != 0) throw new ArgumentException("in_channels must be divisible by groups");
        weight.Materialize(weightShape);
        bias?.Materialize([outChannels]);
        ConvParameters.Reset(weight, bias);
        conv.LazyInferred = true;
    }
}

/// <summary>
/// A Conv1d whose in_channels is taken from its first input; until then its weight and bias are placeholders. From its
/// first call on it prints as Conv1d, as PyTorch's turns into one. PyTorch: torch.nn.LazyConv1d.
/// </summary>
public sealed class LazyConv1d : Conv1d
{
    /// <summary>A convolution with integer padding; the arguments are Conv1d's but in_channels.</summary>
    public LazyConv1d(int outChannels, int kernelSize, int stride = 1, int padding = 0, int dilation = 1, int groups = 1, bool bias = true,
        DType dtype = DType.Float32)
        : base(0, outChannels, kernelSize, stride, padding, null, dilation, groups, bias, dtype, lazy: true)
    {
    }

    /// <summary>A convolution with padding "same" or "valid".</summary>
    public LazyConv1d(int outChannels, int kernelSize, string padding, int stride = 1, int dilation = 1, int groups = 1, bool bias = true,
        DType dtype = DType.Float32)
        : base(0, outChannels, kernelSize, stride, 0, padding, dilation, groups, bias, dtype, lazy: true)
    {
    }

    /// <summary>Whether the weight or bias still waits for its shape. PyTorch: has_uninitialized_params().</summary>
    public bool HasUninitializedParams => HasUninitializedTensors();

    internal override string ReprName => LazyInferred ? nameof(Conv1d) : nameof(LazyConv1d);

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input)
    {
        if (LazyConv.Pending(this, input))
        {
            InChannels = LazyConv.InChannels(input, 1, nameof(LazyConv1d));
            LazyConv.Materialize(this, Weight, Bias, [OutChannels, InChannels / Groups, KernelSize], InChannels, OutChannels, Groups);
        }
        return base.Forward(input);
    }
}

/// <summary>
/// A Conv2d whose in_channels is taken from its first input; until then its weight and bias are placeholders. From its
/// first call on it prints as Conv2d, as PyTorch's turns into one. PyTorch: torch.nn.LazyConv2d.
/// </summary>
public sealed class LazyConv2d : Conv2d
{
    /// <summary>A convolution with a square kernel; the arguments are Conv2d's but in_channels.</summary>
    public LazyConv2d(int outChannels, int kernelSize, int stride = 1, int padding = 0, bool bias = true, DType dtype = DType.Float32, int dilation = 1,
        int groups = 1)
        : base(0, outChannels, (kernelSize, kernelSize), (stride, stride), (padding, padding), null, (dilation, dilation), groups, bias, dtype, lazy: true)
    {
    }

    /// <summary>A convolution with padding "same" or "valid".</summary>
    public LazyConv2d(int outChannels, (int Height, int Width) kernelSize, string padding, (int Height, int Width)? stride = null, (int Height, int Width)? dilation = null,
        int groups = 1, bool bias = true, DType dtype = DType.Float32)
        : base(0, outChannels, kernelSize, stride, (0, 0), padding, dilation, groups, bias, dtype, lazy: true)
    {
    }

    /// <summary>A square-kernel convolution with padding "same" or "valid".</summary>
    public LazyConv2d(int outChannels, int kernelSize, string padding, int stride = 1, int dilation = 1, int groups = 1, bool bias = true,
        DType dtype = DType.Float32)
        : base(0, outChannels, (kernelSize, kernelSize), (stride, stride), (0, 0), padding, (dilation, dilation), groups, bias, dtype, lazy: true)
    {
    }

    /// <summary>A convolution with (height, width) kernel, stride, padding and dilation, and channel groups.</summary>
    public LazyConv2d(int outChannels, (int Height, int Width) kernelSize, (int Height, int Width)? stride = null, (int Height, int Width)? padding = null,
        (int Height, int Width)? dilation = null, int groups = 1, bool bias = true, DType dtype = DType.Float32)
        : base(0, outChannels, kernelSize, stride, padding, null, dilation, groups, bias, dtype, lazy: true)
    {
    }

    /// <summary>Whether the weight or bias still waits for its shape. PyTorch: has_uninitialized_params().</summary>
    public bool HasUninitializedParams => HasUninitializedTensors();

    internal override string ReprName => LazyInferred ? nameof(Conv2d) : nameof(LazyConv2d);

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input)
    {
        if (LazyConv.Pending(this, input))
        {
            InChannels = LazyConv.InChannels(input, 2, nameof(LazyConv2d));
            LazyConv.Materialize(this, Weight, Bias, [OutChannels, InChannels / Groups, KernelShape.Height, KernelShape.Width], InChannels, OutChannels, Groups);
        }
        return base.Forward(input);
    }
}

/// <summary>
/// A Conv3d whose in_channels is taken from its first input; until then its weight and bias are placeholders. From its
/// first call on it prints as Conv3d, as PyTorch's turns into one. PyTorch: torch.nn.LazyConv3d.
/// </summary>
public sealed class LazyConv3d : Conv3d
{
    /// <summary>A convolution with a cubic kernel; the arguments are Conv3d's but in_channels.</summary>
    public LazyConv3d(int outChannels, int kernelSize, int stride = 1, int padding = 0, int dilation = 1, int groups = 1, bool bias = true,
        DType dtype = DType.Float32)
        : base(0, outChannels, Pool3dRepr.Cube(kernelSize), Pool3dRepr.Cube(stride), Pool3dRepr.Cube(padding), null, Pool3dRepr.Cube(dilation), groups, bias, dtype,
            lazy: true)
    {
    }

    /// <summary>A convolution with (depth, height, width) kernel, stride, padding and dilation, and channel groups.</summary>
    public LazyConv3d(int outChannels, (int Depth, int Height, int Width) kernelSize, (int Depth, int Height, int Width)? stride = null,
        (int Depth, int Height, int Width)? padding = null, (int Depth, int Height, int Width)? dilation = null, int groups = 1, bool bias = true,
        DType dtype = DType.Float32)
        : base(0, outChannels, kernelSize, stride, padding, null, dilation, groups, bias, dtype, lazy: true)
    {
    }

    /// <summary>A cubic-kernel convolution with padding "same" or "valid".</summary>
    public LazyConv3d(int outChannels, int kernelSize, string padding, int stride = 1, int dilation = 1, int groups = 1, bool bias = true,
        DType dtype = DType.Float32)
        : base(0, outChannels, Pool3dRepr.Cube(kernelSize), Pool3dRepr.Cube(stride), (0, 0, 0), padding, Pool3dRepr.Cube(dilation), groups, bias, dtype, lazy: true)
    {
    }

    /// <summary>A convolution with padding "same" or "valid" and (depth, height, width) kernel, stride and dilation.</summary>
    public LazyConv3d(int outChannels, (int Depth, int Height, int Width) kernelSize, string padding, (int Depth, int Height, int Width)? stride = null,
        (int Depth, int Height, int Width)? dilation = null, int groups = 1, bool bias = true, DType dtype = DType.Float32)
        : base(0, outChannels, kernelSize, stride, (0, 0, 0), padding, dilation, groups, bias, dtype, lazy: true)
    {
    }

    /// <summary>Whether the weight or bias still waits for its shape. PyTorch: has_uninitialized_params().</summary>
    public bool HasUninitializedParams => HasUninitializedTensors();

    internal override string ReprName => LazyInferred ? nameof(Conv3d) : nameof(LazyConv3d);

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input)
    {
        if (LazyConv.Pending(this, input))
        {
            InChannels = LazyConv.InChannels(input, 3, nameof(LazyConv3d));
            LazyConv.Materialize(this, Weight, Bias, [OutChannels, InChannels / Groups, KernelSize.Depth, KernelSize.Height, KernelSize.Width], InChannels, OutChannels, Groups);
        }
        return base.Forward(input);
    }
}

/// <summary>
/// A ConvTranspose1d whose in_channels is taken from its first input; until then its weight and bias are placeholders. From its
/// first call on it prints as ConvTranspose1d, as PyTorch's turns into one. PyTorch: torch.nn.LazyConvTranspose1d.
/// </summary>
public sealed class LazyConvTranspose1d : ConvTranspose1d
{
    /// <summary>A transposed convolution; the arguments are ConvTranspose1d's but in_channels.</summary>
    public LazyConvTranspose1d(int outChannels, int kernelSize, int stride = 1, int padding = 0, int outputPadding = 0, int groups = 1, bool bias = true,
        int dilation = 1, DType dtype = DType.Float32)
        : base(0, outChannels, kernelSize, stride, padding, outputPadding, groups, bias, dilation, dtype, lazy: true)
    {
    }

    /// <summary>Whether the weight or bias still waits for its shape. PyTorch: has_uninitialized_params().</summary>
    public bool HasUninitializedParams => HasUninitializedTensors();

    internal override string ReprName => LazyInferred ? nameof(ConvTranspose1d) : nameof(LazyConvTranspose1d);

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input)
    {
        if (LazyConv.Pending(this, input))
        {
            InChannels = LazyConv.InChannels(input, 1, nameof(LazyConvTranspose1d));
            LazyConv.Materialize(this, Weight, Bias, [InChannels, OutChannels / Groups, KernelSize], InChannels, OutChannels, Groups);
        }
        return base.Forward(input);
    }
}

/// <summary>
/// A ConvTranspose2d whose in_channels is taken from its first input; until then its weight and bias are placeholders. From its
/// first call on it prints as ConvTranspose2d, as PyTorch's turns into one. PyTorch: torch.nn.LazyConvTranspose2d.
/// </summary>
public sealed class LazyConvTranspose2d : ConvTranspose2d
{
    /// <summary>A transposed convolution with a square kernel; the arguments are ConvTranspose2d's but in_channels.</summary>
    public LazyConvTranspose2d(int outChannels, int kernelSize, int stride = 1, int padding = 0, int outputPadding = 0, int groups = 1, bool bias = true,
        int dilation = 1, DType dtype = DType.Float32)
        : base(0, outChannels, (kernelSize, kernelSize), (stride, stride), (padding, padding), (outputPadding, outputPadding), groups, bias,
            (dilation, dilation), dtype, lazy: true)
    {
    }

    /// <summary>A transposed convolution with (height, width) sizes.</summary>
    public LazyConvTranspose2d(int outChannels, (int Height, int Width) kernelSize, (int Height, int Width)? stride = null, (int Height, int Width)? padding = null,
        (int Height, int Width)? outputPadding = null, int groups = 1, bool bias = true, (int Height, int Width)? dilation = null,
        DType dtype = DType.Float32)
        : base(0, outChannels, kernelSize, stride, padding, outputPadding, groups, bias, dilation, dtype, lazy: true)
    {
    }

    /// <summary>Whether the weight or bias still waits for its shape. PyTorch: has_uninitialized_params().</summary>
    public bool HasUninitializedParams => HasUninitializedTensors();

    internal override string ReprName => LazyInferred ? nameof(ConvTranspose2d) : nameof(LazyConvTranspose2d);

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input)
    {
        if (LazyConv.Pending(this, input))
        {
            InChannels = LazyConv.InChannels(input, 2, nameof(LazyConvTranspose2d));
            LazyConv.Materialize(this, Weight, Bias, [InChannels, OutChannels / Groups, KernelShape.Height, KernelShape.Width], InChannels, OutChannels, Groups);
        }
        return base.Forward(input);
    }
}

/// <summary>
/// A ConvTranspose3d whose in_channels is taken from its first input; until then its weight and bias are placeholders. From its
/// first call on it prints as ConvTranspose3d, as PyTorch's turns into one. PyTorch: torch.nn.LazyConvTranspose3d.
/// </summary>
public sealed class LazyConvTranspose3d : ConvTranspose3d
{
    /// <summary>A transposed convolution with a cubic kernel; the arguments are ConvTranspose3d's but in_channels.</summary>
    public LazyConvTranspose3d(int outChannels, int kernelSize, int stride = 1, int padding = 0, int outputPadding = 0, int groups = 1, bool bias = true,
        int dilation = 1, DType dtype = DType.Float32)
        : base(0, outChannels, Pool3dRepr.Cube(kernelSize), Pool3dRepr.Cube(stride), Pool3dRepr.Cube(padding), Pool3dRepr.Cube(outputPadding), groups, bias,
            Pool3dRepr.Cube(dilation), dtype, lazy: true)
    {
    }

    /// <summary>A transposed convolution with (depth, height, width) kernel, stride, padding, output padding and dilation.</summary>
    public LazyConvTranspose3d(int outChannels, (int Depth, int Height, int Width) kernelSize, (int Depth, int Height, int Width)? stride = null,
        (int Depth, int Height, int Width)? padding = null, (int Depth, int Height, int Width)? outputPadding = null, int groups = 1, bool bias = true,
        (int Depth, int Height, int Width)? dilation = null, DType dtype = DType.Float32)
        : base(0, outChannels, kernelSize, stride, padding, outputPadding, groups, bias, dilation, dtype, lazy: true)
    {
    }

    /// <summary>Whether the weight or bias still waits for its shape. PyTorch: has_uninitialized_params().</summary>
    public bool HasUninitializedParams => HasUninitializedTensors();

    internal override string ReprName => LazyInferred ? nameof(ConvTranspose3d) : nameof(LazyConvTranspose3d);

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input)
    {
        if (LazyConv.Pending(this, input))
        {
            InChannels = LazyConv.InChannels(input, 3, nameof(LazyConvTranspose3d));
            LazyConv.Materialize(this, Weight, Bias, [InChannels, OutChannels / Groups, KernelSize.Depth, KernelSize.Height, KernelSize.Width], InChannels, OutChannels, Groups);
        }
        return base.Forward(input);
    }
}
