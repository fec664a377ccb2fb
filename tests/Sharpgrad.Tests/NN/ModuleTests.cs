using Sharpgrad.NN;

namespace Sharpgrad.Tests.NN;

[Collection("Seed")]
public class ModuleTests
{
    private sealed class Block : Module
    {
        public Block()
        {
            Layers = RegisterModule("layers", new Sequential(new Linear(2, 3), new ReLU(), new Linear(3, 2, bias: false)));
            Norm = RegisterModule("norm", new BatchNorm1d(2));
            Scale = RegisterParameter("scale", Tensor.Ones([2]));
        }

        public Sequential Layers { get; }
        public BatchNorm1d Norm { get; }
        public Tensor Scale { get; }

        public override Tensor Forward(Tensor input) => Norm.Forward(Layers.Forward(input)) * Scale;
    }

    private sealed class Net : Module
    {
        public Net()
        {
            Encoder = RegisterModule("encoder", new Block());
            Head = RegisterModule("head", new Linear(2, 1));
        }

        public Block Encoder { get; }
        public Linear Head { get; }

        public override Tensor Forward(Tensor input) => Head.Forward(Encoder.Forward(input));
    }

    [Fact]
    public void NamedParametersUsePyTorchDottedNames()
    {
        var net = new Net();
        Assert.Equal(
            ["encoder.scale", "encoder.layers.0.weight", "encoder.layers.0.bias", "encoder.layers.2.weight", "encoder.norm.weight", "encoder.norm.bias", "head.weight", "head.bias"],
            net.NamedParameters().Select(p => p.Name));
        Assert.Equal(8, net.Parameters().Count());
        Assert.All(net.Parameters(), p => Assert.True(p.RequiresGrad && p.IsLeaf));
        Assert.Same(net.Head.Weight, net.NamedParameters().Single(p => p.Name == "head.weight").Parameter);
        Assert.Equal(["encoder.norm.running_mean", "encoder.norm.running_var", "encoder.norm.num_batches_tracked"], net.NamedBuffers().Select(b => b.Name));
        Assert.Equal(["", "encoder", "encoder.layers", "encoder.layers.0", "encoder.layers.1", "encoder.layers.2", "encoder.norm", "head"], net.NamedModules().Select(m => m.Name));
    }

    [Fact]
    public void StateDictHasParametersThenBuffersPerModuleInOrder()
    {
        var seq = new Sequential(new Linear(2, 3), new ReLU(), new Linear(3, 1));
        Assert.Equal(["0.weight", "0.bias", "2.weight", "2.bias"], seq.StateDict().Keys);
        var bn = new BatchNorm1d(3);
        Assert.Equal(["weight", "bias", "running_mean", "running_var", "num_batches_tracked"], bn.StateDict().Keys);
        // Entries share storage with the module (detached), as PyTorch's do.
        var sd = seq.StateDict();
        Assert.False(sd["0.weight"].RequiresGrad);
        using (Autograd.NoGrad()) ((Linear)seq[0]).Weight.Fill_(7);
        Assert.All(sd["0.weight"].ToArray<float>(), v => Assert.Equal(7f, v));
    }

    [Fact]
    public void SharedParametersAreListedOnce()
    {
        var shared = new Linear(2, 2);
        var seq = new Sequential(shared, new Tanh(), shared);
        Assert.Equal(["0.weight", "0.bias"], seq.NamedParameters().Select(p => p.Name));
    }

    [Fact]
    public void LoadStateDictErrorsMatchPyTorch()
    {
        var m = new Linear(2, 3);
        string Message(Dictionary<string, Tensor> d) => Assert.Throws<InvalidOperationException>(() => m.LoadStateDict(d)).Message;

        Assert.Equal("Error(s) in loading state_dict for Linear:\n\tMissing key(s) in state_dict: \"bias\". ",
            Message(new() { ["weight"] = Tensor.Zeros([3, 2]) }));
        Assert.Equal("Error(s) in loading state_dict for Linear:\n\tUnexpected key(s) in state_dict: \"foo\". ",
            Message(new() { ["weight"] = Tensor.Zeros([3, 2]), ["bias"] = Tensor.Zeros([3]), ["foo"] = Tensor.Zeros([1]) }));
        Assert.Equal("Error(s) in loading state_dict for Linear:\n\tsize mismatch for weight: copying a param with shape torch.Size([2, 2]) from checkpoint, the shape in current model is torch.Size([3, 2]).",
            Message(new() { ["weight"] = Tensor.Zeros([2, 2]), ["bias"] = Tensor.Zeros([3]) }));
        Assert.Equal("Error(s) in loading state_dict for Linear:\n\tMissing key(s) in state_dict: \"bias\". \n\tUnexpected key(s) in state_dict: \"foo\". \n\tsize mismatch for weight: copying a param with shape torch.Size([2, 2]) from checkpoint, the shape in current model is torch.Size([3, 2]).",
            Message(new() { ["weight"] = Tensor.Zeros([2, 2]), ["foo"] = Tensor.Zeros([3]) }));

        var seq = new Sequential(new Linear(2, 3), new ReLU(), new Linear(3, 1));
        Assert.Equal("Error(s) in loading state_dict for Sequential:\n\tMissing key(s) in state_dict: \"0.bias\", \"2.weight\", \"2.bias\". ",
            Assert.Throws<InvalidOperationException>(() => seq.LoadStateDict(new Dictionary<string, Tensor> { ["0.weight"] = Tensor.Zeros([3, 2]) })).Message);
    }

    [Fact]
    public void FailedLoadChangesNothing()
    {
        var m = new Linear(2, 3);
        var w = m.Weight.ToArray<float>();
        long version = m.Weight.Version;
        Assert.Throws<InvalidOperationException>(() => m.LoadStateDict(new Dictionary<string, Tensor> { ["weight"] = Tensor.Ones([3, 2]), ["bias"] = Tensor.Ones([4]) }));
        Assert.Equal(w, m.Weight.ToArray<float>());
        Assert.Equal(version, m.Weight.Version);
    }

    [Fact]
    public void NonStrictLoadReportsKeysAndCopiesTheRest()
    {
        var m = new Linear(2, 3);
        var r = m.LoadStateDict(new Dictionary<string, Tensor> { ["weight"] = Tensor.Ones([3, 2], DType.Float64), ["foo"] = Tensor.Zeros([1]) }, strict: false);
        Assert.Equal(["bias"], r.MissingKeys);
        Assert.Equal(["foo"], r.UnexpectedKeys);
        Assert.All(m.Weight.ToArray<float>(), v => Assert.Equal(1f, v));
        Assert.True(m.Weight.IsLeaf && m.Weight.RequiresGrad);
        // Shape mismatches are errors even when not strict.
        Assert.Throws<InvalidOperationException>(() => m.LoadStateDict(new Dictionary<string, Tensor> { ["bias"] = Tensor.Ones([2]) }, strict: false));
    }

    [Fact]
    public void TrainEvalZeroGradAndApplyReachEveryModule()
    {
        var net = new Net();
        Assert.True(net.Training);
        net.Eval();
        Assert.All(net.Modules(), m => Assert.False(m.Training));
        net.Train();
        Assert.All(net.Modules(), m => Assert.True(m.Training));

        net.Forward(Tensor.Randn([4, 2])).Sum().Backward();
        Assert.All(net.Parameters(), p => Assert.NotNull(p.Grad));
        net.ZeroGrad();
        Assert.All(net.Parameters(), p => Assert.Null(p.Grad));

        var order = new List<string>();
        net.Apply(m => order.Add(m.GetType().Name));
        Assert.Equal(["Linear", "ReLU", "Linear", "Sequential", "BatchNorm1d", "Block", "Linear", "Net"], order);
    }

    [Fact]
    public void RegistrationRejectsDuplicateAndDottedNames()
    {
        Assert.Throws<ArgumentException>(() => new BadNames(dotted: true));
        Assert.Equal("attribute 'w' already exists", Assert.Throws<ArgumentException>(() => new BadNames(dotted: false)).Message);
    }

    private sealed class BadNames : Module
    {
        public BadNames(bool dotted)
        {
            if (dotted) RegisterModule("a.b", new ReLU());
            RegisterParameter("w", Tensor.Zeros([1]));
            RegisterBuffer("w", Tensor.Zeros([1]));
        }

        public override Tensor Forward(Tensor input) => input;
    }

    [Fact]
    public void SaveAndLoadRoundTripThroughSafeTensors()
    {
        string dir = Directory.CreateTempSubdirectory("sharpgrad-module-").FullName;
        try
        {
            Tensor.ManualSeed(1);
            var a = new Net();
            a.Forward(Tensor.Randn([5, 2])); // moves the BatchNorm running statistics
            string path = Path.Combine(dir, "net.safetensors");
            a.Save(path);
            Tensor.ManualSeed(2);
            var b = new Net();
            b.Load(path);
            foreach (var ((name, x), (_, y)) in a.StateDict().Zip(b.StateDict()))
            {
                Assert.Equal(x.DType, y.DType);
                Assert.True(x.Equal(y), name);
            }
            Assert.Equal(1L, b.Encoder.Norm.NumBatchesTracked!.Item<long>());
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void ReprMatchesPyTorch()
    {
        Assert.Equal("Linear(in_features=2, out_features=3, bias=True)", new Linear(2, 3).ToString());
        Assert.Equal(
            "Sequential(\n  (0): Linear(in_features=2, out_features=3, bias=True)\n  (1): ReLU()\n  (2): Dropout(p=0.1, inplace=False)\n  (3): LayerNorm((3,), eps=1e-05, elementwise_affine=True)\n  (4): Embedding(5, 3)\n)",
            new Sequential(new Linear(2, 3), new ReLU(), new Dropout(0.1), new LayerNorm(3), new Embedding(5, 3)).ToString());
    }

    [Fact]
    public void LinearInitIsUniformInPyTorchBounds()
    {
        Tensor.ManualSeed(0);
        var m = new Linear(16, 200);
        double bound = 1 / Math.Sqrt(16);
        var w = m.Weight.ToArray<float>();
        Assert.All(w, v => Assert.InRange(v, -bound, bound));
        Assert.InRange(w.Max(), 0.9 * bound, bound); // spread over the whole interval, not a narrower one
        Assert.InRange(w.Min(), -bound, -0.9 * bound);
        Assert.All(m.Bias!.ToArray<float>(), v => Assert.InRange(v, -bound, bound));
        Tensor.ManualSeed(0);
        Assert.Equal(w, new Linear(16, 200).Weight.ToArray<float>());
    }

    [Fact]
    public void LinearRecordsPyTorchsNodes()
    {
        var x2 = Tensor.Randn([4, 3]);
        Assert.Equal("AddmmBackward0", new Linear(3, 2).Forward(x2).GradFn!.Name);
        Assert.Equal("MmBackward0", new Linear(3, 2, bias: false).Forward(x2).GradFn!.Name);
        Assert.Equal("ViewBackward0", new Linear(3, 2).Forward(Tensor.Randn([2, 4, 3])).GradFn!.Name);
        var lin = new Linear(3, 2);
        var y = lin.Forward(x2);
        var expected = x2.MatMul(lin.Weight.T) + lin.Bias!;
        Check.Close(expected, y);
        Assert.Equal("mat1 and mat2 shapes cannot be multiplied (2x5 and 3x4)",
            Assert.Throws<ArgumentException>(() => new Linear(3, 4).Forward(Tensor.Randn([2, 5]))).Message);
    }
}
