using System.Collections.Concurrent;

namespace CodeRunner.Storage.Tests;

/// <summary>Records every notification it receives, for tests to wait on and inspect.</summary>
public sealed class RecordingListener : IClusterListener
{
    private int _reconnects;

    public ConcurrentQueue<string> Wakes { get; } = new();

    public ConcurrentQueue<Guid> Completed { get; } = new();

    public ConcurrentQueue<Guid> CancelRequests { get; } = new();

    public int Reconnects => Volatile.Read(ref _reconnects);

    /// <summary>A wake-up for this language is recorded, then the listener throws (a buggy listener).</summary>
    public string? ThrowOnWake { get; init; }

    public void OnWake(string language)
    {
        Wakes.Enqueue(language);
        if (language == ThrowOnWake)
            throw new InvalidOperationException("A listener bug.");
    }

    public void OnCompleted(Guid submissionId) => Completed.Enqueue(submissionId);

    public void OnCancelRequested(Guid submissionId) => CancelRequests.Enqueue(submissionId);

    public void OnReconnected() => Interlocked.Increment(ref _reconnects);
}
