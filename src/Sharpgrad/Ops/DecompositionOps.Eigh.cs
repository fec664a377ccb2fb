using Sharpgrad.Kernels.Cpu;
using static Sharpgrad.Ops.DecompositionOps;

namespace Sharpgrad.Ops;

// linalg.eigh: the symmetric eigendecomposition.
internal static partial class DecompositionOps
{
    /// <summary>Eigenvalues (ascending) and eigenvectors (columns) of the symmetric matrices read from the <paramref name="uplo"/> triangle (LinalgEighBackward0).</summary>
    public static (Tensor Values, Tensor Vectors) Eigh(Tensor x, string uplo)
    {
        x.ThrowIfDisposed();
        if (uplo is not ("L" or "l" or "U" or "u")) throw new ArgumentException($"Expected UPLO argument to be 'L' or 'U', but got {uplo}");
        if (x.Dim < 2) throw new ArgumentException("linalg.eigh: The input tensor A must have at least 2 dimensions.");
        int n = x.Sizes[^1];
        if (x.Sizes[^2] != n) throw new ArgumentException($"linalg.eigh: A must be batches of square matrices, but they are {x.Sizes[^2]} by {n} matrices");
        CheckDType(x, "linalg_eigh_cpu", null);
        bool lower = uplo is "L" or "l";
        var (data, batch) = Matrices(x);
        var values = new double[batch * n];
        var vectors = new double[batch * n * n];
        var a = new double[n * n];
        for (int b = 0; b < batch; b++)
        {
            int offset = b * n * n;
            for (int i = 0; i < n; i++)
                for (int j = 0; j <= i; j++)
                {
                    double v = lower ? data[offset + i * n + j] : data[offset + j * n + i];
                    a[i * n + j] = v;
                    a[j * n + i] = v;
                }
            DecompositionKernels.SymmetricEigen(a, n, values.AsSpan(b * n, n), vectors.AsSpan(offset, n * n));
        }
        var l = Result(values, x, x.Sizes[..^1]);
        var vecs = Result(vectors, x, x.Sizes);
        if (Record.ShouldRecord(x))
        {
            var node = Record.Connect(new LinalgEighBackward0(), x);
            Record.SetHistory(l, node, 0);
            Record.SetHistory(vecs, node, 1);
            node.Values = SavedTensor.Output(l, node);
            node.Vectors = SavedTensor.Output(vecs, node);
        }
        return (l, vecs);
    }
}

/// <summary>
/// linalg.eigh (linalg_eig_backward, Hermitian case): gA = V (diag(gL) + skew(Vᵀ gV) / E) Vᵀ, with
/// skew(X) = (X - Xᵀ) / 2 and E_ij = L_j - L_i (1 on the diagonal).
/// </summary>
internal sealed class LinalgEighBackward0 : DecompositionNode
{
    internal SavedTensor? Values;
    internal SavedTensor? Vectors;
    public override string Name => nameof(LinalgEighBackward0);
    internal override int NumOutputs => 2;
    protected override SavedTensor?[] SavedOutputs => [Values, Vectors];

    internal override Tensor?[] ApplyAll(Tensor?[] grads)
    {
        var (gL, gV) = (grads[0], grads[1]);
        var l = Values!.Unpack();
        var v = Vectors!.Unpack();
        Tensor inner;
        if (gV is not null)
        {
            var vhgv = MT(v).MatMul(gV);
            vhgv = (vhgv - MT(vhgv)) * 0.5;
            var e = l.Unsqueeze(l.Dim - 1) - l.Unsqueeze(l.Dim) + Tensor.Eye(l.Sizes[^1], l.DType);
            inner = vhgv / e;
            if (gL is not null) inner = inner + DiagEmbed(gL);
        }
        else inner = DiagEmbed(gL!);
        return [v.MatMul(inner).MatMul(MT(v))];
    }
}

