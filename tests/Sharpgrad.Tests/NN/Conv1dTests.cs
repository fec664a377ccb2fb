using Sharpgrad.NN;
using F = Sharpgrad.NN.Functional;

namespace Sharpgrad.Tests.NN;

/// <summary>Conv1d and conv1d: values, gradients, graph, parameters, repr and messages from PyTorch 2.6.</summary>
public class Conv1dTests
{
    [Fact]
    public void GroupedStridedModuleMatchesPyTorch()
    {
        var c = new Conv1d(4, 6, 3, stride: 2, padding: 1, groups: 2, dtype: DType.Float64);
        using (Autograd.NoGrad())
        {
            c.Weight.Copy_(Check.Det([6, 2, 3], 0.3, 0.5));
            c.Bias!.Copy_(Check.Det([6], 0.5, 0.1));
        }
        var x = Check.Det([2, 4, 7], 0.7).RequiresGrad_();
        var y = c.Call(x);
        Assert.Equal("ConvolutionBackward0", y.GradFn!.Name);
        Assert.Equal(3, y.GradFn.NextFunctions.Count); // input, weight, bias: no views in between
        Assert.Equal([2, 6, 4], y.Shape);
        Check.Close([0.9545167746988846, 0.8041427389423119, -0.7452001024782076, -0.9355150072661551, -0.9219104380090863, -1.0736387086159422, 0.5678996007074062, 1.0217496900200262, -0.34168885957637557, -0.12236886200772834, 0.6810520946183645, 0.6651356174693681, -1.2517322905245043, -0.7851033800557908, 1.2289887044210965, 1.1724825565320893, 0.2795517769018858, 0.39856089759000657, 0.09177424390576638, -0.14827703651264001, 1.0327522639693323, 0.5120451104847723, -1.3626418333102306, -1.1970553779315847, 0.6802985981145708, -0.052729334451579145, -1.1048723811993324, -0.47439848607526036, -1.0329201092644513, -0.29279091166080484, 1.2991274466337925, 0.9648217402966501, -0.017027423311242046, 0.37968270117678365, 0.7084513767547119, 0.2298873951259409, -0.879622330299387, 0.36646988612694237, 1.592703079879752, 0.622451858720469, 0.47991616467353915, 0.3208584331413146, -0.2329822681703625, -0.41690514055421823, 0.5695958865369802, -0.6042198303268448, -1.5787854891510518, -0.524958944256606], y, 1e-12);
        (y * y.Detach().Cos()).Sum().Backward();
        Check.Close([-0.2184283907958747, -0.36758087823058316, -0.14926763272336002, -0.2095039808238159, -0.1437298147679571, -0.3133598531503952, -0.13387663124801674, -0.15318348874434173, -0.20444451169996503, -0.06696678341743606, -0.2579061461160199, -0.2501506857282749, -0.37782070139100754, -0.11638997039770449, 0.04326824002757107, 0.03187942212146638, 0.022452227609142172, 0.25035925355047517, 0.2099583078723275, 0.34363741651341456, 0.15216258653793607, -0.28354656678187695, -0.4998941998393036, -0.2145650552075641, -0.3093356399282319, -0.17310024151815925, -0.37402538178240974, -0.20290388597020978, -0.12090111516726443, -0.13908944777485446, -0.10179263421723936, -0.31492973800128116, -0.12876910777020906, -0.15619277719545238, -0.07226997296823795, -0.06900425711669433, -0.2568100421282945, -0.2523694211547746, -0.3235848965637862, -0.01821063744473872, -0.05669429999396848, -0.07816234697399843, 0.001993273737337209, 0.12536526972343504, 0.14584180157243815, 0.36128077611234377, 0.16345628320315292, 0.16139566272410405, 0.06824580965815191, -0.22820241242937597, -0.286980275001866, -0.09672660717574882, -0.29599166229586216, -0.2601835634668663, -0.4611465482553977, -0.16043892428050982], x.Grad!, 1e-10);
        Check.Close([-1.1030598500158317, -0.46834519146317066, -1.6598707208045744, 0.9704469033424381, 0.6349450557128237, 1.0360180401382248, -0.9454815036940967, -0.6264494113422479, -1.5432807247237084, 1.169196590669959, 0.6571260830291047, 0.7422584359705935, -1.419798165002582, -0.25150332646091683, -1.6160811017722616, 1.0147712200163466, 0.7030597591000589, 1.4381664027948178, 0.49913550379347943, 0.24422622382284884, 1.7449113969299543, -0.560819709202573, -0.8168509300386191, -0.7051452595248059, 2.3670901743436947, 0.9785599800515639, 2.2605313814033394, -0.23615762303323928, 0.0297628649368602, -0.1264398270192234, 0.2935474644274244, -0.2379567875710881, 1.6267138449291947, -0.5200728677687402, -1.2294715098284372, -1.2734954578410704], c.Weight.Grad!, 1e-10);
        Check.Close([5.714899438252374, 4.753793283144407, 7.160155999698813, 4.10563518214988, 7.590945819178338, 4.478376956022826], c.Bias!.Grad!, 1e-10);
        Assert.True(Autograd.GradCheck(a => F.Conv1d(a[0], a[1], a[2], stride: 2, padding: 1, dilation: 2, groups: 2),
            [Check.Det([2, 4, 6], 0.7).RequiresGrad_(), Check.Det([6, 2, 3], 0.3, 0.5).RequiresGrad_(), Check.Det([6], 0.5, 0.1).RequiresGrad_()]));
    }

    [Fact]
    public void PaddingStringsAndUnbatchedInputMatchPyTorch()
    {
        var x = Check.Det([1, 2, 6], 0.4).RequiresGrad_();
        var w = Check.Det([3, 2, 3], 0.6).RequiresGrad_();
        var y = F.Conv1d(x, w, null, "same", dilation: 2);
        Assert.Equal("ConvolutionBackward0", y.GradFn!.Name);
        Check.Close([2.6098465227895025, 2.474060520169803, 3.1152121578567735, 2.2489298661547648, 1.3814146660637476, 0.4492676667684349, -2.0859354600849045, -2.176677153508653, -3.2885463395362415, -2.7911317362952284, -1.871681988636829, -0.9851849443201037, 1.1313138367324562, 1.4298465939324752, 2.7828510571111797, 2.7570118850854115, 1.9754784859584729, 1.3176781141610476], y, 1e-12);
        y.Sum().Backward();
        Check.Close([1.1006231123297368, 1.1006231123297368, 1.0311911961291713, 1.0311911961291713, 0.3195982979310631, 0.3195982979310631, -1.2655507653201363, -1.2655507653201363, -2.0195763219892524, -2.0195763219892524, -1.5159368413541225, -1.5159368413541225], x.Grad!, 1e-12);
        Check.Close([2.980125457826724, 2.5347790989782926, 0.6137181049754075, -3.574669248338804, -4.535645739180835, -2.8560296829709313, 2.980125457826724, 2.5347790989782926, 0.6137181049754075, -3.574669248338804, -4.535645739180835, -2.8560296829709313, 2.980125457826724, 2.5347790989782926, 0.6137181049754075, -3.574669248338804, -4.535645739180835, -2.8560296829709313], w.Grad!, 1e-12);

        // Even kernel: PyTorch pads the extra element at the end explicitly (ConstantPadNdBackward0 under the conv).
        var x2 = Check.Det([1, 2, 6], 0.4).RequiresGrad_();
        var w4 = Check.Det([3, 2, 4], 0.6);
        var y4 = F.Conv1d(x2, w4, null, "same");
        Assert.Equal("ConvolutionBackward0", y4.GradFn!.Name);
        Assert.Equal("ConstantPadNdBackward0", y4.GradFn.NextFunctions[0].Node!.Name);
        Check.Close([3.065180860882314, 4.7417303787607015, 4.441739875012585, 3.4404963100019827, 1.771433953997794, 0.4135896059301254, 3.5401772604649064, 2.5214055061438145, 1.2771308374723476, -0.16877470887577944, -0.8076159264031787, -0.6809075912612284, -2.445657037910068, -4.3004895415082895, -4.218244575016588, -3.470031540915822, -1.9127650991373637, -0.5327470500332446], y4, 1e-12);
        y4.Sum().Backward();
        Check.Close([0.8485739664704314, 1.9767721011421346, 3.093293464755468, 3.093293464755468, 3.093293464755468, 2.9904823371101488, 0.778209067186711, 0.16804595437632897, -0.9025302508999989, -0.9025302508999989, -0.9025302508999989, -1.6173418086235007], x2.Grad!, 1e-12);
        Check.Close([4.7417303787607015, 3.4404963100019827, 2.5214055061438145, -0.16877470887577944, -4.3004895415082895, -3.470031540915822],
            F.Conv1d(Check.Det([1, 2, 6], 0.4), w4, null, "valid", stride: 2), 1e-12);

        var u = F.Conv1d(Check.Det([2, 5], 0.4).RequiresGrad_(), Check.Det([3, 2, 2], 0.6));
        Assert.Equal("SqueezeBackward1", u.GradFn!.Name);
        Assert.Equal("ConvolutionBackward0", u.GradFn.NextFunctions[0].Node!.Name);
        Assert.Equal([3, 4], u.Shape);
        Check.Close([1.7769278054153863, 1.442952412911432, 0.881166562054744, 0.18026388614506275, -0.9145387617782476, -0.24572028400748847, 0.4618920237090304, 1.096581736966376, -0.4281775343070827, -1.0805672264951687, -1.5623591131380783, -1.7974888489776801], u, 1e-12);

        var m = new Conv1d(2, 3, 4, "same", bias: false, dtype: DType.Float64);
        using (Autograd.NoGrad()) m.Weight.Copy_(w4);
        Check.Close(y4.Detach(), m.Call(Check.Det([1, 2, 6], 0.4)), 1e-12);
        Assert.True(Autograd.GradCheck(a => F.Conv1d(a[0], a[1], a[2], "same"),
            [Check.Det([2, 2, 5], 0.4).RequiresGrad_(), Check.Det([3, 2, 4], 0.6).RequiresGrad_(), Check.Det([3], 0.5).RequiresGrad_()]));
    }

    [Fact]
    public void ParametersReprAndMessagesMatchPyTorch()
    {
        var c = new Conv1d(4, 6, 3, stride: 2, padding: 1, groups: 2);
        Assert.Equal("Conv1d(4, 6, kernel_size=(3,), stride=(2,), padding=(1,), groups=2)", c.ToString());
        Assert.Equal(["weight", "bias"], c.NamedParameters().Select(p => p.Name));
        Assert.Equal([6, 2, 3], c.Weight.Shape);
        Assert.Equal([6], c.Bias!.Shape);
        double bound = 1 / Math.Sqrt(6);
        Assert.True(c.Weight.Abs().Max().Item<float>() <= bound);
        Assert.Equal("Conv1d(2, 3, kernel_size=(5,), stride=(1,), padding=same, dilation=(2,), bias=False)", new Conv1d(2, 3, 5, "same", dilation: 2, bias: false).ToString());
        Assert.Equal("Conv1d(2, 3, kernel_size=(5,), stride=(1,), padding=valid)", new Conv1d(2, 3, 5, "valid").ToString());
        Assert.Equal("Conv1d(2, 3, kernel_size=(3,), stride=(2,), padding=(1,))", new Conv1d(2, 3, 3, stride: 2, padding: 1).ToString());
        Assert.Equal("out_channels must be divisible by groups", Assert.Throws<ArgumentException>(() => new Conv1d(4, 5, 3, groups: 2)).Message);
        Assert.Equal("padding='same' is not supported for strided convolutions", Assert.Throws<ArgumentException>(() => new Conv1d(2, 3, 3, "same", stride: 2)).Message);
        Assert.Equal("padding='same' is not supported for strided convolutions",
            Assert.Throws<InvalidOperationException>(() => F.Conv1d(Check.Det([1, 2, 6], 1), Check.Det([3, 2, 3], 1), null, "same", stride: 2)).Message);
        Assert.Equal("Invalid padding string: 'foo'", Assert.Throws<InvalidOperationException>(() => F.Conv1d(Check.Det([1, 2, 6], 1), Check.Det([3, 2, 3], 1), null, "foo")).Message);
        Assert.Equal("Given groups=1, weight of size [3, 2, 3], expected input[1, 3, 6] to have 2 channels, but got 3 channels instead",
            Assert.Throws<ArgumentException>(() => F.Conv1d(Check.Det([1, 3, 6], 1), Check.Det([3, 2, 3], 1))).Message);
        Assert.Equal("Calculated padded input size per channel: (2). Kernel size: (3). Kernel size can't be greater than actual input size",
            Assert.Throws<ArgumentException>(() => F.Conv1d(Check.Det([1, 2, 2], 1), Check.Det([3, 2, 3], 1))).Message);
        Assert.Equal("Expected 2D (unbatched) or 3D (batched) input to conv1d, but got input of size: [1, 1, 2, 6]",
            Assert.Throws<ArgumentException>(() => F.Conv1d(Check.Det([1, 1, 2, 6], 1), Check.Det([3, 2, 3], 1))).Message);
        Assert.Equal("Given groups=3, weight of size [6, 2, 3], expected input[1, 4, 6] to have 6 channels, but got 4 channels instead",
            Assert.Throws<ArgumentException>(() => F.Conv1d(Check.Det([1, 4, 6], 1), Check.Det([6, 2, 3], 1), groups: 3)).Message);
        Assert.Equal("Given groups=2, expected weight to be divisible by 2 at dimension 0, but got weight of size [[3, 2, 3]] instead",
            Assert.Throws<ArgumentException>(() => F.Conv1d(Check.Det([1, 4, 6], 1), Check.Det([3, 2, 3], 1), groups: 2)).Message);
        Assert.Equal("Given groups=1, weight of size [3, 3, 3], expected input[1, 2, 6] to have 3 channels, but got 2 channels instead",
            Assert.Throws<ArgumentException>(() => F.Conv1d(Check.Det([2, 6], 1), Check.Det([3, 3, 3], 1))).Message);
        Assert.Equal("weight should have at least three dimensions",
            Assert.Throws<ArgumentException>(() => F.Conv1d(Check.Det([1, 2, 6], 1), Check.Det([3, 2], 1))).Message);
        Assert.Equal("Expected 4-dimensional input for 4-dimensional weight [3, 2, 1, 3], but got 3-dimensional input of size [1, 2, 6] instead",
            Assert.Throws<ArgumentException>(() => F.Conv1d(Check.Det([1, 2, 6], 1), Check.Det([3, 2, 1, 3], 1))).Message);
        Assert.Equal("Given weight of size [3, 2, 3], expected bias to be 1-dimensional with 3 elements, but got bias of size [4] instead",
            Assert.Throws<ArgumentException>(() => F.Conv1d(Check.Det([1, 2, 6], 1), Check.Det([3, 2, 3], 1), Check.Det([4], 1))).Message);
        Assert.Equal("expected scalar type Double but found Float",
            Assert.Throws<ArgumentException>(() => F.Conv1d(Check.Det([1, 2, 6], 1), Check.Det([3, 2, 3], 1).To(DType.Float32))).Message);
        Assert.Equal("non-positive stride is not supported",
            Assert.Throws<ArgumentException>(() => F.Conv1d(Check.Det([1, 2, 6], 1), Check.Det([3, 2, 3], 1), stride: 0)).Message);
    }
}
