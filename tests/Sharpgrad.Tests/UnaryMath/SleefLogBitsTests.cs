namespace Sharpgrad.Tests.UnaryMath;

/// <summary>
/// log, log1p, expm1 (Float32 and Float64) and Float64 tanh bit for bit as PyTorch 2.6 computes them on an AVX-512 CPU
/// (ATen's vml map over SLEEF's u10 kernels). The inputs are ones the earlier kernels got wrong by an ulp or two, plus
/// special values (zeros, infinities, subnormals, -1 for log1p, the largest finite values: SLEEF's log1pf gives +inf
/// above 1e38, and so does PyTorch); every value is checked in the vector body, in the zero-padded tail and strided.
/// </summary>
public class SleefLogBitsTests
{
    private static readonly uint[] Log32In = [0x3f400000, 0x41c2c75c, 0x3f945e26, 0x409b61ea, 0x3fd17d63, 0x40bca78b, 0x78b37b05, 0x1395d27d, 0x3f4d7474, 0x3f67fc13, 0x3f31935a, 0x3f7f01ee, 0x3f7f5a20, 0x3f8063d7, 0x00400000, 0x00002000, 0x00000000, 0x80000000, 0x7f800000, 0x3f800000, 0x40000000, 0x3fc00000, 0x7f7fffff];
    private static readonly uint[] Log32Out = [0xbe934b11, 0x404c50a7, 0x3e173531, 0x3fca427b, 0x3efc3bef, 0x3fe3185f, 0x429eb6b0, 0xc2735bae, 0xbe613ad1, 0xbdc9bd9b, 0xbebb47a8, 0xbb7e9068, 0xbb2615d5, 0x3b476048, 0xc2b00f34, 0xc2bc8939, 0xff800000, 0xff800000, 0x7f800000, 0x00000000, 0x3f317218, 0x3ecf991f, 0x42b17218];

    private static readonly ulong[] Log64In = [0x3fe8000000000000UL, 0x40113f2fb0977c18UL, 0x3ff6d76b5bf395d8UL, 0x3fe9e38b5cb28af0UL, 0x40133a7a7db9f12cUL, 0x3ff6f6070d3f1150UL, 0x3fd8795dca9a1834UL, 0x3fe382b157284920UL, 0x3fed611dc8c223ceUL, 0x3ff012fee86da0d5UL, 0x3fefe0a2e817e02bUL, 0x3ff0134ce0ebd3b8UL, 0x3ff0115be4a8e142UL, 0x3ff00e11dad8d1c4UL, 0x0008000000000000UL, 0x0000000000000001UL, 0x0000000000000000UL, 0x8000000000000000UL, 0x7ff0000000000000UL, 0x3ff0000000000000UL, 0x4000000000000000UL, 0x3ff8000000000000UL, 0x0000000000000001UL, 0x7fefffffffffffffUL];
    private static readonly ulong[] Log64Out = [0xbfd269621134db92UL, 0x3ff7619f3cb2be5fUL, 0x3fd6c8885d64c17eUL, 0xbfcb2050f2d1aec1UL, 0x3ff91f1c994bfff7UL, 0x3fd71e1215ca13c1UL, 0xbfeec2b57e0c9883UL, 0xbfdfaa82d83e3916UL, 0xbfb5df9fe8afb52aUL, 0x3f72f3aa9e755eeeUL, 0xbf6f6c80b1145171UL, 0x3f7341463c10a69aUL, 0x3f715280c82175dcUL, 0x3f6c175d9ac57a27UL, 0xc08628b76e3a7b61UL, 0xc0874385446d71c3UL, 0xfff0000000000000UL, 0xfff0000000000000UL, 0x7ff0000000000000UL, 0x0000000000000000UL, 0x3fe62e42fefa39efUL, 0x3fd9f323ecbf984cUL, 0xc0874385446d71c3UL, 0x40862e42fefa39efUL];

    private static readonly uint[] Log1p32In = [0x7f7fffff, 0x3f8e9e15, 0x3ef7e995, 0x4066241b, 0x0000002b, 0x7ec9d0c6, 0xbc3df714, 0x3e7297ba, 0x3d275c6b, 0x3e8ce951, 0x3f1759e5, 0x3f456e83, 0x3ee4594a, 0x3f7eedcf, 0x00400000, 0x00000000, 0x80000000, 0x7f800000, 0xbf800000, 0xbf000000];
    private static readonly uint[] Log1p32Out = [0x7f800000, 0x3f3fa93d, 0x3eca2d86, 0x3fc338fa, 0x0000002c, 0x7f800000, 0xbc3f1334, 0x3e59b771, 0x3d240840, 0x3e78f39c, 0x3eedd2b3, 0x3f1258c8, 0x3ebcd2ef, 0x3f30e8db, 0x00400000, 0x00000000, 0x80000000, 0x7f800000, 0xff800000, 0xbf317218];

    private static readonly ulong[] Log1p64In = [0x3ff7ffffe5280d65UL, 0x0000000000000003UL, 0x4012afc6c23ca2f6UL, 0x80003f3c638abb7dUL, 0xbf645e500e44fc41UL, 0x3fea44329f80d5d6UL, 0xbfb1fe03cecda860UL, 0x3fe3be7d52d0911eUL, 0x3fefece7045a8a35UL, 0x3fefe422923bdd33UL, 0x3fefe759296dfc57UL, 0x3fefd875fa211d41UL, 0x3fefda3b5b632277UL, 0x3feffcc853a93dc1UL, 0x0000000000000000UL, 0x8000000000000000UL, 0x7ff0000000000000UL, 0xbff0000000000000UL, 0x3ddb7cdfd9d7bdbbUL, 0xbfe0000000000000UL, 0x3ee4f8b588e368f1UL, 0x7fefffffffffffffUL, 0x7e37e43c8800759cUL];
    private static readonly ulong[] Log1p64Out = [0x3fed5240db67518eUL, 0x0000000000000004UL, 0x3ffbc487fd32ae37UL, 0x80003f3c638abb7cUL, 0xbf6464ce4ccb0827UL, 0x3fe32d617d9fea8bUL, 0xbfb2a7e20613af6dUL, 0x3fdec1bb95e3678eUL, 0x3fe624b51427161eUL, 0x3fe620513ec1d104UL, 0x3fe621ed3360073fUL, 0x3fe61a77de2d85e2UL, 0x3fe61b5b180b015aUL, 0x3fe62ca71e745a70UL, 0x0000000000000000UL, 0x8000000000000000UL, 0x7ff0000000000000UL, 0xfff0000000000000UL, 0x3ddb7cdfd9d1d693UL, 0xbfe62e42fefa39efUL, 0x3ee4f8aea9ae7317UL, 0x7ff0000000000000UL, 0x4085963447f87fb5UL];

    private static readonly uint[] Expm132In = [0x3f800000, 0x3f63f7eb, 0x40c7a9be, 0xbf860ca2, 0xbe5dfcac, 0x3ea7efcb, 0x3f1d2f3c, 0x3dc53f16, 0x3e776ff9, 0x3f80019a, 0x3f803de8, 0x3f7ec45b, 0x3f7feeed, 0x3f808bb2, 0x00000000, 0x80000000, 0xff800000, 0x7f800000, 0xc1b00000, 0xc43a4000];
    private static readonly uint[] Expm132Out = [0x3fdbf0a9, 0x3fb7da5f, 0x43ffcb23, 0xbf262b91, 0xbe4792e5, 0x3ec6c0f3, 0x3f590a2d, 0x3dcf0eb4, 0x3e8bf256, 0x3fdbf503, 0x3fdc9919, 0x3fda44af, 0x3fdbd975, 0x3fdd6d33, 0x00000000, 0x80000000, 0xbf800000, 0x7f800000, 0xbf800000, 0xbf800000];

    private static readonly ulong[] Expm164In = [0x3ff0000000000000UL, 0xbfe3abf8bf037220UL, 0xbfebf155aa9e0800UL, 0x3fd900648d1d0828UL, 0xbfe96b8a471406a4UL, 0x3fd613d1f7785164UL, 0x3fe5127514c97b6aUL, 0x3fc08c5c5a560668UL, 0x3ff00eafc653438eUL, 0x3fefe7d89906b123UL, 0x3ff00638cd31ab3cUL, 0x3ff0012382eee548UL, 0x3ff00d9e1802e07dUL, 0x3ff013de2cbb224dUL, 0x0000000000000000UL, 0x8000000000000000UL, 0xfff0000000000000UL, 0x7ff0000000000000UL, 0x3ddb7cdfd9d7bdbbUL, 0x40562ccccccccccdUL, 0x40562e147ae147aeUL, 0xc036000000000000UL, 0x40862d999999999aUL, 0xc087480000000000UL, 0x3ee4f8b588e368f1UL];
    private static readonly ulong[] Expm164Out = [0x3ffb7e151628aed3UL, 0xbfdd63dc0cfdbb49UL, 0xbfe2a2f28a7b489fUL, 0x3fde969015d58b7aUL, 0xbfe18a57c24e5aa5UL, 0x3fda5d1c780b0c3fUL, 0x3fedd21c61d6410fUL, 0x3fc1aa66329a8f02UL, 0x3ffba6138ef2c93fUL, 0x3ffb5d4d595d4fc1UL, 0x3ffb8f020f649b13UL, 0x3ffb812d9b65509bUL, 0x3ffba3290aac92edUL, 0x3ffbb43854070f11UL, 0x0000000000000000UL, 0x8000000000000000UL, 0xbff0000000000000UL, 0x7ff0000000000000UL, 0x3ddb7cdfd9dda4e3UL, 0x47ef4705bbffae5cUL, 0x47efe8c665382968UL, 0xbfefffffffd9a96fUL, 0x7fed75ae7a50ee14UL, 0xbff0000000000000UL, 0x3ee4f8bc681cdfb6UL];

    private static readonly ulong[] Tanh64In = [0x4000000000000000UL, 0xc01f6cbedf9ed32aUL, 0x40170c6f0a9853a6UL, 0x4017ee8a1b5e13eaUL, 0x401492b5f3693ef8UL, 0x3ff345e0d433d300UL, 0x4019baf17c4493a8UL, 0xbffd40409b29e618UL, 0xbffde5d1750f9388UL, 0xbfe4ca8ac167b3d8UL, 0xbfed70c223d9599eUL, 0x3fefe6dd7d3c3919UL, 0x3ff012bb4b69a3a4UL, 0x3fefe696e6a290fcUL, 0x0000000000000000UL, 0x8000000000000000UL, 0x7ff0000000000000UL, 0xfff0000000000000UL, 0x3ddb7cdfd9d7bdbbUL, 0x40330f5c28f5c28fUL, 0x4032800000000000UL, 0xc036000000000000UL, 0x01a56e1fc2f8f359UL, 0x3fd3333333333333UL];
    private static readonly ulong[] Tanh64Out = [0x3feed9505e1bc3d4UL, 0xbfefffff5ee68e3cUL, 0x3fefffd687f71951UL, 0x3fefffe555e167c8UL, 0x3fefff7106c731a3UL, 0x3feab8a658171c58UL, 0x3feffff5268c524dUL, 0xbfee6384f8024351UL, 0xbfee82cecfa9414dUL, 0xbfe249999d99485aUL, 0xbfe73a9b8ca05f78UL, 0x3fe854660e98d07cUL, 0x3fe86ea8804c1bbfUL, 0x3fe8544845b156edUL, 0x0000000000000000UL, 0x8000000000000000UL, 0x3ff0000000000000UL, 0xbff0000000000000UL, 0x3ddb7cdfd9d7bdbbUL, 0x3ff0000000000000UL, 0x3feffffffffffffeUL, 0xbff0000000000000UL, 0x01a56e1fc2f8f359UL, 0x3fd2a4dda7d914faUL];

    [Fact]
    public void Float32LogMatchesPyTorchBitForBit() => Check(Log32In, Log32Out, t => t.Log());

    [Fact]
    public void Float64LogMatchesPyTorchBitForBit() => Check(Log64In, Log64Out, t => t.Log());

    [Fact]
    public void Float32Log1pMatchesPyTorchBitForBit() => Check(Log1p32In, Log1p32Out, t => t.Log1p());

    [Fact]
    public void Float64Log1pMatchesPyTorchBitForBit() => Check(Log1p64In, Log1p64Out, t => t.Log1p());

    [Fact]
    public void Float32Expm1MatchesPyTorchBitForBit() => Check(Expm132In, Expm132Out, t => t.Expm1());

    [Fact]
    public void Float64Expm1MatchesPyTorchBitForBit() => Check(Expm164In, Expm164Out, t => t.Expm1());

    [Fact]
    public void Float64TanhMatchesPyTorchBitForBit() => Check(Tanh64In, Tanh64Out, t => t.Tanh());

    [Fact]
    public void TanhGradientRoundsOneMinusTheSquareOnce()
    {
        // PyTorch's tanh_backward is grad·fma(−y, y, 1); 4 of these 10 differ from grad·(1 − y·y) in each dtype
        double[] x = [0.3, -0.7, 1.1, 2.5, -0.05, 0.9, 3.3, -1.7, 0.6, 1.4];
        uint[] f32 = [0x3f2fb4d0, 0x3ef3bd70, 0x3e89eeed, 0x3ca361fe, 0x3f3f8553, 0x3ebaf9ed, 0x3b855d8e, 0x3dc003e2, 0x3f089f78, 0x3e26014d];
        ulong[] f64 = [0x3fe5f699fb79bf86UL, 0x3fde77ae19d5a73aUL, 0x3fd13ddda34c3ff1UL, 0x3f946c3e97cbc552UL, 0x3fe7f0aa62634eb5UL,
            0x3fd75f3d939f5d28UL, 0x3f70abba833de30bUL, 0x3fb8007c33892fa0UL, 0x3fe113ef0bc4f38eUL, 0x3fc4c029af6c9b8aUL];
        CheckGradient(x, t => t.Tanh(), f32, f64);
    }

    [Fact]
    public void SpecialInputsGivePyTorchsNaNs()
    {
        float[] x = [-1f, float.NegativeInfinity, float.NaN, -1e-40f];
        foreach (var v in Tensor.FromArray(x).Log().ToArray<float>()) Assert.True(float.IsNaN(v));
        Assert.True(Tensor.FromArray(new[] { -1.5, double.NaN, double.NegativeInfinity }).Log1p().ToArray<double>().All(double.IsNaN));
        Assert.True(double.IsNaN(Tensor.FromArray(new[] { double.NaN }).Tanh().Item()));
        Assert.True(float.IsNaN(Tensor.FromArray(new[] { float.NaN }).Expm1().Item<float>()));
    }

    /// <summary>x's gradient through op for a gradient of 0.75 everywhere, in Float32 and Float64, as bit patterns.</summary>
    internal static void CheckGradient(double[] x, Func<Tensor, Tensor> op, uint[] f32, ulong[] f64)
    {
        var t32 = Tensor.FromArray(Array.ConvertAll(x, v => (float)v)).RequiresGrad_();
        op(t32).Backward(Tensor.Full([x.Length], 0.75));
        Assert.Equal(f32, Array.ConvertAll(t32.Grad!.ToArray<float>(), BitConverter.SingleToUInt32Bits));
        var t64 = Tensor.FromArray(x).RequiresGrad_();
        op(t64).Backward(Tensor.Full([x.Length], 0.75, DType.Float64));
        Assert.Equal(f64, Array.ConvertAll(t64.Grad!.ToArray<double>(), BitConverter.DoubleToUInt64Bits));
    }

    /// <summary>
    /// The inputs as given, then after 3 other elements (so the vector body and the padded tail take different ones),
    /// then as a strided view (element by element).
    /// </summary>
    internal static void Check(uint[] input, uint[] expected, Func<Tensor, Tensor> op)
    {
        var x = Tensor.FromArray(Array.ConvertAll(input, BitConverter.UInt32BitsToSingle));
        static uint[] Bits(Tensor t) => Array.ConvertAll(t.Contiguous().ToArray<float>(), BitConverter.SingleToUInt32Bits);
        Assert.Equal(expected, Bits(op(x)));
        Assert.Equal(expected, Bits(op(Tensor.Cat([Tensor.Ones([3]), x])))[3..]);
        var strided = Tensor.Stack([x, Tensor.Zeros([input.Length])], 1).Select(1, 0);
        Assert.False(strided.IsContiguous);
        Assert.Equal(expected, Bits(op(strided)));
    }

    internal static void Check(ulong[] input, ulong[] expected, Func<Tensor, Tensor> op)
    {
        var x = Tensor.FromArray(Array.ConvertAll(input, BitConverter.UInt64BitsToDouble));
        static ulong[] Bits(Tensor t) => Array.ConvertAll(t.Contiguous().ToArray<double>(), BitConverter.DoubleToUInt64Bits);
        Assert.Equal(expected, Bits(op(x)));
        Assert.Equal(expected, Bits(op(Tensor.Cat([Tensor.Ones([3], DType.Float64), x])))[3..]);
        var strided = Tensor.Stack([x, Tensor.Zeros([input.Length], DType.Float64)], 1).Select(1, 0);
        Assert.False(strided.IsContiguous);
        Assert.Equal(expected, Bits(op(strided)));
    }
}
