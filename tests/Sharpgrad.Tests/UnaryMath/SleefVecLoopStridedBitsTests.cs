namespace Sharpgrad.Tests.UnaryMath;

/// <summary>
/// sinh, cosh and exp2 of transposed and expanded tensors bit for bit as PyTorch 2.6 computes them. These are ATen
/// cpu_kernel_vec loops (SLEEF for whole pairs of 64-byte vectors, the C library for the rest), and TensorIterator
/// walks a transposed dense tensor in memory order as one contiguous run: of Base [8, 5] transposed, the 32 elements
/// first in memory take SLEEF and the last 8 the C library. Those 32 are values whose SLEEF and C library results
/// differ; the last 8 are infinities, NaN, zeros of both signs and small values. Row (40 values) expanded to [2, 40]
/// splits each row as 32 + 8.
/// </summary>
public class SleefVecLoopStridedBitsTests
{
    private static readonly uint[] F32SinhBase =
        [0x424b0cd5, 0x4211173b, 0xc2703de4, 0xc0adc0b9, 0xc22703ad, 0xc24319f7, 0xc28f5727, 0x40aa60fe, 0xc21108f7,
        0xc1f08e9f, 0x3edb4593, 0xc2259209, 0xc285ce7d, 0x41a32128, 0x429bc94d, 0xc21f61b3, 0xc1d95d1e, 0xc22499d3,
        0x41c4a3e2, 0x424f267c, 0xc29bb499, 0x428606b6, 0xc246ba09, 0xc27e3230, 0xbe5452bd, 0xc280077e, 0x4267d03e,
        0xc2009b13, 0x4238f9ab, 0xc29db850, 0xc208fce6, 0xbe4fbba7, 0x7f800000, 0xff800000, 0x7fc00000, 0x00000000,
        0x80000000, 0x3fc00000, 0xc0100000, 0x40400000];

    private static readonly uint[] F32SinhTransposed =
        [0x6396a0ed, 0xe225301d, 0x3ee2094c, 0xdbb31e76, 0xf71f8978, 0xed238cf8, 0xd7a9d41d, 0x00000000, 0x5920f1ed,
        0xf2a8b1d2, 0xdcd263a1, 0xd292e69b, 0x6f4cffe8, 0x68c33ac0, 0xbe512929, 0x80000000, 0xea48b347, 0x42cd4497,
        0xef37ae3c, 0xdca51a33, 0xe2cc6fa3, 0xd6271e2f, 0x7f800000, 0x4008461d, 0xc2e417fc, 0xd91eb7e9, 0x4dab0c9c,
        0x50b03fd6, 0xeccd5609, 0x60523724, 0xff800000, 0xc0961e0d, 0xdd16ed08, 0xd4a6b962, 0x77261ec5, 0x6451eb3d,
        0xbe55d90d, 0xf7da6987, 0x7fc00000, 0x41204937];

    private static readonly uint[] F32SinhRow =
        [0x424b0cd5, 0x4211173b, 0xc2703de4, 0xc0adc0b9, 0xc22703ad, 0xc24319f7, 0xc28f5727, 0x40aa60fe, 0xc21108f7,
        0xc1f08e9f, 0x3edb4593, 0xc2259209, 0xc285ce7d, 0x41a32128, 0x429bc94d, 0xc21f61b3, 0xc1d95d1e, 0xc22499d3,
        0x41c4a3e2, 0x424f267c, 0x7f800000, 0xff800000, 0x7fc00000, 0x00000000, 0x80000000, 0x3fc00000, 0xc0100000,
        0x40400000, 0xc29bb499, 0x428606b6, 0xc246ba09, 0xc27e3230, 0xbe5452bd, 0xc280077e, 0x4267d03e, 0xc2009b13,
        0x4238f9ab, 0xc29db850, 0xc208fce6, 0xbe4fbba7];

    private static readonly uint[] F32SinhExpanded =
        [0x6396a0ed, 0x5920f1ed, 0xea48b347, 0xc2e417fc, 0xdd16ed08, 0xe225301d, 0xf2a8b1d2, 0x42cd4497, 0xd91eb7e9,
        0xd4a6b962, 0x3ee2094c, 0xdcd263a1, 0xef37ae3c, 0x4dab0c9c, 0x77261ec5, 0xdbb31e76, 0xd292e69b, 0xdca51a33,
        0x50b03fd6, 0x6451eb3d, 0x7f800000, 0xff800000, 0xffffffff, 0x00000000, 0x80000000, 0x4008461d, 0xc0961e0d,
        0x41204937, 0xf71f8978, 0x6f4cffe8, 0xe2cc6fa3, 0xeccd5609, 0xbe55d90e, 0xed238cf9, 0x68c33ac1, 0xd6271e30,
        0x60523725, 0xf7da6988, 0xd7a9d41e, 0xbe51292a, 0x6396a0ed, 0x5920f1ed, 0xea48b347, 0xc2e417fc, 0xdd16ed08,
        0xe225301d, 0xf2a8b1d2, 0x42cd4497, 0xd91eb7e9, 0xd4a6b962, 0x3ee2094c, 0xdcd263a1, 0xef37ae3c, 0x4dab0c9c,
        0x77261ec5, 0xdbb31e76, 0xd292e69b, 0xdca51a33, 0x50b03fd6, 0x6451eb3d, 0x7f800000, 0xff800000, 0xffffffff,
        0x00000000, 0x80000000, 0x4008461d, 0xc0961e0d, 0x41204937, 0xf71f8978, 0x6f4cffe8, 0xe2cc6fa3, 0xeccd5609,
        0xbe55d90e, 0xed238cf9, 0x68c33ac1, 0xd6271e30, 0x60523725, 0xf7da6988, 0xd7a9d41e, 0xbe51292a];

    private static readonly uint[] F32CoshBase =
        [0xc20e2bfb, 0x41b9ed18, 0xc1e15fe4, 0x404f52d1, 0x412a0521, 0x40aa8638, 0xc21d19ab, 0x4285806c, 0x421fe1d4,
        0x3fc9b999, 0x419cc99e, 0x42443664, 0x420188a5, 0xc19ce1b4, 0x3f960804, 0xc275b0fb, 0xc22b6185, 0x425c0812,
        0x4217a2de, 0xc0ede6c6, 0x429646d2, 0x42380f33, 0xc0a18656, 0x41d5c015, 0x428af4d3, 0xc20c1675, 0xc2335bb1,
        0xc21d33f4, 0x420188fb, 0xc1c8e0c0, 0x41237933, 0x427b71b3, 0x7f800000, 0xff800000, 0x7fc00000, 0x00000000,
        0x80000000, 0x3fc00000, 0xc0100000, 0x40400000];

    private static readonly uint[] F32CoshTransposed =
        [0x589b29a1, 0x42ce366c, 0x4d1ad590, 0x6b43f5c6, 0x7529181a, 0x58384e8d, 0x4655cdce, 0x3f800000, 0x4fb8bd14,
        0x5b4a85f1, 0x625a1372, 0x5de0d11e, 0x602731db, 0x5f4e7836, 0x6c4e6686, 0x3f800000, 0x5347edf1, 0x6f1db46d,
        0x5652c194, 0x66a43b90, 0x429ba994, 0x5b4fca02, 0x7f800000, 0x40168de1, 0x414c7780, 0x5bcafe74, 0x4d1caa7b,
        0x5a4eac01, 0x523b05b1, 0x5652d348, 0x7f800000, 0x40997d7b, 0x46a0f26a, 0x40215a3f, 0x3fe2776c, 0x4453a8dc,
        0x7116baa9, 0x5115ad0e, 0x7fc00000, 0x41211525];

    private static readonly uint[] F32CoshRow =
        [0xc20e2bfb, 0x41b9ed18, 0xc1e15fe4, 0x404f52d1, 0x412a0521, 0x40aa8638, 0xc21d19ab, 0x4285806c, 0x421fe1d4,
        0x3fc9b999, 0x419cc99e, 0x42443664, 0x420188a5, 0xc19ce1b4, 0x3f960804, 0xc275b0fb, 0xc22b6185, 0x425c0812,
        0x4217a2de, 0xc0ede6c6, 0x7f800000, 0xff800000, 0x7fc00000, 0x00000000, 0x80000000, 0x3fc00000, 0xc0100000,
        0x40400000, 0x429646d2, 0x42380f33, 0xc0a18656, 0x41d5c015, 0x428af4d3, 0xc20c1675, 0xc2335bb1, 0xc21d33f4,
        0x420188fb, 0xc1c8e0c0, 0x41237933, 0x427b71b3];

    private static readonly uint[] F32CoshExpanded =
        [0x589b29a1, 0x4fb8bd14, 0x5347edf1, 0x414c7780, 0x46a0f26a, 0x42ce366c, 0x5b4a85f1, 0x6f1db46d, 0x5bcafe74,
        0x40215a3f, 0x4d1ad590, 0x625a1372, 0x5652c194, 0x4d1caa7b, 0x3fe2776c, 0x6b43f5c6, 0x5de0d11e, 0x66a43b90,
        0x5a4eac01, 0x4453a8dc, 0x7f800000, 0x7f800000, 0xffffffff, 0x3f800000, 0x3f800000, 0x40168de1, 0x40997d7b,
        0x41211525, 0x7529181a, 0x602731db, 0x429ba994, 0x523b05b1, 0x7116baaa, 0x58384e8c, 0x5f4e7837, 0x5b4fca03,
        0x5652d349, 0x5115ad0f, 0x4655cdcf, 0x6c4e6687, 0x589b29a1, 0x4fb8bd14, 0x5347edf1, 0x414c7780, 0x46a0f26a,
        0x42ce366c, 0x5b4a85f1, 0x6f1db46d, 0x5bcafe74, 0x40215a3f, 0x4d1ad590, 0x625a1372, 0x5652c194, 0x4d1caa7b,
        0x3fe2776c, 0x6b43f5c6, 0x5de0d11e, 0x66a43b90, 0x5a4eac01, 0x4453a8dc, 0x7f800000, 0x7f800000, 0xffffffff,
        0x3f800000, 0x3f800000, 0x40168de1, 0x40997d7b, 0x41211525, 0x7529181a, 0x602731db, 0x429ba994, 0x523b05b1,
        0x7116baaa, 0x58384e8c, 0x5f4e7837, 0x5b4fca03, 0x5652d349, 0x5115ad0f, 0x4655cdcf, 0x6c4e6687];

    private static readonly uint[] F32Exp2Base =
        [0x4168bdeb, 0x4191bc2f, 0xc28b25b9, 0xc22d6db4, 0x42c27b35, 0xc2b55fa7, 0x42efed9f, 0xc265c3ad, 0x42757c29,
        0xc0ee0a86, 0xc2b31951, 0x42d931f5, 0xc22551a5, 0x41c55c99, 0xc2b03836, 0x42ed4e39, 0xc2e0f453, 0xc27e2e5b,
        0x42e6dcc2, 0xc28b42f9, 0x429350c9, 0x4252b08d, 0x42aaf833, 0x42aea793, 0x426efc5a, 0xc21269f0, 0xc2c30500,
        0xc2babed8, 0xc255550c, 0x425273b0, 0xc26b7e3c, 0x420a2d00, 0x7f800000, 0xff800000, 0x7fc00000, 0x00000000,
        0x80000000, 0x3fc00000, 0xc0100000, 0x40400000];

    private static readonly uint[] F32Exp2Transposed =
        [0x46baee7d, 0x121f085a, 0x12aeeb98, 0x7ac93da2, 0x6449f0aa, 0x2d287e39, 0x220bc07d, 0x3f800000, 0x4894c3b6,
        0x7b79b57e, 0x75c1af7e, 0x0737e744, 0x59cbff8d, 0x0eb3cc53, 0x50ba9e3d, 0x3f800000, 0x1cac01c6, 0x22bc9061,
        0x2acbb201, 0x1faf6d6f, 0x6a331e21, 0x10c5b654, 0x7f800000, 0x403504f3, 0x29c7dcf1, 0x5e259087, 0x4bcbb000,
        0x792c95e4, 0x6b20989c, 0x24cb3a0c, 0x00000000, 0x3e5744fd, 0x70173be7, 0x3bbcdd91, 0x136d3dd7, 0x1ca5542a,
        0x5d56bd0f, 0x59c3c3bc, 0x7fc00000, 0x41000000];

    private static readonly uint[] F32Exp2Row =
        [0x4168bdeb, 0x4191bc2f, 0xc28b25b9, 0xc22d6db4, 0x42c27b35, 0xc2b55fa7, 0x42efed9f, 0xc265c3ad, 0x42757c29,
        0xc0ee0a86, 0xc2b31951, 0x42d931f5, 0xc22551a5, 0x41c55c99, 0xc2b03836, 0x42ed4e39, 0xc2e0f453, 0xc27e2e5b,
        0x42e6dcc2, 0xc28b42f9, 0x7f800000, 0xff800000, 0x7fc00000, 0x00000000, 0x80000000, 0x3fc00000, 0xc0100000,
        0x40400000, 0x429350c9, 0x4252b08d, 0x42aaf833, 0x42aea793, 0x426efc5a, 0xc21269f0, 0xc2c30500, 0xc2babed8,
        0xc255550c, 0x425273b0, 0xc26b7e3c, 0x420a2d00];

    private static readonly uint[] F32Exp2Expanded =
        [0x46baee7d, 0x4894c3b6, 0x1cac01c6, 0x29c7dcf1, 0x70173be7, 0x121f085a, 0x7b79b57e, 0x22bc9061, 0x5e259087,
        0x3bbcdd91, 0x12aeeb98, 0x75c1af7e, 0x2acbb201, 0x4bcbb000, 0x136d3dd7, 0x7ac93da2, 0x0737e744, 0x1faf6d6f,
        0x792c95e4, 0x1ca5542a, 0x7f800000, 0x00000000, 0x7fc00000, 0x3f800000, 0x3f800000, 0x403504f3, 0x3e5744fd,
        0x41000000, 0x6449f0aa, 0x59cbff8d, 0x6a331e21, 0x6b20989c, 0x5d56bd0e, 0x2d287e3a, 0x0eb3cc54, 0x10c5b655,
        0x24cb3a0b, 0x59c3c3bd, 0x220bc07e, 0x50ba9e3e, 0x46baee7d, 0x4894c3b6, 0x1cac01c6, 0x29c7dcf1, 0x70173be7,
        0x121f085a, 0x7b79b57e, 0x22bc9061, 0x5e259087, 0x3bbcdd91, 0x12aeeb98, 0x75c1af7e, 0x2acbb201, 0x4bcbb000,
        0x136d3dd7, 0x7ac93da2, 0x0737e744, 0x1faf6d6f, 0x792c95e4, 0x1ca5542a, 0x7f800000, 0x00000000, 0x7fc00000,
        0x3f800000, 0x3f800000, 0x403504f3, 0x3e5744fd, 0x41000000, 0x6449f0aa, 0x59cbff8d, 0x6a331e21, 0x6b20989c,
        0x5d56bd0e, 0x2d287e3a, 0x0eb3cc54, 0x10c5b655, 0x24cb3a0b, 0x59c3c3bd, 0x220bc07e, 0x50ba9e3e];

    private static readonly ulong[] F64SinhBase =
        [0x404533b686ec0b30UL, 0xc02a2c3631c23380UL, 0xc085ca09af870e28UL, 0x3fe8498835600c00UL, 0xc01e681057e6e080UL,
        0xbff37fd1056c0000UL, 0x4031e621d17f5100UL, 0x402a7862a16e51c0UL, 0xc0676f18fb18c8a0UL, 0xbfc7810047641000UL,
        0x40272966c54e5740UL, 0xc0258e912372f3c0UL, 0x40300810ef3b0cc0UL, 0x401a8640ee742980UL, 0x40125ec48b99dd80UL,
        0x3fe36365a63f5400UL, 0x4050dcbc2747e830UL, 0x4023082697c13880UL, 0xc0196ac059410800UL, 0xbffad2ddff883000UL,
        0xc083260ce50204f3UL, 0x40265d07512d9040UL, 0x40328346cde21a20UL, 0x401f6823db221300UL, 0xc03085ebf3d0fc40UL,
        0x400df294d5590a00UL, 0xc0113b4cc9c3c900UL, 0xc02ae1605f077a40UL, 0x4033dbd422e6d720UL, 0xc00f633373b9bc00UL,
        0x407936f353e8785cUL, 0x3fe418f9066e7400UL, 0x7ff0000000000000UL, 0xfff0000000000000UL, 0x7ff8000000000000UL,
        0x0000000000000000UL, 0x8000000000000000UL, 0x3ff8000000000000UL, 0xc002000000000000UL, 0x4008000000000000UL];

    private static readonly ulong[] F64SinhTransposed =
        [0x43b2139c4d8c485bUL, 0xbff8b291ccb8568eUL, 0x40ea215c27f5b65dUL, 0x3fe498b1540a97c5UL, 0xf7203a87d451b82eUL,
        0x40351c1fc63f7815UL, 0x64405e3d6c05779fUL, 0x0000000000000000UL, 0xc10d7028a67222d2UL, 0x417c4cce86aa7ccdUL,
        0xc0d76cf82cf008d3UL, 0x45f3cfea18ccfd7eUL, 0x40e187c122031c5eUL, 0xc04291622dddc4dcUL, 0x3fe571f0eef1f333UL,
        0x8000000000000000UL, 0xfebe6614aabe81e2UL, 0x41111487dbe116a4UL, 0x41517dcf69fcff88UL, 0x40ba830dd334df79UL,
        0x418a2478dc9ed78aUL, 0xc114f7b7c4c0ef92UL, 0x7ff0000000000000UL, 0x400108c3aabd6a60UL, 0x3feaafe45e0709fcUL,
        0xd0c61459d8004476UL, 0x4077b28f285f298bUL, 0xc071f76e5a410f05UL, 0x40941431f00bfb44UL, 0x41a91b903baf7d83UL,
        0xfff0000000000000UL, 0xc012c3c19fd775d1UL, 0xc08f45c777e0bf8aUL, 0xbfc7a2df1ee18e18UL, 0x4048af11a63e5ff8UL,
        0xc004a382aa7335f1UL, 0xc15c99137ee4896fUL, 0xc03946f1863eb3a2UL, 0x7ff8000000000000UL, 0x40240926e70949aeUL];

    private static readonly ulong[] F64SinhRow =
        [0x404533b686ec0b30UL, 0xc02a2c3631c23380UL, 0xc085ca09af870e28UL, 0x3fe8498835600c00UL, 0xc01e681057e6e080UL,
        0xbff37fd1056c0000UL, 0x4031e621d17f5100UL, 0x402a7862a16e51c0UL, 0xc0676f18fb18c8a0UL, 0xbfc7810047641000UL,
        0x40272966c54e5740UL, 0xc0258e912372f3c0UL, 0x40300810ef3b0cc0UL, 0x401a8640ee742980UL, 0x40125ec48b99dd80UL,
        0x3fe36365a63f5400UL, 0x4050dcbc2747e830UL, 0x4023082697c13880UL, 0xc0196ac059410800UL, 0xbffad2ddff883000UL,
        0x7ff0000000000000UL, 0xfff0000000000000UL, 0x7ff8000000000000UL, 0x0000000000000000UL, 0x8000000000000000UL,
        0x3ff8000000000000UL, 0xc002000000000000UL, 0x4008000000000000UL, 0xc083260ce50204f3UL, 0x40265d07512d9040UL,
        0x40328346cde21a20UL, 0x401f6823db221300UL, 0xc03085ebf3d0fc40UL, 0x400df294d5590a00UL, 0xc0113b4cc9c3c900UL,
        0xc02ae1605f077a40UL, 0x4033dbd422e6d720UL, 0xc00f633373b9bc00UL, 0x407936f353e8785cUL, 0x3fe418f9066e7400UL];

    private static readonly ulong[] F64SinhExpanded =
        [0x43b2139c4d8c485bUL, 0xc10d7028a67222d2UL, 0xfebe6614aabe81e2UL, 0x3feaafe45e0709fcUL, 0xc08f45c777e0bf8aUL,
        0xbff8b291ccb8568eUL, 0x417c4cce86aa7ccdUL, 0x41111487dbe116a4UL, 0xd0c61459d8004476UL, 0xbfc7a2df1ee18e18UL,
        0x40ea215c27f5b65dUL, 0xc0d76cf82cf008d3UL, 0x41517dcf69fcff88UL, 0x4077b28f285f298bUL, 0x4048af11a63e5ff8UL,
        0x3fe498b1540a97c5UL, 0x45f3cfea18ccfd7eUL, 0x40ba830dd334df79UL, 0xc071f76e5a410f05UL, 0xc004a382aa7335f1UL,
        0x7ff0000000000000UL, 0xfff0000000000000UL, 0xffffffffffffffffUL, 0x0000000000000000UL, 0x8000000000000000UL,
        0x400108c3aabd6a60UL, 0xc012c3c19fd775d1UL, 0x40240926e70949aeUL, 0xf7203a87d451b82eUL, 0x40e187c122031c5eUL,
        0x418a2478dc9ed78aUL, 0x40941431f00bfb44UL, 0xc15c99137ee4896eUL, 0x40351c1fc63f7814UL, 0xc04291622dddc4dbUL,
        0xc114f7b7c4c0ef93UL, 0x41a91b903baf7d84UL, 0xc03946f1863eb3a3UL, 0x64405e3d6c0577a0UL, 0x3fe571f0eef1f334UL,
        0x43b2139c4d8c485bUL, 0xc10d7028a67222d2UL, 0xfebe6614aabe81e2UL, 0x3feaafe45e0709fcUL, 0xc08f45c777e0bf8aUL,
        0xbff8b291ccb8568eUL, 0x417c4cce86aa7ccdUL, 0x41111487dbe116a4UL, 0xd0c61459d8004476UL, 0xbfc7a2df1ee18e18UL,
        0x40ea215c27f5b65dUL, 0xc0d76cf82cf008d3UL, 0x41517dcf69fcff88UL, 0x4077b28f285f298bUL, 0x4048af11a63e5ff8UL,
        0x3fe498b1540a97c5UL, 0x45f3cfea18ccfd7eUL, 0x40ba830dd334df79UL, 0xc071f76e5a410f05UL, 0xc004a382aa7335f1UL,
        0x7ff0000000000000UL, 0xfff0000000000000UL, 0xffffffffffffffffUL, 0x0000000000000000UL, 0x8000000000000000UL,
        0x400108c3aabd6a60UL, 0xc012c3c19fd775d1UL, 0x40240926e70949aeUL, 0xf7203a87d451b82eUL, 0x40e187c122031c5eUL,
        0x418a2478dc9ed78aUL, 0x40941431f00bfb44UL, 0xc15c99137ee4896eUL, 0x40351c1fc63f7814UL, 0xc04291622dddc4dbUL,
        0xc114f7b7c4c0ef93UL, 0x41a91b903baf7d84UL, 0xc03946f1863eb3a3UL, 0x64405e3d6c0577a0UL, 0x3fe571f0eef1f334UL];

    private static readonly ulong[] F64CoshBase =
        [0x40148aef25199780UL, 0xbff25736d5427600UL, 0xc03098eb755ca3e0UL, 0x407aff1f250ec4f0UL, 0x40671faa7bd9291cUL,
        0xc02e834d0ae46e80UL, 0xc0217c4aeb57c8c0UL, 0xc06850e1661c1396UL, 0x40161380423c0600UL, 0xc02f3e6e2a4c2840UL,
        0xc02e6203bfb4a200UL, 0x4074624fb994e6f0UL, 0xc00e25f5e74b5000UL, 0x401633f3cdefab00UL, 0x40161e714ccfce80UL,
        0xc0284d9b7ebd8ac0UL, 0xc031bd4a22f7b100UL, 0x3ff300bec3813800UL, 0xc0152f8f154d7f80UL, 0x4013e132eba01280UL,
        0x402d29acd2654a80UL, 0x401f2196f1784680UL, 0xc02386072af82940UL, 0x401d7cc380b1f980UL, 0xc0232ce05f3caa80UL,
        0xc07c88ddc364fb27UL, 0x3fdb81377991c800UL, 0xc02d1a2598ebfe80UL, 0x407d5f82c2cfa9a8UL, 0x403085a6e3dda6a0UL,
        0xc01687bff91e8800UL, 0xc00ab6cc04dbea00UL, 0x7ff0000000000000UL, 0xfff0000000000000UL, 0x7ff8000000000000UL,
        0x0000000000000000UL, 0x8000000000000000UL, 0x3ff8000000000000UL, 0xc002000000000000UL, 0x4008000000000000UL];

    private static readonly ulong[] F64CoshTransposed =
        [0x40553f885380ea4fUL, 0x41401da2b2cd1c21UL, 0x413e33e708438e83UL, 0x40f71e84260f10beUL, 0x413068f9b6c25919UL,
        0x69096dcabe79f202UL, 0x4061761ddef3ae79UL, 0x3ff0000000000000UL, 0x3ffbb6eca417bf4eUL, 0x40a879287e2a25b6UL,
        0x5d470e0d5bfe0f81UL, 0x417820737e533718UL, 0x4092bdfa32a3db06UL, 0x3ff1801d0eb3c313UL, 0x402c3bcdfd6ef2faUL,
        0x3ff0000000000000UL, 0x415ecd0cc48f0fb8UL, 0x5169001b9bb52653UL, 0x4035ab7a1c81b2e5UL, 0x3ffcacd8a9858c01UL,
        0x40c0f358bf442347UL, 0x412fd6f50cd9bda2UL, 0x7ff0000000000000UL, 0x4002d1bc21e22022UL, 0x66d1f07bf4fd9bf8UL,
        0x405f2cd0e2cb9547UL, 0x406016e35dec8755UL, 0x4058f42f0184b37fUL, 0x4088da3afce89808UL, 0x6a40408c02abc942UL,
        0x7ff0000000000000UL, 0x40132faf66118731UL, 0x508d849a980c827eUL, 0x414739ee6555ad71UL, 0x405f828be43d04e0UL,
        0x405200b7b654410fUL, 0x40bc7bc626f16d18UL, 0x415c915d7eccceafUL, 0x7ff8000000000000UL, 0x402422a497d6185eUL];

    private static readonly ulong[] F64CoshRow =
        [0x40148aef25199780UL, 0xbff25736d5427600UL, 0xc03098eb755ca3e0UL, 0x407aff1f250ec4f0UL, 0x40671faa7bd9291cUL,
        0xc02e834d0ae46e80UL, 0xc0217c4aeb57c8c0UL, 0xc06850e1661c1396UL, 0x40161380423c0600UL, 0xc02f3e6e2a4c2840UL,
        0xc02e6203bfb4a200UL, 0x4074624fb994e6f0UL, 0xc00e25f5e74b5000UL, 0x401633f3cdefab00UL, 0x40161e714ccfce80UL,
        0xc0284d9b7ebd8ac0UL, 0xc031bd4a22f7b100UL, 0x3ff300bec3813800UL, 0xc0152f8f154d7f80UL, 0x4013e132eba01280UL,
        0x7ff0000000000000UL, 0xfff0000000000000UL, 0x7ff8000000000000UL, 0x0000000000000000UL, 0x8000000000000000UL,
        0x3ff8000000000000UL, 0xc002000000000000UL, 0x4008000000000000UL, 0x402d29acd2654a80UL, 0x401f2196f1784680UL,
        0xc02386072af82940UL, 0x401d7cc380b1f980UL, 0xc0232ce05f3caa80UL, 0xc07c88ddc364fb27UL, 0x3fdb81377991c800UL,
        0xc02d1a2598ebfe80UL, 0x407d5f82c2cfa9a8UL, 0x403085a6e3dda6a0UL, 0xc01687bff91e8800UL, 0xc00ab6cc04dbea00UL];

    private static readonly ulong[] F64CoshExpanded =
        [0x40553f885380ea4fUL, 0x3ffbb6eca417bf4eUL, 0x415ecd0cc48f0fb8UL, 0x66d1f07bf4fd9bf8UL, 0x508d849a980c827eUL,
        0x41401da2b2cd1c21UL, 0x40a879287e2a25b6UL, 0x5169001b9bb52653UL, 0x405f2cd0e2cb9547UL, 0x414739ee6555ad71UL,
        0x413e33e708438e83UL, 0x5d470e0d5bfe0f81UL, 0x4035ab7a1c81b2e5UL, 0x406016e35dec8755UL, 0x405f828be43d04e0UL,
        0x40f71e84260f10beUL, 0x417820737e533718UL, 0x3ffcacd8a9858c01UL, 0x4058f42f0184b37fUL, 0x405200b7b654410fUL,
        0x7ff0000000000000UL, 0x7ff0000000000000UL, 0xffffffffffffffffUL, 0x3ff0000000000000UL, 0x3ff0000000000000UL,
        0x4002d1bc21e22022UL, 0x40132faf66118731UL, 0x402422a497d6185eUL, 0x413068f9b6c25919UL, 0x4092bdfa32a3db06UL,
        0x40c0f358bf442347UL, 0x4088da3afce89808UL, 0x40bc7bc626f16d19UL, 0x69096dcabe79f201UL, 0x3ff1801d0eb3c314UL,
        0x412fd6f50cd9bda1UL, 0x6a40408c02abc941UL, 0x415c915d7eccceb0UL, 0x4061761ddef3ae7aUL, 0x402c3bcdfd6ef2fbUL,
        0x40553f885380ea4fUL, 0x3ffbb6eca417bf4eUL, 0x415ecd0cc48f0fb8UL, 0x66d1f07bf4fd9bf8UL, 0x508d849a980c827eUL,
        0x41401da2b2cd1c21UL, 0x40a879287e2a25b6UL, 0x5169001b9bb52653UL, 0x405f2cd0e2cb9547UL, 0x414739ee6555ad71UL,
        0x413e33e708438e83UL, 0x5d470e0d5bfe0f81UL, 0x4035ab7a1c81b2e5UL, 0x406016e35dec8755UL, 0x405f828be43d04e0UL,
        0x40f71e84260f10beUL, 0x417820737e533718UL, 0x3ffcacd8a9858c01UL, 0x4058f42f0184b37fUL, 0x405200b7b654410fUL,
        0x7ff0000000000000UL, 0x7ff0000000000000UL, 0xffffffffffffffffUL, 0x3ff0000000000000UL, 0x3ff0000000000000UL,
        0x4002d1bc21e22022UL, 0x40132faf66118731UL, 0x402422a497d6185eUL, 0x413068f9b6c25919UL, 0x4092bdfa32a3db06UL,
        0x40c0f358bf442347UL, 0x4088da3afce89808UL, 0x40bc7bc626f16d19UL, 0x69096dcabe79f201UL, 0x3ff1801d0eb3c314UL,
        0x412fd6f50cd9bda1UL, 0x6a40408c02abc941UL, 0x415c915d7eccceb0UL, 0x4061761ddef3ae7aUL, 0x402c3bcdfd6ef2fbUL];

    private static readonly ulong[] F64Exp2Base =
        [0xc083a0e1bd51e46cUL, 0xc085f56996add998UL, 0xc0886ae465236202UL, 0x40076f14ff46eb00UL, 0xc0268264c02cec80UL,
        0xc08e0b95bd628bb9UL, 0x408a9bf7f4b3fc5cUL, 0xc08a6c62158cfd9fUL, 0x4077eb060def3d24UL, 0x407f0480651cde2cUL,
        0x407453b25378e06cUL, 0x408dfa925427892aUL, 0xc08ecb25ca94a726UL, 0xc0794587aa9091c8UL, 0xc06353c58cf9bfa8UL,
        0x40712a70d0f3a47cUL, 0xc0861487dd536468UL, 0xc08c7ccf24babef9UL, 0x40821a80c666e0f8UL, 0x4055ea9c016990e0UL,
        0xc0702629c3a3d2eaUL, 0x4074b80406c67d14UL, 0x408cdf1034214ce6UL, 0x4050b2f2b336ecf0UL, 0xc07439293e1a15ceUL,
        0xc084a7b76f00c559UL, 0x4076ccec65a51364UL, 0xc080532131445a48UL, 0x40724bcc0ae1fb84UL, 0x407342d125848e24UL,
        0x40648a85aad917a0UL, 0x407ca278b36aa510UL, 0x7ff0000000000000UL, 0xfff0000000000000UL, 0x7ff8000000000000UL,
        0x0000000000000000UL, 0x8000000000000000UL, 0x3ff8000000000000UL, 0xc002000000000000UL, 0x4008000000000000UL];

    private static readonly ulong[] F64Exp2Transposed =
        [0x18ada56dcee5648aUL, 0x03d774bc2afc1849UL, 0x5442c762908743aaUL, 0x511926a6fb3f0e1dUL, 0x2fc88068697f53bcUL,
        0x16a065d80ad3a32cUL, 0x4a341881858a4b1aUL, 0x3ff0000000000000UL, 0x140405611cad351aUL, 0x752690de9b26d1daUL,
        0x7be3fe4d53622af4UL, 0x13c59c49143b41bdUL, 0x54a6a4912bae2ad4UL, 0x56bc01c8efaf96aaUL, 0x5c91cee4ba04f700UL,
        0x3ff0000000000000UL, 0x0f18e830b68c497bUL, 0x0b15e37ad8fc5c29UL, 0x02585c9d203c8489UL, 0x06f5186b5af5d8acUL,
        0x79ad81685a4b1792UL, 0x1f4866541e779b97UL, 0x7ff0000000000000UL, 0x4006a09e667f3bcdUL, 0x401e77e581f4885eUL,
        0x57d9cb549976e99eUL, 0x26a92ed9337d71e9UL, 0x6423dffbe820280fUL, 0x441bc81dd1442b19UL, 0x523aac520e1d0de2UL,
        0x0000000000000000UL, 0x3fcae89f995ad3adUL, 0x3f3ad2566ed3233fUL, 0x5ef371fc63f44305UL, 0x3644da30a0618644UL,
        0x456961f68968ef6cUL, 0x2bb584737ef9f6cdUL, 0x533213a40b68098aUL, 0x7ff8000000000000UL, 0x4020000000000000UL];

    private static readonly ulong[] F64Exp2Row =
        [0xc083a0e1bd51e46cUL, 0xc085f56996add998UL, 0xc0886ae465236202UL, 0x40076f14ff46eb00UL, 0xc0268264c02cec80UL,
        0xc08e0b95bd628bb9UL, 0x408a9bf7f4b3fc5cUL, 0xc08a6c62158cfd9fUL, 0x4077eb060def3d24UL, 0x407f0480651cde2cUL,
        0x407453b25378e06cUL, 0x408dfa925427892aUL, 0xc08ecb25ca94a726UL, 0xc0794587aa9091c8UL, 0xc06353c58cf9bfa8UL,
        0x40712a70d0f3a47cUL, 0xc0861487dd536468UL, 0xc08c7ccf24babef9UL, 0x40821a80c666e0f8UL, 0x4055ea9c016990e0UL,
        0x7ff0000000000000UL, 0xfff0000000000000UL, 0x7ff8000000000000UL, 0x0000000000000000UL, 0x8000000000000000UL,
        0x3ff8000000000000UL, 0xc002000000000000UL, 0x4008000000000000UL, 0xc0702629c3a3d2eaUL, 0x4074b80406c67d14UL,
        0x408cdf1034214ce6UL, 0x4050b2f2b336ecf0UL, 0xc07439293e1a15ceUL, 0xc084a7b76f00c559UL, 0x4076ccec65a51364UL,
        0xc080532131445a48UL, 0x40724bcc0ae1fb84UL, 0x407342d125848e24UL, 0x40648a85aad917a0UL, 0x407ca278b36aa510UL];

    private static readonly ulong[] F64Exp2Expanded =
        [0x18ada56dcee5648aUL, 0x140405611cad351aUL, 0x0f18e830b68c497bUL, 0x401e77e581f4885eUL, 0x3f3ad2566ed3233fUL,
        0x03d774bc2afc1849UL, 0x752690de9b26d1daUL, 0x0b15e37ad8fc5c29UL, 0x57d9cb549976e99eUL, 0x5ef371fc63f44305UL,
        0x5442c762908743aaUL, 0x7be3fe4d53622af4UL, 0x02585c9d203c8489UL, 0x26a92ed9337d71e9UL, 0x3644da30a0618644UL,
        0x511926a6fb3f0e1dUL, 0x13c59c49143b41bdUL, 0x06f5186b5af5d8acUL, 0x6423dffbe820280fUL, 0x456961f68968ef6cUL,
        0x7ff0000000000000UL, 0x0000000000000000UL, 0x7ff8000000000000UL, 0x3ff0000000000000UL, 0x3ff0000000000000UL,
        0x4006a09e667f3bccUL, 0x3fcae89f995ad3aeUL, 0x4020000000000000UL, 0x2fc88068697f53bcUL, 0x54a6a4912bae2ad4UL,
        0x79ad81685a4b1792UL, 0x441bc81dd1442b19UL, 0x2bb584737ef9f6ceUL, 0x16a065d80ad3a32bUL, 0x56bc01c8efaf96a9UL,
        0x1f4866541e779b96UL, 0x523aac520e1d0de1UL, 0x533213a40b68098bUL, 0x4a341881858a4b1bUL, 0x5c91cee4ba04f701UL,
        0x18ada56dcee5648aUL, 0x140405611cad351aUL, 0x0f18e830b68c497bUL, 0x401e77e581f4885eUL, 0x3f3ad2566ed3233fUL,
        0x03d774bc2afc1849UL, 0x752690de9b26d1daUL, 0x0b15e37ad8fc5c29UL, 0x57d9cb549976e99eUL, 0x5ef371fc63f44305UL,
        0x5442c762908743aaUL, 0x7be3fe4d53622af4UL, 0x02585c9d203c8489UL, 0x26a92ed9337d71e9UL, 0x3644da30a0618644UL,
        0x511926a6fb3f0e1dUL, 0x13c59c49143b41bdUL, 0x06f5186b5af5d8acUL, 0x6423dffbe820280fUL, 0x456961f68968ef6cUL,
        0x7ff0000000000000UL, 0x0000000000000000UL, 0x7ff8000000000000UL, 0x3ff0000000000000UL, 0x3ff0000000000000UL,
        0x4006a09e667f3bccUL, 0x3fcae89f995ad3aeUL, 0x4020000000000000UL, 0x2fc88068697f53bcUL, 0x54a6a4912bae2ad4UL,
        0x79ad81685a4b1792UL, 0x441bc81dd1442b19UL, 0x2bb584737ef9f6ceUL, 0x16a065d80ad3a32bUL, 0x56bc01c8efaf96a9UL,
        0x1f4866541e779b96UL, 0x523aac520e1d0de1UL, 0x533213a40b68098bUL, 0x4a341881858a4b1bUL, 0x5c91cee4ba04f701UL];

    private static Tensor F32(uint[] bits, int[] shape) => Tensor.FromArray(Array.ConvertAll(bits, BitConverter.UInt32BitsToSingle), shape);
    private static Tensor F64(ulong[] bits, int[] shape) => Tensor.FromArray(Array.ConvertAll(bits, BitConverter.UInt64BitsToDouble), shape);
    private static uint[] Bits32(Tensor t) => Array.ConvertAll(t.Contiguous().ToArray<float>(), BitConverter.SingleToUInt32Bits);
    private static ulong[] Bits64(Tensor t) => Array.ConvertAll(t.Contiguous().ToArray<double>(), BitConverter.DoubleToUInt64Bits);

    private static Tensor Apply(string op, Tensor x) => op switch { "sinh" => x.Sinh(), "cosh" => x.Cosh(), _ => x.Exp2() };

    [Theory]
    [InlineData("sinh")]
    [InlineData("cosh")]
    [InlineData("exp2")]
    public void Float32MatchesPyTorchBitForBit(string op)
    {
        var (input, transposed, row, expanded) = op switch
        {
            "sinh" => (F32SinhBase, F32SinhTransposed, F32SinhRow, F32SinhExpanded),
            "cosh" => (F32CoshBase, F32CoshTransposed, F32CoshRow, F32CoshExpanded),
            _ => (F32Exp2Base, F32Exp2Transposed, F32Exp2Row, F32Exp2Expanded),
        };
        Assert.Equal(transposed, Bits32(Apply(op, F32(input, [8, 5]).T)));
        Assert.Equal(expanded, Bits32(Apply(op, F32(row, [40]).Expand([2, 40]))));
    }

    [Theory]
    [InlineData("sinh")]
    [InlineData("cosh")]
    [InlineData("exp2")]
    public void Float64MatchesPyTorchBitForBit(string op)
    {
        var (input, transposed, row, expanded) = op switch
        {
            "sinh" => (F64SinhBase, F64SinhTransposed, F64SinhRow, F64SinhExpanded),
            "cosh" => (F64CoshBase, F64CoshTransposed, F64CoshRow, F64CoshExpanded),
            _ => (F64Exp2Base, F64Exp2Transposed, F64Exp2Row, F64Exp2Expanded),
        };
        Assert.Equal(transposed, Bits64(Apply(op, F64(input, [8, 5]).T)));
        Assert.Equal(expanded, Bits64(Apply(op, F64(row, [40]).Expand([2, 40]))));
    }

    [Fact]
    public void InPlaceOnATransposedViewTakesTheSameSplit()
    {
        var x = F64(F64SinhBase, [8, 5]);
        x.T.Sinh_();
        Assert.Equal(F64SinhTransposed, Bits64(x.T));
    }
}
