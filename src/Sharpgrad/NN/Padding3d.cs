namespace Sharpgrad.NN;

/// <summary>Pads the last three dims with zeros. PyTorch: torch.nn.ZeroPad3d.</summary>
public sealed class ZeroPad3d : PadNd
{
    /// <summary><paramref name="padding"/> zeros on every side.</summary>
    public ZeroPad3d(int padding) : base(Sextuple(padding), "constant", 0) { }

    /// <summary>(left, right, top, bottom, front, back) zeros.</summary>
    public ZeroPad3d((int Left, int Right, int Top, int Bottom, int Front, int Back) padding) : base(Sides(padding), "constant", 0) { }
}

/// <summary>Pads the last three dims with a constant. PyTorch: torch.nn.ConstantPad3d.</summary>
public sealed class ConstantPad3d : PadNd
{
    /// <summary><paramref name="padding"/> copies of <paramref name="value"/> on every side.</summary>
    public ConstantPad3d(int padding, double value) : base(Sextuple(padding), "constant", value) { }

    /// <summary>(left, right, top, bottom, front, back) copies of <paramref name="value"/>.</summary>
    public ConstantPad3d((int Left, int Right, int Top, int Bottom, int Front, int Back) padding, double value)
        : base(Sides(padding), "constant", value) { }

    /// <inheritdoc/>
    protected override string ExtraRepr => $"padding={PaddingRepr}, value={PyFloat(Value)}";
}

/// <summary>Pads the last three dims by mirroring them (without repeating the edge). PyTorch: torch.nn.ReflectionPad3d.</summary>
public sealed class ReflectionPad3d : PadNd
{
    /// <summary><paramref name="padding"/> mirrored values on every side.</summary>
    public ReflectionPad3d(int padding) : base(Sextuple(padding), "reflect", 0) { }

    /// <summary>(left, right, top, bottom, front, back) mirrored values.</summary>
    public ReflectionPad3d((int Left, int Right, int Top, int Bottom, int Front, int Back) padding) : base(Sides(padding), "reflect", 0) { }
}

/// <summary>Pads the last three dims by repeating their edges. PyTorch: torch.nn.ReplicationPad3d.</summary>
public sealed class ReplicationPad3d : PadNd
{
    /// <summary><paramref name="padding"/> edge copies on every side.</summary>
    public ReplicationPad3d(int padding) : base(Sextuple(padding), "replicate", 0) { }

    /// <summary>(left, right, top, bottom, front, back) edge copies.</summary>
    public ReplicationPad3d((int Left, int Right, int Top, int Bottom, int Front, int Back) padding) : base(Sides(padding), "replicate", 0) { }
}

/// <summary>Pads the last three dims by wrapping around. PyTorch: torch.nn.CircularPad3d.</summary>
public sealed class CircularPad3d : PadNd
{
    /// <summary><paramref name="padding"/> wrapped values on every side.</summary>
    public CircularPad3d(int padding) : base(Sextuple(padding), "circular", 0) { }

    /// <summary>(left, right, top, bottom, front, back) wrapped values.</summary>
    public CircularPad3d((int Left, int Right, int Top, int Bottom, int Front, int Back) padding) : base(Sides(padding), "circular", 0) { }

    /// <inheritdoc/>
    private protected override void CheckInput(Tensor input)
    {
        if (input.Dim is not (4 or 5)) throw new ArgumentException($"expected 4D or 5D input (got {input.Dim}D input)");
    }
}
