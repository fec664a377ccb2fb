namespace Sharpgrad.Ops;

/// <summary>
/// Fractional max pooling (Graham, 2014): windows of a fixed size whose starts follow a pseudo-random increasing sequence
/// with gaps of ⌊α⌋ or ⌈α⌉, α = (input − window) / (output − 1), drawn from one uniform sample per plane and spatial dim
/// (given, or from the generator). The sequence is ATen's generate_intervals in the input's dtype, so given samples give
/// PyTorch's windows exactly.
/// </summary>
internal static class FractionalMaxPoolOps
{
    /// <param name="x">[N, C, *spatial] or [C, *spatial], two or three spatial dims.</param>
    /// <param name="kernel">Window size per spatial dim.</param>
    /// <param name="outputSize">Output size per spatial dim.</param>
    /// <param name="samples">[N, C, dims] uniform samples in [0, 1), or null to draw them.</param>
    public static (Tensor Values, Tensor Indices) Pool(Tensor x, int[] kernel, int[] outputSize, Tensor? samples)
    {
        x.ThrowIfDisposed();
        int dims = kernel.Length;
        string name = dims == 2 ? "fractional_max_pool2d" : "fractional_max_pool3d";
        if (x.Dim != dims + 1 && x.Dim != dims + 2)
            throw new ArgumentException($"{name}(): Expected {dims + 1}D or {dims + 2}D tensor, but got: {Errors.Shape(x.Sizes)}");
        if (!x.DType.IsFloatingPoint()) throw Errors.UnsupportedDType(name, x.DType);
        bool batched = x.Dim == dims + 2;
        int batch = batched ? x.Sizes[0] : 1, channels = x.Sizes[batched ? 1 : 0];
        var input = x.Sizes[^dims..];
        string[] axis = dims == 2 ? ["height", "width"] : ["time", "height", "width"];
        for (int d = 0; d < dims; d++)
            if (outputSize[d] + kernel[d] - 1 > input[d])
                throw new ArgumentException($"{(dims == 2 ? name : name + "_out")}(): pool {axis[d]} {kernel[d]} too large relative to input {axis[d]} {input[d]}");
        double[] u;
        if (samples is null)
        {
            u = new double[batch * channels * dims];
            Kernels.Cpu.Generator.Default.FillUniform(u, 0, 1);
        }
        else
        {
            samples.ThrowIfDisposed();
            if (samples.Dim != 3 || samples.Sizes[0] != batch || samples.Sizes[2] != dims)
                throw new ArgumentException($"Expect _random_samples to be of shape [{batch}, {channels}, {dims}], but got {Errors.Shape(samples.Sizes)}");
            if (samples.Sizes[1] != channels) throw new ArgumentException("Expect _random_samples.size(1) equals to input channel size.");
            using (Autograd.NoGrad()) u = samples.Contiguous().ToArray<double>();
        }
        int planes = batch * channels, plane = 1, outPlane = 1;
        for (int d = 0; d < dims; d++) (plane, outPlane) = (plane * input[d], outPlane * outputSize[d]);
        double[] values;
        using (Autograd.NoGrad()) values = x.Contiguous().ToArray<double>();
        var indices = new long[planes * outPlane];
        bool single = x.DType == DType.Float32;
        for (int p = 0; p < planes; p++)
        {
            // ATen pairs the samples with the spatial dims this way: (w, h) in 2-D, (t, h, w) in 3-D
            var starts = new int[dims][];
            for (int d = 0; d < dims; d++)
            {
                int sampleSlot = dims == 2 ? 1 - d : d;
                starts[d] = Intervals(u[p * dims + sampleSlot], input[d], outputSize[d], kernel[d], single);
            }
            WindowMaxima(values, p * plane, input, kernel, outputSize, starts, indices, p * outPlane);
        }
        var outShape = (int[])x.Sizes.Clone();
        for (int d = 0; d < dims; d++) outShape[x.Dim - dims + d] = outputSize[d];
        var idx = Tensor.FromArray(indices, outShape);
        Tensor y;
        using (Autograd.NoGrad())
        using (Tensor.NewScope())
            y = x.Reshape(planes, plane).Gather(1, idx.Reshape(planes, outPlane)).Reshape(outShape).MoveToOuterScope();
        if (Record.ShouldRecord(x))
        {
            var node = Record.Connect(new FractionalMaxPoolBackward(dims == 2 ? "FractionalMaxPool2DBackward0" : "FractionalMaxPool3DBackward0", x.Sizes, planes, plane, outPlane), x);
            node.Index = SavedTensor.Input(idx);
            Record.SetHistory(y, node);
        }
        return (y, idx);
    }

    /// <summary>ATen's generate_intervals: ⌊(i + u)·α⌋ − ⌊u·α⌋ for all but the last window, which ends at the input's end.</summary>
    private static int[] Intervals(double sample, int inputSize, int outputSize, int poolSize, bool single)
    {
        var sequence = new int[outputSize];
        if (outputSize > 1)
        {
            if (single)
            {
                float s = (float)sample, alpha = (float)(inputSize - poolSize) / (outputSize - 1);
                for (int i = 0; i < outputSize - 1; i++) sequence[i] = (int)((i + s) * alpha) - (int)(s * alpha);
            }
            else
            {
                double alpha = (double)(inputSize - poolSize) / (outputSize - 1);
                for (int i = 0; i < outputSize - 1; i++) sequence[i] = (int)((i + sample) * alpha) - (int)(sample * alpha);
            }
        }
        if (outputSize > 0) sequence[outputSize - 1] = inputSize - poolSize;
        return sequence;
    }

    /// <summary>For each output position, the first largest element of its window (NaN wins), as an in-plane flat index.</summary>
    private static void WindowMaxima(double[] values, int planeOffset, int[] input, int[] kernel, int[] output, int[][] starts, long[] indices, int outOffset)
    {
        int dims = input.Length;
        var o = new int[dims];
        for (int k = 0; ; k++)
        {
            long bestIndex = 0;
            for (int d = 0; d < dims; d++) bestIndex = bestIndex * input[d] + starts[d][o[d]];
            double best = double.NegativeInfinity;
            var w = new int[dims];
            while (true)
            {
                long at = 0;
                for (int d = 0; d < dims; d++) at = at * input[d] + starts[d][o[d]] + w[d];
                double v = values[planeOffset + at];
                if (v > best || double.IsNaN(v)) (best, bestIndex) = (v, at);
                int e = dims - 1;
                while (e >= 0 && ++w[e] >= kernel[e]) w[e--] = 0;
                if (e < 0) break;
            }
            indices[outOffset + k] = bestIndex;
            int f = dims - 1;
            while (f >= 0 && ++o[f] >= output[f]) o[f--] = 0;
            if (f < 0) break;
        }
    }
}

/// <summary>fractional_max_pool2d/3d: the gradient added back at each maximum's position.</summary>
internal sealed class FractionalMaxPoolBackward(string name, int[] inputSizes, int planes, int plane, int outPlane) : IndexNode
{
    public override string Name => name;
    internal override Tensor?[] Apply(Tensor grad) =>
        [Tensor.Zeros([planes, plane], grad.DType).ScatterAdd(1, Index!.Unpack().Reshape(planes, outPlane), grad.Reshape(planes, outPlane)).Reshape(inputSizes)];
}
