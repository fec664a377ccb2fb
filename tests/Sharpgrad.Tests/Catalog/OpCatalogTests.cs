namespace Sharpgrad.Tests.Catalog;

/// <summary>
/// Every catalog row: Float64 GradCheck on plain, strided (sliced, transposed), broadcast and
/// expanded inputs; forward against the naive reference; PyTorch's node name; and under NoGrad
/// and InferenceMode the same values with nothing recorded.
/// </summary>
public class OpCatalogTests
{
    public static TheoryData<string> All => OpCatalog.Names();
    public static TheoryData<string> WithReference => OpCatalog.Names(r => r.Reference is not null);
    public static TheoryData<string> WithBroadcast => OpCatalog.Names(r => r.Broadcasts.Length > 0 || r.Elementwise);
    public static TheoryData<string> WithStrided => OpCatalog.Names(r => r.Strided && r.Inputs.Any(i => i.Const is null && i.Shape.Length >= 1));

    internal static Tensor[] Build(InputSpec[] specs, InputLayout layout) =>
        specs.Select((s, i) => s.Build(100 + 7 * i, layout)).ToArray();

    internal static double[] Values(Tensor t) => Autograd.NoGrad(() => t.To(DType.Float64).Contiguous().ToArray<double>());

    private static void Check(OpRow row, Func<Tensor[], Tensor> f, Tensor[] inputs) =>
        Assert.True(Autograd.GradCheck(f, inputs, atol: row.Atol, rtol: row.Rtol));

    [Theory, MemberData(nameof(All))]
    public void GradCheckPlain(string name)
    {
        var row = OpCatalog.Get(name);
        var inputs = Build(row.Inputs, InputLayout.Plain);
        Assert.True(row.F(inputs).RequiresGrad);
        Check(row, row.F, inputs);
    }

    [Theory, MemberData(nameof(WithStrided))]
    public void GradCheckStrided(string name)
    {
        var row = OpCatalog.Get(name);
        var expected = Values(row.F(Build(row.Inputs, InputLayout.Plain)));
        foreach (var layout in new[] { InputLayout.Sliced, InputLayout.Transposed })
        {
            if (layout == InputLayout.Transposed && !row.Inputs.Any(i => i.Const is null && i.Shape.Length >= 2)) continue;
            var inputs = Build(row.Inputs, layout);
            if (inputs.All(t => t.IsContiguous)) continue; // e.g. a [1, 3] input stored transposed is still contiguous
            var actual = Values(row.F(inputs));
            Assert.Equal(expected.Length, actual.Length);
            for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 1e-12);
            Check(row, row.F, inputs);
        }
    }

    [Theory, MemberData(nameof(WithBroadcast))]
    public void GradCheckBroadcastAndExpanded(string name)
    {
        var row = OpCatalog.Get(name);
        foreach (var specs in row.Broadcasts) Check(row, row.F, Build(specs, InputLayout.Plain));
        if (row.Elementwise)
        {
            // stride-0 inputs made inside the op: ExpandBackward0 sums the gradient back
            Tensor Expanded(Tensor[] xs) => row.F(xs.Select(x => x.Unsqueeze(0).Expand([2, .. x.Shape])).ToArray());
            Check(row, Expanded, Build(row.Inputs, InputLayout.Plain));
        }
    }

    [Theory, MemberData(nameof(WithReference))]
    public void ForwardMatchesReference(string name)
    {
        var row = OpCatalog.Get(name);
        var inputs = Build(row.Inputs, InputLayout.Plain);
        var expected = row.Reference!(inputs.Select(Values).ToArray());
        var actual = Values(row.F(inputs));
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= row.RefTol * (1 + Math.Abs(expected[i])), $"element {i}: expected {expected[i]:R}, got {actual[i]:R}");
    }

    [Theory, MemberData(nameof(All))]
    public void NodeNameMatchesPyTorch(string name)
    {
        var row = OpCatalog.Get(name);
        var probe = (row.Probe ?? row.F)(Build(row.Inputs, InputLayout.Plain));
        Assert.Equal(row.Node, probe.GradFn?.Name);
    }

    [Theory, MemberData(nameof(All))]
    public void NoGradAndInferenceModeGiveSameValuesAndRecordNothing(string name)
    {
        var row = OpCatalog.Get(name);
        var inputs = Build(row.Inputs, InputLayout.Plain);
        var probeFn = row.Probe ?? row.F;
        var expected = Values(row.F(inputs));
        var expectedProbe = Values(probeFn(inputs));

        using (Autograd.NoGrad())
        {
            var y = row.F(inputs);
            var p = probeFn(inputs);
            Assert.Equal(expected, Values(y));
            Assert.Equal(expectedProbe, Values(p));
            Assert.Null(y.GradFn);
            Assert.Null(p.GradFn);
            Assert.True(y.IsLeaf);
            Assert.True(p.IsLeaf);
            // a view of a tensor requiring grad still reports it (PyTorch); fresh results do not
            Assert.Equal(row.Aliases, p.RequiresGrad);
            Assert.Equal(0, Autograd.Inspect(y).Nodes);
        }

        using (Autograd.InferenceMode())
        {
            var y = row.F(inputs);
            var p = probeFn(inputs);
            Assert.Equal(expected, Values(y));
            Assert.Equal(expectedProbe, Values(p));
            Assert.Null(y.GradFn);
            Assert.Null(p.GradFn);
            // views of normal tensors stay normal tensors; new results are inference tensors
            Assert.Equal(!row.Aliases, p.IsInference);
            Assert.Equal(row.Aliases, p.RequiresGrad);
        }
        Assert.All(inputs, t => Assert.False(t.IsInference));
    }

    [Fact]
    public void GradCheckRejectsAWrongGradient()
    {
        // detach hides half of d(x*x)/dx: the analytical x disagrees with the numerical 2x
        var x = Tensor.FromArray(new double[] { 1, 2, 3 }, requiresGrad: true);
        Assert.False(Autograd.GradCheck(xs => xs[0].Detach() * xs[0], [x], raiseException: false));
        var e = Assert.ThrowsAny<InvalidOperationException>(() => Autograd.GradCheck(xs => xs[0].Detach() * xs[0], [x]));
        Assert.StartsWith("Jacobian mismatch for output 0 with respect to input 0", e.Message);
        Assert.Throws<ArgumentException>(() => Autograd.GradCheck(xs => xs[0] * 2.0, [Tensor.Ones([2], requiresGrad: true)]));
    }

    [Fact]
    public void GradCheckRejectsANaNGradient()
    {
        // sqrt(x)·0 is 0 everywhere, but at x = 0 its analytical gradient is 0·inf = NaN; a NaN never passes
        var x = Tensor.FromArray(new double[] { 0, 1 }, requiresGrad: true);
        Assert.False(Autograd.GradCheck(xs => xs[0].Sqrt() * 0.0, [x], raiseException: false));
        var ok = Tensor.FromArray(new double[] { 0.5, 1 }, requiresGrad: true);
        Assert.True(Autograd.GradCheck(xs => xs[0].Sqrt() * 0.0, [ok]));
    }

    [Fact]
    public void CatalogCoversTheBriefsOps()
    {
        Assert.True(OpCatalog.Rows.Length >= 100, $"only {OpCatalog.Rows.Length} rows");
        Assert.Equal(OpCatalog.Rows.Length, OpCatalog.Rows.Select(r => r.Name).Distinct().Count());
    }
}
