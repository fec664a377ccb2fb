using F = Sharpgrad.NN.Functional;

namespace Sharpgrad.Tests.NN;

/// <summary>
/// group_norm's output and gradients bit for bit as PyTorch 2.6 computes them on this CPU (ATen's group_norm kernels):
/// groups of 2 channels × 5 positions (one 32-byte vector of floats and two more) and of 8 channels × 3 (a whole vector
/// of γ-weighted channel sums), with and without γ/β. Inputs: SumBitsTests' hashed values (x·10 + 1; γ seed 5, β seed 9,
/// incoming gradient seed 3).
/// </summary>
public class GroupNormBitsTests
{
    private static readonly uint[] SmallY =
    [
        0x3f1dfc4b, 0xbddb116a, 0x3eae5c99, 0xbec46059, 0x3d83026e, 0xbf01b7d4, 0xbe0e2f14, 0xbebb7ebc,
        0x3ad960e7, 0xbe671ba3, 0x3ecd812b, 0x3da669f3, 0x3e8ee661, 0x3ef43244, 0x3e20972d, 0xbea62e76,
        0x3efce0c1, 0xbc43ae54, 0xbf048dd4, 0x3e99f390, 0xbedd14a2, 0xbea3e07a, 0xbec73b10, 0xbeea95a7,
        0xbeb1617e, 0x3e5c3d62, 0x3f11c05b, 0xbb7d8e3b, 0x3eb366e9, 0xbe6429d3, 0xbdc9dcb2, 0x3ec79b55,
        0xbecd04c8, 0x3db436e0, 0x3f13901d, 0xbe0d87ee, 0xbec5cef7, 0x3c780b5f, 0xbe6e954a, 0xbef655a5,
        0x3e0d2ca4, 0x3eafee30, 0x3c2f6865, 0x3e5da643, 0x3ed82aff, 0x3eb53725, 0xbe303fa9, 0xbf32bb67,
        0x3e1cac6c, 0xbebf00c2, 0xbeac93ea, 0xbed2988f, 0xbef89d33, 0xbebb1974, 0xbee11e19, 0xbe8df351,
        0x3dd467e2, 0x3ef82743, 0xbe06e4fe, 0x3e7f3595,
    ];

    private static readonly uint[] SmallDx =
    [
        0xbd34b33f, 0x39538710, 0x3d393a2b, 0xbce24790, 0x3c8e85b8, 0x3cc29198, 0x3a18a99c, 0xbcb34743,
        0x3c6d09e1, 0xbc030f41, 0x3ca73d7a, 0xbc64fdcc, 0x3bee81ab, 0xbcbe912d, 0xbbbff290, 0xbd5c3342,
        0x3cd299be, 0xbcbfbd7e, 0x3d7566c5, 0x3be3ae23, 0xbac9daf6, 0x3badb653, 0x3a8ca7bc, 0xbb4ec4ed,
        0x3b719537, 0x3caca419, 0xbd09807c, 0xbb222f6f, 0x3d11ef2c, 0xbcd52ff5, 0x3c0d1d86, 0x3d6772f7,
        0xbcabec0e, 0x3cdc6b1c, 0xbd5960f5, 0xbbb52f31, 0xbd002b85, 0x3c2a45bf, 0xbc7bd0bd, 0x3cc33680,
        0x38115000, 0x3c14f4a2, 0xbbb6484b, 0x3b64fcb6, 0x3c4da282, 0x3cf2b9e6, 0xbd0d494b, 0x3d202d43,
        0x3ba851c9, 0xbd719c04, 0x3c9b0920, 0xbbf11656, 0xbc68a75a, 0x3c11974f, 0xbc8e830f, 0xbc83e85b,
        0x3b4d9364, 0x3cb74d34, 0xbc0f6a86, 0x3c2bcb0b,
    ];

    private static readonly uint[] SmallDw =
    [
        0x3d97ea35, 0x3db09fb3, 0x3f92b76f, 0x3a89ecc6, 0x3f76beef, 0x3f94bf9a,
    ];

    private static readonly uint[] SmallDb =
    [
        0xbeac8f4e, 0x3edf284c, 0xbf016b7a, 0x3e88e0a4, 0x3e3b799f, 0x3dca63f2,
    ];

    private static readonly uint[] SmallYNone =
    [
        0xbfcd68e0, 0x3ee9be8a, 0xbf514257, 0x3f9f3758, 0xbcf65d81, 0xbfa6ea45, 0x3f41dc7f, 0xbf04451e,
        0x3fc5b5f5, 0x3e8a949a, 0xbf7a4eb8, 0x3f95f5f8, 0xbe208dfd, 0xbfbe1978, 0x3f2a07b9, 0xbf2a07b7,
        0x3fbe1978, 0x3e208e04, 0xbf95f5f8, 0x3f7a4eb8, 0xbf1cfaf8, 0x3fbd4ad9, 0x3e3e5967, 0xbf8db47f,
        0x3f7c27ab, 0xbe9daf58, 0xbfcceb82, 0x3efb734f, 0xbf4d45b2, 0x3fa5257d, 0x3edd7fcf, 0xbf753119,
        0x3fa55de3, 0xbdc9a9c5, 0xbfbe931d, 0x3f42c6a6, 0xbf212a58, 0x3fcf6143, 0x3e6b461a, 0xbf948fbd,
        0x3f4a9ef8, 0xbf170656, 0x3fd297d0, 0x3e8714a3, 0xbf8f0d7c, 0x3f8f0d7c, 0xbe8714a6, 0xbfd297cf,
        0x3f170654, 0xbf4a9ef8, 0x3f948fbf, 0xbe6b4619, 0xbfcf6144, 0x3f212a5c, 0xbf42c6a7, 0x3fbe931e,
        0x3dc9a9d3, 0xbfa55de4, 0x3f75311b, 0xbedd7fcd,
    ];

    private static readonly uint[] SmallDxNone =
    [
        0x3de399af, 0xbcb79e36, 0xbe1582e0, 0x3d5d0fde, 0xbd8e9643, 0x3e0fad3b, 0x3bdd9396, 0xbdef44f7,
        0x3daa48b6, 0xbd25aaf8, 0xbe23bac5, 0x3d1e7a14, 0xbdac1d50, 0x3e1061cf, 0xbc0628a6, 0xbe060fb7,
        0x3d8a9325, 0xbd618e67, 0x3e2e0cdd, 0x3caa441f, 0xbd8961b5, 0x3d3d9c43, 0xbcc2c6d5, 0xbdc0318d,
        0x3c9ff92c, 0xbd4f031c, 0x3e5f1f4d, 0xbbed18e4, 0xbd9e5166, 0x3d13bce2, 0xbcfe9875, 0xbe2923a4,
        0x3d5429bc, 0xbda88c4d, 0x3e17286b, 0x3a175760, 0xbe08b93e, 0x3daae9aa, 0xbd4f6f02, 0x3e3792d0,
        0x3c331256, 0xbd91f5be, 0x3d7cda36, 0xbca7abb8, 0xbdd242f8, 0x3cf87f8a, 0xbd54704d, 0x3e690f9a,
        0xba8b5580, 0xbdaa8560, 0x3d0344e4, 0xbd4c99ac, 0x3e6da119, 0x3a3e9e30, 0xbda6720c, 0x3d528ea0,
        0xbcfa9fe7, 0xbde69742, 0x3ca4886b, 0xbd7d9a5e,
    ];

    private static readonly uint[] WideY =
    [
        0x3f212b5e, 0xbdde6cb5, 0x3eb1fa08, 0xbd4670d5, 0xbe8f7895, 0xbf031188, 0x3e10ca30, 0x3eab6e42,
        0x3cb2ff97, 0x3d025695, 0xbeecebb6, 0x3eacc959, 0xbed272ad, 0xbef5f58f, 0xbebc8033, 0x3ea7fa71,
        0xbe7d9fc3, 0x3ddd837c, 0xbf02006b, 0x3cf2829b, 0xbe9ae6c5, 0x3e593739, 0x3e9c4052, 0x3ecbe508,
        0xbef28753, 0x3d44a70b, 0x3f11d88b, 0xbe6b8f94, 0xbecd431f, 0xbdfedadc, 0x3e2c325d, 0x3ed9c438,
        0x3c1722cc, 0xbe5f8b31, 0xbf27590d, 0x3d500562, 0x3ecfc9cd, 0x3ed5e508, 0x3ed21ee7, 0x3effe82a,
        0xbe392846, 0x3e759833, 0x3dc09ffc, 0xbe361e9b, 0xbee64699, 0x3e1a249f, 0x3e9d0161, 0x3eecf072,
        0xbdf884c3, 0x3eb18417, 0xbed23d22, 0xbe8d555b, 0xbf038a29, 0xbe042e38, 0x3eaaa0e8, 0x3c473bec,
        0x3e57aa2e, 0xbeed6154, 0x3eb6f611, 0xbe19a5eb, 0xbef6602e, 0xbebb6d08, 0xbedfdbe0, 0xbe873fcd,
        0x3dceae27, 0x3eee96e1, 0x3d2ac520, 0xbe992044, 0xbf23cc96, 0x3e9afd55, 0x3ecbde9d, 0x3e798f66,
        0xbc9bb08b, 0x3f03fa4e, 0xbeb2e0be, 0xbec2d8e1, 0xbdc74188, 0xbe8b730e, 0x3ecb543e, 0xbcef591e,
        0x3e6fe695, 0xbf1c2c97, 0x3de4eb65, 0xbeab2e9a, 0x3ed67b11, 0x3ed29d27, 0x3ecebf3d, 0xbe780027,
        0x3e415b16, 0x3f1ead94, 0xbe101de5, 0xbed6b3a4, 0x3d00ccdb, 0x3e92d8d4, 0x3ee4bfac, 0x3e407537,
    ];

    private static readonly uint[] WideDx =
    [
        0xbd46bfc7, 0x3b373d3d, 0x3d37e591, 0x3c69ebf8, 0xbc4b7f4d, 0x3cb09dbf, 0xbb3b2c91, 0x3c546eda,
        0xbc4f011d, 0xbc427620, 0xbd84cdcb, 0x3caafc95, 0xbbd6e291, 0x3a95e454, 0xb8c77a60, 0x3cffe212,
        0xbca91c62, 0x3c3b1986, 0x3d15b23b, 0x3c13f078, 0xbce2f7b9, 0xbbae2b68, 0x39f5f468, 0x3bcce9f6,
        0xbce1bc3c, 0x3cf5b9e4, 0xbd48d95b, 0x3af46562, 0xbc2138c9, 0x3c151219, 0x3c15da7a, 0x3d24d726,
        0xbc250a3c, 0xbcc840af, 0x3d527992, 0xba61e848, 0x3bb1f52f, 0xbb0892b2, 0x3b27cd38, 0xbd2c8a79,
        0xbc0f9f8e, 0x3d1e6fff, 0x3c96b128, 0xbb5fbf5c, 0xbccea0ff, 0xbc0b31fb, 0x3c4cc36e, 0xbbf1e18e,
        0x39691780, 0x3d0f9be3, 0xbcae905c, 0xbc20508f, 0x3c88fd32, 0x3c49a48d, 0x3bfa1fa4, 0xbba78c7d,
        0x3b352c88, 0xbd886244, 0x3d0ed181, 0xbce40e50, 0xbbf66188, 0x3b9af392, 0xbc6b2ea5, 0xbc8831b4,
        0x3c01ae5b, 0x3d04f008, 0x3c9f1b36, 0xbcda15e8, 0x3c878fc4, 0x3b03e0c0, 0xb9d5fb00, 0x3b65e9f4,
        0x3cbea8eb, 0xbd652714, 0xbc69950a, 0xbc038be2, 0x3c0bcaec, 0xbadf3ba4, 0x3d1dacba, 0xbc824ba4,
        0x3c9120d3, 0x3d7366d1, 0x3b47af62, 0xbd0c770e, 0xbb9bdcda, 0x3ae6a688, 0x3c079811, 0xbc8652c3,
        0x3d0b2a42, 0xbce967be, 0xbab76764, 0xbcb41fae, 0x3c398d0e, 0x3c25a72a, 0xbc0b4613, 0xbb8be918,
    ];

    private static readonly uint[] WideDw =
    [
        0x3eaf70fb, 0xbf44154b, 0x3f97b20e, 0x3f8ffa54, 0xbf4e2ead, 0x3fad9278, 0xbf315653, 0x3facd2ae,
        0xbf420786, 0x3f90fed4, 0x3f90345b, 0xbf4242fb, 0x3fabf77a, 0xbf2930ac, 0x3fa946a9, 0xbf4a53a9,
    ];

    private static readonly uint[] WideDb =
    [
        0xbe157756, 0x3f5167c9, 0x3d8a8fd1, 0xbf2ec3d5, 0x3e900393, 0xbef0280b, 0x3efd6332, 0xbe82c86c,
        0x3f356169, 0xbd2b4665, 0xbf4aca35, 0x3e2feda6, 0xbf141a66, 0x3ec55672, 0xbebad52c, 0x3f195b08,
    ];

    private static readonly uint[] WideYNone =
    [
        0xbfd1f106, 0x3eec2217, 0xbf566791, 0x3fa1c5c5, 0xbd0ed13e, 0xbfaab2d9, 0x3f448d69, 0xbf07eb35,
        0x3fc903f3, 0x3e8b1e91, 0xbf8374aa, 0x3f8984e2, 0xbe65bb60, 0xbfc2f3ba, 0x3f140ba4, 0xbf386cf8,
        0x3fb0c310, 0x3da86c24, 0xbf9bb58d, 0x3f628801, 0xbed3e138, 0x3fd8013f, 0x3ec713c1, 0xbf68eebc,
        0x3f99bff2, 0xbdd97715, 0xbfb4eed5, 0x3f33a984, 0xbf1b0545, 0x3fc140f5, 0x3e4f4c83, 0xbf8d6dd3,
        0x3f8155c3, 0xbe980681, 0xbfcd5905, 0x3f02d524, 0xbf4bd9a2, 0x3fa8d6c5, 0x3c3fb098, 0xbfa5d802,
        0x3f51d728, 0xbef9af40, 0x3fd057c7, 0x3ea4018b, 0xbf7cae00, 0x3f906c96, 0xbe375670, 0xbfbe4231,
        0x3efeb41f, 0xbf55bfb0, 0x3fa914f0, 0xbc3bf860, 0xbfac04d1, 0x3f4fdfef, 0xbf0539d2, 0x3fd157de,
        0x3e9b2bfa, 0xbf83c1e2, 0x3f9032e5, 0xbe52cfd2, 0xbfc4e6da, 0x3f1e1bdb, 0xbf36fde6, 0x3fb875d5,
        0x3dde8f4c, 0xbf9ca3ec, 0x3f6ea1b9, 0xbeccf00f, 0xbfddc8e5, 0x3ed8af90, 0xbf68c1f9, 0x3f9f93cc,
        0x3d7cf26c, 0xbfa38e77, 0x3f63bf2c, 0xbee659d4, 0x3fdbd797, 0x3ec18636, 0xbf7628f9, 0x3f9a598f,
        0xbe08e3d7, 0xbfbc9285, 0x3f31b70e, 0xbf253506, 0x3fc2d387, 0x3e3aebf9, 0xbf94188c, 0x3f815581,
        0xbea88225, 0xbfd59694, 0x3eff5de3, 0xbf573d22, 0x3fa9cf7a, 0xbc5347b2, 0xbfad1c99, 0x3f50a2e5,
    ];

    private static readonly uint[] WideDxNone =
    [
        0x3e1a32c5, 0xbc9e6bcb, 0xbdfee352, 0x3d3ae4bc, 0xbd73ac00, 0x3e339be7, 0x3bb37508, 0xbdcc110d,
        0x3d9044a1, 0xbd0e077a, 0xbe0f260d, 0x3cf82650, 0xbd993eca, 0x3e23e781, 0xbc218bca, 0xbdeb79d7,
        0x3d61b7af, 0xbd4cd90d, 0x3e3d50a3, 0x3c750653, 0xbdb8a794, 0x3da3ae1a, 0xbcce690c, 0xbe057150,
        0x3d2d4b22, 0xbd86d0bf, 0x3e2c5875, 0x3a839108, 0xbddb680b, 0x3d8aed46, 0xbd251210, 0xbe17ffab,
        0x3cd957e8, 0xbda72055, 0x3e1c30a9, 0xbc720a97, 0xbdfbb7a3, 0x3d553b5f, 0xbd65b13f, 0x3e365484,
        0x3c303313, 0xbdc76fec, 0x3d9ee564, 0xbcfa43a8, 0xbe0e039c, 0x3d149c30, 0xbd932837, 0x3e262cb8,
        0xbc27b460, 0xbdcc003e, 0x3d385232, 0xbd35c130, 0x3e5c3f61, 0x3c31f86e, 0xbda0caa4, 0x3d875eb3,
        0xbcbeabfb, 0xbde6b4b0, 0x3d02e950, 0xbd6b2a16, 0x3e4ee529, 0xbb0eaca0, 0xbdbb7f17, 0x3d595482,
        0xbd14bee2, 0xbe00b491, 0x3c9b00d3, 0xbd90497d, 0x3e418aef, 0xbc794ebc, 0xbdd6338a, 0x3d23eb9d,
        0xbd5a12f0, 0x3e3ce68a, 0x3c87df98, 0xbdc56b4c, 0x3db0f943, 0xbcd9a7bd, 0xbe0ee690, 0x3d312edc,
        0xbd8ecbc5, 0x3e2c0563, 0x38d66300, 0xbde72d9a, 0x3d8f36f7, 0xbd30587a, 0xbe1fc7b7, 0x3cdb5483,
        0xbdb08e12, 0x3e1b243c, 0xbc8632d1, 0xbe0477f3, 0x3d5ae952, 0xbd73dd14, 0x3e367401, 0x3c28969f,
    ];

    private static readonly ulong[] Small64Y =
    [
        0x3fe3bf8956e84c55UL, 0xbfbb622d49cb6fdbUL, 0x3fd5cb9311adcd3eUL, 0xbfd88c0aee95a762UL,
        0x3fb0604dd62c0748UL, 0xbfe036fa78c226f6UL, 0xbfc1c5e2a2f6f74eUL, 0xbfd76fd79fd7ed96UL,
        0x3f5b2c0030e4b01cUL, 0xbfcce3749c571a7eUL, 0x3fd9b0255dc0d15aUL, 0x3fb4cd3ec0414c6bUL,
        0x3fd1dccc22ccbc22UL, 0x3fde86489589252aUL, 0x3fc412e5cfb14dd6UL, 0xbfd4c5cee3f52b22UL,
        0x3fdf9c180797a855UL, 0xbf8875ce65c374a4UL, 0xbfe091ba76f9efd0UL, 0x3fd33e71fd98f3d8UL,
        0xbfdba29462021681UL, 0xbfd47c0f40af3243UL, 0xbfd8e76218dce6e8UL, 0xbfdd52b4f10a9b8dUL,
        0xbfd62c2fcfb7b74eUL, 0x3fcb87ac3cc3215dUL, 0x3fe2380b5bd46a2eUL, 0xbf6fb1c26492e6b6UL,
        0x3fd66cdd147e1de1UL, 0xbfcc853a4fe7b893UL, 0xbfb93b962040aec8UL, 0x3fd8f36a9867d385UL,
        0xbfd9a0991132fd77UL, 0x3fb686dc3d140703UL, 0x3fe2720397de807cUL, 0xbfc1b0fdd19f7f71UL,
        0xbfd8b9deee58574cUL, 0x3f8f0169f4e0325eUL, 0xbfcdd2a96bc32c00UL, 0xbfdecab4bb6a2d94UL,
        0x3fc1a5948c6c798fUL, 0x3fd5fdc6101e4affUL, 0x3f85ed0c747db53aUL, 0x3fcbb4c85b17f7c3UL,
        0x3fdb055ff7740a18UL, 0x3fd6a6e4b66a4b62UL, 0xbfc607f5132e7d60UL, 0xbfe6576ce4cc6461UL,
        0x3fc3958de0c0c096UL, 0xbfd7e0184fa129c7UL, 0xbfd5927d576fd980UL, 0xbfda5311e221aba3UL,
        0xbfdf13a66cd37dc5UL, 0xbfd7632e933b28a0UL, 0xbfdc23c31decfac3UL, 0xbfd1be6a341a485dUL,
        0x3fba8cfc467e4e7cUL, 0x3fdf04e857596f9bUL, 0xbfc0dc9fea1da419UL, 0x3fcfe6b2a15613dfUL,
    ];

    private static readonly ulong[] Small64Dx =
    [
        0xbfa69667ba89cd0cUL, 0x3f2a70ddadb84050UL, 0x3fa72745396976deUL, 0xbf9c48f1ca2b0435UL,
        0x3f91d0b6ed4c7908UL, 0x3f9852331a4a29c7UL, 0x3f43153271545190UL, 0xbf9668e86c2c7209UL,
        0x3f8da13be1d28152UL, 0xbf8061e81d9ba7d9UL, 0x3f94e7af42d2fa3eUL, 0xbf8c9fb965f155faUL,
        0x3f7dd0357e88483bUL, 0xbf97d2258e716fbbUL, 0xbf77fe520e3b5882UL, 0xbfab86683e4f34e4UL,
        0x3f9a5337b5f80d54UL, 0xbf97f7afb370b0d4UL, 0x3faeacd8c36ef4dbUL, 0x3f7c75c456f42073UL,
        0xbf593b5eb3e4c7caUL, 0x3f75b6ca6b0bb68dUL, 0x3f5194f753fa1a98UL, 0xbf69d89d821d5283UL,
        0x3f6e32a6adec7e7eUL, 0x3f95948324e6d476UL, 0xbfa1300f83b80cfaUL, 0xbf6445ee0c0bd299UL,
        0x3fa23de580db304fUL, 0xbf9aa5fea7e9c91cUL, 0x3f81a3b0dce9db26UL, 0x3facee5ed1a7b5f4UL,
        0xbf957d81a5ef9773UL, 0x3f9b8d638eeae6e2UL, 0xbfab2c1ea62c5a59UL, 0xbf76a5e60e5cb00dUL,
        0xbfa00570ac2b9c46UL, 0x3f8548b8085a748aUL, 0xbf8f7a17a125a486UL, 0x3f9866cff9ed0853UL,
        0x3f022a2969870300UL, 0x3f829e94792a9c28UL, 0xbf76c908d87ae06bUL, 0x3f6c9f978e0e93c2UL,
        0x3f89b4503344ba18UL, 0x3f9e573cded1ccaeUL, 0xbfa1a9296afb4e33UL, 0x3fa405a84f690c8fUL,
        0x3f750a39cd172d61UL, 0xbfae3380a0c14edeUL, 0x3f936123f19f6a22UL, 0xbf7e22ca68b9c1d3UL,
        0xbf8d14eaa4a4e530UL, 0x3f8232e9a633eac7UL, 0xbf91d061b8b3e533UL, 0xbf907d0ba6350450UL,
        0x3f69b26c0ee4f0acUL, 0x3f96e9a6a9ee407cUL, 0xbf81ed50cd2c13e7UL, 0x3f85796182f730e3UL,
    ];

    private static readonly ulong[] Small64Dw =
    [
        0x3fb2fd46dff8afd3UL, 0x3fb613f694bca6b6UL, 0x3ff256edec6c03dbUL, 0x3f513d776c9a61eeUL,
        0x3feed7ddde3b08a3UL, 0x3ff297f3128d1cbfUL,
    ];

    private static readonly ulong[] Small64Db =
    [
        0xbfd591e9cc000000UL, 0x3fdbe50977db6db8UL, 0xbfe02d6f59000000UL, 0x3fd11c1491db6db6UL,
        0x3fc76f343db6db70UL, 0x3fb94c7eaf6db6deUL,
    ];

    private static readonly ulong[] Small64YNone =
    [
        0xbff9ad1c218b99ceUL, 0x3fdd37d18511e081UL, 0xbfea284ae2e4c291UL, 0x3ff3e6eb115db0a5UL,
        0xbf9ecbb0564a30d6UL, 0xbff4dd489410022cUL, 0x3fe83b8fdd801f83UL, 0xbfe088a3c7ed934fUL,
        0x3ff8b6be9ed94848UL, 0x3fd152933089bb79UL, 0xbfef49d6fe6a7400UL, 0x3ff2bebf0817f5a0UL,
        0xbfc411bff083fd66UL, 0xbff7c32f0438f4f9UL, 0x3fe540f70628754bUL, 0xbfe540f70628754cUL,
        0x3ff7c32f0438f4f9UL, 0x3fc411bff083fd63UL, 0xbff2bebf0817f5a0UL, 0x3fef49d6fe6a73ffUL,
        0xbfe39f5f062b11ccUL, 0x3ff7a95b1b5a5b98UL, 0x3fc7cb2cf74be7b8UL, 0xbff1b68fdd8761abUL,
        0x3fef84f581d105a8UL, 0xbfd3b5eaee216f36UL, 0xbff99d7037f93a6eUL, 0x3fdf6e6999daa83eUL,
        0xbfe9a8b62bf46923UL, 0x3ff4a4af8875afedUL, 0x3fdbaff9cebc5f65UL, 0xbfeea6233db64dd6UL,
        0x3ff4abbc7a71fbf0UL, 0xbfb9353981842d34UL, 0xbff7d263aaa28197UL, 0x3fe858d4dd554289UL,
        0xbfe4254b47bf3affUL, 0x3ff9ec28756d855bUL, 0x3fcd68c3171a34c0UL, 0xbff291f7afa6f82dUL,
        0x3fe953df0abd8cd0UL, 0xbfe2e0cab99ccb14UL, 0x3ffa52fa0ea218bfUL, 0x3fd0e294b1d3b334UL,
        0xbff1e1afb5b83f23UL, 0x3ff1e1afb5b83f23UL, 0xbfd0e294b1d3b334UL, 0xbffa52fa0ea218beUL,
        0x3fe2e0cab99ccb13UL, 0xbfe953df0abd8cceUL, 0x3ff291f7afa6f82cUL, 0xbfcd68c3171a34bbUL,
        0xbff9ec28756d855bUL, 0x3fe4254b47bf3b00UL, 0xbfe858d4dd554287UL, 0x3ff7d263aaa28198UL,
        0x3fb9353981842d3eUL, 0xbff4abbc7a71fbf0UL, 0x3feea6233db64dd8UL, 0xbfdbaff9cebc5f64UL,
    ];

    private static readonly ulong[] Small64DxNone =
    [
        0x3fbc7335e3a6e460UL, 0xbf96f3c6af3b47baUL, 0xbfc2b05bf31bc59bUL, 0x3faba1fbbfeed473UL,
        0xbfb1d2c85a714f0eUL, 0x3fc1f5a7606551b5UL, 0x3f7bb273154ed1a4UL, 0xbfbde89f0913cc2cUL,
        0x3fb54916bd1b2942UL, 0xbfa4b55efa9b2009UL, 0xbfc47758a3ce5ec6UL, 0x3fa3cf4261951a26UL,
        0xbfb583a9f1cb21e6UL, 0x3fc20c39e6fa81e6UL, 0xbf80c514dfcc31f9UL, 0xbfc0c1f6df479a9dUL,
        0x3fb15264b9d81567UL, 0xbfac31ccd17b3324UL, 0x3fc5c19bab814610UL, 0x3f954883b4500853UL,
        0xbfb12c36b5bb5cceUL, 0x3fa7b388b15bbce0UL, 0xbf9858daca20fc0dUL, 0xbfb80631bdbe5c77UL,
        0x3f93ff2542ab7b1eUL, 0xbfa9e06375167d5cUL, 0x3fcbe3e9b29fee0aUL, 0xbf7da31b75820e3cUL,
        0xbfb3ca2cc28e3e58UL, 0x3fa2779c97b5f9caUL, 0xbf9fd30eacc4527eUL, 0xbfc524748d8a681cUL,
        0x3faa85379d7d80bbUL, 0xbfb51189a124fb3cUL, 0x3fc2e50d675b25e2UL, 0x3f42eaec656ce0d0UL,
        0xbfc11727cb8c70ecUL, 0x3fb55d3552baaebfUL, 0xbfa9ede03a5219b5UL, 0x3fc6f25a29591d12UL,
        0x3f86624b837aaed8UL, 0xbfb23eb7f1e9832bUL, 0x3faf9b474a2f9e02UL, 0xbf94f576f5042812UL,
        0xbfba485f1f99e30bUL, 0x3f9f0ff1dd9dbc8bUL, 0xbfaa8e09d5e2d3c8UL, 0x3fcd21f37dd90052UL,
        0xbf516aad923c2f60UL, 0xbfb550ac18a1c9c4UL, 0x3fa0689cc4944684UL, 0xbfa99335833b61d1UL,
        0x3fcdb422fd1cbec3UL, 0x3f47d3d30a528860UL, 0xbfb4ce417dd32f1aUL, 0x3faa51d41b8df613UL,
        0xbf9f53fc58836484UL, 0xbfbcd2e83a08ad4cUL, 0x3f94910d4645f35eUL, 0xbfafb34ba4acaea3UL,
    ];

    private static (Tensor X, Tensor W, Tensor B, Tensor Dy) Inputs(int[] shape, DType dtype)
    {
        int n = 1;
        foreach (int s in shape) n *= s;
        return ((Core.SumBitsTests.Values(n, dtype) * 10 + 1).Reshape(shape).RequiresGrad_(), Core.SumBitsTests.Values(shape[1], dtype, 5).RequiresGrad_(),
            Core.SumBitsTests.Values(shape[1], dtype, 9).RequiresGrad_(), Core.SumBitsTests.Values(n, dtype, 3).Reshape(shape));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Float32MatchesPyTorch(bool wide)
    {
        var (x, w, b, dy) = Inputs(wide ? [2, 16, 3] : [2, 6, 5], DType.Float32);
        int groups = wide ? 2 : 3;
        var y = F.GroupNorm(x, groups, w, b);
        var grads = Autograd.Grad([y], [x, w, b], [dy]);
        Assert.Equal(wide ? WideY : SmallY, Core.SumBitsTests.Bits32(y));
        Assert.Equal(wide ? WideDx : SmallDx, Core.SumBitsTests.Bits32(grads[0]!));
        Assert.Equal(wide ? WideDw : SmallDw, Core.SumBitsTests.Bits32(grads[1]!));
        Assert.Equal(wide ? WideDb : SmallDb, Core.SumBitsTests.Bits32(grads[2]!));
        var plain = F.GroupNorm(x, groups);
        Assert.Equal(wide ? WideYNone : SmallYNone, Core.SumBitsTests.Bits32(plain));
        Assert.Equal(wide ? WideDxNone : SmallDxNone, Core.SumBitsTests.Bits32(Autograd.Grad([plain], [x], [dy])[0]!));
    }

    [Fact]
    public void Float64MatchesPyTorch()
    {
        var (x, w, b, dy) = Inputs([2, 6, 5], DType.Float64);
        var y = F.GroupNorm(x, 3, w, b);
        var grads = Autograd.Grad([y], [x, w, b], [dy]);
        Assert.Equal(Small64Y, Core.SumBitsTests.Bits64(y));
        Assert.Equal(Small64Dx, Core.SumBitsTests.Bits64(grads[0]!));
        Assert.Equal(Small64Dw, Core.SumBitsTests.Bits64(grads[1]!));
        Assert.Equal(Small64Db, Core.SumBitsTests.Bits64(grads[2]!));
        var plain = F.GroupNorm(x, 3);
        Assert.Equal(Small64YNone, Core.SumBitsTests.Bits64(plain));
        Assert.Equal(Small64DxNone, Core.SumBitsTests.Bits64(Autograd.Grad([plain], [x], [dy])[0]!));
    }

    [Fact]
    public void RecordedBackwardAgreesWithTheKernel()
    {
        // With create_graph the backward is built from differentiable ops; its values agree with the fused kernel's.
        var (x, w, b, dy) = Inputs([3, 6, 4], DType.Float64);
        var fused = Autograd.Grad([F.GroupNorm(x, 2, w, b)], [x, w, b], [dy]);
        var recorded = Autograd.Grad([F.GroupNorm(x, 2, w, b)], [x, w, b], [dy], createGraph: true);
        for (int i = 0; i < 3; i++) Check.Close(fused[i]!, recorded[i]!, 1e-12);
        Assert.NotNull(recorded[0]!.GradFn);
    }
}
