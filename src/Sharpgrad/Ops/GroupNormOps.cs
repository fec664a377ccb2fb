using Sharpgrad.Kernels;
using Sharpgrad.Shapes;

namespace Sharpgrad.Ops;

/// <summary>group_norm: normalize each group of channels of every sample with its own statistics, then scale and shift per channel.</summary>
internal static class GroupNormOps
{
    /// <summary>
    /// group_norm over [N, C, *]: the C channels split into <paramref name="numGroups"/> groups, each (sample, group)
    /// normalized over its channels and positions; weight and bias are per channel. NativeGroupNormBackward0.
    /// </summary>
    public static Tensor GroupNorm(Tensor x, int numGroups, Tensor? weight, Tensor? bias, double eps)
    {
        x.ThrowIfDisposed();
        if (x.Dim < 2) throw new ArgumentException($"Expected at least 2 dimensions for input tensor but received {x.Dim}");
        if (numGroups == 0) throw new DivideByZeroException("integer division or modulo by zero");
        int nb = x.Sizes[0], c = x.Sizes[1], hw = 1;
        for (int d = 2; d < x.Dim; d++) hw *= x.Sizes[d];
        // F.group_norm's _verify_batch_size sees [N * C // G, G, *spatial] and wants more than one value per "channel".
        int[] seen = [.. new[] { nb * c / numGroups, numGroups }, .. x.Sizes.AsSpan(2).ToArray()];
        if ((long)seen[0] * hw == 1)
            throw new ArgumentException($"Expected more than 1 value per channel when training, got input size {Errors.Shape(seen)}");
        if (numGroups < 0 || c % numGroups != 0)
            throw new ArgumentException($"Expected number of channels in input to be divisible by num_groups, but got input of shape {Errors.Shape(x.Sizes)} and num_groups={numGroups}");
        // PyTorch reports the weight's shape (or [0] without a weight) in the bias message too.
        string wShape = weight is null ? "[0]" : Errors.Shape(weight.Sizes);
        foreach (var (t, name) in new[] { (weight, "weight"), (bias, "bias") })
            if (t is not null && (t.Dim != 1 || t.Sizes[0] != c))
                throw new ArgumentException($"Expected {name} to be a vector of size equal to the number of channels in input, but got {name} of shape {wShape} and input of shape {Errors.Shape(x.Sizes)}");
        if (!x.DType.IsFloatingPoint()) throw Errors.UnsupportedDType("GroupNormKernelImpl", x.DType);
        int[] ngd = [nb, numGroups, c / numGroups * hw], nch = [nb, c, hw];
        NativeGroupNormBackward0? node = null;
        if (NormOps.ShouldRecord(x, weight, bias))
        {
            node = new NativeGroupNormBackward0(eps, ngd, nch, x.Sizes) { Edges = NormOps.Edges(x, weight, bias) };
            node.X = SavedTensor.Input(x);
            if (weight is not null) node.W = SavedTensor.Input(weight);
        }
        var src = OpHelpers.ContiguousRaw(x);
        var w = NormOps.Operand(weight, x.DType);
        var b = NormOps.Operand(bias, x.DType);
        var y = Tensor.Empty(x.DType, x.Sizes);
        var mean = Tensor.Empty(x.DType, [nb * numGroups]);
        var rstd = Tensor.Empty(x.DType, [nb * numGroups]);
        Dispatch.GroupNorm(src.Strided, nb, c, hw, numGroups, w?.Strided, b?.Strided, eps, y.Strided, mean.Strided, rstd.Strided);
        if (node is not null)
        {
            node.Mean = SavedTensor.Input(mean);
            node.InvStd = SavedTensor.Input(rstd);
        }
        else
        {
            mean.Dispose();
            rstd.Dispose();
        }
        NormOps.Release(src, x);
        NormOps.Release(w, weight);
        NormOps.Release(b, bias);
        if (node is not null) Record.SetHistory(y, node);
        return y;
    }
}

/// <summary>native_group_norm: input gradient per (sample, group), weight and bias gradients per channel.</summary>
internal sealed class NativeGroupNormBackward0(double eps, int[] ngd, int[] nch, int[] inputSizes) : NormNode
{
    public override string Name => nameof(NativeGroupNormBackward0);

    internal override Tensor?[] Apply(Tensor grad)
    {
        var x = X!.Unpack();
        var weight = W?.Unpack();
        if (CanFuse(x, weight))
            return FusedBackward(grad, x, weight, [nch[1]], (dy, xc, wc, dx, dw, db) =>
                Dispatch.GroupNormBackward(dy, xc, nch[0], nch[1], nch[2], ngd[1], Mean!.Unpack().Strided, InvStd!.Unpack().Strided, wc, dx, dw, db));
        var (xhat, invStd) = Normalize(x.Reshape(ngd), [2], eps);
        var g = grad.Reshape(nch);
        Tensor? dx = null, dw = null, db = null;
        if (NeedsInputGrad(0))
        {
            var gw = weight is null ? g : g * weight.Reshape(1, nch[1], 1);
            dx = NormalizedGrad(gw.Reshape(ngd), xhat, invStd, [2]).Reshape(inputSizes);
        }
        if (NeedsInputGrad(1)) dw = (g * xhat.Reshape(nch)).Sum([0, 2]);
        if (NeedsInputGrad(2)) db = g.Sum([0, 2]);
        return [dx, dw, db];
    }
}
