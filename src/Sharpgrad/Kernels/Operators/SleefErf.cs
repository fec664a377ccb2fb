using System.Numerics;
using static Sharpgrad.Kernels.Operators.SleefPair;

namespace Sharpgrad.Kernels.Operators;

/// <summary>
/// Float64 erf and Float32/Float64 erfc as PyTorch's CPU kernels compute them, bit for bit: ATen's vml map over SLEEF
/// 3.6's erf_u10 (Vectorized&lt;double&gt;::erf) and erfcf_u15/erfc_u15 (Vectorized::erfc). erf is 1 − 1/(1 + x·p(x))¹⁶
/// up to |x| = 2.5 and 1 − exp(x·q(x)) beyond, with double-double arithmetic for the last steps; erfc is a polynomial in
/// x², x or 1/x (by interval) feeding exp in double-word arithmetic, 2 − erfc(|x|) for negative x. The algorithms follow
/// SLEEF's published xerf_u1, xerfc_u15 and xerfcf_u15 with its FMA double-word helpers (Boost Software License 1.0);
/// no code is shared with it.
/// </summary>
internal static class SleefErf
{
    public static void Erf(ReadOnlySpan<double> x, Span<double> y) => SleefMap.Map<double, ErfD>(x, y);
    public static void Erfc(ReadOnlySpan<float> x, Span<float> y) => SleefMap.Map<float, ErfcF>(x, y);
    public static void Erfc(ReadOnlySpan<double> x, Span<double> y) => SleefMap.Map<double, ErfcD>(x, y);
    public static double Erf(double x) => SleefMap.One<double, ErfD>(x);
    public static float Erfc(float x) => SleefMap.One<float, ErfcF>(x);
    public static double Erfc(double x) => SleefMap.One<double, ErfcD>(x);

    private readonly struct ErfD : ISleefKernel<double> { public static Vector<double> Invoke(Vector<double> x) => Erf(x); }
    private readonly struct ErfcF : ISleefKernel<float> { public static Vector<float> Invoke(Vector<float> x) => Erfc(x); }
    private readonly struct ErfcD : ISleefKernel<double> { public static Vector<double> Invoke(Vector<double> x) => Erfc(x); }

    // erf's polynomial coefficients, highest degree first: up to |x| = 2.5, then beyond
    private static readonly double[] ErfNear =
    [
        -0.2083271002525222097e-14, +0.7151909970790897009e-13, -0.1162238220110999364e-11, +0.1186474230821585259e-10,
        -0.8499973178354613440e-10, +0.4507647462598841629e-9, -0.1808044474288848915e-8, +0.5435081826716212389e-8,
        -0.1143939895758628484e-7, +0.1215442362680889243e-7, +0.1669878756181250355e-7, -0.9808074602255194288e-7,
        +0.1389000557865837204e-6, +0.2945514529987331866e-6, -0.1842918273003998283e-5, +0.3417987836115362136e-5,
        +0.3860236356493129101e-5, -0.3309403072749947546e-4, +0.1060862922597579532e-3, +0.2323253155213076174e-3,
        +0.1490149719145544729e-3,
    ];

    private static readonly double[] ErfFar =
    [
        -0.4024015130752621932e-18, +0.3847193332817048172e-16, -0.1749316241455644088e-14, +0.5029618322872872715e-13,
        -0.1025221466851463164e-11, +0.1573695559331945583e-10, -0.1884658558040203709e-9, +0.1798167853032159309e-8,
        -0.1380745342355033142e-7, +0.8525705726469103499e-7, -0.4160448058101303405e-6, +0.1517272660008588485e-5,
        -0.3341634127317201697e-5, -0.2515023395879724513e-5, +0.6539731269664907554e-4, -0.3551065097428388658e-3,
        +0.1210736097958368864e-2, -0.2605566912579998680e-2, +0.1252823202436093193e-2, +0.1820191395263313222e-1,
        -0.1021557155453465954e+0,
    ];

    // erf's last three coefficients as double-doubles (high, low), near then far
    private static readonly double[] ErfPairs =
    [
        0.0092877958392275604405, 7.9287559463961107493e-19, -0.63691044383641748361, -2.4249477526539431839e-17,
        0.042275531758784692937, 1.3785226620501016138e-19, -1.1282926061803961737, -6.2970338860410996505e-17,
        0.07052369794346953491, 9.5846628070792092842e-19, -1.2261313785184804967e-05, -5.5329707514490107044e-22,
    ];

    private static Vector<double> Erf(Vector<double> a)
    {
        var x = Vector.Abs(a);
        var x2 = x * x;
        var x4 = x2 * x2;
        var x8 = x4 * x4;
        ReadOnlySpan<Vector<double>> pow = [x, x2, x4, x8, x8 * x8];
        var near = Vector.LessThanOrEqual(x, new Vector<double>(2.5));
        Span<Vector<double>> c = stackalloc Vector<double>[ErfNear.Length];
        for (int i = 0; i < c.Length; i++) c[i] = Vector.ConditionalSelect(near, new Vector<double>(ErfNear[i]), new Vector<double>(ErfFar[i]));
        var t = SleefPoly.Estrin(c, pow);
        var c2 = PairAt(near, 0);
        var c1 = PairAt(near, 4);
        var c0 = PairAt(near, 8);
        // SLEEF's poly4dd: (c0 + c1·x) + (c2 + t·x)·x², in double-double
        var t2 = Add(Add(c0, Multiply(c1, x)), Multiply(Add(c2, Multiply(new SleefPair<double>(t, Vector<double>.Zero), x)), x2));
        var s2 = Add(Vector<double>.One, Multiply(t2, x));
        s2 = Square(Square(Square(Square(s2))));
        s2 = Reciprocal(s2);
        t2 = Select(near, s2, new SleefPair<double>(SleefExpm1.ExpK(t2), Vector<double>.Zero));
        t2 = Add2(t2, new Vector<double>(-1.0));
        var z = -t2.Sum;
        z = Vector.ConditionalSelect(Vector.LessThan(x, new Vector<double>(1e-8)), x * 1.12837916709551262756245475959, z);
        z = Vector.ConditionalSelect(Vector.GreaterThanOrEqual(x, new Vector<double>(6.0)), Vector<double>.One, z);
        z = Vector.ConditionalSelect(Vector.Equals(x, new Vector<double>(double.PositiveInfinity)), Vector<double>.One, z);
        z = Vector.ConditionalSelect(Vector.Equals(a, Vector<double>.Zero), Vector<double>.Zero, z);
        return MulSign(z, a);
    }

    private static SleefPair<double> PairAt(Vector<long> near, int i) => new(
        Vector.ConditionalSelect(near, new Vector<double>(ErfPairs[i]), new Vector<double>(ErfPairs[i + 2])),
        Vector.ConditionalSelect(near, new Vector<double>(ErfPairs[i + 1]), new Vector<double>(ErfPairs[i + 3])));

    // erfc's polynomial in u (x² below 1, x below 2.2, 1/x beyond), highest degree first, one row per degree and one
    // column per interval: [0, 1), [1, 2.2), [2.2, 4.2), [4.2, 27.3)
    private static readonly double[] ErfcD4 =
    [
        +0.6801072401395386139e-20, +0.3438010341362585303e-12, -0.5757819536420710449e+2, +0.2334249729638701319e+5,
        -0.2161766247570055669e-18, -0.1237021188160598264e-10, +0.4669289654498104483e+3, -0.4695661044933107769e+5,
        +0.4695919173301595670e-17, +0.2117985839877627852e-09, -0.1796329879461355858e+4, +0.3173403108748643353e+5,
        -0.9049140419888007122e-16, -0.2290560929177369506e-08, +0.4355892193699575728e+4, +0.3242982786959573787e+4,
        +0.1634018903557410728e-14, +0.1748931621698149538e-07, -0.7456258884965764992e+4, -0.2014717999760347811e+5,
        -0.2783485786333451745e-13, -0.9956602606623249195e-07, +0.9553977358167021521e+4, +0.1554006970967118286e+5,
        +0.4463221276786415752e-12, +0.4330010240640327080e-06, -0.9470019905444229153e+4, -0.6150874190563554293e+4,
        -0.6711366622850136563e-11, -0.1435050600991763331e-05, +0.7387344321849855078e+4, +0.1240047765634815732e+4,
        +0.9422759050232662223e-10, +0.3460139479650695662e-05, -0.4557713054166382790e+4, -0.8210325475752699731e+2,
        -0.1229055530100229098e-08, -0.4988908180632898173e-05, +0.2207866967354055305e+4, +0.3242443880839930870e+2,
        +0.1480719281585086512e-07, -0.1308775976326352012e-05, -0.8217975658621754746e+3, -0.2923418863833160586e+2,
        -0.1636584469123399803e-06, +0.2825086540850310103e-04, +0.2268659483507917400e+3, +0.3457461732814383071e+0,
        +0.1646211436588923575e-05, -0.6393913713069986071e-04, -0.4633361260318560682e+2, +0.5489730155952392998e+1,
        -0.1492565035840623511e-04, -0.2566436514695078926e-04, +0.9557380123733945965e+1, +0.1559934132251294134e-2,
        +0.1205533298178967851e-03, +0.5895792375659440364e-03, -0.2958429331939661289e+1, -0.1541741566831520638e+1,
        -0.8548327023450850081e-03, -0.1695715579163588598e-02, +0.1670329508092765480e+0, +0.2823152230558364186e-5,
        +0.5223977625442187932e-02, +0.2089116434918055149e-03, +0.6096615680115419211e+0, +0.6249999184195342838e+0,
        -0.2686617064513125222e-01, +0.1912855949584917753e-01, +0.1059212443193543585e-2, +0.1741749416408701288e-8,
    ];

    // the last three coefficients as double-doubles: three high rows then three low rows, one column per interval
    private static readonly double[] ErfcDPairs =
    [
        0.11283791670955126141, -0.10277263343147646779, -0.50005180473999022439, -0.5000000000258444377,
        -0.37612638903183753802, -0.63661976742916359662, 1.601106273924963368e-06, 2.3761973137523364792e-13,
        1.1283791670955125586, -1.1283791674717296161, -0.57236496645145429341, -0.57236494292470108114,
        -4.0175691625932118483e-18, -6.2338714083404900225e-18, 2.6362140569041995803e-17, -4.0074044712386992281e-17,
        1.3391897206042552387e-17, 7.6321019159085724662e-18, 1.1974001857764476775e-23, -1.1670076950531026582e-29,
        1.5335459613165822674e-17, 8.0896847755965377194e-17, 3.0704553245872027258e-17, -2.3984352208056898003e-17,
    ];

    private static Vector<double> Erfc(Vector<double> s)
    {
        var a = Vector.Abs(s);
        var o0 = Vector.LessThan(a, Vector<double>.One);
        var o1 = Vector.LessThan(a, new Vector<double>(2.2));
        var o2 = Vector.LessThan(a, new Vector<double>(4.2));
        var o3 = Vector.LessThan(a, new Vector<double>(27.3));
        var aPair = new SleefPair<double>(a, Vector<double>.Zero);
        var u = Select(o0, Multiply(a, a), Select(o1, aPair, Divide(new SleefPair<double>(Vector<double>.One, Vector<double>.Zero), aPair)));
        var t = Row(ErfcD4, 0);
        for (int r = 1; r < ErfcD4.Length / 4; r++) t = Vector.FusedMultiplyAdd(t, u.X, Row(ErfcD4, r));
        var d = Multiply(u, t);
        d = Add2(d, new SleefPair<double>(Row(ErfcDPairs, 0), Row(ErfcDPairs, 3)));
        d = Multiply(d, u);
        d = Add2(d, new SleefPair<double>(Row(ErfcDPairs, 1), Row(ErfcDPairs, 4)));
        d = Multiply(d, u);
        d = Add2(d, new SleefPair<double>(Row(ErfcDPairs, 2), Row(ErfcDPairs, 5)));
        var x = Multiply(Select(o1, d, new SleefPair<double>(-a, Vector<double>.Zero)), a);
        x = Select(o1, x, Add2(x, d));
        x = Select(o0, Subtract(new SleefPair<double>(Vector<double>.One, Vector<double>.Zero), x), SleefExpm1.ExpK2(x.X, x.Y));
        x = Select(o1, x, Multiply(x, u));
        var r0 = Vector.ConditionalSelect(o3, x.Sum, Vector<double>.Zero);
        r0 = Vector.ConditionalSelect(Vector.LessThan(s.As<double, long>(), Vector<long>.Zero), new Vector<double>(2.0) - r0, r0);
        return Vector.ConditionalSelect(Vector.Equals(s, s), r0, new Vector<double>(BitConverter.UInt64BitsToDouble(0x7ff8000000000000UL)));

        // one coefficient per lane by its interval
        Vector<double> Row(double[] table, int row) =>
            Vector.ConditionalSelect(o0, new Vector<double>(table[4 * row]), Vector.ConditionalSelect(o1, new Vector<double>(table[4 * row + 1]),
                Vector.ConditionalSelect(o2, new Vector<double>(table[4 * row + 2]), new Vector<double>(table[4 * row + 3]))));
    }

    // erfcf's polynomial in u (x below 2.2, 1/x beyond), as erfc's: intervals [0, 1), [1, 2.2), [2.2, 4.3), [4.3, 10.1)
    private static readonly float[] ErfcF4 =
    [
        -0.8638041618e-4f, -0.6236977242e-5f, -0.3869504035e+0f, +0.1115344167e+1f,
        +0.6000166177e-3f, +0.5749821503e-4f, +0.1288077235e+1f, -0.9454904199e+0f,
        -0.1665703603e-2f, +0.6002851478e-5f, -0.1816803217e+1f, -0.3667259514e+0f,
        +0.1795156277e-3f, -0.2851036377e-2f, +0.1249150872e+1f, +0.7155663371e+0f,
        +0.1914106123e-1f, +0.2260518074e-1f, -0.1328857988e+0f, -0.1262947265e-1f,
    ];

    // the last three coefficients in double, split into float pairs as SLEEF's vcast_vf2_d does
    private static readonly double[] ErfcFPairs =
    [
        -0.102775359343930288081655368891e+0, -0.105247583459338632253369014063e+0, -0.482365310333045318680618892669e+0, -0.498961546254537647970305302739e+0,
        -0.636619483208481931303752546439e+0, -0.635609463574589034216723775292e+0, -0.134450203224533979217859332703e-2, -0.471199543422848492080722832666e-4,
        -0.112837917790537404939545770596e+1, -0.112855987376668622084547028949e+1, -0.572319781150472949561786101080e+0, -0.572364030327966044425932623525e+0,
    ];

    private static Vector<float> Erfc(Vector<float> s)
    {
        var a = Vector.Abs(s);
        var o0 = Vector.LessThan(a, Vector<float>.One);
        var o1 = Vector.LessThan(a, new Vector<float>(2.2f));
        var o2 = Vector.LessThan(a, new Vector<float>(4.3f));
        var o3 = Vector.LessThan(a, new Vector<float>(10.1f));
        var aPair = new SleefPair<float>(a, Vector<float>.Zero);
        var u = Select(o1, aPair, Divide(new SleefPair<float>(Vector<float>.One, Vector<float>.Zero), aPair));
        var t = Row(0);
        for (int r = 1; r < ErfcF4.Length / 4; r++) t = Vector.FusedMultiplyAdd(t, u.X, Row(r));
        var d = Multiply(u, t);
        d = Add2(d, PairRow(0));
        d = Multiply(d, u);
        d = Add2(d, PairRow(1));
        d = Multiply(d, u);
        d = Add2(d, PairRow(2));
        var x = Multiply(Select(o1, d, new SleefPair<float>(-a, Vector<float>.Zero)), a);
        x = Select(o1, x, Add2(x, d));
        var (eh, el) = SleefTanh.ExpK2(x.X, x.Y);
        x = new SleefPair<float>(eh, el);
        x = Select(o1, x, Multiply(x, u));
        var r0 = Vector.ConditionalSelect(o3, x.Sum, Vector<float>.Zero);
        r0 = Vector.ConditionalSelect(Vector.LessThan(s.As<float, int>(), Vector<int>.Zero), new Vector<float>(2f) - r0, r0);
        return Vector.ConditionalSelect(Vector.Equals(s, s), r0, new Vector<float>(BitConverter.UInt32BitsToSingle(0x7fc00000)));

        Vector<float> Pick(float c0, float c1, float c2, float c3) =>
            Vector.ConditionalSelect(o0, new Vector<float>(c0), Vector.ConditionalSelect(o1, new Vector<float>(c1), Vector.ConditionalSelect(o2, new Vector<float>(c2), new Vector<float>(c3))));

        Vector<float> Row(int row) => Pick(ErfcF4[4 * row], ErfcF4[4 * row + 1], ErfcF4[4 * row + 2], ErfcF4[4 * row + 3]);

        SleefPair<float> PairRow(int row)
        {
            Span<float> hi = stackalloc float[4], lo = stackalloc float[4];
            for (int i = 0; i < 4; i++)
            {
                double c = ErfcFPairs[4 * row + i];
                hi[i] = (float)c;
                lo[i] = (float)(c - hi[i]);
            }
            return new(Pick(hi[0], hi[1], hi[2], hi[3]), Pick(lo[0], lo[1], lo[2], lo[3]));
        }
    }
}
