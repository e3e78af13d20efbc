namespace CodeRunner.Sandboxes.Launcher;

/// <summary>One frame of the launcher protocol (docs/sandbox-protocol.md): a type letter and its payload.</summary>
public readonly record struct LauncherFrame(byte Type, byte[] Payload)
{
    public const byte Ping = (byte)'P', Pong = (byte)'p';
    public const byte File = (byte)'F', FileReply = (byte)'f';
    public const byte Exec = (byte)'X', Stdin = (byte)'I', Signal = (byte)'S';
    public const byte Stdout = (byte)'O', Stderr = (byte)'E', Done = (byte)'D';
    public const byte Reset = (byte)'R', ResetReply = (byte)'r';
    public const byte Hello = (byte)'H';
    public const byte WindowSize = (byte)'W';

    /// <summary>The largest payload either side accepts.</summary>
    public const int MaxPayload = 64 << 20;

    public char TypeChar => (char)Type;
}
