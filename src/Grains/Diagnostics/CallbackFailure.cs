namespace CodeRunner.Diagnostics;

/// <summary>Why a callback was not delivered: the <c>reason</c> label of <c>coderun_callbacks_failed_total</c>.</summary>
public enum CallbackFailure
{
    /// <summary>Every one of <c>Webhooks:MaxAttempts</c> attempts failed (an error status, a refused address, a timeout).</summary>
    GaveUp,

    /// <summary>Not sent: <c>Webhooks:SigningSecret</c> is not set.</summary>
    NotConfigured,
}
