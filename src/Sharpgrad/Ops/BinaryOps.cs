using Sharpgrad.Kernels;
using Sharpgrad.Kernels.Operators;
using Sharpgrad.Shapes;

namespace Sharpgrad.Ops;

/// <summary>Which inputs a binary node keeps for backward.</summary>
[Flags]
internal enum SaveInputs : byte
{
    None = 0,
    A = 1,
    B = 2,
    Both = 3,
    /// <summary>Save A only when B requires grad (A appears only in B's formula).</summary>
    ACross = 4,
    /// <summary>Save B only when A requires grad.</summary>
    BCross = 8,
}

/// <summary>Arithmetic with broadcasting and type promotion: add, sub, mul, div, pow, maximum, minimum.</summary>
internal static class BinaryOps
{
    /// <summary>The shared path: promote, broadcast, record, compute. Saves what the node asks for before writing anything.</summary>
    public static Tensor Binary(BinaryKind kind, Tensor a, Tensor b, double alpha, Func<BinaryNode>? makeNode, SaveInputs save, bool saveResult = false)
    {
        OpHelpers.CheckSameDevice(a, b);
        var dtype = TypePromotion.Result(a, b);
        if (kind == BinaryKind.Div && !dtype.IsFloatingPoint()) dtype = DTypeDefaults.Float;
        if (kind == BinaryKind.Pow && !dtype.IsFloatingPoint())
        {
            // integer ** integer stays integral and wraps as C++'s integer pow does
            return IntegerPow(a, b, dtype == DType.Bool ? DType.Int64 : dtype);
        }
        if (dtype == DType.Bool)
        {
            if (kind == BinaryKind.Sub) throw new ArgumentException("Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or `logical_xor()` operator instead.");
            if (kind is BinaryKind.Add or BinaryKind.Mul or BinaryKind.Maximum or BinaryKind.Minimum)
                return LogicalBool(kind is BinaryKind.Add or BinaryKind.Maximum ? Kernels.Operators.Logical.Or : Kernels.Operators.Logical.And, a, b);
            dtype = DTypeDefaults.Float;
        }
        var shape = OpHelpers.BroadcastShape(a, b);
        var mode = GradMode.Current;
        BinaryNode? node = null;
        if (makeNode is not null && (a.RequiresGradFast || b.RequiresGradFast) && mode.Records)
        {
            node = Record.Connect(makeNode(), a, b);
            node.ASizes = a.Sizes;
            node.BSizes = b.Sizes;
            node.ADType = a.DType;
            node.BDType = b.DType;
            node.Scalar = alpha;
            if ((save & SaveInputs.A) != 0 || ((save & SaveInputs.ACross) != 0 && b.RequiresGradFast)) node.A = SavedTensor.Input(a);
            if ((save & SaveInputs.B) != 0 || ((save & SaveInputs.BCross) != 0 && a.RequiresGradFast)) node.B = SavedTensor.Input(b);
        }
        Tensor y;
        int n;
        if (a.DType == dtype && b.DType == dtype && dtype.IsFloatingPoint() && a.ContiguousFlag && b.ContiguousFlag
            && ReferenceEquals(shape, a.Sizes) && (n = a.Numel) > 0 && n < Kernels.Cpu.IntraOp.ElementwiseGrain && b.Numel == n)
        {
            y = Tensor.EmptyFor(dtype, shape, mode.Inference);
            Dispatch.BinaryContiguous(kind, a.Buffer, a.Offset, b.Buffer, b.Offset, y.Buffer, n, dtype, alpha);
        }
        else
        {
            var ac = OpHelpers.CastRaw(a, dtype);
            var bc = OpHelpers.CastRaw(b, dtype);
            y = Tensor.EmptyFor(dtype, shape, mode.Inference);
            // pow's bits depend on the order ATen walks its inputs in, which a cast input's layout decides
            if (kind == BinaryKind.Pow)
                Kernels.Cpu.PowTensorKernel.Run(ac.Strided, bc.Strided, y.Strided, OpHelpers.IteratorStrides(a, dtype, shape), OpHelpers.IteratorStrides(b, dtype, shape));
            else Dispatch.Binary(kind, ac.Strided, bc.Strided, y.Strided, alpha);
        }
        if (node is not null)
        {
            Record.SetHistory(y, node);
            if (saveResult) node.Result = SavedTensor.Output(y, node);
        }
        return y;
    }

    /// <summary>tensor (op) Python float: the tensor's dtype unless integral (then the default float dtype).</summary>
    public static Tensor Scalar(BinaryKind kind, Tensor a, double s, bool scalarFirst, Func<BinaryNode>? makeNode, bool saveA = false, bool saveResult = false)
    {
        a.ThrowIfDisposed();
        if (a.DType == DType.Bool && kind == BinaryKind.Sub)
            throw new ArgumentException("Subtraction, the `-` operator, with a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.");
        // only add, sub and mul keep an integer result for a Python int (true division and pow go to float)
        var dtype = kind is BinaryKind.Add or BinaryKind.Sub or BinaryKind.Mul ? TypePromotion.WithScalar(a.DType, s) : TypePromotion.WithDouble(a.DType);
        BinaryNode? node = null;
        if (makeNode is not null && Record.ShouldRecord(a))
        {
            node = makeNode();
            node.Edges = [a.GradientEdge(), default];
            node.ASizes = a.Sizes;
            node.ADType = a.DType;
            node.Scalar = s;
            if (saveA) node.A = SavedTensor.Input(a);
        }
        var ac = OpHelpers.CastRaw(a, dtype);
        var y = Tensor.Empty(dtype, a.Sizes);
        Dispatch.BinaryScalar(kind, ac.Strided, s, scalarFirst, y.Strided);
        if (node is not null)
        {
            Record.SetHistory(y, node);
            if (saveResult) node.Result = SavedTensor.Output(y, node);
        }
        return y;
    }

    private static Tensor LogicalBool(Logical kind, Tensor a, Tensor b)
    {
        var y = Tensor.Empty(DType.Bool, OpHelpers.BroadcastShape(a, b));
        Dispatch.Logical(kind, a.Strided, b.Strided, y.Strided);
        return y;
    }

    public static Tensor Add(Tensor a, Tensor b, double alpha) => Binary(BinaryKind.Add, a, b, alpha, static () => new AddBackward0(), SaveInputs.None);
    public static Tensor Sub(Tensor a, Tensor b, double alpha) => Binary(BinaryKind.Sub, a, b, alpha, static () => new SubBackward0(), SaveInputs.None);
    public static Tensor Mul(Tensor a, Tensor b) => Binary(BinaryKind.Mul, a, b, 1, static () => new MulBackward0(), SaveInputs.ACross | SaveInputs.BCross);
    public static Tensor Div(Tensor a, Tensor b) => Binary(BinaryKind.Div, a, b, 1, static () => new DivBackward0(), SaveInputs.ACross | SaveInputs.B);
    public static Tensor Pow(Tensor a, Tensor b) => Binary(BinaryKind.Pow, a, b, 1, static () => new PowBackward1(), SaveInputs.Both, saveResult: true);
    public static Tensor Maximum(Tensor a, Tensor b) => Binary(BinaryKind.Maximum, a, b, 1, static () => new ExtremumBackward0(maximum: true), SaveInputs.Both);
    public static Tensor Minimum(Tensor a, Tensor b) => Binary(BinaryKind.Minimum, a, b, 1, static () => new ExtremumBackward0(maximum: false), SaveInputs.Both);

    public static Tensor Add(Tensor a, double s) => Scalar(BinaryKind.Add, a, s, false, static () => new AddBackward0 { ScalarOther = true });
    public static Tensor Sub(Tensor a, double s) => Scalar(BinaryKind.Sub, a, s, false, static () => new SubBackward0 { ScalarOther = true });
    public static Tensor RSub(double s, Tensor a) => Scalar(BinaryKind.Sub, a, s, true, static () => new RsubBackward1());
    /// <summary>rsub(self, other, alpha) = other - alpha·self (RsubBackward0).</summary>
    public static Tensor RSub(Tensor self, Tensor other, double alpha)
    {
        var y = Binary(BinaryKind.Sub, other, self, alpha, static () => new RsubBackward0(), SaveInputs.None);
        // computed as other - alpha·self, but PyTorch's edges are (self, other)
        if (y.Fn is RsubBackward0 node) node.Edges = [node.Edges[1], node.Edges[0]];
        return y;
    }
    public static Tensor Mul(Tensor a, double s) => Scalar(BinaryKind.Mul, a, s, false, static () => new MulBackward0 { ScalarOther = true });

    /// <summary>ATen's mul.Scalar, which ops composed in C++ call (a Python number becomes a tensor instead): MulBackward1.</summary>
    public static Tensor MulScalar(Tensor a, double s) => Scalar(BinaryKind.Mul, a, s, false, static () => new MulBackward1());
    public static Tensor Div(Tensor a, double s) => Scalar(BinaryKind.Div, a, s, false, static () => new DivBackward0 { ScalarOther = true });
    public static Tensor RDiv(double s, Tensor a) => Mul(UnaryOps.Reciprocal(a), s);

    public static Tensor Pow(Tensor a, double e)
    {
        if (!a.DType.IsFloatingPoint() && TypePromotion.IsPythonInt(e) && e < 0) throw new ArgumentException("Integers to negative integer powers are not allowed.");
        if (!a.DType.IsFloatingPoint() && TypePromotion.IsPythonInt(e))
            return IntegerPow(a, Tensor.Scalar(e, DType.Int64), TypePromotion.WithScalar(a.DType, e));
        return Scalar(BinaryKind.Pow, a, e, false, static () => new PowBackward0(), saveA: true);
    }

    /// <summary>base ** tensor: PowBackward2, d/dx = result * ln(base).</summary>
    public static Tensor Pow(double b, Tensor e)
    {
        // integer base ** integer tensor stays integral, as in PyTorch (2 ** tensor([1, 2]) is int64)
        if (!e.DType.IsFloatingPoint() && TypePromotion.IsPythonInt(b))
            return IntegerPow(Tensor.Scalar(b, DType.Int64), e, TypePromotion.WithScalar(e.DType, b));
        return Scalar(BinaryKind.Pow, e, b, true, static () => new PowBackward2(), saveA: b == 0, saveResult: true);
    }

    /// <summary>
    /// a ** b on integers, unrecorded, in <paramref name="dtype"/>: repeated squaring with wrapping int64 products (the low 32
    /// bits are int32's wrapped result too); a negative exponent gives 0 except for bases 1 and -1 (ATen's powi).
    /// </summary>
    private static Tensor IntegerPow(Tensor a, Tensor b, DType dtype) =>
        IntegerMathOps.Int64Elementwise(a, b, static (x, e) =>
        {
            if (e < 0) return x == 1 ? 1 : x == -1 ? ((e & 1) == 0 ? 1 : -1) : 0;
            long result = 1;
            unchecked
            {
                for (; e > 0; e >>= 1, x *= x)
                    if ((e & 1) != 0) result *= x;
            }
            return result;
        }, dtype);


    public static Tensor Compare(Comparison cmp, Tensor a, Tensor b)
    {
        OpHelpers.CheckSameDevice(a, b);
        var shape = OpHelpers.BroadcastShape(a, b);
        var dtype = TypePromotion.Result(a, b);
        var y = Tensor.Empty(DType.Bool, shape);
        Dispatch.Compare(cmp, OpHelpers.CastRaw(a, dtype).Strided, OpHelpers.CastRaw(b, dtype).Strided, y.Strided);
        return y;
    }

    public static Tensor Compare(Comparison cmp, Tensor a, double s)
    {
        a.ThrowIfDisposed();
        var y = Tensor.Empty(DType.Bool, a.Sizes);
        Dispatch.CompareScalar(cmp, a.Strided, s, y.Strided);
        return y;
    }

    public static Tensor Logical(Logical kind, Tensor a, Tensor b)
    {
        OpHelpers.CheckSameDevice(a, b);
        return LogicalBool(kind, OpHelpers.CastRaw(a, DType.Bool), OpHelpers.CastRaw(b, DType.Bool));
    }
}
