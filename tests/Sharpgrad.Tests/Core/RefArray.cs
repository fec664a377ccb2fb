namespace Sharpgrad.Tests.Core;

/// <summary>
/// The naive reference the core tests compare against: a row-major double array with its shape,
/// every operation written the slow, obvious way (multi-index loops), independent of Sharpgrad's kernels.
/// </summary>
internal sealed class RefArray
{
    public readonly double[] Data;
    public readonly int[] Shape;

    public RefArray(double[] data, int[] shape)
    {
        Data = data;
        Shape = shape;
        if (Numel(shape) != data.Length) throw new ArgumentException("data does not match shape");
    }

    public int Rank => Shape.Length;

    public static int Numel(int[] shape)
    {
        int n = 1;
        foreach (int s in shape) n *= s;
        return n;
    }

    public static int[] Strides(int[] shape)
    {
        var st = new int[shape.Length];
        int s = 1;
        for (int i = shape.Length - 1; i >= 0; i--) { st[i] = s; s *= shape[i]; }
        return st;
    }

    /// <summary>The multi-index of flat position <paramref name="flat"/> in a row-major array of <paramref name="shape"/>.</summary>
    public static int[] Unravel(int flat, int[] shape)
    {
        var idx = new int[shape.Length];
        for (int d = shape.Length - 1; d >= 0; d--)
        {
            if (shape[d] == 0) return idx;
            idx[d] = flat % shape[d];
            flat /= shape[d];
        }
        return idx;
    }

    public double At(int[] idx)
    {
        int flat = 0;
        for (int d = 0; d < Rank; d++) flat = flat * Shape[d] + idx[d];
        return Data[flat];
    }

    public static RefArray Build(int[] shape, Func<int[], double> f)
    {
        var data = new double[Numel(shape)];
        for (int i = 0; i < data.Length; i++) data[i] = f(Unravel(i, shape));
        return new RefArray(data, shape);
    }

    public static RefArray Of(Tensor t) => new(t.To(DType.Float64).ToArray<double>(), t.Shape.ToArray());

    public static int[] BroadcastShapes(int[] a, int[] b)
    {
        int nd = Math.Max(a.Length, b.Length);
        var r = new int[nd];
        for (int i = 0; i < nd; i++)
        {
            int ia = i - (nd - a.Length), ib = i - (nd - b.Length);
            int sa = ia >= 0 ? a[ia] : 1, sb = ib >= 0 ? b[ib] : 1;
            r[i] = sa == 1 ? sb : sa;
        }
        return r;
    }

    /// <summary>Reads this array as if broadcast to <paramref name="target"/> at target index <paramref name="idx"/>.</summary>
    public double AtBroadcast(int[] idx)
    {
        var own = new int[Rank];
        int off = idx.Length - Rank;
        for (int d = 0; d < Rank; d++) own[d] = Shape[d] == 1 ? 0 : idx[off + d];
        return At(own);
    }

    public RefArray BroadcastTo(int[] target) => Build(target, AtBroadcast);

    public static RefArray Binary(RefArray a, RefArray b, Func<double, double, double> f)
    {
        var shape = BroadcastShapes(a.Shape, b.Shape);
        return Build(shape, idx => f(a.AtBroadcast(idx), b.AtBroadcast(idx)));
    }

    public RefArray Map(Func<double, double> f) => new(Data.Select(f).ToArray(), Shape);

    /// <summary>Folds dimension <paramref name="dim"/> with <paramref name="fold"/> over the values of each line.</summary>
    public RefArray Reduce(int dim, bool keepDim, Func<double[], double> fold)
    {
        var outShape = Shape.ToArray();
        outShape[dim] = 1;
        var reduced = Build(outShape, idx =>
        {
            var line = new double[Shape[dim]];
            var j = (int[])idx.Clone();
            for (int k = 0; k < line.Length; k++) { j[dim] = k; line[k] = At(j); }
            return fold(line);
        });
        return keepDim ? reduced : new RefArray(reduced.Data, Shape.Where((_, i) => i != dim).ToArray());
    }

    public RefArray Transpose(int d0, int d1)
    {
        var perm = Enumerable.Range(0, Rank).ToArray();
        (perm[d0], perm[d1]) = (perm[d1], perm[d0]);
        return Permute(perm);
    }

    public RefArray Permute(int[] perm)
    {
        var shape = perm.Select(p => Shape[p]).ToArray();
        return Build(shape, idx =>
        {
            var src = new int[Rank];
            for (int d = 0; d < Rank; d++) src[perm[d]] = idx[d];
            return At(src);
        });
    }

    public RefArray Slice(int dim, int start, int end, int step)
    {
        int len = end <= start ? 0 : (end - start + step - 1) / step;
        var shape = Shape.ToArray();
        shape[dim] = len;
        return Build(shape, idx =>
        {
            var src = (int[])idx.Clone();
            src[dim] = start + idx[dim] * step;
            return At(src);
        });
    }

    public RefArray Unsqueeze(int dim)
    {
        var shape = Shape.ToList();
        shape.Insert(dim, 1);
        return new RefArray(Data, shape.ToArray());
    }

    public static RefArray MatMul2(RefArray a, RefArray b)
    {
        int m = a.Shape[0], k = a.Shape[1], n = b.Shape[1];
        return Build([m, n], idx =>
        {
            double s = 0;
            for (int p = 0; p < k; p++) s += a.At([idx[0], p]) * b.At([p, idx[1]]);
            return s;
        });
    }
}

/// <summary>Assertions shared by the core tests.</summary>
internal static class Check
{
    public static void Close(RefArray expected, Tensor actual, double rtol = 1e-12, double atol = 1e-12, string? what = null)
    {
        Assert.Equal(expected.Shape, actual.Shape.ToArray());
        var got = actual.To(DType.Float64).ToArray<double>();
        for (int i = 0; i < got.Length; i++)
        {
            double e = expected.Data[i], g = got[i];
            if (double.IsNaN(e) && double.IsNaN(g)) continue;
            if (e == g) continue;
            if (Math.Abs(e - g) > atol + rtol * Math.Abs(e))
                Assert.Fail($"{what} element {i}: expected {e:R}, got {g:R} (shape {Errors.Shape(expected.Shape)})");
        }
    }

    public static void Values<T>(T[] expected, Tensor actual, params int[] shape)
    {
        Assert.Equal(shape, actual.Shape.ToArray());
        Assert.Equal(expected, actual.ToArray<T>());
    }

    public static void Shape(Tensor t, params int[] shape) => Assert.Equal(shape, t.Shape.ToArray());

    public static bool SameStorage(Tensor a, Tensor b) => ReferenceEquals(a.UntypedStorage, b.UntypedStorage);

    /// <summary>Asserts the call throws <typeparamref name="TEx"/> (exactly that type) with PyTorch's message at the start.</summary>
    public static TEx Throws<TEx>(string message, Action call) where TEx : Exception
    {
        var ex = Assert.ThrowsAny<TEx>(call);
        Assert.IsType<TEx>(ex);
        Assert.StartsWith(message, ex.Message);
        return ex;
    }
}
