namespace Sharpgrad;

/// <summary>
/// Every PyTorch message text in one place, one builder per message, so wording stays
/// word-for-word PyTorch's (users search for it) and each call site stays one line.
/// </summary>
internal static class Errors
{
    public static string Shape(ReadOnlySpan<int> shape) => "[" + string.Join(", ", shape.ToArray()) + "]";
    public static string Size(ReadOnlySpan<int> shape) => "torch.Size(" + Shape(shape) + ")";

    // ---- argument errors (PyTorch RuntimeError/ValueError about bad arguments) ----
    public static ArgumentException BroadcastMismatch(int sizeA, int sizeB, int dim) =>
        new($"The size of tensor a ({sizeA}) must match the size of tensor b ({sizeB}) at non-singleton dimension {dim}");

    public static ArgumentOutOfRangeException DimOutOfRange(int dim, int ndim)
    {
        int n = Math.Max(ndim, 1);
        return new("dim", $"Dimension out of range (expected to be in range of [{-n}, {n - 1}], but got {dim})");
    }

    public static ArgumentOutOfRangeException IndexOutOfBounds(long index, int dim, int size) =>
        new("index", $"index {index} is out of bounds for dimension {dim} with size {size}");

    public static ArgumentException NegativeDimension(ReadOnlySpan<int> shape)
    {
        int bad = 0;
        foreach (int s in shape) if (s < 0) { bad = s; break; }
        return new($"Trying to create tensor with negative dimension {bad}: {Shape(shape)}");
    }

    public static ArgumentException SizeOverflow(ReadOnlySpan<int> shape) =>
        new($"numel: integer multiplication overflow for shape {Shape(shape)} (Sharpgrad tensors hold at most {int.MaxValue} elements)");

    public static ArgumentException ViewNotCompatible() =>
        new("view size is not compatible with input tensor's size and stride (at least one dimension spans across two contiguous subspaces). Use .reshape(...) instead.");

    public static ArgumentException ShapeInvalidForSize(ReadOnlySpan<int> shape, long numel) =>
        new($"shape '{Shape(shape)}' is invalid for input of size {numel}");

    public static ArgumentException OnlyOneInferred() => new("only one dimension can be inferred");

    public static ArgumentException InvalidShapeDimension(int dim, int size) =>
        new($"invalid shape dimension {size} at index {dim} of shape");

    public static ArgumentException ExpandMismatch(int target, int existing, int dim, ReadOnlySpan<int> targetShape, ReadOnlySpan<int> shape) =>
        new($"The expanded size of the tensor ({target}) must match the existing size ({existing}) at non-singleton dimension {dim}.  Target sizes: {Shape(targetShape)}.  Tensor sizes: {Shape(shape)}");

    public static ArgumentException ExpandTooFewDims(DType dtype, ReadOnlySpan<int> shape, ReadOnlySpan<int> sizes) =>
        new($"expand({dtype.LegacyTensorTypeName()}{{{Shape(shape)}}}, size={Shape(sizes)}): the number of sizes provided ({sizes.Length}) must be greater or equal to the number of dimensions in the tensor ({shape.Length})");

    public static ArgumentException MatmulShapes(ReadOnlySpan<int> a, ReadOnlySpan<int> b) =>
        new($"mat1 and mat2 shapes cannot be multiplied ({a[0]}x{a[1]} and {b[0]}x{b[1]})");

    public static ArgumentException DotSizeMismatch(int a, int b) =>
        new($"inconsistent tensor size, expected tensor [{a}] and src [{b}] to have the same number of elements, but got {a} and {b} elements respectively");

    public static ArgumentException SizeMismatchMv(ReadOnlySpan<int> a, int b) =>
        new($"size mismatch, got input ({a[0]}), mat ({a[0]}x{a[1]}), vec ({b})");

    public static ArgumentException UnsupportedDType(string op, DType dtype) =>
        new($"\"{op}\" not implemented for '{Pretty(dtype)}'");

    /// <summary>The dtype as PyTorch prints a caffe2::TypeMeta (tensor.dtype() streamed into a message): "long int", "float".</summary>
    public static string TypeMetaName(DType dtype) => dtype switch
    {
        DType.Float32 => "float",
        DType.Float64 => "double",
        DType.Int64 => "long int",
        DType.Int32 => "int",
        DType.UInt8 => "unsigned char",
        DType.Int8 => "signed char",
        DType.Int16 => "short int",
        _ => "bool",
    };

    /// <summary>
    /// c10's checked scalar conversion, which full and fill_ use: a value outside the dtype's range (NaN for integers;
    /// for uint8 down to −255, which wraps) throws "value cannot be converted to type … without overflow".
    /// </summary>
    public static void CheckScalarFits(DType dtype, double value)
    {
        bool overflows = dtype switch
        {
            DType.Int64 => double.IsNaN(value) || value >= 9.2233720368547758E+18 || value < -9.2233720368547758E+18,
            DType.UInt8 => double.IsNaN(value) || value > byte.MaxValue || -value > byte.MaxValue,
            DType.Int32 or DType.Int16 or DType.Int8 => double.IsNaN(value) || value > dtype.IntegerRange().Max || value < dtype.IntegerRange().Min,
            DType.Float32 => double.IsFinite(value) && Math.Abs(value) > float.MaxValue,
            _ => false,
        };
        if (!overflows) return;
        string name = dtype switch { DType.Int64 => "int64_t", DType.Int32 => "int", DType.UInt8 => "uint8_t", DType.Int16 => "int16_t", DType.Int8 => "int8_t", _ => "float" };
        throw new ArgumentException($"value cannot be converted to type {name} without overflow");
    }

    public static string Pretty(DType dtype) => dtype switch
    {
        DType.Float32 => "Float",
        DType.Float64 => "Double",
        DType.Int64 => "Long",
        DType.Int32 => "Int",
        DType.UInt8 => "Byte",
        DType.Int8 => "Char",
        DType.Int16 => "Short",
        _ => "Bool",
    };

    /// <summary>The lower-case scalar-type name some of PyTorch's messages print ("float", "long").</summary>
    public static string PrettyLower(DType dtype) => Pretty(dtype).ToLowerInvariant();

    public static ArgumentException CatShapes(int expectedSize, int size, int dim, int tensorIndex) =>
        new($"Sizes of tensors must match except in dimension {dim}. Expected size {expectedSize} but got size {size} for tensor number {tensorIndex} in the list.");

    public static ArgumentException StackShapes(int index, ReadOnlySpan<int> expected, ReadOnlySpan<int> got) =>
        new($"stack expects each tensor to be equal size, but got {Shape(expected)} at entry 0 and {Shape(got)} at entry {index}");

    public static ArgumentException RepeatedDim() => new("permute(): duplicate dims are not allowed.");

    public static ArgumentException PermuteCount(int given, int ndim) =>
        new($"permute(sparse_coo): number of dimensions in the tensor input does not match the length of the desired ordering of dimensions i.e. input.dim() = {ndim} is not equal to len(dims) = {given}");

    public static ArgumentOutOfRangeException NarrowRange(long start, long length, int size) =>
        new("start", $"start ({start}) + length ({length}) exceeds dimension size ({size}).");

    // ---- autograd errors (PyTorch RuntimeError) ----
    public const string NoGradFn = "element 0 of tensors does not require grad and does not have a grad_fn";
    public const string ImplicitScalar = "grad can be implicitly created only for scalar outputs";
    public const string BackwardTwice =
        "Trying to backward through the graph a second time (or directly access saved tensors after they have already been freed). " +
        "Saved intermediate values of the graph are freed when you call .backward() or autograd.grad(). Specify retain_graph=True if you " +
        "need to backward through the graph a second time or if you need to access saved tensors after calling backward.";
    public const string PackHookInPlace =
        "A saved tensor pack hook is modifying its input in place. Tensors provided as input to pack hook can not be modified by in-place operations as this can lead to unexpected side-effects. Please open an issue if you need to perform in-place operations on the input to a pack hook.";
    public const string LeafInPlace = "a leaf Variable that requires grad is being used in an in-place operation.";
    public const string ViewOfLeafInPlace = "a view of a leaf Variable that requires grad is being used in an in-place operation.";
    public const string NonLeafRequiresGrad =
        "you can only change requires_grad flags of leaf variables. If you want to use a computed variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach().";
    public const string NonLeafRequiresGradTrue = "you can only change requires_grad flags of leaf variables.";
    public const string OnlyFloatGrad = "only Tensors of floating point and complex dtype can require gradients";
    public const string InferenceVersion = "Inference tensors do not track version counter.";
    public const string InferenceRequiresGrad = "Setting requires_grad=True on inference tensor outside InferenceMode is not allowed.";
    public const string InferenceSaved =
        "Inference tensors cannot be saved for backward. To work around you can make a clone to get a normal tensor and use it in autograd.";
    public const string InferenceInPlace =
        "Inplace update to inference tensor outside InferenceMode is not allowed.You can make a clone to get a normal tensor before doing inplace update.See https://github.com/pytorch/rfcs/pull/17 for more details.";
    public const string UnusedInput =
        "One of the differentiated Tensors appears to not have been used in the graph. Set allow_unused=True if this is the desired behavior.";
    public const string InputNotRequiringGrad = "One of the differentiated Tensors does not require grad";
    public const string NoGradViewInPlace =
        "A view was created in no_grad mode and is being modified inplace with grad mode enabled. Given that this use case is ambiguous and error-prone, it is forbidden. " +
        "You can clarify your code by moving both the view and the inplace either both inside the no_grad block (if you don't want the inplace to be tracked) or both outside (if you want the inplace to be tracked).";
    public const string InferenceViewInPlace =
        "A view was created in inference mode and is being modified inplace in normal mode. Given that this use case is ambiguous and error-prone, it is forbidden. " +
        "You can clarify your code by moving both the view and the inplace either both inside the inference_mode block (if you don't want the inplace to be tracked) or both outside (if you want the inplace to be tracked).";

    public static string MultiOutputViewInPlace(string nodeName, int outputNr) =>
        $"Output {outputNr} of {nodeName} is a view and is being modified inplace. This view is the output of a function that returns multiple views. " +
        "Such functions do not allow the output views to be modified inplace. You should replace the inplace operation by an out-of-place one.";

    /// <summary>The saved-tensor version check; <paramref name="producer"/> is "output N of XBackward0" or null for a leaf.</summary>
    public static string VersionMismatch(DType dtype, ReadOnlySpan<int> shape, string? producer, long current, long expected) =>
        $"one of the variables needed for gradient computation has been modified by an inplace operation: [{dtype.LegacyTensorTypeName()} {Shape(shape)}]" +
        (producer is null ? "" : $", which is {producer},") +
        $" is at version {current}; expected version {expected} instead. " + (AnomalyMode.Enabled
            ? "Hint: the backtrace further above shows the operation that failed to compute its gradient. The variable in question was changed in there or anywhere later. Good luck!"
            : "Hint: enable anomaly detection to find the operation that failed to compute its gradient, with torch.autograd.set_detect_anomaly(True).");

    public static string GradShapeMismatch(int index, ReadOnlySpan<int> grad, ReadOnlySpan<int> output) =>
        $"Mismatch in shape: grad_output[{index}] has a shape of {Size(grad)} and output[{index}] has a shape of {Size(output)}.";

    public static InvalidOperationException Runtime(string message) => new(message);
}
