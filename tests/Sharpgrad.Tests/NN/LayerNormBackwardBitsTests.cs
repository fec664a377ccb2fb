using F = Sharpgrad.NN.Functional;

namespace Sharpgrad.Tests.NN;

/// <summary>
/// layer_norm's gradients bit for bit as PyTorch 2.6 computes them on this CPU with two threads (ATen's
/// LayerNormBackwardKernelImplInternal): dx from the row sums Σ dy·x·γ and Σ dy·γ over 32-byte vectors folded as
/// vec_reduce_all folds them, γ's and β's gradients accumulated per thread piece (rows 0-2 and 3-4 of five, 0-1 and 2 of
/// three) and the pieces added in order. Rows of 13 and 11 end in a partial vector; rows of 5 are shorter than one.
/// Inputs: SumBitsTests' hashed values (x·10 + 1; γ with seed 5, β with seed 9, the incoming gradient with seed 3).
/// </summary>
[Collection("Threads")]
public class LayerNormBackwardBitsTests
{
    private static readonly uint[] FDx =
    [
        0xbd06cfc8, 0xbb12e14f, 0x3cdd29d9, 0x3cbabccf, 0xbaa3bb02, 0xbd0952ad, 0x3b611b8c, 0x3c49df3a,
        0xbd40f3d6, 0xbb5b58bb, 0x3d1d92df, 0x3c63fdba, 0x3b20899e, 0xbd0c18b7, 0xba5e48b0, 0x3cdafd96,
        0x3cce8c50, 0xba004a90, 0xbd0d0112, 0x3bab09aa, 0x3c4bf0e1, 0xbd5f1ffe, 0xbb0fe53a, 0x3d1b7f04,
        0x3c83d2eb, 0x3b4278d8, 0xbd1b7422, 0xbc533c0c, 0x3ca43ecc, 0x3c24e79c, 0xbc2c9dfe, 0x3d6351b1,
        0xbc038e70, 0x3b922e2a, 0xbd0de0d9, 0xbc5ced7a, 0x3d0378cc, 0x3ad9c8bc, 0xbbce6afb, 0xbd1b7422,
        0xbc533c06, 0x3ca43ecb, 0x3c24e7a7, 0xbc2c9dfc, 0x3d6351af, 0xbc038e6b, 0x3b922e29, 0xbd0de0da,
        0xbc5ced77, 0x3d0378cb, 0x3ad9c8f4, 0xbbce6af8, 0xbd1b7424, 0xbc533c04, 0x3ca43ecb, 0x3c24e7b0,
        0xbc2c9dfe, 0x3d6351b2, 0xbc038e66, 0x3b922e29, 0xbd0de0de, 0xbc5ced78, 0x3d0378cc, 0x3ad9c92a,
        0xbbce6afb,
    ];

    private static readonly uint[] FDw =
    [
        0xc02b7b48, 0x3e0ca894, 0x3f8123db, 0x3fe153bc, 0xbd23face, 0x3e471e10, 0x3f0ff812, 0x3ed3a024,
        0xbf4304ac, 0xbb9ee1b0, 0x3fbfacb0, 0x3f9d39c4, 0x3d705f76,
    ];

    private static readonly uint[] FDb =
    [
        0x3fe809af, 0x3e340478, 0xbfbb0891, 0x3f980098, 0xbee6221d, 0xbebe8fc1, 0x3f0fef05, 0xbf89919d,
        0x3fc9778c, 0xbd811940, 0xbfd99ab4, 0x3f72dcec, 0xbf303554,
    ];

    private static readonly uint[] FDxNone =
    [
        0x3e257b73, 0xbc714c98, 0xbdf3463c, 0x3d4b1895, 0xbd5f20b9, 0x3e3ea2fc, 0x3c212c04, 0xbdc0f726,
        0x3d97db5e, 0xbcf50524, 0xbe092ef8, 0x3d0ce929, 0xbd8ea812, 0x3e257b72, 0xbc714c96, 0xbdf34639,
        0x3d4b1895, 0xbd5f20b9, 0x3e3ea2fc, 0x3c212c08, 0xbdc0f726, 0x3d97db5e, 0xbcf50524, 0xbe092ef8,
        0x3d0ce92b, 0xbd8ea813, 0x3e3bcc13, 0x3bce0f3d, 0xbdc96137, 0x3d914c37, 0xbd09ebe5, 0xbe0d9c0e,
        0x3cfdd548, 0xbd96ccd9, 0x3e2c2acf, 0xbc130ca5, 0xbde8a3c1, 0x3d641360, 0xbd4870f6, 0x3e3bcc12,
        0x3bce0f3d, 0xbdc96136, 0x3d914c39, 0xbd09ebe5, 0xbe0d9c0e, 0x3cfdd547, 0xbd96ccd8, 0x3e2c2acd,
        0xbc130ca4, 0xbde8a3c0, 0x3d641360, 0xbd4870f7, 0x3e3bcc13, 0x3bce0f41, 0xbdc96139, 0x3d914c39,
        0xbd09ebe6, 0xbe0d9c10, 0x3cfdd54b, 0xbd96ccda, 0x3e2c2ad0, 0xbc130ca7, 0xbde8a3c2, 0x3d641361,
        0xbd4870f8,
    ];

    private static readonly uint[] SDx =
    [
        0xbc8ddf5e, 0xbc469eec, 0x3d0264fa, 0x3b3df873, 0xbbad68b5, 0xbc8ddf64, 0xbc469ee7, 0x3d0264f7,
        0x3b3df89c, 0xbbad68b2, 0x3c62f7ce, 0x3c3ce1fa, 0xbc69790e, 0xbb1e79c8, 0xbc0ec24a,
    ];

    private static readonly uint[] SDw =
    [
        0xbf2ccd3a, 0x3e468f0b, 0x3ed801a6, 0x3e285e9a, 0xbcb57d32,
    ];

    private static readonly uint[] SDb =
    [
        0x3e920efd, 0x3e240f6f, 0xbf526d7d, 0x3f446a4e, 0xbe5c1c30,
    ];

    private static readonly uint[] SDxNone =
    [
        0x3dfdad18, 0xbbd6401b, 0xbe09abdd, 0x3d94812d, 0xbd62e515, 0x3dfdad17, 0xbbd64018, 0xbe09abdd,
        0x3d94812e, 0xbd62e514, 0xbe18be03, 0x3d695e92, 0xbd903aef, 0x3e1e00c1, 0x3c08314f,
    ];

    private static readonly ulong[] DDx =
    [
        0xbfa0b5d0d767c84dUL, 0x3f0128a3c6e17980UL, 0x3f9b4b68a087a290UL, 0x3f9a0fa8b60a72ecUL,
        0x3f34c78972dac630UL, 0xbfa0ccd973191873UL, 0x3f786fb0f435c5a3UL, 0x3f8a40f4d4d8536fUL,
        0xbfa584c09aa3d5daUL, 0xbf554fdcb36cbd74UL, 0x3fa338548fe2d64dUL, 0xbf656095b9ddfeb8UL,
        0xbf48de172e9850f0UL, 0xbf8201e315c27cdeUL, 0x3f8f3f3d7319eac9UL, 0x3f75db04f5b23edbUL,
        0xbf7a1e02f3294a04UL, 0x3f59f0a63894bc48UL, 0xbf366352d5a3cbe0UL, 0x3f60cf0422ea3090UL,
        0x3f20a43f1f333380UL, 0xbf766e4165af6b74UL, 0x3f8ec63daf8fba0cUL, 0xbf8c255d836e47d7UL,
        0xbf73223b07e80e72UL, 0xbf90806a9875fdfcUL, 0x3f99018fc662036cUL, 0x3f6bf482210a35ccUL,
        0xbf93305f11db0eeeUL, 0xbf68fb0674da1aa4UL, 0x3f99536c0084160eUL, 0xbf80a52da9f135c1UL,
        0xbf69c56089c95474UL,
    ];

    private static readonly ulong[] DDw =
    [
        0xbfd6c0b2316b0a6dUL, 0x3fdca323688b3ebeUL, 0xbfb9b1535d8bbd46UL, 0x3fd191428d6c95f6UL,
        0xbfd3c248e9134f70UL, 0xbfc7f716c67001d9UL, 0x3fd0f567d5b3abcdUL, 0xbfb2aab1ccce79a4UL,
        0x3fddffa3a557eb83UL, 0x3fe43ad50e67350bUL, 0x3fed1cc96c97347cUL,
    ];

    private static readonly ulong[] DDb =
    [
        0x3fd917d982249248UL, 0xbfe2e23e6a9b6db7UL, 0x3fc22c1082492493UL, 0x3f9151fa0a492490UL,
        0xbfbbaf23ff6db6dcUL, 0x3fe3f75e0b400000UL, 0xbfd6ed9a40db6db7UL, 0x3fd7ecead5800000UL,
        0x3fcfd8046a000000UL, 0xbfe7782a112db6dcUL, 0xbf55cf0c00000080UL,
    ];

    private static readonly ulong[] DDxNone =
    [
        0x3fc2dcc4cd6ebbc4UL, 0xbf8edbf6b11187d6UL, 0xbfbf21db81234868UL, 0x3fa9ffaed643d6daUL,
        0xbfac8d0a7fbe5801UL, 0x3fc614ecb9324c75UL, 0x3f84a6880b278336UL, 0xbfb8b18ba99c2706UL,
        0x3fb3702742a90cceUL, 0xbf9f58d5a1602a7aUL, 0xbfc18e4909ac9105UL, 0x3f96c710fb67e2ebUL,
        0xbfb806dc5d808e09UL, 0x3fbff73e6369c788UL, 0xbf96a1e1ddd3dd83UL, 0xbfc1b08c89e7bf13UL,
        0x3fa96bd6dd2d3e92UL, 0xbfb102b52dc3e77cUL, 0x3fc37db2c993370bUL, 0x3f75baeb847af2ccUL,
        0xbfbc5cf1e412d798UL, 0x3fb3ba129e5345d6UL, 0xbf90016c417b2518UL, 0xbfb681bd02f182feUL,
        0x3f9dbe07def4722aUL, 0xbfa623bff5ab3a5fUL, 0x3fcfa4102d8a9e5cUL, 0x3f577f4351922800UL,
        0xbfb22364e54c7118UL, 0x3fa79bb42ac45cdeUL, 0xbf9ace1f74c22d26UL, 0xbfb934e9cfc34502UL,
        0x3f92f154abad6a18UL,
    ];

    private static (Tensor X, Tensor W, Tensor B, Tensor Dy) Inputs(int rows, int n, DType dtype) =>
        ((Core.SumBitsTests.Values(rows * n, dtype) * 10 + 1).Reshape(rows, n).RequiresGrad_(), Core.SumBitsTests.Values(n, dtype, 5).RequiresGrad_(),
            Core.SumBitsTests.Values(n, dtype, 9).RequiresGrad_(), Core.SumBitsTests.Values(rows * n, dtype, 3).Reshape(rows, n));

    [Theory]
    [InlineData(5, 13)]
    [InlineData(3, 5)]
    public void Float32MatchesPyTorch(int rows, int n) => ThreadsCollection.WithThreads(2, () =>
    {
        var (x, w, b, dy) = Inputs(rows, n, DType.Float32);
        F.LayerNorm(x, [n], w, b).Backward(dy);
        bool wide = n == 13;
        Assert.Equal(wide ? FDx : SDx, Core.SumBitsTests.Bits32(x.Grad!));
        Assert.Equal(wide ? FDw : SDw, Core.SumBitsTests.Bits32(w.Grad!));
        Assert.Equal(wide ? FDb : SDb, Core.SumBitsTests.Bits32(b.Grad!));
        x.Grad = null;
        F.LayerNorm(x, [n]).Backward(dy);
        Assert.Equal(wide ? FDxNone : SDxNone, Core.SumBitsTests.Bits32(x.Grad!));
    });

    [Fact]
    public void Float64MatchesPyTorch() => ThreadsCollection.WithThreads(2, () =>
    {
        var (x, w, b, dy) = Inputs(3, 11, DType.Float64);
        F.LayerNorm(x, [11], w, b).Backward(dy);
        Assert.Equal(DDx, Core.SumBitsTests.Bits64(x.Grad!));
        Assert.Equal(DDw, Core.SumBitsTests.Bits64(w.Grad!));
        Assert.Equal(DDb, Core.SumBitsTests.Bits64(b.Grad!));
        x.Grad = null;
        F.LayerNorm(x, [11]).Backward(dy);
        Assert.Equal(DDxNone, Core.SumBitsTests.Bits64(x.Grad!));
    });

    [Fact]
    public void RecordedBackwardAgreesWithTheKernel()
    {
        // With create_graph the backward is built from differentiable ops (so it can be differentiated again); its
        // values agree with the fused kernel's to rounding.
        var (x, w, b, dy) = Inputs(4, 9, DType.Float64);
        var fused = Autograd.Grad([F.LayerNorm(x, [9], w, b)], [x, w], [dy]);
        var recorded = Autograd.Grad([F.LayerNorm(x, [9], w, b)], [x, w], [dy], createGraph: true);
        Check.Close(fused[0]!, recorded[0]!, 1e-12);
        Check.Close(fused[1]!, recorded[1]!, 1e-12);
        Assert.NotNull(recorded[0]!.GradFn);
    }
}
