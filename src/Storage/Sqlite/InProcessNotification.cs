namespace CodeRunner.Storage.Sqlite;

/// <summary>What the embedded store tells its subscribers; published only after the change commits.</summary>
internal sealed record InProcessNotification(InProcessNotificationKind Kind, Guid SubmissionId, string? SiloId = null, string? Language = null)
{
    public static InProcessNotification Completed(Guid id) => new(InProcessNotificationKind.Completed, id);

    public static InProcessNotification Wake(string siloId, string language) => new(InProcessNotificationKind.Wake, Guid.Empty, siloId, language);

    public static InProcessNotification CancelRequested(string siloId, Guid id) => new(InProcessNotificationKind.CancelRequested, id, siloId);
}

internal enum InProcessNotificationKind
{
    Completed,
    Wake,
    CancelRequested,
}
