namespace CodeRunner.Storage;

/// <summary>Receives store notifications. Called on a background thread; must not block.</summary>
public interface IClusterListener
{
    /// <summary>A silo is asked to try claiming work of a language.</summary>
    void OnWake(string language);

    /// <summary>A submission reached Completed (any silo, or a cancel while queued).</summary>
    void OnCompleted(Guid submissionId);

    /// <summary>Cancellation was requested for a Running submission owned by this silo.</summary>
    void OnCancelRequested(Guid submissionId);

    /// <summary>The notification channel was re-established after an outage; notifications may have been lost.</summary>
    void OnReconnected();
}
