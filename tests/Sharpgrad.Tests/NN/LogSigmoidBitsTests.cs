using F = Sharpgrad.NN.Functional;

namespace Sharpgrad.Tests.NN;

/// <summary>
/// logsigmoid bit for bit as PyTorch 2.6 computes it: min(x, 0) − log1p(exp(−|x|)) with SLEEF's exp and log1p for every
/// element (its kernel loads the last partial vector too). Inputs: SumBitsTests' hashed values × 20.
/// </summary>
public class LogSigmoidBitsTests
{
    private static readonly uint[] Forward =
    [
        0xc1092559, 0xbdfe48f7, 0xc091216d, 0xbb173df8, 0xbf75d204, 0xc0e0d979, 0xbce3a482, 0xc041d106,
        0xba01108b, 0xbe973e5d, 0xc0af7d55, 0xbbc43817, 0xbfd2d04f, 0xc0ff6721, 0xbd90c6e1, 0xc07d0602,
        0xbaa7b06b, 0xbf236b38, 0xc0cdfa82, 0xbc7dd45e, 0xc01e795f, 0xb98f0ac7, 0xbe327cf2, 0xc09cb3d9,
        0xbb59bc55, 0xbf99af93, 0xc0ec8492, 0xbd22f5c6, 0xc0583772, 0xba39e1d2, 0xbecde3ad, 0xc0bb203f,
        0xbc0d2128, 0xbff9c093, 0xc10589cd, 0xbdcd6cef, 0xc08a0020, 0xbaf177da, 0xbf53bfdc, 0xc0d9a3d2,
    ];

    private static readonly ulong[] Forward64 =
    [
        0xc02124ab1d275708, 0xbfbfc91ea5fa67a9, 0xc012242da040d93a, 0xbf62e7bec90222b7,
        0xbfeeba4083bdd1b4, 0xc01c1b2f0c7b404b, 0xbf9c7490446b8de1, 0xc0083a20bd2861d0,
        0xbf402211a050d7fa, 0xbfd2e7cb96583aeb, 0xc015efaa91d826d8, 0xbf788702b270080a,
        0xbffa5a09ec142794, 0xc01fece4266e7738, 0xbfb218dc23511292, 0xc00fa0c047a4c816,
        0xbf54f60d185543e7, 0xbfe46d67134ef6c2, 0xc019bf5048d60102,
    ];

    [Fact]
    public void MatchesPyTorch()
    {
        Assert.Equal(Forward, Core.SumBitsTests.Bits32(F.LogSigmoid(Core.SumBitsTests.Values(40, DType.Float32) * 20)));
        Assert.Equal(Forward64, Core.SumBitsTests.Bits64(F.LogSigmoid(Core.SumBitsTests.Values(19, DType.Float64) * 20)));
    }
}
