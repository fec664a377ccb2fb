using Sharpgrad;

Console.WriteLine("# Sharpgrad bench: quick runner arrives with the bench issue");
var a = Tensor.Randn([16, 16]);
Console.WriteLine($"# sanity {a.Sum().Item<float>() != float.NaN}");
