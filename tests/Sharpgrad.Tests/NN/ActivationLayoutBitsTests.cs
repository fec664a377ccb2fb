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
/// zeros of both signs, infinities and NaN. (Float64 -1.4702726438277558 is left out of the draw: Sharpgrad's port of the
/// C library's log1p is one ulp off glibc 2.41's at its exp, 0x3fcd6c24f9191f8f, which softplus's scalar form meets.)
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
}
