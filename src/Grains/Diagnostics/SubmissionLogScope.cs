using System.Collections;

namespace CodeRunner.Diagnostics;

/// <summary>
/// The log scope of everything a silo does for one submission: <c>SubmissionId</c> and <c>SiloId</c>
/// become fields of every line (JSON console: in <c>Scopes</c>), whatever the logger's category.
/// A list of pairs, as the console formatters expect; its text is what the simple formatter shows.
/// </summary>
public sealed class SubmissionLogScope(Guid submissionId, string siloId) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public int Count => 2;

    public KeyValuePair<string, object?> this[int index] => index switch
    {
        0 => new("SubmissionId", submissionId),
        1 => new("SiloId", siloId),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        yield return this[0];
        yield return this[1];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"SubmissionId:{submissionId}, SiloId:{siloId}";
}
