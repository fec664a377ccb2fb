using NNCheck = Sharpgrad.Tests.NN.Check;

namespace Sharpgrad.Tests.Core;

/// <summary>torch.linalg inv / det / slogdet / solve: PyTorch 2.6 values, gradients, node names and messages; gradcheck in Float64.</summary>
public class LinalgLuTests
{
    /// <summary>cos(0.7·i) + 3·I over [3, 3], as the oracle builds it.</summary>
    private static Tensor A3(bool requiresGrad = true)
    {
        using var eye = Tensor.Eye(3, DType.Float64);
        var a = NNCheck.Det([3, 3], 0.7) + eye * 3.0;
        return requiresGrad ? a.RequiresGrad_() : a;
    }

    /// <summary>cos(1.3·i) + 2·I over [2, 3, 3].</summary>
    private static Tensor A233()
    {
        using var eye = Tensor.Eye(3, DType.Float64);
        return (NNCheck.Det([2, 3, 3], 1.3) + eye * 2.0).RequiresGrad_();
    }

    private static Tensor S() => Tensor.FromArray(new[] { 1.0, 2, 3, 2, 4, 6, 1, 0, 1 }, [3, 3]);
    private static void Close(double[] expected, Tensor actual) => NNCheck.Close(expected, actual, 1e-12);
    private static string Message<TException>(Func<object> f) where TException : Exception => Assert.Throws<TException>(f).Message;

    [Fact]
    public void InvMatchesPyTorch()
    {
        var a = A3();
        var y = Linalg.Inv(a);
        Assert.Equal("LinalgInvExBackward0", y.GradFn!.Name);
        Close([0.23544420380793912, -0.08464711549262038, -0.03159424039600277, 0.07009998014863411, 0.45007407102834074, 0.10847650217907429, 0.027109725704263694, -0.03322509785425605, 0.2553996945978889], y);
        (y * NNCheck.Det([3, 3], 0.3)).Sum().Backward();
        Close([-0.03854755124943264, -0.14508314997474803, -0.045324907410624046, -0.039765689137168124, -0.05729518294776188, 0.0012490899361835813, -0.011448554814115037, 0.0779061511801169, 0.04942025238868895], a.Grad!);

        var b = A233();
        var yb = Linalg.Inv(b);
        Assert.Equal([2, 3, 3], yb.Shape);
        Close([0.3379080072293226, 0.03223475866355581, 0.17933751313767235, 0.08280762279045988, 0.3292684538704805, -0.17414859998828236, 0.041866535935448285, 0.2156443306993534, 0.5735026757877723, 0.2863999882833914, -0.12621396943637628, 0.14607583375602812, 0.24182049285398452, 0.4132854912494267, -0.2882125518850539, -0.13749060344400493, 0.2521116957261498, 0.772369770022612], yb);
        (yb * yb).Sum().Backward();
        Close([-0.11120187179891726, -0.02696355785766688, -0.11114030149017207, -0.06780880429533837, -0.08540339766992587, -0.15392723616322074, -0.19246769482133053, 0.07720903768338624, -0.4859103526572903, -0.04479047962882325, -0.17844498122751357, 0.2362226785640391, 0.02979263414322165, -0.18801959161492093, -0.20651115124094271, -0.11356893304368518, 0.42162717504662833, -1.1484899952319385], b.Grad!);
        Assert.Equal("LinalgInvExBackward0", A3().Inverse().GradFn!.Name);
    }

    [Fact]
    public void DetAndSlogdetMatchPyTorch()
    {
        var a = A3();
        var d = Linalg.Det(a);
        Assert.Equal("LinalgDetBackward0", d.GradFn!.Name);
        Assert.Empty(d.Shape);
        Close([33.74020571863599], d);
        d.Backward();
        Close([7.943935871740327, 2.3651877510872144, 0.9146877222376508, -2.8560110902101514, 15.185591745120204, -1.1210216366244103, -1.0659961704851728, 3.6600194991600317, 8.617238236209577], a.Grad!);

        var b = A233();
        var db = b.Det();
        Assert.Equal("LinalgDetBackward0", db.GradFn!.Name);
        Close([13.251439576103634, 6.756296096056821], db);
        (db * db).Sum().Backward();
        Close([118.67373198644204, 29.08214491289114, 14.703581917288721, 11.320889201925088, 115.63950960089798, 75.7345696411482, 62.98356805369102, -61.16121500132986, 201.41488625262576, 26.146908088184418, 22.077019759638226, -12.552214798564233, -11.522713663774352, 37.73092945515865, 23.01655588611708, 13.336004034135872, -26.312386216101665, 70.51355521317423], b.Grad!);

        var c = A3();
        var (s, l) = Linalg.Slogdet(c);
        Assert.Equal("LinalgSlogdetBackward0", l.GradFn!.Name);
        Assert.Same(l.GradFn, s.GradFn);
        Assert.True(s.RequiresGrad);
        Close([1.0], s);
        Close([3.5186901742727965], l);
        l.Backward();
        Close([0.23544420380793912, 0.07009998014863411, 0.027109725704263697, -0.08464711549262038, 0.45007407102834074, -0.03322509785425605, -0.03159424039600277, 0.10847650217907429, 0.2553996945978889], c.Grad!);

        // the sign has no gradient: backward through it alone leaves A's grad unset, as in PyTorch
        var f = A3();
        Linalg.Slogdet(f).Sign.Sum().Backward();
        Assert.Null(f.Grad);

        var e = A233();
        var (sb, lb) = e.Slogdet();
        Close([1.0, 1.0], sb);
        Close([2.5841061937836503, 1.9104748251102208], lb);
        (lb * 2.0).Sum().Backward();
        Close([0.6758160144586451, 0.16561524558091975, 0.08373307187089658, 0.0644695173271116, 0.658536907740961, 0.4312886613987068, 0.3586750262753447, -0.3482971999765647, 1.1470053515755445, 0.5727999765667828, 0.483640985707969, -0.2749812068880098, -0.2524279388727526, 0.8265709824988534, 0.5042233914522997, 0.2921516675120563, -0.5764251037701078, 1.544739540045224], e.Grad!);
    }

    [Fact]
    public void SolveMatchesPyTorch()
    {
        // matrix right-hand side
        var a = A3();
        var b = NNCheck.Det([3, 2], 0.9).RequiresGrad_();
        var x = Linalg.Solve(a, b);
        Assert.Equal("LinalgSolveExBackward0", x.GradFn!.Name);
        Close([0.28300860674038997, 0.2295414962392274, -0.12943500785962447, -0.38619097402125696, -0.19437328812669422, -0.006947621676461478], x);
        (x * x).Sum().Backward();
        Close([-0.041893032080591, 0.0342236879808579, 0.02069970302938726, 0.1314868990698894, -0.16869053824342795, -0.03213074336331055, 0.06448315155919468, -0.05812954292574636, -0.028940246722534466], a.Grad!);
        Close([0.10457987615587361, 0.05356777418502059, -0.15150626324572583, -0.38602746800920656, -0.14524995458634382, -0.10183851140469191], b.Grad!);

        // vector right-hand side
        a = A3();
        var v = NNCheck.Det([3], 0.4).RequiresGrad_();
        x = Linalg.Solve(a, v);
        Assert.Equal([3], x.Shape);
        Close([0.13546712821220683, 0.5602219582595962, 0.1744460648403457], x);
        (x * x).Sum().Backward();
        Close([-0.020562740511200567, -0.08503685660423324, -0.026479406567864835, -0.06363662855367938, -0.26316817323782576, -0.08194725596829941, -0.02737639185766606, -0.11321459352529298, -0.035253599099082336], a.Grad!);
        Close([0.15179136652981529, 0.4697569764230459, 0.20208881829089514], v.Grad!);

        // batched A, one vector broadcast over the batch
        var ab = A233();
        v = NNCheck.Det([3], 0.4).RequiresGrad_();
        x = Linalg.Solve(ab, v);
        Assert.Equal([2, 3], x.Shape);
        Close([0.49254383472607216, 0.2647534541709457, 0.6400512795703747, 0.27192123758857883, 0.42168201961476715, 0.6328348464929564], x);
        (x * x).Sum().Backward();
        Close([-0.21194637963851026, -0.1139259739989024, -0.2754202609466874, -0.2374804255724662, -0.12765110135479374, -0.30860126458614306, -0.403192703331605, -0.21672519962193995, -0.5239411956589698, -0.050490742268785915, -0.07829854836113984, -0.11750572120198607, -0.16288074959435808, -0.25258741852755134, -0.3790679061344956, -0.2213273412005713, -0.34322350494238696, -0.5150890575353892], ab.Grad!);
        Close([0.6159911757461353, 1.0811505801458834, 1.6325316798153975], v.Grad!);

        // batched A, B of A's shape without the last dim: a batch of vectors
        ab = A233();
        v = NNCheck.Det([2, 3], 0.4).RequiresGrad_();
        x = Linalg.Solve(ab, v);
        Assert.Equal([2, 3], x.Shape);
        Close([0.49254383472607216, 0.2647534541709457, 0.6400512795703747, 0.046675648138249544, 0.19549653357861985, -0.3786015638469377], x);
        (x * x).Sum().Backward();
        Close([-0.21194637963851026, -0.1139259739989024, -0.2754202609466874, -0.2374804255724662, -0.12765110135479374, -0.30860126458614306, -0.403192703331605, -0.21672519962193995, -0.5239411956589698, -0.010520423233687754, -0.04406379677630037, 0.0853346198173482, 0.0019179136005830484, 0.008032999552715735, -0.015556829256089358, 0.03192117455521608, 0.1336988177393699, -0.2589231663294717], ab.Grad!);
        Close([0.4303096794549952, 0.48215084390314367, 0.8185925290402636, 0.22539426131860238, -0.041090240351935585, -0.6838935468162779], v.Grad!);

        // one A broadcast over a batch of matrices
        a = A3();
        b = NNCheck.Det([2, 3, 2], 0.9).RequiresGrad_();
        x = Linalg.Solve(a, b);
        Assert.Equal([2, 3, 2], x.Shape);
        Close([0.28300860674038997, 0.2295414962392274, -0.12943500785962447, -0.38619097402125696, -0.19437328812669422, -0.006947621676461478, 0.126726043383643, 0.2841195497066553, 0.21945888691227888, -0.13597918419048036, -0.2357085728060854, -0.19190147710456487], x);
        (x * x).Sum().Backward();
        Close([-0.08137404413461496, 0.03136536516911269, 0.05902436590066509, 0.15200628815451192, -0.23222336971314034, -0.017204914443063265, 0.11605495625897154, -0.06018021684735475, -0.07590167270974937], a.Grad!);
        Close([0.10457987615587361, 0.05356777418502059, -0.15150626324572583, -0.38602746800920656, -0.14524995458634382, -0.10183851140469191, 0.07766196249453564, 0.10431953329605145, 0.19175440204461758, -0.1577493199725544, -0.08079515632703707, -0.14547733254034628], b.Grad!);

        using var eye = Tensor.Eye(3).Expand(2, 3, 3);
        Assert.Equal([2, 3], Linalg.Solve(eye, Tensor.Ones([2, 3])).Shape);
        Assert.Equal([2, 3, 3], Linalg.Solve(eye, Tensor.Ones([3, 3])).Shape);
    }

    [Fact]
    public void Float32MatchesPyTorch()
    {
        var a = A3(requiresGrad: false).To(DType.Float32);
        var inv = Linalg.Inv(a);
        Assert.Equal(DType.Float32, inv.DType);
        NNCheck.Close([0.23544420301914215, -0.08464711904525757, -0.03159424290060997, 0.07009997963905334, 0.45007407665252686, 0.10847651213407516, 0.027109723538160324, -0.03322509676218033, 0.2553997039794922], inv, 1e-6);
        NNCheck.Close([33.740203857421875], Linalg.Det(a), 1e-6);
        NNCheck.Close([3.5186901092529297], Linalg.Slogdet(a).LogAbsDet, 1e-6);
        NNCheck.Close([0.2830086052417755, 0.22954151034355164, -0.1294350028038025, -0.3861909806728363, -0.19437327980995178, -0.006947624962776899], Linalg.Solve(a, NNCheck.Det([3, 2], 0.9).To(DType.Float32)), 1e-6);
    }

    [Fact]
    public void SingularAndEmptyInputs()
    {
        var s = S().RequiresGrad_();
        var d = Linalg.Det(s);
        Close([0.0], d);
        var (sign, logAbs) = Linalg.Slogdet(s);
        Close([0.0], sign);
        Assert.Equal(double.NegativeInfinity, logAbs.Item<double>());
        d.Backward();
        Close(new double[9], s.Grad!);

        Assert.Equal([0, 0], Linalg.Inv(Tensor.Zeros([0, 0])).Shape);
        Close([1.0], Linalg.Det(Tensor.Zeros([0, 0])));
        Close([1.0, 1.0], Linalg.Det(Tensor.Zeros([2, 0, 0])));
        Close([0.25], Linalg.Inv(Tensor.FromArray(new[] { 4.0 }, [1, 1])));
    }

    [Fact]
    public void MessagesMatchPyTorch()
    {
        using var eye = Tensor.Eye(3, DType.Float64);
        using var batch = Tensor.Stack([eye, S()]);
        Assert.Equal("linalg.inv: The diagonal element 2 is zero, the inversion could not be completed because the input matrix is singular.",
            Message<InvalidOperationException>(() => Linalg.Inv(S())));
        Assert.Equal("linalg.inv: (Batch element 1): The diagonal element 2 is zero, the inversion could not be completed because the input matrix is singular.",
            Message<InvalidOperationException>(() => Linalg.Inv(batch)));
        Assert.Equal("linalg.inv: The diagonal element 1 is zero, the inversion could not be completed because the input matrix is singular.",
            Message<InvalidOperationException>(() => Linalg.Inv(Tensor.Zeros([2, 2]))));
        // a row-major A is factored as Aᵀ, as PyTorch does: that decides which zero pivot is named
        var z = Tensor.FromArray(new[] { 0f, 0, 1, 0, 1, 0, 0, 0, 0 }, [3, 3]);
        Assert.StartsWith("linalg.inv: The diagonal element 3 is zero", Message<InvalidOperationException>(() => Linalg.Inv(z)));
        Assert.StartsWith("linalg.inv: The diagonal element 1 is zero", Message<InvalidOperationException>(() => Linalg.Inv(z.T.Contiguous().T)));
        Assert.StartsWith("linalg.inv: The diagonal element 3 is zero", Message<InvalidOperationException>(() => Linalg.Inv(z.T)));
        Assert.StartsWith("linalg.inv: The diagonal element 2 is zero", Message<InvalidOperationException>(() => Linalg.Inv(Tensor.FromArray(new[] { 0f, 1, 0, 1 }, [2, 2]))));
        Assert.Equal("torch.linalg.solve: The solver failed because the input matrix is singular.",
            Message<InvalidOperationException>(() => Linalg.Solve(S(), Tensor.Ones([3], DType.Float64))));
        Assert.Equal("torch.linalg.solve: (Batch element 1): The solver failed because the input matrix is singular.",
            Message<InvalidOperationException>(() => Linalg.Solve(batch, Tensor.Ones([3], DType.Float64))));
        foreach (var (op, f) in new (string, Func<Tensor, object>)[] { ("inv", t => Linalg.Inv(t)), ("det", t => Linalg.Det(t)), ("slogdet", t => Linalg.Slogdet(t)) })
        {
            Assert.Equal($"linalg.{op}: A must be batches of square matrices, but they are 2 by 3 matrices", Message<ArgumentException>(() => f(Tensor.Ones([2, 3]))));
            Assert.Equal($"linalg.{op}: The input tensor A must have at least 2 dimensions.", Message<ArgumentException>(() => f(Tensor.Ones([3]))));
            Assert.Equal($"linalg.{op}: Expected a floating point or complex tensor as input. Got Long", Message<ArgumentException>(() => f(Tensor.Ones([2, 2], DType.Int64))));
            Assert.Equal($"linalg.{op}: Expected a floating point or complex tensor as input. Got Bool", Message<ArgumentException>(() => f(Tensor.Ones([2, 2], DType.Bool))));
        }
        Assert.Equal("linalg.solve: A must be batches of square matrices, but they are 2 by 3 matrices", Message<ArgumentException>(() => Linalg.Solve(Tensor.Ones([2, 3]), Tensor.Ones([2]))));
        Assert.Equal("linalg.solve: Incompatible shapes of A and B for the equation AX = B (3x3 and 2x1)", Message<ArgumentException>(() => Linalg.Solve(Tensor.Eye(3), Tensor.Ones([2]))));
        Assert.Equal("linalg.solve: Incompatible shapes of A and B for the equation AX = B (3x3 and 2x2)", Message<ArgumentException>(() => Linalg.Solve(Tensor.Eye(3), Tensor.Ones([2, 2]))));
        Assert.Equal("linalg.solve: Expected A and B to have the same dtype, but found A of type Float and B of type Double instead", Message<ArgumentException>(() => Linalg.Solve(Tensor.Eye(3), Tensor.Ones([3], DType.Float64))));
        Assert.Equal("linalg.solve: Expected a floating point or complex tensor as input. Got Long", Message<ArgumentException>(() => Linalg.Solve(Tensor.Eye(3, DType.Int64), Tensor.Ones([3], DType.Int64))));
        Assert.Equal("linalg.solve: The input tensor B must have at least 2 dimensions.", Message<ArgumentException>(() => Linalg.Solve(Tensor.Eye(3), Tensor.Scalar(1))));
        Assert.Equal("The size of tensor a (4) must match the size of tensor b (2) at non-singleton dimension 0", Message<ArgumentException>(() => Linalg.Solve(Tensor.Ones([2, 3, 3]), Tensor.Ones([4, 3, 1]))));
        Assert.Equal("linalg.solve: Incompatible shapes of A and B for the equation AX = B (3x3 and 4x3)", Message<ArgumentException>(() => Linalg.Solve(Tensor.Ones([2, 3, 3]), Tensor.Ones([2, 4, 3]))));
        Assert.Equal("linalg.solve: Incompatible shapes of A and B for the equation AX = B (3x3 and 2x3)", Message<ArgumentException>(() => Linalg.Solve(Tensor.Eye(3).Expand(4, 2, 3, 3), Tensor.Ones([2, 3]))));
    }

    [Fact]
    public void GradCheckInFloat64()
    {
        var a = A233().Detach().RequiresGrad_();
        var b = NNCheck.Det([2, 3, 2], 0.9).RequiresGrad_();
        var v = NNCheck.Det([3], 0.4).RequiresGrad_();
        Assert.True(Autograd.GradCheck(t => Linalg.Inv(t[0]), [a]));
        Assert.True(Autograd.GradCheck(t => Linalg.Det(t[0]), [a]));
        Assert.True(Autograd.GradCheck(t => Linalg.Slogdet(t[0]).LogAbsDet, [a]));
        Assert.True(Autograd.GradCheck(t => Linalg.Solve(t[0], t[1]), [a, b]));
        Assert.True(Autograd.GradCheck(t => Linalg.Solve(t[0], t[1]), [a, v]));
        // second order: the backward formulas are built from differentiable ops
        Assert.True(Autograd.GradCheck(t => SecondOrder(Linalg.Det, t[0]), [a]));
        Assert.True(Autograd.GradCheck(t => SecondOrder(x => Linalg.Inv(x) * x, t[0]), [a]));
        Assert.True(Autograd.GradCheck(t => SecondOrder(x => Linalg.Slogdet(x).LogAbsDet, t[0]), [a]));
        Assert.True(Autograd.GradCheck(t => SecondOrder(x => Linalg.Solve(x, b.Detach()) * b, t[0]), [a]));
    }

    /// <summary>d Σf(x) / dx with its own graph (also under GradCheck's no-grad numeric passes).</summary>
    private static Tensor SecondOrder(Func<Tensor, Tensor> f, Tensor x)
    {
        using (Autograd.EnableGrad()) return Autograd.Grad([f(x).Sum()], [x], createGraph: true)[0]!;
    }
}
