namespace CodeRunner.Submissions;

/// <summary>What a cancel did.</summary>
public enum CancelStatus
{
    /// <summary>No submission has that id.</summary>
    NotFound,
    /// <summary>It was queued and is now Completed with verdict Cancelled.</summary>
    Cancelled,
    /// <summary>It is running; its silo was asked to stop it and will record Cancelled.</summary>
    Requested,
    /// <summary>It had completed already; nothing changed.</summary>
    AlreadyCompleted,
}
