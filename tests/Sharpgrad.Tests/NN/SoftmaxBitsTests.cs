using F = Sharpgrad.NN.Functional;

namespace Sharpgrad.Tests.NN;

/// <summary>
/// softmax and log_softmax over the last dim, and their gradients, bit for bit as PyTorch 2.6 computes them on this CPU
/// (ATen's AVX-512 kernels: SLEEF exp, 16-float or 8-double row sums folded as vec_reduce_all folds them, the gradient's
/// products and scaling as fused multiply-adds). Rows of 37 and 11 end in a partial vector; rows of 5 are shorter than one.
/// Inputs are SumBitsTests' hashed values × 10; the gradient fed back is x.flip(-1) · 0.5.
/// </summary>
public class SoftmaxBitsTests
{
    private static readonly uint[] F37SmY =
    [
        0x3854923b, 0x3c25ecb8, 0x39c8fe82, 0x3d9ce355, 0x3b3e0c26, 0x38e63722, 0x3cb3b26f, 0x3a59ad62,
        0x3e29e907, 0x3bcdd271, 0x397952f3, 0x3d429cc7, 0x3aebbec8, 0x388ec929, 0x3c5ee7ea, 0x3a070268,
        0x3dd2c410, 0x3b7f5012, 0x391aa333, 0x3cf16867, 0x3a92372f, 0x3e64429a, 0x3c0a4097, 0x39a77913,
        0x3d82b904, 0x3b1e5a1a, 0x38bfd220, 0x3c95ba4d, 0x3a355fb0, 0x3e0d92ba, 0x3bab7ee4, 0x394fbe13,
        0x3d2227d2, 0x3ac46dac, 0x386df1ea, 0x3c39baf9, 0x39e0fc5f, 0x3d917607, 0x3b30348e, 0x38d57294,
        0x3ca69bd5, 0x3a49d29c, 0x3e1d88e7, 0x3bbed4b5, 0x39672a1a, 0x3d347012, 0x3ada931d, 0x388462d1,
        0x3c4eaba3, 0x39fa5a0e, 0x3dc36a29, 0x3b6cb78e, 0x390f5fdf, 0x3cdfd327, 0x3a8790e0, 0x3e53a27a,
        0x3c002ec3, 0x399b4667, 0x3d726727, 0x3b12d180, 0x38b1d977, 0x3c8ad27e, 0x3a2829cd, 0x3e0342fb,
        0x3b9f0135, 0x39409c8b, 0x3d16584c, 0x3ab61f15, 0x385c9d35, 0x3c2c33e0, 0x39d09953, 0x3da2d2f6,
        0x3b453cf5, 0x38eeed03, 0x3cb60294, 0x3a5c7aab, 0x3e2c18ea, 0x3bd078ae, 0x397c888c, 0x3d451e15,
        0x3aeec79b, 0x38909faf, 0x3c61c673, 0x3a08bf49, 0x3dd57a97, 0x3b814cb4, 0x391ca0c8, 0x3cf483eb,
        0x3a941902, 0x3833662e, 0x3c0c082b, 0x39a9a0f3, 0x3d8467c8, 0x3b2063e7, 0x38c24a36, 0x3c97a7ae,
        0x3a37b559, 0x3e0f653f, 0x3badb403, 0x39526aa7, 0x3d243e2d, 0x3ac6f4f2, 0x387101f7, 0x3c3c1f00,
        0x39e3e1c6, 0x3db1e025, 0x3b57788e, 0x3902818e, 0x3ccbbc5d, 0x3a76cbfa, 0x3e40a3ca,
    ];

    private static readonly uint[] F37SmG =
    [
        0xb7e55f4b, 0x3c36194b, 0xba1be51c, 0x3bd745ac, 0x3ba3b3e3, 0xb8d52ba6, 0x3c7f8ac5, 0x3aff8e86,
        0xbd4c5b70, 0x3c098578, 0xb9a39b5e, 0x3c7cadfb, 0x3b6737c3, 0xb844394b, 0x3c53bb57, 0x3aaea030,
        0xbbd09235, 0x3bc913e4, 0xb9260398, 0x3c880416, 0x3b20de42, 0xbdcca77f, 0x3c24575d, 0xb9f48330,
        0x3c391699, 0x3b8f9fb5, 0xb8a01e91, 0x3c703df5, 0x3add357b, 0xbced3a5b, 0x3bf4d124, 0xb97db0ba,
        0x3c86daea, 0x3b499da6, 0xb80dca93, 0x3c415d0b, 0xba34d886, 0xbd6a11a8, 0x3b12ad50, 0x3983c5d9,
        0xbb6efb5d, 0x3a93192b, 0xbe3ba07a, 0x3b2a3686, 0x39f0c147, 0xbccc2989, 0x3aea263f, 0x39334474,
        0x3a44de87, 0x3a545d74, 0xbdba121a, 0x3b221b61, 0x39a671b6, 0xbc1256f0, 0x3ab19a87, 0x3f1bed2e,
        0x3b18fbdb, 0x3a1641d4, 0xbd2ceafd, 0x3b079bc6, 0x3963b467, 0xbac39f09, 0x3a823c77, 0xbe105c47,
        0x3b2ad61e, 0x39d16362, 0xbc8eae80, 0x3ad3b687, 0x391a66b4, 0x3acfb1b0, 0x3a3a7661, 0xbd8c2f3d,
        0x3b191090, 0x3990225d, 0x3cb9c4b5, 0xbab37a42, 0x3ac4b1ee, 0xbc899481, 0xb97d3cf8, 0x3cfa06c1,
        0xbb70831b, 0xb7da63c4, 0xbd2acfdc, 0xba3df94a, 0x3cd391c4, 0xbc1b389f, 0xb8ef505c, 0x3cd578d0,
        0xbb037c9c, 0xb6c707e0, 0xbcc32985, 0xb9c32400, 0x3d00db46, 0xbbad6430, 0xb84c0d31, 0xbd70aa0b,
        0xba8d2a52, 0x3c65ca76, 0xbc5d58b9, 0xb93fcee5, 0x3cee4b63, 0xbb3f5341, 0xb789fe9a, 0xbd0a08b6,
        0xba13e567, 0x3cf13151, 0xbbf8d6e4, 0xb8af9729, 0x3cc474b6, 0xbacfdbba, 0xbc124202,
    ];

    private static readonly uint[] F37LsmY =
    [
        0xc11e3d48, 0xc092f5fa, 0xc0fbba89, 0xc0246bea, 0xc0bafa85, 0xc111df8b, 0xc0747500, 0xc0e2ff10,
        0xbfe5e9ed, 0xc0a23f0b, 0xc10581ce, 0xc042fe0e, 0xc0ca4396, 0xc1198414, 0xc0898392, 0xc0f24821,
        0xc011871a, 0xc0b1881d, 0xc10d2657, 0xc0619030, 0xc0d98ca8, 0xbfc0204d, 0xc098cca3, 0xc100c89a,
        0xc030193e, 0xc0c0d12e, 0xc114cadf, 0xc0801129, 0xc0e8d5b9, 0xbffd4493, 0xc0a815b5, 0xc1086d23,
        0xc04eab60, 0xc0d01a3f, 0xc11c6f68, 0xc08f5a3b, 0xc0f81ecb, 0xc02942f1, 0xc0bd6608, 0xc113154c,
        0xc0794c07, 0xc0e56a94, 0xbfef97fc, 0xc0a4aa8f, 0xc106b78f, 0xc047d514, 0xc0ccaf1a, 0xc11ab9d5,
        0xc08bef16, 0xc0f4b3a6, 0xc0165e21, 0xc0b3f3a0, 0xc10e5c18, 0xc0666737, 0xc0dbf82c, 0xbfc9ce5e,
        0xc09b3826, 0xc101fe5b, 0xc034f045, 0xc0c33cb2, 0xc11600a1, 0xc0827cad, 0xc0eb413e, 0xc0037950,
        0xc0aa8138, 0xc109a2e4, 0xc0538267, 0xc0d285c4, 0xc11da52a, 0xc091c5be, 0xc0fa8a4e, 0xc0220b73,
        0xc0b9ca4a, 0xc111476d, 0xc073a374, 0xc0e2964a, 0xbfe446d5, 0xc0a1d645, 0xc1054d6a, 0xc0422c80,
        0xc0c9dad0, 0xc1194fb0, 0xc0891acb, 0xc0f1df5b, 0xc010b58e, 0xc0b11f56, 0xc10cf1f3, 0xc060bea2,
        0xc0d923e1, 0xc120f439, 0xc09863dd, 0xc1009436, 0xc02f47b0, 0xc0c06868, 0xc114967c, 0xc07f50c6,
        0xc0e86cf3, 0xbffba179, 0xc0a7acee, 0xc10838bf, 0xc04dd9d2, 0xc0cfb179, 0xc11c3b05, 0xc08ef175,
        0xc0f7b604, 0xc01c62e0, 0xc0b6f5ff, 0xc10fdd48, 0xc06c6bf6, 0xc0defa8b, 0xbfd5d7d9,
    ];

    private static readonly uint[] F37LsmG =
    [
        0xbf898b49, 0x3f19d0c0, 0xc00570e3, 0xbe2145a6, 0x3f996ac8, 0xbfbafadb, 0x3e84d110, 0x3fe87165,
        0xbe505c24, 0x3f53344d, 0xbfec61d1, 0xbcf20aef, 0x3fb7735f, 0xbf9c6ded, 0x3eeed7be, 0x40036e13,
        0xbe51be3a, 0x3f87025a, 0xbfcddaf6, 0x3e0fe27d, 0x3fd5b032, 0xbe091b1b, 0x3f2f857f, 0xbfff3c6f,
        0xbdeb7140, 0x3fa4dbb4, 0xbfaf4fd1, 0x3eac62ad, 0x3ff40d6c, 0xbe5ef3c8, 0x3f698945, 0xbfe0b973,
        0x3d00eecd, 0x3fc2fb3b, 0xbf90c205, 0x3f0c8fba, 0xc00909c6, 0xbfda25c3, 0xbc12a4eb, 0x3fd0ac31,
        0xbf8492f7, 0x3f1e32ef, 0xc00a5485, 0xbecbcfb0, 0x3f9f31ec, 0xbfb8a131, 0x3e6c4b42, 0x3fef3f69,
        0xbf4a5199, 0x3f5b6790, 0xbfefb4c9, 0xbe211f6b, 0x3fbdc665, 0xbf983b20, 0x3ef0b507, 0x3ff73ec1,
        0xbf0c2159, 0x3f8c4afd, 0xbfcd2d20, 0x3da94939, 0x3fdc59fd, 0xbf710d8b, 0x3f3594c3, 0xc003170c,
        0xbe9cadbd, 0x3faae046, 0xbfac2660, 0x3ea4fa0a, 0x3ffaed06, 0xbf328145, 0x3f72c6aa, 0xbfe24a61,
        0xbd865c15, 0x3fc9745c, 0x4002edea, 0xbf139b55, 0x3f5aaec5, 0xbfcc2cc2, 0x3d4a7584, 0x3fd04e39,
        0xbf76d879, 0x3f2cc767, 0xbffecf6a, 0xbeacba7d, 0x3f95fc33, 0xbfad3902, 0x3e93a604, 0x3ff1c2c1,
        0xbf397c4d, 0x3f69edcc, 0xbfdf69d8, 0xbdc947b8, 0x3fbacdb3, 0xbf8e6a54, 0x3f06fbde, 0xc00939b6,
        0xbef86ab3, 0x3f7ae243, 0xbfc05491, 0x3e1014f3, 0x3fdd3fcf, 0xbf5f6546, 0x3f4422fb, 0xbff2c53d,
        0xbe7bee47, 0x3fa467e1, 0xbfa17117, 0x3ec25f56, 0x3ffe3931, 0xbf22126d, 0x3f45eaca,
    ];

    private static readonly uint[] F5SmY =
    [
        0x3a13827d, 0x3de647c8, 0x3b8b79da, 0x3f59bd20, 0x3d03e135, 0x3a138279, 0x3de647c8, 0x3b8b79d6,
        0x3f59bd20, 0x3d03e135,
    ];

    private static readonly uint[] F5SmG =
    [
        0xb9beb60c, 0x3de41b5b, 0xbbe745dc, 0xbc936cc9, 0xbdb00d1d, 0xb9beb608, 0x3de41b5c, 0xbbe745d6,
        0xbc936cc9, 0xbdb00d1d,
    ];

    private static readonly uint[] F5LsmY =
    [
        0xc0ef72bb, 0xc00bdc4e, 0xc0aeb2b6, 0xbe25c43e, 0xc05be564, 0xc0ef72bc, 0xc00bdc4e, 0xc0aeb2b7,
        0xbe25c43e, 0xc05be564,
    ];

    private static readonly uint[] F5LsmG =
    [
        0xbdf2fced, 0x3fd5f7b3, 0xbf900a07, 0x3fd5e5e8, 0xc00651e2, 0x3e888e0f, 0x3feb9f70, 0xbf3f4127,
        0x3ed40400, 0xbfe32361,
    ];

    private static readonly ulong[] D11SmY =
    [
        0x3f2746c5784291c1, 0x3fa22b2e2ffbaaa4, 0x3f56023dd72f92bf, 0x3fd12ddd86c1450e,
        0x3f84cf62f04e030d, 0x3f39355e65dd12ef, 0x3fb3ad3e56044064, 0x3f67d5e6e3c164d1,
        0x3fe29ae70685ea36, 0x3f968993ad0221ed, 0x3f4b4d04f139dee1, 0x3fbcb0b9507fede8,
        0x3f71608ae8a980c7, 0x3f250cc6573f6ff9, 0x3fa06e4381ccbbed, 0x3f53e749d6642bfa,
        0x3fcf125c1d2e3bc8, 0x3f82d1c93da58d47, 0x3f36cc0f81e1abba, 0x3fb1cb65b1f9e8ad,
        0x3f658e36c320e19e, 0x3fe0d34c7b7c7e22,
    ];

    private static readonly ulong[] D11SmG =
    [
        0xbf1901fe5cd8208b, 0x3fa3fb65f4e8558d, 0x3f6e1de80e09765d, 0x3f98364940d11e11,
        0x3f91f3180f2c4315, 0xbf37488bde1ccf58, 0x3fac12c672e37165, 0x3f7c02d61e53516b,
        0xbfc634297fd8d120, 0x3f9e2b64ae06b88b, 0xbf51e212a55d6331, 0x3fbb2f5440601ac0,
        0xbf7d8fd048d13b4c, 0xbee59eadaa26fc52, 0xbfb6499b20398f7e, 0xbf556a151e1006d0,
        0x3fc16f129f58e93e, 0xbf93a4e1d71da137, 0xbf248bdd2697870d, 0xbfcb9363b67be5ef,
        0xbf6f8595ff60ebd0, 0x3fb781e670e7ce95,
    ];

    private static readonly ulong[] D11LsmY =
    [
        0xc02145a9a564c275, 0xc00ab5816abc2e68, 0xc01a7352b23bce0f, 0xbff50b0073418163,
        0xc0125b5219ae1734, 0xc01f73e4168bce0f, 0xc00486a30240c0b2, 0xc0175be37dfe1735,
        0xbfe15a8744954be6, 0xc00e87c5cae0c0b2, 0xc01c5c74e24e1735, 0xc0018249d5ff531a,
        0xc015d9b6e7dd6069, 0xc0217924725d8ba2, 0xc00b836c9e9f531a, 0xc01ada484c2d6069,
        0xbff6a6d6db07cac7, 0xc012c247b39fa98d, 0xc01fdad9b07d6069, 0xc005548e3623e564,
        0xc017c2d917efa98d, 0xbfe492341421deb6,
    ];

    private static readonly ulong[] D11LsmG =
    [
        0xbff5e9d23dd76fe5, 0x3fd6090d5d5dd404, 0x3ffe82db9f4a3ca8, 0xbfc47faa4d4131de,
        0x3fed4303df680cfd, 0xbffc16d7d176bfe1, 0x3fa88ef7e1492852, 0x3ff861f5da67ebde,
        0x3fc147a4f7255c74, 0x3fe1b8a498901818, 0xc00120db08ff2771, 0x3ffeb876970447b9,
        0xbfe34424e62557b5, 0x3ff0a2b34d124b03, 0xbffa5804549bbc8e, 0x3f9b680747b569ce,
        0x3ff61519b2ef52b8, 0xbfefd1770286dafe, 0x3fe4e5dca9f921e5, 0xc0009d6d1c305825,
        0xbfd720394e54ac81, 0x3fe529d1978cca89,
    ];

    [Theory]
    [InlineData(3, 37)]
    [InlineData(2, 5)]
    public void Float32MatchesPyTorch(int rows, int n)
    {
        var x = (Core.SumBitsTests.Values(rows * n, DType.Float32) * 10).Reshape(rows, n);
        var (sy, sg, ly, lg) = n == 37 ? (F37SmY, F37SmG, F37LsmY, F37LsmG) : (F5SmY, F5SmG, F5LsmY, F5LsmG);
        Check(x, F.Softmax, sy, sg);
        Check(x, F.LogSoftmax, ly, lg);

        static void Check(Tensor x, Func<Tensor, int, Tensor> f, uint[] y, uint[] g)
        {
            var leaf = x.Clone().RequiresGrad_();
            var result = f(leaf, -1);
            Assert.Equal(y, Core.SumBitsTests.Bits32(result));
            result.Backward(x.Flip(-1) * 0.5);
            Assert.Equal(g, Core.SumBitsTests.Bits32(leaf.Grad!));
        }
    }

    [Fact]
    public void Float64MatchesPyTorch()
    {
        var x = (Core.SumBitsTests.Values(22, DType.Float64) * 10).Reshape(2, 11);
        Check(x, F.Softmax, D11SmY, D11SmG);
        Check(x, F.LogSoftmax, D11LsmY, D11LsmG);

        static void Check(Tensor x, Func<Tensor, int, Tensor> f, ulong[] y, ulong[] g)
        {
            var leaf = x.Clone().RequiresGrad_();
            var result = f(leaf, -1);
            Assert.Equal(y, Core.SumBitsTests.Bits64(result));
            result.Backward(x.Flip(-1) * 0.5);
            Assert.Equal(g, Core.SumBitsTests.Bits64(leaf.Grad!));
        }
    }
}

/// <summary>
/// softmax and log_softmax along dim 0 (not the last), bit for bit with PyTorch 2.6 at two threads: ATen gives each
/// thread a piece of the 45 positions, takes whole 16-float vectors through SLEEF's exp and the rest through the C
/// library's, and divides by the sum; log_softmax's log is SLEEF's. Row 0 of the result, one element per position.
/// </summary>
[Collection("Threads")]
public class SoftmaxOverAnOuterDimBitsTests
{
    private static readonly uint[] Softmax =
    [
        0x38386618, 0x3c14837b, 0x39bb4cbe, 0x3d989dcd, 0x3b3cb1e2, 0x38ee6d0d, 0x3c94321e, 0x3a3a625b,
        0x3e17da97, 0x3b950b0f, 0x393c3a51, 0x3d3cf81b, 0x3aeba5db, 0x3894ed21, 0x3c39d02e, 0x39ea2d76,
        0x3dbeceeb, 0x3b3cb1dc, 0x38ee6d0d, 0x3cbc88aa, 0x3a6cc2dc, 0x3e40e2ed, 0x3c14837d, 0x3991820a,
        0x3d6d21f0, 0x3b135481, 0x3894ed21, 0x3c6e2d3e, 0x3a15f050, 0x3df454cb, 0x3b950b10, 0x393c3a52,
        0x3d1253d0, 0x3ab70ca5, 0x38386618, 0x3c14837d, 0x39bb4cc6, 0x3d989dce, 0x3b3cb1e0, 0x38ee6d13,
        0x3cbc88aa, 0x3a6cc2dc, 0x3e17da98, 0x3bb7afd3, 0x3967e787,
    ];

    private static readonly uint[] LogSoftmax =
    [
        0xc12083a2, 0xc096821f, 0xc0fdfc9c, 0xc0263030, 0xc0bb3508, 0xc1115001, 0xc0806569, 0xc0e7f67e,
        0xbff44b78, 0xc0ac9339, 0xc10a0131, 0xc044e02c, 0xc0ca46f8, 0xc118d79c, 0xc08f5694, 0xc0f6d6c4,
        0xc017e4f6, 0xc0bb3509, 0xc1115001, 0xc071627b, 0xc0e04e9f, 0xbfd5adee, 0xc096821f, 0xc1030876,
        0xc036586c, 0xc0c32030, 0xc118d79c, 0xc08764be, 0xc0eeecef, 0xc00811ee, 0xc0ac9339, 0xc10a0131,
        0xc0553e2c, 0xc0d25c20, 0xc12083a2, 0xc096821f, 0xc0fdfc9a, 0xc0263030, 0xc0bb3509, 0xc1115000,
        0xc071627b, 0xc0e04e9f, 0xbff44b78, 0xc0a5e320, 0xc106aa78,
    ];

    private static readonly ulong[] Softmax64 =
    [
        0x3f4cbfabc9cd821e, 0x3fc3cb790c121ffd, 0x3f743a3d88500111, 0x3fea524b953603cb,
        0x3f9c6b970cd55144, 0x3f4cbfabc9cd821e, 0x3fc3cb790c121ffd, 0x3f743a3d88500108,
        0x3fea524b953603cb, 0x3f9c6b970cd55147, 0x3f4cbfabc9cd821d,
    ];

    private static readonly ulong[] LogSoftmax64 =
    [
        0xc01c278a986765e6, 0xbffddda2a56e924a, 0xc0153e2e2db6bd90, 0xbfc90143da638bc9,
        0xc00cacc9af0a81e5, 0xc01c278a986765e6, 0xbffddda2a56e924a, 0xc0153e2e2db6bd92,
        0xbfc90143da638bc9, 0xc00cacc9af0a81e4, 0xc01c278a986765e6,
    ];

    [Fact]
    public void MatchesPyTorchAtTwoThreads() => ThreadsCollection.WithThreads(2, () =>
    {
        var x = (Core.SumBitsTests.Values(37 * 45, DType.Float32) * 10).Reshape(37, 45);
        Assert.Equal(Softmax, Core.SumBitsTests.Bits32(F.Softmax(x, 0).Select(0, 0)));
        Assert.Equal(LogSoftmax, Core.SumBitsTests.Bits32(F.LogSoftmax(x, 0).Select(0, 0)));
        var d = (Core.SumBitsTests.Values(5 * 11, DType.Float64) * 10).Reshape(5, 11);
        Assert.Equal(Softmax64, Core.SumBitsTests.Bits64(F.Softmax(d, 0).Select(0, 0)));
        Assert.Equal(LogSoftmax64, Core.SumBitsTests.Bits64(F.LogSoftmax(d, 0).Select(0, 0)));
    });
}
