using Sharpgrad.Kernels;
using Sharpgrad.Kernels.Cpu;
using Sharpgrad.Shapes;

namespace Sharpgrad;

public sealed partial class Tensor
{
    /// <summary>Seeds the default generator (init, dropout, Rand, Randn). PyTorch: torch.manual_seed.</summary>
    public static void ManualSeed(long seed) => Generator.Default.Seed(seed);

    /// <summary>
    /// The default generator's state as a UInt8 tensor (Sharpgrad's generator: 32 bytes), to restore with
    /// <see cref="SetRngState"/>. PyTorch: torch.get_rng_state.
    /// </summary>
    public static Tensor GetRngState()
    {
        var words = Generator.Default.GetState();
        var bytes = new byte[words.Length * sizeof(ulong)];
        for (int i = 0; i < words.Length; i++) System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(i * 8), words[i]);
        return FromArray(bytes);
    }

    /// <summary>Restores the default generator to a state from <see cref="GetRngState"/>. PyTorch: torch.set_rng_state.</summary>
    public static void SetRngState(Tensor state)
    {
        ArgumentNullException.ThrowIfNull(state);
        state.ThrowIfDisposed();
        if (state.DType != DType.UInt8 || state.Numel != 32)
            throw new ArgumentException($"set_rng_state: expected a UInt8 tensor of 32 bytes from GetRngState, got {Errors.Pretty(state.DType)} with {state.Numel} elements");
        var bytes = state.ToArray<byte>();
        var words = new ulong[4];
        for (int i = 0; i < 4; i++) words[i] = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(i * 8));
        Generator.Default.SetState(words);
    }

    private static int[] CheckShape(int[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        Layout.NumElements(shape);
        return (int[])shape.Clone();
    }

    private static Tensor Finish(Tensor t, bool requiresGrad)
    {
        if (requiresGrad && !t.DType.IsFloatingPoint()) throw new InvalidOperationException("Only Tensors of floating point and complex dtype can require gradients");
        if (requiresGrad) t.RequiresGrad_(true);
        return t;
    }

    /// <summary>Uninitialized tensor. PyTorch: torch.empty.</summary>
    public static Tensor Empty(int[] shape, DType dtype = DType.Float32, bool requiresGrad = false) =>
        Finish(Empty(dtype, CheckShape(shape)), requiresGrad);

    /// <summary>Tensor of zeros. PyTorch: torch.zeros.</summary>
    public static Tensor Zeros(int[] shape, DType dtype = DType.Float32, bool requiresGrad = false) =>
        Finish(Empty(dtype, CheckShape(shape), clear: true), requiresGrad);

    /// <summary>Tensor of ones. PyTorch: torch.ones.</summary>
    public static Tensor Ones(int[] shape, DType dtype = DType.Float32, bool requiresGrad = false) =>
        Full(shape, 1.0, dtype, requiresGrad);

    /// <summary>Tensor filled with <paramref name="value"/>. PyTorch: torch.full.</summary>
    public static Tensor Full(int[] shape, double value, DType dtype = DType.Float32, bool requiresGrad = false)
    {
        Errors.CheckScalarFits(dtype, value);
        var t = Empty(dtype, CheckShape(shape));
        Dispatch.Fill(t.Strided, value);
        return Finish(t, requiresGrad);
    }

    /// <summary>Standard normal samples. PyTorch: torch.randn.</summary>
    public static Tensor Randn(int[] shape, DType dtype = DType.Float32, bool requiresGrad = false)
    {
        var t = Empty(dtype, CheckShape(shape));
        t.FillRandom(normal: true, 0, 1);
        return Finish(t, requiresGrad);
    }

    /// <summary>Uniform samples in [0, 1). PyTorch: torch.rand.</summary>
    public static Tensor Rand(int[] shape, DType dtype = DType.Float32, bool requiresGrad = false)
    {
        var t = Empty(dtype, CheckShape(shape));
        t.FillRandom(normal: false, 0, 1);
        return Finish(t, requiresGrad);
    }

    /// <summary>Uniform integers in [low, high), Int64 unless <paramref name="dtype"/> says otherwise. PyTorch: torch.randint.</summary>
    public static Tensor RandInt(long low, long high, int[] shape, DType dtype = DType.Int64)
    {
        if (high <= low) throw new ArgumentException($"random_ expects 'from' to be less than 'to', but got from={low} >= to={high}");
        if (dtype.IsIntegral())
        {
            // ATen's check_from_to_in_range: both ends of [low, high - 1] must be values of the dtype
            var (min, max) = dtype.IntegerRange();
            if (low < min || low > max) throw new ArgumentException($"from is out of bounds for {Errors.TypeMetaName(dtype)}");
            if (high - 1 < min || high - 1 > max) throw new ArgumentException($"to - 1 is out of bounds for {Errors.TypeMetaName(dtype)}");
        }
        var t = Empty(DType.Int64, CheckShape(shape));
        Generator.Default.FillIntegers(t.Elements<long>().AsSpan(0, t.Numel), low, high);
        if (dtype == DType.Int64) return t;
        using (t) return t.To(dtype);
    }

    /// <summary>A random permutation of 0..n-1, Int64 unless <paramref name="dtype"/> says otherwise. PyTorch: torch.randperm.</summary>
    public static Tensor RandPerm(int n, DType dtype = DType.Int64)
    {
        if (n < 0) throw new ArgumentException($"n must be non-negative, got{n}");
        if (n > 0 && dtype.IsIntegral()) Errors.CheckScalarFits(dtype, n - 1); // the largest value must be one of the dtype's
        var values = new long[n];
        for (int i = 0; i < n; i++) values[i] = i;
        var u = new double[n];
        Generator.Default.FillUniform(u, 0, 1);
        for (int i = n - 1; i > 0; i--)
        {
            int j = (int)(u[i] * (i + 1));
            (values[i], values[j]) = (values[j], values[i]);
        }
        var perm = FromArray(values);
        if (dtype == DType.Int64) return perm;
        using (perm) return perm.To(dtype);
    }

    internal void FillRandom(bool normal, double a, double b)
    {
        if (!DType.IsFloatingPoint()) throw Errors.UnsupportedDType(normal ? "normal_kernel_cpu" : "uniform_kernel_cpu", DType);
        int n = Numel;
        // Drawn in chunks, so a large initialization leaves no tensor-sized temporary behind.
        const int Chunk = 4096;
        var tmp = new double[Math.Min(n, Chunk)];
        var contiguous = IsContiguous ? this : null;
        var target = contiguous ?? Empty(DType, Sizes);
        for (int start = 0; start < n; start += Chunk)
        {
            int len = Math.Min(Chunk, n - start);
            var span = tmp.AsSpan(0, len);
            if (normal) Generator.Default.FillNormal(span, a, b);
            else
            {
                Generator.Default.FillUniform(span, a, b);
                if (DType == DType.Float32)
                {
                    // a double just below `to` can round up to it in float; keep the interval half-open
                    float top = (float)b;
                    for (int i = 0; i < len; i++)
                        if ((float)span[i] >= top && top > (float)a) span[i] = MathF.BitDecrement(top);
                }
            }
            var src = new StridedArray(tmp, DType.Float64, [len], [1], 0);
            Dispatch.Copy(src, new StridedArray(target.Buffer, DType, [len], [1], target.Offset + start));
        }
        if (contiguous is null)
        {
            Dispatch.Copy(target.Strided, Strided);
            target.Dispose();
        }
    }

    /// <summary>
    /// Values start, start+step, ... below end, Float32 unless <paramref name="dtype"/> says otherwise
    /// (a floating argument makes PyTorch's arange floating). PyTorch: torch.arange.
    /// </summary>
    public static Tensor Arange(double start, double end, double step = 1, DType? dtype = null, bool requiresGrad = false) =>
        ArangeCore(start, end, step, dtype ?? DType.Float32, requiresGrad);

    /// <summary>Integers start, start+step, ... below end, Int64 unless <paramref name="dtype"/> says otherwise. PyTorch: torch.arange.</summary>
    public static Tensor Arange(long start, long end, long step = 1, DType? dtype = null) =>
        ArangeCore(start, end, step, dtype ?? DType.Int64, false);

    /// <summary>
    /// Integers start, start+step, ... below end (Int64 unless <paramref name="dtype"/> says otherwise). Exists so that
    /// int arguments bind here: without it a literal 0 as the second argument would convert to a DType.
    /// </summary>
    public static Tensor Arange(int start, int end, int step = 1, DType? dtype = null) =>
        ArangeCore(start, end, step, dtype ?? DType.Int64, false);

    /// <summary>0, 1, ..., end-1, Int64 unless <paramref name="dtype"/> says otherwise. PyTorch: torch.arange(end).</summary>
    public static Tensor Arange(long end, DType? dtype = null) => ArangeCore(0, end, 1, dtype ?? DType.Int64, false);

    private static Tensor ArangeCore(double start, double end, double step, DType dtype, bool requiresGrad)
    {
        if (step == 0) throw new ArgumentException("step must be nonzero");
        if ((step > 0 && end < start) || (step < 0 && end > start))
            throw new ArgumentException("upper bound and larger bound inconsistent with step sign");
        double count = Math.Ceiling((end - start) / step);
        if (count > Array.MaxLength) throw new ArgumentException($"arange: {count} elements is too many");
        var values = new double[(int)count];
        for (int i = 0; i < values.Length; i++) values[i] = start + i * step;
        var t = Empty(dtype, [values.Length]);
        Dispatch.Copy(new StridedArray(values, DType.Float64, t.Sizes, t.Strides, 0), t.Strided);
        return Finish(t, requiresGrad);
    }

    /// <summary>n evenly spaced values from start to end inclusive. PyTorch: torch.linspace.</summary>
    public static Tensor Linspace(double start, double end, int steps, DType dtype = DType.Float32)
    {
        if (steps < 0) throw new ArgumentException("number of steps must be non-negative");
        if (dtype.IsIntegral())
        {
            // the ends are converted to the dtype first, checked as c10 converts (uint8 wraps -1 to 255)
            Errors.CheckScalarFits(dtype, start);
            Errors.CheckScalarFits(dtype, end);
            if (dtype == DType.UInt8) (start, end) = (unchecked((byte)(long)start), unchecked((byte)(long)end));
        }
        var values = new double[steps];
        for (int i = 0; i < steps; i++) values[i] = steps == 1 ? start : start + (end - start) * i / (steps - 1);
        return FromArray(values).To(dtype);
    }

    /// <summary>Identity matrix. PyTorch: torch.eye.</summary>
    public static Tensor Eye(int n, DType dtype = DType.Float32)
    {
        var t = Zeros([n, n], dtype);
        for (int i = 0; i < n; i++) Dispatch.Fill(new StridedArray(t.Buffer, dtype, [1], [1], i * n + i), 1);
        return t;
    }

    /// <summary>0-dim tensor holding <paramref name="value"/>. PyTorch: torch.tensor(value).</summary>
    public static Tensor Scalar(double value, DType dtype = DType.Float32, bool requiresGrad = false) =>
        Full([], value, dtype, requiresGrad);

    /// <summary>Zeros with the shape and dtype of <paramref name="t"/>. PyTorch: torch.zeros_like.</summary>
    public static Tensor ZerosLike(Tensor t, DType? dtype = null, bool requiresGrad = false) => Zeros(t.Sizes, dtype ?? t.DType, requiresGrad);

    /// <summary>Ones with the shape and dtype of <paramref name="t"/>. PyTorch: torch.ones_like.</summary>
    public static Tensor OnesLike(Tensor t, DType? dtype = null, bool requiresGrad = false) => Ones(t.Sizes, dtype ?? t.DType, requiresGrad);

    /// <summary>Normal samples with the shape and dtype of <paramref name="t"/>. PyTorch: torch.randn_like.</summary>
    public static Tensor RandnLike(Tensor t, DType? dtype = null, bool requiresGrad = false) => Randn(t.Sizes, dtype ?? t.DType, requiresGrad);

    /// <summary>Uniform samples with the shape and dtype of <paramref name="t"/>. PyTorch: torch.rand_like.</summary>
    public static Tensor RandLike(Tensor t, DType? dtype = null, bool requiresGrad = false) => Rand(t.Sizes, dtype ?? t.DType, requiresGrad);

    /// <summary>Tensor filled with <paramref name="value"/>, shaped like <paramref name="t"/>. PyTorch: torch.full_like.</summary>
    public static Tensor FullLike(Tensor t, double value, DType? dtype = null) => Full(t.Sizes, value, dtype ?? t.DType);

    /// <summary>Float32 tensor copied from <paramref name="data"/> (shape null = 1-D).</summary>
    public static Tensor FromArray(float[] data, int[]? shape = null, bool requiresGrad = false) => Finish(FromSpan<float>(data, shape ?? [data.Length]), requiresGrad);

    /// <summary>Float64 tensor copied from <paramref name="data"/> (shape null = 1-D).</summary>
    public static Tensor FromArray(double[] data, int[]? shape = null, bool requiresGrad = false) => Finish(FromSpan<double>(data, shape ?? [data.Length]), requiresGrad);

    /// <summary>Int64 tensor copied from <paramref name="data"/> (shape null = 1-D).</summary>
    public static Tensor FromArray(long[] data, int[]? shape = null, bool requiresGrad = false) => Finish(FromSpan<long>(data, shape ?? [data.Length]), requiresGrad);

    /// <summary>Int32 tensor copied from <paramref name="data"/> (shape null = 1-D), as TorchSharp's torch.tensor(int[]) gives.</summary>
    public static Tensor FromArray(int[] data, int[]? shape = null, bool requiresGrad = false) => Finish(FromSpan<int>(data, shape ?? [data.Length]), requiresGrad);

    /// <summary>UInt8 tensor copied from <paramref name="data"/> (shape null = 1-D), as torch.tensor(..., dtype=torch.uint8).</summary>
    public static Tensor FromArray(byte[] data, int[]? shape = null, bool requiresGrad = false) => Finish(FromSpan<byte>(data, shape ?? [data.Length]), requiresGrad);

    /// <summary>Int8 tensor copied from <paramref name="data"/> (shape null = 1-D), as torch.tensor(..., dtype=torch.int8).</summary>
    public static Tensor FromArray(sbyte[] data, int[]? shape = null, bool requiresGrad = false) => Finish(FromSpan<sbyte>(data, shape ?? [data.Length]), requiresGrad);

    /// <summary>Int16 tensor copied from <paramref name="data"/> (shape null = 1-D), as torch.tensor(..., dtype=torch.int16).</summary>
    public static Tensor FromArray(short[] data, int[]? shape = null, bool requiresGrad = false) => Finish(FromSpan<short>(data, shape ?? [data.Length]), requiresGrad);

    /// <summary>Bool tensor copied from <paramref name="data"/> (shape null = 1-D).</summary>
    public static Tensor FromArray(bool[] data, int[]? shape = null, bool requiresGrad = false) => Finish(FromSpan<bool>(data, shape ?? [data.Length]), requiresGrad);

    /// <summary>Tensor copied from a span of float, double, long, int, short, sbyte, byte or bool.</summary>
    public static Tensor FromSpan<T>(ReadOnlySpan<T> data, int[] shape)
    {
        var dtype = DTypeExtensions.Of<T>();
        var s = CheckShape(shape);
        int n = Layout.NumElements(s);
        if (n != data.Length) throw Errors.ShapeInvalidForSize(s, data.Length);
        var t = Empty(dtype, s);
        data.CopyTo(t.Elements<T>());
        return t;
    }

    /// <summary>
    /// Wraps <paramref name="data"/> without copying: writes through the tensor are seen in the
    /// array and vice versa. The array is never returned to the pool. PyTorch: torch.from_numpy.
    /// </summary>
    public static Tensor Wrap<T>(T[] data, int[]? shape = null)
    {
        var dtype = DTypeExtensions.Of<T>();
        var s = shape is null ? [data.Length] : CheckShape(shape);
        int n = Layout.NumElements(s);
        if (n != data.Length) throw Errors.ShapeInvalidForSize(s, data.Length);
        return new Tensor(new Storage(data, dtype), s, Layout.ContiguousStrides(s), 0, GradMode.Current.Inference);
    }
}
