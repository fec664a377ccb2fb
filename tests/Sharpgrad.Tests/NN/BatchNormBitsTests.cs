using F = Sharpgrad.NN.Functional;

namespace Sharpgrad.Tests.NN;

/// <summary>
/// batch_norm's output, running statistics and gradients bit for bit as PyTorch 2.6 computes them on this CPU with two
/// threads. [N, C] inputs take ATen's channels-last kernels (column sums per thread piece, rows 0-2 and 3-5 of six, added
/// in double; 13 floats end in a partial 32-byte vector, 7 doubles too); [N, C, L] inputs its per-channel kernels (double
/// sums, gradient row sums over 32-byte vectors). Eval mode uses the running statistics, whose invstd the forward takes
/// in the input's precision and the backward in double. Inputs: SumBitsTests' hashed values (x·10 + 1; γ seed 5, β seed
/// 9, running mean seed 11, running var |seed 13| + 0.5, incoming gradient seed 3). instance_norm, which runs on
/// batch_norm, matches too.
/// </summary>
[Collection("Threads")]
public class BatchNormBitsTests
{
    private static readonly uint[] RowsY =
    [
        0x3f114f93, 0xbf0904c0, 0x3ef291da, 0x3c9e881d, 0xbef456df, 0x3f08223d, 0xbf123214, 0x3ee0372c,
        0xbf0a70ee, 0xbf0358c5, 0x3efde9cc, 0xbf1b5f6f, 0x3ecddc7e, 0x3eb94f75, 0xbedc894a, 0x3ec5eb52,
        0x3d6e9f31, 0xbee4543a, 0x3ebe2062, 0xbed7b858, 0x3ecabc43, 0xbf12bd61, 0xbedf8349, 0x3ec2f155,
        0xbed2e771, 0x3ecf8d32, 0x3e1fff85, 0xbea70915, 0x3e9944cd, 0x3dc6fd32, 0xbed45195, 0x3e57f89e,
        0xbe8b0c89, 0x3eb54159, 0x3eabd102, 0xbeb85507, 0x3e87f8db, 0xbe5e1fff, 0x3ed13de7, 0xbd4a7f7c,
        0xbe6311c6, 0x3e593c8c, 0x3e0b5562, 0xbec44ef0, 0x3d4ec1bf, 0xbdf982d4, 0x3e9fc670, 0x3e9b3819,
        0xbe9126c5, 0x3e1a00c9, 0xbcb38932, 0x3ed2ee9b, 0xbe829fa7, 0xbdf022c3, 0x3dffdefa, 0x3e332c26,
        0xbeb44c4b, 0xbde12f6c, 0x3ce4b168, 0x3e8a4b86, 0x3e8a9f32, 0xbe53f103, 0x3d103f70, 0x3e313db3,
        0x3ed49f4f, 0xbeebef54, 0xbc510fd2, 0x3d1a89b7, 0xbf6a6c55, 0xbea449a6, 0xbe8a6fee, 0x3e35eddc,
        0x3e69a13a, 0x3e740c96, 0xbe05947f, 0xbda3c223, 0x3ebc7646, 0x3ed65003,
    ];

    private static readonly uint[] RowsDx =
    [
        0x3de8f389, 0xb588eea8, 0x3569bd74, 0xbc11115b, 0xb4a586b2, 0xbd35be8c, 0xb5c47e7b, 0x34dcbf6d,
        0x3b0e9f0b, 0xb54b5e50, 0x3592b240, 0xb602b1c6, 0xb30bb4c1, 0x3ce8eed7, 0xb525bfa6, 0x350bddaa,
        0xbb966f14, 0xb4471b1c, 0xbe1a7512, 0xb56bcaf8, 0x34858a41, 0xbab9be07, 0xb4f3a09a, 0x352fa93a,
        0xb59bb941, 0xb2a89ee0, 0xbd68f840, 0xb46687f4, 0x3439db99, 0xb9abb6a6, 0xb3839b7f, 0x3e558151,
        0xb49d31fb, 0x33b53c94, 0x3baa6689, 0xb4221297, 0x3471b493, 0xb4d0b033, 0xb1e19741, 0xbe1199f9,
        0x3452fe4a, 0xb43da38a, 0x3b80f83d, 0x33854d5c, 0x3dd0f7c3, 0x3494ac76, 0xb3afc794, 0x3ad29e02,
        0x34231c07, 0xb471b493, 0x34d0b033, 0x31e19741, 0xbe68f5e5, 0x35237bc0, 0xb50aebaf, 0x3c0655f0,
        0x344698f7, 0xbb913110, 0x356ac742, 0xb483b895, 0xbb022f1c, 0x34f0d3f4, 0xb532286a, 0x359dd659,
        0x32a80c50, 0x3e919b26, 0x3588eea8, 0xb5679cf8, 0x3ad6a492, 0x34a4d929, 0xbde31de4, 0x35c0bd93,
        0xb4dc8535, 0xbbb6d694, 0x3549b5a2, 0xb595815a, 0x3603c053, 0x330b7dcc,
    ];

    private static readonly uint[] RowsDw =
    [
        0xbf73c39f, 0x3e9ae14d, 0x3e9ae147, 0xbe2a2207, 0x3e9ae14a, 0xbfda3e4d, 0x3e9ae151, 0x3e9ae14b,
        0xbe723a2b, 0x3e9ae14a, 0x3e9ae155, 0x3e9ae143, 0x3e9ae149,
    ];

    private static readonly uint[] RowsDb =
    [
        0x3fb41140, 0x3e995b09, 0xbfd51a97, 0x3fc1bd34, 0xbee6d096, 0xbf336f90, 0x3f436499, 0xbf99bf0c,
        0x3ffd18be, 0x3c53b270, 0xbff9c9f4, 0x3f9d0dd7, 0xbf3cc705,
    ];

    private static readonly uint[] RowsRm =
    [
        0xbcc97818, 0x3e578ad4, 0xbed2b918, 0x3ee777f0, 0xbcde1ff0, 0x3dfa60b4, 0x3eb6f519, 0xbe878969,
        0x3e2e73d1, 0x3df536bf, 0x3e89c7dc, 0x3f011264, 0xbdf166e6,
    ];

    private static readonly uint[] RowsRv =
    [
        0x3f56f32e, 0x3f191ee3, 0x3f285473, 0x3fe03736, 0x3ef89da1, 0x3f452486, 0x3f2aed8c, 0x3f1685ca,
        0x4019dcfe, 0x3f0e1d79, 0x3f3355dd, 0x3f3cbc35, 0x3f04b720,
    ];

    private static readonly uint[] RowsEvalY =
    [
        0x3fa6dbe3, 0x3e1109da, 0x3ed2f1b7, 0x3f75933c, 0xbead61d5, 0x3f741444, 0x3f102053, 0x3eb54382,
        0xbf980e51, 0xbd96e4b3, 0x3f2e1df1, 0x3f884d5c, 0x3ed3b233, 0x3f985f6b, 0x3e56cb60, 0x3eb72e98,
        0x3f85a8ee, 0xbea1cc55, 0x3f5c7b8e, 0x3f27c7bc, 0x3ea723e2, 0xbfa1c7f7, 0xbcb35d6f, 0x3f1c5afd,
        0x3f96f573, 0x3ed4e132, 0x3f89e2f2, 0x3e8e4673, 0x3e9b6b7b, 0x3f90883f, 0xbe9636d6, 0x3f44e2d9,
        0x3f3f6f24, 0x3e990441, 0x3f5db808, 0x3cf4d7ef, 0x3f0a9808, 0x3fa59d8a, 0x3ed61031, 0x3f76ccf1,
        0x3eb12734, 0x3e7f50b7, 0x3f9b6790, 0xbe8aa156, 0x3f2d4a23, 0x3f57168e, 0x3e8ae4a1, 0x3f4a44ba,
        0x3da74353, 0x3ef1aa28, 0x3fb445a1, 0x3ed73f2f, 0x3f59d3fe, 0x3ed407f5, 0x3e47ca79, 0x3fa646df,
        0xbe7e17ac, 0x3f15b16e, 0x3f6ebdf5, 0x3e798a02, 0x3f36d16e, 0x3e08a858, 0x3ece2440, 0x3fc2edb7,
        0x3ed86e2e, 0x3f3cdb0d, 0x3ef6e8b6, 0x3e10443b, 0xbf8a85d6, 0xbe66ecad, 0x3efc3172, 0x3f8332b0,
        0x3e5d4ac2, 0x3f235e23, 0x3e3daf04, 0x3eaa9e58, 0x3fd195ce, 0x3ed99d2d,
    ];

    private static readonly uint[] RowsEvalDx =
    [
        0xbdee4bda, 0xbbb4968b, 0x3d84239c, 0x3d525137, 0xbc3b03dd, 0xbdf38038, 0x3c88ede6, 0x3cd1bb87,
        0xbd86cd06, 0xbc4dea57, 0x3dc011c8, 0x3d4fa23c, 0xbac9e3d5, 0xbe02bcb4, 0x3aaa85f7, 0x3d721183,
        0x3d751bd0, 0xbc15f243, 0xbe033065, 0x3cd49f36, 0x3cbb2288, 0xbd965c75, 0xbbf225b7, 0x3db1dc38,
        0x3d7e88ec, 0xbaab9724, 0xbe0e537c, 0x3c04ecc3, 0x3d5bdbd2, 0x3d8bf336, 0xbbe1c155, 0x3e056acf,
        0x3d102843, 0x3ca48987, 0xbda5ebe7, 0xbb10ed84, 0x3da3a6a8, 0x3d96b7cd, 0xba8d4a71, 0xbe19ea43,
        0x3c7488c7, 0x3d45a61f, 0x3d9d5883, 0xbb979e24, 0x3df7f50d, 0x3d3600ea, 0x3c8df086, 0xbdb57b56,
        0x3b427066, 0x3d957118, 0x3dae2b24, 0xba5dfb7e, 0xbe25810a, 0x3cb21267, 0x3d2f706d, 0x3daebdd0,
        0xbb1af5e6, 0x3de5147c, 0x3d5bd992, 0x3c6eaf0d, 0xbdc50ac6, 0x3c057394, 0x3d873b88, 0x3dc59e7d,
        0xba216219, 0x3e1f6301, 0x3ce9e06a, 0x3d193abc, 0x3dc0231e, 0xb8d5f05a, 0x3dd233eb, 0x3d80d91d,
        0x3c417d0b, 0xbdd49a37, 0x3c5a4b0f, 0x3d720bee, 0x3ddd11d4, 0xb9c9916a,
    ];

    private static readonly ulong[] Rows64Y =
    [
        0x3fe0ea7774ec9dc4UL, 0xbfd3f472f178e20cUL, 0x3fda150440518872UL, 0x3fd782641e286445UL,
        0xbfda435e50cb167eUL, 0x3fda3c26d1a5a16eUL, 0x3fb91e2a025b489eUL, 0x3fc7ce6f91b17e83UL,
        0xbfb3a8a0ad5e964fUL, 0x3fcb0f4e8f82b825UL, 0xbfdef5b1bd8a761dUL, 0xbfd5c327143a33f1UL,
        0x3fa925b27c28d90dUL, 0xbfde4d555a4660ebUL, 0xbfc40cfeb04f7a0eUL, 0xbfe1fcfb5f24b864UL,
        0x3f8f4949e625f636UL, 0xbfb257ae9a492492UL, 0xbfdf0ec37d7cd5edUL, 0xbfd3f2ba329b6b2bUL,
        0xbfc92da88e249249UL, 0xbfdff4367928394eUL, 0xbfd4efabf8283451UL, 0x3fdae6ae63af30a9UL,
        0x3fd5c9da7065e3d3UL, 0xbfda8e8c40ebf361UL, 0x3fdbbddc0b91bf06UL, 0x3fb47eb330873a8aUL,
        0x3fcaab0000851ba9UL, 0xbfb79584c81bdf64UL, 0x3fccb2a2d63e0891UL, 0xbfe0571db5a67b47UL,
        0xbfd60e55045b10d4UL, 0x3fb299ae25c4e2e9UL, 0xbfdf75330ebb6471UL,
    ];

    private static readonly ulong[] Rows64Dx =
    [
        0xbfa75634eb46e44bUL, 0xbe4200771acbc6c6UL, 0x3e62122f837553ecUL, 0x3e71a5fc85bbac72UL,
        0xbf77b2c9ecb63f5dUL, 0xbf92eb6f560bbef3UL, 0x3f840783c7a28764UL, 0x3fa03ee9592dc054UL,
        0x3e677a7f73fe467eUL, 0xbe451e412a3771d1UL, 0xbe70914117b2c977UL, 0x3f6bb1c3eb257bf8UL,
        0x3f9ef9bf5cd5c6daUL, 0x3f8433e30d16ce73UL, 0x3f7070b2aa64ab48UL, 0xbe7127098f8eef68UL,
        0xbe6ca150188d7584UL, 0x3c42dd08a78e4e84UL, 0x3f789a1766d1dab8UL, 0xbfa0308e5ec8e6dcUL,
        0xbfa15fcd18fb4b27UL, 0xbf9845795d292b02UL, 0xbe494dd791b29a85UL, 0x3e63983856c71fceUL,
        0x3e70914117c3c398UL, 0xbf7a25eda8fbab57UL, 0xbf8d9261fc19bff4UL, 0x3f7d176e49bf8fb8UL,
        0x3fa12bf1eb612411UL, 0x3e65a727563f30a6UL, 0xbe3e0c3bb9951b0fUL, 0xbe71a5fc85bbac72UL,
        0x3f66cb7c729aa403UL, 0x3fa18dfeda6a52e9UL, 0x3f7d702cd4a81dd7UL,
    ];

    private static readonly ulong[] Rows64Dw =
    [
        0x3fd187b8e923fdb7UL, 0x3ff0fcf4b2816e14UL, 0x3ff0fcf4b2816e14UL, 0x3ff4ac03c296c0feUL,
        0xbfd49e4a9c08b93eUL, 0xbfe8490fcdc2b08bUL, 0xbfe3f528ccc6d98aUL,
    ];

    private static readonly ulong[] Rows64Db =
    [
        0x3f9cddf61124923cUL, 0x3fbb00ab9f6db6daUL, 0xbfe5947ba41b6db7UL, 0xbfe31b55e0b6db6eUL,
        0x3fd5970d7c36db6cUL, 0x3fda895903000002UL, 0x3fdf7ba489c92492UL,
    ];

    private static readonly ulong[] Rows64Rm =
    [
        0x3fd2862b93a2be2cUL, 0x3fc740d3d8507508UL, 0xbfd136b6d143a83aUL, 0x3fcc93dbdb507507UL,
        0xbfaca41a2657c57cUL, 0x3fd0f371ef283a84UL, 0xbf8d5fe8695f15f5UL,
    ];

    private static readonly ulong[] Rows64Rv =
    [
        0x3ffd6278c726486eUL, 0x3ff219c2b44d23dcUL, 0x3ff30d1bc0ee82f2UL, 0x3ff9598b8433ee92UL,
        0x3ff04cc190305710UL, 0x3ff4da1ce50b4fc0UL, 0x3ff78c8a601721c6UL,
    ];

    private static readonly ulong[] Rows64EvalY =
    [
        0x3fef5d36b27c0a8dUL, 0x3fa0ed6befd82490UL, 0x3fd90b81832cae0aUL, 0x3ff14e2309cf062eUL,
        0xbfd6c5af827553e3UL, 0x3fe983fc34cbd4f5UL, 0x3fd92c6193458234UL, 0x3fd0569ef90f238cUL,
        0x3fe0125ff4ab4595UL, 0x3f83c4f9b5d5b696UL, 0xbfe54c7b5dad40b4UL, 0xbfca9b1bb7eb3504UL,
        0x3fc027fe5500758eUL, 0xbfea5f0bb3159730UL, 0xbfde0d2f72d9ce03UL, 0xbfdddef5477ce239UL,
        0xbfd7cf31e7cf52a1UL, 0x3fc717369069e64bUL, 0xbfe06dfe3775461bUL, 0xbfe16ffd0a4b9a2eUL,
        0xbfce07e1e9baee00UL, 0xbff31c3f77b0afe4UL, 0x3f640e91ef522e7cUL, 0x3fdaa385d1a63536UL,
        0x3ff06c0b52f119ecUL, 0xbfd763dac86ad2d5UL, 0x3feaeab75c64c383UL, 0x3fd6b6357c704061UL,
        0x3fd35d7d7e3c3bf4UL, 0x3fde2f2f8f3a2af4UL, 0x3fa1b160e141a6fbUL, 0xbfe710aacb691936UL,
        0xbfcbd77243d632e8UL, 0x3fc5c2eaf3642fcbUL, 0xbfeb9a21be80381aUL,
    ];

    private static readonly ulong[] Rows64EvalDx =
    [
        0xbfb4240c742d2f1aUL, 0xbf7069f2f5cd193cUL, 0x3fa88c853f10ac3eUL, 0x3faba49d71a205f0UL,
        0xbf8023ae4721f3b8UL, 0xbfb765bde2af0f73UL, 0x3f870e88e3244fc5UL, 0x3fb22e8b4a9f3581UL,
        0x3fa5f869f7292eebUL, 0x3f84075c5115e317UL, 0xbfbee7e5a1d1a115UL, 0x3f7c53146820bafdUL,
        0x3fa82c0b4555aa36UL, 0x3fb1f913b01d39b9UL, 0xbf57f1d1bc4ac779UL, 0xbfaba426fcb32897UL,
        0xbf9d11ae2d0b7564UL, 0xbfa27f5673fd4b51UL, 0x3f963b6157a1575bUL, 0xbf94617840ad5d64UL,
        0xbfaa6306341fb36dUL, 0xbfb2ee19d8818bbdUL, 0xbf7cf3f53682b424UL, 0x3fa9d2ef1771e52dUL,
        0x3fa8d11e5ba8ab87UL, 0xbf821dd25a3389f0UL, 0xbfb646c1c30183ceUL, 0x3f7e5bf79a8d60a6UL,
        0x3fb3647de64ad8deUL, 0x3fa46729af127b8eUL, 0x3f892103b29ac6d4UL, 0xbfc028d296672725UL,
        0x3f785ecc41fd8e8dUL, 0x3faa6a0384b0c181UL, 0x3fb0fd020d6185cbUL,
    ];

    private static readonly uint[] PlanesY =
    [
        0x3f1d8fd2, 0xbdfea4fe, 0x3eaa70d2, 0xbed05812, 0x3d4e0ffe, 0x3f01ee09, 0xbe6dd9a4, 0x3e665a81,
        0xbf03cdd2, 0xbd6c0c91, 0x3ecc9880, 0xbdb1a543, 0xbea53337, 0xbf0efe8e, 0xbe3518dc, 0xbed35654,
        0xbcfe5a58, 0xbe88af8b, 0xbf00bcb9, 0xbdf8230b, 0xbeb6d2a9, 0x3cc9e064, 0x3e5daf39, 0x3ed3fe80,
        0x3dc14ec3, 0x3e957a94, 0x3efaa178, 0x3e2ded50, 0x3ebc1d8c, 0x3d4395df, 0x3e7b3340, 0x3ee2c084,
        0x3dfc56d2, 0x3e11eaf3, 0x3f1987c7, 0xbe0f72af, 0x3ea260ba, 0xbed8682a, 0x3d0d8f42, 0x3efbcbfb,
        0xbe7df9d4, 0x3e563a51, 0xbf07d5de, 0xbd9646a5, 0xbeebb0fe, 0xbda1013f, 0xbea10a36, 0xbf0cea0e,
        0xbe2cc6db, 0xbecf2d53, 0xbcbbca4b, 0xbe84868b, 0xbefd5070, 0xbde77f08, 0xbeb2a9a8, 0x3c469b8a,
        0x3e56b77f, 0x3ed082a3, 0x3db35f50, 0x3e91feb7, 0x3ef7259b, 0x3e26f597, 0x3eb8a1af, 0x3d27b6fd,
        0x3e743b86, 0x3edf44a7,
    ];

    private static readonly uint[] PlanesDx =
    [
        0xbd460ab7, 0x3bc7510b, 0x3d3e25d1, 0xbc9a6906, 0x3cb00e59, 0xbd6d0c51, 0xbb617782, 0x3d172437,
        0xbce86c38, 0x3c44164b, 0x3d564143, 0x3bb2aef5, 0xbc7f04b5, 0x3cce46e2, 0xbb28c4c2, 0xbcc146af,
        0x3c2aa254, 0xbc2db9dc, 0x3cf6ec4f, 0x3b1c66a5, 0xbc98a142, 0x3c7bed2e, 0x3b368444, 0x3c4baefd,
        0xbb50371c, 0x3bd4004c, 0xbd11d772, 0x3a0514e9, 0x3c265f39, 0xbbb2bb10, 0x3b8960c4, 0x3c62be4e,
        0xbae7f3af, 0x3cf2afcd, 0xbd4bbb97, 0x3b99ca11, 0x3d3874f2, 0xbca5cac4, 0x3ca4ac9b, 0xbd72bd30,
        0xbb9e42ba, 0x3d117358, 0xbcf3cdf7, 0x3c2d52cf, 0xbce3fdfc, 0x3bca6773, 0xbc732877, 0x3cd43502,
        0xbaf2a78a, 0xbcbb5891, 0x3c367e92, 0xbc21dd9c, 0x3cfcda6d, 0x3b4bd7a0, 0xbc92b323, 0xbbebbcde,
        0x3b20bdf6, 0x3c463d6a, 0xbb65fd69, 0x3bc91d26, 0xbd1333d6, 0x3937eea5, 0x3c20eda5, 0xbbbd9e39,
        0x3b7cfb3a, 0x3c5d4cba,
    ];

    private static readonly uint[] PlanesDw =
    [
        0x3f26c7a8, 0x3f1827dc, 0x4031d465,
    ];

    private static readonly uint[] PlanesDb =
    [
        0x3dd33614, 0x3f16355a, 0xbf24d777,
    ];

    private static readonly uint[] PlanesRm =
    [
        0x3e9baf7a, 0x3d009994, 0xbe77122b,
    ];

    private static readonly uint[] PlanesRv =
    [
        0x3fbc69b5, 0x3f9ae820, 0x3fa1f3b5,
    ];

    private static readonly uint[] PlanesEvalY =
    [
        0x3f8be058, 0xbee1cdc6, 0x3f01c5a0, 0xbf8370fa, 0xbda1ab7c, 0x3f5e7716, 0xbf2a307f, 0x3e90f80a,
        0xbfa015c8, 0xbe9afe17, 0x3f252d79, 0x3e989592, 0xbe6eb152, 0xbf43a372, 0x3dc2dd33, 0xbedf36ee,
        0x3ed8c742, 0xbddc9be2, 0xbf238a9a, 0x3e61d1fa, 0xbe9f053e, 0x3f0c7c7a, 0xbc96d194, 0x3ed4878e,
        0xbe929a31, 0x3e16b4ec, 0x3f14a78e, 0xbdf74a8c, 0x3ea02205, 0xbec6ffbb, 0x3d37a767, 0x3ef4e994,
        0xbe647055, 0x3de5c3fc, 0x3f87b283, 0xbef28520, 0x3ef2d3e7, 0xbf879ed0, 0xbde488de, 0x3f561b69,
        0xbf328c2c, 0x3e8040b2, 0xbfa4439e, 0xbeabb56e, 0xbf0b057f, 0x3ea1f334, 0xbe5bf60f, 0xbf3ef4a1,
        0x3de853b7, 0xbed5d94d, 0x3ee224e4, 0xbdb7255e, 0xbf1edbc9, 0x3e748d3e, 0xbe95a79d, 0xbeef06be,
        0xbd0890c7, 0x3ecce28e, 0xbe9a3f30, 0x3e076aec, 0x3f10d50e, 0xbe0aef44, 0x3e987d05, 0xbecea4b9,
        0x3cf4fed4, 0x3eed4495,
    ];

    private static readonly uint[] PlanesEvalDx =
    [
        0xbdb3fa15, 0x3be298a1, 0x3dd04d29, 0xbd53a507, 0x3d30a236, 0xbde1ce92, 0xbc7d5795, 0x3da278ab,
        0xbd97a700, 0x3ca9f279, 0x3deca03d, 0x3cadae8a, 0xbd02b41d, 0x3d5d4a6e, 0x3a6fc358, 0xbd55cc55,
        0x3d0a3238, 0xbc9eb254, 0x3d8852b1, 0x3c5c6804, 0xbd227161, 0x3d3d8d2b, 0x3bb6c9c3, 0x3d4869bf,
        0xbcadc8eb, 0x3cb55824, 0xbd44a223, 0xbb988cdf, 0x3d1e7eeb, 0xbd00cf49, 0x3c4304f5, 0x3d6251c5,
        0xbc73f1c1, 0x3d7eebb5, 0xbdbaa9d1, 0x3b6f39a2, 0x3dc99d6c, 0xbd610481, 0x3d2342bc, 0xbde87e4e,
        0xbc996abe, 0x3d9bc8ee, 0xbd9e56bd, 0x3c8f3385, 0xbd80d496, 0x3cbcaabf, 0xbcf66c04, 0x3d64c889,
        0x3b33d283, 0xbd4e4e3a, 0x3d11b053, 0xbc8fb61e, 0x3d8c11be, 0x3c7a606e, 0xbd1af347, 0xbd20d4e7,
        0x3b85dcf8, 0x3d424c25, 0xbcba041d, 0x3ca91cf1, 0xbd4abfbc, 0xbbc979a9, 0x3d186152, 0xbd06ece3,
        0x3c2a8e90, 0x3d5c342b,
    ];

    private static readonly uint[] InstanceY =
    [
        0xbe5b0fb1, 0x3e154889, 0x3f016831, 0xbd9cbb79, 0x3e90fd3f, 0xbe990202, 0x3d7950dc, 0x3ed7563a,
    ];

    private static readonly uint[] InstanceDx =
    [
        0xbc35476d, 0x3c61930a, 0xbd63a0e9, 0xbaceffae, 0x3cbe7d42, 0xbc8aa97a, 0x3c018782, 0x3d06187f,
    ];

    private static readonly uint[] InstanceDw =
    [
        0x410b562a, 0x40f81116, 0x41307bdf, 0x410da286, 0x40f8afcb, 0x412ed6a4,
    ];

    private static readonly uint[] InstanceDb =
    [
        0xbfd768c1, 0x3f9895b2, 0xbe5ff100, 0x3dadbbf8, 0x3ec6d686, 0xbe293ae0,
    ];

    private static readonly uint[] InstanceRm =
    [
        0x3ea20529, 0x3d111486, 0xbe80b721, 0x3e5d0516, 0xbda91572, 0x3ed0d0ba,
    ];

    private static readonly uint[] InstanceRv =
    [
        0x3fb7c588, 0x3f98c82f, 0x3fa117b4, 0x3fb09783, 0x3f8a535a, 0x3faf748c,
    ];

    private sealed record Case(Tensor X, Tensor W, Tensor B, Tensor RunningMean, Tensor RunningVar, Tensor Dy);

    private static Case Inputs(int[] shape, DType dtype)
    {
        int n = 1;
        foreach (int s in shape) n *= s;
        int c = shape[1];
        var x = (Core.SumBitsTests.Values(n, dtype) * 10 + 1).Reshape(shape).RequiresGrad_();
        return new(x, Core.SumBitsTests.Values(c, dtype, 5).RequiresGrad_(), Core.SumBitsTests.Values(c, dtype, 9).RequiresGrad_(),
            Core.SumBitsTests.Values(c, dtype, 11), Core.SumBitsTests.Values(c, dtype, 13).Abs() + 0.5, Core.SumBitsTests.Values(n, dtype, 3).Reshape(shape));
    }

    /// <summary>A training step's output and gradients, then (with the updated running statistics) eval mode's.</summary>
    private static (Tensor Y, Tensor Dx, Tensor Dw, Tensor Db, Tensor EvalY, Tensor EvalDx) Run(Case t)
    {
        var y = F.BatchNorm(t.X, t.RunningMean, t.RunningVar, t.W, t.B, training: true, momentum: 0.1, eps: 1e-5);
        var train = Autograd.Grad([y], [t.X, t.W, t.B], [t.Dy]);
        var evalY = F.BatchNorm(t.X, t.RunningMean, t.RunningVar, t.W, t.B, training: false, eps: 1e-5);
        var evalDx = Autograd.Grad([evalY], [t.X], [t.Dy])[0]!;
        return (y, train[0]!, train[1]!, train[2]!, evalY, evalDx);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Float32MatchesPyTorch(bool planes) => ThreadsCollection.WithThreads(2, () =>
    {
        var t = Inputs(planes ? [2, 3, 11] : [6, 13], DType.Float32);
        var (y, dx, dw, db, evalY, evalDx) = Run(t);
        Assert.Equal(planes ? PlanesY : RowsY, Core.SumBitsTests.Bits32(y));
        Assert.Equal(planes ? PlanesDx : RowsDx, Core.SumBitsTests.Bits32(dx));
        Assert.Equal(planes ? PlanesDw : RowsDw, Core.SumBitsTests.Bits32(dw));
        Assert.Equal(planes ? PlanesDb : RowsDb, Core.SumBitsTests.Bits32(db));
        Assert.Equal(planes ? PlanesRm : RowsRm, Core.SumBitsTests.Bits32(t.RunningMean));
        Assert.Equal(planes ? PlanesRv : RowsRv, Core.SumBitsTests.Bits32(t.RunningVar));
        Assert.Equal(planes ? PlanesEvalY : RowsEvalY, Core.SumBitsTests.Bits32(evalY));
        Assert.Equal(planes ? PlanesEvalDx : RowsEvalDx, Core.SumBitsTests.Bits32(evalDx));
    });

    [Fact]
    public void Float64MatchesPyTorch() => ThreadsCollection.WithThreads(2, () =>
    {
        var t = Inputs([5, 7], DType.Float64);
        var (y, dx, dw, db, evalY, evalDx) = Run(t);
        Assert.Equal(Rows64Y, Core.SumBitsTests.Bits64(y));
        Assert.Equal(Rows64Dx, Core.SumBitsTests.Bits64(dx));
        Assert.Equal(Rows64Dw, Core.SumBitsTests.Bits64(dw));
        Assert.Equal(Rows64Db, Core.SumBitsTests.Bits64(db));
        Assert.Equal(Rows64Rm, Core.SumBitsTests.Bits64(t.RunningMean));
        Assert.Equal(Rows64Rv, Core.SumBitsTests.Bits64(t.RunningVar));
        Assert.Equal(Rows64EvalY, Core.SumBitsTests.Bits64(evalY));
        Assert.Equal(Rows64EvalDx, Core.SumBitsTests.Bits64(evalDx));
    });

    [Fact]
    public void RunningStatisticsAreUpdatedInPlaceOnce()
    {
        var t = Inputs([4, 3], DType.Float32);
        long before = t.RunningMean.Version;
        F.BatchNorm(t.X, t.RunningMean, t.RunningVar, t.W, t.B, training: true);
        Assert.Equal(before + 1, t.RunningMean.Version);
    }

    [Fact]
    public void RecordedBackwardAgreesWithTheKernel()
    {
        // With create_graph the backward is built from differentiable ops; its values agree with the fused kernel's.
        foreach (bool training in new[] { true, false })
        {
            var t = Inputs([4, 3, 5], DType.Float64);
            var fused = Autograd.Grad([F.BatchNorm(t.X, t.RunningMean, t.RunningVar, t.W, t.B, training)], [t.X, t.W, t.B], [t.Dy]);
            var recorded = Autograd.Grad([F.BatchNorm(t.X, t.RunningMean, t.RunningVar, t.W, t.B, training)], [t.X, t.W, t.B], [t.Dy], createGraph: true);
            for (int i = 0; i < 3; i++) Check.Close(fused[i]!, recorded[i]!, 1e-12);
            Assert.NotNull(recorded[0]!.GradFn);
        }
    }

    [Fact]
    public void InstanceNormMatchesPyTorch() => ThreadsCollection.WithThreads(2, () =>
    {
        // instance_norm is batch_norm over [1, N·C, L] (per-channel kernels), its running statistics averaged over the batch
        var t = Inputs([4, 6, 37], DType.Float32);
        var y = F.InstanceNorm(t.X, t.RunningMean, t.RunningVar, t.W, t.B, useInputStats: true, momentum: 0.1, eps: 1e-5);
        var grads = Autograd.Grad([y], [t.X, t.W, t.B], [t.Dy]);
        Assert.Equal(InstanceY, Core.SumBitsTests.Bits32(y.Select(0, 3).Select(0, 5).Narrow(0, 29, 8)));
        Assert.Equal(InstanceDx, Core.SumBitsTests.Bits32(grads[0]!.Select(0, 3).Select(0, 5).Narrow(0, 29, 8)));
        Assert.Equal(InstanceDw, Core.SumBitsTests.Bits32(grads[1]!));
        Assert.Equal(InstanceDb, Core.SumBitsTests.Bits32(grads[2]!));
        Assert.Equal(InstanceRm, Core.SumBitsTests.Bits32(t.RunningMean));
        Assert.Equal(InstanceRv, Core.SumBitsTests.Bits32(t.RunningVar));
    });
}
