namespace CodeRunner.Runs;

/// <summary>How bytes travel inside a JSON string.</summary>
public enum ContentEncoding
{
    /// <summary>Text. Output that is not valid UTF-8 has its invalid sequences replaced by U+FFFD.</summary>
    Utf8,
    /// <summary>Base64 of the exact bytes: use it for binary input and for output that must survive intact.</summary>
    Base64,
}
