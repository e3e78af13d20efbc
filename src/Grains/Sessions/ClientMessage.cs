using CodeRunner.Sandboxes.Launcher;

namespace CodeRunner.Sessions;

/// <summary>One message a client sends after <c>start</c>: stdin bytes, end of input, a signal, or a window size.</summary>
public sealed record ClientMessage(ClientMessageKind Kind, byte[] Data, int Signal = 0, TerminalSize Size = default);
