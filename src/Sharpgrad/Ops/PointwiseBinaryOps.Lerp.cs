using Sharpgrad.Kernels.Cpu;
using Sharpgrad.Shapes;

namespace Sharpgrad.Ops;

/// <summary>lerp's forward through <see cref="LerpKernels"/> and the in-place lerp_.</summary>
internal static partial class PointwiseBinaryOps
{
    /// <summary>
    /// lerp into a new contiguous tensor of <paramref name="shape"/> by PyTorch's fused kernel; a null
    /// <paramref name="weight"/> takes <paramref name="scalar"/> rounded to the dtype, as PyTorch's weight.to&lt;scalar_t&gt;().
    /// </summary>
    private static Tensor LerpKernel(Tensor self, Tensor end, Tensor? weight, double scalar, int[] shape)
    {
        var s = self.Expand(shape).Contiguous();
        var e = end.Expand(shape).Contiguous();
        var w = weight?.Expand(shape).Contiguous();
        var y = Tensor.Empty(self.DType, shape);
        if (self.DType == DType.Float32) LerpKernel<float>(s, e, w, scalar, y);
        else LerpKernel<double>(s, e, w, scalar, y);
        return y;
    }

    private static void LerpKernel<T>(Tensor s, Tensor e, Tensor? w, double scalar, Tensor y) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        if (w is null) LerpKernels.Lerp(s.Elements<T>(), s.Offset, e.Elements<T>(), e.Offset, T.CreateChecked(scalar), y.Elements<T>(), y.Offset, y.Numel);
        else LerpKernels.Lerp(s.Elements<T>(), s.Offset, e.Elements<T>(), e.Offset, w.Elements<T>(), w.Offset, y.Elements<T>(), y.Offset, y.Numel);
    }

    /// <summary>The checks lerp and lerp_ share, in PyTorch's order (dtypes, broadcast, kernel dtype); returns the broadcast shape.</summary>
    private static int[] CheckLerp(Tensor self, Tensor end, Tensor? weight)
    {
        ArgumentNullException.ThrowIfNull(self);
        ArgumentNullException.ThrowIfNull(end);
        OpHelpers.CheckSameDevice(self, end);
        if (weight is not null) OpHelpers.CheckSameDevice(self, weight);
        CheckLerpDType(self, end, "end");
        if (weight is not null) CheckLerpDType(self, weight, "weight");
        var shape = OpHelpers.BroadcastShape(self, end);
        if (weight is not null) shape = Layout.Broadcast(shape, weight.Sizes);
        if (!self.DType.IsFloatingPoint()) throw Errors.UnsupportedDType(weight is null ? "lerp_kernel_scalar" : "lerp_kernel_tensor", self.DType);
        return shape;
    }

    /// <summary>self = lerp(self, end, weight) in place; end broadcasts into self (LerpBackward0).</summary>
    public static Tensor Lerp_(Tensor self, Tensor end, double weight)
    {
        var shape = CheckLerp(self, end, null);
        InPlaceOps.CheckOutputShape(self, shape);
        LerpBackward0? node = null;
        if (InPlaceOps.Check(self, end))
        {
            node = new LerpBackward0(weight) { ASizes = self.Sizes, BSizes = end.Sizes, ADType = self.DType, BDType = end.DType };
            Record.Connect(node, self, end);
        }
        WriteLerp(self, end, null, weight, shape);
        return InPlaceOps.Commit(self, node);
    }

    /// <summary>self = lerp(self, end, weight) in place with a tensor weight; end and weight broadcast into self (LerpBackward1 on the original self).</summary>
    public static Tensor Lerp_(Tensor self, Tensor end, Tensor weight)
    {
        ArgumentNullException.ThrowIfNull(weight);
        var shape = CheckLerp(self, end, weight);
        InPlaceOps.CheckOutputShape(self, shape);
        LerpBackward1? node = null;
        if (InPlaceOps.Check(self, end.RequiresGrad ? end : weight))
        {
            node = Record.Connect(new LerpBackward1([self.Sizes, end.Sizes, weight.Sizes], self.DType), [self, end, weight]);
            node.Inputs = [OpHelpers.SaveCopy(self), SavedTensor.Input(end), SavedTensor.Input(weight)];
        }
        WriteLerp(self, end, weight, 0, shape);
        return InPlaceOps.Commit(self, node);
    }

    /// <summary>Computes lerp aside (so end or weight may alias self) and copies it into self.</summary>
    private static void WriteLerp(Tensor self, Tensor end, Tensor? weight, double scalar, int[] shape)
    {
        using (Autograd.NoGrad())
        using (Tensor.NewScope()) Kernels.Dispatch.Copy(LerpKernel(self, end, weight, scalar, shape).Strided, self.Strided);
    }
}
