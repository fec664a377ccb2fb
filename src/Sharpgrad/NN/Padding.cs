namespace Sharpgrad.NN;

/// <summary>
/// Shared body of the padding modules: a fixed <see cref="Functional.Pad"/> over the last 1, 2 or 3 dims, with PyTorch's
/// reprs. PyTorch: torch.nn.modules.padding.
/// </summary>
public abstract class PadNd : Module
{
    private readonly int[] _padding;
    private readonly string _mode;

    /// <summary>A pad of <paramref name="padding"/> (left, right[, top, bottom[, front, back]]) in <paramref name="mode"/>.</summary>
    private protected PadNd(int[] padding, string mode, double value)
    {
        _padding = padding;
        _mode = mode;
        Value = value;
    }

    /// <summary>The amounts (left, right[, top, bottom[, front, back]]), as F.pad takes them.</summary>
    public IReadOnlyList<int> Padding => _padding;

    /// <summary>The fill of constant padding (0 for the other modes).</summary>
    public double Value { get; }

    /// <summary>The padding as Python prints the tuple, e.g. <c>(1, 1, 2, 0)</c>.</summary>
    private protected string PaddingRepr => "(" + string.Join(", ", _padding) + ")";

    /// <inheritdoc/>
    protected override string ExtraRepr => PaddingRepr;

    /// <summary>Checks the input's rank before padding (circular padding does).</summary>
    private protected virtual void CheckInput(Tensor input) { }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        CheckInput(input);
        return Functional.Pad(input, _padding, _mode, Value);
    }

    /// <summary>(p, p) from one amount.</summary>
    private protected static int[] Pair(int p) => [p, p];

    /// <summary>(p, p, p, p) from one amount.</summary>
    private protected static int[] Quadruple(int p) => [p, p, p, p];

    /// <summary>(p, p, p, p, p, p) from one amount.</summary>
    private protected static int[] Sextuple(int p) => [p, p, p, p, p, p];

    /// <summary>(left, right, top, bottom, front, back) as F.pad's list.</summary>
    private protected static int[] Sides((int Left, int Right, int Top, int Bottom, int Front, int Back) p) =>
        [p.Left, p.Right, p.Top, p.Bottom, p.Front, p.Back];
}

/// <summary>Pads the last dim with zeros. PyTorch: torch.nn.ZeroPad1d.</summary>
public sealed class ZeroPad1d : PadNd
{
    /// <summary><paramref name="padding"/> zeros at both ends.</summary>
    public ZeroPad1d(int padding) : base(Pair(padding), "constant", 0) { }

    /// <summary>(left, right) zeros.</summary>
    public ZeroPad1d((int Left, int Right) padding) : base([padding.Left, padding.Right], "constant", 0) { }
}

/// <summary>Pads the last two dims with zeros. PyTorch: torch.nn.ZeroPad2d.</summary>
public sealed class ZeroPad2d : PadNd
{
    /// <summary><paramref name="padding"/> zeros on every side.</summary>
    public ZeroPad2d(int padding) : base(Quadruple(padding), "constant", 0) { }

    /// <summary>(left, right, top, bottom) zeros.</summary>
    public ZeroPad2d((int Left, int Right, int Top, int Bottom) padding) : base([padding.Left, padding.Right, padding.Top, padding.Bottom], "constant", 0) { }
}

/// <summary>Pads the last dim with a constant. PyTorch: torch.nn.ConstantPad1d.</summary>
public sealed class ConstantPad1d : PadNd
{
    /// <summary><paramref name="padding"/> copies of <paramref name="value"/> at both ends.</summary>
    public ConstantPad1d(int padding, double value) : base(Pair(padding), "constant", value) { }

    /// <summary>(left, right) copies of <paramref name="value"/>.</summary>
    public ConstantPad1d((int Left, int Right) padding, double value) : base([padding.Left, padding.Right], "constant", value) { }

    /// <inheritdoc/>
    protected override string ExtraRepr => $"padding={PaddingRepr}, value={PyFloat(Value)}";
}

/// <summary>Pads the last two dims with a constant. PyTorch: torch.nn.ConstantPad2d.</summary>
public sealed class ConstantPad2d : PadNd
{
    /// <summary><paramref name="padding"/> copies of <paramref name="value"/> on every side.</summary>
    public ConstantPad2d(int padding, double value) : base(Quadruple(padding), "constant", value) { }

    /// <summary>(left, right, top, bottom) copies of <paramref name="value"/>.</summary>
    public ConstantPad2d((int Left, int Right, int Top, int Bottom) padding, double value)
        : base([padding.Left, padding.Right, padding.Top, padding.Bottom], "constant", value) { }

    /// <inheritdoc/>
    protected override string ExtraRepr => $"padding={PaddingRepr}, value={PyFloat(Value)}";
}

/// <summary>Pads the last dim by mirroring it (without repeating the edge). PyTorch: torch.nn.ReflectionPad1d.</summary>
public sealed class ReflectionPad1d : PadNd
{
    /// <summary><paramref name="padding"/> mirrored values at both ends.</summary>
    public ReflectionPad1d(int padding) : base(Pair(padding), "reflect", 0) { }

    /// <summary>(left, right) mirrored values.</summary>
    public ReflectionPad1d((int Left, int Right) padding) : base([padding.Left, padding.Right], "reflect", 0) { }
}

/// <summary>Pads the last two dims by mirroring them. PyTorch: torch.nn.ReflectionPad2d.</summary>
public sealed class ReflectionPad2d : PadNd
{
    /// <summary><paramref name="padding"/> mirrored values on every side.</summary>
    public ReflectionPad2d(int padding) : base(Quadruple(padding), "reflect", 0) { }

    /// <summary>(left, right, top, bottom) mirrored values.</summary>
    public ReflectionPad2d((int Left, int Right, int Top, int Bottom) padding) : base([padding.Left, padding.Right, padding.Top, padding.Bottom], "reflect", 0) { }
}

/// <summary>Pads the last dim by repeating its edge values. PyTorch: torch.nn.ReplicationPad1d.</summary>
public sealed class ReplicationPad1d : PadNd
{
    /// <summary><paramref name="padding"/> edge copies at both ends.</summary>
    public ReplicationPad1d(int padding) : base(Pair(padding), "replicate", 0) { }

    /// <summary>(left, right) edge copies.</summary>
    public ReplicationPad1d((int Left, int Right) padding) : base([padding.Left, padding.Right], "replicate", 0) { }
}

/// <summary>Pads the last two dims by repeating their edges. PyTorch: torch.nn.ReplicationPad2d.</summary>
public sealed class ReplicationPad2d : PadNd
{
    /// <summary><paramref name="padding"/> edge copies on every side.</summary>
    public ReplicationPad2d(int padding) : base(Quadruple(padding), "replicate", 0) { }

    /// <summary>(left, right, top, bottom) edge copies.</summary>
    public ReplicationPad2d((int Left, int Right, int Top, int Bottom) padding) : base([padding.Left, padding.Right, padding.Top, padding.Bottom], "replicate", 0) { }
}

/// <summary>Pads the last dim by wrapping around. PyTorch: torch.nn.CircularPad1d.</summary>
public sealed class CircularPad1d : PadNd
{
    /// <summary><paramref name="padding"/> wrapped values at both ends.</summary>
    public CircularPad1d(int padding) : base(Pair(padding), "circular", 0) { }

    /// <summary>(left, right) wrapped values.</summary>
    public CircularPad1d((int Left, int Right) padding) : base([padding.Left, padding.Right], "circular", 0) { }

    /// <inheritdoc/>
    private protected override void CheckInput(Tensor input)
    {
        if (input.Dim is not (2 or 3)) throw new ArgumentException($"expected 2D or 3D input (got {input.Dim}D input)");
    }
}

/// <summary>Pads the last two dims by wrapping around. PyTorch: torch.nn.CircularPad2d.</summary>
public sealed class CircularPad2d : PadNd
{
    /// <summary><paramref name="padding"/> wrapped values on every side.</summary>
    public CircularPad2d(int padding) : base(Quadruple(padding), "circular", 0) { }

    /// <summary>(left, right, top, bottom) wrapped values.</summary>
    public CircularPad2d((int Left, int Right, int Top, int Bottom) padding) : base([padding.Left, padding.Right, padding.Top, padding.Bottom], "circular", 0) { }

    /// <inheritdoc/>
    private protected override void CheckInput(Tensor input)
    {
        if (input.Dim is not (3 or 4)) throw new ArgumentException($"expected 3D or 4D input (got {input.Dim}D input)");
    }
}
