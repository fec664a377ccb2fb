using Sharpgrad.NN;

namespace Sharpgrad.Tests.NN;

/// <summary>pad_sequence / pack_padded_sequence / pad_packed_sequence / pack_sequence against PyTorch 2.6.</summary>
public class RnnUtilsTests
{
    // FACTS (torch 2.6, float64): a = det([3, 2], 0.3), b = det([1, 2], 0.5), c = det([2, 2], 0.7); x = det([4, 3, 2], 0.37)
    // (T = 4, B = 3); gradients are of (result · det(result.shape, k)).sum().
    private static Tensor[] Sequences() => [Check.Det([3, 2], 0.3).RequiresGrad_(), Check.Det([1, 2], 0.5).RequiresGrad_(), Check.Det([2, 2], 0.7).RequiresGrad_()];

    private static void Backward(Tensor y, double k) => (y * Check.Det(y.Shape.ToArray(), k)).Sum().Backward();

    [Fact]
    public void PadSequenceMatchesPyTorch()
    {
        var s = Sequences();
        var p = RnnUtils.PadSequence(s);
        Assert.Equal([3, 3, 2], p.Shape);
        Assert.Equal("CopySlices", p.GradFn!.Name);
        Check.Close([1.0, 0.955336489125606, 1.0, 0.8775825618903728, 1.0, 0.7648421872844885, 0.8253356149096783, 0.6216099682706645, 0.0, 0.0, 0.16996714290024104, -0.5048461045998571, 0.3623577544766736, 0.0707372016677029, 0.0, 0.0, 0.0, 0.0], p, 1e-15);
        Check.Close([1.0, 0.955336489125606, 0.8253356149096783, 0.6216099682706645, 0.3623577544766736, 0.0707372016677029, 1.0, 0.8775825618903728, 0.0, 0.0, 0.0, 0.0, 1.0, 0.7648421872844885, 0.16996714290024104, -0.5048461045998571, 0.0, 0.0], RnnUtils.PadSequence(s, batchFirst: true), 1e-15);
        Check.Close([1.0, 0.955336489125606, 0.0, 0.0, 0.0, 0.0, 0.8253356149096783, 0.6216099682706645, 0.0, 0.0, 1.0, 0.7648421872844885, 0.3623577544766736, 0.0707372016677029, 1.0, 0.8775825618903728, 0.16996714290024104, -0.5048461045998571], RnnUtils.PadSequence(s, paddingSide: "left"), 1e-15);
        var left = RnnUtils.PadSequence(s, batchFirst: true, paddingValue: -1.5, paddingSide: "left");
        Check.Close([1.0, 0.955336489125606, 0.8253356149096783, 0.6216099682706645, 0.3623577544766736, 0.0707372016677029, -1.5, -1.5, -1.5, -1.5, 1.0, 0.8775825618903728, -1.5, -1.5, 1.0, 0.7648421872844885, 0.16996714290024104, -0.5048461045998571], left, 1e-15);
        Backward(left, 0.9);
        Check.Close([1.0, 0.6216099682706644, -0.2272020946930871, -0.9040721420170612, -0.896758416334147, -0.2107957994307797], s[0].Grad!, 1e-12);
        Check.Close([-0.9111302618846769, -0.8891911526253609], s[1].Grad!, 1e-12);
        Check.Close([0.9994345855010047, 0.594920663309892, -0.25981735621375585, -0.9179307804142932], s[2].Grad!, 1e-12);
        Check.Close([1.0, 4.0, 2.0, 0.0, 3.0, 0.0], RnnUtils.PadSequence([Tensor.FromArray(new[] { 1f, 2, 3 }), Tensor.FromArray(new[] { 4f })]));
        Assert.Equal("The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 1",
            Assert.Throws<ArgumentException>(() => RnnUtils.PadSequence([s[0], Check.Det([2, 3], 0.1)])).Message);
        Assert.Equal("received an empty list of sequences", Assert.Throws<ArgumentException>(() => RnnUtils.PadSequence([])).Message);
        Assert.Equal("Expected padding_side to be one of left or right, but got mid.", Assert.Throws<ArgumentException>(() => RnnUtils.PadSequence(s, paddingSide: "mid")).Message);
    }

    [Fact]
    public void PackAndUnpackSortedMatchPyTorch()
    {
        var x = Check.Det([4, 3, 2], 0.37).RequiresGrad_();
        var pk = RnnUtils.PackPaddedSequence(x, [4, 2, 1]);
        Assert.Equal([7, 2], pk.Data.Shape);
        Assert.Equal("PackPaddedSequenceBackward0", pk.Data.GradFn!.Name);
        Check.Close([1.0, 0.9323273456060345, 0.7384685587295879, 0.44466151674170695, 0.09067162446430968, -0.27559024682451294, -0.6045522710579293, -0.8516909814865656, -0.9835573130340064, -0.9823037763382317, -0.2690331031173999, 0.09745608858848573, 0.9298414180167014, 0.7338563821173814], pk.Data, 1e-15);
        Assert.Equal(DType.Int64, pk.BatchSizes.DType);
        Assert.Equal([3L, 2, 1, 1], pk.BatchSizes.ToArray<long>());
        Assert.Null(pk.SortedIndices);
        Assert.Null(pk.UnsortedIndices);
        Backward(pk.Data, 0.8);
        Check.Close([1.0, 0.6967067093471654, -0.029199522301288815, -0.7373937155412458, -0.9982947757947531, -0.6536436208636119, 0.08749898343944727, 0.7755658785102502, 0.9931849187581926, 0.6083513145322546, 0.0, 0.0, -0.14550003380861354, -0.811093014061656, 0.0, 0.0, 0.0, 0.0, -0.9846878557941267, -0.5609842574272288, 0.0, 0.0, 0.0, 0.0], x.Grad!, 1e-12);
        var (padded, lengths) = RnnUtils.PadPackedSequence(pk);
        Assert.Equal("CopySlices", padded.GradFn!.Name);
        Check.Close([1.0, 0.9323273456060345, 0.7384685587295879, 0.44466151674170695, 0.09067162446430968, -0.27559024682451294, -0.6045522710579293, -0.8516909814865656, -0.9835573130340064, -0.9823037763382317, 0.0, 0.0, -0.2690331031173999, 0.09745608858848573, 0.0, 0.0, 0.0, 0.0, 0.9298414180167014, 0.7338563821173814, 0.0, 0.0, 0.0, 0.0], padded, 1e-15);
        Assert.Equal([4L, 2, 1], lengths.ToArray<long>());
        x.Grad = null;
        var (bf, bfLengths) = RnnUtils.PadPackedSequence(RnnUtils.PackPaddedSequence(x, [4, 2, 1]), batchFirst: true, paddingValue: 9, totalLength: 6);
        Assert.Equal([3, 6, 2], bf.Shape);
        Assert.Equal("TransposeBackward0", bf.GradFn!.Name);
        Check.Close([1.0, 0.9323273456060345, -0.6045522710579293, -0.8516909814865656, -0.2690331031173999, 0.09745608858848573, 0.9298414180167014, 0.7338563821173814, 9.0, 9.0, 9.0, 9.0, 0.7384685587295879, 0.44466151674170695, -0.9835573130340064, -0.9823037763382317, 9.0, 9.0, 9.0, 9.0, 9.0, 9.0, 9.0, 9.0, 0.09067162446430968, -0.27559024682451294, 9.0, 9.0, 9.0, 9.0, 9.0, 9.0, 9.0, 9.0, 9.0, 9.0], bf, 1e-15);
        Assert.Equal([4L, 2, 1], bfLengths.ToArray<long>());
        Backward(bf, 0.6);
        Check.Close([1.0, 0.8253356149096783, 0.6083513145322552, 0.05395542056264975, -0.2598173562137541, -0.7596879128588213, 0.3623577544766736, -0.2272020946930869, -0.5192886541166856, -0.9111302618846769, 0.0, 0.0, -0.7373937155412454, -0.9899924966004454, 0.0, 0.0, 0.0, 0.0, -0.8967584163341472, -0.4902608213406994, 0.0, 0.0, 0.0, 0.0], x.Grad!, 1e-12);
    }

    [Fact]
    public void PackAndUnpackUnsortedMatchPyTorch()
    {
        var x = Check.Det([4, 3, 2], 0.37).RequiresGrad_();
        var pk = RnnUtils.PackPaddedSequence(x, Tensor.FromArray(new long[] { 2, 4, 1 }), enforceSorted: false);
        Assert.Equal("PackPaddedSequenceBackward0", pk.Data.GradFn!.Name);
        Assert.Equal("IndexSelectBackward0", pk.Data.GradFn!.NextFunctions[0].Node!.Name);
        Check.Close([0.7384685587295879, 0.44466151674170695, 1.0, 0.9323273456060345, 0.09067162446430968, -0.27559024682451294, -0.9835573130340064, -0.9823037763382317, -0.6045522710579293, -0.8516909814865656, 0.45075505589109877, 0.7430464409664099, 0.43854732757439036, 0.08388294956272228], pk.Data, 1e-15);
        Assert.Equal([3L, 2, 1, 1], pk.BatchSizes.ToArray<long>());
        Assert.Equal([1L, 0, 2], pk.SortedIndices!.ToArray<long>());
        Assert.Equal([1L, 0, 2], pk.UnsortedIndices!.ToArray<long>());
        Backward(pk.Data, 0.8);
        Check.Close([-0.029199522301288815, -0.7373937155412458, 1.0, 0.6967067093471654, -0.9982947757947531, -0.6536436208636119, 0.9931849187581926, 0.6083513145322546, 0.08749898343944727, 0.7755658785102502, 0.0, 0.0, 0.0, 0.0, -0.14550003380861354, -0.811093014061656, 0.0, 0.0, 0.0, 0.0, -0.9846878557941267, -0.5609842574272288, 0.0, 0.0], x.Grad!, 1e-12);
        var (padded, lengths) = RnnUtils.PadPackedSequence(pk);
        Assert.Equal("IndexSelectBackward0", padded.GradFn!.Name);
        Check.Close([1.0, 0.9323273456060345, 0.7384685587295879, 0.44466151674170695, 0.09067162446430968, -0.27559024682451294, -0.6045522710579293, -0.8516909814865656, -0.9835573130340064, -0.9823037763382317, 0.0, 0.0, 0.0, 0.0, 0.45075505589109877, 0.7430464409664099, 0.0, 0.0, 0.0, 0.0, 0.43854732757439036, 0.08388294956272228, 0.0, 0.0], padded, 1e-15);
        Assert.Equal([2L, 4, 1], lengths.ToArray<long>());
        x.Grad = null;
        var (bf, _) = RnnUtils.PadPackedSequence(RnnUtils.PackPaddedSequence(x, [2, 4, 1], enforceSorted: false), batchFirst: true, paddingValue: 9, totalLength: 6);
        Assert.Equal("IndexSelectBackward0", bf.GradFn!.Name);
        Check.Close([1.0, 0.9323273456060345, -0.6045522710579293, -0.8516909814865656, 9.0, 9.0, 9.0, 9.0, 9.0, 9.0, 9.0, 9.0, 0.7384685587295879, 0.44466151674170695, -0.9835573130340064, -0.9823037763382317, 0.45075505589109877, 0.7430464409664099, 0.43854732757439036, 0.08388294956272228, 9.0, 9.0, 9.0, 9.0, 0.09067162446430968, -0.27559024682451294, 9.0, 9.0, 9.0, 9.0, 9.0, 9.0, 9.0, 9.0, 9.0, 9.0], bf, 1e-15);
        Backward(bf, 0.6);
        Check.Close([1.0, 0.8253356149096783, 0.6083513145322552, 0.05395542056264975, -0.2598173562137541, -0.7596879128588213, 0.3623577544766736, -0.2272020946930869, -0.5192886541166856, -0.9111302618846769, 0.0, 0.0, 0.0, 0.0, -0.984687855794127, -0.7142656520272003, 0.0, 0.0, 0.0, 0.0, -0.19432990645533654, 0.3934908663478909, 0.0, 0.0], x.Grad!, 1e-12);
        var pb = RnnUtils.PackPaddedSequence(Check.Det([3, 4, 2], 0.37), [1, 3, 2], batchFirst: true, enforceSorted: false);
        Check.Close([-0.9835573130340064, -0.9823037763382317, 0.934769976045349, 0.9999767800707431, 1.0, 0.9323273456060345, -0.848100031710408, -0.599109926407685, 0.9298414180167014, 0.7338563821173814, -0.2690331031173999, 0.09745608858848573], pb.Data, 1e-15);
        Assert.Equal([3L, 2, 1], pb.BatchSizes.ToArray<long>());
        Assert.Equal([1L, 2, 0], pb.SortedIndices!.ToArray<long>());
        Assert.Equal([2L, 0, 1], pb.UnsortedIndices!.ToArray<long>());
        var ties = RnnUtils.PackPaddedSequence(x, [4, 4, 1], enforceSorted: false);
        Assert.Equal([0L, 1, 2], ties.SortedIndices!.ToArray<long>());
        Assert.Equal([1L, 2, 0], RnnUtils.PackPaddedSequence(x, [1, 4, 4], enforceSorted: false).SortedIndices!.ToArray<long>());
    }

    [Fact]
    public void PackSequenceAndMessagesMatchPyTorch()
    {
        var s = Sequences();
        var ps = RnnUtils.PackSequence(s, enforceSorted: false);
        Assert.Equal([6, 2], ps.Data.Shape);
        Assert.Equal("PackPaddedSequenceBackward0", ps.Data.GradFn!.Name);
        Check.Close([1.0, 0.955336489125606, 1.0, 0.7648421872844885, 1.0, 0.8775825618903728, 0.8253356149096783, 0.6216099682706645, 0.16996714290024104, -0.5048461045998571, 0.3623577544766736, 0.0707372016677029], ps.Data, 1e-15);
        Assert.Equal([3L, 2, 1], ps.BatchSizes.ToArray<long>());
        Assert.Equal([0L, 2, 1], ps.SortedIndices!.ToArray<long>());
        Assert.Equal([0L, 2, 1], ps.UnsortedIndices!.ToArray<long>());
        var sorted = RnnUtils.PackSequence([s[0], s[2], s[1]]);
        Check.Close([1.0, 0.955336489125606, 1.0, 0.7648421872844885, 1.0, 0.8775825618903728, 0.8253356149096783, 0.6216099682706645, 0.16996714290024104, -0.5048461045998571, 0.3623577544766736, 0.0707372016677029], sorted.Data, 1e-15);
        Assert.Null(sorted.SortedIndices);
        var x = Check.Det([4, 3, 2], 0.37);
        const string unsortedMessage = "`lengths` array must be sorted in decreasing order when `enforce_sorted` is True. You can pass `enforce_sorted=False` to pack_padded_sequence and/or pack_sequence to sidestep this requirement if you do not need ONNX exportability.";
        Assert.Equal("Expected `len(lengths)` to be equal to batch_size, but got 2 (batch_size=3)", Assert.Throws<ArgumentException>(() => RnnUtils.PackPaddedSequence(x, [4, 2])).Message);
        Assert.Equal("Expected `len(lengths)` to be equal to batch_size, but got 3 (batch_size=2)", Assert.Throws<ArgumentException>(() => RnnUtils.PackPaddedSequence(x.Narrow(1, 0, 2), [4, 2, 1])).Message);
        Assert.Equal(unsortedMessage, Assert.Throws<ArgumentException>(() => RnnUtils.PackPaddedSequence(x, [2, 4, 1])).Message);
        Assert.Equal(unsortedMessage, Assert.Throws<ArgumentException>(() => RnnUtils.PackSequence(s)).Message);
        Assert.Equal("Length of all samples has to be greater than 0, but found an element in 'lengths' that is <= 0", Assert.Throws<ArgumentException>(() => RnnUtils.PackPaddedSequence(x, [4, 2, 0])).Message);
        Assert.Equal("Length of all samples has to be greater than 0, but found an element in 'lengths' that is <= 0", Assert.Throws<ArgumentException>(() => RnnUtils.PackPaddedSequence(x, [4, 2, -1])).Message);
        Assert.Equal("Expected total_length to be at least the length of the longest sequence in input, but got total_length=3 and max sequence length being 4",
            Assert.Throws<ArgumentException>(() => RnnUtils.PadPackedSequence(RnnUtils.PackPaddedSequence(x, [4, 2, 1]), totalLength: 3)).Message);
    }

    [Fact]
    public void GradCheck()
    {
        Tensor.ManualSeed(4);
        var x = Tensor.Randn([3, 3, 2], DType.Float64, requiresGrad: true);
        Assert.True(Autograd.GradCheck(a => RnnUtils.PackPaddedSequence(a[0], [1, 3, 2], enforceSorted: false).Data, [x]));
        Assert.True(Autograd.GradCheck(a => RnnUtils.PadPackedSequence(RnnUtils.PackPaddedSequence(a[0], [3, 2, 2], batchFirst: true), batchFirst: true, totalLength: 4).Padded, [x]));
        Assert.True(Autograd.GradCheck(a => RnnUtils.PadSequence([a[0], a[1]], paddingSide: "left", paddingValue: 2),
            [Tensor.Randn([3, 2], DType.Float64, requiresGrad: true), Tensor.Randn([1, 2], DType.Float64, requiresGrad: true)]));
    }
}
