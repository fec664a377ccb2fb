using Sharpgrad.NN;

namespace Sharpgrad.Tests.NN;

/// <summary>ModuleDict, ParameterList and ParameterDict: registration names, order, reprs and errors of PyTorch 2.6.</summary>
[Collection("Seed")]
public class ContainerTests
{
    private sealed class Net : Module
    {
        public Net()
        {
            Layers = RegisterModule("layers", new ModuleDict(("a", new Linear(2, 3)), ("b", new Linear(3, 1, bias: false))));
            Params = RegisterModule("params", new ParameterList(Tensor.Zeros([3, 4]), Tensor.Zeros([2], DType.Float64)));
            Pd = RegisterModule("pd", new ParameterDict(("x", Tensor.Zeros([2])), ("y", Tensor.Zeros([1, 2, 3]))));
        }

        public ModuleDict Layers { get; }
        public ParameterList Params { get; }
        public ParameterDict Pd { get; }

        public override Tensor Forward(Tensor input) => Layers["b"].Call(Layers["a"].Call(input)) * Params[0].Sum() + Pd["x"].Sum();
    }

    private static readonly string[] NetKeys = ["layers.a.weight", "layers.a.bias", "layers.b.weight", "params.0", "params.1", "pd.x", "pd.y"];

    [Fact]
    public void ContainersRegisterUnderPyTorchKeys()
    {
        var net = new Net();
        Assert.Equal(NetKeys, net.NamedParameters().Select(p => p.Name));
        Assert.Equal(NetKeys, net.StateDict().Keys);
        Assert.True(net.Params[1].RequiresGrad); // wrapped in nn.Parameter
        Assert.Same(net.Params[1], net.Parameters().ElementAt(4));

        // the state dict round-trips through LoadStateDict into the containers' own tensors
        var other = new Net();
        using (Autograd.NoGrad()) other.Pd["y"].Fill_(2.5);
        net.LoadStateDict(other.StateDict());
        Assert.Equal(Enumerable.Repeat(2.5f, 6), net.Pd["y"].ToArray<float>());
        var e = Assert.Throws<InvalidOperationException>(() => net.LoadStateDict(new Dictionary<string, Tensor> { ["params.0"] = Tensor.Zeros([3, 4]) }));
        Assert.StartsWith("Error(s) in loading state_dict for Net:\n\tMissing key(s) in state_dict: \"layers.a.weight\"", e.Message);

        // gradients reach parameters held in the containers
        net.Call(Tensor.Ones([1, 2])).Sum().Backward();
        Assert.NotNull(net.Pd["x"].Grad);
        Assert.NotNull(net.Layers["a"].NamedParameters().First().Parameter.Grad);
    }

    [Fact]
    public void ReprsMatchPyTorch()
    {
        Assert.Equal(
            "Net(\n" +
            "  (layers): ModuleDict(\n" +
            "    (a): Linear(in_features=2, out_features=3, bias=True)\n" +
            "    (b): Linear(in_features=3, out_features=1, bias=False)\n" +
            "  )\n" +
            "  (params): ParameterList(\n" +
            "      (0): Parameter containing: [torch.float32 of size 3x4]\n" +
            "      (1): Parameter containing: [torch.float64 of size 2]\n" +
            "  )\n" +
            "  (pd): ParameterDict(\n" +
            "      (x): Parameter containing: [torch.FloatTensor of size 2]\n" +
            "      (y): Parameter containing: [torch.FloatTensor of size 1x2x3]\n" +
            "  )\n" +
            ")", new Net().ToString());
        Assert.Equal("ModuleDict()", new ModuleDict().ToString());
        Assert.Equal("ParameterList()", new ParameterList().ToString());
        Assert.Equal("ParameterDict()", new ParameterDict().ToString());
        Assert.Equal("ParameterList(  (0): Parameter containing: [torch.float32 of size 3])", new ParameterList(Tensor.Zeros([3])).ToString());
        Assert.Equal("ParameterDict(  (t): Parameter containing: [torch.FloatTensor of size 2])", new ParameterDict(("t", Tensor.Zeros([2]))).ToString());
        Assert.Equal("ParameterDict(  (d): Parameter containing: [torch.DoubleTensor of size 2])", new ParameterDict(("d", Tensor.Zeros([2], DType.Float64))).ToString());
        Assert.Equal(
            "ParameterList(\n    (0): Parameter containing: [torch.float32 of size ]\n    (1): Parameter containing: [torch.float64 of size 2x3x4]\n)",
            new ParameterList(Tensor.Scalar(0), Tensor.Zeros([2, 3, 4], DType.Float64)).ToString());
        Assert.Equal("Sequential(\n  (0): ModuleDict(\n    (a): ReLU()\n  )\n  (1): ReLU()\n)",
            new Sequential(new ModuleDict(("a", new ReLU())), new ReLU()).ToString());
    }

    [Fact]
    public void ModuleDictKeepsInsertionOrderAndReplacesInPlace()
    {
        var md = new ModuleDict(("a", new ReLU()), ("b", new Tanh()), ("c", new ReLU()));
        var sigmoid = new Sigmoid();
        md["a"] = sigmoid;
        Assert.Equal(["a", "b", "c"], md.Keys);
        Assert.Same(sigmoid, md.NamedChildren().First().Module);
        var tanh = md.Pop("b");
        Assert.IsType<Tanh>(tanh);
        md["b"] = tanh;
        Assert.Equal(["a", "c", "b"], md.Keys);
        Assert.Equal(["a", "c", "b"], md.NamedChildren().Select(c => c.Name));
        Assert.Equal(3, md.Count);
        Assert.True(md.Contains("c"));
        Assert.False(md.Contains("z"));
        Assert.Equal([typeof(Sigmoid), typeof(ReLU), typeof(Tanh)], md.Values.Select(m => m.GetType()));
        Assert.Equal(["a", "c", "b"], md.Items.Select(i => i.Key));
        Assert.Equal(["a", "c", "b"], md.Select(kv => kv.Key));

        var updated = new ModuleDict(("z", new ReLU()), ("y", new ReLU()));
        updated.Update(new Dictionary<string, Module> { ["x"] = new ReLU(), ["z"] = new Tanh() });
        Assert.Equal("ModuleDict(\n  (z): Tanh()\n  (y): ReLU()\n  (x): ReLU()\n)", updated.ToString());

        var withParams = new ModuleDict(("l", new Linear(2, 2)));
        Assert.Equal(["l.weight", "l.bias"], withParams.StateDict().Keys);
        withParams.Clear();
        Assert.Empty(withParams.StateDict());
        Assert.Empty(withParams.Keys);
        Assert.Equal("ModuleDict()", withParams.ToString());
    }

    [Fact]
    public void ModuleDictErrorsMatchPyTorch()
    {
        var md = new ModuleDict(("a", new ReLU()));
        Assert.Equal("'zz'", Assert.Throws<KeyNotFoundException>(() => md["zz"]).Message);
        Assert.Equal("'zz'", Assert.Throws<KeyNotFoundException>(() => md.Pop("zz")).Message);
        Assert.Equal("module name can't contain \".\", got: a.b", Assert.Throws<ArgumentException>(() => md["a.b"] = new ReLU()).Message);
        Assert.Equal("module name can't be empty string \"\"", Assert.Throws<ArgumentException>(() => md[""] = new ReLU()).Message);
        Assert.Equal(["a"], md.Keys);
        Assert.Equal("Module [ModuleDict] is missing the required \"forward\" function",
            Assert.Throws<InvalidOperationException>(() => md.Call(Tensor.Zeros([1]))).Message);
    }

    [Fact]
    public void ParameterListAppendsExtendsAndReplaces()
    {
        var pl = new ParameterList();
        var first = Tensor.Zeros([2]);
        pl.Append(first).Extend([Tensor.Zeros([1]), Tensor.Zeros([4])]);
        Assert.Equal(["0", "1", "2"], pl.NamedParameters().Select(p => p.Name));
        Assert.Same(first, pl[0]);
        Assert.True(first.RequiresGrad);
        pl[1] = Tensor.Ones([5]);
        pl[-1] = Tensor.Ones([6]);
        Assert.Equal(["0", "1", "2"], pl.NamedParameters().Select(p => p.Name));
        Assert.Equal([[2], [5], [6]], pl.Select(p => p.Shape.ToArray()));
        Assert.Equal([[2], [5], [6]], pl.Parameters().Select(p => p.Shape.ToArray()));
        Assert.Equal(3, pl.Count);
        Assert.Same(pl[2], pl[-1]);
        Assert.Equal(
            "ParameterList(\n    (0): Parameter containing: [torch.float32 of size 2]\n    (1): Parameter containing: [torch.float32 of size 5]\n    (2): Parameter containing: [torch.float32 of size 6]\n)",
            pl.ToString());

        Assert.StartsWith("index 5 is out of range", Assert.Throws<ArgumentOutOfRangeException>(() => pl[5]).Message);
        Assert.StartsWith("index -5 is out of range", Assert.Throws<ArgumentOutOfRangeException>(() => pl[-5]).Message);
        Assert.StartsWith("index 3 is out of range", Assert.Throws<ArgumentOutOfRangeException>(() => pl[3] = Tensor.Zeros([1])).Message);
        Assert.Equal("ParameterList should not be called.", Assert.Throws<InvalidOperationException>(() => pl.Call(Tensor.Zeros([1]))).Message);
        Assert.Equal("only Tensors of floating point and complex dtype can require gradients",
            Assert.Throws<InvalidOperationException>(() => pl.Append(Tensor.Zeros([1], DType.Int64))).Message);
        Assert.Equal(3, pl.Count);
    }

    [Fact]
    public void ParameterDictBehavesAsPyTorchs()
    {
        // a plain mapping is taken in sorted key order, pairs in their order
        var pd = new ParameterDict(new Dictionary<string, Tensor> { ["b"] = Tensor.Zeros([1]), ["a"] = Tensor.Zeros([2]) });
        Assert.Equal(["a", "b"], pd.Keys);
        Assert.Equal(["b", "a"], new ParameterDict(("b", Tensor.Zeros([1])), ("a", Tensor.Zeros([2]))).Keys);
        pd["b"] = Tensor.Ones([3]);
        Assert.Equal(["a", "b"], pd.NamedParameters().Select(p => p.Name));
        Assert.Equal([3], pd["b"].Shape);
        Assert.True(pd["b"].RequiresGrad);

        var c = Tensor.Zeros([4]);
        Assert.Same(c, pd.SetDefault("c", c));
        Assert.Same(c, pd.SetDefault("c", Tensor.Zeros([1])));
        Assert.Null(pd.Get("q"));
        Assert.Same(c, pd.Get("c"));
        Assert.True(pd.Contains("c"));
        var copy = pd.Copy();
        Assert.Equal(["a", "b", "c"], copy.Keys);
        Assert.Same(pd["a"], copy["a"]);

        var (key, value) = pd.PopItem();
        Assert.Equal("c", key);
        Assert.Same(c, value);
        Assert.Same(pd["a"], pd.Pop("a"));
        Assert.Equal(["b"], pd.StateDict().Keys);
        Assert.Equal(["b"], pd.Items.Select(i => i.Key));
        pd.Update(("z", Tensor.Zeros([1])), ("b", Tensor.Zeros([7])));
        Assert.Equal(["b", "z"], pd.Keys);
        Assert.Equal([7], pd.Values.First().Shape);
        pd.Clear();
        Assert.Empty(pd.Parameters());
        Assert.Empty(pd);

        Assert.Equal("'ParameterDict' object has no attribute 'q'", Assert.Throws<KeyNotFoundException>(() => pd["q"]).Message);
        Assert.Equal("'ParameterDict' object has no attribute 'q'", Assert.Throws<KeyNotFoundException>(() => pd.Pop("q")).Message);
        Assert.Equal("'popitem(): dictionary is empty'", Assert.Throws<KeyNotFoundException>(() => pd.PopItem()).Message);
        Assert.Equal("parameter name can't contain \".\"", Assert.Throws<ArgumentException>(() => pd["a.b"] = Tensor.Zeros([1])).Message);
        Assert.Equal("parameter name can't be empty string \"\"", Assert.Throws<ArgumentException>(() => pd[""] = Tensor.Zeros([1])).Message);
        Assert.Equal("ParameterDict should not be called.", Assert.Throws<InvalidOperationException>(() => pd.Call(Tensor.Zeros([1]))).Message);
        Assert.Empty(pd.Keys);
    }
}
