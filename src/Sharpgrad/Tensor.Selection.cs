using Sharpgrad.Ops;

namespace Sharpgrad;

public sealed partial class Tensor
{
    // ---- roll, cumprod, argsort ----

    /// <summary>The flattened tensor shifted cyclically by <paramref name="shifts"/>, in the original shape (RollBackward0). PyTorch: torch.roll(x, shifts).</summary>
    public Tensor Roll(long shifts) => SelectionOps.Roll(this, [shifts], []);

    /// <summary>Elements shifted cyclically by <paramref name="shifts"/> along <paramref name="dim"/> (RollBackward0). PyTorch: torch.roll(x, shifts, dims).</summary>
    public Tensor Roll(long shifts, int dim) => SelectionOps.Roll(this, [shifts], [dim]);

    /// <summary>Elements shifted cyclically by shifts[i] along dims[i], for each i (RollBackward0). PyTorch: torch.roll(x, shifts, dims).</summary>
    public Tensor Roll(long[] shifts, int[] dims) => SelectionOps.Roll(this, shifts, dims);

    /// <summary>Running products along <paramref name="dim"/>; integral inputs give Int64; exact gradients where the input has zeros (CumprodBackward0). PyTorch: torch.cumprod.</summary>
    public Tensor Cumprod(int dim) => SelectionOps.Cumprod(this, dim);

    /// <summary>
    /// The Int64 positions that sort along <paramref name="dim"/>, the indices <see cref="Sort"/> gives: NaN sorts as
    /// the largest; equal values keep their input order when <paramref name="stable"/>, and otherwise come out in the
    /// order PyTorch's CPU sort gives them. PyTorch: torch.argsort.
    /// </summary>
    public Tensor Argsort(int dim = -1, bool descending = false, bool stable = false) => SelectionOps.Argsort(this, dim, descending, stable);

    // ---- diag and trace ----

    /// <summary>
    /// 1-D: a square matrix with this vector on the <paramref name="diagonal"/>-th diagonal (DiagEmbedBackward0);
    /// 2-D: a copy of that diagonal (DiagonalBackward0_copy). PyTorch: torch.diag.
    /// </summary>
    public Tensor Diag(int diagonal = 0) => SelectionOps.Diag(this, diagonal);

    /// <summary>Sum of a matrix's main diagonal, a 0-d tensor; integral input gives Int64 (TraceBackward0). PyTorch: torch.trace.</summary>
    public Tensor Trace() => SelectionOps.Trace(this);

    // ---- selection by value ----

    /// <summary>Int64 [count, Dim] coordinates of the non-zero elements in row-major order (NaN counts as non-zero). PyTorch: torch.nonzero.</summary>
    public Tensor Nonzero() => SelectionOps.Nonzero(this);

    /// <summary>The non-zero coordinates as one Int64 vector per dim. PyTorch: torch.nonzero(as_tuple=True).</summary>
    public Tensor[] NonzeroAsTuple() => SelectionOps.NonzeroAsTuple(this);

    /// <summary>The elements where the Bool <paramref name="mask"/> (broadcast with this tensor) is true, as a 1-D tensor (MaskedSelectBackward0). PyTorch: torch.masked_select.</summary>
    public Tensor MaskedSelect(Tensor mask) => SelectionOps.MaskedSelect(this, mask);

    /// <summary>
    /// Bool: |this - other| ≤ atol + rtol·|other| element-wise (broadcast), equal infinities close, NaN close to NaN
    /// only with <paramref name="equalNan"/>; both tensors must share a dtype. PyTorch: torch.isclose.
    /// </summary>
    public Tensor IsClose(Tensor other, double rtol = 1e-5, double atol = 1e-8, bool equalNan = false) =>
        SelectionOps.IsClose(this, other, rtol, atol, equalNan);

    /// <summary>
    /// One grid per input (0-D or 1-D, one dtype), each expanded over all inputs' lengths; <paramref name="indexing"/>
    /// "ij" (matrix) or "xy" (Cartesian: first two grid dims swapped). The grids are expand views (ExpandBackward0). PyTorch: torch.meshgrid.
    /// </summary>
    public static Tensor[] Meshgrid(Tensor[] tensors, string indexing = "ij") => SelectionOps.Meshgrid(tensors, indexing);

    /// <summary>The lower median of all elements (NaN if any is NaN); its gradient is shared by all elements equal to it (MedianBackward0). PyTorch: torch.median().</summary>
    public Tensor Median() => SelectionOps.Median(this);

    /// <summary>
    /// Lower median along <paramref name="dim"/> and its Int64 index: the first NaN when the slice has one, else among
    /// equal values the one PyTorch's CPU kernel reports (MedianBackward1). PyTorch: torch.median(dim, keepdim).
    /// </summary>
    public (Tensor Values, Tensor Indices) Median(int dim, bool keepDim = false) => SelectionOps.Median(this, dim, keepDim);

    /// <summary>
    /// The lower median of the elements that are not NaN (NaN when all are); its gradient is shared by all elements equal
    /// to it (NanmedianBackward0). PyTorch: torch.nanmedian().
    /// </summary>
    public Tensor Nanmedian() => SelectionOps.Nanmedian(this);

    /// <summary>
    /// Lower median along <paramref name="dim"/> of the values that are not NaN, and its Int64 index; among equal values
    /// the one PyTorch's CPU kernel reports, and for a slice of NaN only, NaN at the index PyTorch reports
    /// (NanmedianBackward1). PyTorch: torch.nanmedian(dim, keepdim).
    /// </summary>
    public (Tensor Values, Tensor Indices) Nanmedian(int dim, bool keepDim = false) => SelectionOps.Nanmedian(this, dim, keepDim);

    /// <summary>
    /// The <paramref name="k"/>-th smallest value (1-based; NaN largest) along <paramref name="dim"/> and its Int64 index,
    /// chosen among equal values as PyTorch's CPU quickselect chooses (KthvalueBackward0). PyTorch: torch.kthvalue.
    /// </summary>
    public (Tensor Values, Tensor Indices) Kthvalue(long k, int dim = -1, bool keepDim = false) => SelectionOps.Kthvalue(this, k, dim, keepDim);

    /// <summary>torch.roll as a static function: see <see cref="Roll(long[], int[])"/>.</summary>
    public static Tensor Roll(Tensor input, long[] shifts, int[] dims) => SelectionOps.Roll(input, shifts, dims);

    /// <summary>torch.isclose as a static function: see <see cref="IsClose(Tensor, double, double, bool)"/>.</summary>
    public static Tensor IsClose(Tensor input, Tensor other, double rtol = 1e-5, double atol = 1e-8, bool equalNan = false) =>
        SelectionOps.IsClose(input, other, rtol, atol, equalNan);

    /// <summary>torch.allclose as a static function: see <see cref="AllClose(Tensor, double, double, bool)"/>.</summary>
    public static bool AllClose(Tensor input, Tensor other, double rtol = 1e-5, double atol = 1e-8, bool equalNan = false) =>
        input.AllClose(other, rtol, atol, equalNan);
}
