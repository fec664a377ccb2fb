using Sharpgrad.NN;
using Fn = Sharpgrad.NN.Functional;
using Sharpgrad.Tests.Core;
using Sharpgrad.Utils;

namespace Sharpgrad.Tests.UtilsTests;

/// <summary>torch.utils.checkpoint: both forms give the plain gradients; PyTorch 2.6's nodes and messages.</summary>
/// <remarks>In the Seed collection: the dropout and RNG-state tests need the default generator to themselves.</remarks>
[Collection("Seed")]
public class CheckpointTests
{
    private static Tensor F(Tensor a) => (a.Sin() * 2).Exp();

    [Theory]
    [InlineData(true, "CheckpointFunctionBackward", "AccumulateGrad")]
    [InlineData(false, "ExpBackward0", "MulBackward0")]
    public void BothFormsGiveThePlainGradient(bool reentrant, string node, string next)
    {
        var a = Tensor.FromArray(new[] { 0.5f, 1f }, requiresGrad: true);
        var o = Checkpointing.Checkpoint(F, a, useReentrant: reentrant);
        Assert.Equal(node, o.GradFn!.Name);
        Assert.Equal(next, o.GradFn.NextFunctions[0].Node!.Name);
        NN.Check.Close([2.6086975589, 5.3813645165], o, 1e-5);
        o.Sum().Backward();
        NN.Check.Close([4.5786949739, 5.8151273140], a.Grad!, 1e-5);
        using (Autograd.NoGrad()) Assert.False(Checkpointing.Checkpoint(F, a, reentrant).RequiresGrad);
        Assert.False(Checkpointing.Checkpoint(F, Tensor.FromArray(new[] { 0.5f }), reentrant).RequiresGrad);
    }

    [Fact]
    public void ReentrantRefusesAutogradGradAndNonReentrantAllowsIt()
    {
        var a = Tensor.FromArray(new[] { 0.5f, 1f }, requiresGrad: true);
        var o = Checkpointing.Checkpoint(F, a, useReentrant: true);
        Check.Throws<InvalidOperationException>("When use_reentrant=True, torch.utils.checkpoint is incompatible with .grad()", () => Autograd.Grad([o.Sum()], [a]));
        var g = Autograd.Grad([Checkpointing.Checkpoint(F, a, useReentrant: false).Sum()], [a])[0]!;
        NN.Check.Close([4.5786949739, 5.8151273140], g, 1e-5);
        Assert.Null(a.Grad);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void DropoutMasksAreReplayedAndWeightsGetTheirGradients(bool reentrant)
    {
        var (plain, w1) = Run(checkpointed: false);
        var (checkpointed, w2) = Run(checkpointed: true);
        NN.Check.Close(plain, checkpointed, 1e-6);
        NN.Check.Close(w1, w2, 1e-6);

        (Tensor XGrad, Tensor WGrad) Run(bool checkpointed)
        {
            Tensor.ManualSeed(7);
            var layer = new Linear(6, 6);
            var x = Tensor.Randn([4, 6], requiresGrad: true);
            Tensor.ManualSeed(11);
            Func<Tensor, Tensor> body = t => Fn.Dropout(layer.Forward(t).Tanh(), 0.5, training: true);
            var y = checkpointed ? Checkpointing.Checkpoint(body, x, reentrant) : body(x);
            var after = Tensor.Rand([3]); // the generator moves on exactly as without checkpointing
            (y.Sum() + after.Sum()).Backward();
            return (x.Grad!, layer.Weight.Grad!);
        }
    }

    [Fact]
    public void NonReentrantKeepsPositionsInsteadOfActivations()
    {
        var x = Tensor.Randn([32, 64], requiresGrad: true);
        var layers = new Sequential(new Linear(64, 64), new Tanh(), new Linear(64, 64), new Tanh());
        var plain = layers.Forward(x);
        var checkpointed = Checkpointing.Checkpoint(layers.Forward, x, useReentrant: false);
        Assert.True(Autograd.Inspect(plain).SavedBytes > 0);
        Assert.Equal(0, Autograd.Inspect(checkpointed).SavedBytes);
        plain.Sum().Backward();
        var expected = x.Grad!.Clone();
        x.Grad = null;
        checkpointed.Sum().Backward();
        NN.Check.Close(expected, x.Grad!, 1e-6);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void CheckpointSequentialMatchesThePlainModel(bool reentrant)
    {
        Tensor.ManualSeed(3);
        var model = new Sequential(new Linear(5, 8), new Tanh(), new Linear(8, 8), new Tanh(), new Linear(8, 3));
        var x = Tensor.Randn([4, 5], requiresGrad: true);
        model.Forward(x).Sum().Backward();
        var expected = model[0].Parameters().First().Grad!.Clone();
        var xGrad = x.Grad!.Clone();
        model.ZeroGrad();
        x.Grad = null;
        var y = Checkpointing.CheckpointSequential(model, 2, x, reentrant);
        NN.Check.Close(model.Forward(x), y, 1e-6);
        y.Sum().Backward();
        NN.Check.Close(expected, model[0].Parameters().First().Grad!, 1e-6);
        NN.Check.Close(xGrad, x.Grad!, 1e-6);
        Assert.Throws<ArgumentOutOfRangeException>(() => Checkpointing.CheckpointSequential(model, 0, x, reentrant));
    }

    [Fact]
    public void RngStateRoundTrips()
    {
        Tensor.ManualSeed(5);
        var state = Tensor.GetRngState();
        Assert.Equal(DType.UInt8, state.DType);
        var first = Tensor.Rand([4]).ToArray<float>();
        Tensor.SetRngState(state);
        Assert.Equal(first, Tensor.Rand([4]).ToArray<float>());
        Assert.Throws<ArgumentException>(() => Tensor.SetRngState(Tensor.Zeros([32])));
    }
}
