namespace CodeRunner.Sessions;

/// <summary>What a <see cref="ClientMessage"/> asks for.</summary>
public enum ClientMessageKind
{
    Stdin,
    Eof,
    Signal,
    Resize,
}
