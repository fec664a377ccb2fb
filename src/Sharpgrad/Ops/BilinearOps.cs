namespace Sharpgrad.Ops;

/// <summary>bilinear as PyTorch composes it: inputs flattened to 2-D (views), one _trilinear, the result reshaped, bias added.</summary>
internal static class BilinearOps
{
    /// <summary>
    /// y[..., o] = Σᵢⱼ x1[..., i]·W[o, i, j]·x2[..., j] (+ b[o]): ViewBackward0 over TrilinearBackward0 over the
    /// flattened inputs, then AddBackward0 for the bias, with PyTorch's checks in its order.
    /// </summary>
    public static Tensor Bilinear(Tensor x1, Tensor x2, Tensor w, Tensor? b)
    {
        x1.ThrowIfDisposed();
        x2.ThrowIfDisposed();
        w.ThrowIfDisposed();
        if (x1.Dim != x2.Dim) throw new ArgumentException($"bilinear(): input dimensions do not match: got {x1.Dim} and {x2.Dim}");
        for (int i = 0; i < x1.Dim - 1; i++)
            if (x1.Sizes[i] != x2.Sizes[i])
                throw new ArgumentException($"bilinear(): input batch dimensions do not match at dim {i}: got {x1.Sizes[i]} and {x2.Sizes[i]}");
        if (w.Dim < 2) throw Errors.DimOutOfRange(1, w.Dim);
        if (x1.Sizes[^1] != w.Sizes[1]) throw new ArgumentException($"bilinear(): input1 size does not match weight size: got {x1.Sizes[^1]} but expected {w.Sizes[1]}");
        if (w.Dim < 3) throw Errors.DimOutOfRange(2, w.Dim);
        if (x2.Sizes[^1] != w.Sizes[2]) throw new ArgumentException($"bilinear(): input2 size does not match weight size: got {x2.Sizes[^1]} but expected {w.Sizes[2]}");
        if (b is not null && b.Dim > 0 && b.Sizes[0] != w.Sizes[0])
            throw new ArgumentException($"bilinear(): bias size does not match weight size: got {b.Sizes[0]} but expected {w.Sizes[0]}");
        var outShape = new int[x1.Dim];
        x1.Sizes.AsSpan(0, x1.Dim - 1).CopyTo(outShape);
        outShape[^1] = w.Sizes[0];
        var y = Trilinear(x1.Reshape(-1, x1.Sizes[^1]), w, x2.Reshape(-1, x2.Sizes[^1])).Reshape(outShape);
        return b is null ? y : y + b;
    }

    /// <summary>_trilinear for bilinear: [N, I] × [O, I, J] × [N, J] → [N, O]. TrilinearBackward0.</summary>
    private static Tensor Trilinear(Tensor x1, Tensor w, Tensor x2)
    {
        if (x1.DType != w.DType || x2.DType != w.DType)
            throw new ArgumentException($"All tensors must have the same dtype, got input1: {Errors.PrettyLower(x1.DType)}, input2: {Errors.PrettyLower(x2.DType)}, weight: {Errors.PrettyLower(w.DType)}");
        Tensor y;
        using (Autograd.NoGrad())
        using (Tensor.NewScope())
            y = NormOps.Shaped(Tensor.Einsum("ni,oij,nj->no", x1, w, x2), [x1.Sizes[0], w.Sizes[0]]).MoveToOuterScope();
        if (Record.ShouldRecord([x1, w, x2]))
        {
            var node = Record.Connect(new TrilinearBackward0(), [x1, w, x2]);
            (node.I1, node.W, node.I3) = (SavedTensor.Input(x1), SavedTensor.Input(w), SavedTensor.Input(x2));
            Record.SetHistory(y, node);
        }
        return y;
    }
}

/// <summary>_trilinear (bilinear's form): each input's gradient contracts the incoming gradient with the other two.</summary>
internal sealed class TrilinearBackward0 : Node
{
    internal SavedTensor? I1, W, I3;

    public override string Name => nameof(TrilinearBackward0);

    internal override Tensor?[] Apply(Tensor grad)
    {
        Tensor x1 = I1!.Unpack(), w = W!.Unpack(), x2 = I3!.Unpack();
        return
        [
            NeedsInputGrad(0) ? Tensor.Einsum("no,oij,nj->ni", grad, w, x2) : null,
            NeedsInputGrad(1) ? Tensor.Einsum("no,ni,nj->oij", grad, x1, x2) : null,
            NeedsInputGrad(2) ? Tensor.Einsum("no,oij,ni->nj", grad, w, x1) : null,
        ];
    }
}
