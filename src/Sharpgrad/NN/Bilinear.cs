namespace Sharpgrad.NN;

/// <summary>y = x1ᵀ·W·x2 + b for each output feature. PyTorch: torch.nn.Bilinear.</summary>
public sealed class Bilinear : Module
{
    /// <summary>A bilinear map; PyTorch's init: weight and bias uniform in ±1/√in1Features.</summary>
    public Bilinear(int in1Features, int in2Features, int outFeatures, bool bias = true, DType dtype = DType.Float32)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(in1Features);
        ArgumentOutOfRangeException.ThrowIfNegative(in2Features);
        ArgumentOutOfRangeException.ThrowIfNegative(outFeatures);
        In1Features = in1Features;
        In2Features = in2Features;
        OutFeatures = outFeatures;
        Weight = RegisterParameter("weight", Tensor.Empty([outFeatures, in1Features, in2Features], dtype));
        if (bias) Bias = RegisterParameter("bias", Tensor.Empty([outFeatures], dtype));
        ConvParameters.InitUniform(Weight, Bias, in1Features);
    }

    /// <summary>Features of the first input.</summary>
    public int In1Features { get; }

    /// <summary>Features of the second input.</summary>
    public int In2Features { get; }

    /// <summary>Output features.</summary>
    public int OutFeatures { get; }

    /// <summary>The [out, in1, in2] weight.</summary>
    public Tensor Weight { get; }

    /// <summary>The [out] bias, or null.</summary>
    public Tensor? Bias { get; }

    /// <summary>The bilinear map of the two inputs (AddBackward0 over the trilinear product, or its view without bias).</summary>
    public Tensor Forward(Tensor input1, Tensor input2) => Functional.Bilinear(input1, input2, Weight, Bias);

    /// <summary>Needs two inputs: use <see cref="Forward(Tensor, Tensor)"/>.</summary>
    public override Tensor Forward(Tensor input) =>
        throw new NotSupportedException("Bilinear takes (input1, input2); call Forward(input1, input2).");

    /// <inheritdoc/>
    protected override string ExtraRepr =>
        $"in1_features={In1Features}, in2_features={In2Features}, out_features={OutFeatures}, bias={PyBool(Bias is not null)}";
}
