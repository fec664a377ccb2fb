using Sharpgrad.Optim;
using Sharpgrad.Tests.NN;

namespace Sharpgrad.Tests.Optim;

/// <summary>
/// Optimizers whose exp_avg goes through lerp (Adam and AdamW's fused kernel, RAdam) bit for bit against PyTorch 2.6's
/// single-tensor CPU path: four steps on 256 values, the final parameters hashed. (Adamax, NAdam and centered RMSprop
/// lerp exactly too but still round their addcmul_/addcdiv_ steps unfused, so they are not listed.)
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
