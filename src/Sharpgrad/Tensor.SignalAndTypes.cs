using Sharpgrad.Ops;
using Sharpgrad.Shapes;

namespace Sharpgrad;

// torch's free functions for membership, dtype questions, numerical gradients and signal windows.
public sealed partial class Tensor
{
    /// <summary>Whether each element is among <paramref name="testElements"/> (compared in the promoted dtype; NaN is never found). PyTorch: torch.isin.</summary>
    public static Tensor IsIn(Tensor elements, Tensor testElements, bool invert = false) => IsInOps.IsIn(elements, testElements, invert);
    /// <summary>torch.isin with a single test number.</summary>
    public static Tensor IsIn(Tensor elements, double testElement, bool invert = false) =>
        IsInOps.IsIn(elements, Scalar(testElement, TypePromotion.WithScalar(elements.DType, testElement)), invert);
    /// <summary>torch.isin of a single number: a 0-dim Bool.</summary>
    public static Tensor IsIn(double element, Tensor testElements, bool invert = false) =>
        IsInOps.IsIn(Scalar(element, TypePromotion.WithScalar(testElements.DType, element)), testElements, invert);

    /// <summary>The dtype an arithmetic op of <paramref name="a"/> and <paramref name="b"/> gives (0-dim tensors only win across categories). PyTorch: torch.result_type.</summary>
    public static DType ResultType(Tensor a, Tensor b) => TypePromotion.Result(a, b);
    /// <summary>The dtype an arithmetic op of <paramref name="a"/> and a Python number gives. PyTorch: torch.result_type(tensor, scalar).</summary>
    public static DType ResultType(Tensor a, double b) => TypePromotion.WithScalar(a.DType, b);
    /// <summary>The smallest dtype both convert to without losing category. PyTorch: torch.promote_types.</summary>
    public static DType PromoteTypes(DType a, DType b) => TypePromotion.Promote(a, b);
    /// <summary>
    /// Whether PyTorch's casting rules let an op write a <paramref name="from"/> result into a <paramref name="to"/> tensor:
    /// never floating to integral or anything but bool to bool. PyTorch: torch.can_cast.
    /// </summary>
    public static bool CanCast(DType from, DType to) =>
        !(from.IsFloatingPoint() && !to.IsFloatingPoint()) && !(from != DType.Bool && to == DType.Bool);

    /// <summary>
    /// The numerical derivative of f along each of <paramref name="dims"/> (all when null): central differences inside,
    /// one-sided differences of order <paramref name="edgeOrder"/> at the ends, with unit spacing or
    /// <paramref name="spacing"/> (one for every dim, or one per dim). PyTorch: torch.gradient.
    /// </summary>
    public static Tensor[] Gradient(Tensor f, double[]? spacing = null, int[]? dims = null, int edgeOrder = 1) =>
        GradientOps.Gradient(f, spacing, null, dims, edgeOrder);
    /// <summary>torch.gradient with the sample coordinates along each dim (one 1-D tensor for every dim, or one per dim).</summary>
    public static Tensor[] Gradient(Tensor f, Tensor[] coordinates, int[]? dims = null, int edgeOrder = 1) =>
        GradientOps.Gradient(f, null, coordinates, dims, edgeOrder);

    /// <summary>The Hann window, 0.5 − 0.5·cos(2πk/(N−1)); periodic drops the last point of length N + 1. PyTorch: torch.hann_window.</summary>
    public static Tensor HannWindow(long windowLength, bool periodic = true, DType dtype = DType.Float32) =>
        WindowOps.Hamming("hann_window", windowLength, periodic, 0.5, 0.5, dtype);
    /// <summary>The generalized Hamming window, α − β·cos(2πk/(N−1)). PyTorch: torch.hamming_window.</summary>
    public static Tensor HammingWindow(long windowLength, bool periodic = true, double alpha = 0.54, double beta = 0.46, DType dtype = DType.Float32) =>
        WindowOps.Hamming("hamming_window", windowLength, periodic, alpha, beta, dtype);
    /// <summary>The Blackman window, 0.42 − 0.5·cos(2πk/(N−1)) + 0.08·cos(4πk/(N−1)). PyTorch: torch.blackman_window.</summary>
    public static Tensor BlackmanWindow(long windowLength, bool periodic = true, DType dtype = DType.Float32) =>
        WindowOps.Blackman(windowLength, periodic, dtype);
    /// <summary>The Kaiser window, I0(β·√(1 − ((k − α)/α)²)) / I0(β) with α = (N − 1)/2. PyTorch: torch.kaiser_window.</summary>
    public static Tensor KaiserWindow(long windowLength, bool periodic = true, double beta = 12.0, DType dtype = DType.Float32) =>
        WindowOps.Kaiser(windowLength, periodic, beta, dtype);

    /// <summary>The triangular Bartlett window, 1 − |2k/(N−1) − 1|. PyTorch: torch.bartlett_window.</summary>
    public static Tensor BartlettWindow(long windowLength, bool periodic = true, DType dtype = DType.Float32) =>
        WindowOps.Bartlett(windowLength, periodic, dtype);
}
