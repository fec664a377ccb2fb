using F = Sharpgrad.NN.Functional;

namespace Sharpgrad.Tests.NN;

/// <summary>
/// The gradients of softmax and log_softmax along a dim that is not the last, bit for bit as PyTorch 2.6 computes them on
/// this CPU (ATen's _vec_softmax_backward / _vec_log_softmax_backward): sums accumulated down the dim position by
/// position, softmax's products fused into them, log_softmax's exp through SLEEF for whole 64-byte vectors of positions
/// and through the C library for the rest (21 positions: 16 + 5; 11 doubles: 8 + 3; 19: 16 + 3), and the last step fused.
/// Inputs are SumBitsTests' hashed values × 10; the gradient fed back has seed 3.
/// </summary>
public class SoftmaxGradientBitsTests
{
    private static readonly uint[] SoftmaxGrad =
    [
        0x368a3391, 0xbb1f7c26, 0xb924974b, 0x3c753456, 0xba555879, 0x376f099d, 0xbba430c0, 0xb9966906,
        0x3c7734bc, 0xbac42568, 0xb8d01aa7, 0x3c71bea3, 0xba087b75, 0x36c19038, 0xbb3d7b0e, 0xb93f89a9,
        0x3c75ff0e, 0xba77e1ba, 0x379dc57c, 0xbbbfa7f4, 0xb9ae9f51, 0xb921d2e8, 0xbb61d345, 0xba422e86,
        0x388e8edd, 0xbb30c53d, 0xb991f65a, 0x3c015da5, 0xbaa2aa31, 0xb90b42b6, 0xbb6cc0f5, 0xba00f2b1,
        0x388defa9, 0xbb021462, 0xb93bda74, 0xbb36202d, 0xba5db321, 0x388eb34d, 0xbb414ed7, 0xb9a8a878,
        0x3cbe6dff, 0xbab7c8dc,
    ];

    private static readonly uint[] LogSoftmaxGrad =
    [
        0x3e9b6b08, 0xbc60a161, 0xbeb4306c, 0x3f2cef80, 0xbe194a60, 0x3ec2e4c4, 0x3dd10493, 0xbe8cceb5,
        0x3f34667e, 0xbd905b31, 0xbecc9295, 0x3efcad1e, 0xbe4ae71e, 0x3eaa82e0, 0x3c80828e, 0xbea52eba,
        0x3f2a70ff, 0xbdf7c668, 0x3ed1f0a2, 0x3e3b29d8, 0xbe7b241d, 0xbeb4c414, 0x3e80efa1, 0xbe1f85e4,
        0x3ec24993, 0x3d3b5fd2, 0xbe8de83c, 0x3f1d453f, 0xbda664a8, 0xbecd0859, 0x3e0c94be, 0xbe4f59c9,
        0x3ea9bbf6, 0xbbe800c5, 0xbea5d02f, 0x3e8f94a6, 0xbe02e678, 0x3ed15fcd, 0x3d8de314, 0xbe7e9a37,
        0x3f82fc1e, 0xbd4ca39b,
    ];

    private static readonly ulong[] SoftmaxGrad64 =
    [
        0x3f2810aeba509955UL, 0xbf945bb0bbf3bc7bUL, 0xbf633687c79402c6UL, 0x3f9eb7484a64af80UL,
        0xbf812654c96adcfeUL, 0x3f2810aeba509955UL, 0xbf945bb0bbf3bc7bUL, 0xbf633687c79402bdUL,
        0x3f9eb7484a64af79UL, 0xbf811b69a601b056UL, 0xbf429a9595ad4125UL, 0x3f9eb2ec566452e2UL,
        0xbf80f3c6eee7aeceUL, 0x3f281256614d521fUL, 0xbf9465b712ff1951UL, 0xbf63295ef19b8b0dUL,
        0x3f9eb2ec566452e2UL, 0xbf80f3c6eee7aecbUL, 0x3f281256614d5220UL, 0xbf9465b712ff1950UL,
        0xbf63219d4864d308UL, 0x3f9f5510bdfdf841UL, 0xbf94661933642928UL, 0xbf62f2dbd9efaec1UL,
        0x3f9ecb6e7ed495f2UL, 0xbf806d8997f9bf4aUL, 0x3f28121abdf1df84UL, 0xbf9466193364292aUL,
        0xbf62f2dbd9efaec1UL, 0x3f9ecb6e7ed495f3UL, 0xbf806d8997f9bf49UL, 0xbf428c5fa67d790bUL,
        0xbf94494d53e12261UL, 0xbf806d88e799959eUL, 0x3f27dbbd2dd8110eUL, 0xbf945f8bb24c95a0UL,
        0xbf62319a228ab90fUL, 0x3f9f0f52bb12b30fUL, 0xbf806d88e79995a1UL, 0x3f27dbbd2dd8110dUL,
        0xbf945f8bb24c95a0UL, 0xbf62319a228ab90fUL, 0x3f9fb0c0aeb44187UL, 0xbf80634e6c1d1d58UL,
        0xbf62318065400100UL, 0x3f9f04383449d99aUL, 0xbf806a6d00b03533UL, 0x3f25b36c74504dccUL,
        0xbf944720ada5b6eaUL, 0xbf62318065400100UL, 0x3f9f04383449d99aUL, 0xbf806a6d00b03532UL,
        0x3f25b36c74504dccUL, 0xbf942a753572e33cUL, 0xbf622a3c3b06e940UL,
    ];

    private static readonly ulong[] LogSoftmaxGrad64 =
    [
        0x3fd36fd55dd13becUL, 0xbf6ab5912107e376UL, 0xbfd676e2030f46dbUL, 0x3fc49bd0242a6212UL,
        0xbfc36a054acb3763UL, 0x3fd85c92d90e0245UL, 0x3f8d3774011db42cUL, 0xbfd1a3dadb06eb59UL,
        0xbfb45ee83466051eUL, 0xbfaf65694d8f1661UL, 0xbfd985cb3d834d06UL, 0x3fd373e1d66faf56UL,
        0xbfc8b5a40b4cf5e0UL, 0x3fd5514ae7e918fcUL, 0x3f64ca97ef075cfbUL, 0xbfd49fb1858a7a6aUL,
        0x3fb03a39d5966ed8UL, 0xbfc02cd77593fd77UL, 0x3fda3e08dc2c1a78UL, 0x3f97ef3c1bfe8b55UL,
        0xbfcf0ec53a8205beUL, 0x3fe0e3f4b659269eUL, 0xbf87435ecb4b82b2UL, 0xbfd79bb1acf98c98UL,
        0x3fca6887330c342aUL, 0xbfc578563ef5e464UL, 0x3fd732c1614ce590UL, 0x3f836a32f36408c2UL,
        0xbfd2c848639237f3UL, 0xbfa17aa4a4bb3d60UL, 0xbfb9b88f21758beeUL, 0xbfdaafa084e05814UL,
        0x3fc3e846ca8df6daUL, 0xbfcad07487eff5c6UL, 0x3fd427728828793fUL, 0xbf721aafae48665dUL,
        0xbfd5c445b4587426UL, 0x3fbbe046b9c112f4UL, 0xbfc23460e2110927UL, 0x3fd91441e9f6a695UL,
        0x3f90d50857cb69c7UL, 0xbfd0ef26a05bf52cUL, 0x3fe251bbf3b8b7b2UL, 0xbfaafe9780cabf6eUL,
        0xbfd8c161f9ee9448UL, 0x3fd0047c4cb99e10UL, 0xbfc78c837f4d9539UL, 0x3fd608f391e02695UL,
        0x3f64f08d9975e6faUL, 0xbfd3ec42750639aeUL, 0x3f8c16d28b944f07UL, 0xbfbde0a7c829f83eUL,
        0x3fdaf610b412f0bbUL, 0x3fc30070c8c39cbaUL, 0xbfcdacdd48b9476dUL,
    ];

    private static readonly uint[] SoftmaxGradMid =
    [
        0x3c91644f, 0xbc842aba, 0xba109c26, 0xbc831fd9, 0xbbac912b, 0x37686b73, 0xbc842abc, 0xba10779c,
        0x3c91644f, 0xbbab899f, 0x396950c5, 0xbc831fd7, 0xbbac9131, 0x3c93c532, 0xbc842ab9, 0xba107799,
        0x3c91644c, 0xbbabfce1, 0x396950c1, 0xbc28639c, 0xbb924f21, 0x3c62b2b7, 0xbb91d98b, 0x39c6ebfc,
        0xbc87c79d, 0xbb924f22, 0x3c67e240, 0xbc28639a, 0xba6e537f, 0x3c5c066f, 0xbb91d98b, 0x39c6ebfe,
        0xbc27dd79, 0xbb924f22, 0x3c67e245, 0xbc28639c, 0xba6eb910, 0x3c5c066e, 0xbb228007, 0x39be13b9,
        0xbc3848f8, 0xba4e237b, 0x3cdf6ed8, 0xbb94b9d2, 0x39be13b7, 0xbc37b6b9, 0xbb228008, 0x3cefeb37,
        0xbc390523, 0xba4e2375, 0x3cdf6ee3, 0xbb2244ed, 0x39be13b2, 0xbc37b6bb, 0xbb228009, 0x3ce8b5b8,
        0xbc390523, 0x3922b7a5, 0x3d1e4fc7, 0xbb2d65c6, 0x3d21fd33, 0xbc95d975, 0xba516664, 0x3d1e4fc3,
        0xbb2d2555, 0x3922b7a7, 0xbc940896, 0xbb2db8ac, 0x3d21fd36, 0xbc95d977, 0xb9dccfba, 0x3d1e4fc5,
        0xbb2d2552, 0x3922b7a8, 0xbc94d3df, 0xbb2db8af, 0x3b80b42c, 0xbc70ef82, 0x3923503b, 0xbc6f50b6,
        0xbb8ee4d2, 0x3d176aa1, 0xbc70ef84, 0xb9e9d3c0, 0x3b80b439, 0xbb8e1802, 0x3922be19, 0xbc6f50b6,
        0xbb8ee4d6, 0x3b8818eb, 0xbc70ef80, 0xb9e9d3c2, 0x3b80b425, 0xbb8e7194, 0x3922be1c, 0xbc14a9ef,
        0xbb730ce3, 0x39ed87dd, 0xbb725620, 0x398b1a46, 0xbc76e22c, 0xbb730ce4, 0x3a373f39, 0xbc14a9ef,
        0xba40f41f, 0x390f2ae6, 0xbb725620, 0x398b1a4b, 0xbc1441b0, 0xbb730ce4, 0x3a373e63, 0xbc14a9f0,
        0x398be56f, 0x390f2ae4,
    ];

    private static readonly uint[] LogSoftmaxGradMid =
    [
        0xbdb6af54, 0xbd3f57af, 0xbedaa57c, 0x3deddec0, 0xbe6cca45, 0x3e9c3815, 0xbca9c37e, 0xbeb2e483,
        0x3befc002, 0xbe0c1f7e, 0x3ec37d6f, 0x3dccf8cf, 0xbe8cd7fe, 0x3e90b916, 0xbd16ad9e, 0xbecb3776,
        0x3dd4a752, 0xbe4507fd, 0x3eab2a7b, 0xbce27488, 0xbea0ebd0, 0x3e10e6b7, 0xbdee30e3, 0x3ed28db8,
        0x3d6e4921, 0xbe787c27, 0x3ed9e60c, 0xbd73c832, 0xbebbc446, 0xbe531a9b, 0xbe246ece, 0x3eba516f,
        0x3d2226d1, 0xbe92e942, 0x3f07495e, 0xbdbb2b12, 0xbed4a9e8, 0xbdd38289, 0xbe5e5d89, 0x3ea25804,
        0xbc974689, 0xbead2894, 0xbe70acb9, 0xbe0e4280, 0x3ec998cb, 0x3da71e33, 0xbe86be37, 0x3f70355b,
        0xbdcb4c98, 0xbec56b11, 0xbd01759e, 0xbe3be1be, 0x3eb1564d, 0x3d4e8d41, 0xbe9e4da8, 0x3ec7ee7d,
        0xbe059215, 0x3ed87c49, 0x3eefd816, 0xbe6df49b, 0x3ec8d3cf, 0xbd9c036b, 0xbeb6bf37, 0x3e3c3d96,
        0xbe1c3e26, 0x3ec020a8, 0x3df988fd, 0xbe914c27, 0x3f1171e1, 0xbdc52c3b, 0xbecf05b8, 0x3eb82ebe,
        0xbe4b48cc, 0x3ea7c506, 0x3c9b99b5, 0xbea8d17b, 0xbd3333a0, 0xbdab6a91, 0x3ecf5071, 0x3db42563,
        0xbe828b94, 0x3dbfefc2, 0xbd3d8b54, 0xbebfd467, 0x3ca8d8c7, 0xbe28542e, 0x3eb6a6ff, 0x3d84c700,
        0xbe9970ff, 0x3e80ee07, 0xbd8e240e, 0xbed82eeb, 0x3dae0631, 0xbe5f7488, 0x3e9e4c7a, 0xbd389f91,
        0xbeae7eae, 0x3e06a0ca, 0xbe114015, 0x3ec5ba38, 0x3d1f1a61, 0xbe892be1, 0x3ebd2a64, 0xbda4d7d8,
        0xbec8ced8, 0xbe18efa6, 0xbe3f6278, 0x3ead7150, 0x3c6153db, 0xbea03d13, 0x3ee0a663, 0xbded5fe7,
        0x3ed54013, 0xbda3ef39,
    ];

    private static Tensor Gradient(int[] shape, int dim, DType dtype, bool log)
    {
        int n = 1;
        foreach (int s in shape) n *= s;
        var x = (Core.SumBitsTests.Values(n, dtype) * 10).Reshape(shape).RequiresGrad_();
        (log ? F.LogSoftmax(x, dim) : F.Softmax(x, dim)).Backward(Core.SumBitsTests.Values(n, dtype, 3).Reshape(shape));
        return x.Grad!;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Float32AlongTheFirstDimMatchesPyTorch(bool log)
    {
        var rows = Gradient([37, 21], 0, DType.Float32, log).IndexSelect(0, Tensor.FromArray(new long[] { 0, 36 }));
        Assert.Equal(log ? LogSoftmaxGrad : SoftmaxGrad, Core.SumBitsTests.Bits32(rows));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Float64AlongTheFirstDimMatchesPyTorch(bool log) =>
        Assert.Equal(log ? LogSoftmaxGrad64 : SoftmaxGrad64, Core.SumBitsTests.Bits64(Gradient([5, 11], 0, DType.Float64, log)));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AlongAMiddleDimMatchesPyTorch(bool log) =>
        Assert.Equal(log ? LogSoftmaxGradMid : SoftmaxGradMid, Core.SumBitsTests.Bits32(Gradient([3, 6, 19], 1, DType.Float32, log).Select(0, 2)));
}
