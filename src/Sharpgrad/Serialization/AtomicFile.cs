using System;
using System.IO;

namespace Sharpgrad.Serialization;

/// <summary>Replaces a file so that readers see either the old contents or the complete new contents.</summary>
internal static class AtomicFile
{
    /// <summary>
    /// Runs <paramref name="write"/> against a temporary file in the target's folder, flushes it to disk, then renames
    /// it over <paramref name="path"/>.
    /// </summary>
    /// <remarks>
    /// The temporary file lives in the same folder because a rename is only atomic within one file system. It is
    /// flushed to disk before the rename so a crash cannot leave the new name pointing at unwritten blocks. If the
    /// writer or any later step throws, the temporary file is deleted and the original file is untouched; a process
    /// that is killed outright can still leave a hidden ".{name}.{guid}.tmp" behind, but never a damaged target, and
    /// the next successful write of the same target removes such leftovers.
    /// </remarks>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(write);

        string fullPath = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(fullPath)
            ?? throw new ArgumentException("The path must name a file, not a root.", nameof(path));
        string fileName = Path.GetFileName(fullPath);
        if (fileName.Length == 0)
            throw new ArgumentException("The path must name a file.", nameof(path));

        string tempPath = Path.Combine(directory, $".{fileName}.{Guid.NewGuid():N}.tmp");
        try
        {
            // CreateNew guarantees we never truncate someone else's file, however unlikely a GUID collision is.
            using (var stream = new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(tempPath, fullPath, overwrite: true);
        }
        catch
        {
            TryDelete(tempPath);
            throw;
        }
        RemoveLeftovers(directory, fileName);
    }

    /// <summary>Deletes temporary files that killed writers of the same target left behind.</summary>
    private static void RemoveLeftovers(string directory, string fileName)
    {
        try
        {
            foreach (string leftover in Directory.EnumerateFiles(directory, $".{fileName}.*.tmp"))
                TryDelete(leftover);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The write itself succeeded; stale temporaries are only clutter.
        }
    }

    private static void TryDelete(string tempPath)
    {
        try
        {
            File.Delete(tempPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The original exception is the one worth reporting; a leftover temp file is a lesser problem.
        }
    }
}
