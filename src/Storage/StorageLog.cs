using Microsoft.Extensions.Logging;

namespace CodeRunner.Storage;

/// <summary>The store's log events (ids 2000-2099), in one place so their ids stay unique and stable.</summary>
internal static partial class StorageLog
{
    // 2000-2019: schema
    [LoggerMessage(EventId = 2000, Level = LogLevel.Information, Message = "Store {Store}: applied migration {Migration}")]
    public static partial void MigrationApplied(ILogger logger, string store, string migration);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Embedded store at {Path} (cluster {ClusterId})")]
    public static partial void EmbeddedStoreOpened(ILogger logger, string path, string clusterId);

    // 2020-2039: submissions
    [LoggerMessage(EventId = 2020, Level = LogLevel.Information, Message = "Silo {SiloId} was dead: {Requeued} of its submissions requeued, {Completed} ended")]
    public static partial void Recovered(ILogger logger, string siloId, int requeued, int completed);

    [LoggerMessage(EventId = 2021, Level = LogLevel.Warning, Message = "Submission {SubmissionId} ended {Verdict} after silo {SiloId} died running it")]
    public static partial void EndedAfterOwnerDied(ILogger logger, Guid submissionId, string verdict, string siloId);

    [LoggerMessage(EventId = 2022, Level = LogLevel.Warning, Message = "A command lost its PostgreSQL session ({SqlState}) before it ran; retrying it once on a new connection")]
    public static partial void SessionLostRetrying(ILogger logger, string sqlState);

    // 2040-2059: notifications
    [LoggerMessage(EventId = 2040, Level = LogLevel.Warning, Message = "Notification connection lost; reconnecting (channels {Channels})")]
    public static partial void SubscriptionLost(ILogger logger, Exception exception, string channels);

    [LoggerMessage(EventId = 2041, Level = LogLevel.Information, Message = "Notification connection re-established after {Attempts} attempts (channels {Channels})")]
    public static partial void SubscriptionReconnected(ILogger logger, int attempts, string channels);

    [LoggerMessage(EventId = 2042, Level = LogLevel.Debug, Message = "Notification reconnect attempt {Attempt} failed; next in {DelayMs} ms")]
    public static partial void ReconnectFailed(ILogger logger, Exception exception, int attempt, int delayMs);

    [LoggerMessage(EventId = 2043, Level = LogLevel.Error, Message = "A cluster listener threw while handling {Notification}")]
    public static partial void ListenerFailed(ILogger logger, Exception exception, string notification);
}
