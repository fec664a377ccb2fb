using Sharpgrad.NN;
using F = Sharpgrad.NN.Functional;

namespace Sharpgrad.Tests.NN;

/// <summary>
/// EmbeddingBag and F.EmbeddingBag against PyTorch 2.6: values, weight and per-sample-weight gradients and node names
/// (<see cref="EmbeddingBagFacts"/>), max_norm, reprs and messages.
/// </summary>
public class EmbeddingBagTests
{
    private static Tensor Det(double k, double scale, params int[] shape) => Check.Det(shape, k, scale);

    private static Tensor X2 => Tensor.FromArray(new long[] { 1, 2, 4, 4, 3, 9 }, [2, 3]);

    private static Tensor X1 => Check.I64(1, 2, 4, 5, 4, 3, 2, 9);

    /// <summary>One oracle case: the output, the weight and the per-sample weights (null when there are none).</summary>
    private static (Tensor Out, Tensor Weight, Tensor? Samples) Case(string name, string mode)
    {
        var w = Det(0.7, 1, 10, 3).RequiresGrad_();
        Tensor? p = name.StartsWith("psw") ? Det(0.9, 1.5, name == "psw2d" ? [2, 3] : [8]).RequiresGrad_() : null;
        var y = name switch
        {
            "2d" => F.EmbeddingBag(X2, w, mode: mode),
            "1d" => F.EmbeddingBag(X1, w, Check.I64(0, 2, 2, 5), mode: mode),
            "last" => F.EmbeddingBag(X1, w, Check.I64(0, 2, 2, 5, 8), mode: mode, includeLastOffset: true),
            "lastshort" => F.EmbeddingBag(X1, w, Check.I64(0, 2, 5, 6), mode: mode, includeLastOffset: true),
            "pad" => F.EmbeddingBag(X1, w, Check.I64(0, 2, 3, 5), mode: mode, paddingIdx: 2),
            "padneg" => F.EmbeddingBag(X2, w, mode: mode, paddingIdx: -6),
            "psw2d" => F.EmbeddingBag(X2, w, mode: "sum", perSampleWeights: p),
            "psw1d" => F.EmbeddingBag(X1, w, Check.I64(0, 2, 2, 5), mode: "sum", perSampleWeights: p),
            "pswpad" => F.EmbeddingBag(X1, w, Check.I64(0, 2, 3, 5), mode: "sum", perSampleWeights: p, paddingIdx: 2),
            _ => throw new ArgumentException(name),
        };
        return (y, w, p);
    }

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var (c, m) in EmbeddingBagFacts.All.Keys) data.Add(c, m);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ValuesGradientsAndNodesMatchPyTorch(string name, string mode)
    {
        var (node, shape, values, weightGrad, sampleGrad) = EmbeddingBagFacts.All[(name, mode)];
        var (y, w, p) = Case(name, mode);
        Assert.Equal(node, y.GradFn!.Name);
        Assert.Equal(shape, y.Shape);
        Check.Close(values, y, 1e-12);
        (y * Det(0.3, 1, shape)).Sum().Backward();
        Check.Close(weightGrad, w.Grad!, 1e-12);
        if (sampleGrad is not null) Check.Close(sampleGrad, p!.Grad!, 1e-12);
    }

    [Theory]
    [InlineData("maxnorm2", "sum", 2.0)]
    [InlineData("maxnorm2", "max", 2.0)]
    [InlineData("maxnorm1", "sum", 1.0)]
    [InlineData("maxnorm1", "max", 1.0)]
    public void MaxNormRenormalisesTheNamedRowsInPlace(string name, string mode, double normType)
    {
        var (values, weightGrad, weightAfter) = EmbeddingBagFacts.MaxNorm[(name, mode)];
        var w = Det(0.7, 2, 10, 3).RequiresGrad_();
        var y = F.EmbeddingBag(X1, w, Check.I64(0, 2, 2, 5), maxNorm: 1.5, normType: normType, mode: mode);
        Check.Close(values, y, 1e-12);
        Check.Close(weightAfter, w, 1e-12); // rows 0, 6, 7, 8 are not named and keep their norms
        Assert.Equal(1L, w.Version);
        (y * Det(0.3, 1, 4, 3)).Sum().Backward();
        Check.Close(weightGrad, w.Grad!, 1e-12);
    }

    [Fact]
    public void EdgeCasesMatchPyTorch()
    {
        var w = Det(0.7, 1, 10, 3);
        // Float32 (PyTorch: mean of [1, 2] and an empty bag)
        var f32 = F.EmbeddingBag(X1, w.To(DType.Float32), Check.I64(0, 2, 2, 5));
        Assert.Equal(DType.Float32, f32.DType);
        Check.Close([-0.4975534677505493, -0.37785500288009644, -0.08044540882110596, 0, 0, 0, -0.5047047734260559, -0.564146101474762, -0.35826078057289124,
            0.502775251865387, 0.557266891002655, 0.34966719150543213], f32, 1e-6);
        // a single include_last_offset bag; an empty input of two empty bags; no rows
        Assert.Equal([1, 3], F.EmbeddingBag(X1, w, Check.I64(0, 2), mode: "sum", includeLastOffset: true).Shape);
        Check.Close(new double[6], F.EmbeddingBag(Tensor.Zeros([0], DType.Int64), w, Check.I64(0, 0)));
        Assert.Equal([0, 3], F.EmbeddingBag(Tensor.Zeros([0, 3], DType.Int64), w, mode: "max").Shape);
        // equal maxima: the first one gets the gradient
        var tie = Tensor.FromArray(new double[] { 1, 2, 1, 2 }, [2, 2]).RequiresGrad_();
        F.EmbeddingBag(Check.I64(1, 0), tie, Check.I64(0), mode: "max").Sum().Backward();
        Check.Close([0, 0, 1, 1], tie.Grad!);
        // no gradient is recorded without a weight that requires one
        Assert.Null(F.EmbeddingBag(X2, w).GradFn);
    }

    private static void Throws<TException>(string message, Func<object> f) where TException : Exception =>
        Assert.Equal(message, Assert.Throws<TException>(() => f()).Message);

    [Fact]
    public void BadArgumentsGivePyTorchsMessages()
    {
        var w = Det(0.7, 1, 10, 3);
        Throws<ArgumentException>("embedding_bag: If per_sample_weights (torch.Size([3])) is not None, then it must have the same shape as the input (torch.Size([2, 3]))",
            () => F.EmbeddingBag(X2, w, perSampleWeights: Tensor.Ones([3], DType.Float64), mode: "sum"));
        Throws<ArgumentException>("weight has to be a 2D Tensor, but got Tensor of dimension 1", () => F.EmbeddingBag(X2, w.Select(0, 0)));
        Throws<ArgumentException>("if input is 2D, then offsets has to be None, as input is treated is a mini-batch of fixed length sequences. However, found offsets of type <class 'torch.Tensor'>",
            () => F.EmbeddingBag(X2, w, Check.I64(0, 1)));
        Throws<ArgumentException>("offsets has to be a 1D Tensor but got None", () => F.EmbeddingBag(X1, w));
        Throws<ArgumentException>("offsets has to be a 1D Tensor", () => F.EmbeddingBag(X1, w, Check.I64(0, 1).View([1, 2])));
        Throws<ArgumentException>("input has to be 1D or 2D Tensor, but got Tensor of dimension 3", () => F.EmbeddingBag(X2.View([1, 2, 3]), w));
        Throws<ArgumentException>("mode has to be one of sum, mean or max", () => F.EmbeddingBag(X2, w, mode: "min"));
        Throws<InvalidOperationException>("embedding_bag: per_sample_weights was not None. per_sample_weights is only supported for mode='sum' (got mode='mean'). Please open a feature request on GitHub.",
            () => F.EmbeddingBag(X2, w, perSampleWeights: Tensor.Ones([2, 3], DType.Float64)));
        Throws<InvalidOperationException>("embedding_bag: per_sample_weights was not None. per_sample_weights is only supported for mode='sum' (got mode='max'). Please open a feature request on GitHub.",
            () => F.EmbeddingBag(X2, w, mode: "max", perSampleWeights: Tensor.Ones([2, 3], DType.Float64)));
        Throws<ArgumentException>("offsets[0] has to be 0, i.e., the first sequence in the mini-batch has to start from position 0. However, got 1\n[ torch.LongTensor{} ]",
            () => F.EmbeddingBag(X1, w, Check.I64(1, 2)));
        Throws<ArgumentException>("offsets[-1] can not be greater than input's length 8 but got offsets[-1] of 9", () => F.EmbeddingBag(X1, w, Check.I64(0, 9)));
        Throws<ArgumentOutOfRangeException>("embedding_bag: Expected idx >= 0 && idx < num_embeddings but found idx to be 10", () => F.EmbeddingBag(Check.I64(1, 10), w, Check.I64(0)));
        Throws<ArgumentOutOfRangeException>("embedding_bag: Expected idx >= 0 && idx < num_embeddings but found idx to be -1", () => F.EmbeddingBag(Check.I64(1, -1), w, Check.I64(0)));
        Throws<ArgumentException>("Expected tensor for argument #1 'indices' to have one of the following scalar types: Long, Int; but got torch.DoubleTensor instead (while checking arguments for embedding_bag)",
            () => F.EmbeddingBag(X1.To(DType.Float64), w, Check.I64(0, 2)));
        Throws<ArgumentException>("Expected tensor for argument #1 'weight' to have one of the following scalar types: Half, BFloat16, Float, Double; but got torch.LongTensor instead (while checking arguments for embedding_bag)",
            () => F.EmbeddingBag(X1, w.To(DType.Int64), Check.I64(0, 2)));
        Throws<ArgumentException>("Expected tensor for argument #1 'weight' to have one of the following scalar types: Half, BFloat16, Float, Double; but got CPUBoolType instead (while checking arguments for embedding_bag)",
            () => F.EmbeddingBag(X1, w.To(DType.Bool), Check.I64(0, 2)));
        Throws<ArgumentException>("Expected tensor for argument #1 'weight' to have the same type as tensor for argument #1 'per_sample_weights'; but type torch.DoubleTensor does not equal torch.FloatTensor (while checking arguments for embedding_bag)",
            () => F.EmbeddingBag(X1, w, Check.I64(0, 2), perSampleWeights: Tensor.Ones([8]), mode: "sum"));
        Throws<ArgumentException>("padding_idx must be within the number of embeddings, -10 through 9, but got 10", () => F.EmbeddingBag(X1, w, Check.I64(0, 2), paddingIdx: 10));
        Throws<ArgumentException>("padding_idx must be within the number of embeddings, -10 through 9, but got -11", () => F.EmbeddingBag(X1, w, Check.I64(0, 2), paddingIdx: -11));
        Throws<ArgumentException>("padding_idx must be within num_embeddings", () => new EmbeddingBag(10, 3, paddingIdx: 10));
        Throws<ArgumentException>("padding_idx must be within num_embeddings", () => new EmbeddingBag(10, 3, paddingIdx: -11));
    }

    [Fact]
    public void ModuleInitialisesForwardsAndPrintsAsPyTorch()
    {
        Assert.Equal("EmbeddingBag(10, 3, mode='mean')", new EmbeddingBag(10, 3).ToString());
        Assert.Equal("EmbeddingBag(10, 3, mode='sum', padding_idx=2)", new EmbeddingBag(10, 3, mode: "sum", paddingIdx: 2).ToString());
        Assert.Equal("EmbeddingBag(10, 3, mode='max', padding_idx=9)", new EmbeddingBag(10, 3, mode: "max", includeLastOffset: true, paddingIdx: -1).ToString());
        Assert.Equal("EmbeddingBag(10, 3, max_norm=1.0, mode='mean')", new EmbeddingBag(10, 3, maxNorm: 1.0).ToString());
        Assert.Equal("EmbeddingBag(10, 3, max_norm=1.5, norm_type=1.0, mode='sum')", new EmbeddingBag(10, 3, maxNorm: 1.5, normType: 1, mode: "sum").ToString());

        var bag = new EmbeddingBag(10, 3, paddingIdx: -1, dtype: DType.Float64);
        Assert.Equal(9, bag.PaddingIdx);
        Assert.Equal(["weight"], bag.StateDict().Keys);
        Assert.True(bag.Weight.RequiresGrad);
        Check.Close([0.0, 0.0, 0.0], bag.Weight.Select(0, 9));
        // N(0, 1) initialisation: 3000 draws have mean near 0 and standard deviation near 1
        var big = new EmbeddingBag(1000, 3).Weight;
        Assert.InRange(big.Mean().Item<float>(), -0.1f, 0.1f);
        Assert.InRange(big.Std().Item<float>(), 0.9f, 1.1f);

        var m = new EmbeddingBag(10, 3, mode: "sum", paddingIdx: 2, dtype: DType.Float64);
        using (Autograd.NoGrad()) m.Weight.Copy_(Det(0.7, 1, 10, 3));
        var y = m.Forward(X1, Check.I64(0, 2, 3, 5), Det(0.9, 1.5, 8));
        Assert.Equal("EmbeddingBagBackward0", y.GradFn!.Name);
        Check.Close(EmbeddingBagFacts.All[("pswpad", "sum")].Values, y, 1e-12);
        var last = new EmbeddingBag(10, 3, mode: "max", includeLastOffset: true, dtype: DType.Float64);
        using (Autograd.NoGrad()) last.Weight.Copy_(Det(0.7, 1, 10, 3));
        Check.Close(EmbeddingBagFacts.All[("last", "max")].Values, last.Forward(X1, Check.I64(0, 2, 2, 5, 8)), 1e-12);
        var two = new EmbeddingBag(10, 3, dtype: DType.Float64);
        using (Autograd.NoGrad()) two.Weight.Copy_(Det(0.7, 1, 10, 3));
        Check.Close(EmbeddingBagFacts.All[("2d", "mean")].Values, two.Forward(X2), 1e-12);
    }

    [Fact]
    public void EmbeddingBagPassesGradCheck()
    {
        static bool Ok(Func<Tensor[], Tensor> f, params Tensor[] inputs) => Autograd.GradCheck(f, inputs);
        Tensor W() => Det(0.7, 1, 10, 3).RequiresGrad_();
        var offsets = Check.I64(0, 2, 2, 5);
        foreach (var mode in new[] { "sum", "mean", "max" })
        {
            Assert.True(Ok(i => F.EmbeddingBag(X1, i[0], offsets, mode: mode, paddingIdx: 2), W()));
            Assert.True(Ok(i => F.EmbeddingBag(X2, i[0], mode: mode), W()));
        }
        Assert.True(Ok(i => F.EmbeddingBag(X1, i[0], offsets, mode: "sum", perSampleWeights: i[1], paddingIdx: 4), W(), Det(0.9, 1.5, 8).RequiresGrad_()));
        Assert.True(Ok(i => F.EmbeddingBag(X2, i[0], mode: "sum", perSampleWeights: i[1]), W(), Det(0.9, 1.5, 2, 3).RequiresGrad_()));
    }
}
