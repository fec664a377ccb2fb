namespace Sharpgrad;

public sealed partial class Tensor
{
    /// <summary>PyTorch's printed form, e.g. <c>tensor([1., 2.], requires_grad=True)</c>.</summary>
    public override string ToString()
    {
        if (IsDisposed) return "tensor(<disposed>)";
        return TensorFormatter.Format(this);
    }
}
