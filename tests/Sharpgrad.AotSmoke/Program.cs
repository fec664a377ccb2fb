using Sharpgrad;

// Exercises tensors, autograd, modes and checkpoints in a NativeAOT binary; exit code 0 means all held.
Tensor.ManualSeed(0);
var w = Tensor.Randn([3, 2], requiresGrad: true);
var x = Tensor.Randn([4, 3]);
var loss = (x.MatMul(w).Relu() * 2.0).Sum();
loss.Backward();
bool ok = loss.GradFn?.Name == "SumBackward0" && w.Grad is { } g && g.Shape.SequenceEqual([3, 2]);
using (Autograd.InferenceMode()) ok &= (x * 2.0).IsInference;
using (Autograd.NoGrad()) ok &= !(x.MatMul(w)).RequiresGrad;
ok &= Tensor.Arange(6.0, 12.0).View(2, 3).ToString() == "tensor([[ 6.,  7.,  8.],\n        [ 9., 10., 11.]])";
Console.WriteLine(ok ? "aot smoke: ok" : "aot smoke: FAILED");
return ok ? 0 : 1;
