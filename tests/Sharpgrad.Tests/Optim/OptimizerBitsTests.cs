using Sharpgrad.Optim;
using Sharpgrad.Tests.NN;

namespace Sharpgrad.Tests.Optim;

/// <summary>
/// Optimizers bit for bit against PyTorch 2.6's single-tensor CPU path: four steps on 256 values, the final parameters
/// hashed. They match because each update runs PyTorch's op sequence with its rounding: lerp_, addcmul_ and add with
/// alpha fused (one rounding), addcdiv_ rounded per step, NAdam's mu_product kept in float32.
/// </summary>
public class OptimizerBitsTests
{
    /// <summary>256 values as the oracle built them from its 64-bit LCG: random sign and mantissa, exponent 2^-6..2^3.</summary>
    private static Tensor Values(ref ulong x, DType dtype)
    {
        var v = new float[256];
        for (int i = 0; i < v.Length; i++)
        {
            uint r = Bits.Next(ref x);
            v[i] = BitConverter.Int32BitsToSingle((int)((r & 0x80000000u) | ((121 + (r >> 8) % 10) << 23) | (Bits.Next(ref x) & 0x7FFFFF)));
        }
        return Tensor.FromArray(v, [v.Length]).To(dtype);
    }

    private static Optimizer Make(string name, Tensor p) => name switch
    {
        "adam" => new Adam([p], lr: 0.01),
        "adamw" => new AdamW([p], lr: 0.01, weightDecay: 0.01),
        "adamwd" => new Adam([p], lr: 0.01, weightDecay: 0.1),
        "sgdm" => new SGD([p], lr: 0.01, momentum: 0.9, weightDecay: 0.01),
        "sgdn" => new SGD([p], lr: 0.01, momentum: 0.9, nesterov: true),
        "rms" => new RMSprop([p], lr: 0.01),
        "rmsc" => new RMSprop([p], lr: 0.01, momentum: 0.5, centered: true),
        "adagrad" => new Adagrad([p], lr: 0.01),
        "adadelta" => new Adadelta([p], lr: 0.5),
        "adamax" => new Adamax([p], lr: 0.01),
        "nadam" => new NAdam([p], lr: 0.01),
        _ => new RAdam([p], lr: 0.01),
    };

    public static TheoryData<DType, string, ulong> Cases => new()
    {
        { DType.Float32, "adam", 0xe7ccfd5439a24a46 },
        { DType.Float32, "adamw", 0x2da3a785b5247ee2 },
        { DType.Float32, "adamwd", 0xa0999be3efa4b3ed },
        { DType.Float32, "radam", 0x9a0463746f73c79e },
        { DType.Float64, "adam", 0xdfad44e817906354 },
        { DType.Float64, "adamw", 0x93fb59b146a581b },
        { DType.Float64, "adamwd", 0xb182c64181dd587 },
        { DType.Float64, "radam", 0xccfd2dcfefa685b3 },
        { DType.Float32, "sgdm", 0x999a8856f7fb5327 },
        { DType.Float32, "sgdn", 0xb5942a2f79852a19 },
        { DType.Float32, "rms", 0x95d7288aea62026a },
        { DType.Float32, "adagrad", 0x703ebd7a33b48cef },
        { DType.Float32, "adadelta", 0xa4d20417bbe7cdb3 },
        { DType.Float32, "adamax", 0xa0a8a3578eb9138a },
        { DType.Float32, "nadam", 0x76c8836c441f0193 },
        { DType.Float32, "rmsc", 0x43ec2fb512480175 },
        { DType.Float64, "sgdm", 0xf6201e3a1487d595 },
        { DType.Float64, "sgdn", 0xcaf4b8d73f1b67 },
        { DType.Float64, "rms", 0x26d0451cf309898c },
        { DType.Float64, "adagrad", 0xb24deac322e102e8 },
        { DType.Float64, "adadelta", 0xf3a9de7969c08105 },
        { DType.Float64, "adamax", 0x2da9aa283c90c2da },
        { DType.Float64, "nadam", 0xb50d193548d033c8 },
        { DType.Float64, "rmsc", 0x50aa80479c5457cb },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void FourStepsMatchPyTorchBitForBit(DType dtype, string name, ulong hash)
    {
        ulong x = 5;
        var p = Values(ref x, dtype).RequiresGrad_();
        var grads = new Tensor[4];
        for (int k = 0; k < grads.Length; k++) grads[k] = Values(ref x, dtype);
        var opt = Make(name, p);
        foreach (var g in grads)
        {
            p.Grad = g.Clone();
            opt.Step();
        }
        Assert.Equal(hash, Bits.Hash(p.Detach()));
    }
}
