using Sharpgrad.Kernels;
using Sharpgrad.Shapes;

namespace Sharpgrad.Ops;

/// <summary>Reductions over all elements or one dimension: sum, mean, prod, max/min (with indices), var, std.</summary>
internal static class ReduceOps
{
    /// <summary>Reduces dim <paramref name="dim"/> of <paramref name="x"/> without recording.</summary>
    public static Tensor ReduceRaw(ReduceKind kind, Tensor x, int dim, bool keepDim, DType outType, Tensor? indices = null)
    {
        var contiguous = OpHelpers.ContiguousRaw(x);
        var src = OpHelpers.CastRaw(contiguous, outType);
        if (!ReferenceEquals(contiguous, x) && !ReferenceEquals(contiguous, src)) contiguous.Dispose();
        int nd = x.Dim;
        int outer = 1, inner = 1, r = nd == 0 ? 1 : x.Sizes[dim];
        for (int d = 0; d < dim; d++) outer *= x.Sizes[d];
        for (int d = dim + 1; d < nd; d++) inner *= x.Sizes[d];
        if (r == 0 && kind is ReduceKind.Max or ReduceKind.Min) throw EmptyReductionDim(kind == ReduceKind.Max ? "max" : "min", dim);
        var y = Tensor.Empty(outType, OutShape(x.Sizes, dim, keepDim));
        if (y.Numel > 0)
        {
            if (r == 0)
            {
                Dispatch.Fill(y.Strided, kind == ReduceKind.Prod || kind == ReduceKind.All ? 1 : 0);
            }
            else Dispatch.Reduce(kind, src.Strided, outer, r, inner, y.Strided, indices?.Strided);
        }
        if (!ReferenceEquals(src, x)) src.Dispose();
        return y;
    }

    /// <summary>PyTorch's IndexError for max/min/argmax over a dim of size 0.</summary>
    private static ArgumentOutOfRangeException EmptyReductionDim(string op, int dim) =>
        new("dim", $"{op}(): Expected reduction dim {dim} to have non-zero size.");

    /// <summary>The shape after reducing <paramref name="dims"/> (wrapped): those sizes set to 1 with keepDim, else removed.</summary>
    public static int[] OutShape(int[] sizes, int[] dims, bool keepDim) =>
        keepDim ? sizes.Select((s, d) => dims.Contains(d) ? 1 : s).ToArray() : RemoveDims(sizes, dims);

    public static int[] OutShape(int[] sizes, int dim, bool keepDim)
    {
        if (sizes.Length == 0) return [];
        if (keepDim)
        {
            var s = (int[])sizes.Clone();
            s[dim] = 1;
            return s;
        }
        return ViewOps.RemoveAt(sizes, dim);
    }

    private static DType SumType(DType d) => d.IsFloatingPoint() ? d : DType.Int64;

    /// <summary>Sum of all elements (0-dim). SumBackward0.</summary>
    public static Tensor Sum(Tensor x)
    {
        x.ThrowIfDisposed();
        var flat = x.Numel == 0 || x.Dim == 0 ? x : null;
        Tensor y;
        if (flat is null)
        {
            var src = OpHelpers.CastRaw(OpHelpers.ContiguousRaw(x), SumType(x.DType));
            y = Tensor.Empty(src.DType, []);
            Dispatch.Reduce(ReduceKind.Sum, src.Strided, 1, src.Numel, 1, y.Strided);
        }
        else
        {
            y = Tensor.Empty(SumType(x.DType), []);
            if (x.Numel == 0) Dispatch.Fill(y.Strided, 0);
            else Dispatch.Copy(x.Strided, y.Strided);
        }
        if (Record.ShouldRecord(x)) Record.SetHistory(y, Record.Connect(new SumBackward0(x.Sizes), x));
        return y;
    }

    /// <summary>Sum over <paramref name="dims"/> (all dims when empty). SumBackward1.</summary>
    public static Tensor Sum(Tensor x, int[] dims, bool keepDim)
    {
        x.ThrowIfDisposed();
        var wrapped = WrapDimsOrAll(dims, x.Dim);
        var y = ReduceOverDims(ReduceKind.Sum, x, wrapped, keepDim, x.DType, SumType(x.DType));
        if (Record.ShouldRecord(x)) Record.SetHistory(y, Record.Connect(new SumBackward1(x.Sizes, wrapped, keepDim), x));
        return y;
    }

    private static Tensor Clone(Tensor x)
    {
        var y = Tensor.Empty(x.DType, x.Sizes);
        Dispatch.Copy(x.Strided, y.Strided);
        return y;
    }

    public static Tensor Mean(Tensor x)
    {
        CheckMeanDType(x);
        Tensor s;
        using (Autograd.NoGrad()) s = Sum(x);
        var y = Tensor.Empty(x.DType, []);
        Dispatch.BinaryScalar(BinaryKind.Div, s.Strided, x.Numel, false, y.Strided);
        s.Dispose();
        if (Record.ShouldRecord(x)) Record.SetHistory(y, Record.Connect(new MeanBackward0(x.Sizes), x));
        return y;
    }

    public static Tensor Mean(Tensor x, int[] dims, bool keepDim)
    {
        CheckMeanDType(x);
        var wrapped = WrapDims(dims, x.Dim);
        long count = 1;
        foreach (int d in wrapped) count *= x.Dim == 0 ? 1 : x.Sizes[d];
        Tensor s;
        using (Autograd.NoGrad()) s = Sum(x, wrapped, keepDim);
        var y = Tensor.Empty(x.DType, s.Sizes);
        Dispatch.BinaryScalar(BinaryKind.Div, s.Strided, count, false, y.Strided);
        s.Dispose();
        if (Record.ShouldRecord(x)) Record.SetHistory(y, Record.Connect(new MeanBackward1(x.Sizes, wrapped, keepDim, count), x));
        return y;
    }

    private static void CheckMeanDType(Tensor x)
    {
        x.ThrowIfDisposed();
        if (!x.DType.IsFloatingPoint())
            throw new ArgumentException($"mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: {Errors.Pretty(x.DType)}");
    }

    /// <summary>Max or min of all elements (0-dim). MaxBackward1 / MinBackward1 spread the gradient evenly over ties.</summary>
    public static Tensor Extreme(Tensor x, bool max)
    {
        x.ThrowIfDisposed();
        if (x.Numel == 0) throw new ArgumentException($"{(max ? "max" : "min")}(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.");
        var flat = OpHelpers.ContiguousRaw(x);
        var y = Tensor.Empty(x.DType, []);
        Dispatch.Reduce(max ? ReduceKind.Max : ReduceKind.Min, flat.Strided, 1, flat.Numel, 1, y.Strided);
        if (Record.ShouldRecord(x))
        {
            var node = Record.Connect(new ExtremeAllBackward(max ? "MaxBackward1" : "MinBackward1"), x);
            node.Self = SavedTensor.Input(x);
            Record.SetHistory(y, node);
            node.Result = SavedTensor.Output(y, node);
        }
        return y;
    }

    /// <summary>Max or min along a dim, with Int64 indices of the first occurrence. MaxBackward0 / MinBackward0.</summary>
    public static (Tensor Values, Tensor Indices) Extreme(Tensor x, int dim, bool keepDim, bool max)
    {
        x.ThrowIfDisposed();
        dim = Layout.WrapDim(dim, x.Dim);
        var indices = Tensor.Empty(DType.Int64, OutShape(x.Sizes, dim, keepDim));
        var values = ReduceRaw(max ? ReduceKind.Max : ReduceKind.Min, x, dim, keepDim, x.DType, indices);
        if (Record.ShouldRecord(x))
        {
            var node = Record.Connect(new ExtremeDimBackward(max ? "MaxBackward0" : "MinBackward0", x.Sizes, dim, keepDim, indices), x);
            Record.SetHistory(values, node);
        }
        return (values, indices);
    }

    public static Tensor ArgExtreme(Tensor x, int? dim, bool keepDim, bool max)
    {
        x.ThrowIfDisposed();
        if (dim is null)
        {
            var flat = OpHelpers.ContiguousRaw(x);
            var idx = Tensor.Empty(DType.Int64, keepDim ? Enumerable.Repeat(1, x.Dim).ToArray() : []);
            if (x.Numel == 0) throw new ArgumentOutOfRangeException(nameof(dim), $"{(max ? "argmax" : "argmin")}(): Expected reduction dim to be specified for input.numel() == 0.");
            Dispatch.ArgReduce(max, flat.Strided, 1, flat.Numel, 1, idx.Strided);
            return idx;
        }
        int d = Layout.WrapDim(dim.Value, x.Dim);
        var src = OpHelpers.ContiguousRaw(x);
        int outer = 1, inner = 1, r = x.Dim == 0 ? 1 : x.Sizes[d];
        if (r == 0) throw EmptyReductionDim(max ? "argmax" : "argmin", d);
        for (int i = 0; i < d; i++) outer *= x.Sizes[i];
        for (int i = d + 1; i < x.Dim; i++) inner *= x.Sizes[i];
        var result = Tensor.Empty(DType.Int64, OutShape(x.Sizes, d, keepDim));
        Dispatch.ArgReduce(max, src.Strided, outer, r, inner, result.Strided);
        return result;
    }

    /// <summary>Variance (or std) with Bessel's correction by default. VarBackward0 / StdBackward0.</summary>
    public static Tensor VarStd(Tensor x, int[]? dims, double correction, bool keepDim, bool std)
    {
        x.ThrowIfDisposed();
        if (!x.DType.IsFloatingPoint()) throw new ArgumentException("std and var only support floating point and complex dtypes");
        var wrapped = dims is null ? Enumerable.Range(0, x.Dim).ToArray() : WrapDims(dims, x.Dim);
        long n = 1;
        foreach (int d in wrapped) n *= x.Dim == 0 ? 1 : x.Sizes[d]; // a 0-dim tensor reduces over its one element
        Tensor y;
        if (x.Dim > 0 && wrapped.Length > 0 && n > 0) y = VarStdKernel(x, wrapped, correction, keepDim, std);
        else
        using (Autograd.NoGrad())
        using (var scope = Tensor.NewScope())
        {
            var mean = wrapped.Length == 0 ? x : Mean(x, wrapped, true);
            var diff = x - mean;
            var sq = wrapped.Length == 0 ? diff * diff : Sum(diff * diff, wrapped, keepDim);
            y = sq / Math.Max(n - correction, 0);
            if (std) y = y.Sqrt();
            y.MoveToOuterScope();
        }
        if (Record.ShouldRecord(x))
        {
            var node = Record.Connect(new VarStdBackward(std, wrapped, keepDim, n - correction), x);
            node.Self = SavedTensor.Input(x);
            Record.SetHistory(y, node);
            if (std) node.Result = SavedTensor.Output(y, node);
        }
        return y;
    }

    /// <summary>
    /// PyTorch's CPU var/std: over every element of a contiguous tensor the two-pass sum about the mean (in double);
    /// otherwise Welford per output over the reduced dims in row-major order.
    /// </summary>
    private static Tensor VarStdKernel(Tensor x, int[] wrapped, double correction, bool keepDim, bool std)
    {
        if (wrapped.Length == x.Dim && x.IsContiguous)
        {
            double mean;
            using (Autograd.NoGrad())
            using (var m = Mean(x)) mean = m.To(DType.Float64).Item<double>();
            double value = Dispatch.VarAll(x.Strided, mean, correction, std);
            return Tensor.Full(OutShape(x.Sizes, wrapped, keepDim), value, x.DType);
        }
        var kept = Enumerable.Range(0, x.Dim).Where(d => !wrapped.Contains(d)).ToArray();
        var reduced = Enumerable.Range(0, x.Dim).Where(wrapped.Contains).ToArray();
        int rows = 1, n = 1;
        foreach (int d in kept) rows *= x.Sizes[d];
        foreach (int d in reduced) n *= x.Sizes[d];
        Tensor permuted, src;
        using (Autograd.NoGrad())
        {
            permuted = x.Permute([.. kept, .. reduced]);
            src = OpHelpers.ContiguousRaw(permuted);
        }
        var y = Tensor.Empty(x.DType, OutShape(x.Sizes, wrapped, keepDim));
        Dispatch.VarRows(src.Strided, rows, n, correction, std, y.Strided);
        if (!ReferenceEquals(src, permuted)) src.Dispose();
        return y;
    }

    /// <summary>Product of all elements. ProdBackward0.</summary>
    public static Tensor Prod(Tensor x)
    {
        x.ThrowIfDisposed();
        var src = OpHelpers.CastRaw(OpHelpers.ContiguousRaw(x), SumType(x.DType));
        var y = Tensor.Empty(src.DType, []);
        if (x.Numel == 0) Dispatch.Fill(y.Strided, 1);
        else Dispatch.Reduce(ReduceKind.Prod, src.Strided, 1, src.Numel, 1, y.Strided);
        if (Record.ShouldRecord(x))
        {
            var node = Record.Connect(new ProdBackward0(), x);
            node.Self = SavedTensor.Input(x);
            Record.SetHistory(y, node);
            node.Result = SavedTensor.Output(y, node);
        }
        return y;
    }

    /// <summary>prod(dim, keepdim): integers and bool give Int64 (ProdBackward1).</summary>
    public static Tensor Prod(Tensor x, int dim, bool keepDim)
    {
        x.ThrowIfDisposed();
        int d = x.Dim == 0 ? Layout.WrapDim(dim, 1) : Layout.WrapDim(dim, x.Dim);
        var y = x.Dim == 0 ? Clone(OpHelpers.CastRaw(x, SumType(x.DType))) : ReduceRaw(ReduceKind.Prod, x, d, keepDim, SumType(x.DType));
        if (Record.ShouldRecord(x))
        {
            var node = Record.Connect(new ProdBackward1(d, keepDim), x);
            node.Self = SavedTensor.Input(x);
            Record.SetHistory(y, node);
            node.Result = SavedTensor.Output(y, node);
        }
        return y;
    }

    public static Tensor AnyAll(Tensor x, bool all)
    {
        x.ThrowIfDisposed();
        var src = OpHelpers.ContiguousRaw(OpHelpers.CastRaw(x, DType.Bool));
        var y = Tensor.Empty(DType.Bool, []);
        if (x.Numel == 0) Dispatch.Fill(y.Strided, all ? 1 : 0);
        else Dispatch.Reduce(all ? ReduceKind.All : ReduceKind.Any, src.Strided, 1, src.Numel, 1, y.Strided);
        return y;
    }

    /// <summary>any/all over <paramref name="dims"/> (all dims when empty): a Bool result, reduced one dim at a time.</summary>
    public static Tensor AnyAll(Tensor x, int[] dims, bool keepDim, bool all)
    {
        x.ThrowIfDisposed();
        return ReduceOverDims(all ? ReduceKind.All : ReduceKind.Any, x, WrapDimsOrAll(dims, x.Dim), keepDim, DType.Bool, DType.Bool);
    }

    /// <summary>
    /// Reduces over wrapped dims one at a time, last first, from <paramref name="x"/> cast to <paramref name="inputType"/>;
    /// a 0-d input is cast (or copied) to <paramref name="outType"/>. Unrecorded: the caller records its own node.
    /// </summary>
    private static Tensor ReduceOverDims(ReduceKind kind, Tensor x, int[] wrapped, bool keepDim, DType inputType, DType outType)
    {
        if (x.Dim == 0)
        {
            var c = OpHelpers.CastRaw(x, outType);
            return ReferenceEquals(c, x) ? Clone(x) : c;
        }
        var y = OpHelpers.CastRaw(x, inputType);
        foreach (int d in wrapped.OrderByDescending(d => d))
        {
            var next = ReduceRaw(kind, y, d, true, outType);
            if (!ReferenceEquals(y, x)) y.Dispose();
            y = next;
        }
        if (keepDim) return y;
        var shape = RemoveDims(y.Sizes, wrapped);
        var squeezed = y.AliasWith(shape, Layout.ContiguousStrides(shape), 0);
        y.Dispose();
        return squeezed;
    }

    /// <summary>The wrapped, distinct dims; no dims means every dim.</summary>
    private static int[] WrapDimsOrAll(int[] dims, int nd) => dims.Length == 0 ? Enumerable.Range(0, nd).ToArray() : WrapDims(dims, nd);

    public static int[] WrapDims(int[] dims, int nd)
    {
        var result = new int[dims.Length];
        for (int i = 0; i < dims.Length; i++)
        {
            result[i] = Layout.WrapDim(dims[i], nd);
            for (int j = 0; j < i; j++)
                if (result[j] == result[i]) throw new ArgumentException($"dim {result[i]} appears multiple times in the list of dims");
        }
        return result;
    }

    private static int[] RemoveDims(int[] sizes, int[] dims)
    {
        var list = new List<int>();
        for (int i = 0; i < sizes.Length; i++)
            if (!dims.Contains(i)) list.Add(sizes[i]);
        return list.ToArray();
    }

    /// <summary>Max (or min) over several dims, one dim at a time (call it unrecorded: the caller's node owns the gradient); no dims is the overall extreme.</summary>
    internal static Tensor ExtremeOver(Tensor a, int[] dims, bool keepDim, bool max)
    {
        var r = a;
        // Values only: the callers record their own nodes, and the indices would cost a second pass.
        foreach (int d in dims.OrderByDescending(d => d))
            r = ReduceRaw(max ? ReduceKind.Max : ReduceKind.Min, r, d, keepDim: true, r.DType);
        if (dims.Length == 0) r = max ? a.Max() : a.Min();
        else if (!keepDim)
            foreach (int d in dims.OrderByDescending(d => d)) r = r.Squeeze(d);
        return r;
    }

    /// <summary>Inserts size-1 dims (sorted ascending) into a reduced gradient so it broadcasts against the input.</summary>
    public static Tensor Unsqueezed(Tensor grad, int[] dims, bool keepDim)
    {
        if (keepDim) return grad;
        var g = grad;
        foreach (int d in dims.OrderBy(d => d)) g = g.Unsqueeze(d);
        return g;
    }
}
