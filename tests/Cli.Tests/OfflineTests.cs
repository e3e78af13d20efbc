using CodeRunner.Cli.Http;

namespace CodeRunner.Tests;

/// <summary>What <c>coderun</c> does before, or without, a service answering.</summary>
public sealed class OfflineTests
{
    [Fact]
    public async Task AnUnreachableServiceExitsWithTheUnavailableCode()
    {
        // Port 9 (discard) on loopback: nothing listens there on a test machine.
        var result = await Coderun.RunAsync(["languages", "--endpoint", "http://127.0.0.1:9"]);
        Assert.Equal(69, result.ExitCode);
        Assert.StartsWith("coderun: cannot reach the service", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingFileIsAUsageError()
    {
        var result = await Coderun.RunAsync(["run", "--endpoint", "http://127.0.0.1:9", "/nonexistent/hello.py"]);
        Assert.Equal(64, result.ExitCode);
        Assert.Contains("does not exist", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownOptionIsAUsageError()
    {
        var result = await Coderun.RunAsync(["run", "--no-such-option", "hello.py"]);
        Assert.Equal(64, result.ExitCode);
        Assert.Contains("--no-such-option", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void TheApiKeyTravelsInItsHeader()
    {
        using var http = CodeRunClient.CreateHttp(Connection.Endpoint(null, _ => "http://example.test/coderun"), Connection.ApiKey(null, _ => "secret"));
        Assert.Equal(["secret"], http.DefaultRequestHeaders.GetValues("X-Api-Key"));
        Assert.Equal("http://example.test/coderun/", http.BaseAddress!.AbsoluteUri);
    }
}
