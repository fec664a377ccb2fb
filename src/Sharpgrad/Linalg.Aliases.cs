namespace Sharpgrad;

// torch.linalg's names for ops that live on Tensor.
public static partial class Linalg
{
    /// <summary>The cross product of 3-vectors along <paramref name="dim"/> (LinalgCrossBackward0). PyTorch: torch.linalg.cross.</summary>
    public static Tensor Cross(Tensor input, Tensor other, int dim = -1) => Tensor.LinalgCross(input, other, dim);
    /// <summary>The diagonal of each matrix of the last two dims, as a view. PyTorch: torch.linalg.diagonal.</summary>
    public static Tensor Diagonal(Tensor a, int offset = 0, int dim1 = -2, int dim2 = -1) => a.Diagonal(offset, dim1, dim2);
    /// <summary>The matrix product with broadcasting (torch.matmul). PyTorch: torch.linalg.matmul.</summary>
    public static Tensor Matmul(Tensor input, Tensor other) => input.MatMul(other);
    /// <summary>A square matrix (batch) to the integer power <paramref name="n"/>; negative powers invert. PyTorch: torch.linalg.matrix_power.</summary>
    public static Tensor MatrixPower(Tensor a, long n) => a.MatrixPower(n);
    /// <summary>The Vandermonde matrix with increasing powers x^0 … x^(N−1) of the last dim. PyTorch: torch.linalg.vander.</summary>
    public static Tensor Vander(Tensor x, int? n = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.DType == DType.Bool) throw new ArgumentException("linalg.vander supports floating point, complex, and integer tensors, but got Bool");
        var v = x.Dim == 0 ? x.Unsqueeze(-1) : x;
        int columns = n ?? v.Sizes[^1];
        if (columns <= 1) throw new ArgumentException("N must be greater than 1.");
        // [1, x, x·x, ...]: cumulative products of x repeated, after a leading column of ones, as PyTorch composes it
        var powers = v.Unsqueeze(-1).Expand([.. v.Sizes, columns - 1]).Cumprod(-1);
        return Tensor.Cat([Tensor.Ones([.. v.Sizes, 1], powers.DType), powers], -1);
    }
}
