using Sharpgrad.NN;
using F = Sharpgrad.NN.Functional;

namespace Sharpgrad.Tests.NN;

/// <summary>GroupNorm and group_norm: values, gradients, parameters, repr and messages from PyTorch 2.6.</summary>
public class GroupNormTests
{
    private static GroupNorm Gn()
    {
        var gn = new GroupNorm(3, 6, dtype: DType.Float64);
        using (Autograd.NoGrad())
        {
            gn.Weight!.Copy_(Check.Det([6], 0.3) + 0.5);
            gn.Bias!.Copy_(Check.Det([6], 0.5, 0.1));
        }
        return gn;
    }

    [Fact]
    public void ModuleMatchesPyTorch()
    {
        var gn = Gn();
        var x = Check.Det([2, 6, 3], 0.7).RequiresGrad_();
        var y = gn.Call(x);
        Assert.Equal("NativeGroupNormBackward0", y.GradFn!.Name);
        Check.Close([2.1813203161861527, 1.7259378045848799, 0.5739637805351636, -0.7202546260911981, -1.542013264709679, -1.531180542033378, -2.2770538612758466, -0.49796150584341653, 1.050534518026266, 1.3493830511061227, 0.8022040341287364, -0.5337911233992884, -0.32588718657075877, -0.9191087239502089, -0.8951610739964161, -0.228161543629688, 0.39365082677054025, 0.9279691295549647, 2.2161401385750814, 1.7169189701109222, 0.5383011720456838, -0.7518650356760026, -1.5431989897511766, -1.4888164232310797, -2.247256870084211, -0.43061306212282074, 1.1103602472560363, 1.3584949016176207, 0.7541732726416546, -0.6277143547852965, -0.37277664426886, -0.9311344828493028, -0.8762267861227815, -0.207360324442599, 0.4066119490361854, 0.9206675038101896], y, 1e-12);
        (y * y.Detach().Cos()).Sum().Backward();
        Check.Close([-0.8762116443225485, -0.18053105180155377, 1.453258498048839, 0.9084695967313081, -0.6640763895395203, -0.6409090091165243, -1.5750681457447804, 1.5951023161155393, -0.14350046943877537, -1.2419146766049818, 0.12321460146143542, 1.2421663742115638, 0.38884019999301567, -0.16367225962667753, -0.13429959464764674, -0.02203930739969895, 0.059236284262054184, -0.12806532258104586, -0.8849583999836641, -0.13638422295138408, 1.4907375289318676, 0.8387003966533644, -0.7130225684203766, -0.5950727342298068, -1.613552804495309, 1.663947216947339, -0.27361254960384784, -1.2287340360250094, 0.26556398241280355, 1.1863881907640241, 0.3550980505927781, -0.17594591908049417, -0.10977584665480489, -0.012165092016765522, 0.05970738291364441, -0.1169185757543576], x.Grad!, 1e-10);
        Check.Close([-1.4522356872766164, -1.0346313514141294, 2.2582388912700297, 0.621756004313009, -3.1413053555521033, 3.1992115430490564], gn.Weight!.Grad!, 1e-10);
        Check.Close([0.22344316459267421, 1.6599205773849683, 1.4536862177729162, 3.5245369176598156, 4.347587834006965, 4.999392300636558], gn.Bias!.Grad!, 1e-10);
        gn.Eval(); // no running statistics: eval is the same
        Check.Close([2.1813203161861527, 1.7259378045848799, 0.5739637805351636], gn.Call(Check.Det([2, 6, 3], 0.7)).Flatten().Narrow(0, 0, 3), 1e-12);
    }

    [Fact]
    public void FunctionalMatchesPyTorch()
    {
        var x = Check.Det([2, 4, 2, 2], 0.9).RequiresGrad_();
        var y = F.GroupNorm(x, 2, eps: 1e-3);
        Assert.Equal("NativeGroupNormBackward0", y.GradFn!.Name);
        Check.Close([1.1789182786614352, 0.667834560459713, -0.47863862545206076, -1.392873228685909, -1.3829947281904071, -0.4564789761974176, 0.6855053777043472, 1.178727341700299, 0.7695143135980141, -0.463090157857968, -1.4290180828640213, -1.3972744650375608, -0.3918822414917033, 0.8262977970376624, 1.335371283688196, 0.7500815529273811, -0.3381757833310426, -1.3240589832383607, -1.2692930376516305, -0.21532372234734884, 1.0402259973550123, 1.5471811249035887, 0.9218881267014669, -0.3624437223916855, -1.1049596771411807, -1.0348574246465687, -0.05928046352116643, 1.0834740116857215, 1.5285921967093512, 0.9392175232409287, -0.23862300593117686, -1.1135631603959093], y, 1e-12);
        (y * y.Detach().Sin()).Sum().Backward();
        Check.Close([-0.020600976082192662, 0.10062659192575621, -0.162149498748759, 0.08412051410098256, 0.07624357026154502, -0.15854429270779757, 0.10080443999863475, -0.020500348748169084, 0.10673622307970726, -0.18635739480761046, 0.09336556751812734, 0.06555198195515527, -0.1711852276760375, 0.10144134735179068, -0.11734580709293357, 0.10779330967180081, -0.08849606005720764, 0.056335778246909614, 0.01740848922120465, -0.04870774466756676, 0.16193631326230976, -0.19842388368729633, 0.1954994217270257, -0.09555231404537859, -0.01096739413883882, -0.039034483206575585, 0.025455336196968964, 0.10799522687183125, -0.2047371246947398, 0.15583916098149675, -0.027437951973325103, -0.00711277003681722], x.Grad!, 1e-10);
        var y2 = F.GroupNorm(Check.Det([3, 4], 1.3).RequiresGrad_(), 2); // [N, C]: each group of two values
        Assert.Equal("NativeGroupNormBackward0", y2.GradFn!.Name);
        Check.Close([0.9999627274533315, -0.9999627274533316, -0.9988358275754928, 0.9988358275754945, -0.9999225304932059, 0.9999225304932055, 0.9999800675085121, -0.9999800675085119, -0.9999863079069667, 0.9999863079069665, 0.999982517348018, -0.9999825173480178], y2, 1e-9);
        Check.Close([0.0, 0.0, 0.0, 0.0], F.GroupNorm(Tensor.Ones([2, 2, 1]), 2), 0); // constant groups normalize to 0
        Assert.True(Autograd.GradCheck(a => F.GroupNorm(a[0], 3, a[1], a[2]),
            [Check.Det([2, 6, 2], 0.7).RequiresGrad_(), (Check.Det([6], 0.3) + 0.5).RequiresGrad_(), Check.Det([6], 0.5, 0.1).RequiresGrad_()]));
        Assert.True(Autograd.GradCheck(a => F.GroupNorm(a[0], 2), [Check.Det([1, 4, 3], 1.1).RequiresGrad_()]));
    }

    [Fact]
    public void ParametersReprAndMessagesMatchPyTorch()
    {
        var gn = new GroupNorm(3, 6);
        Assert.Equal("GroupNorm(3, 6, eps=1e-05, affine=True)", gn.ToString());
        Assert.Equal(["weight", "bias"], gn.NamedParameters().Select(p => p.Name));
        Assert.Equal([6], gn.Weight!.Shape);
        Check.Close([1, 1, 1, 1, 1, 1], gn.Weight, 0);
        Check.Close([0, 0, 0, 0, 0, 0], gn.Bias!, 0);
        var plain = new GroupNorm(2, 4, eps: 1e-3, affine: false);
        Assert.Equal("GroupNorm(2, 4, eps=0.001, affine=False)", plain.ToString());
        Assert.Empty(plain.NamedParameters());
        Assert.Empty(plain.NamedBuffers());
        Assert.Equal("num_channels must be divisible by num_groups", Assert.Throws<ArgumentException>(() => new GroupNorm(4, 6)).Message);
        Assert.Equal("integer modulo by zero", Assert.Throws<DivideByZeroException>(() => new GroupNorm(0, 6)).Message);
        Assert.Equal("Expected number of channels in input to be divisible by num_groups, but got input of shape [2, 6, 3] and num_groups=4",
            Assert.Throws<ArgumentException>(() => F.GroupNorm(Check.Det([2, 6, 3], 1), 4)).Message);
        Assert.Equal("Expected at least 2 dimensions for input tensor but received 1",
            Assert.Throws<ArgumentException>(() => F.GroupNorm(Check.Det([6], 1), 3)).Message);
        Assert.Equal("Expected weight to be a vector of size equal to the number of channels in input, but got weight of shape [5] and input of shape [2, 6, 3]",
            Assert.Throws<ArgumentException>(() => F.GroupNorm(Check.Det([2, 6, 3], 1), 3, Check.Det([5], 1))).Message);
        // PyTorch prints the weight's shape ([0] when there is none) in the bias message.
        Assert.Equal("Expected bias to be a vector of size equal to the number of channels in input, but got bias of shape [0] and input of shape [2, 6, 3]",
            Assert.Throws<ArgumentException>(() => F.GroupNorm(Check.Det([2, 6, 3], 1), 3, null, Check.Det([4], 1))).Message);
        Assert.Equal("Expected more than 1 value per channel when training, got input size [1, 3, 1]",
            Assert.Throws<ArgumentException>(() => F.GroupNorm(Check.Det([1, 3, 1], 1), 3)).Message);
        Assert.Equal("\"GroupNormKernelImpl\" not implemented for 'Long'",
            Assert.Throws<ArgumentException>(() => F.GroupNorm(Tensor.Zeros([2, 6, 3], DType.Int64), 3)).Message);
        Assert.Equal("integer division or modulo by zero", Assert.Throws<DivideByZeroException>(() => F.GroupNorm(Check.Det([2, 6, 3], 1), 0)).Message);
    }
}
