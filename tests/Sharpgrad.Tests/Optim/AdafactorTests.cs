using Sharpgrad.Optim;

namespace Sharpgrad.Tests.Optim;

/// <summary>torch.optim.Adafactor: PyTorch 2.6's parameters and state after several steps, messages.</summary>
public class AdafactorTests
{
    [Fact]
    public void StepsMatchPyTorch()
    {
        var w = Tensor.FromArray(new[] { 0.5, -1.0, 2.0, 1.5, 0.25, -0.75 }, [2, 3], requiresGrad: true);
        var b = Tensor.FromArray(new[] { 0.1, -0.2 }, requiresGrad: true);
        var opt = new Adafactor([w, b], lr: 0.05, weightDecay: 0.1);
        var x = Tensor.FromArray(new[] { 1.0, 2.0, -1.0, 0.5, -0.5, 3.0 }, [2, 3]);
        double[][] ws =
        [
            [0.4968305194118854, -0.9571953728279439, 1.9484162154567297, 1.3801078943635954, 0.19177383016949665, -0.7105375163949106],
            [0.4926814470953045, -0.9150986415114719, 1.8978487776788056, 1.2666981094804395, 0.13694065146734202, -0.6722560949427127],
            [0.48742859323249776, -0.8733869891132213, 1.8479324109432638, 1.1598674402517632, 0.08512734688465452, -0.6348669634222541],
        ];
        double[][] bs = [[0.09159430584957906, -0.20690569415042095], [0.08319702767668372, -0.2126505547139061], [0.07482982534536076, -0.21680750522203276]];
        for (int i = 0; i < 3; i++)
        {
            opt.ZeroGrad();
            (x.MatMul(w.T) + b).Pow(2).Sum().Backward();
            opt.Step();
            NN.Check.Close(ws[i], w, 1e-13);
            NN.Check.Close(bs[i], b, 1e-13);
        }
        var state = opt.StateDict();
        NN.Check.Close([844.2583971411713, 114.1800501934912], state["state.0.row_var"], 1e-13);
        NN.Check.Close([3.78398041688316, 250.3083169519317, 1183.565373633179], state["state.0.col_var"], 1e-13);
        NN.Check.Close([45.68553247484384, 1.077811582455723], state["state.1.variance"], 1e-13);
        Assert.Equal(3.0, state["state.0.step"].Item());
        Assert.False(state.ContainsKey("state.0.variance"));
    }

    [Fact]
    public void MaximizeClippingAndChecks()
    {
        var w = Tensor.FromArray(new[] { 0.5f, -1.0f, 1.5f, 0.25f }, [2, 2], requiresGrad: true);
        var opt = new Adafactor([w], maximize: true, d: 1.5, eps1: 1e-20, eps2: 1e-2);
        (w.Sum() * 3).Backward();
        opt.Step();
        NN.Check.Close([0.5094373226165771, -0.9905626773834229, 1.5094373226165771, 0.25943729281425476], w, 1e-7);
        Core.Check.Throws<ArgumentOutOfRangeException>("beta2_decay should be <= 0 but is: 0.5", () => new Adafactor([w], beta2Decay: 0.5));
        Core.Check.Throws<ArgumentOutOfRangeException>("Clipping threshold d should be >= 1 but is: 0.5", () => new Adafactor([w], d: 0.5));
    }
}
