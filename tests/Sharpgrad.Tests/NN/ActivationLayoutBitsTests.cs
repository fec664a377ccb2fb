using F = Sharpgrad.NN.Functional;

namespace Sharpgrad.Tests.NN;

/// <summary>
/// sigmoid, softplus, elu, silu, mish and gelu (exact and tanh forms) of transposed, expanded and strided inputs bit for
/// bit as PyTorch 2.6 computes them. Their ATen loops take whole pairs of 64-byte vectors through SLEEF and the rest
/// through the C library, in TensorIterator's order: of In as [8, 5] transposed, the 32 elements first in memory take
/// SLEEF and the last 8 the C library; In as a row expanded to [2, 40] splits each row 32 + 8; In's first 32 as [2, 16]
/// with every second column taken go through the C library throughout. The first 35 values of each In are ones whose
/// SLEEF and C library results differ (drawn by the oracle from 4096 normal values times 4, Float32 exact gelu compared
/// on ATen's own kernel, which PyTorch takes rather than oneDNN for an input that is not contiguous); the last five are
/// zeros of both signs, infinities and NaN. (Float64 -1.4702726438277558, where the C library's log1p rounds its own
/// product, is checked in Log1pLibmBitsTests.)
/// </summary>
public class ActivationLayoutBitsTests
{
    private static readonly uint[] SigmoidF32In =
        [0x3e8bcd9a, 0xc091b65a, 0xc07528e0, 0xbfbf418d, 0xc0906524, 0x3f80d327, 0xc0d4fa3b, 0xc0bf85ba, 0xc0cfdac8,
        0xc04864e0, 0xbfe51b3f, 0xbfe7b97a, 0xc0ad64dd, 0xc078a022, 0xc01e671b, 0xbf78f897, 0xc0b9c3c8, 0xc0b96df0,
        0xc00a1514, 0xc0b98a9b, 0xc0e0c57a, 0xc02093ea, 0xbfe52704, 0xbf7dc899, 0xc045129a, 0xc01d640a, 0xc02cda6e,
        0x3fe3add5, 0xbfe0576c, 0xbff30101, 0xbf0dc54b, 0xbe8519cc, 0xc0ba74ad, 0xbf55f3ef, 0xc0c15916, 0x00000000,
        0x80000000, 0x7f800000, 0xff800000, 0x7fc00000];

    private static readonly uint[] SigmoidF32Transposed =
        [0x3f115e1c, 0x3f3b7990, 0x3e128511, 0x3e8c7abb, 0x3a6924b1, 0x3da15023, 0x3ebadf56, 0x3f000000, 0x3c2aba8c,
        0x3aa8748d, 0x3e0ff86d, 0x3b44cd52, 0x3d9a10fc, 0x3d80de73, 0x3edee933, 0x3f000000, 0x3cadf5f1, 0x3b2479fe,
        0x3b90a2de, 0x3b46de6f, 0x3e127986, 0x3f5b04c4, 0x3b409c3c, 0x3f800000, 0x3e3bb16a, 0x3ac5a858, 0x3ca4f9ab,
        0x3dd43b79, 0x3e8a9240, 0x3e17418f, 0x3e9ad818, 0x00000000, 0x3c31d344, 0x3d2b60a1, 0x3d9efa94, 0x3b462d1e,
        0x3d341ad5, 0x3e0568a2, 0x3b1b6097, 0xffc00000];

    private static readonly uint[] SigmoidF32Row =
        [0x3f115e1c, 0x3c2aba8c, 0x3cadf5f1, 0x3e3bb16a, 0x3c31d344, 0x3f3b7990, 0x3aa8748d, 0x3b2479fe, 0x3ac5a858,
        0x3d2b60a1, 0x3e128511, 0x3e0ff86d, 0x3b90a2de, 0x3ca4f9ab, 0x3d9efa94, 0x3e8c7abb, 0x3b44cd52, 0x3b46de6f,
        0x3dd43b79, 0x3b462d1e, 0x3a6924b1, 0x3d9a10fc, 0x3e127986, 0x3e8a9240, 0x3d341ad5, 0x3da15023, 0x3d80de73,
        0x3f5b04c4, 0x3e17418f, 0x3e0568a2, 0x3ebadf56, 0x3edee933, 0x3b409c3c, 0x3e9ad818, 0x3b1b6097, 0x3f000000,
        0x3f000000, 0x3f800000, 0x00000000, 0xffc00000];

    private static readonly uint[] SigmoidF32Strided =
        [0x3f115e1d, 0x3cadf5f0, 0x3c31d343, 0x3aa8748e, 0x3ac5a859, 0x3e128510, 0x3b90a2dd, 0x3d9efa95, 0x3b44cd53,
        0x3dd43b7a, 0x3a6924b3, 0x3e127985, 0x3d341ad4, 0x3d80de72, 0x3e17418e, 0x3ebadf55];

    private static readonly uint[] SoftplusF32In =
        [0xbeb6e670, 0x3fd23ebb, 0xc109ef4c, 0xbf062b1b, 0xbe17acd0, 0xc109cbb4, 0xbfdb6035, 0x41356f96, 0xbf01bc33,
        0x404dbab5, 0xc01012a8, 0xbf68ba7c, 0xbf83fa49, 0xc0467263, 0xc03c1444, 0xbfd374f0, 0xbf512291, 0xbf3cf0f7,
        0xc0bebf5a, 0x4063a516, 0xc03bf25e, 0xbfb59216, 0xc0798644, 0xc0216697, 0xc025807d, 0x40710c56, 0xbe8bec03,
        0x3e18097b, 0xc017bf5a, 0xbf349134, 0xbea55602, 0x40762184, 0xbf57b2eb, 0x3ef07174, 0xbe997bd9, 0x00000000,
        0x80000000, 0x7f800000, 0xff800000, 0x7fc00000];

    private static readonly uint[] SoftplusF32Transposed =
        [0x3f07c85d, 0x393eaf3e, 0x3dcd0034, 0x3e338f59, 0x3d53b1da, 0x40728312, 0x3f0b6f28, 0x3f317218, 0x3fe8e2bd,
        0x3e29a19f, 0x3ead543d, 0x3ebb54cf, 0x3e5dfbcc, 0x3f10d904, 0x40777bf1, 0x3f317218, 0x393d08eb, 0x41356fa3,
        0x3e9c28c9, 0x3ec80c6e, 0x3ca45b92, 0x3f4527b4, 0x3eb75829, 0x7f800000, 0x3eee1aca, 0x3ef16b86, 0x3d345b5d,
        0x3b28b6f5, 0x3d9e333b, 0x3db6d644, 0x3f748cbf, 0x00000000, 0x3f1f300e, 0x4050400c, 0x3d5344af, 0x406571e9,
        0x3d94ba73, 0x3ecd868b, 0x3f0df08f, 0x7fc00000];

    private static readonly uint[] SoftplusF32Row =
        [0x3f07c85d, 0x3fe8e2bd, 0x393d08eb, 0x3eee1aca, 0x3f1f300e, 0x393eaf3e, 0x3e29a19f, 0x41356fa3, 0x3ef16b86,
        0x4050400c, 0x3dcd0034, 0x3ead543d, 0x3e9c28c9, 0x3d345b5d, 0x3d5344af, 0x3e338f59, 0x3ebb54cf, 0x3ec80c6e,
        0x3b28b6f5, 0x406571e9, 0x3d53b1da, 0x3e5dfbcc, 0x3ca45b92, 0x3d9e333b, 0x3d94ba73, 0x40728312, 0x3f10d904,
        0x3f4527b4, 0x3db6d644, 0x3ecd868b, 0x3f0b6f28, 0x40777bf1, 0x3eb75829, 0x3f748cbf, 0x3f0df08f, 0x3f317218,
        0x3f317218, 0x7f800000, 0x00000000, 0x7fc00000];

    private static readonly uint[] SoftplusF32Strided =
        [0x3f07c85c, 0x393d08ec, 0x3f1f300f, 0x3e29a19e, 0x3ef16b84, 0x3dcd0033, 0x3e9c28c8, 0x3d5344ae, 0x3ebb54ce,
        0x3b28b6f6, 0x3d53b1db, 0x3ca45b91, 0x3d94ba74, 0x3f10d903, 0x3db6d643, 0x3f0b6f27];

    private static readonly uint[] EluF32In =
        [0xbf7796be, 0xbed3de4f, 0xbfe2b345, 0xbeee3a42, 0xc01dbb7d, 0xbf624ff9, 0xbfa63a44, 0xc00b5aab, 0xbfd7a610,
        0xbfdb2ad4, 0xbee9bf1d, 0xbf83707e, 0xc06e5e07, 0xbea8876a, 0xbe3bd651, 0xbf83435b, 0xbeb42b59, 0xbea19cf9,
        0xbdafc34c, 0xc0194507, 0xbe594dd0, 0xc015912c, 0xbf019585, 0xbf9116f7, 0xbe801f8c, 0xbeecc276, 0xbe6507c8,
        0xbfc4f276, 0xbf4d6a69, 0xbe834f15, 0xbe0ef047, 0xbf967c47, 0xbea355bd, 0xbe62b0d6, 0xbf8ea6f6, 0x00000000,
        0x80000000, 0x7f800000, 0xff800000, 0x7fc00000];

    private static readonly uint[] EluF32Transposed =
        [0xbf1ead5b, 0xbf163e31, 0xbebba948, 0xbf243181, 0xbe43cb78, 0xbebd907c, 0xbe056928, 0x00000000, 0xbead806c,
        0xbf3a2349, 0xbf2451db, 0xbe97e1d4, 0xbf674404, 0xbe4d3998, 0xbf30febf, 0x00000000, 0xbf547148, 0xbf62fc7e,
        0xbf79d2ea, 0xbe8a9758, 0xbecb5f38, 0xbf490b54, 0xbe8bd842, 0x7f800000, 0xbebe7ccc, 0xbf5083be, 0xbe8f99dc,
        0xbda86e90, 0xbf2d97f1, 0xbf0d3f83, 0xbe4b5a24, 0xbf800000, 0xbf6a3a74, 0xbf51cd5a, 0xbe2b9db8, 0xbf68a7f0,
        0xbe62b330, 0xbe67a538, 0xbf2c025c, 0x7fc00000];

    private static readonly uint[] EluF32Row =
        [0xbf1ead5b, 0xbead806c, 0xbf547148, 0xbebe7ccc, 0xbf6a3a74, 0xbf163e31, 0xbf3a2349, 0xbf62fc7e, 0xbf5083be,
        0xbf51cd5a, 0xbebba948, 0xbf2451db, 0xbf79d2ea, 0xbe8f99dc, 0xbe2b9db8, 0xbf243181, 0xbe97e1d4, 0xbe8a9758,
        0xbda86e90, 0xbf68a7f0, 0xbe43cb78, 0xbf674404, 0xbecb5f38, 0xbf2d97f1, 0xbe62b330, 0xbebd907c, 0xbe4d3998,
        0xbf490b54, 0xbf0d3f83, 0xbe67a538, 0xbe056928, 0xbf30febf, 0xbe8bd842, 0xbe4b5a24, 0xbf2c025c, 0x00000000,
        0x00000000, 0x7f800000, 0xbf800000, 0x7fc00000];

    private static readonly uint[] EluF32Strided =
        [0xbf1ead5c, 0xbf547149, 0xbf6a3a75, 0xbf3a2348, 0xbf5083bd, 0xbebba94a, 0xbf79d2eb, 0xbe2b9db4, 0xbe97e1d2,
        0xbda86e98, 0xbe43cb7c, 0xbecb5f36, 0xbe62b32c, 0xbe4d399c, 0xbf0d3f82, 0xbe056924];

    private static readonly uint[] SiluF32In =
        [0x3f82a4fe, 0x3fe2de48, 0xc0e90cfe, 0xc068a9fa, 0xc0d2c193, 0xc055cae1, 0xbfd53ed5, 0xc0a8d94d, 0xc07c121a,
        0xbe9c06c3, 0xbfdea27e, 0xc0d97aec, 0xbfe90f84, 0xc041e61a, 0xc0795f50, 0xc0d8f83f, 0xbfefc9ed, 0xc0431cc6,
        0xbf892693, 0xc018471c, 0xc0fa9573, 0xc0757987, 0xc1098ad1, 0xc0760e0f, 0xc0ed597e, 0xc0a72d1a, 0xc08d6ae2,
        0xbe7968f2, 0x3fc6c480, 0xbf6f04e9, 0xc025b710, 0xc08606d9, 0xc01b9edb, 0xc12b4339, 0xc01d8d76, 0x00000000,
        0x80000000, 0x7f800000, 0xff800000, 0x7fc00000];

    private static readonly uint[] SiluF32Transposed =
        [0x3f4012e7, 0xbdea0665, 0xbe850b5b, 0xbbfc1757, 0xbb4bd3b9, 0xbce53380, 0xbe3926ad, 0x00000000, 0x3fc1ead0,
        0xbe87973b, 0xbbf8b0a2, 0xbe7f6e8d, 0xbda601b1, 0xbd57656b, 0xbd803126, 0x80000000, 0xbba3e43e, 0xbcdbc3cd,
        0xbe81e5f6, 0xbe0d582d, 0xbad026ef, 0xbddb2f7e, 0xbe492d96, 0x7f800000, 0xbdbf50c9, 0xbd9a17a8, 0xbe0f07be,
        0xbe8bf59f, 0xbda4edc1, 0x3fa40c68, 0xb97c0c3a, 0xffc00000, 0xbc14a37f, 0xbe046f5e, 0xbd9ee081, 0xbe4e846c,
        0xbb91f1f6, 0xbe86e4b2, 0xbe46184f, 0x7fc00000];

    private static readonly uint[] SiluF32Row =
        [0x3f4012e7, 0x3fc1ead0, 0xbba3e43e, 0xbdbf50c9, 0xbc14a37f, 0xbdea0665, 0xbe87973b, 0xbcdbc3cd, 0xbd9a17a8,
        0xbe046f5e, 0xbe850b5b, 0xbbf8b0a2, 0xbe81e5f6, 0xbe0f07be, 0xbd9ee081, 0xbbfc1757, 0xbe7f6e8d, 0xbe0d582d,
        0xbe8bf59f, 0xbe4e846c, 0xbb4bd3b9, 0xbda601b1, 0xbad026ef, 0xbda4edc1, 0xbb91f1f6, 0xbce53380, 0xbd57656b,
        0xbddb2f7e, 0x3fa40c68, 0xbe86e4b2, 0xbe3926ad, 0xbd803126, 0xbe492d96, 0xb97c0c3a, 0xbe46184f, 0x00000000,
        0x80000000, 0x7f800000, 0xffc00000, 0x7fc00000];

    private static readonly uint[] SiluF32Strided =
        [0x3f4012e8, 0xbba3e43f, 0xbc14a380, 0xbe87973a, 0xbd9a17a9, 0xbe850b5a, 0xbe81e5f5, 0xbd9ee080, 0xbe7f6e8c,
        0xbe8bf5a0, 0xbb4bd3b8, 0xbad026f0, 0xbb91f1f5, 0xbd576569, 0x3fa40c69, 0xbe3926ae];

    private static readonly uint[] MishF32In =
        [0xc02169c2, 0xc01b3e3e, 0xc0258db7, 0xc0a14aaa, 0xc0e95aca, 0xc1006858, 0xbf459221, 0xc02142a1, 0xc08db691,
        0xc0485e3f, 0xc0d0f328, 0xc026bdde, 0xc0917293, 0x410c964d, 0xc0406997, 0x401a0deb, 0xbf0da8e3, 0xbf9cce63,
        0xc080543f, 0xc06da855, 0xc012c7c6, 0x3ef8ad7e, 0xbfd7c917, 0x3f3db495, 0xc08e444e, 0xbea2069c, 0xc022f38e,
        0xbfd9e1c2, 0xc119b895, 0xbf9d69e6, 0xc00edf6d, 0x3feaaa6a, 0xbf108884, 0xbfca7db0, 0x3ef747fa, 0x00000000,
        0x80000000, 0x7f800000, 0xff800000, 0x7fc00000];

    private static readonly uint[] MishF32Transposed =
        [0xbe47105d, 0xbb2bf918, 0xbc1c0603, 0x4017f6fd, 0xbe6119f3, 0xbe218ef9, 0xbe6822b0, 0x00000000, 0xbe51f283,
        0xbe8f4cf4, 0xbe3dd5b9, 0xbe710c23, 0x3eb9a8d7, 0xbe4461af, 0x3fe1ea16, 0x80000000, 0xbe3fe07d, 0xbe4754c8,
        0xbd449f6f, 0xbe9e0e6d, 0xbe9153d1, 0xbe9095ce, 0xbe740006, 0x7f800000, 0xbd052bf6, 0xbd572553, 0x410c964d,
        0xbd938a00, 0x3f19e7f7, 0xba2949c5, 0xbe95af9c, 0xffc00000, 0xbba29c4c, 0xbe08fe2c, 0xbe14870b, 0xbdb7423a,
        0xbd544da8, 0xbe9e08c5, 0x3eb86e92, 0x7fc00000];

    private static readonly uint[] MishF32Row =
        [0xbe47105d, 0xbe51f283, 0xbe3fe07d, 0xbd052bf6, 0xbba29c4c, 0xbb2bf918, 0xbe8f4cf4, 0xbe4754c8, 0xbd572553,
        0xbe08fe2c, 0xbc1c0603, 0xbe3dd5b9, 0xbd449f6f, 0x410c964d, 0xbe14870b, 0x4017f6fd, 0xbe710c23, 0xbe9e0e6d,
        0xbd938a00, 0xbdb7423a, 0xbe6119f3, 0x3eb9a8d7, 0xbe9153d1, 0x3f19e7f7, 0xbd544da8, 0xbe218ef9, 0xbe4461af,
        0xbe9095ce, 0xba2949c5, 0xbe9e08c5, 0xbe6822b0, 0x3fe1ea16, 0xbe740006, 0xbe95af9c, 0x3eb86e92, 0x00000000,
        0x80000000, 0x7f800000, 0xffc00000, 0x7fc00000];

    private static readonly uint[] MishF32Strided =
        [0xbe47105c, 0xbe3fe07f, 0xbba29c4d, 0xbe8f4cf3, 0xbd572552, 0xbc1c0604, 0xbd449f6d, 0xbe14870c, 0xbe710c21,
        0xbd938a01, 0xbe6119f2, 0xbe9153d0, 0xbd544da7, 0xbe4461ae, 0xba2949c6, 0xbe6822af];

    private static readonly uint[] GeluF32In =
        [0x400632dd, 0x4050a3e1, 0xbf7477b3, 0x400d208c, 0xc04dbd2a, 0xbecea510, 0xbee8517f, 0x3ef1667c, 0xbfeb2eed,
        0xc04384fe, 0xbe3a4830, 0x3de96f10, 0x3ffa45d3, 0xbed7b792, 0x404e571a, 0xbfaeff04, 0xbff768fd, 0x3fae4ad2,
        0xc054419a, 0xc04efd26, 0xbf768cff, 0x3e3c2ea9, 0x3ded2469, 0xbf9ad43b, 0x3f99a015, 0x404271c5, 0xc062cc12,
        0x3faa85d9, 0x4060f149, 0xc01768af, 0xbf5988e5, 0xc0656ef8, 0xc00ead46, 0xbfb6cf69, 0xc07ba9ae, 0x00000000,
        0x80000000, 0x7f800000, 0xff800000, 0x7fc00000];

    private static readonly uint[] GeluF32Transposed =
        [0x4003c85e, 0xbe0ddcd6, 0xbd9f6453, 0xbdf03384, 0xbe256fe0, 0x40423688, 0xbe2c0e34, 0x00000000, 0x4050861f,
        0xbe170272, 0x3d7e9e0a, 0xbd52ca86, 0x3dd79ee5, 0xba374dbf, 0xba1e7de0, 0x80000000, 0xbe260b21, 0x3ea47a91,
        0x3ff3f25f, 0x3f9f3078, 0x3d818058, 0x3f9af012, 0xbceb8465, 0x7f800000, 0x400b30c1, 0xbd78f013, 0xbe114a2a,
        0xbac625ee, 0xbe0c3ba3, 0x4060e49b, 0xbde019b6, 0xffc00000, 0xbb0993ef, 0xbb61514f, 0x404e35b8, 0xbb014ad0,
        0x3f87f41f, 0xbcae5a95, 0xb92d827c, 0x7fc00000];

    private static readonly uint[] GeluF32Row =
        [0x4003c85e, 0x4050861f, 0xbe260b21, 0x400b30c1, 0xbb0993ef, 0xbe0ddcd6, 0xbe170272, 0x3ea47a91, 0xbd78f013,
        0xbb61514f, 0xbd9f6453, 0x3d7e9e0a, 0x3ff3f25f, 0xbe114a2a, 0x404e35b8, 0xbdf03384, 0xbd52ca86, 0x3f9f3078,
        0xbac625ee, 0xbb014ad0, 0xbe256fe0, 0x3dd79ee5, 0x3d818058, 0xbe0c3ba3, 0x3f87f41f, 0x40423688, 0xba374dbf,
        0x3f9af012, 0x4060e49b, 0xbcae5a95, 0xbe2c0e34, 0xba1e7de0, 0xbceb8465, 0xbde019b6, 0xb92d827c, 0x00000000,
        0x80000000, 0x7f800000, 0xffc00000, 0x7fc00000];

    private static readonly uint[] GeluF32Strided =
        [0x4003c85d, 0xbe260b23, 0xbb0990b8, 0xbe17026e, 0xbd78f030, 0xbd9f6455, 0x3ff3f25e, 0x404e35b9, 0xbd52cab5,
        0xbac61f4c, 0xbe256fde, 0x3d818056, 0x3f87f420, 0xba373f93, 0x4060e49d, 0xbe2c0e38];

    private static readonly uint[] GeluTanhF32In =
        [0xc0a4d1a6, 0xbef947b8, 0xc0a4ef51, 0x3fa641b9, 0xbfd71458, 0xc0a48679, 0xbff5961b, 0xbfe168e5, 0xc0a49410,
        0xbfb8dc7c, 0x3e895ed4, 0x3f8f28ce, 0xbf533864, 0xc00709ff, 0xc0a3fe35, 0xbfe76092, 0xc0a3bb65, 0xc0a214d0,
        0x3f81d746, 0xbf937b13, 0xc0a28047, 0xc0a37359, 0xc0a302ff, 0xc0a2f685, 0xbfb8d032, 0xbf519e31, 0x3fcdf99e,
        0xc0a41f90, 0x3ff2fa7c, 0x3fe3f21b, 0xc0a26976, 0xc00690c7, 0xc0a3a9bd, 0xbf4ace60, 0x3fb52389, 0x00000000,
        0x80000000, 0x7f800000, 0xff800000, 0x7fc00000];

    private static readonly uint[] GeluTanhF32Transposed =
        [0x80000000, 0x80000000, 0x3e266d57, 0xbd82ec33, 0x80000000, 0xbe2d30a6, 0x80000000, 0x00000000, 0xbe1c26dd,
        0xbd581dc3, 0x3f789064, 0x80000000, 0x80000000, 0x3fc2df77, 0xbd181c6e, 0x80000000, 0x80000000, 0xbd8d45f0,
        0xbe2d02a8, 0x80000000, 0x80000000, 0x80000000, 0xb423a9bd, 0x7f800000, 0x3f961a03, 0x80000000, 0xbd15d90c,
        0x3f5b56b9, 0x80000000, 0x3febf989, 0xbe2dc826, 0xffc00000, 0xbda02353, 0xbddc5743, 0x80000000, 0xbe133d63,
        0xbddc7097, 0x3fdb64f0, 0x3fa6e331, 0x7fc00000];

    private static readonly uint[] GeluTanhF32Row =
        [0x80000000, 0xbe1c26dd, 0x80000000, 0x3f961a03, 0xbda02353, 0x80000000, 0xbd581dc3, 0xbd8d45f0, 0x80000000,
        0xbddc5743, 0x3e266d57, 0x3f789064, 0xbe2d02a8, 0xbd15d90c, 0x80000000, 0xbd82ec33, 0x80000000, 0x80000000,
        0x3f5b56b9, 0xbe133d63, 0x80000000, 0x80000000, 0x80000000, 0x80000000, 0xbddc7097, 0xbe2d30a6, 0x3fc2df77,
        0x80000000, 0x3febf989, 0x3fdb64f0, 0x80000000, 0xbd181c6e, 0xb423a9bd, 0xbe2dc826, 0x3fa6e331, 0x00000000,
        0x80000000, 0x7f800000, 0xffc00000, 0x7fc00000];

    private static readonly uint[] GeluTanhF32Strided =
        [0xb424d1a6, 0xb424ef51, 0xbda0234c, 0xbd581db3, 0xb4249410, 0x3e266d58, 0xbe2d02aa, 0xb423fe35, 0xb423bb65,
        0x3f5b56b8, 0xb4228047, 0xb42302ff, 0xbddc709d, 0x3fc2df78, 0x3febf98a, 0xb4226976];

    private static readonly ulong[] SigmoidF64In =
        [0xbff22f9ad4323eb6UL, 0xc007b864f37ea79eUL, 0xc002fa0d1844d7a3UL, 0xc008d729033b3060UL, 0xc0159f807a49388aUL,
        0xbfd7b11de72af114UL, 0x3fd453fa876df66bUL, 0x3ff095e7d7b4f053UL, 0xc00930a657ed242aUL, 0xbff1639664fc0ca4UL,
        0xbffadc2db4dbc5ecUL, 0xc0174c6288592a6dUL, 0xc0175ae52110110bUL, 0x3ffb6d92c9e0f7e8UL, 0xc01454da0f5d8a2aUL,
        0x3ff2ecc08edd8066UL, 0xbff29683c45ec8d8UL, 0xc00e0b55766e8aabUL, 0xc00ea2c12ea64a67UL, 0x3ffd1e0a46d2b6dfUL,
        0xc004051dc0505c44UL, 0xc016cce73ec53853UL, 0xc007bfd18262fe7eUL, 0xc001f79c3613da94UL, 0xc02261f5fe5ddeecUL,
        0xc002cf7e10a674faUL, 0xc00461fb45f767acUL, 0x3fee6f6538dd2ba4UL, 0xc008b75ef3e0b70fUL, 0xc00e0305c0a7644cUL,
        0xbfb59a10d0abd798UL, 0xbff09a3c2badcd60UL, 0xc008c339d6d81a15UL, 0xc018b6c7711de701UL, 0x3fe14f91abb1e482UL,
        0x0000000000000000UL, 0x8000000000000000UL, 0x7ff0000000000000UL, 0xfff0000000000000UL, 0x7ff8000000000000UL];

    private static readonly ulong[] SigmoidF64Transposed =
        [0x3fcf18b14abe18a9UL, 0x3fda24cd642c79ebUL, 0x3fc4211c5b7a575fUL, 0x3fe87e9326540b9cUL, 0x3fb35ff9fe49da86UL,
        0x3fb643190e2c4b98UL, 0x3fdea69369b7d4ebUL, 0x3fe0000000000000UL, 0x3fa91a8b7cdb86dbUL, 0x3fe2851546280aa6UL,
        0x3f6820be6b732971UL, 0x3fce82410340cefeUL, 0x3f6b50e50a17f063UL, 0x3fb2940cb7680ea1UL, 0x3fd0be1949ebb016UL,
        0x3fe0000000000000UL, 0x3fb5d7e3d8e03d1cUL, 0x3fe79f471044349cUL, 0x3f67ca16ac24374aUL, 0x3f9766e5bdd03677UL,
        0x3fa9046d48f8a5b1UL, 0x3fe7152f24389a81UL, 0x3fa62b7bacd1dae4UL, 0x3ff0000000000000UL, 0x3fa5f6ddf0ab76baUL,
        0x3fa51059ccfb7453UL, 0x3feb1dcb1abf23d8UL, 0x3f95c502a480d54aUL, 0x3fb88004d8b90d5bUL, 0x3fa64aff2e78360fUL,
        0x3f60f38ae177a009UL, 0x0000000000000000UL, 0x3f724fb5cb99603bUL, 0x3fd0245a683235d4UL, 0x3f793f508764b0fdUL,
        0x3feb8998344d92d7UL, 0x3f1ab6fc9fe3c9e8UL, 0x3f977eb35c288bc7UL, 0x3fe439a46c908807UL, 0xfff8000000000000UL];

    private static readonly ulong[] SigmoidF64Row =
        [0x3fcf18b14abe18a9UL, 0x3fa91a8b7cdb86dbUL, 0x3fb5d7e3d8e03d1cUL, 0x3fa5f6ddf0ab76baUL, 0x3f724fb5cb99603bUL,
        0x3fda24cd642c79ebUL, 0x3fe2851546280aa6UL, 0x3fe79f471044349cUL, 0x3fa51059ccfb7453UL, 0x3fd0245a683235d4UL,
        0x3fc4211c5b7a575fUL, 0x3f6820be6b732971UL, 0x3f67ca16ac24374aUL, 0x3feb1dcb1abf23d8UL, 0x3f793f508764b0fdUL,
        0x3fe87e9326540b9cUL, 0x3fce82410340cefeUL, 0x3f9766e5bdd03677UL, 0x3f95c502a480d54aUL, 0x3feb8998344d92d7UL,
        0x3fb35ff9fe49da86UL, 0x3f6b50e50a17f063UL, 0x3fa9046d48f8a5b1UL, 0x3fb88004d8b90d5bUL, 0x3f1ab6fc9fe3c9e8UL,
        0x3fb643190e2c4b98UL, 0x3fb2940cb7680ea1UL, 0x3fe7152f24389a81UL, 0x3fa64aff2e78360fUL, 0x3f977eb35c288bc7UL,
        0x3fdea69369b7d4ebUL, 0x3fd0be1949ebb016UL, 0x3fa62b7bacd1dae4UL, 0x3f60f38ae177a009UL, 0x3fe439a46c908807UL,
        0x3fe0000000000000UL, 0x3fe0000000000000UL, 0x3ff0000000000000UL, 0x0000000000000000UL, 0xfff8000000000000UL];

    private static readonly ulong[] SigmoidF64Strided =
        [0x3fcf18b14abe18a7UL, 0x3fb5d7e3d8e03d1dUL, 0x3f724fb5cb99603aUL, 0x3fe2851546280aa5UL, 0x3fa51059ccfb7454UL,
        0x3fc4211c5b7a575eUL, 0x3f67ca16ac24374bUL, 0x3f793f508764b0fcUL, 0x3fce82410340cefcUL, 0x3f95c502a480d549UL,
        0x3fb35ff9fe49da85UL, 0x3fa9046d48f8a5b2UL, 0x3f1ab6fc9fe3c9eaUL, 0x3fb2940cb7680ea2UL, 0x3fa64aff2e78360eUL,
        0x3fdea69369b7d4edUL];

    private static readonly ulong[] SoftplusF64In =
        [0xc017e41bf0dcd12cUL, 0x3fd3142bd179a3aeUL, 0xc0118ee3940cb55aUL, 0x3fe95f73d3850b9dUL, 0xbfdf772988200531UL,
        0xbfe28c056296d761UL, 0xc00aa06780f0e78cUL, 0xbff3f62e49297fbfUL, 0xc004d752112b77c6UL, 0xbfd8ea4b07884e4fUL,
        0xc01b1ae145522a76UL, 0xc017250112b03421UL, 0xbfe74851ef0f7bf7UL, 0x3fd84ec4fc09e297UL, 0x400cd7335219897dUL,
        0xc008af688156d507UL, 0x401588859aedef24UL, 0xbffc525a0cdcd12fUL, 0xbff2b41d4347b488UL, 0xbfd85d7afd8e0f30UL,
        0x3fd080ce640d21cfUL, 0x3ffd7a134fbddf9cUL, 0x3ff6be5a83a4f2aaUL, 0xc01069cb1847fcc4UL, 0xbfe135ae10ea6a2cUL,
        0x3ffd96e71eb1d69cUL, 0xc0078616878c85dcUL, 0x3fe58b3a76d08629UL, 0xc015812927ef170cUL, 0xbfd9ddde89a945b2UL,
        0xc00ec26452fec32bUL, 0xc01dd679eda7bad0UL, 0x3fd2c3188145613eUL, 0xc011c9e876ee89b0UL, 0xbfd8645e595e07a8UL,
        0x0000000000000000UL, 0x8000000000000000UL, 0x7ff0000000000000UL, 0xfff0000000000000UL, 0x7ff8000000000000UL];

    private static readonly ulong[] SoftplusF64Transposed =
        [0x3f64d70fc46aabc4UL, 0x3fdc770ff224e84bUL, 0x3f52ad0fe88f4d99UL, 0x3fa6e13315d984c3UL, 0x3fea925d2aa06489UL,
        0x3fffed6e30f9bd79UL, 0x3f95aba8c1df3f74UL, 0x3fe62e42fefa39efUL, 0x3feb4df838948e72UL, 0x3fa20911816543b8UL,
        0x3f691c03a2e54d83UL, 0x40158d36c17acfadUL, 0x3fffd488b9aec261UL, 0x3faa5d284a8f323aUL, 0x3f42de38df3c1ebaUL,
        0x3fe62e42fefa39efUL, 0x3f894086bf52c8deUL, 0x3fd0285c7574de55UL, 0x3fd9394050301638UL, 0x3fc4218552515a25UL,
        0x3ffa33ef10c1dcc5UL, 0x3ff15dc08c8db781UL, 0x3feb36b9f06d8386UL, 0x7ff0000000000000UL, 0x3ff2a8ca4e2fa2bbUL,
        0x3fb2401608e0e8a7UL, 0x3fecd4ca67c7795aUL, 0x3fd150b30a73b8c0UL, 0x3f90c6ae9a9deb44UL, 0x3f72e72f702fec9dUL,
        0x3f87d892415103d8UL, 0x0000000000000000UL, 0x3fde8b12d18a83f7UL, 0x3fe08de8fce73902UL, 0x400d0e21f5f5f9efUL,
        0x3fe0aa6b4aa19abfUL, 0x3fdd702faf280572UL, 0x3fe05cf07aebb935UL, 0x3fe0a905699e2f40UL, 0x7ff8000000000000UL];

    private static readonly ulong[] SoftplusF64Row =
        [0x3f64d70fc46aabc4UL, 0x3feb4df838948e72UL, 0x3f894086bf52c8deUL, 0x3ff2a8ca4e2fa2bbUL, 0x3fde8b12d18a83f7UL,
        0x3fdc770ff224e84bUL, 0x3fa20911816543b8UL, 0x3fd0285c7574de55UL, 0x3fb2401608e0e8a7UL, 0x3fe08de8fce73902UL,
        0x3f52ad0fe88f4d99UL, 0x3f691c03a2e54d83UL, 0x3fd9394050301638UL, 0x3fecd4ca67c7795aUL, 0x400d0e21f5f5f9efUL,
        0x3fa6e13315d984c3UL, 0x40158d36c17acfadUL, 0x3fc4218552515a25UL, 0x3fd150b30a73b8c0UL, 0x3fe0aa6b4aa19abfUL,
        0x3fea925d2aa06489UL, 0x3fffd488b9aec261UL, 0x3ffa33ef10c1dcc5UL, 0x3f90c6ae9a9deb44UL, 0x3fdd702faf280572UL,
        0x3fffed6e30f9bd79UL, 0x3faa5d284a8f323aUL, 0x3ff15dc08c8db781UL, 0x3f72e72f702fec9dUL, 0x3fe05cf07aebb935UL,
        0x3f95aba8c1df3f74UL, 0x3f42de38df3c1ebaUL, 0x3feb36b9f06d8386UL, 0x3f87d892415103d8UL, 0x3fe0a905699e2f40UL,
        0x3fe62e42fefa39efUL, 0x3fe62e42fefa39efUL, 0x7ff0000000000000UL, 0x0000000000000000UL, 0x7ff8000000000000UL];

    private static readonly ulong[] SoftplusF64Strided =
        [0x3f64d70fc46aabc3UL, 0x3f894086bf52c8dfUL, 0x3fde8b12d18a83f6UL, 0x3fa20911816543b7UL, 0x3fb2401608e0e8a6UL,
        0x3f52ad0fe88f4d9aUL, 0x3fd9394050301637UL, 0x400d0e21f5f5f9eeUL, 0x40158d36c17acfaeUL, 0x3fd150b30a73b8bfUL,
        0x3fea925d2aa0648aUL, 0x3ffa33ef10c1dcc4UL, 0x3fdd702faf280571UL, 0x3faa5d284a8f323bUL, 0x3f72e72f702fec9cUL,
        0x3f95aba8c1df3f73UL];

    private static readonly ulong[] EluF64In =
        [0xbff14becc8a553bfUL, 0xbff81db6ec43d98dUL, 0xbfefc0d8598a644cUL, 0xbfc2d02760f6d1d2UL, 0xbfdf007cde24306aUL,
        0xbfff7679091a9d0aUL, 0xbfd4339314a624fdUL, 0xbfc30f3176ce16edUL, 0xbfee56ce24880bbcUL, 0xbff0581c88ee0e73UL,
        0xbfef0b01ceb96dcfUL, 0xbffcfc93da6cff27UL, 0xbfd13b677644c7f9UL, 0xbfd92c5cb88bfddeUL, 0xbff1ce693425a010UL,
        0xbfefd9ac04143279UL, 0xbffc4dfa39311e50UL, 0xbfe2264befe3ea3fUL, 0xbfedc45028585631UL, 0xbff042d042c189dfUL,
        0xbfd1cfa347519bcaUL, 0xc00830d0c3d39895UL, 0xbfee3ab2744290e1UL, 0xbfdad3a201a4669eUL, 0xbfe2d90a02d455e4UL,
        0xbfda0dad7bb855dfUL, 0xc00459cc8329a395UL, 0xbfd7c2ae034ecd7bUL, 0xbfc08abe959f7d95UL, 0xbfcddcb032841d26UL,
        0xbfd7e44e5de610ceUL, 0xc0038658d5d41dcdUL, 0xbfe5382bb97b3e04UL, 0xbff2db4aacd8e6adUL, 0xbff10790b630229fUL,
        0x0000000000000000UL, 0x8000000000000000UL, 0x7ff0000000000000UL, 0xfff0000000000000UL, 0x7ff8000000000000UL];

    private static readonly ulong[] EluF64Transposed =
        [0xbfe524ea42e8187bUL, 0xbfeb857a1082632bUL, 0xbfe3ded7af40fb78UL, 0xbfe42c32cf403332UL, 0xbfcf184bf2033ab0UL,
        0xbfd56702b4d8f246UL, 0xbfd3f06714598748UL, 0x0000000000000000UL, 0xbfe8e95485c980cdUL, 0xbfd152e2089d0ca8UL,
        0xbfeac5932c685668UL, 0xbfea8b49d551b732UL, 0xbfee71c03bbe510dUL, 0xbfed7c683dc428a7UL, 0xbfed3667ed6d797eUL,
        0x0000000000000000UL, 0xbfe4230229958c27UL, 0xbfc1b5500b3cb548UL, 0xbfce36d4d93a1a38UL, 0xbfdbb437c675ed16UL,
        0xbfe38edee3b82dffUL, 0xbfd3d93a8e29795aUL, 0xbfdf062ceb8da594UL, 0x7ff0000000000000UL, 0xbfc17ef135992b2cUL,
        0xbfe399c7d956b99bUL, 0xbfd4d001e67dde30UL, 0xbfe36081f3f7b22fUL, 0xbfd5e9f96e9ac86aUL, 0xbfbf090c652d3968UL,
        0xbfe62716f85ea46eUL, 0xbff0000000000000UL, 0xbfd8926931d8f452UL, 0xbfe47a77d54d311cUL, 0xbfe57c0d8951644eUL,
        0xbfe46b176c1f9e47UL, 0xbfdc7cc2c809161aUL, 0xbfcaa26df4a31b1cUL, 0xbfe4f6250bbf8753UL, 0x7ff8000000000000UL];

    private static readonly ulong[] EluF64Row =
        [0xbfe524ea42e8187bUL, 0xbfe8e95485c980cdUL, 0xbfe4230229958c27UL, 0xbfc17ef135992b2cUL, 0xbfd8926931d8f452UL,
        0xbfeb857a1082632bUL, 0xbfd152e2089d0ca8UL, 0xbfc1b5500b3cb548UL, 0xbfe399c7d956b99bUL, 0xbfe47a77d54d311cUL,
        0xbfe3ded7af40fb78UL, 0xbfeac5932c685668UL, 0xbfce36d4d93a1a38UL, 0xbfd4d001e67dde30UL, 0xbfe57c0d8951644eUL,
        0xbfe42c32cf403332UL, 0xbfea8b49d551b732UL, 0xbfdbb437c675ed16UL, 0xbfe36081f3f7b22fUL, 0xbfe46b176c1f9e47UL,
        0xbfcf184bf2033ab0UL, 0xbfee71c03bbe510dUL, 0xbfe38edee3b82dffUL, 0xbfd5e9f96e9ac86aUL, 0xbfdc7cc2c809161aUL,
        0xbfd56702b4d8f246UL, 0xbfed7c683dc428a7UL, 0xbfd3d93a8e29795aUL, 0xbfbf090c652d3968UL, 0xbfcaa26df4a31b1cUL,
        0xbfd3f06714598748UL, 0xbfed3667ed6d797eUL, 0xbfdf062ceb8da594UL, 0xbfe62716f85ea46eUL, 0xbfe4f6250bbf8753UL,
        0x0000000000000000UL, 0x0000000000000000UL, 0x7ff0000000000000UL, 0xbff0000000000000UL, 0x7ff8000000000000UL];

    private static readonly ulong[] EluF64Strided =
        [0xbfe524ea42e8187cUL, 0xbfe4230229958c26UL, 0xbfd8926931d8f454UL, 0xbfd152e2089d0caaUL, 0xbfe399c7d956b99aUL,
        0xbfe3ded7af40fb77UL, 0xbfce36d4d93a1a34UL, 0xbfe57c0d8951644dUL, 0xbfea8b49d551b731UL, 0xbfe36081f3f7b230UL,
        0xbfcf184bf2033aacUL, 0xbfe38edee3b82dfeUL, 0xbfdc7cc2c809161cUL, 0xbfed7c683dc428a6UL, 0xbfbf090c652d3970UL,
        0xbfd3f06714598746UL];

    private static readonly ulong[] SiluF64In =
        [0xc0039835af91002eUL, 0xc015720cd959878eUL, 0xbfeeda1be7ad7647UL, 0x3ff18500a71f2eaeUL, 0x3fd8aedb80ad06acUL,
        0xbfeadf5283629941UL, 0xbff0fa126b4fa5a3UL, 0xc0154da6e4d0c96cUL, 0xbfe9a57f4572de02UL, 0xbfd85b880866ab6bUL,
        0xbfdce221ce4090cdUL, 0xc011ee481c993ef3UL, 0x3fe9d8e8ed2f85efUL, 0xbfdc7a7aeac80938UL, 0xbff3b75030024d0aUL,
        0xc016eb36625b03c2UL, 0xc00e8ac0ebcfdaaaUL, 0xbfe9fa5e69006bd8UL, 0xbffae07478b3dce7UL, 0xbfedad4e0406fbc2UL,
        0xc021a23f855043fcUL, 0xc00392f75c02712eUL, 0xc00fa3695e1e58ecUL, 0x3fdc0a8ba2b60158UL, 0xc0200f881580c412UL,
        0xbfebfd484622350aUL, 0xbfe9f59f97b8b4c0UL, 0xbffe1a6315513edfUL, 0xc003c1d1f61b7947UL, 0xc001dd3471581a1bUL,
        0xbffbd56471d3ce0eUL, 0xc01a0d5c2fb21415UL, 0xc01228e41be53989UL, 0xbffb5f95f8847e73UL, 0xbffde147ec4d5b77UL,
        0x0000000000000000UL, 0x8000000000000000UL, 0x7ff0000000000000UL, 0xfff0000000000000UL, 0x7ff8000000000000UL];

    private static readonly ulong[] SiluF64Transposed =
        [0xbfc8ebac1643d396UL, 0xbfd0356707542b08UL, 0xbfc679648128b1f7UL, 0xbf92fecd1a4dd6d7UL, 0xbf55680af83ca007UL,
        0xbfd0794103091413UL, 0xbfd0a11c03ef1236UL, 0x0000000000000000UL, 0xbf99a6fb324c63e5UL, 0xbfd175a52b94e1e1UL,
        0xbfa9a6db2f47b2f2UL, 0xbfb50471f7653ba6UL, 0xbfc8f40a172a9d56UL, 0xbfcff18335a32072UL, 0xbf83c3c220854150UL,
        0x8000000000000000UL, 0xbfd1089872ac9e24UL, 0xbf9a6659023bce67UL, 0x3fe1e06bedf236ffUL, 0xbfcff411ee731c13UL,
        0xbfb30938944c841aUL, 0xbfcfd7b653be1245UL, 0xbfa88ca4230fc3cdUL, 0x7ff0000000000000UL, 0x3fea415fe618cc41UL,
        0xbfcfc5bafa4cd8ddUL, 0xbfc63eae90c342efUL, 0xbfd0e4498cdff01dUL, 0x3fd10b3d39568df7UL, 0xbfc8a94f56f4a49bUL,
        0xbfd0c2310d41669dUL, 0xfff8000000000000UL, 0x3fcd627acc543ca6UL, 0xbfc3c711d1acdb9fUL, 0xbfd1ce79361d3070UL,
        0xbfd0d2eef51290ccUL, 0xbf6566e21531bf21UL, 0xbfcbacd09bdf226bUL, 0xbfcffdb396f7eae6UL, 0x7ff8000000000000UL];

    private static readonly ulong[] SiluF64Row =
        [0xbfc8ebac1643d396UL, 0xbf99a6fb324c63e5UL, 0xbfd1089872ac9e24UL, 0x3fea415fe618cc41UL, 0x3fcd627acc543ca6UL,
        0xbfd0356707542b08UL, 0xbfd175a52b94e1e1UL, 0xbf9a6659023bce67UL, 0xbfcfc5bafa4cd8ddUL, 0xbfc3c711d1acdb9fUL,
        0xbfc679648128b1f7UL, 0xbfa9a6db2f47b2f2UL, 0x3fe1e06bedf236ffUL, 0xbfc63eae90c342efUL, 0xbfd1ce79361d3070UL,
        0xbf92fecd1a4dd6d7UL, 0xbfb50471f7653ba6UL, 0xbfcff411ee731c13UL, 0xbfd0e4498cdff01dUL, 0xbfd0d2eef51290ccUL,
        0xbf55680af83ca007UL, 0xbfc8f40a172a9d56UL, 0xbfb30938944c841aUL, 0x3fd10b3d39568df7UL, 0xbf6566e21531bf21UL,
        0xbfd0794103091413UL, 0xbfcff18335a32072UL, 0xbfcfd7b653be1245UL, 0xbfc8a94f56f4a49bUL, 0xbfcbacd09bdf226bUL,
        0xbfd0a11c03ef1236UL, 0xbf83c3c220854150UL, 0xbfa88ca4230fc3cdUL, 0xbfd0c2310d41669dUL, 0xbfcffdb396f7eae6UL,
        0x0000000000000000UL, 0x8000000000000000UL, 0x7ff0000000000000UL, 0xfff8000000000000UL, 0x7ff8000000000000UL];

    private static readonly ulong[] SiluF64Strided =
        [0xbfc8ebac1643d395UL, 0xbfd1089872ac9e25UL, 0x3fcd627acc543ca5UL, 0xbfd175a52b94e1e0UL, 0xbfcfc5bafa4cd8dcUL,
        0xbfc679648128b1f6UL, 0x3fe1e06bedf23700UL, 0xbfd1ce79361d306fUL, 0xbfb50471f7653ba5UL, 0xbfd0e4498cdff01cUL,
        0xbf55680af83ca008UL, 0xbfb30938944c8419UL, 0xbf6566e21531bf22UL, 0xbfcff18335a32071UL, 0xbfc8a94f56f4a49aUL,
        0xbfd0a11c03ef1235UL];

    private static readonly ulong[] MishF64In =
        [0xbfcf0e3d551ceed5UL, 0x3fdf6e2c6a8b2d9cUL, 0xc0046f70854a5535UL, 0xbff885700dd80130UL, 0xbfe4fe7bce787f5cUL,
        0xc00e2ce9b37e7dd1UL, 0xbffeef5d8d6d0b50UL, 0xbff505d2703897e0UL, 0xc01fe8bd22593f88UL, 0xbfedf81155eac7d5UL,
        0xc01a318770ced28dUL, 0xc01ab58c379a7f93UL, 0x3fd67baa0aa992edUL, 0x3ff4158a90cbc8aeUL, 0x3fb74a7ba4cae9a7UL,
        0x3ff69d4754677bbbUL, 0xbff7ea71c82075b1UL, 0xbff8bf5cd96cc231UL, 0xbfe2c084d29f0d85UL, 0xc00809f76035be8bUL,
        0x3fe400aa6931db7fUL, 0xbfefd39e43dc36f3UL, 0x3fe2df37bbb63418UL, 0x3ff60463573a11c9UL, 0xc014c6e6eeeabafaUL,
        0xbfe6aed6ec200ec3UL, 0xbfead086b91cddebUL, 0xbfce2bbbe76587a1UL, 0xc008bc5c34bdc788UL, 0xc016c603d05d6b56UL,
        0xc01d6696062c7c64UL, 0x3fcd8e845032665bUL, 0xbfeaff800215cb6fUL, 0xbff118f0d5dfb680UL, 0xbfe197c820719ab5UL,
        0x0000000000000000UL, 0x8000000000000000UL, 0x7ff0000000000000UL, 0xfff0000000000000UL, 0x7ff8000000000000UL];

    private static readonly ulong[] MishF64Transposed =
        [0xbfc0368dd3150073UL, 0xbfb5f601fae9630aUL, 0xbf833269c0a77368UL, 0x3ff4f23325234776UL, 0x3fdf55a3ba08ef12UL,
        0xbfd13f31cd51a5b3UL, 0xbf73561cec88b779UL, 0x0000000000000000UL, 0x3fd7830ee3cd3c42UL, 0xbfd09dbd8e023f29UL,
        0xbf813566a6f72cc8UL, 0xbfd3198ec0620154UL, 0xbfd36596c6fce20bUL, 0xbfd27d41cf72e160UL, 0x3fc3e05111f6a7c7UL,
        0x8000000000000000UL, 0xbfc86eae12b35ab2UL, 0xbfd3a5c76ccd17d1UL, 0x3fcfdba6ae485b47UL, 0xbfd2e0533c76c85bUL,
        0x3fdd39402c9e58afUL, 0xbfbfa2c46f61599eUL, 0xbfd288962b5e9ca8UL, 0x7ff0000000000000UL, 0xbfd2f08a14b64681UL,
        0xbf666c1b7ff88e52UL, 0x3ff2336b5d3c741cUL, 0xbfcf2e1eb8172691UL, 0x3ff44bf4bf4ef6daUL, 0xbfc190b370066d71UL,
        0xbfd3a063a651a2e6UL, 0xfff8000000000000UL, 0xbfd0984771ea2d58UL, 0xbfd3217fcd7ba33bUL, 0x3fad4c2b191bd707UL,
        0xbfc295b2eea83800UL, 0xbf9d6dffce0bc412UL, 0xbf939a88523f87e2UL, 0xbfce02e84eb5882dUL, 0x7ff8000000000000UL];

    private static readonly ulong[] MishF64Row =
        [0xbfc0368dd3150073UL, 0x3fd7830ee3cd3c42UL, 0xbfc86eae12b35ab2UL, 0xbfd2f08a14b64681UL, 0xbfd0984771ea2d58UL,
        0xbfb5f601fae9630aUL, 0xbfd09dbd8e023f29UL, 0xbfd3a5c76ccd17d1UL, 0xbf666c1b7ff88e52UL, 0xbfd3217fcd7ba33bUL,
        0xbf833269c0a77368UL, 0xbf813566a6f72cc8UL, 0x3fcfdba6ae485b47UL, 0x3ff2336b5d3c741cUL, 0x3fad4c2b191bd707UL,
        0x3ff4f23325234776UL, 0xbfd3198ec0620154UL, 0xbfd2e0533c76c85bUL, 0xbfcf2e1eb8172691UL, 0xbfc295b2eea83800UL,
        0x3fdf55a3ba08ef12UL, 0xbfd36596c6fce20bUL, 0x3fdd39402c9e58afUL, 0x3ff44bf4bf4ef6daUL, 0xbf9d6dffce0bc412UL,
        0xbfd13f31cd51a5b3UL, 0xbfd27d41cf72e160UL, 0xbfbfa2c46f61599eUL, 0xbfc190b370066d71UL, 0xbf939a88523f87e2UL,
        0xbf73561cec88b779UL, 0x3fc3e05111f6a7c7UL, 0xbfd288962b5e9ca8UL, 0xbfd3a063a651a2e6UL, 0xbfce02e84eb5882dUL,
        0x0000000000000000UL, 0x8000000000000000UL, 0x7ff0000000000000UL, 0xfff8000000000000UL, 0x7ff8000000000000UL];

    private static readonly ulong[] MishF64Strided =
        [0xbfc0368dd3150074UL, 0xbfc86eae12b35ab1UL, 0xbfd0984771ea2d57UL, 0xbfd09dbd8e023f28UL, 0xbf666c1b7ff88e51UL,
        0xbf833269c0a77369UL, 0x3fcfdba6ae485b49UL, 0x3fad4c2b191bd705UL, 0xbfd3198ec0620155UL, 0xbfcf2e1eb8172690UL,
        0x3fdf55a3ba08ef11UL, 0x3fdd39402c9e58b0UL, 0xbf9d6dffce0bc413UL, 0xbfd27d41cf72e15fUL, 0xbfc190b370066d72UL,
        0xbf73561cec88b77aUL];

    private static readonly ulong[] GeluF64In =
        [0xbff229f402215639UL, 0xbffc99c763edc119UL, 0x3ffc856c631613ceUL, 0xbfc2940020bc7377UL, 0x3fe30936adb3cf6cUL,
        0xbfe9a259c38fb0a3UL, 0x3fd06bb67b09a3f4UL, 0xbff2adbc4d63ea9bUL, 0xbfe78ba9f18688ebUL, 0xc0004b0111e6949bUL,
        0xbff34efcc0de8591UL, 0xbff95a6c25951584UL, 0xbfe280a8f8347b8dUL, 0xbfdbc5c72d5fd4b8UL, 0xc002bc0dad465eddUL,
        0xbfe0b8a705d716d4UL, 0xbff41330f62d01b5UL, 0xbff9da6e7aefd1f4UL, 0x3ff1c6951028344cUL, 0x3fdd193ccf4e7e33UL,
        0xbffbaae49189a6cfUL, 0x3ffb2b4ce8a70664UL, 0xbff3b0db7dd993c2UL, 0xbff1343889ac5e87UL, 0xbffd27d91fa907afUL,
        0xc0019bc9e4c758dfUL, 0x3fd1c085bf826340UL, 0xbfedd0c110c611a1UL, 0xbfff15a7e0050cb7UL, 0x3ff2279ca4974377UL,
        0xbff148d5cc1f9d60UL, 0x3ffac8766e1c7d93UL, 0xc0004eb1e89a61a5UL, 0xbff123e8477e9262UL, 0xbfc2ad5bafc17850UL,
        0x0000000000000000UL, 0x8000000000000000UL, 0x7ff0000000000000UL, 0xfff0000000000000UL, 0x7ff8000000000000UL];

    private static readonly ulong[] GeluF64Transposed =
        [0xbfc29ea4bea8cc01UL, 0xbfc5b0f554c8b933UL, 0xbfc1926bf13c1b40UL, 0xbfc41bdc7aa2babbUL, 0xbfb28aa30ee78472UL,
        0xbf9f4065e59c2d84UL, 0xbfc35c1c03c536feUL, 0x0000000000000000UL, 0xbfb0e5afe47a8f03UL, 0x3fc3beeef203c63eUL,
        0xbfb6ee999a0c79ccUL, 0xbfc0d48dd6f6fa84UL, 0x3ff9f4121283ea8fUL, 0x3fc5a189d416bc70UL, 0x3ff985b8b074fdaeUL,
        0x8000000000000000UL, 0x3ffb74e08863b8b3UL, 0xbfc228a8ade3e9b0UL, 0xbfc4d6aaa44b0b65UL, 0xbfb5f36485633b49UL,
        0xbfc13490e0c707faUL, 0xbfc4f570972e7cf4UL, 0xbfa5a8fc7d8a04e5UL, 0x7ff0000000000000UL, 0xbfb06f2750a9a525UL,
        0xbfc5bfca80477528UL, 0xbfc27338542ee0a3UL, 0x3feed0168d5b71d0UL, 0xbfc36c98dff87fe8UL, 0xbfa9e21a8091ef47UL,
        0xbfc37988b9e9717cUL, 0xfff8000000000000UL, 0x3fdb90c49636fb40UL, 0xbfa5bc29a29f49e7UL, 0xbf970243a542a355UL,
        0x3fd3a6a807a192f3UL, 0xbfafeadc83318e73UL, 0x3fefa70cbcffe228UL, 0xbfb082a9ee6e3691UL, 0x7ff8000000000000UL];

    private static readonly ulong[] GeluF64Row =
        [0xbfc29ea4bea8cc01UL, 0xbfb0e5afe47a8f03UL, 0x3ffb74e08863b8b3UL, 0xbfb06f2750a9a525UL, 0x3fdb90c49636fb40UL,
        0xbfc5b0f554c8b933UL, 0x3fc3beeef203c63eUL, 0xbfc228a8ade3e9b0UL, 0xbfc5bfca80477528UL, 0xbfa5bc29a29f49e7UL,
        0xbfc1926bf13c1b40UL, 0xbfb6ee999a0c79ccUL, 0xbfc4d6aaa44b0b65UL, 0xbfc27338542ee0a3UL, 0xbf970243a542a355UL,
        0xbfc41bdc7aa2babbUL, 0xbfc0d48dd6f6fa84UL, 0xbfb5f36485633b49UL, 0x3feed0168d5b71d0UL, 0x3fd3a6a807a192f3UL,
        0xbfb28aa30ee78472UL, 0x3ff9f4121283ea8fUL, 0xbfc13490e0c707faUL, 0xbfc36c98dff87fe8UL, 0xbfafeadc83318e73UL,
        0xbf9f4065e59c2d84UL, 0x3fc5a189d416bc70UL, 0xbfc4f570972e7cf4UL, 0xbfa9e21a8091ef47UL, 0x3fefa70cbcffe228UL,
        0xbfc35c1c03c536feUL, 0x3ff985b8b074fdaeUL, 0xbfa5a8fc7d8a04e5UL, 0xbfc37988b9e9717cUL, 0xbfb082a9ee6e3691UL,
        0x0000000000000000UL, 0x8000000000000000UL, 0x7ff0000000000000UL, 0xfff8000000000000UL, 0x7ff8000000000000UL];

    private static readonly ulong[] GeluF64Strided =
        [0xbfc29ea4bea8cc03UL, 0x3ffb74e08863b8b4UL, 0x3fdb90c49636fb3fUL, 0x3fc3beeef203c63fUL, 0xbfc5bfca80477529UL,
        0xbfc1926bf13c1b3dUL, 0xbfc4d6aaa44b0b66UL, 0xbf970243a542a330UL, 0xbfc0d48dd6f6fa87UL, 0x3feed0168d5b71d1UL,
        0xbfb28aa30ee7846cUL, 0xbfc13490e0c707f7UL, 0xbfafeadc83318e64UL, 0x3fc5a189d416bc6fUL, 0xbfa9e21a8091ef37UL,
        0xbfc35c1c03c53700UL];

    private static readonly ulong[] GeluTanhF64In =
        [0xbfe271f2134dfa38UL, 0xbff1d82b7ebd4e08UL, 0xbff074ff31a5e1eeUL, 0xbfcc34b24d05bfffUL, 0xbff7c3df1e10e7c5UL,
        0x3fc9ca6a732bd771UL, 0xbff60db1fcbedc98UL, 0xbfe695b6d14a2bb6UL, 0xbfe7dcf810bb7242UL, 0xbfeee0bc35e16adfUL,
        0x3ffbc065495545bdUL, 0x3febbe6de747f2e0UL, 0xc003026e1ad1c1aaUL, 0xbfee57e47b122d2cUL, 0xbff2bf0e597b42eaUL,
        0xbff2896125d62f55UL, 0x3fe82af7a5a976e9UL, 0xbfea392829004bfaUL, 0x3fe1deab74560df4UL, 0xbfe2413e1ab70519UL,
        0xbfe8a74f6c13f430UL, 0xbff0155bd4a813baUL, 0xbff0dd64a81dedf8UL, 0x3ff0649c879ce6ffUL, 0xbff56ce9abf42e91UL,
        0x3fe2b2c3e764b541UL, 0xbfe27fa3ff55a3afUL, 0xbff2467efc5a5970UL, 0x3ff239694fc3eef7UL, 0x3fc7555fcf1cb656UL,
        0xbff2d36595009c31UL, 0xbff0ad5150f84147UL, 0x3fc56bacedbd9198UL, 0xbffc790e80f1bebeUL, 0x3ffb16410e4afcafUL,
        0x0000000000000000UL, 0x8000000000000000UL, 0x7ff0000000000000UL, 0xfff0000000000000UL, 0x7ff8000000000000UL];

    private static readonly ulong[] GeluTanhF64Transposed =
        [0xbfc4d27d5e329b59UL, 0x3fbde8af0948ec5bUL, 0x3ffa99b1fdc5949bUL, 0xbfc2505603772621UL, 0xbfc5c1a50b32b8f4UL,
        0x3fdaf138012cba56UL, 0xbfc20ced10f99d65UL, 0x0000000000000000UL, 0xbfc2eba006a2a7fdUL, 0xbfbdb7827388816fUL,
        0x3fe662fd64d985cbUL, 0x3fe2ba01d68db3e9UL, 0xbfc44589988693ccUL, 0xbfc4d7430d700cc9UL, 0xbfc3d9fb11412143UL,
        0x8000000000000000UL, 0xbfc40305e7206048UL, 0xbfc5b41888d52314UL, 0xbf94e3466d32cd70UL, 0xbfc5a580436f39a8UL,
        0xbfc3b5e7b83358eeUL, 0xbfc28c026df422f7UL, 0x3fb844764fc0f942UL, 0x7ff0000000000000UL, 0xbfb749666735d425UL,
        0xbfc5c392eb349aedUL, 0xbfc4d560ef59e5bdUL, 0x3fd96f650d73f3a2UL, 0x3febc58bbc2cb2a4UL, 0x3fefccf030cb0972UL,
        0xbfb123668908e2e7UL, 0xfff8000000000000UL, 0xbfba30bee0bb52eaUL, 0xbfc4ae1a20480c2eUL, 0xbfc21f968ebac482UL,
        0xbfc4c119a4fe03dbUL, 0xbfbf014ef5b2e53dUL, 0x3fbab561eb20af2bUL, 0x3ff9dc073c657ab9UL, 0x7ff8000000000000UL];

    private static readonly ulong[] GeluTanhF64Row =
        [0xbfc4d27d5e329b59UL, 0xbfc2eba006a2a7fdUL, 0xbfc40305e7206048UL, 0xbfb749666735d425UL, 0xbfba30bee0bb52eaUL,
        0x3fbde8af0948ec5bUL, 0xbfbdb7827388816fUL, 0xbfc5b41888d52314UL, 0xbfc5c392eb349aedUL, 0xbfc4ae1a20480c2eUL,
        0x3ffa99b1fdc5949bUL, 0x3fe662fd64d985cbUL, 0xbf94e3466d32cd70UL, 0xbfc4d560ef59e5bdUL, 0xbfc21f968ebac482UL,
        0xbfc2505603772621UL, 0x3fe2ba01d68db3e9UL, 0xbfc5a580436f39a8UL, 0x3fd96f650d73f3a2UL, 0xbfc4c119a4fe03dbUL,
        0xbfc5c1a50b32b8f4UL, 0xbfc44589988693ccUL, 0xbfc3b5e7b83358eeUL, 0x3febc58bbc2cb2a4UL, 0xbfbf014ef5b2e53dUL,
        0x3fdaf138012cba56UL, 0xbfc4d7430d700cc9UL, 0xbfc28c026df422f7UL, 0x3fefccf030cb0972UL, 0x3fbab561eb20af2bUL,
        0xbfc20ced10f99d65UL, 0xbfc3d9fb11412143UL, 0x3fb844764fc0f942UL, 0xbfb123668908e2e7UL, 0x3ff9dc073c657ab9UL,
        0x0000000000000000UL, 0x8000000000000000UL, 0x7ff0000000000000UL, 0xfff8000000000000UL, 0x7ff8000000000000UL];

    private static readonly ulong[] GeluTanhF64Strided =
        [0xbfc4d27d5e329b5aUL, 0xbfc40305e7206046UL, 0xbfba30bee0bb52e4UL, 0xbfbdb78273888175UL, 0xbfc5c392eb349aebUL,
        0x3ffa99b1fdc5949aUL, 0xbf94e3466d32cd4aUL, 0xbfc21f968ebac480UL, 0x3fe2ba01d68db3eaUL, 0x3fd96f650d73f3a1UL,
        0xbfc5c1a50b32b8f6UL, 0xbfc3b5e7b83358ecUL, 0xbfbf014ef5b2e542UL, 0xbfc4d7430d700cc8UL, 0x3fefccf030cb0971UL,
        0xbfc20ced10f99d63UL];

    private static (uint[] In, uint[] Transposed, uint[] Row, uint[] Strided) CaseF32(string op) => op switch
    {
        "Sigmoid" => (SigmoidF32In, SigmoidF32Transposed, SigmoidF32Row, SigmoidF32Strided),
        "Softplus" => (SoftplusF32In, SoftplusF32Transposed, SoftplusF32Row, SoftplusF32Strided),
        "Elu" => (EluF32In, EluF32Transposed, EluF32Row, EluF32Strided),
        "Silu" => (SiluF32In, SiluF32Transposed, SiluF32Row, SiluF32Strided),
        "Mish" => (MishF32In, MishF32Transposed, MishF32Row, MishF32Strided),
        "Gelu" => (GeluF32In, GeluF32Transposed, GeluF32Row, GeluF32Strided),
        "GeluTanh" => (GeluTanhF32In, GeluTanhF32Transposed, GeluTanhF32Row, GeluTanhF32Strided),
        _ => throw new ArgumentException(op),
    };

    private static (ulong[] In, ulong[] Transposed, ulong[] Row, ulong[] Strided) CaseF64(string op) => op switch
    {
        "Sigmoid" => (SigmoidF64In, SigmoidF64Transposed, SigmoidF64Row, SigmoidF64Strided),
        "Softplus" => (SoftplusF64In, SoftplusF64Transposed, SoftplusF64Row, SoftplusF64Strided),
        "Elu" => (EluF64In, EluF64Transposed, EluF64Row, EluF64Strided),
        "Silu" => (SiluF64In, SiluF64Transposed, SiluF64Row, SiluF64Strided),
        "Mish" => (MishF64In, MishF64Transposed, MishF64Row, MishF64Strided),
        "Gelu" => (GeluF64In, GeluF64Transposed, GeluF64Row, GeluF64Strided),
        "GeluTanh" => (GeluTanhF64In, GeluTanhF64Transposed, GeluTanhF64Row, GeluTanhF64Strided),
        _ => throw new ArgumentException(op),
    };

    private static Tensor Apply(string op, Tensor x) => op switch
    {
        "Sigmoid" => x.Sigmoid(),
        "Softplus" => F.Softplus(x),
        "Elu" => F.Elu(x),
        "Silu" => F.Silu(x),
        "Mish" => F.Mish(x),
        "Gelu" => F.Gelu(x),
        _ => F.Gelu(x, "tanh"),
    };

    private static uint[] Bits32(Tensor t) => Array.ConvertAll(t.Contiguous().ToArray<float>(), BitConverter.SingleToUInt32Bits);
    private static ulong[] Bits64(Tensor t) => Array.ConvertAll(t.Contiguous().ToArray<double>(), BitConverter.DoubleToUInt64Bits);

    [Theory]
    [InlineData("Sigmoid")]
    [InlineData("Softplus")]
    [InlineData("Elu")]
    [InlineData("Silu")]
    [InlineData("Mish")]
    [InlineData("Gelu")]
    [InlineData("GeluTanh")]
    public void Float32FollowsTheIteratorsRows(string op)
    {
        var c = CaseF32(op);
        var x = Tensor.FromArray(Array.ConvertAll(c.In, BitConverter.UInt32BitsToSingle), [40]);
        Assert.Equal(c.Transposed, Bits32(Apply(op, x.View(8, 5).T)));
        Assert.Equal([.. c.Row, .. c.Row], Bits32(Apply(op, x.Expand(2, 40))));
        Assert.Equal(c.Strided, Bits32(Apply(op, x.Narrow(0, 0, 32).View(2, 16).Slice(1, 0, 16, 2))));
    }

    [Theory]
    [InlineData("Sigmoid")]
    [InlineData("Softplus")]
    [InlineData("Elu")]
    [InlineData("Silu")]
    [InlineData("Mish")]
    [InlineData("Gelu")]
    [InlineData("GeluTanh")]
    public void Float64FollowsTheIteratorsRows(string op)
    {
        var c = CaseF64(op);
        var x = Tensor.FromArray(Array.ConvertAll(c.In, BitConverter.UInt64BitsToDouble), [40]);
        Assert.Equal(c.Transposed, Bits64(Apply(op, x.View(8, 5).T)));
        Assert.Equal([.. c.Row, .. c.Row], Bits64(Apply(op, x.Expand(2, 40))));
        Assert.Equal(c.Strided, Bits64(Apply(op, x.Narrow(0, 0, 32).View(2, 16).Slice(1, 0, 16, 2))));
    }

    private static readonly uint[] GradF32 =
        [0x3fce13b5, 0xbecd6b03, 0x3c7c4687, 0x3ea0437a, 0x3f86040e, 0xbdcd5d61, 0xbf3142c8, 0xbec4083a, 0x3e7befa4,
        0xbf8a17d6, 0xbf02c5c6, 0x3ff80bf0, 0xbfe75169, 0x3fbc9f3c, 0xbf0994da, 0x3f360b1f, 0xbf86962b, 0xbf04a3ec,
        0x3f1ed128, 0xbfe8ef5d, 0x3f78512a, 0x3f45055d, 0xbe1f271d, 0x3f9ca1b7, 0x3fd7ed5c, 0x3feeb0e8, 0xbf03bb41,
        0xbf5b0737, 0xbfab4f3b, 0xbd42cf64, 0xbeee68b7, 0x3f11cf9f, 0xbe8039cf, 0xbebc5ac1, 0x3f1eaac4, 0xbd8ec2a6,
        0x3df5cd96, 0x3fa157b6, 0x3f833f54, 0x3fae60a4, 0x3f81d0c7, 0x40270828, 0x3fd7f647, 0xbe288afd, 0x3e40fe3e,
        0x3fa9b639, 0xbf83f3b1, 0x3f6eb9eb, 0xbfdec934, 0x3e8c4f57, 0xbd91fdda, 0x3fd7b5ea, 0x3fab273a, 0x3f3c38b9,
        0xbebb5c45, 0x3fd2311d, 0x3f3b2e38, 0xbeb4bf6b, 0xbeeaf8bb, 0x3f62af20, 0xbe17a2b0, 0xbe243db9, 0xc008e45e,
        0x3f8d87e4, 0xbdc30ab4, 0xbd5ac445, 0x3fe49ab7, 0xbd2fbdba, 0xbd3129b0, 0x3f8115da, 0xbe4b1f80, 0x3fa6a0d3,
        0x3fc51870, 0x3d9ad2b0, 0x3f1adedd, 0xbf36e0c7, 0x3f139fa5, 0x3f4c644a, 0x3e4474e8, 0xbf495537];

    private static readonly uint[] SiluGradF32In =
        [0xbeb84db1, 0xc02aa0f9, 0xc06f836f, 0x3eda12cf, 0xbf983cd9, 0xc07f5240, 0xc047a2e6, 0xc0beb53e, 0xc121bbf3,
        0xc08db721, 0xc01c56f9, 0xc0a19c99, 0xc04a5a9b, 0xc0eac2a1, 0xc0222692, 0xbf9c0d11, 0xc025288b, 0xc116536a,
        0xc07526a6, 0xc0bcbcd3, 0xc0bcbc3a, 0xc0a5b925, 0x3edbbbf8, 0xc0d7e6ed, 0xc09044c1, 0xbe097549, 0xc01d163c,
        0xc057afa0, 0xbfc4c578, 0xc0809337, 0xc071efd6, 0xc0abac0c, 0x408f8f56, 0xc023aaa0, 0xc0542cfe, 0x00000000,
        0x80000000, 0x7f800000, 0xff800000, 0x7fc00000];

    private static readonly uint[] SiluGradF32Expanded =
        [0x3f598b1b, 0xbe5b7792, 0xbdd65e0b, 0x3dd6d016, 0x3cd0583a, 0xbd851057, 0x3e14678a, 0xbbe53d07, 0x3a1159f1,
        0x3d033b1c, 0x3d6dd9a7, 0xbdbdcfec, 0x3d1f0d6c, 0xbc152e37, 0x3db74bea, 0x3d018a3d, 0x3d013220, 0x3a1f4f1e,
        0xbc1a71ca, 0x3c4c8fc1, 0xbc33f5c4, 0xbc6814b6, 0xbfcff9b7, 0xbc807869, 0xbd75bd7d, 0x3f48d310, 0xbe01ce5f,
        0x3d8a20a2, 0x3d84cf55, 0xbd4cf900, 0x3d23911e, 0xbd1ae876, 0x3fab5af1, 0x3cec8d30, 0xbdc15746, 0xbec8b91c,
        0x3eb25958, 0xffc00000, 0xffc00000, 0xffc00000];

    private static readonly uint[] SiluGradF32Transposed =
        [0x3f0577a4, 0x3d1f7748, 0xba7825e7, 0x3e6283c8, 0x3cb08fd3, 0x3bae3122, 0x3d6e844e, 0x3b9faee5, 0xb8bf6de0,
        0x3d2fea76, 0x3d50b932, 0xbd4b0c0d, 0x3e18e0fd, 0xbbc70c58, 0x3d5a17a7, 0x3c1c944e, 0x3dd41171, 0x39bd807b,
        0xbd145d6f, 0x3cc7372b, 0xbc546213, 0xbc92973f, 0xbde16a7a, 0xbc06fa17, 0xbd8238c3, 0x3f4ebef8, 0x3d5225bd,
        0x3d83880c, 0x3d80a6f3, 0x3b2252c8, 0x3ce56833, 0xbc3c980a, 0xbe852217, 0x3d14ddf8, 0xbd43ae98, 0xbd0ec2a6,
        0x3d75cd96, 0xffc00000, 0xffc00000, 0xffc00000];

    private static readonly uint[] MishGradF32In =
        [0xc020c3b7, 0xc0b91fcd, 0xbf0674a8, 0xbf8919b3, 0x3fc7138f, 0xbec0c98f, 0xbf915018, 0xc0a755b9, 0xbf762e86,
        0xc01f458b, 0xc018a0cd, 0xbff6cf8d, 0xbff8080f, 0x410d1207, 0xc0136549, 0xbfe1f69f, 0xbfeb4117, 0xc019773e,
        0xc0981e1c, 0xbf9ee586, 0xbff8e91c, 0x3f6e4040, 0x410d2abc, 0xc065efd2, 0xc0216c2e, 0xbf7ee0b5, 0xc09febb8,
        0xc0698c93, 0xc10066a2, 0xbfc9c4a7, 0xbf501318, 0xc090ee6a, 0x410e0c0f, 0xbfc0d535, 0x3f78ef61, 0x00000000,
        0x80000000, 0x7f800000, 0xff800000, 0x0da24260];

    private static readonly uint[] MishGradF32Expanded =
        [0xbe931a3c, 0xbd0492cb, 0x3ef013bc, 0x3bac872d, 0x3fac100a, 0x3ee2ee3d, 0xbce10582, 0xbc4ad502, 0xbddf4dbe,
        0x3db54637, 0x3d852954, 0xbec3824d, 0x3d4bc594, 0x400d5dcc, 0x3dcff882, 0xbe64d236, 0x3d0393b6, 0x3dc6f9f8,
        0xbba981be, 0x3c40972c, 0xbdb2ae69, 0x3f216a13, 0xc012d6d0, 0xbe24a0c0, 0xbe3213fd, 0x3de160b5, 0xbd0b8c22,
        0x3d75c49d, 0x3b500780, 0xbd93975f, 0xbdb44e93, 0xbd90257b, 0x3fa50a06, 0x3c9bde01, 0x3fa3a048, 0xbef0de22,
        0x3ed604d0, 0xffc00000, 0xffc00000, 0x3eb0e814];

    private static readonly uint[] MishGradF32Transposed =
        [0xbe348034, 0x3bc0a837, 0x3b8af461, 0x3c35ed2f, 0x3f91d08b, 0xbd148929, 0xbc34d405, 0x3c0d49fc, 0x3c930bf0,
        0x3df2ffd4, 0x3d69b59a, 0xbe51241e, 0x3e43dcc9, 0x3fbc9f3c, 0x3d777359, 0xbd8a4ab8, 0x3dd7fa09, 0x3d6cafea,
        0xbca2d597, 0x3cbb8eac, 0xbdd2dfbe, 0x3f4be912, 0xbe1f271d, 0xbdacf73b, 0xbe3cbba3, 0x3de805f3, 0x3c61eaf9,
        0x3d6a0824, 0x3b498448, 0x3b69c356, 0xbd7ce2ac, 0xbcaf7df8, 0xbe8039d7, 0x3cc42e6b, 0x3f259b7d, 0xbd2b4ffb,
        0x3d937b5a, 0xffc00000, 0xffc00000, 0x3f5140c5];

    private static readonly uint[] GeluGradF32In =
        [0xc008bace, 0xc069da27, 0x3ebc0a21, 0x3fac3777, 0xbf5de52f, 0xc02be552, 0xbf6653df, 0xbf589cd4, 0x3ebb5f98,
        0xc0121862, 0x3ffad472, 0x3f3e4a9b, 0x40539fd7, 0xbf48c910, 0xbfb9c55f, 0xbf948d34, 0xc0b71a26, 0x403ac5e1,
        0xbdfbbd11, 0x40376450, 0xc06a0c29, 0xc08dec77, 0xbfa69b8d, 0xc014bd99, 0xbe9384dc, 0xbfe2e86c, 0xbf969105,
        0x405a6c23, 0xc05a05dc, 0x3fede44c, 0x3f4bacf5, 0xbe23df1f, 0xbf9cacc3, 0x3fb1014e, 0xbffd29ff, 0x00000000,
        0x80000000, 0x7f800000, 0xff800000, 0x7fc00000];

    private static readonly uint[] GeluGradF32Expanded =
        [0xbe3de69e, 0xbb776e3c, 0x3faa0adb, 0x3e2b6b50, 0xbd610f90, 0xbcff98de, 0x3dc34450, 0xbca7b909, 0xbf951587,
        0x3d38c42d, 0xbf225f44, 0x40670671, 0xbef1e2f4, 0xbcf68528, 0x3dedf828, 0xbe886178, 0x33740354, 0xbf624b70,
        0x3d850f1c, 0xbf7331c6, 0xbab64814, 0xb8663fc2, 0x3e9416d2, 0xbdf911e8, 0x3ee1371e, 0xbe49d267, 0xbe15fd3c,
        0xbf66dd29, 0x3baaec30, 0x3f87551f, 0xbf2d127c, 0x3f32e1f7, 0xbe1ef5b2, 0xbea8e86a, 0xbddbc936, 0xbec8b91c,
        0x3eb25958, 0xffc00000, 0xffc00000, 0x7fc00000];

    private static readonly uint[] GeluGradF32Transposed =
        [0xbde90423, 0x3a33c8ce, 0x3c44d696, 0x3eb4c1db, 0xbd3eba59, 0x3b274c9d, 0x3d1ceacf, 0x3c69aa42, 0x3e445865,
        0x3d77ae30, 0xbf0e7d00, 0x3ff72238, 0xbfe87f6f, 0xbca47691, 0x3d8d926d, 0xbda4d913, 0x3448446b, 0xbf069768,
        0x3e7fa480, 0xbfecd6b7, 0xbad71f77, 0xb8916f09, 0x3ca081f5, 0xbd82d79c, 0x3eeeb0c5, 0xbe4fc5d6, 0x3d72d28c,
        0xbf5bd6e3, 0x3ba5925b, 0xbd5658ce, 0xbef2bd11, 0x3e59c830, 0x3cf70152, 0xbed4984a, 0xbd5e7281, 0xbd0ec2a6,
        0x3d75cd96, 0xffc00000, 0xffc00000, 0x7fc00000];

    private static readonly ulong[] GradF64 =
        [0xbffbbb30523613dfUL, 0xbfe8b91273a33d6aUL, 0xbfd96d98fa938e7bUL, 0x3fd3ae403049863cUL, 0x3ff4cf589d64eb8dUL,
        0x3ff213879bded11eUL, 0xbff1f761d8199044UL, 0xbfdc718325a6f5dbUL, 0xbfbd8445e8511054UL, 0x3fd14aad5b975ceaUL,
        0xbfe992ce184024a5UL, 0xbfc677afc42b6205UL, 0xbfa208d3b0c0db40UL, 0x3fca43d1ef2aa4beUL, 0x3fc70be58337a85eUL,
        0x3ffb8f6bb07c208aUL, 0x3ff00b59bed485beUL, 0xbfac1aee0d8fd7bfUL, 0xbfcc7878946879c6UL, 0x3fdeb16ee26a412cUL,
        0x3ff2e44664a48eefUL, 0xbfb834302e99228cUL, 0x3fd968902876b470UL, 0x3fe0218a50109826UL, 0x3fd869e0785676beUL,
        0xc0010d82b6b3c83fUL, 0x3fd0b904f5d14e1eUL, 0xbff994b6da4f52e6UL, 0xbfe392711e719016UL, 0xbfd8b972c4a219f3UL,
        0x3fd1d9522b2fa6b4UL, 0xbfd7ee54b663ebc2UL, 0x3fdbc7c3be541c5aUL, 0xbffb3c3a8ae9d448UL, 0xbfd8f431402f2745UL,
        0x3ff1b675f11a4a5bUL, 0xbff8130b449c13a6UL, 0xbff4119a1715b938UL, 0x3ff30a8852624003UL, 0x3ff54579d4f20983UL,
        0x3fc23197b48feea3UL, 0x3fda6ebad4d759d5UL, 0x3fe6f1b96ccb8d8cUL, 0xbfd0b425080e8607UL, 0x3fd6efee19165a1aUL,
        0xbff2faba1ab0f06dUL, 0x3ffab7095214b2c3UL, 0xbff9261e995b7687UL, 0xbfe4bf2f70bfc6f7UL, 0xbfd1b4e9c90ddb66UL,
        0x3ff8e642b1ddb1c2UL, 0x3ff48553ecaa9a14UL, 0xbfe6dfd9312b7aafUL, 0x3fead814826dc2f7UL, 0xbfec48a5141cf50fUL,
        0xbff9d331d915c925UL, 0xbfe02a873a55d75eUL, 0x3feff494d195938bUL, 0x3ff2d771d29ec0c3UL, 0xbfe6d9d8586d440cUL,
        0xbfd64152adeedf36UL, 0xbfcc507ea31cbdd5UL, 0xc001c05c9a52abfdUL, 0xbfe81e56987800e7UL, 0xbfeb6a1184c9abdeUL,
        0x3ff8c4f5e1ff3525UL, 0x3fbce67a1dec092cUL, 0x3f9875dbe0266fe2UL, 0xc004fee0b082bfd6UL, 0x3ff0c88902f5217fUL,
        0xbff00c59e28ebceaUL, 0xbfeae883c639205dUL, 0x3fec6e65ba32bf32UL, 0xbfd2a4b8388ca938UL, 0x3fce9c67cb5ea2d0UL,
        0x3fd9ce7badc03fe2UL, 0xbff6720d94594307UL, 0x3ffa22db61b9552bUL, 0xbfe690eb52c4a308UL, 0xbfe6cdc0e9b27c78UL];

    private static readonly ulong[] SiluGradF64In =
        [0xc014a9d98818c527UL, 0xbfda43968f3f3776UL, 0xc014d0934f15d407UL, 0xc022f4f7f3a10d7dUL, 0xbfd9a77bb3e809dfUL,
        0xbfc5374c12566e72UL, 0xc003294d6306a31eUL, 0xc023b54de3915c4bUL, 0xc001c52c9c1a9c16UL, 0xbff9f76762266befUL,
        0xbffb6429ea75b13bUL, 0xbffca35f5ab55aadUL, 0xc01b3605c11c34cbUL, 0xc008ae39837a27beUL, 0xc011cc9f25e0b6d2UL,
        0xbff8b550e9ee11ebUL, 0xbffe18a4b8248b31UL, 0xbfccdab6e71b957aUL, 0x3fd28da90054b591UL, 0xc0038f938580e751UL,
        0xbff2eec55c728395UL, 0xc01531ced9a56f98UL, 0xbfff3542b8daf8ceUL, 0xc02455dfdf537c0cUL, 0xc00b517240c34d80UL,
        0xc006b128a58c9c36UL, 0xc013ee4add5bcea4UL, 0xc003ae39c248dd0bUL, 0xbffabeb31649c6a5UL, 0xc0050e1a01bf23c2UL,
        0xc017554db1e4c244UL, 0xc00671e3d4958249UL, 0xc002d226dea91efaUL, 0xbfd26a666aef349dUL, 0xc0047ac0d9e9012dUL,
        0x0000000000000000UL, 0x8000000000000000UL, 0x7ff0000000000000UL, 0xfff0000000000000UL, 0x7ff8000000000000UL];

    private static readonly ulong[] SiluGradF64Expanded =
        [0x3fa32026e1954df4UL, 0xbfbba7d089972248UL, 0xbf7de2b62ed498deUL, 0xbeff9f74d2af5510UL, 0x3fe02ea9d88903d8UL,
        0xbf9821a220bb5160UL, 0xbfabf351ea2f646aUL, 0x3f4eb9c9616c69d9UL, 0x3fb3346f2a86d335UL, 0x3f38e47728a6f9c0UL,
        0xbfaaae849b5b07b5UL, 0xbfb5a518fe50efb9UL, 0x3f73c0d02930daf7UL, 0xbfb6caec0f8dfe31UL, 0x3f9c47658e95e3dcUL,
        0xbf754d9af04bc860UL, 0xbfa54dd7d37f28f8UL, 0x3fd772cfba17397aUL, 0x3fe3a6e2323a79fdUL, 0x3f97f3fe3fb4a85eUL,
        0x3f92d3dd0c04e2d2UL, 0x3f7b7b205e703edbUL, 0x3fc48bd8bad8109aUL, 0x3f1706f4442769ccUL, 0x3fa1dd36342ef6f2UL,
        0x3fabc9a99597ce00UL, 0xbf849a98ce61ca88UL, 0x3fc417fd5f283b8dUL, 0x3fcaadd809c8a113UL, 0xbfb09167a00eaa82UL,
        0x3f84daeb8db98b86UL, 0x3fbd2ea94f0639cfUL, 0xbfc0e24d176b8aacUL, 0xbfe6d7e2636bb9e0UL, 0x3f8e7e045292bc14UL,
        0x3fe82a14dc8a5a54UL, 0xbff7428c6c7aab56UL, 0xfff8000000000000UL, 0xfff8000000000000UL, 0xfff8000000000000UL];

    private static readonly ulong[] SiluGradF64Transposed =
        [0x3fa4d58d6e492bcdUL, 0xbfcdb5c166b5ab26UL, 0x3f82922645be4223UL, 0xbf2a21d6e816789aUL, 0x3fd95f76791b40e3UL,
        0x3fde30073b2a5da6UL, 0x3fbcb320b7f65409UL, 0x3f2b1742604245c3UL, 0x3f87328d7e8ad18eUL, 0xbf9034e7a2e7cc28UL,
        0x3fac2a98a039e06fUL, 0x3f8b74b076cc2c55UL, 0x3f2daf413b210fbeUL, 0xbf91eb05cfe7b079UL, 0xbf7cefee5ef2daf8UL,
        0xbfb5258e93e273eeUL, 0xbfb5778ee67b4d0cUL, 0xbf95d2a5e70c9907UL, 0xbfc24e12a5a55addUL, 0xbfa87dfa18bd5bebUL,
        0x3f9aafefa5d07d8aUL, 0x3f6075138571feecUL, 0xbfa1e89b3c0c276bUL, 0xbf2740882f3effeaUL, 0xbf9cada7324b3705UL,
        0x3fc960a603f0ce0bUL, 0xbf7cc67e0fbfd051UL, 0x3fc4660271d385f0UL, 0x3fa42b6cb6e82809UL, 0x3fa35179ae4d3158UL,
        0xbf701073d534f13dUL, 0x3fa1f6ff2295e7e8UL, 0xbfa62a6e6f2420c7UL, 0xbfe3815af9e252efUL, 0x3fa3b738a66693eaUL,
        0x3fe1b675f11a4a5bUL, 0xbfe8130b449c13a6UL, 0xfff8000000000000UL, 0xfff8000000000000UL, 0xfff8000000000000UL];

    private static readonly ulong[] MishGradF64In =
        [0xbff71c811c2242d3UL, 0xbfe4cc04c8c2a9f8UL, 0xbfe1bbcf757d75ecUL, 0xbffc5247cf530f98UL, 0xbffbd799a048621dUL,
        0xc006b8c3ce186577UL, 0xbfe1997e479b6d77UL, 0xc01e2059b287497cUL, 0xbfff84706747a1b0UL, 0x3fe34c87c72446f2UL,
        0xbfb7ec6e23cbd75cUL, 0xbfdbeb459d566aafUL, 0xbfe29a29133a7140UL, 0xc0090fdf0f63702cUL, 0xbfe4fe73a8aa8ab6UL,
        0xc00a99586670c82aUL, 0xbff8044c9db50451UL, 0xc013570e00487733UL, 0x3fd897ac4517a1aaUL, 0xbfe5921c20f4b30bUL,
        0xbfbad486e73cf0b0UL, 0xc001446b81bc9b10UL, 0xc00bbddb98429cdaUL, 0xc01639ecf6055b97UL, 0xc00167b595c3c577UL,
        0xbfe8167b0c20d733UL, 0xbfc5163b7244454fUL, 0xbff15bac5377f7bdUL, 0xc01778b87c6c0af0UL, 0x3fd5dd1da87e8108UL,
        0xc01e21b2822d3b6cUL, 0x40033bede7dd8380UL, 0xbfc103458a218876UL, 0xc00864fb65486a99UL, 0xbffd337ce54b0d27UL,
        0x0000000000000000UL, 0x8000000000000000UL, 0x7ff0000000000000UL, 0xfff0000000000000UL, 0x39b4484bfeebc2a0UL];

    private static readonly ulong[] MishGradF64Expanded =
        [0x3fb6682afedd9de0UL, 0xbfb3424f37754945UL, 0x3fb53caa6a1e7ed5UL, 0xbf722a5cceac7408UL, 0xbfc3b61e26f5f222UL,
        0x3f77032929f03830UL, 0x3fc25239fe233c9aUL, 0x3f7ce3b8a36cb0ccUL, 0x3fb4f5f874d062e5UL, 0xbf78bf04df5e98c0UL,
        0x3fda28e028f2e2b6UL, 0x3fd71bcd8dea52a6UL, 0xbfc7822b730e7bcaUL, 0xbfb784907058b8e8UL, 0xbfc29177747f0ca8UL,
        0xbf81c456bca3ded0UL, 0xbfa05ef40cde2a27UL, 0xbf9d2f82a6151838UL, 0x3fe95510033e9e9dUL, 0xbfa7aad2f977682aUL,
        0x3fdc64e93b7d5c08UL, 0x3fa21a20720372d0UL, 0x3fc146a472e2ae2aUL, 0x3f71ea20b2d0b09eUL, 0x3fab4a135a598865UL,
        0xbfb7d29c7b6d404cUL, 0x3fc7aa021bc033ffUL, 0xbfa9199a7ff0f03dUL, 0x3fa6bea49f952da9UL, 0x3fe116cc841fb55cUL,
        0x3f64ba67229c1f24UL, 0xbff45525f90c1683UL, 0x3fe5c66a3c3c1120UL, 0x3fc7530f031f6838UL, 0x3f8eb356fa34f6ccUL,
        0x3fecff4c3bd93930UL, 0xbffbe9754ef99a68UL, 0xfff8000000000000UL, 0xfff8000000000000UL, 0x3fd7afd6803b8177UL];

    private static readonly ulong[] MishGradF64Transposed =
        [0x3fb8689ca2f819e4UL, 0xbfc4b091b7a505a2UL, 0xbfba64af2ab0392bUL, 0xbf9e05d644063fe2UL, 0xbfbee8073a5f9e0cUL,
        0xbfbcc9a8f4f46109UL, 0xbfd2cff44adccaddUL, 0x3f5978cd8b3c3ce6UL, 0x3f89518bfe181252UL, 0x3fd01c86514211faUL,
        0xbfdb9d84751187ccUL, 0xbfad4ffd6d8d3321UL, 0xbf81a9fa9d97cc80UL, 0xbf927cf646daba60UL, 0x3fa30020cf25eedfUL,
        0xbfc1a2f035225e5cUL, 0xbfb07f02483ff6a8UL, 0x3f5b29865fb86e50UL, 0xbfc79895892fc351UL, 0x3fb833295376a285UL,
        0x3fe41facb0978928UL, 0x3f85ae69c773059cUL, 0xbf9e1dc24516852cUL, 0xbf8216ebfd056c16UL, 0xbfa5e795aa3aa825UL,
        0xbfd5c1a3a729ccb3UL, 0x3fc0864d381b3132UL, 0xbfa97b0fd1f1a620UL, 0x3f8131f8ba02b0afUL, 0xbfd3ed0344249acfUL,
        0xbf4feecf6f07e6d7UL, 0xbfd908a8a2bd8d70UL, 0x3fcc963d55d1498cUL, 0x3fc3ea87dbba9c16UL, 0x3fa3d9b2e706c8a0UL,
        0x3fe5415a5485f2d3UL, 0xbfece3a71f21b12dUL, 0xfff8000000000000UL, 0xfff8000000000000UL, 0x3fe9869232bc0b6aUL];

    private static readonly ulong[] GeluGradF64In =
        [0x3fe1434359904bf9UL, 0xbffc3b0f839a1bd5UL, 0xc016ab1e172e3f9bUL, 0xbfede19074087627UL, 0xbffab4e577eaec57UL,
        0xbff375ef88f71f6dUL, 0x3fefbfe2ec61fb6eUL, 0xc01284a4033d4b94UL, 0xbff02da873e6b318UL, 0xbff83ab34fa101a6UL,
        0xbff3f2bd545acc92UL, 0xbfe7262e0ff285ffUL, 0xbfe8d98c06bc6373UL, 0x3ff3e00d22065bb9UL, 0x3ff8aec6685d7395UL,
        0xbffedfb74cc63f12UL, 0xbffafe8868b468f4UL, 0xc01177ab25f6c1f6UL, 0xbff1ff7d44fbc7aeUL, 0xbff46a8dd74f80d8UL,
        0xbffc90327a7a3acbUL, 0xbffbf48f998bc0fcUL, 0xbfe90e953ee41647UL, 0xbfe5c3974890426aUL, 0x3fce2f1781367530UL,
        0x3fe6a358be955deeUL, 0xbffbaf1cf9e12c97UL, 0xbfe35718b93514e6UL, 0xc00bc469d77711f5UL, 0xbffaa079a5a51a6bUL,
        0xbff1fc5a122d6831UL, 0xbffb9b061bb74f74UL, 0xbffc5c7171974b09UL, 0x3ff1ecd8e7ba563eUL, 0xbff1577768df6678UL,
        0x0000000000000000UL, 0x8000000000000000UL, 0x7ff0000000000000UL, 0xfff0000000000000UL, 0x7ff8000000000000UL];

    private static readonly ulong[] GeluGradF64Expanded =
        [0xbff6b07f908219b0UL, 0x3fa42d1ec951281cUL, 0xbe73fabc0f6dfd93UL, 0xbf6907115ca6fbc8UL, 0xbfc904843f904e9cUL,
        0x3f7ba9789c8d8c60UL, 0x3fe2ebebf11c2a36UL, 0x3f14af104a10079aUL, 0x3fb0ce51e0724028UL, 0x3f4afa4c1591bcc0UL,
        0xbfb7b8b7f0a02159UL, 0x3f8c78e8d2976697UL, 0x3f800c5779096f61UL, 0x3ff2be580375933eUL, 0xbfe95aee15203f5eUL,
        0xbf849d0279f82ae0UL, 0xbfada61d7d079d83UL, 0xbf1d99568d6b379bUL, 0xbfba6b9054b9ea28UL, 0x3f9de91fdeb40ffeUL,
        0xbfb6f2e4039787f8UL, 0x3fa1f966c4454132UL, 0x3f987097d00bc88eUL, 0xbf80d28c084afda0UL, 0xbfd4d34db2c2df75UL,
        0xbfe24d002270924cUL, 0xbfa597c5b8bd577dUL, 0xbfbd004067fd7fb4UL, 0x3f847f939fd40d78UL, 0xbfb40ce74f7b80b6UL,
        0x3fb401dc6124b30bUL, 0x3fc197c85c885f3aUL, 0xbfc26c0deec33c9aUL, 0xc001a8e8bd93bf0fUL, 0x3f8f374db682bcccUL,
        0x3fe82a14dc8a5a54UL, 0xbff7428c6c7aab56UL, 0xfff8000000000000UL, 0xfff8000000000000UL, 0x7ff8000000000000UL];

    private static readonly ulong[] GeluGradF64Transposed =
        [0xbff8b76764dd3740UL, 0x3fb5acd2d1703bd3UL, 0x3e78d496aa75bdcdUL, 0xbf94ae9b3f7285f0UL, 0xbfc39cf5e359bf3cUL,
        0xbfc14d59c81aa772UL, 0xbff36dc4f6394b2dUL, 0x3ef23ca784cfacdbUL, 0x3f844cc3d318142dUL, 0xbfa190771dcaf8f4UL,
        0x3fb90aa12f22c13fUL, 0xbf620edd266d9a8dUL, 0x3f381dea49605ccbUL, 0x3fcd7844f2b67f54UL, 0x3fc9f20a3d9f970eUL,
        0xbfc476421a02ea99UL, 0xbfbde02b8f352f51UL, 0x3edb8c040c47a80eUL, 0x3f989bff4a33e147UL, 0xbfae956d5c85fc47UL,
        0xbfc043b1c9d0b36dUL, 0x3f8587379dfb70fcUL, 0xbf754d64e23b2deeUL, 0x3f90fc9c4014a5bbUL, 0x3fd0b754f238b8c1UL,
        0xc000b6a3dff552c4UL, 0xbf9e2813a9490081UL, 0xbfbd70db4676ac25UL, 0x3f5efe6ea60b6063UL, 0x3fa760f65ac000d7UL,
        0xbf9ed28353cb8bc7UL, 0x3fa5a92064112af0UL, 0xbfa82f5c729073dfUL, 0xbffe28926dc15443UL, 0x3fa42f062c660b37UL,
        0x3fe1b675f11a4a5bUL, 0xbfe8130b449c13a6UL, 0xfff8000000000000UL, 0xfff8000000000000UL, 0x7ff8000000000000UL];

    private static (uint[] In, uint[] Expanded, uint[] Transposed) GradCaseF32(string op) => op switch
    {
        "Silu" => (SiluGradF32In, SiluGradF32Expanded, SiluGradF32Transposed),
        "Mish" => (MishGradF32In, MishGradF32Expanded, MishGradF32Transposed),
        "Gelu" => (GeluGradF32In, GeluGradF32Expanded, GeluGradF32Transposed),
        _ => throw new ArgumentException(op),
    };

    private static (ulong[] In, ulong[] Expanded, ulong[] Transposed) GradCaseF64(string op) => op switch
    {
        "Silu" => (SiluGradF64In, SiluGradF64Expanded, SiluGradF64Transposed),
        "Mish" => (MishGradF64In, MishGradF64Expanded, MishGradF64Transposed),
        "Gelu" => (GeluGradF64In, GeluGradF64Expanded, GeluGradF64Transposed),
        _ => throw new ArgumentException(op),
    };

    /// <summary>
    /// The gradient of In expanded to [2, 40] (rows of gradient and input both vectorized 32 + 8) and of In as [8, 5]
    /// transposed with a transposed gradient (one run of 40 in memory order, 32 + 8), the first 80 and 40 of Grad given
    /// as the outputs' gradients; In's first 35 values are ones whose gradients' SLEEF and C library forms differ, the last
    /// five zeros, infinities and NaN (mish: 1e-30 instead, its gradient at NaN being PyTorch's NaN of the other sign).
    /// </summary>
    [Theory]
    [InlineData("Silu")]
    [InlineData("Mish")]
    [InlineData("Gelu")]
    public void Float32GradientFollowsTheIteratorsRows(string op)
    {
        var c = GradCaseF32(op);
        var g = Tensor.FromArray(Array.ConvertAll(GradF32, BitConverter.UInt32BitsToSingle), [80]);
        var x = Tensor.FromArray(Array.ConvertAll(c.In, BitConverter.UInt32BitsToSingle), [40]).RequiresGrad_();
        Apply(op, x.Expand(2, 40)).Backward(g.View(2, 40));
        Assert.Equal(c.Expanded, Bits32(x.Grad!));
        var b = Tensor.FromArray(Array.ConvertAll(c.In, BitConverter.UInt32BitsToSingle), [8, 5]).RequiresGrad_();
        Apply(op, b.T).Backward(g.Narrow(0, 0, 40).View(8, 5).T);
        Assert.Equal(c.Transposed, Bits32(b.Grad!));
    }

    [Theory]
    [InlineData("Silu")]
    [InlineData("Mish")]
    [InlineData("Gelu")]
    public void Float64GradientFollowsTheIteratorsRows(string op)
    {
        var c = GradCaseF64(op);
        var g = Tensor.FromArray(Array.ConvertAll(GradF64, BitConverter.UInt64BitsToDouble), [80]);
        var x = Tensor.FromArray(Array.ConvertAll(c.In, BitConverter.UInt64BitsToDouble), [40]).RequiresGrad_();
        Apply(op, x.Expand(2, 40)).Backward(g.View(2, 40));
        Assert.Equal(c.Expanded, Bits64(x.Grad!));
        var b = Tensor.FromArray(Array.ConvertAll(c.In, BitConverter.UInt64BitsToDouble), [8, 5]).RequiresGrad_();
        Apply(op, b.T).Backward(g.Narrow(0, 0, 40).View(8, 5).T);
        Assert.Equal(c.Transposed, Bits64(b.Grad!));
    }
}
