namespace Sharpgrad.Tests.UnaryMath;

/// <summary>
/// sin, cos and tan of strided tensors bit for bit as PyTorch 2.6 computes them (2 threads): ATen's vml loop hands a
/// run contiguous in input and output to the kernel whole and copies any other run 8 KiB at a time into a buffer, so
/// SLEEF's per-vector choice of reduction (8 floats, 4 doubles) is made over the elements in the order TensorIterator
/// walks them: a transposed dense tensor in memory order, a [:, ::2] view as one strided run across its rows, a
/// [::2, :] view row by row, and a long run from where each thread's piece starts. The tan inputs are values whose
/// last bit depends on the reduction, placed to share a vector with a large value, an infinity or a NaN, or not.
/// </summary>
[Collection("Threads")]
public class SleefTrigStridedBitsTests
{
    private static readonly uint[] F32StepBase =
        [0x4200d965, 0xbf862980, 0x49742400, 0x3e3529b4, 0x4183f268, 0xbf052a79, 0xc0400000, 0x3ed4d407, 0xc1b6365f,
        0x3f00bcd3, 0x3f000000, 0xbfde7300, 0x41e87a55, 0xbff9420c, 0x469c4000, 0x3facc8bf, 0x41e87a56, 0xbf766be7,
        0xc20d5f26, 0xbf8805c6, 0xc200d965, 0x3ffdc529, 0x420d5f26, 0xbdf399f2, 0x00000000, 0x3fac44ad, 0x80000000,
        0xbdc1b6ea, 0x000116c2, 0x3f0e67e1, 0x40f00000, 0xbfb2e267, 0x4200d965, 0x3f0a18ea, 0x7f800000, 0x3fbc706f,
        0x4183f268, 0x3dbde686, 0x7fc00000, 0x3f770aba, 0xc1b6365f, 0x3f2f867d, 0xc9742400, 0xbfdf3745, 0x41e87a55,
        0x3f8436c1, 0xff800000, 0x3eba926b];

    private static readonly uint[] F32StepOut =
        [0x3f82d73f, 0xbebf4bb4, 0x3f800010, 0x3e11f7b9, 0xbf80001b, 0x3f0bda7b, 0x3f800006, 0x3f373653, 0x3f800027,
        0xbf800012, 0xbf82d73e, 0x3f800012, 0x00000000, 0x80000000, 0x000116c2, 0x402d2f55, 0x3f82d73f, 0xffffffff,
        0x3f800010, 0xffffffff, 0xbf80001b, 0x3ebf4bb4, 0x3f800006, 0xffffffff];

    private static readonly uint[] F32TransposedOut =
        [0x3f82d73f, 0x3e11f7b9, 0x3f800006, 0xbf800012, 0x00000000, 0x402d2f55, 0x3f800010, 0x3ebf4bb4, 0xbebf4bb4,
        0xbf80001b, 0x3f373653, 0xbf82d73e, 0x80000000, 0x3f82d73f, 0xffffffff, 0x3f800006, 0x3f800010, 0x3f0bda7b,
        0x3f800027, 0x3f800012, 0x000116c2, 0xffffffff, 0xbf80001b, 0xffffffff];

    private static readonly uint[] F32ColumnStepOut =
        [0x3f82d73f, 0xbebf4bb4, 0x3f800010, 0x3e11f7b9, 0xbf80001b, 0x3f0bda7b, 0x3f800006, 0x3f373653, 0x3f800027,
        0xbf800012, 0xbf82d73e, 0x3f800012, 0x00000000, 0x80000000, 0x000116c2, 0x402d2f55, 0x3f82d73f, 0xffffffff,
        0x3f800010, 0xffffffff, 0xbf80001b, 0x3ebf4bb4, 0x3f800006, 0xffffffff];

    private static readonly uint[] F32RowStepBase =
        [0x4200d965, 0x49742400, 0x4183f268, 0xc0400000, 0xc1b6365f, 0x3f000000, 0x41e87a55, 0x469c4000, 0x41e87a56,
        0xc20d5f26, 0xc200d965, 0x420d5f26, 0xbf4b807e, 0xbff01f3a, 0x3fbb2663, 0xbddf3d4e, 0x3f601361, 0x3fc1f3c0,
        0x3f5b44c2, 0x3fd79a3f, 0xbed71d6d, 0x3f9a10b7, 0xbe62d508, 0x3fdf0539, 0x4200d965, 0x7f800000, 0x4183f268,
        0x7fc00000, 0xc1b6365f, 0xc9742400, 0x41e87a55, 0xff800000, 0x00000000, 0x80000000, 0x000116c2, 0x40f00000,
        0x3fc1fad0, 0xbfce1a78, 0xbfba624a, 0xbf90e716, 0x3fee536a, 0xbe82bd91, 0x3f01b017, 0xbf4bbfca, 0x3ced568d,
        0xbee9bef3, 0xbf18aaec, 0x3eae3b55];

    private static readonly uint[] F32RowStepOut =
        [0x3f82d73f, 0xbebf4bb4, 0x3f800010, 0x3e11f7b9, 0xbf80001b, 0x3f0bda7b, 0x3f800006, 0x3f373653, 0x3f800027,
        0xbf800012, 0xbf82d73e, 0x3f800012, 0x3f82d73f, 0xffffffff, 0x3f800010, 0xffffffff, 0xbf80001b, 0x3ebf4bb4,
        0x3f800006, 0xffffffff, 0x00000000, 0x80000000, 0x000116c2, 0x402d2f55];

    private static readonly ulong[] F64StepBase =
        [0xc02a9d0b197d3a16UL, 0xbff0c5300342457cUL, 0x4341c37937e08000UL, 0x3fc6a5368858d8d0UL, 0xc024f685b3a1ed0bUL,
        0xbfe0a54f21584a44UL, 0xc008000000000000UL, 0x3fda9a80ef2b7250UL, 0x401c0d9920081b32UL, 0x3fe0179a594b2b8cUL,
        0x402411d01ef023a0UL, 0xbffbce600b27bb70UL, 0x3fe0000000000000UL, 0xbfff284170babd6cUL, 0x40d3880000000000UL,
        0x3ff59917ebc0fce2UL, 0xc02473649b60e6c9UL, 0xbfeecd7cd72ffc74UL, 0x401cf67de549ecfbUL, 0xbff100b8b6774ee0UL,
        0x0000000000000000UL, 0x3fffb8a51dbcb81cUL, 0x8000000000000000UL, 0xbfbe733e3ac15e40UL, 0x41bcb88b99381223UL,
        0x3ff588959c65a506UL, 0x40f86a0000000000UL, 0xbfb836dd4d2ab1c0UL, 0x40523c22b2ce7846UL, 0x3fe1ccfc1dc6bf1cUL,
        0x0000000000002788UL, 0xbff65c4cee250614UL, 0xc02a9d0b197d3a16UL, 0x3fe1431d326d0b94UL, 0x7ff0000000000000UL,
        0x3ff78e0de7681c6cUL, 0xc024f685b3a1ed0bUL, 0x3fb7bcd0b1e97240UL, 0x7ff8000000000000UL, 0x3feee157403e0a80UL,
        0x401c0d9920081b32UL, 0x3fe5f0cfac6f8da0UL, 0xc341c37937e08000UL, 0xbffbe6e8aeb98c88UL, 0x402411d01ef023a0UL,
        0x3ff086d827a8f438UL, 0xfff0000000000000UL, 0x3fd7524d615e8718UL];

    private static readonly ulong[] F64StepOut =
        [0xbfed3d5bff8ae0c3UL, 0xbff3ec3afb0422dfUL, 0xbffc54f6530090b9UL, 0x3fc23ef71254b86fUL, 0x3feca48d9f8d2996UL,
        0x3fe65db3abfcdfddUL, 0x3fe17b4f5bf3474aUL, 0x3fe6e6ca4a063bd8UL, 0xbff07e7505a08ae8UL, 0x3ff6bbe4d3297f3dUL,
        0x0000000000000000UL, 0x8000000000000000UL, 0xbfeb4122dec31b36UL, 0xbfa250a9d503313dUL, 0x3fea091ec655d8b8UL,
        0x0000000000002788UL, 0xbfed3d5bff8ae0c3UL, 0xffffffffffffffffUL, 0xbffc54f6530090b9UL, 0xffffffffffffffffUL,
        0x3feca48d9f8d2995UL, 0x3ff3ec3afb0422dfUL, 0x3fe65db3abfcdfdcUL, 0xffffffffffffffffUL];

    private static readonly ulong[] F64TransposedOut =
        [0xbfed3d5bff8ae0c3UL, 0x3fe17b4f5bf3474aUL, 0xbfeb4122dec31b36UL, 0xbffc54f6530090b9UL, 0xbff3ec3afb0422dfUL,
        0x3fe6e6ca4a063bd8UL, 0xbfa250a9d503313dUL, 0xffffffffffffffffUL, 0xbffc54f6530090b9UL, 0xbff07e7505a08ae8UL,
        0x3fea091ec655d8b8UL, 0x3feca48d9f8d2995UL, 0x3fc23ef71254b86fUL, 0x3ff6bbe4d3297f3dUL, 0x0000000000002788UL,
        0x3ff3ec3afb0422dfUL, 0x3feca48d9f8d2996UL, 0x0000000000000000UL, 0xbfed3d5bff8ae0c3UL, 0x3fe65db3abfcdfdcUL,
        0x3fe65db3abfcdfddUL, 0x8000000000000000UL, 0xffffffffffffffffUL, 0xffffffffffffffffUL];

    private static readonly ulong[] F64ColumnStepOut =
        [0xbfed3d5bff8ae0c3UL, 0xbff3ec3afb0422dfUL, 0xbffc54f6530090b9UL, 0x3fc23ef71254b86fUL, 0x3feca48d9f8d2996UL,
        0x3fe65db3abfcdfddUL, 0x3fe17b4f5bf3474aUL, 0x3fe6e6ca4a063bd8UL, 0xbff07e7505a08ae8UL, 0x3ff6bbe4d3297f3dUL,
        0x0000000000000000UL, 0x8000000000000000UL, 0xbfeb4122dec31b36UL, 0xbfa250a9d503313dUL, 0x3fea091ec655d8b8UL,
        0x0000000000002788UL, 0xbfed3d5bff8ae0c3UL, 0xffffffffffffffffUL, 0xbffc54f6530090b9UL, 0xffffffffffffffffUL,
        0x3feca48d9f8d2995UL, 0x3ff3ec3afb0422dfUL, 0x3fe65db3abfcdfdcUL, 0xffffffffffffffffUL];

    private static readonly ulong[] F64RowStepBase =
        [0xc02a9d0b197d3a16UL, 0x4341c37937e08000UL, 0xc024f685b3a1ed0bUL, 0xc008000000000000UL, 0x401c0d9920081b32UL,
        0x402411d01ef023a0UL, 0x3fe0000000000000UL, 0x40d3880000000000UL, 0xc02473649b60e6c9UL, 0x401cf67de549ecfbUL,
        0xbfe9700fb384ce84UL, 0xbffe03e7496953deUL, 0x3ff764cc5a27cbcaUL, 0xbfbbe7a9b3df3f80UL, 0x3fec026c1eb8f624UL,
        0x3ff83e780b19d286UL, 0x3feb68984c9c1804UL, 0x3ffaf347d36a5cd6UL, 0xbfdae3ada8b33130UL, 0x3ff34216dc9d82d0UL,
        0xc02a9d0b197d3a16UL, 0x7ff0000000000000UL, 0xc024f685b3a1ed0bUL, 0x7ff8000000000000UL, 0x401c0d9920081b32UL,
        0xc341c37937e08000UL, 0x402411d01ef023a0UL, 0xfff0000000000000UL, 0x0000000000000000UL, 0x8000000000000000UL,
        0xbfcc5aa1024c49c0UL, 0x3ffbe0a72112bcc4UL, 0x3ff83f59f2ec9592UL, 0xbff9c34effb68112UL, 0xbff74c49440a7a92UL,
        0xbff21ce2cdefa78cUL, 0x3ffdca6d35605726UL, 0xbfd057b22712a818UL, 0x3fe03602ddaf0104UL, 0xbfe977f93942f9c8UL];

    private static readonly ulong[] F64RowStepOut =
        [0xbfed3d5bff8ae0c3UL, 0xbff3ec3afb0422dfUL, 0xbffc54f6530090b9UL, 0x3fc23ef71254b86fUL, 0x3feca48d9f8d2996UL,
        0x3fe65db3abfcdfddUL, 0x3fe17b4f5bf3474aUL, 0x3fe6e6ca4a063bd8UL, 0xbff07e7505a08ae8UL, 0x3ff6bbe4d3297f3dUL,
        0xbfed3d5bff8ae0c3UL, 0xffffffffffffffffUL, 0xbffc54f6530090b9UL, 0xffffffffffffffffUL, 0x3feca48d9f8d2995UL,
        0x3ff3ec3afb0422dfUL, 0x3fe65db3abfcdfdcUL, 0xffffffffffffffffUL, 0x0000000000000000UL, 0x8000000000000000UL];

    private static readonly uint[] SinCosBase =
        [0xc6e7fdcb, 0x410e4b6c, 0xc01d0bd9, 0x408e1136, 0x40af26e8, 0xc6b991e9, 0x4097bc80, 0x46da1c83, 0x4097bfa3,
        0x3d22063d, 0xc85ed3c3, 0x4ad204c6, 0x40f4666e, 0x41043361, 0x40bae873, 0xc041cf37, 0xc0e09502, 0xc0b8c607,
        0x40d32db6, 0x40dc3365, 0xc6a49640, 0xcaafbb53, 0xbfa96b83, 0xc6d1f304, 0xc0b4e50c, 0xc0aa42bd, 0xbf1c8e13,
        0x450d5c86, 0xc0f25839, 0x40402f32, 0x40d22c4f, 0x41000c3a, 0xc0f5c0ab, 0x3f925b39, 0xc92f135d, 0xc06e4001,
        0xbf2bd436, 0x4695a7ae, 0x40ea82d3, 0xc0b4a5be, 0xc074bcf0, 0xc1089713, 0x41102403, 0x411bafc5, 0xc0f8c626,
        0xcb04b589, 0x40f9c408, 0xbf292aff, 0x3fc23503, 0xc10cdc71, 0xcaca4a21, 0xc68a6c0f, 0x409f78d0, 0xc0e07efa,
        0xc0569f7a, 0x46890d4a, 0x41086815, 0xc09b82da, 0x48a377ef, 0x4113cd19, 0xc093fd5b, 0xcb07d106, 0x4adc8436,
        0x4a8fb32d, 0xc0c42737, 0xc11aad0a, 0x408654fb, 0xcabba104, 0xbf71f2b3, 0x4a641cb8];

    private static readonly uint[] SinTransposedOut =
        [0xbf0892de, 0xbf6bf4a4, 0x3ec52e19, 0x3e8fd115, 0x3f2174c1, 0xbf4a34a7, 0x3f7f0410, 0x3f01b7c1, 0xbe3ce8da,
        0xbf7fc62e, 0x3f7d29d4, 0xbf469737, 0x3f068550, 0xbe848fd8, 0xbf2281ff, 0x3f7a0664, 0xbf7837c0, 0xbf7c2001,
        0x3ecee528, 0xbf76a646, 0xbc718759, 0xbf7688b5, 0x3f6aedef, 0xbea31fbb, 0x3f68f927, 0xbe9a0f5a, 0xbf2b28e5,
        0x3f6eab44, 0xbf395cb2, 0xbedb268b, 0x3f16de21, 0x3ede1020, 0xbf7f2f7a, 0x3e575b3f, 0x3e1c76ef, 0xbf1631dc,
        0xbde79561, 0x3f5215c8, 0x3f0c8598, 0xbf4f2c18, 0xbc10effd, 0x3e75dc88, 0xbf7fe3bc, 0xbf2babcd, 0xbf12fa46,
        0xbf1f36e7, 0x3f7fb1f9, 0x3f486e54, 0xbf5edb24, 0x3f618bbe, 0x3ef98153, 0xbe272e0f, 0xbf7ff10c, 0xbf1d1f45,
        0x3f7d39fa, 0x3eb9ec4b, 0xbf7fe2fe, 0x3e9f2ee3, 0xbf75fad0, 0x3f5d750c, 0x3f7fa20b, 0x3eb0b530, 0xbf4f80ef,
        0x3d21fb6c, 0x3f1024f2, 0x3e0d960b, 0x3f18761f, 0xbf14f1df, 0x3e3e949a, 0x3f0ce6f5];

    private static readonly uint[] CosTransposedOut =
        [0x3f5886ba, 0x3ec69ac3, 0x3f6c410e, 0x3f75b17a, 0xbf46aa57, 0xbf1cffe3, 0xbdb3674d, 0xbf5cb3ab, 0x3f7b9b22,
        0x3d2c0414, 0xbe1803f7, 0xbf218c47, 0x3f59cec2, 0xbf774552, 0xbf45ce57, 0x3e5bf238, 0x3e7a90bf, 0x3e317e21,
        0xbf6a2afb, 0x3e891d0c, 0x3f7ff8e1, 0xbe89f115, 0xbecb699d, 0x3f72a8d7, 0x3ed438a5, 0xbf7422d0, 0x3f3e5e74,
        0x3eb92ea3, 0x3f3091df, 0x3f675d29, 0x3f4ed22f, 0xbf66ab2a, 0x3da33e72, 0xbf7a4649, 0x3f7cfe72, 0xbf4f4f6b,
        0xbf7e5ba9, 0x3f1249cc, 0xbf55fc2e, 0xbf166293, 0x3f7ffd70, 0xbf7882f7, 0x3cf0932b, 0x3f3de870, 0x3f519a76,
        0x3f487762, 0x3d47d056, 0xbf1f424e, 0xbefbf63e, 0xbef232e6, 0x3f5f8bc4, 0x3f7c90b1, 0xbcaefaef, 0x3f4a1c46,
        0x3e16532c, 0xbf6e8664, 0x3cf3b5d1, 0x3f73501c, 0x3e8dd834, 0x3f006c85, 0x3d5b401d, 0xbf704514, 0x3f15ed6d,
        0x3f7fccbc, 0x3f538fd5, 0xbf7d8a85, 0x3f4da626, 0xbf5035c9, 0xbf7b86f8, 0x3f55bc1e];

    private static readonly uint[] SinPiecesContiguousOut =
        [0x3ee7eec4, 0x3f272dad, 0x3f7fb0af, 0x3f396ae2, 0x00000000, 0xbf396ae2, 0xbf7fb0af, 0xbf272dad, 0x3dc93691,
        0x3f49dccc, 0x3f7d3750, 0xbe8b6316, 0xbebd275d, 0x3ed62dc4, 0x3f7240b9, 0x3f62f9fc, 0x3e8d7e7d, 0xbf016aa2,
        0xbf793648, 0xbf563eff, 0xbe38ee38, 0x3f167dcd, 0x3da65c86, 0xbf7ea8c7, 0xbf1ca2b7, 0x3e1aa313, 0x3f51f254,
        0x3f7adb42, 0x3f07fbd2, 0xbe7d5777, 0xbf5f52b0, 0xbf74a056, 0xbee40823, 0x3de717b2, 0x3f6a89db, 0xbf7bf908,
        0xbf4e7e7f, 0xbe0320c9, 0x3f2149b0, 0x3f7f328c, 0x3f3ea0ee, 0x3cf5b91f, 0xbf340a1e, 0xbf7ff3eb, 0xbe9af5ce,
        0x3d8bfd35, 0x3f450c94, 0x3f7e3b44, 0xbf7044e0, 0xbecb5700, 0x3ec8220c, 0x3f6fa94d, 0x3f666cfc, 0x3e9c30a5,
        0xbef57744, 0x3ef64f3b, 0xbf5a5a50, 0xbe570ec2, 0x3f103637, 0x3f7ca1cd, 0xbf7f545d, 0xbf22a38b, 0x3df8689b,
        0x3f4d754c];

    private static readonly uint[] SinPiecesStridedOut =
        [0x3e80e1e5, 0xbe0ee464, 0xbf7b6e78, 0x3e71d2bb, 0x3f757c10, 0xbe71d2bb, 0x3f7b6e78, 0x3e0ee464, 0xbf7ef20c,
        0xbd2a5095, 0x3f7ffe1a, 0x3f60af68, 0x3f645570, 0x3ed0c5fa, 0xbf6e9a1e, 0xbea1d4fb, 0x3f768fc0, 0xbf375be0,
        0x3f3b7385, 0x3f24eb73, 0xbf4bac8c, 0xbf10e283, 0x3f216838, 0xbf6196b6, 0x3f03f7e8, 0x3f549b7a, 0xbf18e1cd,
        0xbf459195, 0x3f2c5101, 0xbf7a3f6a, 0x3e8469be, 0x3f73bc32, 0xbeb45d4a, 0x3e94124d, 0x3ee29207, 0xbf7f6a44,
        0xbc96c901, 0x3f7fe0ec, 0xbda3aa50, 0xbf7dddbf, 0x3e35b8b1, 0x3f7965b6, 0xbe9686f4, 0x3f781789, 0xbdc31887,
        0xbf7d1848, 0xbdcfb441, 0x3f7fa615, 0xbf0bf3f3, 0x3f5cfb4a, 0x3eec6e52, 0xbf689c34, 0xbebeab17, 0x3f71fcec,
        0xbf41bdcf, 0xbeee56c1, 0x3f305d28, 0xbf4201f9, 0xbf1d47a2, 0x3f517a9a, 0xbf68708c, 0x3eed2765, 0x3f5cc686,
        0xbf0c4b4c];

    private static Tensor F32(uint[] bits, int[]? shape = null) => Tensor.FromArray(Array.ConvertAll(bits, BitConverter.UInt32BitsToSingle), shape);
    private static Tensor F64(ulong[] bits, int[]? shape = null) => Tensor.FromArray(Array.ConvertAll(bits, BitConverter.UInt64BitsToDouble), shape);
    private static uint[] Bits32(Tensor t) => Array.ConvertAll(t.Contiguous().ToArray<float>(), BitConverter.SingleToUInt32Bits);
    private static ulong[] Bits64(Tensor t) => Array.ConvertAll(t.Contiguous().ToArray<double>(), BitConverter.DoubleToUInt64Bits);

    /// <summary>The view: [::2] of 48, the transpose of the same 24 values, [:, ::2] of [2, 24], [::2] of [4, 12] (doubles [4, 10]).</summary>
    private static Tensor Layout(Tensor step, Tensor rows, string layout) => layout switch
    {
        "step" => step.Slice(0, 0, step.Numel, 2),
        "transposed" => step.Slice(0, 0, step.Numel, 2).Contiguous().Reshape(step.DType == DType.Float32 ? [8, 3] : [4, 6]).T,
        "columnStep" => step.Reshape([2, 24]).Slice(1, 0, 24, 2),
        _ => rows.Slice(0, 0, 4, 2),
    };

    [Theory]
    [InlineData("step")]
    [InlineData("transposed")]
    [InlineData("columnStep")]
    [InlineData("rowStep")]
    public void Float32StridedTanMatchesPyTorchBitForBit(string layout)
    {
        var x = Layout(F32(F32StepBase), F32(F32RowStepBase, [4, 12]), layout);
        Assert.False(x.IsContiguous);
        var expected = layout switch { "step" => F32StepOut, "transposed" => F32TransposedOut, "columnStep" => F32ColumnStepOut, _ => F32RowStepOut };
        Assert.Equal(expected, Bits32(x.Tan()));
    }

    [Theory]
    [InlineData("step")]
    [InlineData("transposed")]
    [InlineData("columnStep")]
    [InlineData("rowStep")]
    public void Float64StridedTanMatchesPyTorchBitForBit(string layout)
    {
        var x = Layout(F64(F64StepBase), F64(F64RowStepBase, [4, 10]), layout);
        Assert.False(x.IsContiguous);
        var expected = layout switch { "step" => F64StepOut, "transposed" => F64TransposedOut, "columnStep" => F64ColumnStepOut, _ => F64RowStepOut };
        Assert.Equal(expected, Bits64(x.Tan()));
    }

    [Fact]
    public void InPlaceTanOfAStridedViewTakesTheSameVectors()
    {
        var x = F32(F32StepBase).Reshape([2, 24]);
        x.Slice(1, 0, 24, 2).Tan_();
        Assert.Equal(F32ColumnStepOut, Bits32(x.Slice(1, 0, 24, 2)));
    }

    [Fact]
    public void TransposedSinAndCosMatchPyTorchBitForBit()
    {
        var x = F32(SinCosBase, [7, 10]).T;
        Assert.Equal(SinTransposedOut, Bits32(x.Sin()));
        Assert.Equal(CosTransposedOut, Bits32(x.Cos()));
    }

    /// <summary>[0, 3001) with a large value every 11th: ATen's two pieces start at 0 and 1501, and a vector starts at each.</summary>
    private static Tensor Formula(int n)
    {
        var v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float)(i % 11 == 0 ? 130.0 + (i % 97) * 311.0 : ((i * 7919L) % 1000 - 500) * 0.01);
        return Tensor.FromArray(v);
    }

    [Fact]
    public void LongRunsStartAVectorWhereEachThreadsPieceStarts() => ThreadsCollection.WithThreads(2, () =>
    {
        Assert.Equal(SinPiecesContiguousOut, Bits32(Formula(3001).Sin())[1496..1560]);
        Assert.Equal(SinPiecesStridedOut, Bits32(Formula(6002).Slice(0, 0, 6002, 2).Sin())[1496..1560]);
    });
}
