namespace Sharpgrad.Ops;

/// <summary>
/// A node whose inputs all get zero gradients, under the name PyTorch gives it: piecewise-constant results (div with a
/// rounding mode, in-place comparisons) and samplers (normal, poisson).
/// </summary>
internal sealed class ZeroGradients(string name, Tensor[] inputs) : Node
{
    private readonly (int[] Sizes, DType DType)[] _inputs = Array.ConvertAll(inputs, t => (t.Sizes, t.DType));

    public override string Name => name;

    internal override Tensor?[] Apply(Tensor grad) =>
        Array.ConvertAll(_inputs, i => (Tensor?)Tensor.Zeros(i.Sizes, i.DType.IsFloatingPoint() ? i.DType : grad.DType));
}
