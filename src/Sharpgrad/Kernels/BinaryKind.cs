namespace Sharpgrad.Kernels;

/// <summary>Binary element-wise primitives the dispatch table knows.</summary>
internal enum BinaryKind : byte { Add, Sub, Mul, Div, Pow, Maximum, Minimum, ThresholdBackward }
