using Sharpgrad.NN;
using F = Sharpgrad.NN.Functional;

namespace Sharpgrad.Tests.NN;

/// <summary>
/// MultiLabelMarginLoss and TripletMarginWithDistanceLoss against PyTorch 2.6: values, gradients and node names
/// (<see cref="MarginLossFacts"/>), module reprs and messages. Inputs are built as the oracle script builds them, from
/// <see cref="Check.Det"/>.
/// </summary>
public class MarginLossTests
{
    private static Tensor Det(double k, double scale, params int[] shape) => Check.Det(shape, k, scale);

    /// <summary>Targets with a duplicate class, -1 terminators (entries after them ignored) and a row of no targets at all.</summary>
    private static Tensor Targets => Tensor.FromArray(new long[] { 3, 0, -1, 1, 1, 1, -1, 2, -1, 0, 1, 2 }, [3, 4]);

    private static Tensor CosineDistance(Tensor a, Tensor b) => 1.0 - F.CosineSimilarity(a, b);

    private static (Tensor Loss, Tensor[] Inputs) Case(string name, string r)
    {
        var red = r switch { "none" => Reduction.None, "sum" => Reduction.Sum, _ => Reduction.Mean };
        Tensor G(Tensor t) => t.Detach().Clone().RequiresGrad_();
        if (name.StartsWith("mlm"))
        {
            var x = name == "mlm" ? G(Det(0.7, 1, 3, 4)) : G(Det(0.7, 2, 4));
            var t = name == "mlm" ? Targets : Check.I64(2, 0, -1, 3);
            return (F.MultilabelMarginLoss(x, t, red), [x]);
        }
        Tensor[] ins = [G(Det(0.7, 1, 3, 4)), G(Det(1.3, 1, 3, 4)), G(Det(0.4, 1, 3, 4))];
        var loss = name switch
        {
            "tmwd" => F.TripletMarginWithDistanceLoss(ins[0], ins[1], ins[2], reduction: red),
            "tmwd_cos" => F.TripletMarginWithDistanceLoss(ins[0], ins[1], ins[2], CosineDistance, margin: 0.8, swap: true, reduction: red),
            "tmwd_swap" => F.TripletMarginWithDistanceLoss(ins[0], ins[1], ins[2], margin: 2.5, swap: true, reduction: red),
            _ => throw new ArgumentException(name),
        };
        return (loss, ins);
    }

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var (c, r) in MarginLossFacts.All.Keys) data.Add(c, r);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ValuesGradientsAndNodesMatchPyTorch(string name, string reduction)
    {
        var (node, values, grads) = MarginLossFacts.All[(name, reduction)];
        var (loss, inputs) = Case(name, reduction);
        Assert.Equal(node, loss.GradFn!.Name);
        Assert.Equal(DType.Float64, loss.DType);
        Check.Close(values, loss, 1e-10);
        loss.Sum().Backward();
        for (int i = 0; i < grads.Length; i++) Check.Close(grads[i]!, inputs[i].Grad!, 1e-10);
    }

    [Fact]
    public void ShapesAndEdgeCasesMatchPyTorch()
    {
        Assert.Equal([3], F.MultilabelMarginLoss(Det(0.7, 1, 3, 4), Targets, Reduction.None).Shape);
        Assert.Equal([], F.MultilabelMarginLoss(Det(0.7, 1, 4), Check.I64(2, 0, -1, 3), Reduction.None).Shape);
        // no targets at all (every row starts with -1): zero loss
        Check.Close([0.0, 0.0, 0.0], F.MultilabelMarginLoss(Det(0.7, 1, 3, 4), Tensor.Full([3, 4], -1, DType.Int64), Reduction.None));
        // a 0-dim input is one sample of one class: nothing to rank against
        Check.Close([0.0], F.MultilabelMarginLoss(Tensor.Scalar(0.5, DType.Float64), Tensor.Scalar(0, DType.Int64), Reduction.None));
        Assert.Equal([0], F.MultilabelMarginLoss(Tensor.Zeros([0, 4], DType.Float64), Tensor.Zeros([0, 4], DType.Int64), Reduction.None).Shape);
        // Float32 in, Float32 out (PyTorch: 1.1671757698059082)
        var f32 = F.MultilabelMarginLoss(Det(0.7, 1, 3, 4).To(DType.Float32), Targets);
        Assert.Equal(DType.Float32, f32.DType);
        Check.Close([1.1671757698059082], f32, 1e-6);
        Check.Close([1.135586089863581], F.TripletMarginWithDistanceLoss(Det(0.7, 1, 4), Det(1.3, 1, 4), Det(0.4, 1, 4), reduction: Reduction.None), 1e-12);
        Assert.Equal([2, 3], F.TripletMarginWithDistanceLoss(Tensor.Zeros([2, 3, 4]), Tensor.Zeros([2, 3, 4]), Tensor.Zeros([2, 3, 4]), reduction: Reduction.None).Shape);
    }

    private static void Throws<TException>(string message, Func<object> f) where TException : Exception =>
        Assert.Equal(message, Assert.Throws<TException>(() => f()).Message);

    [Fact]
    public void BadArgumentsGivePyTorchsMessages()
    {
        var x = Det(0.7, 1, 3, 4);
        Tensor Z(params int[] s) => Tensor.Zeros(s, DType.Float64);
        Tensor T(params long[] v) => Tensor.FromArray(v, [3, 4]);
        const string range = "argument #2 'target' is out of range";
        Throws<ArgumentException>(range, () => F.MultilabelMarginLoss(x, T(4, 0, -1, 1, 1, 1, -1, 2, -1, 0, 1, 2)));
        Throws<ArgumentException>(range, () => F.MultilabelMarginLoss(x, T(-2, 0, -1, 1, 1, 1, -1, 2, -1, 0, 1, 2)));
        Throws<ArgumentException>(range, () => F.MultilabelMarginLoss(x, T(0, -1, 5, 1, 1, 1, -1, 2, -1, 0, 1, 2))); // checked past the -1 too
        Throws<ArgumentException>("inconsistent target size: [3] for input of size: [3, 4]", () => F.MultilabelMarginLoss(x, Check.I64(0, 1, 2)));
        Throws<ArgumentException>("inconsistent target size: [3] for input of size: [4]", () => F.MultilabelMarginLoss(Z(4), Check.I64(0, 1, 2)));
        Throws<ArgumentException>("expected scalar type Long but found Double", () => F.MultilabelMarginLoss(x, Z(3, 4)));
        Throws<ArgumentException>("Expected non-empty vector or matrix with optional 0-dim batch size, but got: [2, 3, 4]",
            () => F.MultilabelMarginLoss(Z(2, 3, 4), Tensor.Zeros([2, 3, 4], DType.Int64)));
        Throws<ArgumentException>("Expected non-empty vector or matrix with optional 0-dim batch size, but got: [0]", () => F.MultilabelMarginLoss(Z(0), Tensor.Zeros([0], DType.Int64)));
        Throws<ArgumentException>("\"multilabel_margin_loss_forward_out_frame\" not implemented for 'Long'",
            () => F.MultilabelMarginLoss(Tensor.Zeros([2, 4], DType.Int64), Tensor.Zeros([2, 4], DType.Int64)));

        Throws<ArgumentException>("The anchor, positive, and negative tensors are expected to have the same number of dimensions, but got: anchor 2D, positive 2D, and negative 1D inputs",
            () => F.TripletMarginWithDistanceLoss(Z(2, 3), Z(2, 3), Z(3)));
        Throws<ArgumentException>("margin must be greater than 0, got 0.0", () => F.TripletMarginWithDistanceLoss(Z(2, 3), Z(2, 3), Z(2, 3), margin: 0));
        Throws<ArgumentException>("margin must be greater than 0, got -1.5", () => F.TripletMarginWithDistanceLoss(Z(2, 3), Z(2, 3), Z(2, 3), margin: -1.5));
        Throws<ArgumentException>("TripletMarginWithDistanceLoss: expected margin to be greater than 0, got 0.0 instead", () => new TripletMarginWithDistanceLoss(margin: 0));
        Throws<ArgumentException>("TripletMarginWithDistanceLoss: expected margin to be greater than 0, got -2.0 instead", () => new TripletMarginWithDistanceLoss(margin: -2));
    }

    [Fact]
    public void ModulesMatchTheFunctionsAndPrintAsPyTorch()
    {
        Assert.Equal("MultiLabelMarginLoss()", new MultiLabelMarginLoss().ToString());
        Assert.Equal("TripletMarginWithDistanceLoss(\n  (distance_function): PairwiseDistance()\n)", new TripletMarginWithDistanceLoss().ToString());
        Assert.Equal("TripletMarginWithDistanceLoss()", new TripletMarginWithDistanceLoss(CosineDistance, margin: 2).ToString());
        Assert.Empty(new TripletMarginWithDistanceLoss().StateDict().Keys);

        Check.Close(MarginLossFacts.All[("mlm", "none")].Values, new MultiLabelMarginLoss(Reduction.None).Forward(Det(0.7, 1, 3, 4), Targets), 1e-12);
        Check.Close(MarginLossFacts.All[("mlm", "sum")].Values, new MultiLabelMarginLoss(Reduction.Sum).Forward(Det(0.7, 1, 3, 4), Targets), 1e-12);
        var (a, p, n) = (Det(0.7, 1, 3, 4), Det(1.3, 1, 3, 4), Det(0.4, 1, 3, 4));
        Check.Close(MarginLossFacts.All[("tmwd", "mean")].Values, new TripletMarginWithDistanceLoss().Forward(a, p, n), 1e-12);
        Check.Close(MarginLossFacts.All[("tmwd_cos", "sum")].Values, new TripletMarginWithDistanceLoss(CosineDistance, 0.8, true, Reduction.Sum).Forward(a, p, n), 1e-12);
        Check.Close(MarginLossFacts.All[("tmwd_swap", "none")].Values, new TripletMarginWithDistanceLoss(margin: 2.5, swap: true, reduction: Reduction.None).Forward(a, p, n), 1e-12);
    }

    [Fact]
    public void LossesPassGradCheck()
    {
        static bool Ok(Func<Tensor[], Tensor> f, params Tensor[] inputs) => Autograd.GradCheck(f, inputs);
        Tensor G(Tensor t) => t.Detach().Clone().RequiresGrad_();
        foreach (var red in new[] { Reduction.None, Reduction.Mean, Reduction.Sum })
        {
            Assert.True(Ok(i => F.MultilabelMarginLoss(i[0], Targets, red), G(Det(0.7, 1, 3, 4))));
            Assert.True(Ok(i => F.MultilabelMarginLoss(i[0], Check.I64(2, 0, -1, 3), red), G(Det(0.7, 2, 4))));
            Assert.True(Ok(i => F.TripletMarginWithDistanceLoss(i[0], i[1], i[2], CosineDistance, 0.8, true, red),
                G(Det(0.7, 1, 3, 4)), G(Det(1.3, 1, 3, 4)), G(Det(0.4, 1, 3, 4))));
            Assert.True(Ok(i => F.TripletMarginWithDistanceLoss(i[0], i[1], i[2], margin: 2.5, swap: true, reduction: red),
                G(Det(0.7, 1, 3, 4)), G(Det(1.3, 1, 3, 4)), G(Det(0.4, 1, 3, 4))));
        }
    }
}
