namespace Sharpgrad.Tests.Catalog;

/// <summary>How a catalog input is laid out in memory (same logical values in every layout).</summary>
public enum InputLayout
{
    /// <summary>Contiguous, row-major.</summary>
    Plain,
    /// <summary>Every other element of a buffer twice as wide in the last dim (stride 2, garbage between).</summary>
    Sliced,
    /// <summary>Stored with its dims reversed, then permuted back (column-major for 2-D).</summary>
    Transposed,
}

/// <summary>
/// One input of a catalog row: a Float64 tensor drawn from [Lo, Hi] avoiding the kinks of the
/// op (where the derivative jumps and central differences lie), or a constant (indices, masks).
/// </summary>
public sealed record InputSpec(int[] Shape, double Lo = -2, double Hi = 2, double[]? Kinks = null, bool Grad = true, Func<Tensor>? Const = null)
{
    /// <summary>Builds the tensor for <paramref name="layout"/>; <paramref name="seed"/> fixes the values.</summary>
    public Tensor Build(int seed, InputLayout layout)
    {
        if (Const is not null) return Const();
        var values = Values(seed);
        int rank = Shape.Length;
        if (layout == InputLayout.Sliced && rank >= 1)
        {
            var wide = (int[])Shape.Clone();
            wide[^1] *= 2;
            var buffer = new double[values.Length * 2];
            Array.Fill(buffer, double.NaN); // read by a kernel that ignores strides, NaN fails loudly
            for (int i = 0; i < values.Length; i++) buffer[2 * i] = values[i];
            var sliced = Tensor.FromArray(buffer, wide).Slice(rank - 1, 0, wide[^1], 2).Detach();
            return sliced.RequiresGrad_(Grad);
        }
        if (layout == InputLayout.Transposed && rank >= 2)
        {
            var reversed = Enumerable.Range(0, rank).Reverse().ToArray();
            var stored = Tensor.FromArray(values, Shape).Permute(reversed).Contiguous();
            return stored.Permute(reversed).Detach().RequiresGrad_(Grad);
        }
        return Tensor.FromArray(values, Shape, requiresGrad: Grad);
    }

    /// <summary>The logical values, row-major.</summary>
    public double[] Values(int seed)
    {
        int n = Shape.Aggregate(1, (a, b) => a * b);
        var rng = new Random(seed);
        var values = new double[n];
        for (int i = 0; i < n; i++)
        {
            double v;
            do v = Lo + (Hi - Lo) * rng.NextDouble();
            while (Kinks is not null && Kinks.Any(k => Math.Abs(v - k) < 0.05));
            values[i] = v;
        }
        return values;
    }
}

/// <summary>
/// One differentiable op of the catalog: how to call it, its sample inputs, PyTorch's node name,
/// and optionally a naive reference and extra input sets that exercise broadcasting.
/// </summary>
public sealed class OpRow
{
    public required string Name { get; init; }

    /// <summary>PyTorch's <c>type(y.grad_fn).__name__</c>; null where PyTorch gives NoneType.</summary>
    public required string? Node { get; init; }

    public required Func<Tensor[], Tensor> F { get; init; }

    public required InputSpec[] Inputs { get; init; }

    /// <summary>The tensor whose GradFn is checked (a multi-output op's single output); defaults to F.</summary>
    public Func<Tensor[], Tensor>? Probe { get; init; }

    /// <summary>Naive reference: row-major input values to row-major output values.</summary>
    public Func<double[][], double[]>? Reference { get; init; }

    /// <summary>Input sets with other shapes that broadcast against each other.</summary>
    public InputSpec[][] Broadcasts { get; init; } = [];

    /// <summary>Element-wise: also checked on inputs expanded (stride 0) inside the op.</summary>
    public bool Elementwise { get; init; }

    /// <summary>False for ops that cannot take strided inputs (view needs compatible strides).</summary>
    public bool Strided { get; init; } = true;

    /// <summary>The result aliases the input (a view, or the input itself): under NoGrad it still
    /// reports RequiresGrad, and under InferenceMode it is a normal tensor, as in PyTorch.</summary>
    public bool Aliases { get; init; }

    public double Atol { get; init; } = 1e-5;
    public double Rtol { get; init; } = 1e-3;

    /// <summary>Tolerance of the forward check against <see cref="Reference"/>.</summary>
    public double RefTol { get; init; } = 1e-12;

    public override string ToString() => Name;
}
