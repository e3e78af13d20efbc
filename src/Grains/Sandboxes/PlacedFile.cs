namespace CodeRunner.Sandboxes;

/// <summary>A file to place in the sandbox's work directory: checked relative name, bytes, permission bits.</summary>
public sealed record PlacedFile(string Name, byte[] Content, int Mode = 0b110_100_100);
