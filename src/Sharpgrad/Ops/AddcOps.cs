using System.Globalization;
using Sharpgrad.Kernels.Cpu;
using Sharpgrad.Shapes;

namespace Sharpgrad.Ops;

/// <summary>addcmul, addcdiv (out of place and in place) and renorm (out of place and in place), each recording its own node.</summary>
internal static class AddcOps
{
    // ---- addcmul / addcdiv ----

    /// <summary>self + value·t1·t2 (division: self + value·t1/t2), all three broadcast and promoted (AddcmulBackward0 / AddcdivBackward0).</summary>
    public static Tensor Addc(Tensor self, Tensor t1, Tensor t2, double value, bool divide)
    {
        var (dtype, shape) = Check(self, t1, t2, divide);
        AddcNode? node = Record.ShouldRecord([self, t1, t2]) ? Connect(self, t1, t2, value, divide) : null;
        Tensor y;
        using (Autograd.NoGrad())
        using (Tensor.NewScope()) y = Forward(self, t1, t2, value, divide, dtype, shape).Expand(shape).Contiguous().MoveToOuterScope();
        if (node is not null) Record.SetHistory(y, node);
        return y;
    }

    /// <summary>self += value·t1·t2 (or value·t1/t2); the broadcast result must have self's shape and be castable to its dtype.</summary>
    public static Tensor Addc_(Tensor self, Tensor t1, Tensor t2, double value, bool divide)
    {
        var (dtype, shape) = Check(self, t1, t2, divide);
        InPlaceOps.CheckOutputShape(self, shape);
        InPlaceOps.CheckCast(dtype, self.DType);
        bool record = InPlaceOps.Check(self, t1.RequiresGrad ? t1 : t2);
        AddcNode? node = record ? Connect(self, t1, t2, value, divide) : null;
        using (Autograd.NoGrad())
        using (Tensor.NewScope())
        {
            var y = Forward(self, t1, t2, value, divide, dtype, shape).To(self.DType);
            Kernels.Dispatch.Copy(y.Expand(self.Sizes).Strided, self.Strided);
        }
        return InPlaceOps.Commit(self, node);
    }

    private static (DType, int[]) Check(Tensor self, Tensor t1, Tensor t2, bool divide)
    {
        OpHelpers.CheckSameDevice(self, t1);
        OpHelpers.CheckSameDevice(self, t2);
        if (divide && !t1.DType.IsFloatingPoint() && !t2.DType.IsFloatingPoint())
            throw new ArgumentException("Integer division with addcdiv is no longer supported, and in a future  release addcdiv will perform a true division of tensor1 and tensor2. " +
                                        "The historic addcdiv behavior can be implemented as (input + value * torch.trunc(tensor1 / tensor2)).to(input.dtype) for integer inputs " +
                                        "and as (input + value * tensor1 / tensor2) for float inputs. The future addcdiv behavior is just the latter implementation: " +
                                        "(input + value * tensor1 / tensor2), for all dtypes.");
        var shape = Layout.Broadcast(Layout.Broadcast(self.Sizes, t1.Sizes), t2.Sizes);
        var dtype = TypePromotion.Promote(TypePromotion.Promote(TypePromotion.Result(self, t1), TypePromotion.Result(self, t2)), TypePromotion.Result(t1, t2));
        return (dtype, shape);
    }

    /// <summary>The kernel's order of evaluation, self + (value·t1)·t2 or self + (value·t1)/t2, in the result dtype (value truncated for integers).</summary>
    private static Tensor Forward(Tensor self, Tensor t1, Tensor t2, double value, bool divide, DType dtype, int[] shape)
    {
        double v = dtype.IsFloatingPoint() ? value : Math.Truncate(value);
        var scaled = t1.To(dtype) * Tensor.Full([], v, dtype);
        if (divide || !dtype.IsFloatingPoint()) return self.To(dtype) + (divide ? scaled / t2.To(dtype) : scaled * t2.To(dtype));
        // PyTorch's addcmul rounds once after the second product: fma(value·t1, t2, self)
        var a = scaled.Expand(shape).Contiguous();
        var b = t2.To(dtype).Expand(shape).Contiguous();
        var c = self.To(dtype).Expand(shape).Contiguous();
        var y = Tensor.Empty(dtype, shape);
        if (dtype == DType.Float32) FusedMultiplyAddKernels.Run(a.Elements<float>(), a.Offset, b.Elements<float>(), b.Offset, c.Elements<float>(), c.Offset, y.Elements<float>(), y.Offset, y.Numel);
        else FusedMultiplyAddKernels.Run(a.Elements<double>(), a.Offset, b.Elements<double>(), b.Offset, c.Elements<double>(), c.Offset, y.Elements<double>(), y.Offset, y.Numel);
        return y;
    }

    private static AddcNode Connect(Tensor self, Tensor t1, Tensor t2, double value, bool divide)
    {
        AddcNode node = divide ? new AddcdivBackward0(value) : new AddcmulBackward0(value);
        Record.Connect(node, [self, t1, t2]);
        node.Sizes = [self.Sizes, t1.Sizes, t2.Sizes];
        node.DTypes = [self.DType, t1.DType, t2.DType];
        if (t1.RequiresGrad || t2.RequiresGrad)
        {
            node.T1 = SavedTensor.Input(t1);
            node.T2 = SavedTensor.Input(t2);
        }
        return node;
    }

    // ---- renorm ----

    /// <summary>renorm: each slice along dim whose p-norm exceeds maxnorm scaled by maxnorm/(norm + 1e-7) (RenormBackward0).</summary>
    public static Tensor Renorm(Tensor x, double p, int dim, double maxnorm)
    {
        var (d, reduce) = CheckRenorm(x, p, dim, maxnorm);
        Tensor y;
        using (Autograd.NoGrad())
        using (Tensor.NewScope()) y = (x * RenormFactor(x, p, reduce, maxnorm)).MoveToOuterScope();
        if (Record.ShouldRecord(x))
        {
            var node = Record.Connect(new RenormBackward0(p, d, maxnorm), x);
            node.Self = SavedTensor.Input(x);
            Record.SetHistory(y, node);
        }
        return y;
    }

    /// <summary>renorm_: <see cref="Renorm"/> written into x; the node keeps a copy of the original x.</summary>
    public static Tensor Renorm_(Tensor x, double p, int dim, double maxnorm)
    {
        var (d, reduce) = CheckRenorm(x, p, dim, maxnorm);
        RenormBackward0? node = null;
        if (InPlaceOps.Check(x))
        {
            node = Record.Connect(new RenormBackward0(p, d, maxnorm), x);
            node.Self = OpHelpers.SaveCopy(x);
        }
        using (Autograd.NoGrad())
        using (Tensor.NewScope())
        {
            var y = x * RenormFactor(x, p, reduce, maxnorm);
            Kernels.Dispatch.Copy(y.Strided, x.Strided);
        }
        return InPlaceOps.Commit(x, node);
    }

    private static (int Dim, int[] Reduce) CheckRenorm(Tensor x, double p, int dim, double maxnorm)
    {
        x.ThrowIfDisposed();
        if (!(p > 0)) throw new ArgumentException("renorm: non-positive-norm not supported");
        if (!(maxnorm >= 0)) throw new ArgumentException($"renorm: expected maxnorm to be >= 0 but got {maxnorm.ToString(CultureInfo.InvariantCulture)}");
        if (x.Dim <= 1) throw new ArgumentException($"renorm: input needs at least 2 dimensions, got {x.Dim} dimensions");
        int d = Layout.WrapDim(dim, x.Dim);
        return (d, ReduceDims(x.Dim, d));
    }

    internal static int[] ReduceDims(int ndim, int dim)
    {
        var dims = new int[ndim - 1];
        for (int i = 0, k = 0; i < ndim; i++)
            if (i != dim) dims[k++] = i;
        return dims;
    }

    /// <summary>maxnorm/(norm + 1e-7) where the kept norm exceeds maxnorm, else 1.</summary>
    private static Tensor RenormFactor(Tensor x, double p, int[] reduce, double maxnorm)
    {
        var norm = x.Norm(p, reduce, keepDim: true);
        return Tensor.Where(norm.Gt(maxnorm), (norm + 1e-7).Reciprocal() * maxnorm, Tensor.Ones([], norm.DType));
    }

    /// <summary>
    /// PyTorch's renorm_backward: where the norm exceeds maxnorm, factor·grad - factor/(norm + 1e-7)·norm_backward(Σ x·grad),
    /// with factor = maxnorm/(norm + 1e-7); elsewhere grad.
    /// </summary>
    internal static Tensor RenormGrad(Tensor x, Tensor grad, double p, int dim, double maxnorm)
    {
        var reduce = ReduceDims(x.Dim, dim);
        var norm = x.Norm(p, reduce, keepDim: true);
        var summed = (x * grad).Sum(reduce, keepDim: true);
        var nb = LinalgVectorNormBackward0.Grad(x, norm, summed, p, reduce, x.Sizes)!;
        var invnorm = (norm + 1e-7).Reciprocal();
        var factor = invnorm * maxnorm;
        return Tensor.Where(norm.Gt(maxnorm), factor * grad - factor * invnorm * nb, grad);
    }
}

/// <summary>The shared state of addcmul's and addcdiv's nodes: the three inputs' shapes and dtypes, tensor1 and tensor2.</summary>
internal abstract class AddcNode(double value) : Node
{
    internal SavedTensor? T1;
    internal SavedTensor? T2;
    internal int[][] Sizes = [];
    internal DType[] DTypes = [];
    protected double Value => value;

    internal override IEnumerable<SavedTensor> Saved
    {
        get
        {
            if (T1 is not null) yield return T1;
            if (T2 is not null) yield return T2;
        }
    }

    internal override Tensor?[] Apply(Tensor grad)
    {
        var (g1, g2) = NeedsInputGrad(1) || NeedsInputGrad(2) ? Grads(grad, T1!.Unpack(), T2!.Unpack()) : (null, null);
        return
        [
            NeedsInputGrad(0) ? OpHelpers.GradFor(grad, Sizes[0], DTypes[0]) : null,
            NeedsInputGrad(1) ? OpHelpers.GradFor(g1!, Sizes[1], DTypes[1]) : null,
            NeedsInputGrad(2) ? OpHelpers.GradFor(g2!, Sizes[2], DTypes[2]) : null,
        ];
    }

    /// <summary>The gradients for tensor1 and tensor2, before summing to their shapes.</summary>
    protected abstract (Tensor, Tensor) Grads(Tensor grad, Tensor t1, Tensor t2);
}

/// <summary>addcmul: self: grad; tensor1: grad·tensor2·value; tensor2: grad·tensor1·value.</summary>
internal sealed class AddcmulBackward0(double value) : AddcNode(value)
{
    public override string Name => nameof(AddcmulBackward0);
    protected override (Tensor, Tensor) Grads(Tensor grad, Tensor t1, Tensor t2) => (grad * (t2 * Value), grad * (t1 * Value));
}

/// <summary>addcdiv: self: grad; tensor1: grad·value/tensor2; tensor2: -grad·value·tensor1/tensor2².</summary>
internal sealed class AddcdivBackward0(double value) : AddcNode(value)
{
    public override string Name => nameof(AddcdivBackward0);
    protected override (Tensor, Tensor) Grads(Tensor grad, Tensor t1, Tensor t2) => (grad * (Value / t2), -grad * Value * t1 / (t2 * t2));
}

/// <summary>renorm(p, dim, maxnorm): see <see cref="AddcOps.RenormGrad"/>.</summary>
internal sealed class RenormBackward0(double p, int dim, double maxnorm) : UnaryNode
{
    public override string Name => nameof(RenormBackward0);
    internal override Tensor?[] Apply(Tensor grad) => [AddcOps.RenormGrad(SelfValue, grad, p, dim, maxnorm)];
}
