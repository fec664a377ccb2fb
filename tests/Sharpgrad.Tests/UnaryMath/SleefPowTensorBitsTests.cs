namespace Sharpgrad.Tests.UnaryMath;

/// <summary>
/// tensor ** tensor (Float32 and Float64) bit for bit as PyTorch 2.6 computes it on an AVX-512 CPU: SLEEF's
/// powf_u10/pow_u10 per lane in whole pairs of 64-byte vectors along each run of TensorIterator's innermost dim, the C
/// library's powf (std::pow(float, float)) or pow for the rest, and for layouts ATen cannot vectorize. The inputs fill
/// one vector pair and a tail (41 floats, 23 doubles) with values the two forms round differently (22 of the 41, 11 of
/// the 23) and with zeros, infinities, NaN, one, negative bases (NaN of either sign for a fractional exponent), a
/// subnormal base and results that overflow or underflow. The layouts: contiguous, strided, a 0-dim exponent or base
/// (and a number base), a broadcast row or column, both inputs transposed (walked in memory order, so vectorized),
/// one transposed (scalar throughout), an integer exponent tensor, and pow_ into each of them.
/// </summary>
public class SleefPowTensorBitsTests
{
    private static readonly uint[] X32 =
    [
        0x3f3e1ebb, 0x00000000, 0x4094c4db, 0x3e7a9805, 0x80000000, 0x3e23adf5, 0x3f496192, 0x80000000,
        0x3e4b5c77, 0x404d7e53, 0x7f800000, 0xc0890a20, 0x3dd04a01, 0xff800000, 0xbe2d5c81, 0x3feb420b,
        0x7fc00000, 0x3e8fde8a, 0x405fae3e, 0x3f800000, 0x409d3791, 0x3fff8d43, 0xc0000000, 0x3eceecb7,
        0x416f65d6, 0xbfc00000, 0x3e988d17, 0x403e2f5b, 0x000116c2, 0x3d90438f, 0xbd3c4122, 0x40000000,
        0xc0000000, 0x3fd4dc14, 0x3f000000, 0x3fc0c8df, 0x7f61b1e6, 0x401b277a, 0x000116c2, 0x3ea80229,
        0xc0400000,
    ];

    private static readonly uint[] E32 =
    [
        0x405ea9b0, 0x40200000, 0x3f07d869, 0xc08063c2, 0x40400000, 0xc036ec0a, 0xbf51a2a5, 0xc0400000,
        0xc0348192, 0x4026c615, 0xc0000000, 0xc0c00000, 0x409471b2, 0x40400000, 0x40800000, 0xbe8941a7,
        0x00000000, 0xc09333c6, 0x41063db7, 0x7fc00000, 0x40f49417, 0x400e9acf, 0x3f000000, 0x40586777,
        0xc0102e44, 0xc0400000, 0x3f4cef2f, 0x40d68e6e, 0x3f333333, 0xc088c6a7, 0x40000000, 0x501502f9,
        0x3f000000, 0x4092c288, 0xff800000, 0xc07c56b5, 0x3fc00000, 0x3ffa1abf, 0x3f333333, 0x404d95bf,
        0x40a00000,
    ];

    private static readonly uint[] Contiguous32 =
    [
        0x3eb5db1b, 0x00000000, 0x4010a5f1, 0x438dd187, 0x80000000, 0x433cc8d1, 0x3f9bcbb2, 0xff800000,
        0x42bf017c, 0x41a73518, 0x00000000, 0x3929fd87, 0x37d05fdb, 0xff800000, 0x3a575a25, 0x3f597584,
        0x3f800000, 0x43abca2a, 0x470dafc2, 0x3f800000, 0x483bd19f, 0x409559ed, 0x7fc00000, 0x3d3f67ef,
        0x3b13b5e7, 0xbe97b426, 0x3ec23a35, 0x44b97ac6, 0x10fd878a, 0x47a435fc, 0x3b0a6fba, 0x7f800000,
        0xffc00000, 0x4124df21, 0x7f800000, 0x3e4bb74c, 0x7f800000, 0x40b48d76, 0x10fd878a, 0x3ce47b26,
        0xc3730000,
    ];

    private static readonly uint[] Strided32 =
    [
        0x3eb5db1c, 0x00000000, 0x4010a5f2, 0x438dd188, 0x80000000, 0x433cc8d2, 0x3f9bcbb3, 0xff800000,
        0x42bf017d, 0x41a73517, 0x00000000, 0x3929fd86, 0x37d05fda, 0xff800000, 0x3a575a24, 0x3f597583,
        0x3f800000, 0x43abca29, 0x470dafc3, 0x3f800000, 0x483bd1a0, 0x409559ee, 0xffc00000, 0x3d3f67f0,
        0x3b13b5e8, 0xbe97b426, 0x3ec23a36, 0x44b97ac7, 0x10fd878a, 0x47a435fb, 0x3b0a6fbb, 0x7f800000,
        0xffc00000, 0x4124df21, 0x7f800000, 0x3e4bb74c, 0x7f800000, 0x40b48d76, 0x10fd878a, 0x3ce47b26,
        0xc3730000,
    ];

    private static readonly uint[] Exponent0Dim32 =
    [
        0x3f6a23f1, 0x00000000, 0x3fcaf6bf, 0x3f27d1a9, 0x00000000, 0x3f13b065, 0x3f6e37ac, 0x00000000,
        0x3f1da07e, 0x3fb5a21d, 0x7f800000, 0x3fc60641, 0x3f00f4b0, 0x7f800000, 0x3f1641e0, 0x3f99a462,
        0xffffffff, 0x3f2eec8b, 0x3fba5046, 0x3f800000, 0x3fce5ade, 0x3f9d80f0, 0x3f9d9624, 0x3f431352,
        0x40101af7, 0x3f908e71, 0x3f3206ac, 0x3fb176a3, 0x2b8cbcb3, 0x3ee700db, 0x3ecb3a9b, 0x3f9d9624,
        0x3f9d9624, 0x3f95195e, 0x3f4fefc6, 0x3f90bbbf, 0x52a2a1e2, 0x3fa6f311, 0x2b8cbcb3, 0x3f37418c,
        0x3fb1f846,
    ];

    private static readonly uint[] Base0Dim32 =
    [
        0x41c1e508, 0x411e1d27, 0x3fd02640, 0x3ccf6360, 0x417a0000, 0x3d954395, 0x3ef1c503, 0x3d83126f,
        0x3d9a8463, 0x412e374a, 0x3e23d70a, 0x3b8637bd, 0x428c4a23, 0x417a0000, 0x421c4000, 0x3f483e98,
        0x3f800000, 0x3c720784, 0x4508570c, 0xffffffff, 0x44898796, 0x40f68345, 0x3fca62c2, 0x41b146b7,
        0x3e01f5e0, 0x3d83126f, 0x400545c7, 0x43e8de96, 0x3ff3172a, 0x3ca31d8d, 0x40c80000, 0x7f800000,
        0x3fca62c2, 0x4285af3a, 0x00000000, 0x3cdd0061, 0x407cfb72, 0x40bfbc28, 0x3ff3172a, 0x4197d65e,
        0x42c35000,
    ];

    private static readonly uint[] RowBroadcast32 =
    [
        0x3eb5db1b, 0x00000000, 0x4010a5f1, 0x438dd187, 0x80000000, 0x433cc8d1, 0x3f9bcbb2, 0xff800000,
        0x42bf017c, 0x41a73518, 0x00000000, 0x3929fd87, 0x37d05fdb, 0xff800000, 0x3a575a25, 0x3f597584,
        0x3f800000, 0x43abca2a, 0x470dafc2, 0x3f800000, 0x483bd19f, 0x409559ed, 0x7fc00000, 0x3d3f67ef,
        0x3b13b5e7, 0xbe97b426, 0x3ec23a35, 0x44b97ac6, 0x10fd878a, 0x47a435fc, 0x3b0a6fba, 0x7f800000,
        0xffc00000, 0x4124df21, 0x7f800000, 0x3e4bb74c, 0x7f800000, 0x40b48d76, 0x10fd878a, 0x3ce47b26,
        0xc3730000, 0x7fc00000, 0x3d7ca56e, 0x1c33ae56, 0x3cea9fbd, 0x7f800000, 0x3e9ed279, 0x3fe1cc41,
        0x3e5ea9f0, 0x7fc00000, 0x40c2cc75, 0x43ecb360, 0x4af9cb86, 0x00000000, 0x41d1ee9a, 0x3c011f5a,
        0x7fc00000, 0x3f800000, 0x42811c64, 0x7fc00000, 0xffffffff, 0x483bd19f, 0x3f800000, 0x3fef4b99,
        0x3c60062b, 0xffffffff, 0x3e24edcd, 0x7fc00000, 0x7f800000, 0x3e4ebec9, 0x7fc00000, 0x7f800000,
        0x7f800000, 0x3ee42ae9, 0x00000000, 0x7f800000, 0x44ac6a7f, 0x00000000, 0x3d82ddc7, 0x403ba4bf,
        0x00000000, 0x3e675587,
    ];

    private static readonly uint[] ColumnBroadcast32 =
    [
        0x3f6a23f1, 0x00000000, 0x3fcaf6bf, 0x3f27d1a9, 0x00000000, 0x3f13b065, 0x3f6e37ac, 0x00000000,
        0x3f1da07e, 0x3fb5a21d, 0x7f800000, 0x3fc60641, 0x3f00f4b0, 0x7f800000, 0x3f1641e0, 0x3f99a462,
        0xffffffff, 0x3f2eec8b, 0x3fba5046, 0x3f800000, 0x3fce5ade, 0x3f9d80f0, 0x3f9d9624, 0x3f431352,
        0x40101af7, 0x3f908e71, 0x3f3206ac, 0x3fb176a3, 0x2b8cbcb3, 0x3ee700db, 0x3ecb3a9b, 0x3f9d9624,
        0x3f9d9624, 0x3f95195e, 0x3f4fefc6, 0x3f90bbbf, 0x52a2a1e2, 0x3fa6f311, 0x2b8cbcb3, 0x3f37418c,
        0x3fb1f846, 0x3e1e3205, 0x40d4bd0e, 0x7f800000, 0x3e634088, 0x00000000, 0x3eff36ab, 0x404fefc6,
        0x3ed7a8c5, 0x3e9d9624, 0x3e9d9624, 0x433be86f, 0x42b5daa2, 0x7f800000, 0x3e20c53e, 0x40faab92,
        0x3f007e9d, 0x3c24c926, 0x40954a02, 0x3e9d9624, 0x3e9e0e7e, 0x3d88c8b8, 0x3f800000, 0x3df40b31,
        0x410a767b, 0xffffffff, 0x3eb5edc6, 0x41a3d34a, 0x00000000, 0x4242ccae, 0x3dacc2ee, 0x00000000,
        0x3e0cf1e4, 0x4179ca1e, 0x7f800000, 0x3fc07aec, 0x41b4a360, 0x7f800000, 0x412f2352, 0x3d963ff3,
        0x7f800000, 0x3fd442da,
    ];

    private static readonly uint[] Transposed32 =
    [
        0x3eb5db1b, 0xc3730000, 0x00000000, 0x3ce47b25, 0x4010a5f1, 0x10fd878a, 0x438dd187, 0x40b48d75,
        0x80000000, 0x7f800000, 0x433cc8d1, 0x3e4bb74b, 0x3f9bcbb2, 0x7f800000, 0xff800000, 0x4124df22,
        0x42bf017c, 0x7fc00000, 0x41a73518, 0x7f800000, 0x00000000, 0x3b0a6fba, 0x3929fd87, 0x47a435fc,
        0x37d05fdb, 0x10fd878a, 0xff800000, 0x44b97ac6, 0x3a575a25, 0x3ec23a35, 0x3f597584, 0xbe97b426,
        0x3f800000, 0x3b13b5e7, 0x43abca2a, 0x3d3f67ef, 0x470dafc2, 0x7fc00000, 0x3f800000, 0x409559ed,
        0x483bd19f, 0x483bd19f, 0x409559ed, 0x3f800000, 0x7fc00000, 0x470dafc2, 0x3d3f67ef, 0x43abca29,
        0x3b13b5e7, 0x3f800000, 0xbe97b426, 0x3f597583, 0x3ec23a35, 0x3a575a24, 0x44b97ac6, 0xff800000,
        0x10fd878a, 0x37d05fda, 0x47a435fc, 0x3929fd86, 0x3b0a6fba, 0x00000000, 0x7f800000, 0x41a73517,
        0x7fc00000, 0x42bf017d, 0x4124df22, 0xff800000, 0x7f800000, 0x3f9bcbb3, 0x3e4bb74b, 0x433cc8d2,
        0x7f800000, 0x80000000, 0x40b48d75, 0x438dd188, 0x10fd878a, 0x4010a5f2, 0x3ce47b25, 0x00000000,
        0xc3730000, 0x3eb5db1c,
    ];

    private static readonly uint[] MixedLayout32 =
    [
        0x3eb5db1c, 0xc3730000, 0x00000000, 0x3ce47b26, 0x4010a5f2, 0x10fd878a, 0x438dd188, 0x40b48d76,
        0x80000000, 0x7f800000, 0x433cc8d2, 0x3e4bb74c, 0x3f9bcbb3, 0x7f800000, 0xff800000, 0x4124df21,
        0x42bf017d, 0xffc00000, 0x41a73517, 0x7f800000, 0x00000000, 0x3b0a6fbb, 0x3929fd86, 0x47a435fb,
        0x37d05fda, 0x10fd878a, 0xff800000, 0x44b97ac7, 0x3a575a24, 0x3ec23a36, 0x3f597583, 0xbe97b426,
        0x3f800000, 0x3b13b5e8, 0x43abca29, 0x3d3f67f0, 0x470dafc3, 0xffc00000, 0x3f800000, 0x409559ee,
        0x483bd1a0, 0x483bd1a0, 0x409559ee, 0x3f800000, 0xffc00000, 0x470dafc3, 0x3d3f67f0, 0x43abca29,
        0x3b13b5e8, 0x3f800000, 0xbe97b426, 0x3f597583, 0x3ec23a36, 0x3a575a24, 0x44b97ac7, 0xff800000,
        0x10fd878a, 0x37d05fda, 0x47a435fb, 0x3929fd86, 0x3b0a6fbb, 0x00000000, 0x7f800000, 0x41a73517,
        0xffc00000, 0x42bf017d, 0x4124df21, 0xff800000, 0x7f800000, 0x3f9bcbb3, 0x3e4bb74c, 0x433cc8d2,
        0x7f800000, 0x80000000, 0x40b48d76, 0x438dd188, 0x10fd878a, 0x4010a5f2, 0x3ce47b26, 0x00000000,
        0xc3730000, 0x3eb5db1c,
    ];

    private static readonly uint[] IntegerExponent32 =
    [
        0x3ed1b791, 0x00000000, 0x4094c4db, 0x438b6881, 0x80000000, 0x4374dc04, 0x3fa2b762, 0xff800000,
        0x42ff5810, 0x4204686f, 0x00000000, 0x3929fd87, 0x37368f09, 0xff800000, 0x3a575a25, 0x3f800000,
        0x3f800000, 0x440eb554, 0x46adee5e, 0x3f800000, 0x48a5c15d, 0x407f1ab9, 0x3f800000, 0x3d87319f,
        0x3b925e82, 0xbe97b426, 0x3e988d17, 0x44ffca44, 0x000116c2, 0x471ea740, 0x3b0a6fba, 0x53800000,
        0x3f800000, 0x414b7cbb, 0x53800000, 0x3e46ffa4, 0x7f800000, 0x40bc11a8, 0x000116c2, 0x3d10b995,
        0xc3730000,
    ];

    private static readonly long[] IntExp32 = [3, 2, 1, -4, 3, -3, -1, -3, -3, 3, -2, -6, 5, 3, 4, 0, 0, -5, 8, 0, 8, 2, 0, 3, -2, -3, 1, 7, 1, -4, 2, 40, 0, 5, -40, -4, 2, 2, 1, 3, 5];

    private static readonly ulong[] X64 =
    [
        0xbfe19adcd2d26e43UL, 0x0000000000000000UL, 0x400a08f7cbafd14aUL, 0x3fe501b0c2033a06UL, 0x8000000000000000UL, 0x3fb9a89240c5ea81UL, 0x4007e142f9d413baUL, 0x8000000000000000UL,
        0x3fc30f3189eeb061UL, 0x3fd37f4d518e4ffdUL, 0x7ff0000000000000UL, 0xc0077322661c5e88UL, 0xc01cd51471868343UL, 0xfff0000000000000UL, 0x3fbf05f3eb0c8c49UL, 0xbfdc1d00dcf732b5UL,
        0xc000000000000000UL, 0x3fc218152711a5c3UL, 0x3fe0000000000000UL, 0x3fc7f3be830ea4f2UL, 0x47ec363cbf21f28aUL, 0xbff5e8ad9d4ba9cfUL, 0x3ff88dfde8a37d7cUL,
    ];

    private static readonly ulong[] E64 =
    [
        0xc000000000000000UL, 0x4004000000000000UL, 0xc01801ca3d03b2b2UL, 0xbfede2766f056bb9UL, 0x4008000000000000UL, 0xc011015895c62410UL, 0x3fd8fc57e2f34374UL, 0xc008000000000000UL,
        0xbfe13e51262dae1fUL, 0xc004b4339b602196UL, 0xc000000000000000UL, 0x4014000000000000UL, 0x4018000000000000UL, 0x4008000000000000UL, 0x4021f6456fe7c49cUL, 0x4008000000000000UL,
        0x3fe0000000000000UL, 0x3ff9607f68c454cfUL, 0xfff0000000000000UL, 0x40162b98894ac7a7UL, 0x3ff8000000000000UL, 0x4020000000000000UL, 0x4012d1f930e2f7c7UL,
    ];

    private static readonly ulong[] Contiguous64 =
    [
        0x400a6e74823e189bUL, 0x0000000000000000UL, 0x3f4b86b1a2fdcacaUL, 0x3ff7b458b189c110UL, 0x8000000000000000UL, 0x40d140205badb54bUL, 0x3ff88561d481af72UL, 0xfff0000000000000UL,
        0x4006530b7a10001fUL, 0x4035ac804785f83eUL, 0x0000000000000000UL, 0xc06b0c88a6af7753UL, 0x41011efb7100e521UL, 0xfff0000000000000UL, 0x3e393338ffe79f7dUL, 0xbfb5b2e3147688bbUL,
        0xfff8000000000000UL, 0x3fa6fec6469d700fUL, 0x7ff0000000000000UL, 0x3f1839f69653e179UL, 0x4bea7d4b9a5b81edUL, 0x4028b81e225a6bbeUL, 0x401e028a81b66dafUL,
    ];

    private static readonly ulong[] Strided64 =
    [
        0x400a6e74823e189cUL, 0x0000000000000000UL, 0x3f4b86b1a2fdcacbUL, 0x3ff7b458b189c111UL, 0x8000000000000000UL, 0x40d140205badb54aUL, 0x3ff88561d481af73UL, 0xfff0000000000000UL,
        0x4006530b7a10001eUL, 0x4035ac804785f83fUL, 0x0000000000000000UL, 0xc06b0c88a6af7754UL, 0x41011efb7100e520UL, 0xfff0000000000000UL, 0x3e393338ffe79f7cUL, 0xbfb5b2e3147688baUL,
        0xfff8000000000000UL, 0x3fa6fec6469d700fUL, 0x7ff0000000000000UL, 0x3f1839f69653e179UL, 0x4bea7d4b9a5b81edUL, 0x4028b81e225a6bbeUL, 0x401e028a81b66dafUL,
    ];

    private static readonly ulong[] Exponent0Dim64 =
    [
        0x3feabf8cf9db8dbbUL, 0x0000000000000000UL, 0x3ff6cbccbd29a1ebUL, 0x3fec343db9a9f578UL, 0x0000000000000000UL, 0x3fe00c89901e80f8UL, 0x3ff63678abc21fd9UL, 0x0000000000000000UL,
        0x3fe21292920fd21aUL, 0x3fe666ee109c31f6UL, 0x7ff0000000000000UL, 0x3ff6178b403c434bUL, 0x3ffcf015a714d6afUL, 0x7ff0000000000000UL, 0x3fe0fd5914b2766bUL, 0x3fe9006f4b04fb82UL,
        0x3ff3b2c47bff8329UL, 0x3fe1cafe947fd3fbUL, 0x3fe9fdf8bcce533eUL, 0x3fe35ad89b746946UL, 0x4254543ae6fddc1cUL, 0x3ff19502eff15fe9UL, 0x3ff2319ede7a2cd7UL,
    ];

    private static readonly ulong[] Base0Dim64 =
    [
        0x3fc47ae147ae147bUL, 0x4023c3a4edfa9759UL, 0x3f70c017ef5a56e8UL, 0x3fdb32d55de489cdUL, 0x402f400000000000UL, 0x3f94d28c1908e878UL, 0x3ff6e18e55aacfe3UL, 0x3fb0624dd2f1a9fcUL,
        0x3fe387da270a5f9bUL, 0x3fb7e615e4011aadUL, 0x3fc47ae147ae147bUL, 0x40586a0000000000UL, 0x406e848000000000UL, 0x402f400000000000UL, 0x40ad49b5afb9cb46UL, 0x402f400000000000UL,
        0x3ff94c583ada5b53UL, 0x40111bd1fed029e3UL, 0x0000000000000000UL, 0x4064119ea27fe9ffUL, 0x400f9f6e4990f227UL, 0x4097d78400000000UL, 0x4052a1e421c8da25UL,
    ];

    private static readonly ulong[] RowBroadcast64 =
    [
        0x400a6e74823e189bUL, 0x0000000000000000UL, 0x3f4b86b1a2fdcacaUL, 0x3ff7b458b189c110UL, 0x8000000000000000UL, 0x40d140205badb54bUL, 0x3ff88561d481af72UL, 0xfff0000000000000UL,
        0x4006530b7a10001fUL, 0x4035ac804785f83eUL, 0x0000000000000000UL, 0xc06b0c88a6af7753UL, 0x41011efb7100e521UL, 0xfff0000000000000UL, 0x3e393338ffe79f7dUL, 0xbfb5b2e3147688bbUL,
        0xfff8000000000000UL, 0x3fa6fec6469d700fUL, 0x7ff0000000000000UL, 0x3f1839f69653e179UL, 0x4bea7d4b9a5b81edUL, 0x4028b81e225a6bbeUL, 0x401e028a81b66dafUL, 0x3fdb2c85d3e283b4UL,
        0x7ff8000000000000UL, 0x0ffd2f8794a02638UL, 0x40132259a22f6ac2UL, 0x3fc0000000000000UL, 0x40affd8bd640cd10UL, 0x7ff8000000000000UL, 0xc02798864f01979dUL, 0x4008f1e1768d5ffeUL,
        0x0000000000000000UL, 0x3f93b5738edd5216UL, 0xc06b0c88a6af7753UL, 0x7ff0000000000000UL, 0x3f9cf3c3e5aa6459UL, 0x3e640789fe52b369UL, 0x8000000000000000UL, 0x3ffba4b6071c4c51UL,
        0x3f9aa836f4d587fcUL, 0x7ff0000000000000UL, 0x3fb8d622f80cbe37UL, 0x40177bc44d9ff7b7UL, 0x0000000000000000UL, 0xfff8000000000000UL,
    ];

    private static readonly ulong[] ColumnBroadcast64 =
    [
        0x3feabf8cf9db8dbbUL, 0x0000000000000000UL, 0x3ff6cbccbd29a1ebUL, 0x3fec343db9a9f578UL, 0x0000000000000000UL, 0x3fe00c89901e80f8UL, 0x3ff63678abc21fd9UL, 0x0000000000000000UL,
        0x3fe21292920fd21aUL, 0x3fe666ee109c31f6UL, 0x7ff0000000000000UL, 0x3ff6178b403c434bUL, 0x3ffcf015a714d6afUL, 0x7ff0000000000000UL, 0x3fe0fd5914b2766bUL, 0x3fe9006f4b04fb82UL,
        0x3ff3b2c47bff8329UL, 0x3fe1cafe947fd3fbUL, 0x3fe9fdf8bcce533eUL, 0x3fe35ad89b746946UL, 0x4254543ae6fddc1cUL, 0x3ff19502eff15fe9UL, 0x3ff2319ede7a2cd7UL, 0x3fdee65cb9ba86baUL,
        0x3fe2c1148dbc47bfUL, 0x325a27a6e595f6ecUL, 0x403145ee7461fbf3UL, 0x4009fdf8bcce533dUL, 0x403bd35d3b62e469UL, 0x3fd3b2c47bff8329UL, 0x40103241251bdfbcUL, 0x40421388368dc0deUL,
        0x0000000000000000UL, 0x3fa1d2a355acc230UL, 0x3fc491d88bc34203UL, 0x0000000000000000UL, 0x401e2c249f2809e6UL, 0x403978fc16196d84UL, 0x7ff0000000000000UL, 0x3fc3f199974e1e4dUL,
        0x4048f65c07b9edaaUL, 0x7ff0000000000000UL, 0x40005cb5061547bfUL, 0x3fc13820a092f809UL, 0x7ff0000000000000UL, 0x400617f662da6405UL,
    ];

    private static readonly ulong[] Transposed64 =
    [
        0x400a6e74823e189bUL, 0x401e028a81b66db0UL, 0x0000000000000000UL, 0x4028b81e225a6bbdUL, 0x3f4b86b1a2fdcacaUL, 0x4bea7d4b9a5b81edUL, 0x3ff7b458b189c110UL, 0x3f1839f69653e17aUL,
        0x8000000000000000UL, 0x7ff0000000000000UL, 0x40d140205badb54bUL, 0x3fa6fec6469d7010UL, 0x3ff88561d481af72UL, 0x7ff8000000000000UL, 0xfff0000000000000UL, 0xbfb5b2e3147688bbUL,
        0x4006530b7a10001fUL, 0x3e393338ffe79f7dUL, 0x4035ac804785f83eUL, 0xfff0000000000000UL, 0x0000000000000000UL, 0x41011efb7100e520UL, 0xc06b0c88a6af7753UL, 0xc06b0c88a6af7754UL,
        0x41011efb7100e521UL, 0x0000000000000000UL, 0xfff0000000000000UL, 0x4035ac804785f83fUL, 0x3e393338ffe79f7dUL, 0x4006530b7a10001eUL, 0xbfb5b2e3147688bbUL, 0xfff0000000000000UL,
        0x7ff8000000000000UL, 0x3ff88561d481af73UL, 0x3fa6fec6469d7010UL, 0x40d140205badb54aUL, 0x7ff0000000000000UL, 0x8000000000000000UL, 0x3f1839f69653e17aUL, 0x3ff7b458b189c111UL,
        0x4bea7d4b9a5b81edUL, 0x3f4b86b1a2fdcacbUL, 0x4028b81e225a6bbdUL, 0x0000000000000000UL, 0x401e028a81b66db0UL, 0x400a6e74823e189cUL,
    ];

    private static readonly ulong[] MixedLayout64 =
    [
        0x400a6e74823e189cUL, 0x401e028a81b66dafUL, 0x0000000000000000UL, 0x4028b81e225a6bbeUL, 0x3f4b86b1a2fdcacbUL, 0x4bea7d4b9a5b81edUL, 0x3ff7b458b189c111UL, 0x3f1839f69653e179UL,
        0x8000000000000000UL, 0x7ff0000000000000UL, 0x40d140205badb54aUL, 0x3fa6fec6469d700fUL, 0x3ff88561d481af73UL, 0xfff8000000000000UL, 0xfff0000000000000UL, 0xbfb5b2e3147688baUL,
        0x4006530b7a10001eUL, 0x3e393338ffe79f7cUL, 0x4035ac804785f83fUL, 0xfff0000000000000UL, 0x0000000000000000UL, 0x41011efb7100e520UL, 0xc06b0c88a6af7754UL, 0xc06b0c88a6af7754UL,
        0x41011efb7100e520UL, 0x0000000000000000UL, 0xfff0000000000000UL, 0x4035ac804785f83fUL, 0x3e393338ffe79f7cUL, 0x4006530b7a10001eUL, 0xbfb5b2e3147688baUL, 0xfff0000000000000UL,
        0xfff8000000000000UL, 0x3ff88561d481af73UL, 0x3fa6fec6469d700fUL, 0x40d140205badb54aUL, 0x7ff0000000000000UL, 0x8000000000000000UL, 0x3f1839f69653e179UL, 0x3ff7b458b189c111UL,
        0x4bea7d4b9a5b81edUL, 0x3f4b86b1a2fdcacbUL, 0x4028b81e225a6bbeUL, 0x0000000000000000UL, 0x401e028a81b66dafUL, 0x400a6e74823e189cUL,
    ];

    private static readonly ulong[] IntegerExponent64 =
    [
        0x400a6e74823e189bUL, 0x0000000000000000UL, 0x3f4b953e79863df8UL, 0x3ff85f8fd280e956UL, 0x8000000000000000UL, 0x40c35a922a85c9eeUL, 0x3ff0000000000000UL, 0xfff0000000000000UL,
        0x401add0b7324aac4UL, 0x4041af2f592325abUL, 0x0000000000000000UL, 0xc06b0c88a6af7753UL, 0x41011efb7100e521UL, 0xfff0000000000000UL, 0x3e3835a3312ecb84UL, 0xbfb5b2e3147688bbUL,
        0x3ff0000000000000UL, 0x3f947653d778e0d6UL, 0x4270000000000000UL, 0x3f06828be6347363UL, 0x4fe8df463bf3cc39UL, 0x4028b81e225a6bbeUL, 0x40210685bc31d34eUL,
    ];

    private static readonly long[] IntExp64 = [-2, 2, -6, -1, 3, -4, 0, -3, -1, -3, -2, 5, 6, 3, 9, 3, 0, 2, -40, 6, 2, 8, 5];

    private static readonly uint[] IntExponentTransposed32 =
    [
        0x3ed1b791, 0xc3730000, 0x00000000, 0x3d10b995, 0x4094c4db, 0x000116c2, 0x438b6881, 0x40bc11a8,
        0x80000000, 0x7f800000, 0x4374dc04, 0x3e46ffa4, 0x3fa2b762, 0x53800000, 0xff800000, 0x414b7cbb,
        0x42ff5810, 0x3f800000, 0x4204686f, 0x53800000, 0x00000000, 0x3b0a6fba, 0x3929fd87, 0x471ea740,
        0x37368f09, 0x000116c2, 0xff800000, 0x44ffca44, 0x3a575a25, 0x3e988d17, 0x3f800000, 0xbe97b426,
        0x3f800000, 0x3b925e82, 0x440eb554, 0x3d87319f, 0x46adee5e, 0x3f800000, 0x3f800000, 0x407f1ab9,
        0x48a5c15d, 0x48a5c15d, 0x407f1ab9, 0x3f800000, 0x3f800000, 0x46adee5e, 0x3d87319f, 0x440eb554,
        0x3b925e82, 0x3f800000, 0xbe97b426, 0x3f800000, 0x3e988d17, 0x3a575a24, 0x44ffca44, 0xff800000,
        0x000116c2, 0x37368f09, 0x471ea740, 0x3929fd86, 0x3b0a6fba, 0x00000000, 0x53800000, 0x4204686f,
        0x3f800000, 0x42ff5810, 0x414b7cbb, 0xff800000, 0x53800000, 0x3fa2b762, 0x3e46ffa4, 0x4374dc04,
        0x7f800000, 0x80000000, 0x40bc11a8, 0x438b6881, 0x000116c2, 0x4094c4db, 0x3d10b995, 0x00000000,
        0xc3730000, 0x3ed1b791,
    ];

    private static readonly uint[] IntExponentTransposedOnly32 =
    [
        0x3ed1b791, 0x00000000, 0x4094c4db, 0x438b6881, 0x80000000, 0x4374dc04, 0x3fa2b762, 0xff800000,
        0x42ff5810, 0x4204686f, 0x00000000, 0x3929fd86, 0x37368f09, 0xff800000, 0x3a575a24, 0x3f800000,
        0x3f800000, 0x440eb554, 0x46adee5e, 0x3f800000, 0x48a5c15d, 0x407f1ab9, 0x3f800000, 0x3d87319f,
        0x3b925e82, 0xbe97b426, 0x3e988d17, 0x44ffca44, 0x000116c2, 0x471ea740, 0x3b0a6fbb, 0x53800000,
        0x3f800000, 0x414b7cbb, 0x53800000, 0x3e46ffa4, 0x7f800000, 0x40bc11a8, 0x000116c2, 0x3d10b995,
        0xc3730000, 0xc3730000, 0x3d10b995, 0x000116c2, 0x40bc11a8, 0x7f800000, 0x3e46ffa4, 0x53800000,
        0x414b7cbb, 0x3f800000, 0x53800000, 0x3b0a6fbb, 0x471ea740, 0x000116c2, 0x44ffca44, 0x3e988d17,
        0xbe97b426, 0x3b925e82, 0x3d87319f, 0x3f800000, 0x407f1ab9, 0x48a5c15d, 0x3f800000, 0x46adee5e,
        0x440eb554, 0x3f800000, 0x3f800000, 0x3a575a24, 0xff800000, 0x37368f09, 0x3929fd86, 0x00000000,
        0x4204686f, 0x42ff5810, 0xff800000, 0x3fa2b762, 0x4374dc04, 0x80000000, 0x438b6881, 0x4094c4db,
        0x00000000, 0x3ed1b791,
    ];

    private static readonly ulong[] WiderExponentTransposed =
    [
        0x3fd6bb637149a314UL, 0xc06e600000000000UL, 0x0000000000000000UL, 0x3f9c8f64b0033db1UL, 0x400214be307251bfUL, 0x3a1fb0f1300e46f1UL, 0x4071ba30f0121141UL, 0x401691aeb0300fd6UL,
        0x8000000000000000UL, 0x4bea7d4b9b944035UL, 0x4067991a3178bf31UL, 0x3fc976e9700c65b9UL, 0x3ff3797650ba9916UL, 0x7ff0000000000000UL, 0xfff0000000000000UL, 0x40249be42ee38ceaUL,
        0x4057e02f90611bd4UL, 0x7ff8000000000000UL, 0x4034e6a2ef422820UL, 0x7ff0000000000000UL, 0x0000000000000000UL, 0x3f614df750491080UL, 0x3f253fb0cf498ad1UL, 0x40f486bf6fa76dfbUL,
        0x3efa0bfb4fc613d3UL, 0x3a1fb0f1300e46f1UL, 0xfff0000000000000UL, 0x40972f58d02cdf8eUL, 0x3f4aeb448fcc2bc9UL, 0x3fd84746b071cabeUL, 0x3feb2eb06fbe0f47UL, 0xbfd2f684bda12f68UL,
        0x3ff0000000000000UL, 0x3f6276bcf091b284UL, 0x407579452f37a9d4UL, 0x3fa7ecfdf06fdb55UL, 0x40e1b5f8506293ecUL, 0x7ff8000000000000UL, 0x3ff0000000000000UL, 0x4012ab3db0e4cd45UL,
        0x41077a33f0d25489UL, 0x41077a33f0d25489UL, 0x4012ab3db0e4cd45UL, 0x3ff0000000000000UL, 0x7ff8000000000000UL, 0x40e1b5f8506293ecUL, 0x3fa7ecfdf06fdb55UL, 0x407579452f37a9d4UL,
        0x3f6276bcf091b284UL, 0x3ff0000000000000UL, 0xbfd2f684bda12f68UL, 0x3feb2eb06fbe0f47UL, 0x3fd84746b071cabeUL, 0x3f4aeb448fcc2bc9UL, 0x40972f58d02cdf8eUL, 0xfff0000000000000UL,
        0x3a1fb0f1300e46f1UL, 0x3efa0bfb4fc613d3UL, 0x40f486bf6fa76dfbUL, 0x3f253fb0cf498ad1UL, 0x3f614df750491080UL, 0x0000000000000000UL, 0x7ff0000000000000UL, 0x4034e6a2ef422820UL,
        0x7ff8000000000000UL, 0x4057e02f90611bd4UL, 0x40249be42ee38ceaUL, 0xfff0000000000000UL, 0x7ff0000000000000UL, 0x3ff3797650ba9916UL, 0x3fc976e9700c65b9UL, 0x4067991a3178bf31UL,
        0x4bea7d4b9b944035UL, 0x8000000000000000UL, 0x401691aeb0300fd6UL, 0x4071ba30f0121141UL, 0x3a1fb0f1300e46f1UL, 0x400214be307251bfUL, 0x3f9c8f64b0033db1UL, 0x0000000000000000UL,
        0xc06e600000000000UL, 0x3fd6bb637149a314UL,
    ];

    private static readonly ulong[] IntExponentTransposed64 =
    [
        0x400a6e74823e189bUL, 0x40210685bc31d34eUL, 0x0000000000000000UL, 0x4028b81e225a6bbdUL, 0x3f4b953e79863df8UL, 0x4fe8df463bf3cc39UL, 0x3ff85f8fd280e956UL, 0x3f06828be6347363UL,
        0x8000000000000000UL, 0x4270000000000000UL, 0x40c35a922a85c9eeUL, 0x3f947653d778e0d6UL, 0x3ff0000000000000UL, 0x3ff0000000000000UL, 0xfff0000000000000UL, 0xbfb5b2e3147688bbUL,
        0x401add0b7324aac4UL, 0x3e3835a3312ecb84UL, 0x4041af2f592325abUL, 0xfff0000000000000UL, 0x0000000000000000UL, 0x41011efb7100e520UL, 0xc06b0c88a6af7753UL, 0xc06b0c88a6af7754UL,
        0x41011efb7100e521UL, 0x0000000000000000UL, 0xfff0000000000000UL, 0x4041af2f592325abUL, 0x3e3835a3312ecb84UL, 0x401add0b7324aac4UL, 0xbfb5b2e3147688bbUL, 0xfff0000000000000UL,
        0x3ff0000000000000UL, 0x3ff0000000000000UL, 0x3f947653d778e0d6UL, 0x40c35a922a85c9eeUL, 0x4270000000000000UL, 0x8000000000000000UL, 0x3f06828be6347363UL, 0x3ff85f8fd280e956UL,
        0x4fe8df463bf3cc39UL, 0x3f4b953e79863df8UL, 0x4028b81e225a6bbdUL, 0x0000000000000000UL, 0x40210685bc31d34eUL, 0x400a6e74823e189cUL,
    ];

    private static readonly ulong[] IntExponentTransposedOnly64 =
    [
        0x400a6e74823e189cUL, 0x0000000000000000UL, 0x3f4b953e79863df8UL, 0x3ff85f8fd280e956UL, 0x8000000000000000UL, 0x40c35a922a85c9eeUL, 0x3ff0000000000000UL, 0xfff0000000000000UL,
        0x401add0b7324aac4UL, 0x4041af2f592325abUL, 0x0000000000000000UL, 0xc06b0c88a6af7754UL, 0x41011efb7100e520UL, 0xfff0000000000000UL, 0x3e3835a3312ecb84UL, 0xbfb5b2e3147688baUL,
        0x3ff0000000000000UL, 0x3f947653d778e0d6UL, 0x4270000000000000UL, 0x3f06828be6347363UL, 0x4fe8df463bf3cc39UL, 0x4028b81e225a6bbeUL, 0x40210685bc31d34eUL, 0x40210685bc31d34eUL,
        0x4028b81e225a6bbeUL, 0x4fe8df463bf3cc39UL, 0x3f06828be6347363UL, 0x4270000000000000UL, 0x3f947653d778e0d6UL, 0x3ff0000000000000UL, 0xbfb5b2e3147688baUL, 0x3e3835a3312ecb84UL,
        0xfff0000000000000UL, 0x41011efb7100e520UL, 0xc06b0c88a6af7754UL, 0x0000000000000000UL, 0x4041af2f592325abUL, 0x401add0b7324aac4UL, 0xfff0000000000000UL, 0x3ff0000000000000UL,
        0x40c35a922a85c9eeUL, 0x8000000000000000UL, 0x3ff85f8fd280e956UL, 0x3f4b953e79863df8UL, 0x0000000000000000UL, 0x400a6e74823e189cUL,
    ];

    /// <summary>Pairs where glibc's powf and the double pow rounded once to float disagree (by an ulp), in a strided layout.</summary>
    private static readonly uint[] PowfX = [0x40b8dac8, 0x4112dd64, 0x415fc18f, 0x4136f05b, 0x4153ca5f, 0x4134f2d1, 0x40fd83ad, 0x419e0679, 0x4147dc3d, 0x4152969b, 0x4175f046, 0x40b60852, 0x40bc988d, 0x40e245fc];
    private static readonly uint[] PowfE = [0x40609170, 0x3f875398, 0x40f08134, 0x412ebca7, 0x4121880d, 0xbfa06bc5, 0x40e22746, 0xc09e6764, 0x3edd2402, 0x40d56781, 0xbdcb0487, 0x3fd02eab, 0x3f043b7c, 0xc092d1bc];
    private static readonly uint[] PowfY = [0x43eb4b7b, 0x4126bc2d, 0x4dc2781d, 0x52a7b7f2, 0x5244f114, 0x3d43ee28, 0x4a096a5d, 0x34cf29b7, 0x403e77b7, 0x4bde5da1, 0x3f434144, 0x41873821, 0x401ffed5, 0x3904c3c7];

    private static Tensor F32(uint[] bits) => Tensor.FromArray(Array.ConvertAll(bits, BitConverter.UInt32BitsToSingle));
    private static Tensor F64(ulong[] bits) => Tensor.FromArray(Array.ConvertAll(bits, BitConverter.UInt64BitsToDouble));

    private static void Equal(uint[] expected, Tensor y) =>
        Assert.Equal(expected, Array.ConvertAll(y.Contiguous().ToArray<float>(), BitConverter.SingleToUInt32Bits));

    private static void Equal(ulong[] expected, Tensor y) =>
        Assert.Equal(expected, Array.ConvertAll(y.Contiguous().ToArray<double>(), BitConverter.DoubleToUInt64Bits));

    /// <summary>[x, reversed x] as rows.</summary>
    private static Tensor Rows(Tensor x) => Tensor.Stack([x, x.Flip(0)]);

    private static Tensor StridedCopy(Tensor x)
    {
        var s = Tensor.Stack([x, Tensor.ZerosLike(x)], 1).Select(1, 0);
        Assert.False(s.IsContiguous);
        return s;
    }

    [Fact]
    public void Float32ContiguousTakesSleefForTheVectorPairAndPowfForTheTail()
    {
        Equal(Contiguous32, F32(X32).Pow(F32(E32)));
        Equal(Contiguous32, F32(X32).Pow_(F32(E32)));
        Assert.NotEqual(Contiguous32, Strided32);
    }

    [Fact]
    public void Float64ContiguousTakesSleefForTheVectorPairAndPowForTheTail()
    {
        Equal(Contiguous64, F64(X64).Pow(F64(E64)));
        Equal(Contiguous64, F64(X64).Pow_(F64(E64)));
        Assert.NotEqual(Contiguous64, Strided64);
    }

    [Fact]
    public void StridedInputsTakeTheCLibraryThroughout()
    {
        Equal(Strided32, StridedCopy(F32(X32)).Pow(F32(E32)));
        Equal(Strided64, StridedCopy(F64(X64)).Pow(F64(E64)));
        Equal(Strided32, F32(X32).Pow(StridedCopy(F32(E32))));
        Equal(Strided64, F64(X64).Pow(StridedCopy(F64(E64))));
    }

    [Fact]
    public void Float32CLibraryPartIsPowfNotTheDoublePowRoundedOnce()
    {
        Equal(PowfY, StridedCopy(F32(PowfX)).Pow(F32(PowfE)));
        var x = Array.ConvertAll(PowfX, BitConverter.UInt32BitsToSingle);
        var e = Array.ConvertAll(PowfE, BitConverter.UInt32BitsToSingle);
        for (int i = 0; i < x.Length; i++) Assert.NotEqual(PowfY[i], BitConverter.SingleToUInt32Bits((float)Math.Pow(x[i], e[i])));
    }

    [Fact]
    public void ZeroDimExponentIsBroadcastAsAVector()
    {
        Equal(Exponent0Dim32, F32(X32).Abs().Pow(Tensor.Scalar(0.3, DType.Float32)));
        Equal(Exponent0Dim64, F64(X64).Abs().Pow(Tensor.Scalar(0.3, DType.Float64)));
        Equal(Exponent0Dim32, F32(X32).Abs().Pow_(Tensor.Scalar(0.3, DType.Float32)));
        Equal(Exponent0Dim64, F64(X64).Abs().Pow_(Tensor.Scalar(0.3, DType.Float64)));
    }

    [Fact]
    public void ZeroDimBaseAndNumberBaseAreBroadcastAsAVector()
    {
        Equal(Base0Dim32, Tensor.Scalar(2.5, DType.Float32).Pow(F32(E32)));
        Equal(Base0Dim64, Tensor.Scalar(2.5, DType.Float64).Pow(F64(E64)));
        Equal(Base0Dim32, Tensor.Pow(2.5, F32(E32)));
        Equal(Base0Dim64, Tensor.Pow(2.5, F64(E64)));
    }

    [Fact]
    public void BroadcastRowsSplitEachRowIntoVectorPairsAndTail()
    {
        Equal(RowBroadcast32, Rows(F32(X32)).Pow(F32(E32)));
        Equal(RowBroadcast64, Rows(F64(X64)).Pow(F64(E64)));
        Equal(RowBroadcast32, Rows(F32(X32)).Pow_(F32(E32)));
        Equal(RowBroadcast64, Rows(F64(X64)).Pow_(F64(E64)));
        Equal(ColumnBroadcast32, Rows(F32(X32)).Abs().Pow(Tensor.FromArray(new[] { 0.3f, -1.7f }, [2, 1])));
        Equal(ColumnBroadcast64, Rows(F64(X64)).Abs().Pow(Tensor.FromArray(new[] { 0.3, -1.7 }, [2, 1])));
    }

    [Fact]
    public void TransposedInputsAreWalkedInMemoryOrder()
    {
        Equal(Transposed32, Rows(F32(X32)).T.Pow(Rows(F32(E32)).T));
        Equal(Transposed64, Rows(F64(X64)).T.Pow(Rows(F64(E64)).T));
        Equal(Transposed32, Rows(F32(X32)).T.Pow_(Rows(F32(E32)).T));
        Equal(Transposed64, Rows(F64(X64)).T.Pow_(Rows(F64(E64)).T));
    }

    [Fact]
    public void OneTransposedInputLeavesNothingToVectorize()
    {
        Equal(MixedLayout32, Rows(F32(X32)).T.Pow(Rows(F32(E32)).T.Contiguous()));
        Equal(MixedLayout64, Rows(F64(X64)).T.Pow(Rows(F64(E64)).T.Contiguous()));
    }

    [Fact]
    public void IntegerExponentTensorIsPromotedToTheBaseDtype()
    {
        Equal(IntegerExponent32, F32(X32).Pow(Tensor.FromArray(IntExp32)));
        Equal(IntegerExponent64, F64(X64).Pow(Tensor.FromArray(IntExp64)));
    }

    [Fact]
    public void PromotedInputKeepsItsLayout()
    {
        // ATen's .to(dtype) keeps a transposed tensor transposed: both transposed walk memory order (vectorized),
        // a contiguous base with a transposed exponent leaves nothing to vectorize
        var ie32 = Rows(Tensor.FromArray(IntExp32));
        var ie64 = Rows(Tensor.FromArray(IntExp64));
        Equal(IntExponentTransposed32, Rows(F32(X32)).T.Pow(ie32.T));
        Equal(IntExponentTransposed64, Rows(F64(X64)).T.Pow(ie64.T));
        Equal(IntExponentTransposedOnly32, Rows(F32(X32)).Pow(ie32.T.Contiguous().T));
        Equal(IntExponentTransposedOnly64, Rows(F64(X64)).Pow(ie64.T.Contiguous().T));
        Equal(WiderExponentTransposed, Rows(F32(X32)).T.Pow(Rows(F32(E32)).To(DType.Float64).T));
    }

    [Fact]
    public void InPlaceIntoANarrowerDtypeWalksTheContiguousTemporary()
    {
        // pow_ of Float32 self by a Float64 exponent computes into a contiguous Float64 temporary, which orders the walk:
        // the transposed inputs then go through pow element by element, and PyTorch's bits rounded to Float32 are
        // MixedLayout32's (powf throughout) for these inputs. Walked in the inputs' memory order, the vector pairs differ.
        Equal(MixedLayout32, Rows(F32(X32)).T.Pow_(Rows(F32(E32)).To(DType.Float64).T));
    }
}
