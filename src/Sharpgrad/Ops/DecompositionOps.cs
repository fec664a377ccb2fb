namespace Sharpgrad.Ops;

/// <summary>
/// linalg.eigh / eigvalsh, linalg.svd / svdvals / pinv and linalg.qr over batches of matrices: the kernels run in
/// Float64 one matrix at a time and the results take the input's dtype; one node takes the gradients of all outputs.
/// </summary>
internal static partial class DecompositionOps
{
    /// <summary>The last two dims swapped (PyTorch's mT).</summary>
    internal static Tensor MT(Tensor t) => t.Transpose(t.Dim - 2, t.Dim - 1);

    /// <summary>Batched diag_embed: the vectors of the last dim on the diagonals of square matrices.</summary>
    internal static Tensor DiagEmbed(Tensor v) => v.Unsqueeze(v.Dim) * Tensor.Eye(v.Sizes[^1], v.DType);

    internal static void CheckDType(Tensor x, string kernel, string? op)
    {
        if (x.DType is DType.Float32 or DType.Float64) return;
        if (op is not null && !x.DType.IsFloatingPoint())
            throw new ArgumentException($"{op}: Expected a floating point or complex tensor as input. Got {Errors.Pretty(x.DType)}");
        throw Errors.UnsupportedDType(kernel, x.DType);
    }

    /// <summary>The matrices of <paramref name="x"/> as row-major Float64 values, with their count.</summary>
    internal static (double[] Data, int Batch) Matrices(Tensor x)
    {
        double[] data;
        using (Autograd.NoGrad())
        using (Tensor.NewScope())
            data = x.To(DType.Float64).Contiguous().ToArray<double>();
        int batch = 1;
        for (int i = 0; i < x.Dim - 2; i++) batch *= x.Sizes[i];
        return (data, batch);
    }

    internal static Tensor Result(double[] values, Tensor like, int[] shape)
    {
        var t = Tensor.FromArray(values, shape);
        return like.DType == DType.Float64 ? t : t.To(like.DType);
    }

    internal static void Transpose(ReadOnlySpan<double> a, int rows, int cols, Span<double> at)
    {
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++) at[j * rows + i] = a[i * cols + j];
    }
}
