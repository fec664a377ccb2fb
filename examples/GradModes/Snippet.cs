namespace GradModes;

/// <summary>Turns the source text of a lambda (from CallerArgumentExpression) into a readable snippet.</summary>
public static class Snippet
{
    /// <summary>Drops <c>() =&gt;</c> and the outer braces, then removes the common indentation.</summary>
    public static string FromLambda(string code)
    {
        string body = code.Trim();
        int arrow = body.IndexOf("=>", StringComparison.Ordinal);
        if (body.StartsWith("()", StringComparison.Ordinal) && arrow >= 0) body = body[(arrow + 2)..].Trim();
        if (body.StartsWith('{') && body.EndsWith('}')) body = body[1..^1];
        var lines = body.Replace("\r\n", "\n").Split('\n').ToList();
        while (lines.Count > 0 && string.IsNullOrWhiteSpace(lines[0])) lines.RemoveAt(0);
        while (lines.Count > 0 && string.IsNullOrWhiteSpace(lines[^1])) lines.RemoveAt(lines.Count - 1);
        int indent = lines.Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
        return string.Join('\n', lines.Select(l => l.Length >= indent ? l[indent..].TrimEnd() : l.Trim()));
    }
}
