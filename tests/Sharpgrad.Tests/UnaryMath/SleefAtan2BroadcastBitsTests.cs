namespace Sharpgrad.Tests.UnaryMath;

/// <summary>
/// atan2 of broadcast, transposed and sliced operands bit for bit as PyTorch 2.6 computes them (2 threads). ATen's
/// cpu_kernel_vec vectorizes a row when both inputs run contiguously along it or one is a single broadcast element:
/// whole pairs of 64-byte vectors through SLEEF's atan2, the rest of the row through the C library's; other rows take
/// the C library throughout. Rows are TensorIterator's: [2, 40] with [40] or [2, 1] (either side) or a 0-dim tensor
/// splits each row of 40 as 32 + 8 (floats; 16·2 + 8 doubles); a transposed input against a contiguous one goes scalar;
/// two transposes alike run as one vectorized run in memory order; an integer input cast to the float dtype keeps its
/// transposed layout. A and B hold zeros of both signs, infinities and NaNs.
/// </summary>
[Collection("Threads")]
public class SleefAtan2BroadcastBitsTests
{
    /// <summary>The element of B[0] taken as the 0-dim operand: one whose results differ between SLEEF and the C library.</summary>
    private const int F32Scalar = 21;

    private static readonly uint[] F32A =
        [0x3e80bcb0, 0x326fbd5e, 0xbf406d33, 0x400323cb, 0xeb247ae6, 0x80000000, 0x7fc00000, 0xc0086b5f, 0xa4accfc9,
        0xbffb1f6c, 0xa89a454f, 0x17bd13de, 0x00000000, 0x7f800000, 0xbf4b27c3, 0xbf8e368a, 0xccd04f2a, 0x3d46524d,
        0x80000000, 0x40252a24, 0x522854a4, 0x00000000, 0xc0103b85, 0x80000000, 0x7f800000, 0x3f96a402, 0xc020e62e,
        0xbe74a010, 0xe2036b5e, 0xc0036849, 0x3f5ed5cb, 0x94ed156c, 0xff800000, 0x2b691093, 0x209fe4e7, 0xc6077c91,
        0x451d14d2, 0x00000000, 0xbf2e5941, 0x00000000, 0x3ebe817f, 0x3f345905, 0xef44ca6c, 0xc0064db3, 0xce1d5f71,
        0x282f3f3f, 0xdbd66ff4, 0x20383eb4, 0xa1521a46, 0xefde5c27, 0x3f9f354b, 0xbf7db6f8, 0xed1f257e, 0xbf05f32c,
        0xc027c094, 0xbe134028, 0xedd37466, 0x7f800000, 0xd92a11ca, 0xcbd18a1e, 0x4016424e, 0x3937a82e, 0xc494c8bc,
        0x6d84d6ab, 0xc010aa57, 0x3f8f64bc, 0xe09fd40d, 0x3fbeddf8, 0xc025e1bc, 0xff800000, 0xbf8e1797, 0xbe06c78a,
        0x7f800000, 0x1a19fb95, 0xe2694ffa, 0x00000000, 0x3fa4a0f6, 0x4009d36a, 0x3fb7b2df, 0x00000000];

    private static readonly uint[] F32B =
        [0x7fc00000, 0x3ea72a53, 0xb3f6b484, 0xd5d0d8fa, 0x3fbd332b, 0xd6ef0e63, 0xbfd1c97d, 0x00000000, 0x6729636a,
        0xbe8f3f8b, 0xbe03297b, 0x7fc00000, 0x7f800000, 0xbfeaa281, 0x3f1e128f, 0xe816bded, 0x80000000, 0x80000000,
        0x1a5dc9d1, 0x5fdd1fb9, 0x4d4877ee, 0x400f34c4, 0xb495377d, 0xc2d188fc, 0xb5584f3c, 0xac41e15d, 0x5608cf89,
        0x4014cd18, 0x7f800000, 0x3f79e0c9, 0xbf02c800, 0xff800000, 0xc03c18ea, 0xbfac6ede, 0x80000000, 0x7f800000,
        0x3faf55cb, 0xbfc531b1, 0x7f800000, 0x8fdfd638, 0xff800000, 0xbfe0fa88, 0x16e767de, 0xff800000, 0x1b8b34c3,
        0xbf0fa6e2, 0xff800000, 0xd3ed245a, 0xbcfc1510, 0x52653183, 0x80000000, 0xd2ecae33, 0x9b2d1bea, 0x3daca231,
        0x43c99c70, 0x3fdd554c, 0xd4d7e249, 0x4037fef8, 0xe9bf13df, 0x402e1b92, 0x7fc00000, 0x10b69346, 0x3ead2a68,
        0xbe31267b, 0x401aaf2b, 0xed385c4b, 0xc0217ddb, 0x99c84dcb, 0xe9438190, 0xe413d592, 0x3f5485aa, 0x3fe2791a,
        0x3159e703, 0xa2606ec7, 0x18883c82, 0x303fa706, 0x3faa831b, 0x3fcf59d7, 0xbfdd457a, 0xf0c0faf9];

    private static readonly uint[] F32RowVector =
        [0xffffffff, 0x33379224, 0xbfc90fdc, 0x40490fdb, 0xbfc90fdb, 0xc0490fdb, 0xffffffff, 0xbfc90fdb, 0x8001052c,
        0xbfdb3187, 0xc0490fdb, 0xffffffff, 0x00000000, 0x3fc90fdb, 0xbf68d8f6, 0xc0490fdb, 0xbfc90fdb, 0x3fc90fdb,
        0x80000000, 0x1fbf36f6, 0x3fc8e9bf, 0x00000000, 0xbfc90fdc, 0xc0490fdb, 0x3fc90fdb, 0x3fc90fdb, 0xa9968982,
        0xbdd1b15e, 0x80000000, 0xbf90428f, 0x40067f65, 0xc0490fdb, 0xbfc90fdb, 0x40490fdb, 0x3fc90fdb, 0x80000000,
        0x3fc8fdff, 0x40490fdb, 0x80000000, 0x40490fdb, 0xffffffff, 0x3f91830a, 0xbfc90fdb, 0xc0490fdb, 0xbfc90fdb,
        0x40490fdb, 0xbfc90fdb, 0x3fc90fdb, 0x8000027b, 0xbfc90fdb, 0x3fd63273, 0xffffffff, 0x80000000, 0xc037444c,
        0xbfab72c7, 0xc0490fdb, 0xbfc90fdb, 0x3fc90fdb, 0xbfc90fdb, 0xab7296a7, 0x323fe1cf, 0x38a427d7, 0xbfc90fdb,
        0x3fc90fdb, 0xbfc90fde, 0x3fc90fdb, 0xbfc90fd7, 0x3f11fd36, 0x80000000, 0xbfc90fdb, 0xc0002264, 0xc0490fdb,
        0x3fc90fdb, 0x40490fdb, 0xbfc90fdb, 0x00000000, 0x3f4100a2, 0x400c45e6, 0x00000000, 0x40490fdb];

    private static readonly uint[] F32ColumnVector =
        [0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff,
        0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff,
        0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff,
        0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0x7fc00000, 0x7fc00000, 0x7fc00000, 0x7fc00000,
        0x7fc00000, 0x7fc00000, 0x7fc00000, 0x7fc00000, 0x40490fdb, 0x40490fdb, 0xc0490fdb, 0xc0490fdb, 0xc0490fdb,
        0x40490fdb, 0xc0490fdb, 0x40490fdb, 0xc0490fdb, 0xc0490fdb, 0x40490fdb, 0xc0490fdb, 0xc0490fdb, 0xc0490fdb,
        0xc0490fdb, 0xc0490fdb, 0xc0490fdb, 0x4016cbe4, 0xc0490fdb, 0xc0490fdb, 0x40490fdb, 0x40490fdb, 0xc0490fdb,
        0x40490fdb, 0xc0490fdb, 0x40490fdb, 0xc0490fdb, 0x40490fdb, 0xc0490fdb, 0xc016cbe4, 0xc0490fdb, 0xc0490fdb,
        0x4016cbe4, 0x40490fdb, 0xc0490fdb, 0x40490fdb, 0x40490fdb, 0x40490fdb, 0x40490fdb, 0x40490fdb];

    private static readonly uint[] F32RowVectorFirst =
        [0xffffffff, 0x3fc90fda, 0xc0490fda, 0xbfc90fdb, 0x40490fdb, 0xbfc90fdb, 0xffffffff, 0x40490fdb, 0x3fc90fdb,
        0xc03fff04, 0xbfc90fdb, 0xffffffff, 0x3fc90fdb, 0x80000000, 0x401ebe2b, 0xbfc90fdb, 0xc0490fdb, 0x80000000,
        0x3fc90fdb, 0x3fc90fdb, 0x3a987015, 0x3fc90fdb, 0xc0490fda, 0xbfc90fdb, 0x80000000, 0xac24bdae, 0x3fc90fdb,
        0x3fd62af0, 0x3fc90fdb, 0x402ca935, 0xbf07ddde, 0xbfc90fdb, 0xc0490fdb, 0xbfc90fdb, 0x80000000, 0x3fc90fdb,
        0x3a0edfd6, 0xbfc90fdb, 0x3fc90fdb, 0xbfc90fdb, 0xffffffff, 0x3ede3341, 0xc0490fdb, 0xbfc90fdb, 0x40490fdb,
        0xbfc90fdb, 0xc0490fdb, 0x00000000, 0x3fc90fdb, 0xc0490fdb, 0xbdd22984, 0xffffffff, 0x3fc90fdb, 0xbfeca6f8,
        0x403a4151, 0xbfc90fdb, 0xc0490fdb, 0x80000000, 0x40490fdb, 0x3fc90fdb, 0x3fc90fdb, 0x3fc90d4a, 0xc0490fdb,
        0x94c9e727, 0xc0490fd9, 0xac2d1127, 0x40490fd9, 0x3f801140, 0x3fc90fdb, 0x40490fdb, 0xc02d7564, 0xbfc90fdb,
        0x80000000, 0xbfc90fdb, 0xc0490fdb, 0x3fc90fdb, 0x3f511f14, 0xbf1ef7e2, 0x3fc90fdb, 0xbfc90fdb];

    private static readonly uint[] F32ColumnVectorFirst =
        [0xffffffff, 0x3f280031, 0x3fc90fde, 0x40490fdb, 0x3e2c89ca, 0x40490fdb, 0x403f51c4, 0x3fc90fdb, 0x16c2901b,
        0x401a3532, 0x4002af50, 0xffffffff, 0x00000000, 0x40405670, 0x3ec5fe43, 0x40490fdb, 0x3fc90fdb, 0x3fc90fdb,
        0x3fc90fdb, 0x1e150aae, 0x30a465fb, 0x3de52c5b, 0x3fc90fe4, 0x4048e888, 0x3fc90ff6, 0x3fc90fdb, 0x27f0e484,
        0x3ddc9fbd, 0x00000000, 0x3e8115ad, 0x402bca35, 0x40490fdb, 0x40439992, 0x403d409a, 0x3fc90fdb, 0x00000000,
        0x3e39e503, 0x403eb52d, 0x00000000, 0x3fc90fdb, 0x40490fdb, 0x403bb5ef, 0x3fc90fdb, 0x40490fdb, 0x3fc90fdb,
        0x402396c0, 0x40490fdb, 0x40490fdb, 0x3fd39fab, 0x2bd4c99b, 0x3fc90fdb, 0x40490fdb, 0x3fc90fdb, 0x3fac8b9d,
        0x3a71e619, 0x3e5908ef, 0x40490fdb, 0x3e03cbcd, 0x40490fdb, 0x3e0b311f, 0xffffffff, 0x3fc90fdb, 0x3f55424f,
        0x4000627a, 0x3e1c6a05, 0x40490fdb, 0x403fb130, 0x3fc90fdb, 0x40490fdb, 0x40490fdb, 0x3ed7bc3d, 0x3e54402b,
        0x3fc90fdb, 0x3fc90fdb, 0x3fc90fdb, 0x3fc90fdb, 0x3e8b746e, 0x3e673150, 0x403b7e5b, 0x40490fdb];

    private static readonly uint[] F32Outer =
        [0xffffffff, 0x3f280031, 0x3fc90fde, 0x40490fdb, 0x3e2c89ca, 0x40490fdb, 0x403f51c4, 0x3fc90fdb, 0x16c2901b,
        0x401a3532, 0x4002af50, 0xffffffff, 0x00000000, 0x40405670, 0x3ec5fe43, 0x40490fdb, 0x3fc90fdb, 0x3fc90fdb,
        0x3fc90fdb, 0x1e150aae, 0x30a465fb, 0x3de52c5b, 0x3fc90fe4, 0x4048e888, 0x3fc90ff6, 0x3fc90fdb, 0x27f0e484,
        0x3ddc9fbd, 0x00000000, 0x3e8115ad, 0x402bca35, 0x40490fdb, 0x40439992, 0x403d409a, 0x3fc90fdb, 0x00000000,
        0x3e39e503, 0x403eb52d, 0x00000000, 0x3fc90fdb, 0xffffffff, 0x3f59be7a, 0x3fc90fdd, 0x40490fdb, 0x3e7c8546,
        0x40490fdb, 0x403ac64e, 0x3fc90fdb, 0x170ff529, 0x400dcb55, 0x3ff37fc4, 0xffffffff, 0x00000000, 0x403c3ec9,
        0x3f0ad59a, 0x40490fdb, 0x3fc90fdb, 0x3fc90fdb, 0x3fc90fdb, 0x1e5c8d83, 0x30f34713, 0x3e28bbbe, 0x3fc90fe1,
        0x4048d5ab, 0x3fc90fed, 0x3fc90fdb, 0x28323cb7, 0x3e227f32, 0x00000000, 0x3eba7784, 0x4020c640, 0x40490fdb,
        0x4041009b, 0x4037d0a1, 0x3fc90fdb, 0x00000000, 0x3e87cc69, 0x4039e523, 0x00000000, 0x3fc90fdb];

    private static readonly uint[] F32ScalarSecond =
        [0x3de52c5b, 0x31d64888, 0xbea5ee14, 0x3f3dcf4d, 0xbfc90fdb, 0x80000000, 0xffffffff, 0xbf42d990, 0xa41a7641,
        0xbf38478b, 0xa809e3c6, 0x1729002e, 0x00000000, 0x3fc90fdb, 0xbeae7f75, 0xbeebf725, 0xbfc90fda, 0x3cb13c41,
        0x80000000, 0x3f5b42af, 0x3fc90fdb, 0x00000000, 0xbf49f9de, 0x80000000, 0x3fc90fdb, 0x3ef7e8b5, 0xbf57f07c,
        0xbdd9d332, 0xbfc90fdb, 0xbf3e11d5, 0x3ebdf363, 0x9453e8c9, 0xbfc90fdb, 0x2ad0512f, 0x200eea82, 0xbfc90766,
        0x3fc8f2ae, 0x00000000, 0xbe974647, 0x00000000, 0x3e28bbbe, 0x3e9c2ae5, 0xbfc90fdb, 0xbf40da28, 0xbfc90fdb,
        0x279ca383, 0xbfc90fdb, 0x1fa4ae62, 0xa0bbcb10, 0xbfc90fdb, 0x3f01e0fd, 0xbed57a6b, 0xbfc90fdb, 0xbe6b39fe,
        0xbf5d3a5f, 0xbd836f2e, 0xbfc90fdb, 0x3fc90fdb, 0xbfc90fdb, 0xbfc90fda, 0x3f4f3696, 0x38a427d7, 0xbfc8d241,
        0x3fc90fdb, 0xbf4a5c11, 0x3eeda7cd, 0xbfc90fdb, 0x3f167b8c, 0xbf5bcf2f, 0xbfc90fdb, 0xbeebcac1, 0xbd70a8ae,
        0x3fc90fdb, 0x1989a1e0, 0xbfc90fdb, 0x00000000, 0x3f058ce9, 0x3f442957, 0x3f11fe92, 0x00000000];

    private static readonly uint[] F32ScalarFirst =
        [0x3fbabd15, 0x3fc90fdb, 0x3ff28b60, 0x3f545068, 0x40490fdb, 0x3fc90fdb, 0xffffffff, 0x40153e51, 0x3fc90fdb,
        0x401299d0, 0x3fc90fdb, 0x3fc90fdb, 0x3fc90fdb, 0x00000000, 0x3ff4afb8, 0x400206d2, 0x40490fdb, 0x3fc64aea,
        0x3fc90fdb, 0x3f36dd06, 0x2d59ca4c, 0x3fc90fdb, 0x40170665, 0x3fc90fdb, 0x00000000, 0x3f8b15ad, 0x401a840c,
        0x3fd6ad0e, 0x40490fdb, 0x40140c63, 0x3f999302, 0x3fc90fdb, 0x40490fdb, 0x3fc90fdb, 0x3fc90fdb, 0x40490ba0,
        0x3a696319, 0x3fc90fdb, 0x3feee16c, 0x3fc90fdb, 0x3fb3f863, 0x3fa20521, 0x40490fdb, 0x4014be77, 0x40490fdb,
        0x3fc90fdb, 0x40490fdb, 0x3fc90fdb, 0x3fc90fdb, 0x40490fdb, 0x3f881f5c, 0x3ffe6e76, 0x40490fdb, 0x3fe6771a,
        0x401bd685, 0x3fd146ce, 0x40490fdb, 0x00000000, 0x40490fdb, 0x40490fda, 0x3f42e91f, 0x3fc90d4a, 0x4048f10e,
        0x1209fd6d, 0x40171ef2, 0x3f8da5e7, 0x40490fdb, 0x3f7ba429, 0x401b7bb9, 0x40490fdb, 0x40020145, 0x3fd09520,
        0x00000000, 0x3fc90fdb, 0x40490fdb, 0x3fc90fdb, 0x3f864966, 0x3f4df65f, 0x3f801092, 0x3fc90fdb];

    private static readonly uint[] F32TransposedFirst =
        [0x7fc00000, 0xbf949c69, 0xbfc90fdb, 0x7fc00000, 0xa469d35e, 0xc0490fdb, 0x40490fdb, 0xbfc90fdb, 0xa51d6935,
        0xc0490fdb, 0x3fc90fdb, 0x7fc00000, 0x3f490fdb, 0xc00cda14, 0xbfc90fdb, 0x40490fdb, 0xbfc90fdb, 0x3fc90fdb,
        0x3fc90fdb, 0x9ec9d8e5, 0x30f34713, 0xbfc90fdb, 0xbfc90fdb, 0xbfc90fdb, 0xc0490fdb, 0x3fc90fdb, 0xbfc90fdb,
        0xbf585e9f, 0x80000000, 0xbfc90fdb, 0x3fe47c82, 0xc0490fdb, 0xc01f1a4c, 0xbfc90fdb, 0xbfc90fdb, 0x80000000,
        0x3fc90fdb, 0xbfc90fdb, 0x00000000, 0x3fc90fdb, 0x40490fdb, 0x4011e817, 0x80000000, 0xc0490fdb, 0xbfc90fdb,
        0x40490fdb, 0x4016cbe4, 0xc0490fdb, 0x4008c39b, 0x2d387b7c, 0x40490fdb, 0xc0490fdb, 0x3fc90fdb, 0xbf9da47b,
        0xbba6db1b, 0x94891bd5, 0x40490fdb, 0xbfc904fd, 0x40490fdb, 0x00000000, 0x7fc00000, 0xbfc90fdb, 0x290189dd,
        0x40490fdb, 0xbfc90fdb, 0xc0490fdb, 0xc03bf9e3, 0xbfc90fdb, 0x3fc90fdb, 0xc0490fdb, 0x395d3ac5, 0x3fc90fdb,
        0x3fc90fdb, 0x3fc90fdb, 0xbfc90fdb, 0xbfc90fdb, 0x19e72ef6, 0x00000000, 0x400fd208, 0x40490fdb];

    private static readonly uint[] F32TransposedBoth =
        [0xffffffff, 0xbfc90fdc, 0xbfc90fdb, 0xffffffff, 0x8001052c, 0xc0490fdb, 0x00000000, 0xbf68d8f6, 0xbfc90fdb,
        0x80000000, 0x3fc8e9bf, 0xbfc90fdc, 0x3fc90fdb, 0xa9968982, 0x80000000, 0x40067f65, 0xbfc90fdb, 0x3fc90fdb,
        0x3fc8fdff, 0x80000000, 0x40490fdb, 0xbfc90fdb, 0xbfc90fdb, 0xc0490fdb, 0xc0490fdb, 0x3fc90fdb, 0xbfc90fdb,
        0xbbd50108, 0xbfc90fdb, 0xc0490fdb, 0xffffffff, 0xbfc9068b, 0xbf407f44, 0xbfc90fdb, 0xc0490fdb, 0xbf6dbe3f,
        0x3fc90fdb, 0xbfc90fdb, 0x3f44917e, 0x401cb7a4, 0x33379224, 0x40490fdb, 0xc0490fdb, 0xbfc90fdb, 0xbfdb3187,
        0xffffffff, 0x3fc90fdb, 0xc0490fdb, 0x3fc90fdb, 0x1fbf36f6, 0x00000000, 0xc0490fdb, 0x3fc90fdb, 0xbdd1b15e,
        0xbf90428f, 0xc0490fdb, 0x40490fdb, 0x80000000, 0x40490fdb, 0x40490fdb, 0x4030aa30, 0xc0490fdb, 0x40490fdb,
        0x40490fdb, 0xbfc90fdb, 0xc0490fdb, 0xbfb49dee, 0xbda9ec4e, 0x3fc90fdb, 0xbfc90fda, 0x3fc90fdb, 0x3fc90fdb,
        0x40490fdb, 0x3fc90fdb, 0xbfc90fdb, 0xbd981250, 0x40490faf, 0x00000000, 0x3f6d062b, 0x40490fdb];

    private static readonly uint[] F32SlicedRows =
        [0xffffffff, 0x33379224, 0xbfc90fdc, 0x40490fdb, 0xbfc90fdb, 0xc0490fdb, 0xffffffff, 0xbfc90fdb, 0x8001052c,
        0xbfdb3187, 0xc0490fdb, 0xffffffff, 0x00000000, 0x3fc90fdb, 0xbf68d8f6, 0xc0490fdb, 0xbfc90fdb, 0x3fc90fdb,
        0x80000000, 0x1fbf36f6, 0x3fc8e9bf, 0x00000000, 0xbfc90fdc, 0xc0490fdb, 0x3fc90fdb, 0x3fc90fdb, 0xa9968982,
        0xbdd1b15e, 0x80000000, 0xbf90428f, 0x40067f65, 0xc0490fdb, 0xbfc90fdb, 0x40490fdb, 0x3fc90fdb, 0x80000000,
        0x40490fdb, 0x4030aa30, 0xbfc90fdb, 0xc0490fdb, 0xbfc90fdb, 0x40490fdb, 0xc0490fdb, 0x40490fdb, 0xc0490fdb,
        0xbfc90fdb, 0x3fc90fdb, 0xc0490fdb, 0xbfc90fdb, 0xbfb49dee, 0xbbd50108, 0xbda9ec4e, 0xbfc90fdb, 0x3fc90fdb,
        0xc0490fdb, 0xbfc90fda, 0xffffffff, 0x3fc90fdb, 0xbfc9068b, 0x3fc90fdb, 0xbf407f43, 0x40490fdb, 0xbfc90fdb,
        0x3fc90fdb, 0xc0490fdb, 0xbfc90fdb, 0xbf6dbe3f, 0xbd981250, 0x3fc90fdb, 0x40490faf, 0xbfc90fdb, 0x00000000];

    private static readonly uint[] F32IntTransposed =
        [0x7fc00000, 0xbfc7f652, 0xbfc90fdb, 0xc0490fdb, 0xbfc32755, 0xc0490fdb, 0xbfd08bb9, 0xbfc90fdb, 0x9a111634,
        0xbfcab08e, 0xbfc9e1b6, 0x7fc00000, 0x80000000, 0xbfd9ba0d, 0xbfc27b3c, 0xc0490fdb, 0xbfc90fdb, 0xbfc90fdb,
        0xbfc90fdb, 0x9f94303b, 0x00000000, 0x3f3ab931, 0x3fc90fdb, 0x40456692, 0x3fc90fdb, 0x3fc90fdb, 0x2ab3a295,
        0x3fb3ff33, 0x00000000, 0x3fc220af, 0x3fcc54ac, 0x40490fdb, 0x3fd8a8b7, 0x3fcfb024, 0x3fc90fdb, 0x00000000,
        0x3fc39607, 0x3fcedb98, 0x00000000, 0x3fc90fdb, 0xc0490fdb, 0xbfcf234b, 0xbfc90fdb, 0xc0490fdb, 0xbfc90fdb,
        0xbfcb89d3, 0xc0490fdb, 0xc0490fdb, 0xbfc93bb2, 0xaebba63e, 0xbfc90fdb, 0xc0490fdb, 0xbfc90fdb, 0xbfc83b63,
        0xbcdf6ca3, 0xbfb0c3f3, 0xc0490fdb, 0xbf8644b3, 0xc0490fdb, 0xbeb45b0e, 0x7fc00000, 0x3fc90fdb, 0x3fc06ab4,
        0x3fcc3985, 0x3fa77ae0, 0x40490fdb, 0x3fe19a06, 0x3fc90fdb, 0x40490fdb, 0x40490fdb, 0x3fc40128, 0x3fbf3c11,
        0x3fc90fdb, 0x3fc90fdb, 0x3fc90fdb, 0x3fc90fdb, 0x3fc3e5d0, 0x3fc32450, 0x3fcf09b3, 0x40490fdb];

    private static readonly int[] F32PiecesRowIndex = [166, 167, 178, 191, 263, 288, 301, 424, 17120, 17129, 17203, 17229, 17514, 17625, 17837, 17894];

    private static readonly uint[] F32PiecesRowOut =
        [0x3f3dbdec, 0xbf336b32, 0x3f604558, 0x3f05152c, 0x40132302, 0x3f5b1715, 0x3f3c2302, 0x4012f5a8, 0xbfe51cf8,
        0x3f63c41f, 0x3f0b24e1, 0xbf316cf5, 0xbf4a5787, 0xc01be3d4, 0xbff367f6, 0x3f57bc00];

    private static readonly int[] F32PiecesColumnIndex = [119, 144, 177, 214, 219, 313, 363, 378, 16868, 16893, 16922, 16944, 16946, 17054, 17131, 17132, 17165, 17168, 17180, 17242, 17815];

    private static readonly uint[] F32PiecesColumnOut =
        [0xbf34c29e, 0xbf49d846, 0x3f490fda, 0x3f4b656e, 0xbf78e539, 0x3f5301e9, 0x3f3a2a88, 0xbf5334d7, 0x3f5adc4a,
        0x3f490fda, 0xbf540edc, 0x3e596a5f, 0xbf257874, 0x3f3b99c6, 0xbf46c6b9, 0xbf84f8dd, 0x3f5fb65a, 0xbf434565,
        0xbf3fd01d, 0xbf5ecbfb, 0x3fd5f33e];

    /// <summary>The element of B[0] taken as the 0-dim operand: one whose results differ between SLEEF and the C library.</summary>
    private const int F64Scalar = 9;

    private static readonly ulong[] F64A =
        [0x3fd01795fb21b680UL, 0x3e4df7abb285f30fUL, 0xbfe80da6576732dcUL, 0x400064796bb5ba8aUL, 0xc5648f5cc275200dUL,
        0x8000000000000000UL, 0x7ff8000000000000UL, 0xc0010d6bd94a8b75UL, 0xbc9599f919c34651UL, 0xbfff63ed7869f269UL,
        0xbd1348a9d9c2fd68UL, 0x3af7a27bba518d16UL, 0x0000000000000000UL, 0x7ff0000000000000UL, 0xbfe964f8591c6470UL,
        0xbff1c6d14a003267UL, 0xc19a09e54376bc2fUL, 0x3fa8ca499c685900UL, 0x8000000000000000UL, 0x4004a54482e2bf40UL,
        0x42450a947a2a8726UL, 0x0000000000000000UL, 0xc00207709c0fe1f6UL, 0x8000000000000000UL, 0x7ff0000000000000UL,
        0x3ff2d48044077c78UL, 0xc0041cc5ca10a0eeUL, 0xbfce94020dee76e0UL, 0xc4406d6bb1d22892UL, 0xc0006d0914b04bf3UL,
        0x3febdab96b7b2450UL, 0xba9da2ad77d4ff79UL, 0xfff0000000000000UL, 0x3d6d22125ac9318cUL, 0x3c13fc9cd127d03fUL,
        0xc0c0ef922ba1075dUL, 0x40a3a29a376131aaUL, 0x0000000000000000UL, 0xbfe5cb2826273e68UL, 0x0000000000000000UL,
        0x3fd7d02fdd68df50UL, 0x3fe68b209f14ace0UL, 0xc5e8994d7e9a1ed2UL, 0xc000c9b658e2255aUL, 0xc1c3abee120e9142UL,
        0x3d05e7e7e31abd0eUL, 0xc37acdfe7b05491dUL, 0x3c0707d67fb34defUL, 0xbc2a4348bb65376fUL, 0xc5fbcb84ed0c4291UL,
        0x3ff3e6a9651490fcUL, 0xbfefb6def245a354UL, 0xc5a3e4afb86b959cUL, 0xbfe0be6570c72dc0UL, 0xc004f812873e8126UL,
        0xbfc26804f841e960UL, 0xc5ba6e8cb5d3877dUL, 0x7ff0000000000000UL, 0xc32542393ab2d58eUL, 0xc17a3143b632dec4UL,
        0x4002c849b5aefd10UL, 0x3f26f505bee48029UL, 0xc09299178a3cdbaaUL, 0x45b09ad55d634786UL, 0xc002154ad17bd1e7UL,
        0x3ff1ec9782b07320UL, 0xc413fa81aed00714UL, 0x3ff7dbbef34e575cUL, 0xc004bc37859af13dUL, 0xfff0000000000000UL,
        0xbff1c2f2ec855b7dUL, 0xbfc0d8f1335acff2UL, 0x7ff0000000000000UL, 0x3b433f729e075e54UL, 0xc44d29ff32bbed6cUL,
        0x0000000000000000UL, 0x3ff4941ec8d5c158UL, 0x40013a6d3474cab2UL, 0x3ff6f65be9ba2e20UL, 0x0000000000000000UL];

    private static readonly ulong[] F64B =
        [0x7ff8000000000000UL, 0x3fd4e54a62334900UL, 0xbe7ed6907b69aa96UL, 0xc2ba1b1f4ac777f1UL, 0x3ff7a665523c3d28UL,
        0xc2dde1cc5988eb0eUL, 0xbffa392fa9e0fb2dUL, 0x0000000000000000UL, 0x44e52c6d44fa2301UL, 0xbfd1e7f15eadc27fUL,
        0xbfc0652f5fa6e140UL, 0x7ff8000000000000UL, 0x7ff0000000000000UL, 0xbffd545025e18b5aUL, 0x3fe3c251e258646cUL,
        0xc502d7bd9a46575bUL, 0x8000000000000000UL, 0x8000000000000000UL, 0x3b4bb93a15db39abUL, 0x43fba3f72b803204UL,
        0x41a90efdbdd0c9bdUL, 0x4001e69887c11c22UL, 0xbe92a6ef96b0e370UL, 0xc05a311f8f43f6d7UL, 0xbeab09e78f61f142UL,
        0xbd883c2b969983b7UL, 0x42c119f125e26909UL, 0x400299a2fba402a8UL, 0x7ff0000000000000UL, 0x3fef3c192bc36d70UL,
        0xbfe058fffcb4d120UL, 0xfff0000000000000UL, 0xc007831d4d841f21UL, 0xbff58ddbca329684UL, 0x8000000000000000UL,
        0x7ff0000000000000UL, 0x3ff5eab95157ce4cUL, 0xbff8a6361ad6f8dbUL, 0x7ff0000000000000UL, 0xb9fbfac6f567dea8UL,
        0xfff0000000000000UL, 0xbffc1f50fc4aa446UL, 0x3adcecfbc0dbe764UL, 0xfff0000000000000UL, 0x3b7166986b70b522UL,
        0xbfe1f4dc4abeffd0UL, 0xfff0000000000000UL, 0xc27da48b3b3e81ecUL, 0xbf9f82a20ab7043bUL, 0x424ca6305481c192UL,
        0x8000000000000000UL, 0xc25d95c66de8883cUL, 0xbb65a37d4f225772UL, 0x3fb594462cf49f4fUL, 0x4079338df4bba6d3UL,
        0x3ffbaaa971716f58UL, 0xc29afc492adcf872UL, 0x4006ffdef9af9df4UL, 0xc537e27bdfca3063UL, 0x4005c372492d78c6UL,
        0x7ff8000000000000UL, 0x3a16d268ba8a405cUL, 0x3fd5a54cfbcee390UL, 0xbfc624cf67a02ae0UL, 0x400355e55e29d238UL,
        0xc5a70b8960187503UL, 0xc0042fbb534129f6UL, 0xbb3909b9684e4a0dUL, 0xc5287031f5e83cacUL, 0xc4827ab239d4f0baUL,
        0x3fea90b545376990UL, 0x3ffc4f2330103f04UL, 0x3e2b3ce052ceacdeUL, 0xbc4c0dd8e54f547eUL, 0x3b110790366724a7UL,
        0x3e07f4e0b9744cbaUL, 0x3ff550635910ed9cUL, 0x3ff9eb3aec401444UL, 0xbffba8af4fc73e7cUL, 0xc6181f5f1f14143bUL];

    private static readonly ulong[] F64RowVector =
        [0xffffffffffffffffUL, 0x3e66f244745ba0feUL, 0xbff921fb7d4aedbbUL, 0x400921fb54442c78UL, 0xbff921fb54442d18UL,
        0xc00921fb54442d18UL, 0xffffffffffffffffUL, 0xbff921fb54442d18UL, 0xb7a052c79a525ab8UL, 0xbffb6630e8ab94baUL,
        0xc00921fb54442bebUL, 0xffffffffffffffffUL, 0x0000000000000000UL, 0x3ff921fb54442d18UL, 0xbfed1b1ec0c24b54UL,
        0xc00921fb54442d18UL, 0xbff921fb54442d18UL, 0x3ff921fb54442d18UL, 0x8000000000000000UL, 0x3bf7e6deb1cc1225UL,
        0x3ff91d37d39d6768UL, 0x0000000000000000UL, 0xbff921fb755f447eUL, 0xc00921fb54442d18UL, 0x3ff921fb54442d18UL,
        0x3ff921fb54445648UL, 0xbd32d1304e3cf216UL, 0xbfba362bc7a18928UL, 0x8000000000000000UL, 0xbff20851e7d6ffb4UL,
        0x4000cfec9693fea2UL, 0xc00921fb54442d18UL, 0xbff921fb54442d18UL, 0x400921fb544427b0UL, 0x3ff921fb54442d18UL,
        0x8000000000000000UL, 0x3ff91fbfd4ecb02fUL, 0x400921fb54442d18UL, 0x8000000000000000UL, 0x400921fb54442d18UL,
        0xffffffffffffffffUL, 0x3ff23061478499b5UL, 0xbff921fb54442d18UL, 0xc00921fb54442c74UL, 0xbff921fb53aa4a19UL,
        0x400921fb54442d18UL, 0xbff921fb54442d18UL, 0x3ff921fb54442d18UL, 0xb733d88466a371eeUL, 0xbff921fb54442d18UL,
        0x3ffac64e5b3ced7bUL, 0xffffffffffffffffUL, 0x8000000000000000UL, 0xc006e8897d2c79c2UL, 0xbff56e58d343556bUL,
        0xc00921fb54442d18UL, 0xbff921fb54442d18UL, 0x3ff921fb54442d18UL, 0xbff921fb54442d18UL, 0xbd6e52d4d271199eUL,
        0x3e47fc39d1dbf282UL, 0x3f1484fadcc0df70UL, 0xbff921fb54543901UL, 0x3ff921fb54442d18UL, 0xbff921fbb3f631a2UL,
        0x3ff921fb5444585dUL, 0xbff921fae6b340b7UL, 0x3fe23fa6b328495eUL, 0x8000000000000000UL, 0xbff921fb54442d18UL,
        0xc000044c81f4e57fUL, 0xc00921fb54442d18UL, 0x3ff921fb54442d18UL, 0x400921fb54442d18UL, 0xbff921fb54442d18UL,
        0x0000000000000000UL, 0x3fe82014460e3ee4UL, 0x400188bcbcde9e09UL, 0x0000000000000000UL, 0x400921fb54442d18UL];

    private static readonly ulong[] F64ColumnVector =
        [0xffffffffffffffffUL, 0xffffffffffffffffUL, 0xffffffffffffffffUL, 0xffffffffffffffffUL, 0xffffffffffffffffUL,
        0xffffffffffffffffUL, 0xffffffffffffffffUL, 0xffffffffffffffffUL, 0xffffffffffffffffUL, 0xffffffffffffffffUL,
        0xffffffffffffffffUL, 0xffffffffffffffffUL, 0xffffffffffffffffUL, 0xffffffffffffffffUL, 0xffffffffffffffffUL,
        0xffffffffffffffffUL, 0xffffffffffffffffUL, 0xffffffffffffffffUL, 0xffffffffffffffffUL, 0xffffffffffffffffUL,
        0xffffffffffffffffUL, 0xffffffffffffffffUL, 0xffffffffffffffffUL, 0xffffffffffffffffUL, 0xffffffffffffffffUL,
        0xffffffffffffffffUL, 0xffffffffffffffffUL, 0xffffffffffffffffUL, 0xffffffffffffffffUL, 0xffffffffffffffffUL,
        0xffffffffffffffffUL, 0xffffffffffffffffUL, 0x7ff8000000000000UL, 0x7ff8000000000000UL, 0x7ff8000000000000UL,
        0x7ff8000000000000UL, 0x7ff8000000000000UL, 0x7ff8000000000000UL, 0x7ff8000000000000UL, 0x7ff8000000000000UL,
        0x400921fb54442d18UL, 0x400921fb54442d18UL, 0xc00921fb54442d18UL, 0xc00921fb54442d18UL, 0xc00921fb54442d18UL,
        0x400921fb54442d18UL, 0xc00921fb54442d18UL, 0x400921fb54442d18UL, 0xc00921fb54442d18UL, 0xc00921fb54442d18UL,
        0x400921fb54442d18UL, 0xc00921fb54442d18UL, 0xc00921fb54442d18UL, 0xc00921fb54442d18UL, 0xc00921fb54442d18UL,
        0xc00921fb54442d18UL, 0xc00921fb54442d18UL, 0x4002d97c7f3321d2UL, 0xc00921fb54442d18UL, 0xc00921fb54442d18UL,
        0x400921fb54442d18UL, 0x400921fb54442d18UL, 0xc00921fb54442d18UL, 0x400921fb54442d18UL, 0xc00921fb54442d18UL,
        0x400921fb54442d18UL, 0xc00921fb54442d18UL, 0x400921fb54442d18UL, 0xc00921fb54442d18UL, 0xc002d97c7f3321d2UL,
        0xc00921fb54442d18UL, 0xc00921fb54442d18UL, 0x4002d97c7f3321d2UL, 0x400921fb54442d18UL, 0xc00921fb54442d18UL,
        0x400921fb54442d18UL, 0x400921fb54442d18UL, 0x400921fb54442d18UL, 0x400921fb54442d18UL, 0x400921fb54442d18UL];

    private static readonly ulong[] F64RowVectorFirst =
        [0xffffffffffffffffUL, 0x3ff921fb48cb0adeUL, 0xc00921fb3fc0ccc7UL, 0xbff921fb54442bd7UL, 0x400921fb54442d18UL,
        0xbff921fb54442d18UL, 0xffffffffffffffffUL, 0x400921fb54442d18UL, 0x3ff921fb54442d18UL, 0xc007ffe08a107947UL,
        0xbff921fb54442f72UL, 0xffffffffffffffffUL, 0x3ff921fb54442d18UL, 0x8000000000000000UL, 0x4003d7c55a52a961UL,
        0xbff921fb54442d18UL, 0xc00921fb54442d18UL, 0x8000000000000000UL, 0x3ff921fb54442d18UL, 0x3ff921fb54442d18UL,
        0x3f530e029b16c02dUL, 0x3ff921fb54442d18UL, 0xc00921fb43b6a165UL, 0xbff921fb54442d18UL, 0x8000000000000000UL,
        0xbd8497b5a5cf1454UL, 0x3ff921fb54442e45UL, 0x3ffac55e10be45abUL, 0x3ff921fb54442d18UL, 0x400595269e0d9666UL,
        0xbfe0fbbbb1c7a056UL, 0xbff921fb54442d18UL, 0xc00921fb54442d18UL, 0xbff921fb54442248UL, 0x8000000000000000UL,
        0x3ff921fb54442d18UL, 0x3f41dbfabbe74890UL, 0xbff921fb54442d18UL, 0x3ff921fb54442d18UL, 0xbff921fb54442d18UL,
        0xffffffffffffffffUL, 0x3fdbc66832fe4d8eUL, 0xc00921fb54442d18UL, 0xbff921fb54442e62UL, 0x400921fb53f73b99UL,
        0xbff921fb54442d18UL, 0xc00921fb54442d18UL, 0x0000000000000000UL, 0x3ff921fb54442d18UL, 0xc00921fb54442d18UL,
        0xbfba45306f8c0632UL, 0xffffffffffffffffUL, 0x3ff921fb54442d18UL, 0xbffd94df027393c5UL, 0x4007482a13c3c141UL,
        0xbff921fb54442d18UL, 0xc00921fb54442d18UL, 0x8000000000000000UL, 0x400921fb54442d18UL, 0x3ff921fb54443c42UL,
        0x3ff921fb5144a5deUL, 0x3ff921a94058ba15UL, 0xc00921fb543c2724UL, 0xba993ce4e626fba6UL, 0xc00921fb246b2ad3UL,
        0xbd85a224cfb6e510UL, 0x400921fb1d7bb6e7UL, 0x3ff00227fab00869UL, 0x3ff921fb54442d18UL, 0x400921fb54442d18UL,
        0xc005aeac7c715e26UL, 0xbff921fb54442d18UL, 0x8000000000000000UL, 0xbff921fb54442d18UL, 0xc00921fb54442d18UL,
        0x3ff921fb54442d18UL, 0x3fea23e2627a1b4dUL, 0xbfe3defc4af21df2UL, 0x3ff921fb54442d18UL, 0xbff921fb54442d18UL];

    private static readonly ulong[] F64ColumnVectorFirst =
        [0xffffffffffffffffUL, 0x3fe5000614da4313UL, 0x3ff921fbcee9a382UL, 0x400921fb54442d05UL, 0x3fc591393512c083UL,
        0x400921fb54442d14UL, 0x4007ea387cf93683UL, 0x3ff921fb54442d18UL, 0x3ad852034d6d2213UL, 0x400346a6320236e6UL,
        0x400055e9f931ec14UL, 0xffffffffffffffffUL, 0x0000000000000000UL, 0x40080ace0fed2c12UL, 0x3fd8bfc84a4a460bUL,
        0x400921fb54442d18UL, 0x3ff921fb54442d18UL, 0x3ff921fb54442d18UL, 0x3ff921fb54442d18UL, 0x3bc2a155aad402ddUL,
        0x3e148cbf4dc4e560UL, 0x3fbca58b4e56068bUL, 0x3ff921fc7cfdbe51UL, 0x40091d110d9cbc32UL, 0x3ff921feb08cf63fUL,
        0x3ff921fb5444edddUL, 0x3cfe1c9077843b3eUL, 0x3fbb93f7a0693b51UL, 0x0000000000000000UL, 0x3fd022b58d1b83a1UL,
        0x40057946a9e3b7f2UL, 0x400921fb54442d18UL, 0x400873324ffe7491UL, 0x4007a813491a3142UL, 0x3ff921fb54442d18UL,
        0x0000000000000000UL, 0x3fc73ca06f12c11dUL, 0x4007d6a597f742f9UL, 0x0000000000000000UL, 0x3ff921fb54442d18UL,
        0x400921fb54442d18UL, 0x400776bdd634326cUL, 0x3ff921fb54442d18UL, 0x400921fb54442d18UL, 0x3ff921fb54442d18UL,
        0x400472d80d4a295fUL, 0x400921fb54442d18UL, 0x400921fb54442b7dUL, 0x3ffa73f55e2fbcb5UL, 0x3d7a993363316599UL,
        0x3ff921fb54442d18UL, 0x400921fb544426a8UL, 0x3ff921fb54442d18UL, 0x3ff591738e50a086UL, 0x3f4e3cc32153d6ffUL,
        0x3fcb211ddf592504UL, 0x400921fb54442ca7UL, 0x3fc079799d1bf3ecUL, 0x400921fb54442d18UL, 0x3fc16623e0a9aeedUL,
        0xffffffffffffffffUL, 0x3ff921fb54442d18UL, 0x3feaa849d0c8025dUL, 0x40000c4f4799a218UL, 0x3fc38d40a3aec9dcUL,
        0x400921fb54442d18UL, 0x4007f62603c1a5e8UL, 0x3ff921fb54442d18UL, 0x400921fb54442d18UL, 0x400921fb54442d18UL,
        0x3fdaf787970b99aaUL, 0x3fca88056844a451UL, 0x3ff921fb51fa8bb4UL, 0x3ff921fb54442d18UL, 0x3ff921fb54442d18UL,
        0x3ff921fb53c367e0UL, 0x3fd16e8dbcd063c6UL, 0x3fcce629fa343ccbUL, 0x40076fcb5b18c201UL, 0x400921fb54442d18UL];

    private static readonly ulong[] F64Outer =
        [0xffffffffffffffffUL, 0x3fe5000614da4313UL, 0x3ff921fbcee9a382UL, 0x400921fb54442d05UL, 0x3fc591393512c083UL,
        0x400921fb54442d14UL, 0x4007ea387cf93683UL, 0x3ff921fb54442d18UL, 0x3ad852034d6d2213UL, 0x400346a6320236e6UL,
        0x400055e9f931ec14UL, 0xffffffffffffffffUL, 0x0000000000000000UL, 0x40080ace0fed2c12UL, 0x3fd8bfc84a4a460bUL,
        0x400921fb54442d18UL, 0x3ff921fb54442d18UL, 0x3ff921fb54442d18UL, 0x3ff921fb54442d18UL, 0x3bc2a155aad402ddUL,
        0x3e148cbf4dc4e560UL, 0x3fbca58b4e56068bUL, 0x3ff921fc7cfdbe51UL, 0x40091d110d9cbc32UL, 0x3ff921feb08cf63fUL,
        0x3ff921fb5444edddUL, 0x3cfe1c9077843b3eUL, 0x3fbb93f7a0693b51UL, 0x0000000000000000UL, 0x3fd022b58d1b83a1UL,
        0x40057946a9e3b7f2UL, 0x400921fb54442d18UL, 0x400873324ffe7491UL, 0x4007a813491a3142UL, 0x3ff921fb54442d18UL,
        0x0000000000000000UL, 0x3fc73ca06f12c11dUL, 0x4007d6a597f742f9UL, 0x0000000000000000UL, 0x3ff921fb54442d18UL,
        0xffffffffffffffffUL, 0x3feb37cf349bc882UL, 0x3ff921fba7257653UL, 0x400921fb54442cfbUL, 0x3fcf90a8c09d95d1UL,
        0x400921fb54442d12UL, 0x400758c9cd76e9e0UL, 0x3ff921fb54442d18UL, 0x3ae1fea51ab01c6dUL, 0x4001b96a9b409375UL,
        0x3ffe6ff87d287d88UL, 0xffffffffffffffffUL, 0x0000000000000000UL, 0x400787d928031a53UL, 0x3fe15ab345b44361UL,
        0x400921fb54442d18UL, 0x3ff921fb54442d18UL, 0x3ff921fb54442d18UL, 0x3ff921fb54442d18UL, 0x3bcb91b05ffbac98UL,
        0x3e1e68e25d1f6f37UL, 0x3fc51777a5f93313UL, 0x3ff921fc1cc84bb6UL, 0x40091ab5544f1d76UL, 0x3ff921fd999da48dUL,
        0x3ff921fb5444af5dUL, 0x3d064796ca1b49afUL, 0x3fc44fe639f08790UL, 0x0000000000000000UL, 0x3fd74ef07e5fd7faUL,
        0x400418c7f4281b25UL, 0x400921fb54442d18UL, 0x40082013684f8bd8UL, 0x4006fa14289cba40UL, 0x3ff921fb54442d18UL,
        0x0000000000000000UL, 0x3fd0f98d3693c21bUL, 0x40073ca450703794UL, 0x0000000000000000UL, 0x3ff921fb54442d18UL];

    private static readonly ulong[] F64ScalarSecond =
        [0x400346a6320236e6UL, 0x400921fb4d9269d1UL, 0xbffed57f5321ad21UL, 0x3ffb4dd185af89c6UL, 0xbff921fb54442d18UL,
        0xc00921fb54442d18UL, 0xffffffffffffffffUL, 0xbffb388e1ec2792bUL, 0xc00921fb54442d18UL, 0xbffb6630e8ab94baUL,
        0xc00921fb54442c8eUL, 0x400921fb54442d18UL, 0x400921fb54442d18UL, 0x3ff921fb54442d18UL, 0xbffe8e5470a969a5UL,
        0xbffd146d33fec321UL, 0xbff921fb54f4384dUL, 0x4007c3092b36ce3aUL, 0xc00921fb54442d18UL, 0x3ffadc5090a0882cUL,
        0x3ff921fb54444854UL, 0x400921fb54442d18UL, 0xbffb1be6307ca97cUL, 0xc00921fb54442d18UL, 0x3ff921fb54442d18UL,
        0x3ffcddfc00a45f65UL, 0xbffae7f24c07c0f1UL, 0xc0037a9ba1163ad9UL, 0xbff921fb54442d18UL, 0xbffb4cb35a8380aeUL,
        0x3ffe1bce628c48adUL, 0xc00921fb54442d18UL, 0xbff921fb54442d18UL, 0x400921fb54441310UL, 0x400921fb54442d18UL,
        0xbff9221d298fbb12UL, 0x3ff922700e9b0a20UL, 0x400921fb54442d18UL, 0xbfff5e8ff027a5b6UL, 0x400921fb54442d18UL,
        0x4001b96a9b409375UL, 0x3fff2e716a9a2f69UL, 0xbff921fb54442d18UL, 0xbffb40e12fc74d53UL, 0xbff921fb54614dd8UL,
        0x400921fb54442ccaUL, 0xbff921fb54442d18UL, 0x400921fb54442d18UL, 0xc00921fb54442d18UL, 0xbff921fb54442d18UL,
        0x3ffcac3efda688e8UL, 0xbffd88f673c206e3UL, 0xbff921fb54442d18UL, 0xc0007e9d4e872c6bUL, 0xbffad58b12b83e3aUL,
        0xc00555abc14fb2c2UL, 0xbff921fb54442d18UL, 0x3ff921fb54442d18UL, 0xbff921fb54442d19UL, 0xbff921fb5700377eUL,
        0x3ffb07cd42f32c0cUL, 0x400920b31d4bdc24UL, 0xbff922f1cdd2e3abUL, 0x3ff921fb54442d18UL, 0xbffb1a668cdb06c6UL,
        0x3ffd0c7016fc815eUL, 0xbff921fb54442d18UL, 0x3ffc19aca8380301UL, 0xbffada6ac62ff7e3UL, 0xbff921fb54442d18UL,
        0xbffd15407484e207UL, 0xc0059d6ead3abe7fUL, 0x3ff921fb54442d18UL, 0x400921fb54442d18UL, 0xbff921fb54442d18UL,
        0x400921fb54442d18UL, 0x3ffc8f534762b9f3UL, 0x3ffb3329384a6c66UL, 0x3ffc369af52c6ae5UL, 0x400921fb54442d18UL];

    private static readonly ulong[] F64ScalarFirst =
        [0xbfead6a21f808169UL, 0xbff921fb46e0a689UL, 0xc006483954d56d14UL, 0xbfc15eb18b5ae570UL, 0xc00921fb54442d18UL,
        0xbff921fb54442d18UL, 0xffffffffffffffffUL, 0xc00816b1ef05070fUL, 0xbff921fb54442d19UL, 0xc007ffe08a107947UL,
        0xbff921fb54442e2cUL, 0xbff921fb54442d18UL, 0xbff921fb54442d18UL, 0x8000000000000000UL, 0xc0066bcec6118ed2UL,
        0xc00728c26466e214UL, 0xc00921fb53ec277eUL, 0xbff6641702296f5bUL, 0xbff921fb54442d18UL, 0xbfbba553c5c5b13fUL,
        0xbd7b3b560e508f73UL, 0xbff921fb54442d18UL, 0xc0082505e627eee7UL, 0xbff921fb54442d18UL, 0x8000000000000000UL,
        0xbfcde0056301926aUL, 0xc0083effd862632cUL, 0xc002385d5d5008ccUL, 0xc00921fb54442d18UL, 0xc0080c9f5124834dUL,
        0xbfd3e74c39206e55UL, 0xbff921fb54442d18UL, 0xc00921fb54442d18UL, 0xbff921fb5443f908UL, 0xbff921fb54442d18UL,
        0xc00921ea699e661bUL, 0xbf1d2e95b741e799UL, 0xbff921fb54442d18UL, 0xc00603b1065270c9UL, 0xbff921fb54442d18UL,
        0xbfe4a1b3c479f3a4UL, 0xbfd831d859580942UL, 0xc00921fb54442d18UL, 0xc008128866829cfbUL, 0xc00921fb54359cb9UL,
        0xbff921fb54442c7cUL, 0xc00921fb54442d18UL, 0xbff921fb54442d18UL, 0xbff921fb54442d18UL, 0xc00921fb54442d18UL,
        0xbfcc521d4b12de80UL, 0xc006ee7dc4854033UL, 0xc00921fb54442d18UL, 0xc005345bafdf1739UL, 0xc0084833750a2487UL,
        0xc0005d4d3d1690e2UL, 0xc00921fb54442d18UL, 0x8000000000000000UL, 0xc00921fb54442d18UL, 0xc00921fb52e627e5UL,
        0xbfbe5d1eeaefef3dUL, 0xbff91f6ae6538b2fUL, 0xc0092180177cd1cfUL, 0xba1140f9e3c9e718UL, 0xc00825c5b7f8c041UL,
        0xbfcf53a615c2a232UL, 0xc00921fb54442d18UL, 0xbfc7bd8a9f9eaf44UL, 0xc00845c39b4e47b3UL, 0xc00921fb54442d18UL,
        0xc0072858c423d2a1UL, 0xc000158a512b8526UL, 0x8000000000000000UL, 0xbff921fb54442d18UL, 0xc00921fb54442d18UL,
        0xbff921fb54442d18UL, 0xbfcb6abf98f466d7UL, 0xbfc0896f2031fa6dUL, 0xbfc8a4fd0741ee63UL, 0xbff921fb54442d18UL];

    private static readonly ulong[] F64TransposedFirst =
        [0x7ff8000000000000UL, 0xbff2938d2a54851eUL, 0xbff921fb54442d18UL, 0x7ff8000000000000UL, 0xbc8d3a6bd2012c22UL,
        0xc00921fb54442d18UL, 0x400921fb54442d18UL, 0xbff921fb54442d18UL, 0xbca3ad26a528f812UL, 0xc00921fb54442d18UL,
        0x3ff921fb54443990UL, 0x7ff8000000000000UL, 0x3fe921fb54442d18UL, 0xc0019b4274f61396UL, 0xbff921fb54442d18UL,
        0x400921fb54442d18UL, 0xbff921fb54442d18UL, 0x3ff921fb54442d18UL, 0x3ff921fb54442d18UL, 0xbbd93b1ca336e44cUL,
        0x3e1e68e25d1f6f37UL, 0xbff921fb54442d18UL, 0xbff921fb54442d1aUL, 0xbff921fb54442d1cUL, 0xc00921fb54442553UL,
        0x3ff921fb54445410UL, 0xbff921fb54442ce1UL, 0xbfeb0bd3f230c8d4UL, 0x8000000000000000UL, 0xbff921fb54442d17UL,
        0x3ffc8f9034926ecfUL, 0xc00921fb54442d18UL, 0xc003e349881bcf96UL, 0xbff921fb54442d18UL, 0xbff921fb54442d18UL,
        0x8000000000000000UL, 0x3ff921fb54442d18UL, 0xbff921fb54442d18UL, 0x0000000000000000UL, 0x3ff921fb54442d18UL,
        0x400921fb54442d18UL, 0x40023d02e31728c6UL, 0x8000000000000000UL, 0xc00921fb54442d18UL, 0xbff921fb54442d18UL,
        0x400921fb54442d18UL, 0x4002d97c7f3321d2UL, 0xc00921fb5444284cUL, 0x4001187356ebf7f0UL, 0x3da70f6f8de19437UL,
        0x400921fb54442d18UL, 0xc00921fb54442d18UL, 0x3ff921fb54442d18UL, 0xbff3b48f58235080UL, 0xbf74db6354ed8b27UL,
        0xba91237aaacd5198UL, 0x400921fb54442d18UL, 0xbff9209fabe0d4d8UL, 0x400921fb54442d18UL, 0x0000000000000000UL,
        0x7ff8000000000000UL, 0xbff921fb54442d18UL, 0x3d20313ba1219c89UL, 0x400921fb54442d18UL, 0xbff921fb54442d18UL,
        0xc00921fb54442d18UL, 0xc0077f3c65033927UL, 0xbff921fb54442d18UL, 0x3ff921fb54442d18UL, 0xc00921fb54442d13UL,
        0x3f2ba758a268231bUL, 0x3ff921fb54442d18UL, 0x3ff921fb5381aa78UL, 0x3ff921fb54442d18UL, 0xbff921fb54442d18UL,
        0xbff921fb52d826d1UL, 0x3b3ce5ded15b74f9UL, 0x0000000000000000UL, 0x4001fa40fcb0775fUL, 0x400921fb54442d18UL];

    private static readonly ulong[] F64TransposedBoth =
        [0xffffffffffffffffUL, 0xbff921fb7d4aedbbUL, 0xbff921fb54442d18UL, 0xffffffffffffffffUL, 0xb7a052c79a525ab8UL,
        0xc00921fb54442bebUL, 0x0000000000000000UL, 0xbfed1b1ec0c24b54UL, 0xbff921fb54442d18UL, 0x8000000000000000UL,
        0x3ff91d37d39d6768UL, 0xbff921fb755f447eUL, 0x3ff921fb54442d18UL, 0xbd32d1304e3cf216UL, 0x8000000000000000UL,
        0x4000cfec9693fea2UL, 0xbff921fb54442d18UL, 0x3ff921fb54442d18UL, 0x3ff91fbfd4ecb02fUL, 0x8000000000000000UL,
        0x400921fb54442d18UL, 0xbff921fb54442d18UL, 0xbff921fb54442d18UL, 0xc00921fb54442d18UL, 0xc00921fb54442d18UL,
        0x3ff921fb54442d18UL, 0xbff921fb54442d18UL, 0xbf7aa0211747c249UL, 0xbff921fb54442d1cUL, 0xc00921fb54409daeUL,
        0xffffffffffffffffUL, 0xbff920d160c3eb7cUL, 0xbfe80fe86865ccc4UL, 0xbff921fb54442d18UL, 0xc00921fb54442d18UL,
        0xbfedb7c7d997f7a3UL, 0x3ff921fb54442d18UL, 0xbff921fb54442d18UL, 0x3fe8922fc9558073UL, 0x400396f480eb3e53UL,
        0x3e66f244745ba0feUL, 0x400921fb54442c78UL, 0xc00921fb54442d18UL, 0xbff921fb54442d18UL, 0xbffb6630e8ab94baUL,
        0xffffffffffffffffUL, 0x3ff921fb54442d18UL, 0xc00921fb54442d18UL, 0x3ff921fb54442d18UL, 0x3bf7e6deb1cc1225UL,
        0x0000000000000000UL, 0xc00921fb54442d18UL, 0x3ff921fb54445648UL, 0xbfba362bc7a18928UL, 0xbff20851e7d6ffb4UL,
        0xc00921fb54442d18UL, 0x400921fb544427b0UL, 0x8000000000000000UL, 0x400921fb54442d18UL, 0x400921fb54442d18UL,
        0x400615460c06a5b7UL, 0xc00921fb54442d18UL, 0x400921fb54442cf1UL, 0x400921fb54442d18UL, 0xbff921fb54442d18UL,
        0xc00921fb54441bf1UL, 0xbff693bdc62b13d8UL, 0xbfb53d89cf80cd75UL, 0x3ff921fb54442d18UL, 0xbff921fb39ad6450UL,
        0x3ff921fb54442d18UL, 0x3ff921fb54442d18UL, 0x400921fb54442d18UL, 0x3ff921fb54442d18UL, 0xbff921fb54442d18UL,
        0xbfb30249ed23621aUL, 0x400921f5d7237836UL, 0x0000000000000000UL, 0x3feda0c558ab2b83UL, 0x400921fb54442d18UL];

    private static readonly ulong[] F64SlicedRows =
        [0xffffffffffffffffUL, 0x3e66f244745ba0feUL, 0xbff921fb7d4aedbbUL, 0x400921fb54442c78UL, 0xbff921fb54442d18UL,
        0xc00921fb54442d18UL, 0xffffffffffffffffUL, 0xbff921fb54442d18UL, 0xb7a052c79a525ab8UL, 0xbffb6630e8ab94baUL,
        0xc00921fb54442bebUL, 0xffffffffffffffffUL, 0x0000000000000000UL, 0x3ff921fb54442d18UL, 0xbfed1b1ec0c24b54UL,
        0xc00921fb54442d18UL, 0xbff921fb54442d18UL, 0x3ff921fb54442d18UL, 0x8000000000000000UL, 0x3bf7e6deb1cc1225UL,
        0x3ff91d37d39d6768UL, 0x0000000000000000UL, 0xbff921fb755f447eUL, 0xc00921fb54442d18UL, 0x3ff921fb54442d18UL,
        0x3ff921fb54445648UL, 0xbd32d1304e3cf216UL, 0xbfba362bc7a18928UL, 0x8000000000000000UL, 0xbff20851e7d6ffb4UL,
        0x4000cfec9693fea2UL, 0xc00921fb54442d18UL, 0xbff921fb54442d18UL, 0x400921fb544427b0UL, 0x3ff921fb54442d18UL,
        0x8000000000000000UL, 0x400921fb54442d18UL, 0x400615460c06a5b7UL, 0xbff921fb54442d18UL, 0xc00921fb54442d18UL,
        0xbff921fb54442d18UL, 0x400921fb54442cf1UL, 0xc00921fb54442d18UL, 0x400921fb54442d18UL, 0xc00921fb54442d18UL,
        0xbff921fb54442d18UL, 0x3ff921fb54442d18UL, 0xc00921fb54441bf1UL, 0xbff921fb54442d18UL, 0xbff693bdc62b13d8UL,
        0xbf7aa0211747c249UL, 0xbfb53d89cf80cd75UL, 0xbff921fb54442d1cUL, 0x3ff921fb54442d18UL, 0xc00921fb54409daeUL,
        0xbff921fb39ad6450UL, 0xffffffffffffffffUL, 0x3ff921fb54442d18UL, 0xbff920d160c3eb7cUL, 0x3ff921fb54442d18UL,
        0xbfe80fe86865ccc4UL, 0x400921fb54442d18UL, 0xbff921fb54442d18UL, 0x3ff921fb54442d18UL, 0xc00921fb54442d18UL,
        0xbff921fb54442d18UL, 0xbfedb7c7d997f7a3UL, 0xbfb30249ed23621aUL, 0x3ff921fb54442d18UL, 0x400921f5d7237836UL,
        0xbff921fb54442d18UL, 0x0000000000000000UL];

    private static readonly ulong[] F64IntTransposed =
        [0x7ff8000000000000UL, 0xbff8feca38294681UL, 0xbff921fb551f7838UL, 0xc00921fb544422adUL, 0xbff864ea910ea16fUL,
        0xc00921fb54442b16UL, 0xbffa1177138c1a2bUL, 0xbff921fb54442d18UL, 0xbb4222c67c3f197bUL, 0xbff95611b780e715UL,
        0xbff93c36bbc295cfUL, 0x7ff8000000000000UL, 0x8000000000000000UL, 0xbffb374194e2154cUL, 0xbff84f677612ad43UL,
        0xc00921fb54442d18UL, 0xbff921fb54442d18UL, 0xbff921fb54442d18UL, 0xbff921fb54442d18UL, 0xbbf286075d5b9e83UL,
        0x0000000000000000UL, 0x3fe7572627197a6eUL, 0x3ff921fb66eb1cafUL, 0x4008acd24e441c2cUL, 0x3ff921fb6f4e14a8UL,
        0x3ff921fb544431f1UL, 0x3d567452a72117d1UL, 0x3ff67fe66d56919bUL, 0x0000000000000000UL, 0x3ff84415d2754039UL,
        0x3ff98a9581891d60UL, 0x400921fb54442d18UL, 0x3ffb1516f0ac72ceUL, 0x3ff9f604796b2d6eUL, 0x3ff921fb54442d18UL,
        0x0000000000000000UL, 0x3ff872c0ec89b85cUL, 0x3ff9db7308706c09UL, 0x0000000000000000UL, 0x3ff921fb54442d18UL,
        0xc00921fb54442d18UL, 0xbff9e46965b667cdUL, 0xbff921fb54442d18UL, 0xc00921fb54442d18UL, 0xbff921fb54442d18UL,
        0xbff9713a6386728eUL, 0xc00921fb54442d18UL, 0xc00921fb5443c125UL, 0xbff927763894bf74UL, 0xbdd774c7be874409UL,
        0xbff921fb54442d18UL, 0xc00921fb544306e4UL, 0xbff921fb54442d18UL, 0xbff9076c515dbcacUL, 0xbf9bed946d36f41dUL,
        0xbff6187e5c566604UL, 0xc00921fb544424cbUL, 0xbff0c8965ae0d62eUL, 0xc00921fb54442d18UL, 0xbfd68b61c32ccc3fUL,
        0x7ff8000000000000UL, 0x3ff921fb54442d18UL, 0x3ff80d56902f0f15UL, 0x3ff987309da6f1c1UL, 0x3ff4ef5c01dfa2a7UL,
        0x400921fb54442d18UL, 0x3ffc3340bc945873UL, 0x3ff921fb54442d18UL, 0x400921fb54442d18UL, 0x400921fb54442d18UL,
        0x3ff88024f78a0a15UL, 0x3ff7e78217973640UL, 0x3ff921fb543b75c6UL, 0x3ff921fb54442d18UL, 0x3ff921fb54442d18UL,
        0x3ff921fb5442a16dUL, 0x3ff87cb9f4623aa1UL, 0x3ff86489f85f8ec2UL, 0x3ff9e13669c58059UL, 0x400921fb54442d18UL];

    private static readonly int[] F64PiecesRowIndex = [28, 153, 183, 216, 253, 328, 380, 572, 17184, 17209, 17213, 17217, 17240, 17377, 17378, 17600];

    private static readonly ulong[] F64PiecesRowOut =
        [0x3ff49cfca1d73cf1UL, 0x3fee5ed2709a210aUL, 0xbffc63aead5cc5bbUL, 0x3fb81e0c28729d0cUL, 0x3fb2f632e2ccfb4cUL,
        0xbfe8d27345139a5fUL, 0xbff652e8a44363a6UL, 0x3ffc2cc6d0b9ad87UL, 0xbffb774503b60b7eUL, 0xbffba2c4f11a809aUL,
        0x400183129741a8bcUL, 0xbfefef085d7ba6beUL, 0x3fe1f9bdeb15ec3fUL, 0xbfd415e00900d5b1UL, 0xbfedef74f4f5c8f9UL,
        0xc004201678860d2cUL];

    private static readonly int[] F64PiecesColumnIndex = [110, 114, 144, 189, 229, 305, 313, 329, 16848, 16853, 16871, 17008, 17068, 17109, 17168, 17181, 17303, 17351, 17450];

    private static readonly ulong[] F64PiecesColumnOut =
        [0xbffe8384aef0730eUL, 0x3ff05624ebbcdb0dUL, 0xbfe93b089e37f75fUL, 0x3feba8972226bb46UL, 0xbfd621d922d9458bUL,
        0xbfef8584746377fbUL, 0x3fea603d0e9a4037UL, 0xbfea9764a1e4eb5fUL, 0xbfeb0603ce898374UL, 0x3ff2e71e9db26d9eUL,
        0xbfd2f81d297ff671UL, 0xbfea057a9342d3c1UL, 0xbfb217fd0846cd86UL, 0xbff3d6db2c5fdf5dUL, 0xbfe868ac8b586847UL,
        0xbff14879fd4466e3UL, 0xbfe4275953115b7aUL, 0x3feba0af3613b7ccUL, 0x3ff006132e34d617UL];

    private static Tensor F32(uint[] bits, int[] shape) => Tensor.FromArray(Array.ConvertAll(bits, BitConverter.UInt32BitsToSingle), shape);
    private static Tensor F64(ulong[] bits, int[] shape) => Tensor.FromArray(Array.ConvertAll(bits, BitConverter.UInt64BitsToDouble), shape);
    private static uint[] Bits32(Tensor t) => Array.ConvertAll(t.Contiguous().ToArray<float>(), BitConverter.SingleToUInt32Bits);
    private static ulong[] Bits64(Tensor t) => Array.ConvertAll(t.Contiguous().ToArray<double>(), BitConverter.DoubleToUInt64Bits);

    /// <summary>atan2 of the pattern named, over A and B of shape [2, 40] (B[0][scalar] the 0-dim operand).</summary>
    private static Tensor Pattern(Tensor a, Tensor b, int scalar, string pattern) => pattern switch
    {
        "RowVector" => a.Atan2(b[0]),
        "ColumnVector" => a.Atan2(b.Narrow(1, 0, 1)),
        "RowVectorFirst" => b[0].Atan2(a),
        "ColumnVectorFirst" => a.Narrow(1, 0, 1).Atan2(b),
        "Outer" => a.Narrow(1, 0, 1).Atan2(b.Narrow(0, 0, 1)),
        "ScalarSecond" => a.Atan2(b[0][scalar]),
        "ScalarFirst" => b[0][scalar].Atan2(a),
        "TransposedFirst" => a.Reshape([40, 2]).T.Atan2(b),
        "TransposedBoth" => a.Reshape([40, 2]).T.Atan2(b.Reshape([40, 2]).T),
        "SlicedRows" => a.Narrow(1, 0, 36).Atan2(b.Narrow(1, 0, 36)),
        _ => Tensor.FromArray(Enumerable.Range(-40, 80).Select(i => (long)i).ToArray(), [40, 2]).T.Atan2(b),
    };

    public static TheoryData<string> Patterns => new(["RowVector", "ColumnVector", "RowVectorFirst", "ColumnVectorFirst", "Outer",
        "ScalarSecond", "ScalarFirst", "TransposedFirst", "TransposedBoth", "SlicedRows", "IntTransposed"]);

    [Theory]
    [MemberData(nameof(Patterns))]
    public void Float32MatchesPyTorchBitForBit(string pattern)
    {
        var expected = pattern switch
        {
            "RowVector" => F32RowVector, "ColumnVector" => F32ColumnVector, "RowVectorFirst" => F32RowVectorFirst,
            "ColumnVectorFirst" => F32ColumnVectorFirst, "Outer" => F32Outer, "ScalarSecond" => F32ScalarSecond,
            "ScalarFirst" => F32ScalarFirst, "TransposedFirst" => F32TransposedFirst, "TransposedBoth" => F32TransposedBoth,
            "SlicedRows" => F32SlicedRows, _ => F32IntTransposed,
        };
        Assert.Equal(expected, Bits32(Pattern(F32(F32A, [2, 40]), F32(F32B, [2, 40]), F32Scalar, pattern)));
    }

    [Theory]
    [MemberData(nameof(Patterns))]
    public void Float64MatchesPyTorchBitForBit(string pattern)
    {
        var expected = pattern switch
        {
            "RowVector" => F64RowVector, "ColumnVector" => F64ColumnVector, "RowVectorFirst" => F64RowVectorFirst,
            "ColumnVectorFirst" => F64ColumnVectorFirst, "Outer" => F64Outer, "ScalarSecond" => F64ScalarSecond,
            "ScalarFirst" => F64ScalarFirst, "TransposedFirst" => F64TransposedFirst, "TransposedBoth" => F64TransposedBoth,
            "SlicedRows" => F64SlicedRows, _ => F64IntTransposed,
        };
        Assert.Equal(expected, Bits64(Pattern(F64(F64A, [2, 40]), F64(F64B, [2, 40]), F64Scalar, pattern)));
    }

    /// <summary>((i·7919 mod 1000) − 500)/100 for i in [0, n), in the dtype.</summary>
    private static Tensor Formula(int n, DType dtype)
    {
        var v = new double[n];
        for (int i = 0; i < n; i++) v[i] = ((i * 7919L) % 1000 - 500) * 0.01;
        return Tensor.FromArray(v).To(dtype);
    }

    /// <summary>
    /// [301, 113]·3 against [113] − 0.3 or [301, 1] + 0.7: 34013 elements, so ATen cuts two pieces at 17007, inside row
    /// 150, and each piece's part of that row is split on its own. The indices checked are ones whose vector and scalar
    /// results differ, the first rows' and those either side of the cut.
    /// </summary>
    [Theory]
    [InlineData(DType.Float32, false)]
    [InlineData(DType.Float32, true)]
    [InlineData(DType.Float64, false)]
    [InlineData(DType.Float64, true)]
    public void LargeBroadcastsSplitEachPiecesRows(DType dtype, bool column) => ThreadsCollection.WithThreads(2, () =>
    {
        var a = Formula(301 * 113, dtype).Reshape([301, 113]) * 3.0;
        var b = column ? Formula(301, dtype).Reshape([301, 1]) + 0.7 : Formula(113, dtype) - 0.3;
        var y = a.Atan2(b).Reshape([-1]);
        if (dtype == DType.Float32)
        {
            var bits = Bits32(y);
            var (index, expected) = column ? (F32PiecesColumnIndex, F32PiecesColumnOut) : (F32PiecesRowIndex, F32PiecesRowOut);
            Assert.Equal(expected, Array.ConvertAll(index, i => bits[i]));
        }
        else
        {
            var bits = Bits64(y);
            var (index, expected) = column ? (F64PiecesColumnIndex, F64PiecesColumnOut) : (F64PiecesRowIndex, F64PiecesRowOut);
            Assert.Equal(expected, Array.ConvertAll(index, i => bits[i]));
        }
    });
}
