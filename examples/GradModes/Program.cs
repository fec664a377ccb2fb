using Sharpgrad;

// A short tour until the full walkthrough lands.
Tensor.ManualSeed(0);
var x = Tensor.Randn([10, 6], requiresGrad: true);
var y = x * 3.0;
Console.WriteLine($"`y.requires_grad` in default mode: {y.RequiresGrad}");
using (Autograd.NoGrad())
{
    var z = x * 3.0;
    Console.WriteLine($"`z.requires_grad` in `no_grad()`: {z.RequiresGrad}");
}
Console.WriteLine(Tensor.Arange(6.0, 12.0).View(2, 3));
