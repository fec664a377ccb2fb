namespace Sharpgrad.Tests.Core;

/// <summary>baddbmm: PyTorch 2.6 values, gradients, node name, integer and beta = 0 behaviour, messages; gradcheck.</summary>
public class BaddbmmTests
{
    /// <summary>cos(i·k) over <paramref name="shape"/> in Float64, as the oracle script builds its inputs.</summary>
    private static Tensor Cosines(double k, params int[] shape) =>
        Tensor.FromArray(Enumerable.Range(0, shape.Aggregate(1, (a, b) => a * b)).Select(i => Math.Cos(i * k)).ToArray(), shape);

    private static void Close(double[] expected, Tensor actual) => NN.Check.Close(expected, actual, 1e-12);

    private static string Message<TException>(Func<object> f) where TException : Exception => Assert.Throws<TException>(f).Message;

    [Fact]
    public void ValuesAndGradientsMatchPyTorch()
    {
        var input = Cosines(0.7, 2, 2, 4).RequiresGrad_();
        var b1 = Cosines(1.3, 2, 2, 3).RequiresGrad_();
        var b2 = Cosines(0.4, 2, 3, 4).RequiresGrad_();
        var y = Tensor.Baddbmm(input, b1, b2, beta: 0.5, alpha: 2.0);
        Assert.Equal("BaddbmmBackward0", y.GradFn!.Name);
        Close([4.1952334558270135, 3.5387499019149953, 2.2040928147183907, 0.4949058714380694, -3.9001813544591055, -3.946954009597442, -3.2242972660358498, -1.9160069195434604,
            -1.3220541198367373, -0.5147806985731842, 0.2175685529312032, 0.7977948032705318, 1.703383943371442, 1.8791908447225971, 1.9063667691373618, 1.7779193798765072], y);
        (y * Tensor.Arange(16).To(DType.Float64).View(2, 2, 4)).Sum().Backward();
        Close([0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5.0, 5.5, 6.0, 6.5, 7.0, 7.5], input.Grad!);
        Close([6.803095352254472, -9.435202579271218, -6.252088535993258, 30.644099014868267, -26.4349018997379, -29.10032599976071, 46.468347694951, 49.23485635388263,
            -49.343616267162886, 64.80236225415453, 71.01240488366285, -68.94941885429184], b1.Grad!);
        Close([-5.807458433601119, -5.259323042001399, -4.711187650401678, -4.163052258801958, 3.748133370403017, 5.220164370252946, 6.6921953701028745, 8.164226369952804,
            7.812701005824188, 8.05209875054234, 8.291496495260493, 8.530894239978645, 16.405598856695438, 17.80870237512849, 19.211805893561543, 20.614909411994596,
            6.615177120706917, 6.534627479345087, 6.454077837983256, 6.373528196621425, -12.8664945948289, -14.312691982682793, -15.758889370536687, -17.20508675839058], b2.Grad!);

        // a broadcast input gets its gradient summed back
        var row = Cosines(0.9, 4).RequiresGrad_();
        var yr = row.Baddbmm(Cosines(1.3, 2, 2, 3), Cosines(0.4, 2, 3, 4));
        Assert.Equal([2, 2, 4], yr.Shape);
        Close([2.8476167279135067, 2.19977437240704, 0.8323525269410481, -0.5304076801480622, -0.7145350920623883, -1.1177528647053574, -1.7167855223758368, -1.908703694144435,
            0.14508147045406894, 0.11425495988821854, -0.30689338181331166, -0.5435182058912617, 1.981514135214892, 1.7981357911647409, 0.9585878579017824, 0.10377177992019049], yr);
        yr.Sum().Backward();
        Close([4.0, 4.0, 4.0, 4.0], row.Grad!);

        // beta = 0 ignores the input, NaN included; its gradient is grad·0
        double[] product = [1.8476167279135065, 1.5781644041363756, 1.0595546216341352, 0.373664461868999, -1.7145350920623883, -1.7393628329760218, -1.4895834276827498, -1.0046315521273739,
            -0.8549185295459311, -0.5073550083824458, -0.07969128712022455, 0.36055393612579956, 0.9815141352148921, 1.1765258228940765, 1.1857899525948694, 1.0078439219372517];
        Close(product, Tensor.Baddbmm(Cosines(0.9, 4), Cosines(1.3, 2, 2, 3), Cosines(0.4, 2, 3, 4), beta: 0));
        var nan = Tensor.Scalar(double.NaN, DType.Float64, requiresGrad: true);
        var yn = Tensor.Baddbmm(nan, Cosines(1.3, 2, 2, 3), Cosines(0.4, 2, 3, 4), beta: 0);
        Close(product, yn);
        yn.Sum().Backward();
        Assert.Equal(0.0, nan.Grad!.Item<double>());
    }

    [Fact]
    public void IntegersUseTheIntegerPartsOfAlphaAndBeta()
    {
        var a = Tensor.Arange(8).View(2, 2, 2);
        var b1 = Tensor.Arange(12).View(2, 2, 3);
        var b2 = Tensor.Arange(12).View(2, 3, 2) - 4L;
        var y = Tensor.Baddbmm(a, b1, b2);
        Assert.Equal(DType.Int64, y.DType);
        Assert.Equal(new long[] { -2, 2, -18, -5, 92, 114, 130, 161 }, y.ToArray<long>());
        Assert.Equal(new long[] { -6, 5, -56, -18, 272, 337, 384, 476 }, Tensor.Baddbmm(a, b1, b2, beta: 2, alpha: 3).ToArray<long>());
        Assert.Equal(new long[] { 0, 1, 2, 3, 4, 5, 6, 7 }, Tensor.Baddbmm(a, b1, b2, alpha: 0.5).ToArray<long>());
        Assert.Equal(new long[] { -2, 1, -20, -8, 88, 109, 124, 154 }, Tensor.Baddbmm(a, b1, b2, beta: 0.5).ToArray<long>());
    }

    [Fact]
    public void ErrorsMatchPyTorchAndGradientsCheck()
    {
        Tensor Z(params int[] shape) => Tensor.Zeros(shape);
        Assert.Equal("batch1 must be a 3D tensor", Message<ArgumentException>(() => Tensor.Baddbmm(Z(2, 2, 4), Z(2, 2, 3, 1), Z(2, 3, 4))));
        Assert.Equal("batch2 must be a 3D tensor", Message<ArgumentException>(() => Tensor.Baddbmm(Z(2, 2, 4), Z(2, 2, 3), Z(2, 3, 4, 2))));
        Assert.StartsWith("Dimension out of range (expected to be in range of [-2, 1], but got 2)", Message<ArgumentOutOfRangeException>(() => Tensor.Baddbmm(Z(2, 2, 4), Z(2, 2, 3), Z(2, 3))));
        Assert.StartsWith("Dimension out of range (expected to be in range of [-1, 0], but got 2)", Message<ArgumentOutOfRangeException>(() => Tensor.Baddbmm(Z(2, 2, 4), Z(2, 2, 3), Z(4))));
        Assert.Equal("The expanded size of the tensor (3) must match the existing size (2) at non-singleton dimension 0.  Target sizes: [3, 2, 4].  Tensor sizes: [2, 2, 4]",
            Message<ArgumentException>(() => Tensor.Baddbmm(Z(2, 2, 4), Z(3, 2, 3), Z(2, 3, 4))));
        Assert.Equal("The expanded size of the tensor (2) must match the existing size (3) at non-singleton dimension 0.  Target sizes: [2, 2, 4].  Tensor sizes: [3, 1, 1]",
            Message<ArgumentException>(() => Tensor.Baddbmm(Z(3, 1, 1), Z(2, 2, 3), Z(2, 3, 4))));
        Assert.Equal("Expected size for first two dimensions of batch2 tensor to be: [2, 3] but got: [2, 2].", Message<ArgumentException>(() => Tensor.Baddbmm(Z(2, 2, 4), Z(2, 2, 3), Z(2, 2, 4))));
        Assert.Equal("expected scalar type Float but found Double", Message<ArgumentException>(() => Tensor.Baddbmm(Z(2, 2, 4), Z(2, 2, 3), Z(2, 3, 4).To(DType.Float64))));
        Assert.Equal("Input dtypes must be the same, got: input double, batch1: float, batch2: float",
            Message<ArgumentException>(() => Tensor.Baddbmm(Z(2, 2, 4).To(DType.Float64), Z(2, 2, 3), Z(2, 3, 4))));
        Assert.Equal("Input dtypes must be the same, got: input float, batch1: double, batch2: double",
            Message<ArgumentException>(() => Tensor.Baddbmm(Z(2, 2, 4), Z(2, 2, 3).To(DType.Float64), Z(2, 3, 4).To(DType.Float64))));
        Assert.Equal("\"baddbmm\" not implemented for 'Bool'",
            Message<ArgumentException>(() => Tensor.Baddbmm(Tensor.Ones([2, 2, 4], DType.Bool), Tensor.Ones([2, 2, 3], DType.Bool), Tensor.Ones([2, 3, 4], DType.Bool))));
        Assert.Equal(new double[16].Select(_ => 1.0), Tensor.Baddbmm(Tensor.Ones([1, 1, 1]), Tensor.Ones([2, 2, 0]), Tensor.Ones([2, 0, 4])).To(DType.Float64).ToArray<double>());

        Tensor.ManualSeed(12);
        Tensor R(params int[] shape) => Tensor.Randn(shape, DType.Float64, requiresGrad: true);
        Assert.True(Autograd.GradCheck(a => Tensor.Baddbmm(a[0], a[1], a[2], beta: 0.5, alpha: -1.5), [R(2, 1, 4), R(2, 3, 5), R(2, 5, 4)]));
        Assert.True(Autograd.GradCheck(a => a[0].Baddbmm(a[1], a[2]), [R(4), R(3, 2, 2), R(3, 2, 4)]));
    }
}
