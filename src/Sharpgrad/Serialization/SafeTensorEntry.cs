namespace Sharpgrad.Serialization;

/// <summary>One tensor described by a safetensors header.</summary>
/// <param name="Name">Tensor name as written in the header.</param>
/// <param name="DType">Element type.</param>
/// <param name="Shape">Dimensions.</param>
/// <param name="Begin">Offset of the first byte, relative to the start of the data section (not the file).</param>
/// <param name="End">Offset one past the last byte, relative to the start of the data section.</param>
internal sealed record SafeTensorEntry(string Name, SafeDType DType, long[] Shape, long Begin, long End)
{
    public long ByteLength => End - Begin;
}
