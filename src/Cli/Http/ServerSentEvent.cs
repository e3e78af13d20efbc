namespace CodeRunner.Cli.Http;

/// <summary>One server-sent event: its <c>event:</c> name (<c>message</c> when none) and its joined <c>data:</c> lines.</summary>
public sealed record ServerSentEvent(string Name, string Data);
