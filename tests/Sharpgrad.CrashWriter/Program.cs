using System.Globalization;
using Sharpgrad;
using Sharpgrad.Serialization;

// Usage: Sharpgrad.CrashWriter <path> <elements>
// Saves checkpoint k = 1, 2, ... to <path> forever: tensor "w" filled with k, metadata {"k": k}. The crash test kills
// this process mid-write and checks that <path> still holds one complete checkpoint.
string path = args[0];
int elements = int.Parse(args[1], CultureInfo.InvariantCulture);
for (int k = 1; ; k++)
{
    using var w = Tensor.Full([elements], k);
    SafeTensors.Save(new Dictionary<string, Tensor> { ["w"] = w }, path, new Dictionary<string, string> { ["k"] = k.ToString(CultureInfo.InvariantCulture) });
    Console.WriteLine(k);
}
