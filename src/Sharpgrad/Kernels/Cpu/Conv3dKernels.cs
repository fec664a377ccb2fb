using System.Numerics;

namespace Sharpgrad.Kernels.Cpu;

/// <summary>
/// vol2col and col2vol, the 3-D im2col pair behind conv3d and conv_transpose3d: a contiguous [n, c, D, H, W] volume
/// unfolds into [c·KD·KH·KW, n·OutD·OutH·OutW] columns (row (ch, kd, kh, kw), column (sample, od, oh, ow)).
/// </summary>
internal static class Conv3dKernels
{
    /// <summary>
    /// vol2col: fills the columns (from <paramref name="colsOff"/>) from the volume, zero where a tap falls in the
    /// padding; or, with <paramref name="adjoint"/>, col2vol: adds every column entry back into the (zeroed) volume.
    /// </summary>
    public static void Vol2Col<T>(T[] vol, int volOff, int n, int c, in Pool3dGeometry g, T[] cols, int colsOff, bool adjoint)
        where T : unmanaged, INumber<T>
    {
        int l = g.OutVolume, width = n * l;
        for (int ch = 0; ch < c; ch++)
            for (int kd = 0; kd < g.KD; kd++)
                for (int kh = 0; kh < g.KH; kh++)
                    for (int kw = 0; kw < g.KW; kw++)
                    {
                        int row = colsOff + (((ch * g.KD + kd) * g.KH + kh) * g.KW + kw) * width;
                        int iw0 = kw * g.DW - g.PW;
                        for (int s = 0; s < n; s++)
                        {
                            int volume = volOff + (s * c + ch) * g.InVolume;
                            for (int od = 0; od < g.OutD; od++)
                            {
                                int id = od * g.SD - g.PD + kd * g.DD;
                                for (int oh = 0; oh < g.OutH; oh++)
                                {
                                    int ih = oh * g.SH - g.PH + kh * g.DH;
                                    int col = row + s * l + (od * g.OutH + oh) * g.OutW;
                                    if ((uint)id >= (uint)g.D || (uint)ih >= (uint)g.H)
                                    {
                                        if (!adjoint) Array.Clear(cols, col, g.OutW);
                                        continue;
                                    }
                                    int line = volume + (id * g.H + ih) * g.W;
                                    if (adjoint)
                                    {
                                        for (int ow = 0; ow < g.OutW; ow++)
                                        {
                                            int iw = ow * g.SW + iw0;
                                            if ((uint)iw < (uint)g.W) vol[line + iw] += cols[col + ow];
                                        }
                                    }
                                    else
                                    {
                                        for (int ow = 0; ow < g.OutW; ow++)
                                        {
                                            int iw = ow * g.SW + iw0;
                                            cols[col + ow] = (uint)iw < (uint)g.W ? vol[line + iw] : T.Zero;
                                        }
                                    }
                                }
                            }
                        }
                    }
    }
}
