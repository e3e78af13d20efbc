namespace CodeRunner.Sandboxes;

/// <summary>Which stream an <see cref="InteractiveEvent"/> carries.</summary>
public enum InteractiveStream
{
    Stdout,
    Stderr,
    Done,
}
