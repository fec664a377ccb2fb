using Sharpgrad.Kernels;
using Sharpgrad.Kernels.Operators;
using Sharpgrad.Shapes;

namespace Sharpgrad.Ops;

/// <summary>
/// In-place ops: write through views into the shared storage, bump the version counter once,
/// and rewrite history (on the base via CopySlices when the target is a view).
/// </summary>
internal static class InPlaceOps
{
    /// <summary>Every check PyTorch makes before an in-place write; true when the write must be recorded.</summary>
    public static bool Check(Tensor self, Tensor? other = null)
    {
        self.ThrowIfDisposed();
        other?.ThrowIfDisposed();
        var mode = GradMode.Current;
        if (self.Inference && !mode.Inference) throw new InvalidOperationException(Errors.InferenceInPlace);
        if (!mode.Records) return false;
        bool record = self.RequiresGradFast || (other is not null && other.RequiresGradFast);
        if (!record) return false;
        if (self.ViewBase is { } viewBase)
        {
            switch (self.Creation)
            {
                case ViewCreation.NoGradMode: throw new InvalidOperationException(Errors.NoGradViewInPlace);
                case ViewCreation.InferenceMode: throw new InvalidOperationException(Errors.InferenceViewInPlace);
                case ViewCreation.MultipleOutput:
                    throw new InvalidOperationException(Errors.MultiOutputViewInPlace(self.Fn?.Name ?? "a multi-output view function", self.OutputNr));
            }
            if (viewBase.Fn is null && viewBase.LeafRequiresGrad) throw new InvalidOperationException(Errors.ViewOfLeafInPlace);
        }
        if (self.Fn is null && self.LeafRequiresGrad) throw new InvalidOperationException(Errors.LeafInPlace);
        return true;
    }

    /// <summary>After the write: bump the version, then attach <paramref name="node"/> (or CopySlices on the base).</summary>
    public static Tensor Commit(Tensor self, Node? node)
    {
        if (!self.Inference) self.Storage.BumpVersion();
        if (node is null) return self;
        if (self.ViewBase is { } viewBase)
        {
            var copySlices = new CopySlices(viewBase, self, node);
            Record.SetHistory(viewBase, copySlices);
            viewBase.LeafRequiresGrad = false;
            var asStrided = new AsStridedBackward0(viewBase, self) { Edges = [new Edge(copySlices, 0)] };
            Record.SetHistory(self, asStrided);
            self.LeafRequiresGrad = false;
            self.ViewFnVersion = self.Storage.Version;
        }
        else
        {
            Record.SetHistory(self, node);
        }
        return self;
    }

    /// <summary>
    /// self = op(self) written back in self's dtype, recorded with op's own node (tril_ → TrilBackward0, as PyTorch names its
    /// in-place ops). op runs on a snapshot of self's values that carries self's gradient edge, so whatever its node saves is
    /// the original self, untouched by the write.
    /// </summary>
    public static Tensor ViaOutOfPlace(Tensor self, Func<Tensor, Tensor> op, params Tensor[] others)
    {
        foreach (var o in others) o.ThrowIfDisposed();
        // Check looks at one other input to decide recording: any that requires grad will do
        bool record = Check(self, Array.Find(others, o => o.RequiresGradFast) ?? (others.Length > 0 ? others[0] : null));
        Tensor y;
        if (record)
        {
            var snapshot = Tensor.Empty(self.DType, self.Sizes);
            Dispatch.Copy(self.Strided, snapshot.Strided);
            if (self.GradientEdge() is { Node: { } fn } edge)
            {
                snapshot.Fn = fn;
                snapshot.OutputNr = edge.InputNr;
            }
            y = op(snapshot);
        }
        else
        {
            // nothing is saved when nothing is recorded: the op reads self and its result is written back afterwards
            using (Autograd.NoGrad()) y = op(self);
        }
        CheckCast(y.DType, self.DType);
        CheckOutputShape(self, y.Sizes);
        Dispatch.Copy(y.Strided, self.Strided);
        return Commit(self, record ? y.GradFn : null);
    }

    /// <summary>
    /// eq_, ne_, lt_, le_, gt_, ge_: the comparison written as 1/0 in self's dtype. PyTorch records a node with zero
    /// gradients (EqBackward0 for a number, EqBackward1 for a tensor), which cuts the gradient through self's old values.
    /// </summary>
    public static Tensor Compare(Tensor self, Func<Tensor, Tensor> compare, string op, Tensor? other)
    {
        bool record = Check(self, other);
        Tensor y;
        using (Autograd.NoGrad()) y = compare(self);
        CheckOutputShape(self, y.Sizes);
        Node? node = null;
        if (record)
        {
            string name = $"{op}Backward{(other is null ? 0 : 1)}";
            node = other is null
                ? Record.Connect(new ZeroGradients(name, [self]), self)
                : Record.Connect(new ZeroGradients(name, [self, other]), self, other);
        }
        Dispatch.Copy(y.Strided, self.Strided);
        y.Dispose();
        return Commit(self, node);
    }

    /// <summary>An in-place op cannot grow self: the broadcast result must have self's shape.</summary>
    internal static void CheckOutputShape(Tensor self, int[] shape)
    {
        if (!shape.AsSpan().SequenceEqual(self.Sizes))
            throw new ArgumentException($"output with shape {Errors.Shape(self.Sizes)} doesn't match the broadcast shape {Errors.Shape(shape)}");
    }

    internal static void CheckBroadcastInto(Tensor self, Tensor other, DType promoted)
    {
        var shape = self.Sizes.AsSpan().SequenceEqual(other.Sizes) ? self.Sizes : Layout.Broadcast(self.Sizes, other.Sizes);
        CheckOutputShape(self, shape);
        CheckCast(promoted, self.DType);
    }

    internal static void CheckCast(DType result, DType target)
    {
        int Rank(DType d) => d == DType.Bool ? 0 : d.IsIntegral() ? 1 : 2;
        if (Rank(result) > Rank(target))
            throw new ArgumentException($"result type {Errors.Pretty(result)} can't be cast to the desired output type {Errors.Pretty(target)}");
    }

    /// <summary>self (op)= other, with broadcasting of other into self.</summary>
    public static Tensor Binary(BinaryKind kind, Tensor self, Tensor other, double alpha, Func<BinaryNode> makeNode, bool saveOriginalSelf, bool saveOther)
    {
        var promoted = TypePromotion.Result(self, other);
        if (kind == BinaryKind.Div && !promoted.IsFloatingPoint()) promoted = DTypeDefaults.Float;
        CheckBroadcastInto(self, other, promoted);
        bool record = Check(self, other);
        BinaryNode? node = null;
        if (record)
        {
            node = Record.Connect(makeNode(), self, other);
            node.ASizes = self.Sizes;
            node.BSizes = other.Sizes;
            node.ADType = self.DType;
            node.BDType = other.DType;
            node.Scalar = alpha;
            if (saveOther && self.RequiresGradFast) node.B = SavedTensor.Input(other);
            if (saveOriginalSelf && other.RequiresGradFast) node.A = OpHelpers.SaveCopy(self);
        }
        var o = OpHelpers.CastRaw(other, self.DType);
        if (self.DType == DType.Bool)
        {
            if (kind is BinaryKind.Add or BinaryKind.Mul) Dispatch.Logical(kind == BinaryKind.Add ? Logical.Or : Logical.And, self.Strided, o.Strided, self.Strided);
            else throw Errors.UnsupportedDType(kind.ToString().ToLowerInvariant() + "_", DType.Bool);
        }
        else Dispatch.Binary(kind, self.Strided, o.Strided, self.Strided, alpha);
        return Commit(self, node);
    }

    /// <summary>self (op)= scalar.</summary>
    public static Tensor Scalar(BinaryKind kind, Tensor self, double s, Func<BinaryNode> makeNode)
    {
        if (!self.DType.IsFloatingPoint() && (kind == BinaryKind.Div || s != Math.Floor(s))) CheckCast(DTypeDefaults.Float, self.DType);
        bool record = Check(self);
        BinaryNode? node = null;
        if (record)
        {
            node = makeNode();
            node.Edges = [self.GradientEdge(), default];
            node.ASizes = self.Sizes;
            node.ADType = self.DType;
            node.Scalar = s;
        }
        Dispatch.BinaryScalar(kind, self.Strided, s, false, self.Strided);
        return Commit(self, node);
    }

    /// <summary>self = f(self) for an element-wise function; the node saves the result or the original self.</summary>
    public static Tensor Unary(UnaryKind kind, Tensor self, Func<UnaryNode> makeNode, SaveUnary save)
    {
        if (!self.DType.IsFloatingPoint() && kind is not (UnaryKind.Neg or UnaryKind.Abs or UnaryKind.Relu))
            CheckCast(DTypeDefaults.Float, self.DType);
        bool record = Check(self);
        UnaryNode? node = null;
        if (record)
        {
            node = Record.Connect(makeNode(), self);
            if ((save & SaveUnary.Self) != 0) node.Self = OpHelpers.SaveCopy(self);
        }
        Dispatch.Unary(kind, self.Strided, self.Strided);
        Commit(self, node);
        if (node is not null && (save & SaveUnary.Result) != 0) node.Result = SavedTensor.Output(self, node);
        return self;
    }

    /// <summary>self **= exponent (PowBackward0 on the original values).</summary>
    public static Tensor PowScalar(Tensor self, double exponent)
    {
        if (self.DType.IsIntegral() && TypePromotion.IsPythonInt(exponent))
        {
            // a Python int exponent keeps integers integral (and refuses negative powers) in place as out of place
            Check(self);
            using (var r = BinaryOps.Pow(self, exponent)) Dispatch.Copy(r.Strided, self.Strided);
            return Commit(self, null);
        }
        if (!self.DType.IsFloatingPoint()) CheckCast(DTypeDefaults.Float, self.DType);
        bool record = Check(self);
        BinaryNode? node = null;
        if (record)
        {
            node = new PowBackward0 { Edges = [self.GradientEdge(), default], ASizes = self.Sizes, ADType = self.DType, Scalar = exponent };
            node.A = OpHelpers.SaveCopy(self);
        }
        Dispatch.BinaryScalar(BinaryKind.Pow, self.Strided, exponent, false, self.Strided);
        return Commit(self, node);
    }

    /// <summary>self **= exponent, broadcast into self (PowBackward1 on the original self, the exponent and the result).</summary>
    public static Tensor PowTensor(Tensor self, Tensor exponent)
    {
        ArgumentNullException.ThrowIfNull(exponent);
        var promoted = TypePromotion.Result(self, exponent);
        return BinaryMathOps.InPlace(self, exponent, promoted == DType.Bool ? DType.Int64 : promoted, () => PowInPlaceValues(self, exponent, promoted),
            static () => new PowBackward1(), saveResult: true);
    }

    /// <summary>
    /// self ** exponent as pow_ computes it: ATen's loop is given self as its output, so self's layout orders the walk;
    /// for a wider common dtype (a Float64 exponent tensor into Float32 self) it computes into a contiguous temporary of
    /// that dtype instead, which then orders the walk.
    /// </summary>
    private static Tensor PowInPlaceValues(Tensor self, Tensor exponent, DType promoted)
    {
        if (!promoted.IsFloatingPoint())
            using (Autograd.NoGrad()) return BinaryOps.Pow(self, exponent);
        var shape = self.Sizes;
        var y = Tensor.Empty(promoted, shape);
        Kernels.Cpu.PowTensorKernel.Run(OpHelpers.CastRaw(self, promoted).Strided, OpHelpers.CastRaw(exponent, promoted).Strided, y.Strided,
            OpHelpers.IteratorStrides(self, promoted, shape), OpHelpers.IteratorStrides(exponent, promoted, shape), promoted == self.DType ? self.Strides : y.Strides);
        return y;
    }

    public static Tensor Clamp(Tensor self, double? min, double? max)
    {
        if (min is null && max is null) throw new ArgumentException("torch.clamp: At least one of 'min' or 'max' must not be None");
        if (!self.DType.IsFloatingPoint() && (min is { } lo && !TypePromotion.IsPythonInt(lo) || max is { } hi && !TypePromotion.IsPythonInt(hi)))
            throw new ArgumentException($"result type Float can't be cast to the desired output type {Errors.TypeMetaName(self.DType)}");
        UnaryOps.CheckIntegerBounds(self.DType, min, max);
        bool record = Check(self);
        UnaryNode? node = null;
        if (record)
        {
            node = Record.Connect(new ClampBackward1(min, max), self);
            node.Self = OpHelpers.SaveCopy(self);
        }
        Dispatch.Clamp(self.Strided, self.Strided, min, max);
        return Commit(self, node);
    }

    /// <summary>Fills with a constant (zero_ / fill_): the old values get a zero gradient.</summary>
    public static Tensor Fill(Tensor self, double value, string nodeName)
    {
        Errors.CheckScalarFits(self.DType, value);
        bool record = Check(self);
        Node? node = record ? Record.Connect(new ConstantFillBackward(nodeName), self) : null;
        Dispatch.Fill(self.Strided, value);
        return Commit(self, node);
    }

    /// <summary>self = src (broadcast, converted). CopyBackwards: self gets zeros, src gets grad.</summary>
    public static Tensor Copy(Tensor self, Tensor src)
    {
        src.ThrowIfDisposed();
        var shape = Layout.Broadcast(self.Sizes, src.Sizes);
        if (!shape.AsSpan().SequenceEqual(self.Sizes))
            throw new ArgumentException($"The size of tensor a ({self.Sizes.LastOrDefault()}) must match the size of tensor b ({src.Sizes.LastOrDefault()}) at non-singleton dimension {Math.Max(0, self.Dim - 1)}");
        bool record = Check(self, src);
        Node? node = record ? Record.Connect(new CopyBackwards(src.Sizes, src.DType), self, src) : null;
        Dispatch.Copy(src.Strided, self.Strided);
        return Commit(self, node);
    }

    /// <summary>self[mask] = value (mask broadcast into self). MaskedFillBackward0: grad with zeros where filled.</summary>
    public static Tensor MaskedFill(Tensor self, Tensor mask, double value)
    {
        mask.ThrowIfDisposed();
        if (mask.DType != DType.Bool) throw new ArgumentException($"masked_fill_ only supports boolean masks, but got mask with dtype {Errors.TypeMetaName(mask.DType)}");
        var shape = Layout.Broadcast(self.Sizes, mask.Sizes);
        CheckOutputShape(self, shape);
        bool record = Check(self);
        MaskedFillBackward0? node = null;
        if (record)
        {
            node = Record.Connect(new MaskedFillBackward0(), self);
            node.Mask = SavedTensor.Input(mask);
        }
        var fill = Tensor.Full([], value, self.DType);
        var filled = Tensor.Empty(self.DType, self.Sizes); // Where writes a contiguous output; self may be a view
        Dispatch.Where(mask.Strided, fill.Strided, self.Strided, filled.Strided);
        Dispatch.Copy(filled.Strided, self.Strided);
        fill.Dispose();
        filled.Dispose();
        return Commit(self, node);
    }

    /// <summary>Refills with random values (uniform_/normal_); recorded like fill_.</summary>
    public static Tensor Random(Tensor self, bool normal, double a, double b)
    {
        bool record = Check(self);
        Node? node = record ? Record.Connect(new ConstantFillBackward(normal ? "NormalBackward0" : "UniformBackward0"), self) : null;
        self.FillRandom(normal, a, b);
        return Commit(self, node);
    }
}

/// <summary>zero_/fill_/uniform_/normal_: the overwritten values get a zero gradient.</summary>
internal sealed class ConstantFillBackward(string name) : Node
{
    public override string Name => name;
    internal override Tensor?[] Apply(Tensor grad) => [Tensor.ZerosLike(grad)];
}

/// <summary>copy_(src): self: zeros; src: grad summed to src's shape and converted to its dtype.</summary>
internal sealed class CopyBackwards(int[] srcSizes, DType srcType) : Node
{
    public override string Name => nameof(CopyBackwards);
    internal override Tensor?[] Apply(Tensor grad) =>
        [NeedsInputGrad(0) ? Tensor.ZerosLike(grad) : null, NeedsInputGrad(1) ? OpHelpers.GradFor(grad, srcSizes, srcType) : null];
}
