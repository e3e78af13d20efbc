namespace CodeRunner.Runs;

/// <summary>
/// Which file names a run may use: relative paths under the work directory, nothing that could
/// point outside it. The launcher checks again and never follows a symlink; this gives a clear
/// error before a sandbox is taken.
/// </summary>
public static class FileNames
{
    /// <summary>Returns why <paramref name="name"/> is not allowed, or null when it is.</summary>
    public static string? Problem(string? name)
    {
        if (string.IsNullOrEmpty(name))
            return "a file name is required";
        if (name.Contains('\0', StringComparison.Ordinal))
            return "a file name may not contain NUL";
        if (name.StartsWith('/'))
            return "a file name must be relative (no leading '/')";
        if (System.Text.Encoding.UTF8.GetByteCount(name) > 1024)
            return "a file name may be at most 1024 bytes";
        var parts = name.Split('/');
        if (parts.Length > 16)
            return "a file may be at most 16 directories deep";
        foreach (var part in parts)
        {
            if (part is "" or "." or "..")
                return "a file name may not have empty, '.' or '..' parts";
            if (System.Text.Encoding.UTF8.GetByteCount(part) > 255)
                return "each part of a file name may be at most 255 bytes";
            if (part.Any(char.IsControl))
                return "a file name may not contain control characters";
        }
        return null;
    }
}
