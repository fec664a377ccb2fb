using NNCheck = Sharpgrad.Tests.NN.Check;

namespace Sharpgrad.Tests.Core;

/// <summary>
/// torch.linalg lu_factor(_ex) / lu / lu_unpack / lu_solve and inv_ex / cholesky_ex / solve_ex: PyTorch 2.6 values
/// (its reference LAPACK), pivots, infos, gradients, node names and messages; gradcheck in Float64.
/// </summary>
public class LinalgLuFactorTests
{
    private static Tensor F64(double[] data, params int[] shape) => Tensor.FromArray(data, shape);

    /// <summary>A square matrix whose factorization swaps rows twice.</summary>
    private static readonly double[] Sq = [0.5, -1.2, 2.0, 3.1, 0.4, -0.7, -1.5, 2.2, 0.9];
    private static readonly double[] Sq2 = [-1.0, 0.7, 0.2, 0.4, -0.3, 2.5, 2.2, 1.3, -0.6];

    /// <summary>The singular [[1, 2, 3], [2, 4, 6], [1, 0, 1]].</summary>
    private static Tensor S() => F64([1, 2, 3, 2, 4, 6, 1, 0, 1], 3, 3);

    private static void Close(double[] expected, Tensor actual) => NNCheck.Close(expected, actual, 1e-12);

    /// <summary>Equal to 1e-12 relative, with infinities and NaN matched exactly.</summary>
    private static void Same(double[] expected, Tensor actual)
    {
        var got = actual.To(DType.Float64).Contiguous().ToArray<double>();
        Assert.Equal(expected.Length, got.Length);
        for (int i = 0; i < got.Length; i++)
        {
            if (double.IsFinite(expected[i])) NNCheck.Close(expected[i], got[i], 1e-12);
            else Assert.True(expected[i].Equals(got[i]), $"element {i}: expected {expected[i]}, got {got[i]}");
        }
    }

    private static void Info(int[] expected, Tensor info, params int[] shape)
    {
        Assert.Equal(DType.Int32, info.DType);
        Assert.False(info.RequiresGrad);
        Check.Values(expected, info, shape);
    }

    private static string Message<TException>(Func<object> f) where TException : Exception => Assert.Throws<TException>(f).Message;

    [Fact]
    public void FactorizationsMatchPyTorch()
    {
        Factorization(F64(Sq, 3, 3),
            lu: [3.1, 0.4, -0.7, -0.4838709677419355, 2.393548387096774, 0.5612903225806452, 0.16129032258064516, -0.5283018867924528, 2.409433962264151],
            pivots: [2, 3, 3],
            gradLU: [-0.23489606805742183, -0.03799971148487755, -0.7373937155412454, 1.0787058941450882, 1.1270860080110592, 0.7899978482736045, 0.08436015854737512, 0.342282435201644, -0.3188292895616343],
            p: [0.0, 0.0, 1.0, 1.0, 0.0, 0.0, 0.0, 1.0, 0.0],
            l: [1.0, 0.0, 0.0, -0.4838709677419355, 1.0, 0.0, 0.16129032258064516, -0.5283018867924528, 1.0],
            u: [3.1, 0.4, -0.7, 0.0, 2.393548387096774, 0.5612903225806452, 0.0, 0.0, 2.409433962264151],
            gradBoth: [-0.2763465446000047, -0.38439468487833234, -0.029199522301288815, 1.0821420118314118, 1.2809190780085302, 1.1797429217012851, 0.07764464291824949, 0.49363027205295207, 0.5248761431429306],
            gradL: [-0.26886957797299005, -0.3912420122104405, 0.0, 0.06731217318477001, -0.03690962379343779, 0.0, 0.04948863192419467, -0.2066938932432516, 0.0],
            gradU: [-0.007476966627014655, 0.006847327332108159, -0.029199522301288815, 1.014829838646642, 1.3178287018019679, 1.1797429217012851, 0.02815601099405481, 0.7003241652962037, 0.5248761431429306],
            gradUnpack: [1.0, 0.9800665778412416, 0.9210609940028851, 0.0707372016677029, 0.6967067093471654, 0.5403023058681398, -0.9899924966004454, -0.9364566872907963, -0.029199522301288815]);
        Factorization(F64([0.3, -2.0, 1.1, 1.7, 0.6, -0.4], 2, 3),
            lu: [1.7, 0.6, -0.4, 0.17647058823529413, -2.1058823529411765, 1.1705882352941177],
            pivots: [2, 2],
            gradLU: [0.25440599779514206, 0.3623577544766736, 0.0707372016677029, 0.9551048239185044, 0.8913910030414871, 0.8128525793212602],
            p: [0.0, 1.0, 1.0, 0.0],
            l: [1.0, 0.0, 0.17647058823529413, 1.0],
            u: [1.7, 0.6, -0.4, 0.0, -2.1058823529411765, 1.1705882352941177],
            gradBoth: [0.1990583544747626, 0.6967067093471654, 0.5403023058681398, 0.9648720550926889, 0.8571183350152712, 0.8257135282614487],
            gradL: [0.3178248858047881, 0.0, 0.0, -0.05608674455378614, 0.0, 0.0],
            gradU: [-0.11876653133002547, 0.6967067093471654, 0.5403023058681398, 1.020958799646475, 0.8571183350152712, 0.8257135282614487],
            gradUnpack: [1.0, 0.9800665778412416, 0.9210609940028851, 0.5403023058681398, 0.6967067093471654, 0.5403023058681398]);
        Factorization(F64([0.2, 1.5, -2.4, 0.3, 1.1, -0.8], 3, 2),
            lu: [-2.4, 0.3, -0.08333333333333334, 1.525, -0.45833333333333337, -0.4344262295081968],
            pivots: [2, 2],
            gradLU: [-0.26366973319986126, 0.6417608507667046, 0.9114847334600892, 1.0300763747317039, -0.1451842664143761, 0.04638505027390355],
            p: [0.0, 1.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 1.0],
            l: [1.0, 0.0, -0.08333333333333334, 1.0, -0.45833333333333337, -0.4344262295081968],
            u: [-2.4, 0.3, 0.0, 1.525],
            gradBoth: [-0.15048669745538826, 0.5971141065840265, 1.036834319517304, 0.7890452186626898, 0.10772700575691586, -0.5253400757684812],
            gradL: [-0.253653649319098, -0.2282215083256517, 0.0282370735286616, -0.25979932708769155, 0.10772700575691586, -0.5253400757684812],
            gradU: [0.10316695186370978, 0.8253356149096782, 1.0085972459886425, 1.0488445457503814, 0.0, 0.0],
            gradUnpack: [1.0, 0.9800665778412416, 0.5403023058681398, 0.8253356149096782, -0.4161468365471424, -0.8011436155469337]);
        Factorization(F64([.. Sq, .. Sq2], 2, 3, 3),
            lu: [3.1, 0.4, -0.7, -0.4838709677419355, 2.393548387096774, 0.5612903225806452, 0.16129032258064516, -0.5283018867924528, 2.409433962264151, 2.2, 1.3, -0.6, -0.45454545454545453, 1.290909090909091, -0.0727272727272727, 0.18181818181818182, -0.4154929577464789, 2.5788732394366196],
            pivots: [2, 3, 3, 3, 3, 3],
            gradLU: [-0.23489606805742183, -0.03799971148487755, -0.7373937155412454, 1.0787058941450882, 1.1270860080110592, 0.7899978482736045, 0.08436015854737512, 0.342282435201644, -0.3188292895616343, -0.09140360634949399, -0.6889220930772214, -0.3332137310585457, -0.04536691099897768, 0.08907542338058412, 0.3779777427129803, -0.9373707065397441, -1.3193344340683797, -1.2076637827014731],
            p: [0.0, 0.0, 1.0, 1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0, 1.0, 0.0, 0.0],
            l: [1.0, 0.0, 0.0, -0.4838709677419355, 1.0, 0.0, 0.16129032258064516, -0.5283018867924528, 1.0, 1.0, 0.0, 0.0, -0.45454545454545453, 1.0, 0.0, 0.18181818181818182, -0.4154929577464789, 1.0],
            u: [3.1, 0.4, -0.7, 0.0, 2.393548387096774, 0.5612903225806452, 0.0, 0.0, 2.409433962264151, 2.2, 1.3, -0.6, 0.0, 1.290909090909091, -0.0727272727272727, 0.0, 0.0, 2.5788732394366196],
            gradBoth: [-0.2763465446000047, -0.38439468487833234, -0.029199522301288815, 1.0821420118314118, 1.2809190780085302, 1.1797429217012851, 0.07764464291824949, 0.49363027205295207, 0.5248761431429306, 0.6173062064984124, -0.9263503664573925, -1.3439201812474484, -0.007323254922337622, -0.1671787976026984, -0.966798192579461, 0.05472313642843449, -0.8068190399181938, -1.023592437353375],
            gradL: [-0.26886957797299005, -0.3912420122104405, 0.0, 0.06731217318477001, -0.03690962379343779, 0.0, 0.04948863192419467, -0.2066938932432516, 0.0, 0.4641137546045439, -0.04683074883048511, 0.0, 0.22416363625866004, -0.11271129379540484, 0.0, 0.17020377277321813, -0.0007937415056014398, 0.0],
            gradU: [-0.007476966627014655, 0.006847327332108159, -0.029199522301288815, 1.014829838646642, 1.3178287018019679, 1.1797429217012851, 0.02815601099405481, 0.7003241652962037, 0.5248761431429306, 0.15319245189386851, -0.8795196176269074, -1.3439201812474484, -0.23148689118099766, -0.05446750380729355, -0.966798192579461, -0.11548063634478362, -0.8060252984125924, -1.023592437353375],
            gradUnpack: [1.0, 0.9800665778412416, 0.9210609940028851, 0.0707372016677029, 0.6967067093471654, 0.5403023058681398, -0.9899924966004454, -0.9364566872907963, -0.029199522301288815, -0.2272020946930871, -0.4161468365471424, -0.5885011172553458, 0.960170286650366, -0.8568887533689473, -0.9422223406686583, 0.3466353178350258, -0.14550003380861354, -0.9667981925794609]);
        Factorization(F64([1.2, -0.5, 0.3, 2.0, -0.7, 1.9, 0.8, -1.1, 2.5, 0.4, -1.3, 0.6], 3, 4),
            lu: [2.5, 0.4, -1.3, 0.6, -0.27999999999999997, 2.012, 0.43600000000000005, -0.9320000000000002, 0.48, -0.34393638170974156, 1.0739562624254473, 1.3914512922465208],
            pivots: [3, 2, 3],
            gradLU: [-0.4620016556503774, -0.6922299001264061, -0.9899924966004454, -0.9874797699088649, 0.07919055816660023, -0.16734584549306897, -0.5676965318936378, -0.8444763236738807, 1.243934150998829, 1.2407500044482216, 1.1415769843476735, 0.859146887198233],
            p: [0.0, 0.0, 1.0, 0.0, 1.0, 0.0, 1.0, 0.0, 0.0],
            l: [1.0, 0.0, 0.0, -0.27999999999999997, 1.0, 0.0, 0.48, -0.34393638170974156, 1.0],
            u: [2.5, 0.4, -1.3, 0.6, 0.0, 2.012, 0.43600000000000005, -0.9320000000000002, 0.0, 0.0, 1.0739562624254473, 1.3914512922465208],
            gradBoth: [-0.3674950570470892, -0.6478626778520004, -0.4161468365471424, -0.5885011172553458, 0.09928328442322057, 0.31747876060293884, 0.219229717254694, -0.03243980200070318, 1.2041969470211047, 1.3799347161790247, 1.1821957963768277, 1.0987330066320473],
            gradL: [-0.32152728195701347, -0.4654357292697795, 0.0, 0.0, 0.05390772557003844, -0.16008028064348281, 0.0, 0.0, 0.16942725849897722, 0.17858667146931897, 0.0, 0.0],
            gradU: [-0.04596777509007572, -0.18242694858222083, -0.4161468365471424, -0.5885011172553458, 0.04537555885318216, 0.4775590412464217, 0.219229717254694, -0.03243980200070318, 1.0347696885221274, 1.2013480447097058, 1.1821957963768277, 1.0987330066320473],
            gradUnpack: [1.0, 0.9800665778412416, 0.9210609940028851, 0.8253356149096782, 0.0707372016677029, 0.5403023058681398, 0.3623577544766734, 0.16996714290024081, -0.9899924966004454, -0.9364566872907963, -0.4161468365471424, -0.5885011172553458]);
        Factorization(F64([0.9, -1.4, 0.2, 2.1, 0.5, -0.8, -0.3, 1.7, 1.2, 1.0, -0.6, 2.3], 4, 3),
            lu: [2.1, 0.5, -0.8, -0.14285714285714285, 1.7714285714285714, 1.0857142857142856, 0.47619047619047616, -0.47311827956989244, 3.1946236559139782, 0.42857142857142855, -0.9112903225806451, 0.47963648603163916],
            pivots: [2, 3, 4],
            gradLU: [-0.4603097380799179, -0.3694142012052966, -0.30910676069176857, 1.3778328326033242, 1.0862402368542918, 1.1683961589014278, 0.09476664767948954, 0.06171320415765583, -0.4896792575811356, -0.350740189891208, 0.07608887210182334, -0.5891348350344228],
            p: [0.0, 0.0, 0.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0],
            l: [1.0, 0.0, 0.0, -0.14285714285714285, 1.0, 0.0, 0.47619047619047616, -0.47311827956989244, 1.0, 0.42857142857142855, -0.9112903225806451, 0.47963648603163916],
            u: [2.1, 0.5, -0.8, 0.0, 1.7714285714285714, 1.0857142857142856, 0.0, 0.0, 3.1946236559139782],
            gradBoth: [-0.02162636092625918, 0.02417032677137303, 0.2218320060891524, 1.2322900440574607, 1.2544310850956146, 0.9874609644326681, 0.1711465545953455, 0.5079415257231809, 0.6783016573051412, -0.41700140130843066, -0.4455363016114644, -0.13559824619123906],
            gradL: [-0.02162636092625918, 0.02417032677137303, 0.2218320060891524, 0.22029712477924204, 0.18214751813900865, -0.022717060872643753, 0.13847843480061553, -0.19723233611925942, 0.15181417919245005, -0.4016167067625903, -0.4634327830219317, -0.10639872388995025],
            gradU: [0.0, 0.0, 0.0, 1.0119929192782184, 1.0722835669566058, 1.0101780253053119, 0.03266811979472999, 0.7051738618424401, 0.5264874781126913, -0.015384694545840343, 0.01789648141046734, -0.029199522301288815],
            gradUnpack: [1.0, 0.9800665778412416, 0.9210609940028851, 0.0707372016677029, 0.6967067093471654, 0.5403023058681398, -0.9899924966004454, -0.9364566872907963, -0.029199522301288815, -0.2107957994307797, 0.28366218546322625, 0.70866977429126]);
    }

    /// <summary>
    /// lu_factor, lu and lu_unpack of <paramref name="a"/> against PyTorch: values, Int32 pivots, node names, and A's
    /// gradients of Σ LU·W, of Σ L·WL + Σ U·WU, of each of those alone, and of lu_unpack's L and U.
    /// </summary>
    private static void Factorization(Tensor a, double[] lu, int[] pivots, double[] gradLU, double[] p, double[] l, double[] u,
        double[] gradBoth, double[] gradL, double[] gradU, double[] gradUnpack)
    {
        int m = a.Sizes[^2], n = a.Sizes[^1], k = Math.Min(m, n);
        int[] batch = a.Sizes[..^2];
        var x = a.Detach().RequiresGrad_();
        var (packed, piv) = Linalg.LuFactor(x);
        Assert.Equal("LinalgLuFactorExBackward0", packed.GradFn!.Name);
        Check.Shape(packed, a.Sizes);
        Close(lu, packed);
        Assert.Equal(DType.Int32, piv.DType);
        Assert.False(piv.RequiresGrad);
        Check.Values(pivots, piv, [.. batch, k]);
        (packed * NNCheck.Det(a.Sizes, 0.3)).Sum().Backward();
        Close(gradLU, x.Grad!);

        using var wL = NNCheck.Det([.. batch, m, k], 0.5);
        using var wU = NNCheck.Det([.. batch, k, n], 0.2);
        for (int part = 0; part < 3; part++)
        {
            x = a.Detach().RequiresGrad_();
            var (pp, ll, uu) = Linalg.Lu(x);
            Assert.Null(pp.GradFn);
            Assert.False(pp.RequiresGrad);
            Assert.Equal("LinalgLuBackward0", ll.GradFn!.Name);
            Assert.Same(ll.GradFn, uu.GradFn);
            Check.Shape(pp, [.. batch, m, m]);
            Check.Shape(ll, [.. batch, m, k]);
            Check.Shape(uu, [.. batch, k, n]);
            Close(p, pp);
            Close(l, ll);
            Close(u, uu);
            var loss = part switch { 0 => (ll * wL).Sum() + (uu * wU).Sum(), 1 => (ll * wL).Sum(), _ => (uu * wU).Sum() };
            loss.Backward();
            Close(part switch { 0 => gradBoth, 1 => gradL, _ => gradU }, x.Grad!);
        }

        var data = packed.Detach().RequiresGrad_();
        var (up, ul, uu2) = Linalg.LuUnpack(data, piv);
        Assert.Null(up.GradFn);
        Assert.Equal("LuUnpackBackward0", ul.GradFn!.Name);
        Assert.Same(ul.GradFn, uu2.GradFn);
        Close(p, up);
        Close(l, ul);
        Close(u, uu2);
        ((ul * wL).Sum() + (uu2 * wU).Sum()).Backward();
        Close(gradUnpack, data.Grad!);
    }

    [Fact]
    public void SingularRectangularAndEmptyFactorizations()
    {
        // lu_factor_ex and lu factor a singular matrix; getrf's info names U's first zero pivot
        var (lu, piv, info) = Linalg.LuFactorEx(S());
        Close([2.0, 4.0, 6.0, 0.5, -2.0, -2.0, 0.5, -0.0, 0.0], lu);
        Check.Values([2, 3, 3], piv, 3);
        Info([3], info);
        (lu, piv, info) = Linalg.LuFactorEx(Tensor.Zeros([2, 3], DType.Float64));
        Close(new double[6], lu);
        Check.Values([1, 2], piv, 2);
        Info([1], info);
        (_, piv, info) = Linalg.LuFactorEx(Tensor.Zeros([3, 2], DType.Float64));
        Check.Values([1, 2], piv, 2);
        Info([1], info);
        // a zero first column is skipped, the rest still factored
        (lu, piv, info) = Linalg.LuFactorEx(F64([0, 1, 2, 0, 3, 4], 2, 3));
        Close([0, 1, 2, 0, 3, 4], lu);
        Check.Values([1, 2], piv, 2);
        Info([1], info);
        var (p, l, u) = Linalg.Lu(S());
        Close([0, 0, 1, 1, 0, 0, 0, 1, 0], p);
        Close([1, 0, 0, 0.5, 1, 0, 0.5, -0.0, 1], l);
        Close([2, 4, 6, 0, -2, -2, 0, 0, 0], u);

        // a tall rank-deficient matrix still has nonzero pivots: no error
        (lu, piv) = Linalg.LuFactor(F64([1, 2, 2, 4, 1, 1], 3, 2));
        Close([2.0, 4.0, 0.5, -1.0, 0.5, -0.0], lu);
        Check.Values([2, 3], piv, 2);
        // the first of equal |values| is the pivot; a column-major input factors the same matrix
        (lu, piv) = Linalg.LuFactor(F64([2, 2, -2, 1], 2, 2));
        Close([2.0, 2.0, -1.0, 3.0], lu);
        Check.Values([1, 2], piv, 2);
        (lu, piv) = Linalg.LuFactor(F64([1, 2, 3, 4], 2, 2).T);
        Close([2.0, 4.0, 0.5, 1.0], lu);
        Check.Values([2, 2], piv, 2);
        // tensor.lu: no error on a singular matrix
        var x = S().RequiresGrad_();
        (lu, piv) = x.Lu();
        Assert.Equal("LinalgLuFactorExBackward0", lu.GradFn!.Name);
        Close([2.0, 4.0, 6.0, 0.5, -2.0, -2.0, 0.5, -0.0, 0.0], lu);
        Check.Values([2, 3, 3], piv, 3);

        (lu, piv, info) = Linalg.LuFactorEx(Tensor.Zeros([0, 3]));
        Check.Shape(lu, 0, 3);
        Check.Values(Array.Empty<int>(), piv, 0);
        Info([0], info);
        (lu, piv, info) = Linalg.LuFactorEx(Tensor.Zeros([2, 0, 3]));
        Check.Shape(lu, 2, 0, 3);
        Check.Shape(piv, 2, 0);
        Info([0, 0], info, 2);
        (p, l, u) = Linalg.Lu(Tensor.Zeros([3, 0]));
        Close([1, 0, 0, 0, 1, 0, 0, 0, 1], p);
        Check.Shape(l, 3, 0);
        Check.Shape(u, 0, 0);

        var (p32, l32, u32) = Linalg.Lu(F64(Sq, 3, 3).To(DType.Float32));
        Assert.Equal(DType.Float32, p32.DType);
        (lu, piv) = Linalg.LuFactor(F64(Sq, 3, 3).To(DType.Float32));
        Assert.Equal(DType.Float32, lu.DType);
        NNCheck.Close([3.0999999046325684, 0.4000000059604645, -0.699999988079071, -0.4838709831237793, 2.3935484886169434, 0.5612902641296387, 0.16129033267498016, -0.5283018946647644, 2.4094338417053223], lu, 1e-6);
        Check.Values([2, 3, 3], piv, 3);
        NNCheck.Close(l32.MatMul(u32), p32.T.MatMul(F64(Sq, 3, 3).To(DType.Float32)), 1e-6);
    }

    [Fact]
    public void UnpackFlags()
    {
        var (lu, piv) = Linalg.LuFactor(F64(Sq, 3, 3));
        var (p, l, u) = Linalg.LuUnpack(lu.RequiresGrad_(), piv, unpackData: false);
        Check.Shape(p, 3, 3);
        Check.Shape(l, 0);
        Check.Shape(u, 0);
        Assert.Equal("LuUnpackBackward0", l.GradFn!.Name);
        (p, l, u) = Linalg.LuUnpack(lu, piv, unpackPivots: false);
        Check.Shape(p, 0);
        Assert.Equal(DType.Float64, p.DType);
        Check.Shape(l, 3, 3);
        Close([1.0, 0.0, 0.0, -0.4838709677419355, 1.0, 0.0, 0.16129032258064516, -0.5283018867924528, 1.0], l);
        // pivots are not read when P is not wanted
        Check.Shape(Linalg.LuUnpack(lu, piv.To(DType.Float32), unpackPivots: false).P, 0);
        (p, l, u) = Linalg.LuUnpack(lu, piv, unpackData: false, unpackPivots: false);
        Check.Shape(p, 0);
        Check.Shape(l, 0);
        Check.Shape(u, 0);
        // an integer LU unpacks as PyTorch's does
        (p, l, u) = Linalg.LuUnpack(lu.Detach().To(DType.Int64), piv);
        Check.Values([0L, 0, 1, 1, 0, 0, 0, 1, 0], p, 3, 3);
        Check.Values([1L, 0, 0, 0, 1, 0, 0, 0, 1], l, 3, 3);
        Check.Values([3L, 0, 0, 0, 2, 0, 0, 0, 2], u, 3, 3);
        // pivots broadcast over LU's batch
        using var lub = lu.Detach().Expand(2, 3, 3);
        (p, _, _) = Linalg.LuUnpack(lub, Tensor.FromArray(new[] { 2, 3, 3, 1, 3, 3 }, [2, 3]));
        Close([0, 0, 1, 1, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 1, 0, 1, 0], p);
    }

    [Fact]
    public void FactorMessagesMatchPyTorch()
    {
        const string Zero = " is zero and using it on lu_solve would result in a division by zero. If you still want to perform the factorization, consider calling linalg.lu(A, pivot) or linalg.lu_factor_ex(A, pivot)";
        using var eye = Tensor.Eye(3, DType.Float64);
        using var batch = Tensor.Stack([eye, S()]);
        Assert.Equal("torch.linalg.lu_factor: U[3,3]" + Zero, Message<InvalidOperationException>(() => Linalg.LuFactor(S())));
        Assert.Equal("torch.linalg.lu_factor: (Batch element 1): U[3,3]" + Zero, Message<InvalidOperationException>(() => Linalg.LuFactor(batch)));
        Assert.Equal("torch.linalg.lu_factor_ex: U[3,3]" + Zero, Message<InvalidOperationException>(() => Linalg.LuFactorEx(S(), checkErrors: true)));
        Assert.Equal("torch.linalg.lu_factor: U[1,1]" + Zero, Message<InvalidOperationException>(() => Linalg.LuFactor(Tensor.Zeros([2, 3], DType.Float64))));
        Assert.Equal("torch.linalg.lu_factor: U[2,2]" + Zero, Message<InvalidOperationException>(() => Linalg.LuFactor(F64([1, 2, 3, 2, 4, 7], 2, 3))));

        const string NoPivot = "linalg.lu_factor: LU without pivoting is not implemented on the CPU";
        Assert.Equal(NoPivot, Message<ArgumentException>(() => Linalg.LuFactor(eye, pivot: false)));
        Assert.Equal(NoPivot, Message<ArgumentException>(() => Linalg.LuFactorEx(eye, pivot: false)));
        Assert.Equal(NoPivot, Message<ArgumentException>(() => Linalg.Lu(eye, pivot: false)));
        Assert.Equal(NoPivot, Message<ArgumentException>(() => eye.Lu(pivot: false)));

        Assert.Equal("torch.lu_factor: Expected tensor with 2 or more dimensions. Got size: [3] instead", Message<ArgumentException>(() => Linalg.LuFactor(Tensor.Ones([3]))));
        Assert.Equal("torch.lu_factor: Expected tensor with 2 or more dimensions. Got size: [] instead", Message<ArgumentException>(() => Linalg.LuFactorEx(Tensor.Scalar(1))));
        Assert.Equal("torch.lu_factor: Expected tensor with 2 or more dimensions. Got size: [3] instead", Message<ArgumentException>(() => Linalg.LuFactor(Tensor.Ones([3]), pivot: false)));
        Assert.Equal("linalg.lu: Expected tensor with 2 or more dimensions. Got size: [3] instead", Message<ArgumentException>(() => Linalg.Lu(Tensor.Ones([3]))));
        Assert.Equal("\"lu_cpu\" not implemented for 'Long'", Message<ArgumentException>(() => Linalg.LuFactor(Tensor.Ones([3, 3], DType.Int64), pivot: false)));
        Assert.Equal("\"lu_cpu\" not implemented for 'Int'", Message<ArgumentException>(() => Linalg.LuFactor(Tensor.Ones([3, 3], DType.Int32))));
        Assert.Equal("\"lu_cpu\" not implemented for 'Bool'", Message<ArgumentException>(() => Linalg.LuFactor(Tensor.Ones([3, 3], DType.Bool))));
        Assert.Equal("\"lu_cpu\" not implemented for 'Int'", Message<ArgumentException>(() => Linalg.Lu(Tensor.Ones([3, 3], DType.Int32))));

        var (lu, piv) = Linalg.LuFactor(F64(Sq, 3, 3));
        const string PivotsType = "torch.lu_unpack: LU_pivots is expected to be a contiguous tensor of torch.int32 dtype.\nNote: this function is intended to be used with the output produced by torch.linalg.lu_factor";
        Assert.Equal(PivotsType, Message<ArgumentException>(() => Linalg.LuUnpack(lu, piv.To(DType.Int64))));
        Assert.Equal(PivotsType, Message<ArgumentException>(() => Linalg.LuUnpack(lu, piv.To(DType.Float32))));
        Assert.Equal("torch.lu_unpack: Expected tensor with 2 or more dimensions. Got size: [3] instead", Message<ArgumentException>(() => Linalg.LuUnpack(Tensor.Ones([3]), piv)));
        const string Range = "pivots passed to lu_unpack must be between 1 and LU.size(-2) inclusive.Did you properly pass the result of lu_factor?";
        Assert.Equal(Range, Message<ArgumentException>(() => Linalg.LuUnpack(lu, Tensor.FromArray(new[] { 4, 3, 3 }))));
        Assert.Equal(Range, Message<ArgumentException>(() => Linalg.LuUnpack(lu, Tensor.FromArray(new[] { 0, 3, 3 }))));
        Assert.Equal(Range, Message<ArgumentException>(() => Linalg.LuUnpack(lu.Expand(2, 3, 3), Tensor.FromArray(new[] { 2, 3, 3, 1, 4, 3 }, [2, 3]))));
    }

    [Fact]
    public void FactorGradCheckInFloat64()
    {
        foreach (var (data, shape) in new (double[], int[])[]
        {
            (Sq, [3, 3]), ([0.3, -2.0, 1.1, 1.7, 0.6, -0.4], [2, 3]), ([0.2, 1.5, -2.4, 0.3, 1.1, -0.8], [3, 2]), ([.. Sq, .. Sq2], [2, 3, 3]),
            ([1.2, -0.5, 0.3, 2.0, -0.7, 1.9, 0.8, -1.1, 2.5, 0.4, -1.3, 0.6], [3, 4]), ([0.9, -1.4, 0.2, 2.1, 0.5, -0.8, -0.3, 1.7, 1.2, 1.0, -0.6, 2.3], [4, 3]),
        })
        {
            var a = F64(data, shape).RequiresGrad_();
            Assert.True(Autograd.GradCheck(t => Linalg.LuFactor(t[0]).LU, [a]));
            Assert.True(Autograd.GradCheck(t => Both(Linalg.Lu(t[0])), [a]));
            Assert.True(Autograd.GradCheck(t => Linalg.Lu(t[0]).L, [a]));
            Assert.True(Autograd.GradCheck(t => Linalg.Lu(t[0]).U, [a]));
            var (lu, piv) = Linalg.LuFactor(a.Detach());
            Assert.True(Autograd.GradCheck(t => Both(Linalg.LuUnpack(t[0], piv)), [lu.RequiresGrad_()]));
        }
        // second order: the backward formulas are built from differentiable ops
        var sq = F64(Sq, 3, 3).RequiresGrad_();
        Assert.True(Autograd.GradCheck(t => SecondOrder(x => Linalg.LuFactor(x).LU * x, t[0]), [sq]));
        Assert.True(Autograd.GradCheck(t => SecondOrder(x => Both(Linalg.Lu(x)) * Both(Linalg.Lu(x)), t[0]), [sq]));
    }

    /// <summary>L and U flattened into one tensor, so one check covers both outputs.</summary>
    private static Tensor Both((Tensor P, Tensor L, Tensor U) plu) => Tensor.Cat([plu.L.Flatten(), plu.U.Flatten()]);

    /// <summary>d Σf(x) / dx with its own graph (also under GradCheck's no-grad numeric passes).</summary>
    private static Tensor SecondOrder(Func<Tensor, Tensor> f, Tensor x)
    {
        using (Autograd.EnableGrad()) return Autograd.Grad([f(x).Sum()], [x], createGraph: true)[0]!;
    }

    [Fact]
    public void LuSolveMatchesPyTorch()
    {
        SolveCase(left: true, adjoint: false,
            x: [0.03462703794767406, -0.2115274768160009, -0.469717801414018, -0.31219167250371543, 0.20951255966467072, 0.17637184983710316],
            gradLU: [0.051678280679804504, 0.24427915277732684, -0.11998767451282598, 0.09644065006008724, 0.1431635800203791, -0.06763324465814051, -0.0935481395198536, -0.044844190970748425, 0.01389735850859604],
            gradB: [0.02634913694263167, -0.110095991238602, 0.43982539890573996, 0.3359573618132528, 0.2510888700527397, 0.04357255466593176]);
        SolveCase(left: true, adjoint: true,
            x: [-0.2437977293004475, 0.06656447225906495, 0.22756582849731213, 0.007820599427387507, -0.27762986420570407, -0.3760559159441537],
            gradLU: [-0.14486372727059924, 0.02600248121610925, -0.20181817546195563, 0.32969336636644864, -0.0668726368884512, 0.19038822090579377, 0.14573536103150617, 0.09109892749986315, 0.08595787452600784],
            gradB: [0.31976646080827914, 0.20802609406397618, 0.026422489997442615, -0.17218221590805904, 0.43591187879639576, 0.3052146439406131]);
        SolveCase(left: false, adjoint: false,
            x: [-0.048520018313774615, 0.41758098916258146, 0.1801607048314101, -0.09629053905287985, -0.45842314208568335, -0.3767899119833315],
            gradLU: [-0.11750899248648121, -0.16467291107243004, -0.17787850638212507, -0.17694108331013692, -0.1321004627701258, -0.10536702259976805, 0.04187825855464575, 0.01399689257476252, 0.03488440441356809],
            gradB: [0.3901601138555597, 0.33566894370365186, 0.6038613377583012, 0.02862850866051746, -0.19336629511761053, 0.05800197300264103]);
        SolveCase(left: false, adjoint: true,
            x: [0.29630465053895944, -0.06061188777860658, 0.38955670469809617, -0.3714288524063527, -0.16229127953432868, -0.45655362562753965],
            gradLU: [-0.05216597601069217, 0.03852238432316517, -0.07229708326371519, -0.3968044680689895, 0.014906514626052029, -0.14339288145069767, -0.3078838762229862, -0.10719083375223643, -0.17909726732963957],
            gradB: [0.3057902256287586, 0.5115424055181212, 0.4924510466137032, -0.13136383403456062, 0.0891419262227164, -0.10113313346902189]);

        // batched factors, one right-hand side broadcast over them
        var (lub, pivb) = Linalg.LuFactor(F64([.. Sq, .. Sq2], 2, 3, 3));
        lub.RequiresGrad_();
        var b = NNCheck.Det([3, 1], 0.7).RequiresGrad_();
        var x = Linalg.LuSolve(lub, pivb, b);
        Check.Shape(x, 2, 3, 1);
        Close([0.3410970954265022, 0.1125400118653129, 0.4822497332625622, -0.3061533020203592, 0.8603072062599861, 0.4581582679882512], x);
        (x * NNCheck.Det([2, 3, 1], 0.4)).Sum().Backward();
        Close([-0.11003132110532328, -0.0363032296339719, -0.15556443008469747, -0.37664733562256025, -0.03723965799926358, -0.15957715695309227, -0.2338812650201171, -0.16514264501893228, -0.14746725474376757, 0.05042591956623461, -0.14169953973657673, -0.07546236417415667, 0.04110162045727179, 0.16215701212955455, 0.08635703069651486, 0.02181737759028505, 0.13827931454314232, 0.05881026037295656], lub.Grad!);
        Close([0.06396924919806321, 0.3831800807887448, 0.570579095676307], b.Grad!);
        Check.Shape(Linalg.LuSolve(lub.Detach(), pivb, Tensor.Ones([4, 1, 3, 1], DType.Float64)), 4, 2, 3, 1);

        // tensor.lu_solve takes B first
        var (lu, piv) = Linalg.LuFactor(F64(Sq, 3, 3));
        x = NNCheck.Det([3, 2], 0.9).RequiresGrad_().LuSolve(lu, piv);
        Assert.Equal("LinalgLuSolveBackward0", x.GradFn!.Name);
        Close([0.03462703794767406, -0.2115274768160009, -0.469717801414018, -0.31219167250371543, 0.20951255966467072, 0.17637184983710316], x);

        // a zero pivot gives inf/NaN where reference getrs does
        var (lus, pivs, _) = Linalg.LuFactorEx(S());
        Same([double.NaN, double.NegativeInfinity, double.PositiveInfinity], Linalg.LuSolve(lus, pivs, Tensor.Ones([3, 1], DType.Float64)));
        Same([double.NegativeInfinity, double.NaN, double.NaN], Linalg.LuSolve(lus, pivs, Tensor.Ones([3, 1], DType.Float64), adjoint: true));

        var (lu32, piv32) = Linalg.LuFactor(F64(Sq, 3, 3).To(DType.Float32));
        var x32 = Linalg.LuSolve(lu32, piv32, NNCheck.Det([3, 2], 0.9).To(DType.Float32));
        Assert.Equal(DType.Float32, x32.DType);
        NNCheck.Close([0.034627046436071396, -0.211527481675148, -0.46971777081489563, -0.3121916651725769, 0.20951257646083832, 0.17637187242507935], x32, 1e-6);
    }

    /// <summary>lu_solve with the square matrix's factors against PyTorch: X, and the gradients of Σ X·W for LU and B.</summary>
    private static void SolveCase(bool left, bool adjoint, double[] x, double[] gradLU, double[] gradB)
    {
        var (lu, piv) = Linalg.LuFactor(F64(Sq, 3, 3));
        lu.RequiresGrad_();
        var b = NNCheck.Det(left ? [3, 2] : [2, 3], 0.9).RequiresGrad_();
        var y = Linalg.LuSolve(lu, piv, b, left, adjoint);
        Assert.Equal("LinalgLuSolveBackward0", y.GradFn!.Name);
        Check.Shape(y, b.Sizes);
        Close(x, y);
        (y * NNCheck.Det(y.Sizes, 0.4)).Sum().Backward();
        Close(gradLU, lu.Grad!);
        Close(gradB, b.Grad!);
    }

    [Fact]
    public void LuSolveMessagesMatchPyTorch()
    {
        var (lu, piv) = Linalg.LuFactor(F64(Sq, 3, 3));
        var b = Tensor.Ones([3, 1], DType.Float64);
        Assert.Equal("torch.linalg.lu_solve: Expected a floating point or complex tensor as input. Got Long",
            Message<ArgumentException>(() => Linalg.LuSolve(lu.To(DType.Int64), piv, Tensor.Ones([3, 1], DType.Int64))));
        Assert.Equal("linalg.lu_solve: Expected LU and B to have the same dtype, but found LU of type Double and B of type Float instead",
            Message<ArgumentException>(() => Linalg.LuSolve(lu, piv, Tensor.Ones([3, 1]))));
        Assert.Equal("linalg.lu_solve: pivots should be a Tensor of scalar type torch.int32",
            Message<ArgumentException>(() => Linalg.LuSolve(lu, piv.To(DType.Int64), b)));
        Assert.Equal("torch.linalg.lu_solve: The input tensor A must have at least 2 dimensions.",
            Message<ArgumentException>(() => Linalg.LuSolve(Tensor.Ones([3], DType.Float64), piv, b)));
        Assert.Equal("torch.linalg.lu_solve: A must be batches of square matrices, but they are 2 by 3 matrices",
            Message<ArgumentException>(() => Linalg.LuSolve(lu.Narrow(0, 0, 2), piv.Narrow(0, 0, 2), b)));
        Assert.Equal("linalg.lu_solve: The input tensor B must have at least 2 dimensions.",
            Message<ArgumentException>(() => Linalg.LuSolve(lu, piv, Tensor.Ones([3], DType.Float64))));
        Assert.Equal("linalg.lu_solve: Incompatible shapes of A and B for the equation AX = B (3x3 and 1x3)",
            Message<ArgumentException>(() => Linalg.LuSolve(lu, piv, Tensor.Ones([1, 3], DType.Float64))));
        Assert.Equal("linalg.lu_solve: Incompatible shapes of A and B for the equation XA = B (3x3 and 1x2)",
            Message<ArgumentException>(() => Linalg.LuSolve(lu, piv, Tensor.Ones([1, 2], DType.Float64), left: false)));
        Assert.Equal("linalg.lu_solve: Number of pivots per batch should be same as the dimension of the matrix",
            Message<ArgumentException>(() => Linalg.LuSolve(lu, piv.Narrow(0, 0, 2), b)));
        Assert.Equal("linalg.lu_solve: Expected LU.shape[:-1] and pivots.shape to be the same, but got pivots with shape [3] instead",
            Message<ArgumentException>(() => Linalg.LuSolve(lu.Expand(2, 3, 3), piv, b)));
        Assert.Equal("linalg.lu_solve: Expected LU.shape[:-1] and pivots.shape to be the same, but got pivots with shape [2, 3] instead",
            Message<ArgumentException>(() => Linalg.LuSolve(lu, piv.Expand(2, 3), b)));
        Assert.Equal("The size of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 0",
            Message<ArgumentException>(() => Linalg.LuSolve(lu.Expand(2, 3, 3), piv.Expand(2, 3), Tensor.Ones([3, 3, 1], DType.Float64))));
        Assert.Equal("Pivots given to lu_solve must all be greater or equal to 1. Did you properly pass the result of lu_factor?",
            Message<ArgumentException>(() => Linalg.LuSolve(lu, Tensor.FromArray(new[] { 0, 5, 3 }), b)));
        Assert.Equal("Pivots given to lu_solve must all be smaller or equal to LU.size(-2). Did you properly pass the result of lu_factor?",
            Message<ArgumentException>(() => Linalg.LuSolve(lu, Tensor.FromArray(new[] { 4, 3, 3 }), b)));
        // nothing to solve: the pivots are not looked at
        Check.Shape(Linalg.LuSolve(lu, Tensor.FromArray(new[] { 0, 3, 3 }), Tensor.Ones([3, 0], DType.Float64)), 3, 0);
    }

    [Fact]
    public void LuSolveGradCheckInFloat64()
    {
        var (lu, piv) = Linalg.LuFactor(F64(Sq, 3, 3));
        lu.RequiresGrad_();
        foreach (var (left, adjoint) in new[] { (true, false), (true, true), (false, false), (false, true) })
        {
            var b = NNCheck.Det(left ? [3, 2] : [2, 3], 0.9).RequiresGrad_();
            Assert.True(Autograd.GradCheck(t => Linalg.LuSolve(t[0], piv, t[1], left, adjoint), [lu, b]));
        }
        var (lub, pivb) = Linalg.LuFactor(F64([.. Sq, .. Sq2], 2, 3, 3));
        Assert.True(Autograd.GradCheck(t => Linalg.LuSolve(t[0], pivb, t[1]), [lub.RequiresGrad_(), NNCheck.Det([3, 1], 0.7).RequiresGrad_()]));
        // second order, and the chain lu_factor → lu_solve against solve
        var bb = NNCheck.Det([3, 2], 0.9);
        Assert.True(Autograd.GradCheck(t => SecondOrder(x => Linalg.LuSolve(x, piv, bb) * x.Narrow(-1, 0, 2), t[0]), [lu]));
        var a = F64(Sq, 3, 3).RequiresGrad_();
        Assert.True(Autograd.GradCheck(t => Linalg.LuSolve(Linalg.LuFactor(t[0]).LU, piv, bb), [a]));
        NNCheck.Close(Linalg.Solve(a, bb), Linalg.LuSolve(lu, piv, bb), 1e-12);
    }

    [Fact]
    public void InvExMatchesPyTorch()
    {
        var a = F64(Sq, 3, 3).RequiresGrad_();
        var (inv, info) = Linalg.InvEx(a);
        Assert.Equal("LinalgInvExBackward0", inv.GradFn!.Name);
        Close([0.10627586978409218, 0.30652198232464484, 0.002237386732296673, -0.09732632285490549, 0.1929746056605884, 0.3663720774135809, 0.41503523884103366, 0.03915426781519184, 0.21926389976507438], inv);
        Info([0], info);

        // a singular matrix: getrf's info of Aᵀ (PyTorch factors a row-major A transposed) and the solve's inf/NaN
        (inv, info) = Linalg.InvEx(S());
        Same([double.NegativeInfinity, double.PositiveInfinity, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN], inv);
        Info([2], info);
        (inv, info) = Linalg.InvEx(S().T);
        Same([double.NegativeInfinity, double.NegativeInfinity, double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity, double.NegativeInfinity, 1.4999999999999998, 0.0, -0.49999999999999994], inv);
        Info([2], info);
        (inv, info) = Linalg.InvEx(F64([0, 0, 1, 0, 1, 0, 0, 0, 0], 3, 3));
        Same([double.NaN, double.NaN, double.PositiveInfinity, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN], inv);
        Info([3], info);
        (inv, info) = Linalg.InvEx(Tensor.Zeros([2, 2], DType.Float64));
        Same([double.NaN, double.NaN, double.NaN, double.NaN], inv);
        Info([1], info);

        using var batch = Tensor.Stack([F64(Sq, 3, 3), S()]);
        Info([0, 2], Linalg.InvEx(batch).Info, 2);
        Assert.Equal("linalg.inv_ex: The diagonal element 2 is zero, the inversion could not be completed because the input matrix is singular.",
            Message<InvalidOperationException>(() => Linalg.InvEx(S(), checkErrors: true)));
        Assert.Equal("linalg.inv_ex: (Batch element 1): The diagonal element 2 is zero, the inversion could not be completed because the input matrix is singular.",
            Message<InvalidOperationException>(() => Linalg.InvEx(batch, checkErrors: true)));
        Assert.Equal("linalg.inv: A must be batches of square matrices, but they are 2 by 3 matrices", Message<ArgumentException>(() => Linalg.InvEx(Tensor.Ones([2, 3]))));
        Assert.Equal("linalg.inv: Expected a floating point or complex tensor as input. Got Long", Message<ArgumentException>(() => Linalg.InvEx(Tensor.Ones([3, 3], DType.Int64))));
    }

    [Fact]
    public void SolveExMatchesPyTorch()
    {
        var b = NNCheck.Det([3, 2], 0.9);
        var (x, info) = Linalg.SolveEx(S(), b);
        Same([double.NegativeInfinity, double.NegativeInfinity, double.NaN, double.NaN, double.NaN, double.NaN], x);
        Info([2], info);
        Same([double.NegativeInfinity, double.NaN, double.NaN], Linalg.SolveEx(S(), Tensor.Ones([3], DType.Float64)).Result);
        // a column-major A is factored as it is, and solved without the transpose
        (x, info) = Linalg.SolveEx(S().T, Tensor.Ones([3, 1], DType.Float64));
        Same([double.NegativeInfinity, double.PositiveInfinity, 1.0], x);
        Info([2], info);
        (x, info) = Linalg.SolveEx(Tensor.Zeros([2, 2], DType.Float64), Tensor.Zeros([2, 1], DType.Float64));
        Same([double.NaN, double.NaN], x);
        Info([1], info);

        using var batch = Tensor.Stack([F64(Sq, 3, 3), S()]);
        (x, info) = Linalg.SolveEx(batch, Tensor.Ones([3], DType.Float64));
        Assert.Equal([2, 3], x.Shape);
        Same([0.4150352388410337, 0.46202036021926396, 0.6734534064213, double.NegativeInfinity, double.NaN, double.NaN], x);
        Info([0, 2], info, 2);

        // X·A = B
        var a = F64(Sq, 3, 3).RequiresGrad_();
        var bb = NNCheck.Det([2, 3], 0.9).RequiresGrad_();
        (x, info) = Linalg.SolveEx(a, bb, left: false);
        Assert.Equal("LinalgSolveExBackward0", x.GradFn!.Name);
        Close([-0.048520018313774615, 0.41758098916258146, 0.1801607048314101, -0.09629053905287982, -0.45842314208568347, -0.37678991198333156], x);
        Info([0], info);
        (x * NNCheck.Det([2, 3], 0.4)).Sum().Backward();
        Close([0.021687230400777413, -0.002332681495666393, 0.03488440441356809, -0.14979947538220845, -0.22881255412421236, -0.22557156802711137, -0.05950458785091045, -0.1333328228055722, -0.08693752592844904], a.Grad!);
        Close([0.39016011385555976, 0.3356689437036518, 0.6038613377583011, 0.028628508660517457, -0.19336629511761053, 0.058001973002641025], bb.Grad!);
        Close([-0.048520018313774615, 0.41758098916258146, 0.1801607048314101, -0.09629053905287982, -0.45842314208568347, -0.37678991198333156], Linalg.Solve(F64(Sq, 3, 3), NNCheck.Det([2, 3], 0.9), left: false));
        Assert.True(Autograd.GradCheck(t => Linalg.Solve(t[0], t[1], left: false), [a.Detach().RequiresGrad_(), NNCheck.Det([2, 2, 3], 0.9).RequiresGrad_()]));

        Assert.Equal("torch.linalg.solve_ex: The solver failed because the input matrix is singular.",
            Message<InvalidOperationException>(() => Linalg.SolveEx(S(), b, checkErrors: true)));
        Assert.Equal("torch.linalg.solve: The solver failed because the input matrix is singular.",
            Message<InvalidOperationException>(() => Linalg.Solve(S(), NNCheck.Det([2, 3], 0.9), left: false)));
        Assert.Equal("linalg.solve: Vector broadcasting of the left hand side is not supported for left=False. In this case linalg.solve is equivalent to B / A.squeeze(-1)",
            Message<ArgumentException>(() => Linalg.SolveEx(F64([2.0], 1, 1), F64([3.0], 1), left: false)));
        Assert.Equal("linalg.solve: Incompatible shapes of A and B for the equation XA = B (3x3 and 3x1)",
            Message<ArgumentException>(() => Linalg.SolveEx(S(), Tensor.Ones([3], DType.Float64), left: false)));
        Assert.Equal("linalg.solve: Incompatible shapes of A and B for the equation XA = B (3x3 and 3x2)",
            Message<ArgumentException>(() => Linalg.SolveEx(S(), Tensor.Ones([3, 2], DType.Float64), left: false)));
    }

    [Fact]
    public void CholeskyExMatchesPyTorch()
    {
        var m = F64([4, 2, 0.6, 2, 5, 1, 0.6, 1, 3], 3, 3).RequiresGrad_();
        var (l, info) = Linalg.CholeskyEx(m);
        Assert.Equal("LinalgCholeskyExBackward0", l.GradFn!.Name);
        Close([2.0, 0.0, 0.0, 1.0, 2.0, 0.0, 0.3, 0.35, 1.6695807857064], l);
        Info([0], info);

        // not positive-definite: the factor as reference LAPACK's recursive potrf2 leaves it
        var n = F64([4, 2, 0.6, 2, 1, 1, 0.6, 1, 3], 3, 3);
        (l, info) = Linalg.CholeskyEx(n);
        Close([2.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.3, 0.7, 2.91], l);
        Info([2], info);
        (l, info) = Linalg.CholeskyEx(n, upper: true);
        Close([2.0, 1.0, 0.3, 0.0, 0.0, 0.7, 0.0, 0.0, 2.91], l);
        Info([2], info);
        (l, info) = Linalg.CholeskyEx(F64([1, 2, 2, 1], 2, 2));
        Close([1.0, 0.0, 2.0, -3.0], l);
        Info([2], info);
        (l, info) = Linalg.CholeskyEx(-Tensor.Eye(2, DType.Float64));
        Close([-1.0, 0.0, 0.0, -1.0], l);
        Info([1], info);
        // a failure in the leading half returns before the rows below it are touched
        (l, info) = Linalg.CholeskyEx(F64([4, 2, 0.6, 1, 2, 1, 1, 0.5, 0.6, 1, 3, 0.2, 1, 0.5, 0.2, 2], 4, 4));
        Close([2.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.6, 1.0, 3.0, 0.0, 1.0, 0.5, 0.2, 2.0], l);
        Info([2], info);
        (l, info) = Linalg.CholeskyEx(F64([4, 2, 0.6, 1, 0.3, 2, 5, 1, 0.5, 0.1, 0.6, 1, 3, 0.2, 0.4, 1, 0.5, 0.2, 0.3, 1, 0.3, 0.1, 0.4, 1, 2], 5, 5));
        Close([2.0, 0.0, 0.0, 0.0, 0.0, 1.0, 2.0, 0.0, 0.0, 0.0, 0.3, 0.35, 1.6695807857064, 0.0, 0.0, 0.5, 0.0, 0.029947637411774003, 0.2215922810331012, 0.0, 0.15, -0.024999999999999994, 0.2178690621706558, 4.144888675908658, -15.250694063926948], l);
        Info([5], info);

        using var batch = Tensor.Stack([m.Detach(), n]);
        Info([0, 2], Linalg.CholeskyEx(batch).Info, 2);
        Assert.Equal("linalg.cholesky_ex: The factorization could not be completed because the input is not positive-definite (the leading minor of order 2 is not positive-definite).",
            Message<InvalidOperationException>(() => Linalg.CholeskyEx(n, checkErrors: true)));
        Assert.Equal("linalg.cholesky_ex: (Batch element 1): The factorization could not be completed because the input is not positive-definite (the leading minor of order 2 is not positive-definite).",
            Message<InvalidOperationException>(() => Linalg.CholeskyEx(batch, checkErrors: true)));
    }
}
