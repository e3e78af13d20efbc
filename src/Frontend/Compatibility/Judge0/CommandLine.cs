using System.Text;

namespace CodeRunner.Frontend.Compatibility.Judge0;

/// <summary>
/// Judge0 takes arguments and compiler options as one string that its run script hands to a shell.
/// We split it the way a shell splits words (white space, single and double quotes, backslash), and
/// expand nothing.
/// </summary>
internal static class CommandLine
{
    public static IReadOnlyList<string>? Split(string? line)
    {
        if (string.IsNullOrWhiteSpace(line))
            return null;
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        char? quote = null;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote is { } q)
            {
                if (c == q)
                    quote = null;
                else if (c == '\\' && q == '"' && i + 1 < line.Length && line[i + 1] is '"' or '\\')
                    word.Append(line[++i]);
                else
                    word.Append(c);
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                    words.Add(word.ToString());
                word.Clear();
                inWord = false;
                continue;
            }
            else if (c is '"' or '\'')
                quote = c;
            else if (c == '\\' && i + 1 < line.Length)
                word.Append(line[++i]);
            else
                word.Append(c);
            inWord = true;
        }
        if (inWord)
            words.Add(word.ToString());
        return words;
    }
}
