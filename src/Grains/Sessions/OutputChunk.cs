namespace CodeRunner.Sessions;

/// <summary>A piece of output ready to send: <see cref="Text"/> when it is valid UTF-8, else only <see cref="Bytes"/>.</summary>
public readonly record struct OutputChunk(byte[] Bytes, string? Text);
