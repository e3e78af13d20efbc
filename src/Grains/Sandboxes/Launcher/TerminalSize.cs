namespace CodeRunner.Sandboxes.Launcher;

/// <summary>A pseudo-terminal's window size, in character cells.</summary>
public readonly record struct TerminalSize(ushort Cols, ushort Rows);
