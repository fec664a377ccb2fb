using Sharpgrad.Ops;

namespace Sharpgrad;

public sealed partial class Tensor
{
    // ---- triangle indices, cartesian_prod, vander ----

    /// <summary>Int64 [2, count] row and column indices of the lower triangle of a [row, col] matrix (j - i ≤ offset), row-major. PyTorch: torch.tril_indices.</summary>
    public static Tensor TrilIndices(int row, int col, int offset = 0, DType dtype = DType.Int64) =>
        StructureOps.TriangleIndices(row, col, offset, dtype, lower: true);

    /// <summary>Int64 [2, count] row and column indices of the upper triangle of a [row, col] matrix (j - i ≥ offset), row-major. PyTorch: torch.triu_indices.</summary>
    public static Tensor TriuIndices(int row, int col, int offset = 0, DType dtype = DType.Int64) =>
        StructureOps.TriangleIndices(row, col, offset, dtype, lower: false);

    /// <summary>Cartesian product of 1-D tensors of one dtype as [Π lengths, count] rows (StackBackward0); a single tensor is returned as is. PyTorch: torch.cartesian_prod.</summary>
    public static Tensor CartesianProd(params Tensor[] tensors) => StructureOps.CartesianProd(tensors);

    /// <summary>
    /// [len, N] powers of a 1-D tensor, decreasing unless <paramref name="increasing"/> (N defaults to its length; integral
    /// and Bool give Int64). FlipBackward0, CopySlices when increasing, no node for N ≤ 1. PyTorch: torch.vander (its
    /// backward fails in PyTorch 2.6; here it gives the true gradient).
    /// </summary>
    public static Tensor Vander(Tensor x, int? n = null, bool increasing = false) => StructureOps.Vander(x, n, increasing);

    /// <summary>Increasing powers x⁰ … x^(N-1) along a new last dim, N &gt; 1 (defaults to the last dim's size) (CatBackward0). PyTorch: torch.linalg.vander.</summary>
    public static Tensor LinalgVander(Tensor x, int? n = null) => StructureOps.LinalgVander(x, n);

    // ---- diagonal, diag_embed ----

    /// <summary>A view of the <paramref name="offset"/>-th diagonal of each (dim1, dim2) plane, as the last dim (DiagonalBackward0). PyTorch: torch.diagonal.</summary>
    public Tensor Diagonal(int offset = 0, int dim1 = 0, int dim2 = 1) => StructureOps.Diagonal(this, offset, dim1, dim2);

    /// <summary>torch.diagonal as a static function: see <see cref="Diagonal(int, int, int)"/>.</summary>
    public static Tensor Diagonal(Tensor input, int offset = 0, int dim1 = 0, int dim2 = 1) => StructureOps.Diagonal(input, offset, dim1, dim2);

    /// <summary>Each last-dim vector on the <paramref name="offset"/>-th diagonal of a new (dim1, dim2) plane of zeros (DiagEmbedBackward0). PyTorch: torch.diag_embed.</summary>
    public Tensor DiagEmbed(int offset = 0, int dim1 = -2, int dim2 = -1) => StructureOps.DiagEmbed(this, offset, dim1, dim2);

    /// <summary>torch.diag_embed as a static function: see <see cref="DiagEmbed(int, int, int)"/>.</summary>
    public static Tensor DiagEmbed(Tensor input, int offset = 0, int dim1 = -2, int dim2 = -1) => StructureOps.DiagEmbed(input, offset, dim1, dim2);

    // ---- renorm, addcmul, addcdiv ----

    /// <summary>Each slice along <paramref name="dim"/> whose p-norm exceeds <paramref name="maxnorm"/> scaled by maxnorm/(norm + 1e-7) (RenormBackward0). PyTorch: torch.renorm.</summary>
    public Tensor Renorm(double p, int dim, double maxnorm) => AddcOps.Renorm(this, p, dim, maxnorm);

    /// <summary>In-place <see cref="Renorm(double, int, double)"/>. PyTorch: Tensor.renorm_.</summary>
    public Tensor Renorm_(double p, int dim, double maxnorm) => AddcOps.Renorm_(this, p, dim, maxnorm);

    /// <summary>this + value·tensor1·tensor2, broadcast and promoted (AddcmulBackward0). PyTorch: torch.addcmul.</summary>
    public Tensor Addcmul(Tensor tensor1, Tensor tensor2, double value = 1) => AddcOps.Addc(this, tensor1, tensor2, value, divide: false);

    /// <summary>In-place <see cref="Addcmul(Tensor, Tensor, double)"/>: the broadcast shape must be this tensor's. PyTorch: Tensor.addcmul_.</summary>
    public Tensor Addcmul_(Tensor tensor1, Tensor tensor2, double value = 1) => AddcOps.Addc_(this, tensor1, tensor2, value, divide: false);

    /// <summary>torch.addcmul as a static function: see <see cref="Addcmul(Tensor, Tensor, double)"/>.</summary>
    public static Tensor Addcmul(Tensor input, Tensor tensor1, Tensor tensor2, double value = 1) => AddcOps.Addc(input, tensor1, tensor2, value, divide: false);

    /// <summary>this + value·tensor1/tensor2, broadcast and promoted; tensor1 and tensor2 may not both be integral (AddcdivBackward0). PyTorch: torch.addcdiv.</summary>
    public Tensor Addcdiv(Tensor tensor1, Tensor tensor2, double value = 1) => AddcOps.Addc(this, tensor1, tensor2, value, divide: true);

    /// <summary>In-place <see cref="Addcdiv(Tensor, Tensor, double)"/>: the broadcast shape must be this tensor's. PyTorch: Tensor.addcdiv_.</summary>
    public Tensor Addcdiv_(Tensor tensor1, Tensor tensor2, double value = 1) => AddcOps.Addc_(this, tensor1, tensor2, value, divide: true);

    /// <summary>torch.addcdiv as a static function: see <see cref="Addcdiv(Tensor, Tensor, double)"/>.</summary>
    public static Tensor Addcdiv(Tensor input, Tensor tensor1, Tensor tensor2, double value = 1) => AddcOps.Addc(input, tensor1, tensor2, value, divide: true);
}
