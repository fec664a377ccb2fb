using BenchmarkDotNet.Attributes;

namespace Sharpgrad.Bench;

// BenchmarkDotNet versions of the quick runner's workloads (same shapes, 2 threads). The mode scope
// is entered inside each benchmark (AsyncLocal state must not depend on which thread BenchmarkDotNet
// uses for setup); for the 16x16 ops its cost is spread over OpsPerInvoke operations.

[MemoryDiagnoser]
public class PerOpBench
{
    private const int OpsPerInvoke = 64;
    private Tensor _a = null!, _b = null!, _w = null!, _x = null!;

    [Params(Mode.Default, Mode.NoGrad, Mode.Inference)]
    public Mode Mode { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        Threading.SetNumThreads(2);
        Tensor.ManualSeed(0);
        _a = Tensor.Randn([16, 16]);
        _b = Tensor.Randn([16, 16]);
        _w = Tensor.Randn([16, 16], requiresGrad: true);
        _x = Tensor.Randn([16, 16]);
    }

    [Benchmark(OperationsPerInvoke = OpsPerInvoke, Description = "op.add16x16")]
    public void Add() => Modes.Run(Mode, () => { for (int i = 0; i < OpsPerInvoke; i++) { var r = _a + _b; r.Dispose(); } });

    [Benchmark(OperationsPerInvoke = OpsPerInvoke, Description = "op.mul16x16_rg")]
    public void MulRequiresGrad() => Modes.Run(Mode, () => { for (int i = 0; i < OpsPerInvoke; i++) { var r = _w * _a; r.Dispose(); } });

    [Benchmark(OperationsPerInvoke = OpsPerInvoke, Description = "op.mul16x16_nograd_inputs")]
    public void MulPlainInputs() => Modes.Run(Mode, () => { for (int i = 0; i < OpsPerInvoke; i++) { var r = _b * _a; r.Dispose(); } });

    [Benchmark(OperationsPerInvoke = OpsPerInvoke, Description = "op.add_inplace16x16")]
    public void AddInPlace() => Modes.Run(Mode, () => { for (int i = 0; i < OpsPerInvoke; i++) _x.Add_(_b); });
}

[MemoryDiagnoser]
public class ScopeBench
{
    [Benchmark(Description = "scope.no_grad")]
    public void NoGrad() => Autograd.NoGrad().Dispose();

    [Benchmark(Description = "scope.enable_grad")]
    public void EnableGrad() => Autograd.EnableGrad().Dispose();

    [Benchmark(Description = "scope.inference_mode")]
    public void InferenceMode() => Autograd.InferenceMode().Dispose();

    [Benchmark(Description = "scope.enable_grad_inside_no_grad")]
    public void EnableGradInsideNoGrad()
    {
        using (Autograd.NoGrad()) Autograd.EnableGrad().Dispose();
    }
}

[MemoryDiagnoser]
public class SgemmBench
{
    private Tensor _a = null!, _b = null!;

    [Params(256, 512, 1024, 2048)]
    public int N { get; set; }

    [Params(2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        Threading.SetNumThreads(Threads);
        Tensor.ManualSeed(0);
        _a = Tensor.Randn([N, N]);
        _b = Tensor.Randn([N, N]);
    }

    [Benchmark(Description = "sgemm")]
    public void MatMul() => _a.MatMul(_b).Dispose();
}

[MemoryDiagnoser]
public class BandwidthBench
{
    private const int N = 16 << 20;
    private Tensor _a = null!, _b = null!, _c = null!;

    [GlobalSetup]
    public void Setup()
    {
        Threading.SetNumThreads(2);
        Tensor.ManualSeed(0);
        _a = Tensor.Randn([N]);
        _b = Tensor.Randn([N]);
        _c = Tensor.Zeros([N]);
    }

    [Benchmark(Description = "bw.add16M_inplace")]
    public void AddInPlace() => _a.Add_(_b);

    [Benchmark(Description = "bw.add16M_alloc")]
    public void AddAlloc() => (_a + _b).Dispose();

    [Benchmark(Description = "bw.copy16M")]
    public void Copy() => _c.Copy_(_b);
}

[MemoryDiagnoser]
public class MlpForwardBench
{
    private Sharpgrad.NN.Sequential _model = null!;
    private Tensor _x = null!;

    [Params(Mode.Default, Mode.NoGrad, Mode.Inference)]
    public Mode Mode { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        Threading.SetNumThreads(2);
        Tensor.ManualSeed(0);
        _model = Models.Mlp();
        _x = Tensor.Randn([256, 784]);
    }

    [Benchmark(Description = "mlp.forward.b256")]
    public void Forward() => Modes.Run(Mode, () =>
    {
        using var scope = Tensor.NewScope();
        _model.Forward(_x);
    });
}

[MemoryDiagnoser]
public class MlpTrainBench
{
    private Sharpgrad.NN.Sequential _model = null!;
    private Sharpgrad.Optim.SGD _opt = null!;
    private Tensor _x = null!, _y = null!;

    [Params(64, 256)]
    public int Batch { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        Threading.SetNumThreads(2);
        Tensor.ManualSeed(0);
        _model = Models.Mlp();
        _opt = new Sharpgrad.Optim.SGD(_model.Parameters(), 0.01);
        _x = Tensor.Randn([Batch, 784]);
        _y = Tensor.RandInt(0, 10, [Batch]);
    }

    [Benchmark(Description = "mlp.train_step")]
    public void TrainStep()
    {
        using var scope = Tensor.NewScope();
        var loss = Sharpgrad.NN.Functional.CrossEntropy(_model.Forward(_x), _y);
        loss.Backward();
        _opt.Step();
        _opt.ZeroGrad();
    }
}
