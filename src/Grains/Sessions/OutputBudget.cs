namespace CodeRunner.Sessions;

/// <summary>
/// What a session may still write: a total (<see cref="SessionOptions.MaxOutputBytes"/>) and a rate
/// averaged over a fixed window (<see cref="SessionOptions.MaxOutputBytesPerSecond"/> over
/// <see cref="SessionOptions.OutputRateWindow"/>): a burst is fine, a sustained flood is not.
/// </summary>
internal sealed class OutputBudget(SessionOptions options, TimeProvider time)
{
    private long _sent, _windowSent, _windowStart = time.GetTimestamp();

    /// <summary>Counts output; returns why the session must end (4413) when it is over budget, else null.</summary>
    public SessionClosedException? Spend(int bytes)
    {
        _sent += bytes;
        if (_sent > options.MaxOutputBytes)
            return new SessionClosedException(SessionCloseCodes.OutputLimit, $"the program wrote more than {options.MaxOutputBytes} bytes");
        if (time.GetElapsedTime(_windowStart) > options.OutputRateWindow)
            (_windowStart, _windowSent) = (time.GetTimestamp(), 0);
        _windowSent += bytes;
        return _windowSent > options.MaxOutputBytesPerSecond * options.OutputRateWindow.TotalSeconds
            ? new SessionClosedException(SessionCloseCodes.OutputLimit,
                $"the program wrote more than {options.MaxOutputBytesPerSecond} bytes per second over {options.OutputRateWindow.TotalSeconds:0.#} s")
            : null;
    }
}
