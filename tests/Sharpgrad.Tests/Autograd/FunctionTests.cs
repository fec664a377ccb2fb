using Sharpgrad.Tests.Core;

namespace Sharpgrad.Tests.AutogradTests;

/// <summary>Custom autograd functions (torch.autograd.Function): PyTorch 2.6's nodes, gradients, modes and messages.</summary>
public class FunctionTests
{
    private sealed class Exp : Autograd.Function
    {
        public List<(bool Grad, bool Inference)> ForwardModes { get; } = [];
        public List<bool> BackwardModes { get; } = [];

        protected override Tensor[] Forward(Autograd.FunctionCtx ctx, Tensor?[] inputs)
        {
            ForwardModes.Add((Autograd.IsGradEnabled, Autograd.IsInferenceModeEnabled));
            var result = inputs[0]!.Exp();
            ctx.SaveForBackward(result);
            return [result];
        }

        protected override Tensor?[] Backward(Autograd.FunctionCtx ctx, Tensor?[] g)
        {
            BackwardModes.Add(Autograd.IsGradEnabled);
            return [g[0]! * ctx.SavedTensors[0]!];
        }
    }

    /// <summary>Returns (a·k, a + b) for a number k kept in the context; backward (2·ga·..., gb, none) as the oracle's script.</summary>
    private sealed class Two(double k) : Autograd.Function
    {
        public IReadOnlyList<bool>? Needs;
        public Tensor?[]? Grads;

        protected override Tensor[] Forward(Autograd.FunctionCtx ctx, Tensor?[] inputs)
        {
            Needs = ctx.NeedsInputGrad;
            ctx.Set("k", k);
            return [inputs[0]! * k, inputs[0]! + inputs[1]!];
        }

        protected override Tensor?[] Backward(Autograd.FunctionCtx ctx, Tensor?[] g)
        {
            Grads = g;
            return [g[0]! * ctx.Get<double>("k"), g[1], null];
        }
    }

    private sealed class Returns(Func<Tensor, Tensor> forward, Func<Tensor, Tensor?[]> backward) : Autograd.Function
    {
        protected override Tensor[] Forward(Autograd.FunctionCtx ctx, Tensor?[] inputs) => [forward(inputs[0]!)];
        protected override Tensor?[] Backward(Autograd.FunctionCtx ctx, Tensor?[] g) => backward(g[0]!);
    }

    [Fact]
    public void ForwardRunsWithoutRecordingAndBackwardUsesTheSavedResult()
    {
        var x = Tensor.FromArray(new[] { 0f, 1f, 2f }, requiresGrad: true);
        var exp = new Exp();
        var y = exp.Apply(x);
        Assert.Equal("ExpBackward", y.GradFn!.Name);
        Assert.True(y.RequiresGrad);
        Assert.False(y.IsLeaf);
        Assert.Same(x, Assert.IsType<AccumulateGrad>(Assert.Single(y.GradFn.NextFunctions).Node).Variable);
        Assert.Equal("tensor([1.0000, 2.7183, 7.3891], grad_fn=<ExpBackward>)", y.ToString());
        y.Sum().Backward();
        NN.Check.Close([1, 2.718281828, 7.389056099], x.Grad!, 1e-6);
        Assert.Equal([(false, false)], exp.ForwardModes);
        Assert.Equal([false], exp.BackwardModes);
        Check.Throws<InvalidOperationException>("Trying to backward through the graph a second time", () => y.Sum().Backward());

        var z = exp.Apply(x);
        using (Autograd.NoGrad()) z.Mul_(2);
        Check.Throws<InvalidOperationException>(
            "one of the variables needed for gradient computation has been modified by an inplace operation: [torch.FloatTensor [3]], which is output 0 of ExpBackward, is at version 1; expected version 0 instead.",
            () => z.Sum().Backward());
    }

    [Fact]
    public void NothingIsRecordedWithoutGradModeOrAnInputThatRequiresGrad()
    {
        var x = Tensor.FromArray(new[] { 0f, 1f }, requiresGrad: true);
        var exp = new Exp();
        using (Autograd.NoGrad())
        {
            var y = exp.Apply(x);
            Assert.False(y.RequiresGrad);
            Assert.Null(y.GradFn);
        }
        using (Autograd.InferenceMode())
        {
            var y = exp.Apply(x);
            Assert.Null(y.GradFn);
            Assert.True(y.IsInference);
        }
        Assert.Null(exp.Apply(Tensor.FromArray(new[] { 1f })).GradFn);
        Assert.Equal([(false, false), (false, true), (false, false)], exp.ForwardModes);
    }

    [Fact]
    public void SeveralOutputsShareOneNodeAndUnusedOutputsGetZeros()
    {
        var a = Tensor.FromArray(new[] { 1f, 2f }, requiresGrad: true);
        var b = Tensor.FromArray(new[] { 3f, 4f });
        var two = new Two(2.0);
        var outputs = two.ApplyAll(a, b, null);
        Assert.Equal([true, false, false], two.Needs);
        var (p, q) = (outputs[0], outputs[1]);
        Assert.Equal("TwoBackward", p.GradFn!.Name);
        Assert.Same(p.GradFn, q.GradFn);
        Assert.True(q.RequiresGrad);
        Assert.Null(p.GradFn.NextFunctions[1].Node);
        Assert.Null(p.GradFn.NextFunctions[2].Node);
        p.Sum().Backward();
        NN.Check.Close([1, 1], two.Grads![0]!, 0);
        NN.Check.Close([0, 0], two.Grads[1]!, 0);
        NN.Check.Close([2, 2], a.Grad!, 0);
        // PyTorch computes needs_input_grad from requires_grad alone, whatever the mode
        using (Autograd.NoGrad()) two.ApplyAll(a, b, null);
        Assert.Equal([true, false, false], two.Needs);
        Assert.Throws<InvalidOperationException>(() => two.Apply(a, b, null));
    }

    [Fact]
    public void ReturnedGradientsAreCheckedCountedSummedAndCast()
    {
        var a = Tensor.FromArray(new[] { 1f, 2f }, requiresGrad: true);
        Check.Throws<InvalidOperationException>("function ReturnsBackward returned an incorrect number of gradients (expected 1, got 2)",
            () => new Returns(t => t * 2, g => [g, g]).Apply(a).Sum().Backward());
        Check.Throws<InvalidOperationException>("Function ReturnsBackward returned an invalid gradient at index 0 - got [3] but expected shape compatible with [2]",
            () => new Returns(t => t * 2, g => [Tensor.Ones([3])]).Apply(a).Sum().Backward());
        Check.Throws<InvalidOperationException>("Function ReturnsBackward returned an invalid gradient at index 0 - got [] but expected shape compatible with [2]",
            () => new Returns(t => t * 2, g => [g.Sum()]).Apply(a).Sum().Backward());
        Assert.Null(a.Grad);
        // a gradient the input's shape broadcasts to is summed back; a Float64 one is cast to the input's Float32
        new Returns(t => t.Sum(), g => [Tensor.Ones([4, 2]) * g]).Apply(a).Backward();
        NN.Check.Close([4, 4], a.Grad!, 0);
        a.Grad = null;
        new Returns(t => t * 2, g => [(g * 2).Double()]).Apply(a).Sum().Backward();
        Assert.Equal(DType.Float32, a.Grad!.DType);
        NN.Check.Close([2, 2], a.Grad, 0);
    }

    private sealed class ScaleBy(double k) : Autograd.Function
    {
        protected override Tensor[] Forward(Autograd.FunctionCtx ctx, Tensor?[] inputs) => [inputs[0]! * k];
        protected override Tensor?[] Backward(Autograd.FunctionCtx ctx, Tensor?[] g) => [g[0]! * 2, g[0]];
    }

    private sealed class MulBoth : Autograd.Function
    {
        protected override Tensor[] Forward(Autograd.FunctionCtx ctx, Tensor?[] inputs) => [inputs[0]! * inputs[1]!];
        protected override Tensor?[] Backward(Autograd.FunctionCtx ctx, Tensor?[] g) => [g[0]! * 2, g[0]! * 3];
    }

    [Fact]
    public void GradientsForNonTensorsAreRefusedAndForConstantsDropped()
    {
        var a = Tensor.FromArray(new[] { 1f, 2f }, requiresGrad: true);
        var b = Tensor.FromArray(new[] { 3f, 4f });
        Check.Throws<InvalidOperationException>(
            "function ScaleByBackward returned a gradient different than None at position 2, but the corresponding forward input was not a Variable",
            () => new ScaleBy(2).ApplyAll(a, null)[0].Sum().Backward());
        a.Grad = null;
        new MulBoth().Apply(a, b).Sum().Backward();
        NN.Check.Close([2, 2], a.Grad!, 0);
        Assert.Null(b.Grad);
    }

    private sealed class SortFn : Autograd.Function
    {
        public Tensor? IndexGrad;

        protected override Tensor[] Forward(Autograd.FunctionCtx ctx, Tensor?[] inputs)
        {
            var (values, indices) = inputs[0]!.Sort();
            ctx.MarkNonDifferentiable(indices);
            ctx.SaveForBackward(indices);
            return [values, indices];
        }

        protected override Tensor?[] Backward(Autograd.FunctionCtx ctx, Tensor?[] g)
        {
            IndexGrad = g[1];
            return [Tensor.ZerosLike(g[0]!).Scatter(0, ctx.SavedTensors[0]!, g[0]!)];
        }
    }

    private sealed class NoMaterialize : Autograd.Function
    {
        public Tensor?[]? Grads;

        protected override Tensor[] Forward(Autograd.FunctionCtx ctx, Tensor?[] inputs)
        {
            ctx.SetMaterializeGrads(false);
            return [inputs[0]! * 2, inputs[0]! * 3];
        }

        protected override Tensor?[] Backward(Autograd.FunctionCtx ctx, Tensor?[] g)
        {
            Grads = g;
            return [g[0] is { } g0 ? g0 * 2 : null];
        }
    }

    [Fact]
    public void NonDifferentiableOutputsAndMaterializedGradients()
    {
        var a = Tensor.FromArray(new[] { 3f, 1f, 2f }, requiresGrad: true);
        var sort = new SortFn();
        var outputs = sort.ApplyAll(a);
        Assert.True(outputs[0].RequiresGrad);
        Assert.False(outputs[1].RequiresGrad);
        Assert.Null(outputs[1].GradFn);
        (outputs[0] * Tensor.FromArray(new[] { 1f, 2f, 3f })).Sum().Backward();
        Check.Values(new long[] { 0, 0, 0 }, sort.IndexGrad!, 3);
        NN.Check.Close([3, 1, 2], a.Grad!, 0);

        var b = Tensor.FromArray(new[] { 1f, 2f }, requiresGrad: true);
        var noMat = new NoMaterialize();
        noMat.ApplyAll(b)[0].Sum().Backward();
        NN.Check.Close([1, 1], noMat.Grads![0]!, 0);
        Assert.Null(noMat.Grads[1]);
        NN.Check.Close([2, 2], b.Grad!, 0);
    }

    private sealed class Dirty : Autograd.Function
    {
        protected override Tensor[] Forward(Autograd.FunctionCtx ctx, Tensor?[] inputs)
        {
            inputs[0]!.Mul_(2);
            ctx.MarkDirty(inputs[0]!);
            return [inputs[0]!];
        }

        protected override Tensor?[] Backward(Autograd.FunctionCtx ctx, Tensor?[] g) => [g[0]! * 2];
    }

    [Fact]
    public void AnInputReturnedAsIsIsANewTensorAndADirtyOneIsRewritten()
    {
        var a = Tensor.FromArray(new[] { 1f, 2f }, requiresGrad: true);
        var ident = new Returns(t => t, g => [g * 5]);
        var o = ident.Apply(a);
        Assert.NotSame(a, o);
        Assert.True(Check.SameStorage(a, o));
        Assert.Equal("ReturnsBackward", o.GradFn!.Name);
        Assert.True(a.IsLeaf);
        o.Sum().Backward();
        NN.Check.Close([5, 5], a.Grad!, 0);
        using (Autograd.NoGrad()) Assert.NotSame(a, ident.Apply(a));

        var c = Tensor.FromArray(new[] { 1f, 2f }, requiresGrad: true);
        var d = c.Clone();
        var e = new Dirty().Apply(d);
        Assert.Same(d, e);
        Assert.Equal("DirtyBackward", d.GradFn!.Name);
        Assert.Equal(2, d.Version);
        Assert.Equal("tensor([2., 4.], grad_fn=<DirtyBackward>)", e.ToString());
        e.Sum().Backward();
        NN.Check.Close([2, 2], c.Grad!, 0);
        Check.Throws<InvalidOperationException>("a leaf Variable that requires grad has been used in an in-place operation.", () => new Dirty().Apply(c));
    }

    private sealed class Square : Autograd.Function
    {
        protected override Tensor[] Forward(Autograd.FunctionCtx ctx, Tensor?[] inputs)
        {
            ctx.SaveForBackward(inputs[0]);
            return [inputs[0]! * inputs[0]!];
        }

        protected override Tensor?[] Backward(Autograd.FunctionCtx ctx, Tensor?[] g) => [2 * ctx.SavedTensors[0]! * g[0]!];
    }

    [Fact]
    public void BackwardIsRecordedUnderCreateGraphAndPassesGradCheck()
    {
        var x = Tensor.FromArray(new[] { 3f }, requiresGrad: true);
        var g1 = Autograd.Grad([new Square().Apply(x)], [x], createGraph: true)[0]!;
        Assert.Equal("MulBackward0", g1.GradFn!.Name);
        NN.Check.Close([6], g1, 0);
        NN.Check.Close([2], Autograd.Grad([g1], [x])[0]!, 0);
        var p = Tensor.FromArray(new[] { 0.5, -1.25, 2.0 }, requiresGrad: true);
        Assert.True(Autograd.GradCheck(t => new Square().Apply(t[0]), [p]));
        Assert.True(Autograd.GradCheck(t => new Exp().Apply(t[0]), [p]));
    }
}
