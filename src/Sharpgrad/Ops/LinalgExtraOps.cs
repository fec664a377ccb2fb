using Sharpgrad.Shapes;

namespace Sharpgrad.Ops;

/// <summary>baddbmm: beta·input + alpha·(batch1 @ batch2), batched.</summary>
internal static class LinalgExtraOps
{
    /// <summary>
    /// baddbmm: input broadcast to [b, n, p]; beta = 0 ignores input (NaN included); integral tensors use the
    /// integer parts of alpha and beta, as PyTorch does (BaddbmmBackward0).
    /// </summary>
    public static Tensor Baddbmm(Tensor input, Tensor batch1, Tensor batch2, double beta, double alpha)
    {
        OpHelpers.CheckSameDevice(input, batch1);
        batch2.ThrowIfDisposed();
        // PyTorch reads batch2's size(2) before checking ranks
        if (batch2.Dim < 3) throw Errors.DimOutOfRange(2, batch2.Dim);
        if (batch1.Dim != 3) throw new ArgumentException("batch1 must be a 3D tensor");
        if (batch2.Dim != 3) throw new ArgumentException("batch2 must be a 3D tensor");
        int[] shape = [batch1.Sizes[0], batch1.Sizes[1], batch2.Sizes[2]];
        if (input.Dim > 3 || !CanExpand(input.Sizes, shape))
            using (Autograd.NoGrad()) input.Expand(shape).Dispose(); // throws PyTorch's expand message
        if (batch2.Sizes[0] != batch1.Sizes[0] || batch2.Sizes[1] != batch1.Sizes[2])
            throw new ArgumentException($"Expected size for first two dimensions of batch2 tensor to be: [{batch1.Sizes[0]}, {batch1.Sizes[2]}] but got: [{batch2.Sizes[0]}, {batch2.Sizes[1]}].");
        if (input.DType != batch1.DType)
            throw new ArgumentException($"Input dtypes must be the same, got: input {Lower(input.DType)}, batch1: {Lower(batch1.DType)}, batch2: {Lower(batch2.DType)}");
        if (batch1.DType != batch2.DType)
            throw new ArgumentException($"expected scalar type {Errors.Pretty(batch1.DType)} but found {Errors.Pretty(batch2.DType)}");
        if (input.DType == DType.Bool) throw Errors.UnsupportedDType("baddbmm", DType.Bool);

        Tensor y;
        using (Autograd.NoGrad())
        using (Tensor.NewScope())
        {
            bool floating = input.DType.IsFloatingPoint();
            double b = floating ? beta : Math.Truncate(beta), a = floating ? alpha : Math.Truncate(alpha);
            // integers multiply exactly as Int64 (a Bmm of Int64 does not exist): Σ_k b1[:, :, k] · b2[:, k, :]
            var product = floating ? batch1.Bmm(batch2) : (batch1.Unsqueeze(3) * batch2.Unsqueeze(1)).Sum(2);
            var scaledProduct = a == 1 ? product : product * Tensor.Full([], a, input.DType);
            var r = b == 0 ? scaledProduct : (b == 1 ? input : input * Tensor.Full([], b, input.DType)) + scaledProduct;
            y = r.MoveToOuterScope();
        }
        if (Record.ShouldRecord([input, batch1, batch2]))
        {
            var node = Record.Connect(new BaddbmmBackward0(input.Sizes, beta, alpha), [input, batch1, batch2]);
            if (batch2.RequiresGradFast) node.A = SavedTensor.Input(batch1);
            if (batch1.RequiresGradFast) node.B = SavedTensor.Input(batch2);
            node.ADType = input.DType;
            Record.SetHistory(y, node);
        }
        return y;
    }

    private static bool CanExpand(int[] from, int[] to)
    {
        for (int i = 1; i <= from.Length; i++)
            if (from[^i] != 1 && from[^i] != to[^i]) return false;
        return true;
    }

    private static string Lower(DType dtype) => Errors.Pretty(dtype).ToLowerInvariant();
}

/// <summary>baddbmm(input, batch1, batch2, beta, alpha): input: beta·grad summed to its shape; batch1: alpha·grad @ batch2ᵀ; batch2: alpha·batch1ᵀ @ grad.</summary>
internal sealed class BaddbmmBackward0(int[] inputSizes, double beta, double alpha) : BinaryNode
{
    public override string Name => nameof(BaddbmmBackward0);
    internal override Tensor?[] Apply(Tensor grad)
    {
        Tensor? gInput = null, g1 = null, g2 = null;
        if (NeedsInputGrad(0)) gInput = OpHelpers.GradFor(beta == 1 ? grad : grad * beta, inputSizes, ADType);
        var g = alpha == 1 ? grad : grad * alpha;
        if (NeedsInputGrad(1)) g1 = g.Bmm(B!.Unpack().Transpose(1, 2));
        if (NeedsInputGrad(2)) g2 = A!.Unpack().Transpose(1, 2).Bmm(g);
        return [gInput, g1, g2];
    }
}
