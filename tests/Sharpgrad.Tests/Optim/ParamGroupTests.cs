using Sharpgrad.Optim;

namespace Sharpgrad.Tests.Optim;

/// <summary>
/// Parameter groups against PyTorch 2.6: two groups with options of their own, 3 steps of
/// sum(p1³) + sum(p1·k1) + sum(p2²·k2) in float64, groups added mid-training, options changed between steps,
/// state dicts of several groups, and PyTorch's errors.
/// </summary>
public class ParamGroupTests
{
    private static readonly Tensor K1 = Tensor.FromArray(new[] { 1.0, -2.0, 0.5, 3.0 }, [2, 2]);
    private static readonly Tensor K2 = Tensor.FromArray(new[] { 0.25, -1.5, 2.0 });

    private static (Tensor P1, Tensor P2) Params() =>
        (Tensor.FromArray(new[] { 0.5, -1.0, 1.5, 0.25 }, [2, 2]).RequiresGrad_(), Tensor.FromArray(new[] { 1.0, -0.75, 2.0 }).RequiresGrad_());

    private static void StepOnce(Optimizer opt, Tensor p1, Tensor p2)
    {
        opt.ZeroGrad();
        ((p1 * p1 * p1).Sum() + (p1 * K1).Sum() + (p2 * p2 * K2).Sum()).Backward();
        opt.Step();
    }

    private static double[] Values(Tensor p1, Tensor p2) => [.. p1.ToArray<double>(), .. p2.ToArray<double>()];

    private static ParamGroup Group(Tensor p, params (string Name, double Value)[] options)
    {
        var group = new ParamGroup([p]);
        foreach (var (name, value) in options) group[name] = value;
        return group;
    }

    public static TheoryData<string> Optimizers => [.. Cases.Keys];

    private static readonly Dictionary<string, (Func<Tensor, Tensor, Optimizer> Make, double[] Expected)> Cases = new()
    {
        ["SGD"] = ((a, b) => new SGD([Group(a), Group(b, ("lr", 0.05), ("weight_decay", 0.1), ("nesterov", 1))], lr: 0.01, momentum: 0.9),
            [0.4042363651671864, -1.0590481701282701, 1.1224752911171334, 0.07315775843613137, 0.770862007, -1.86032341415625, -0.2493048847499999]),
        ["Adam"] = ((a, b) => new Adam([Group(a, ("beta1", 0.8), ("beta2", 0.99)), Group(b, ("lr", 0.05), ("weight_decay", 0.1))], lr: 0.01),
            [0.47003446426203516, -1.0300963513741699, 1.4700248929277302, 0.22000893330737417, 0.8503116981925706, -0.9002098425750149, 1.8501369221669737]),
        ["AdamW"] = ((a, b) => new AdamW([Group(a, ("weight_decay", 0.5)), Group(b, ("lr", 0.05), ("beta1", 0.5), ("beta2", 0.9))], lr: 0.01),
            [0.4627095861003111, -1.0149491550669456, 1.4477851060084408, 0.2164234523221902, 0.84995445625122, -0.9002705970279476, 1.8477418977543754]),
        ["RMSprop"] = ((a, b) => new RMSprop([Group(a, ("momentum", 0.5), ("centered", 1)), Group(b, ("lr", 0.05), ("weight_decay", 0.1), ("alpha", 0.9))], lr: 0.01),
            [0.17738879056752913, -1.3868670149651308, 1.1737062054023724, -0.08852163074739786, 0.6543589479473363, -1.1410801071937766, 1.6419290748114448]),
        ["Adagrad"] = ((a, b) => new Adagrad([Group(a, ("lr_decay", 0.1)), Group(b, ("lr", 0.05), ("weight_decay", 0.1), ("initial_accumulator_value", 0.5))], lr: 0.01),
            [0.47887833035883276, -1.021635141566407, 1.4788463602107367, 0.22879203348336544, 0.8879107575192311, -0.8668015652069277, 1.8868216649987586]),
        ["Adadelta"] = ((a, b) => new Adadelta([Group(a, ("rho", 0.5)), Group(b, ("lr", 0.5), ("weight_decay", 0.1))], lr: 1.0),
            [0.4951581125456478, -1.0048632578929284, 1.4951567932888024, 0.24515463067761004, 0.9951504435094967, -0.7548592406634712, 1.9951483082922217]),
        ["NAdam"] = ((a, b) => new NAdam([Group(a, ("beta1", 0.8), ("beta2", 0.99), ("momentum_decay", 0.01)),
                Group(b, ("lr", 0.05), ("weight_decay", 0.1), ("decoupled_weight_decay", 1))], lr: 0.01),
            [0.4721283431337435, -1.0286304403871005, 1.4720807927800255, 0.22199926479830553, 0.8598082673310968, -0.8693031439834961, 1.8436605014485477]),
        ["RAdam"] = ((a, b) => new RAdam([Group(a, ("beta1", 0.5), ("beta2", 0.6)), Group(b, ("lr", 0.05), ("weight_decay", 0.1))], lr: 0.01),
            [0.44856476562285685, -1.0312809184274971, 1.295463307767764, 0.15527617984010506, 0.9114315401048747, -1.101867710963294, 0.9008333171489609]),
        ["Adamax"] = ((a, b) => new Adamax([Group(a, ("beta1", 0.8), ("beta2", 0.99)), Group(b, ("lr", 0.05), ("weight_decay", 0.1))], lr: 0.01),
            [0.46998850209176657, -1.029293131082773, 1.469910056304959, 0.2199408041358705, 0.8538241197913776, -0.895835035897163, 1.8518430461471118]),
        ["Rprop"] = ((a, b) => new Rprop([Group(a, ("etaminus", 0.3), ("etaplus", 1.5)), Group(b, ("lr", 0.05), ("step_size_min", 0.01), ("step_size_max", 0.06))], lr: 0.01),
            [0.45249999999999996, -1.0474999999999999, 1.4525000000000001, 0.20249999999999999, 0.8299999999999998, -0.9200000000000002, 1.8299999999999998]),
        ["ASGD"] = ((a, b) => new ASGD([Group(a, ("lambd", 0.1), ("t0", 1)), Group(b, ("lr", 0.05), ("weight_decay", 0.1), ("alpha", 0.5))], lr: 0.01),
            [0.44764764369279825, -1.028614504550649, 1.2969786022927021, 0.15507650692677105, 0.9126590977545435, -1.1258269033215902, 1.0049027277864708]),
        ["Adafactor"] = ((a, b) => new Adafactor([Group(a, ("beta2_decay", -0.5)), Group(b, ("lr", 0.05), ("weight_decay", 0.1), ("d", 2.0))], lr: 0.01),
            [0.4750146522678626, -1.0341270151664959, 1.4732583343860495, 0.22382706348635636, 0.7943778621143675, -0.9421046328669233, 1.776369592508706]),
    };

    [Theory]
    [MemberData(nameof(Optimizers))]
    public void EachGroupUsesItsOwnOptions(string name)
    {
        var (make, expected) = Cases[name];
        var (p1, p2) = Params();
        var opt = make(p1, p2);
        for (int t = 0; t < 3; t++) StepOnce(opt, p1, p2);
        var actual = Values(p1, p2);
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 1e-13);
    }

    [Theory]
    [MemberData(nameof(Optimizers))]
    public void TwoGroupStateDictResumesBitExactly(string name)
    {
        var make = Cases[name].Make;
        var (p1, p2) = Params();
        var opt = make(p1, p2);
        for (int t = 0; t < 2; t++) StepOnce(opt, p1, p2);
        var saved = opt.StateDict();
        Assert.Equal([0L], saved["param_groups.0.params"].ToArray<long>());
        Assert.Equal([1L], saved["param_groups.1.params"].ToArray<long>());
        Assert.Equal(opt.ParamGroups[1].LearningRate, saved["param_groups.1.lr"].Item<double>());

        var (q1, q2) = (Tensor.FromArray(p1.ToArray<double>(), [2, 2]).RequiresGrad_(), Tensor.FromArray(p2.ToArray<double>()).RequiresGrad_());
        var fresh = make(q1, q2);
        foreach (var group in fresh.ParamGroups) group.LearningRate = 123; // the loaded options replace these
        fresh.LoadStateDict(saved);
        Assert.Equal(opt.ParamGroups[1].Options, fresh.ParamGroups[1].Options);
        StepOnce(opt, p1, p2);
        StepOnce(fresh, q1, q2);
        Assert.Equal(Values(p1, p2), Values(q1, q2));
    }

    [Fact]
    public void GroupsFillMissingOptionsFromTheConstructor()
    {
        var (p1, p2) = Params();
        var opt = new SGD([new ParamGroup([p1]), new ParamGroup([p2]) { LearningRate = 0.5, ["dampening"] = 0.25 }], momentum: 0.9);
        Assert.Equal(0.001, opt.ParamGroups[0].LearningRate); // PyTorch's SGD default lr
        Assert.Equal(0.9, opt.ParamGroups[1]["momentum"]);
        Assert.Equal(0.25, opt.ParamGroups[1]["dampening"]);
        Assert.Equal([p1, p2], opt.Parameters);
        Assert.Equal(0.001, opt.LearningRate);
        opt.LearningRate = 0.2;
        Assert.All(opt.ParamGroups, g => Assert.Equal(0.2, g.LearningRate));
        Assert.Throws<KeyNotFoundException>(() => opt.ParamGroups[0]["no_such_option"]);
    }

    [Fact]
    public void AddParamGroupMidTrainingAndChangingRatesMatchPyTorch()
    {
        foreach (var (make, add, expected) in new (Func<Tensor, Optimizer>, Func<Tensor, ParamGroup>, double[])[]
        {
            (a => new SGD([a], 0.01, momentum: 0.9), b => Group(b, ("lr", 0.05), ("dampening", 0.5)),
                [0.23660022386546772, -1.1794926018732825, 0.5252462632582289, -0.2464253692064348, 0.8112468749999999, -1.6845375, -0.7320000000000001]),
            (a => new Adam([a], 0.01), b => Group(b, ("beta1", 0.5), ("beta2", 0.9)),
                [0.4400895719844164, -1.0601990051293306, 1.4400643769549666, 0.19002217789918469, 0.7618186380446361, -0.9916663674128683, 1.7608369254846516]),
        })
        {
            var (p1, p2) = Params();
            var opt = make(p1);
            StepOnce(opt, p1, p2);
            opt.AddParamGroup(add(p2));
            Assert.Equal(2, opt.ParamGroups.Count);
            StepOnce(opt, p1, p2);
            opt.ParamGroups[1]["lr"] = 0.2;
            StepOnce(opt, p1, p2);
            opt.LearningRate = 0.03;
            StepOnce(opt, p1, p2);
            var actual = Values(p1, p2);
            for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 1e-13);
        }
    }

    [Fact]
    public void ErrorsMatchPyTorch()
    {
        var (p1, p2) = Params();
        Assert.Equal("some parameters appear in more than one parameter group",
            Assert.Throws<ArgumentException>(() => new SGD([new ParamGroup([p1]), new ParamGroup([p2, p1])], 0.1)).Message);
        var sgd = new SGD([new ParamGroup([p1])], 0.1);
        Assert.Equal("some parameters appear in more than one parameter group", Assert.Throws<ArgumentException>(() => sgd.AddParamGroup(new ParamGroup([p1]))).Message);
        Assert.Single(sgd.ParamGroups);
        Assert.StartsWith("optimizer got an empty parameter list", Assert.Throws<ArgumentException>(() => new SGD(Array.Empty<ParamGroup>(), 0.1)).Message);
        Assert.StartsWith("can't optimize a non-leaf Tensor", Assert.Throws<ArgumentException>(() => sgd.AddParamGroup(new ParamGroup([p2 * 2]))).Message);
        Assert.Equal("LBFGS doesn't support per-parameter options (parameter groups)",
            Assert.Throws<ArgumentException>(() => new LBFGS([new ParamGroup([p1]), new ParamGroup([p2])])).Message);
        Assert.Equal("LBFGS doesn't support per-parameter options (parameter groups)",
            Assert.Throws<ArgumentException>(() => new LBFGS([p1]).AddParamGroup(new ParamGroup([p2]))).Message);
        Assert.StartsWith("Invalid learning rate: -1", Assert.Throws<ArgumentOutOfRangeException>(() => new Adam([new ParamGroup([p1])], lr: -1)).Message);
        // as in PyTorch, a group's own options are taken as given (only the constructor's values are validated)
        Assert.Equal(-1, new SGD([new ParamGroup([p1]) { LearningRate = -1 }], 0.1).LearningRate);
        // an empty group is allowed
        Assert.Empty(new SGD([new ParamGroup([])], 0.1).Parameters);

        var two = new SGD([new ParamGroup([p1]), new ParamGroup([p2])], 0.1).StateDict();
        Assert.Equal("loaded state dict has a different number of parameter groups",
            Assert.Throws<ArgumentException>(() => new SGD([p1, p2], 0.1).LoadStateDict(two)).Message);
        var other = new SGD([new ParamGroup([p1, p2]), new ParamGroup([])], 0.1);
        Assert.Equal("loaded state dict contains a parameter group that doesn't match the size of optimizer's group",
            Assert.Throws<ArgumentException>(() => other.LoadStateDict(two)).Message);
    }

    [Fact]
    public void LoadedStateFollowsTheSavedParameterIds()
    {
        // PyTorch matches "state.{id}" to parameters through the groups' "params" ids, whatever the ids are
        var (p1, p2) = Params();
        var opt = new SGD([new ParamGroup([p1]), new ParamGroup([p2])], 0.1, momentum: 0.9);
        var dict = new Dictionary<string, Tensor>(opt.StateDict())
        {
            ["param_groups.0.params"] = Tensor.FromArray(new long[] { 7 }),
            ["param_groups.1.params"] = Tensor.FromArray(new long[] { 5 }),
            ["param_groups.1.lr"] = Tensor.Scalar(0.25, DType.Float64),
            ["state.5.momentum_buffer"] = Tensor.FromArray(new[] { 1.0, 2.0, 3.0 }),
        };
        opt.LoadStateDict(dict);
        Assert.Equal(0.25, opt.ParamGroups[1].LearningRate);
        Assert.Equal(0.1, opt.ParamGroups[0].LearningRate);
        var sd = opt.StateDict();
        Assert.Equal([1.0, 2.0, 3.0], sd["state.1.momentum_buffer"].ToArray<double>());
        Assert.False(sd.ContainsKey("state.0.momentum_buffer"));
        dict["state.6.momentum_buffer"] = Tensor.FromArray(new[] { 1.0, 2.0, 3.0 });
        Assert.StartsWith("unexpected key in optimizer state_dict: \"state.6.momentum_buffer\"", Assert.Throws<ArgumentException>(() => opt.LoadStateDict(dict)).Message);
        Assert.Throws<ArgumentException>(() => opt.ParamGroups[0]["params"] = 1);
    }

    [Fact]
    public void SingleGroupStateDictKeepsItsLayout()
    {
        var (p1, p2) = Params();
        var opt = new SGD([p1, p2], 0.1, momentum: 0.9);
        StepOnce(opt, p1, p2);
        var sd = opt.StateDict();
        Assert.Equal(["param_groups.0.dampening", "param_groups.0.lr", "param_groups.0.momentum", "param_groups.0.nesterov", "param_groups.0.params",
            "param_groups.0.weight_decay", "state.0.momentum_buffer", "state.1.momentum_buffer"], sd.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([0L, 1L], sd["param_groups.0.params"].ToArray<long>());
    }
}
