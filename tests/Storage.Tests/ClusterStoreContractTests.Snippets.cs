using CodeRunner.Runs;

namespace CodeRunner.Storage.Tests;

public abstract partial class ClusterStoreContractTests
{
    private static NewSnippet NewSnippet(string? id = null, string content = "print(input())", string? stdin = "world") =>
        new(id ?? $"s{Guid.NewGuid():N}"[..13], "python", [new SourceFile("main.py", content), new SourceFile("lib/util.py", "X = 1\n")], stdin, "key-a");

    [Fact]
    public async Task AStoredSnippetReadsBackAsItWasStored()
    {
        var snippet = NewSnippet(content: "# héllo 🌍\r\n\tprint(input())\n", stdin: "line 1\nline 2\n");
        var before = DateTimeOffset.UtcNow.AddMinutes(-1);

        var stored = await Store.AddSnippetAsync(snippet, Ct);
        var read = await Store.GetSnippetAsync(snippet.Id, Ct);

        Assert.NotNull(stored);
        Assert.NotNull(read);
        Assert.Equal((snippet.Id, "python", "line 1\nline 2\n", "key-a"), (read.Id, read.Language, read.Stdin, read.Creator));
        Assert.Equal(Json(snippet.Files), Json(read.Files));
        Assert.Equal(stored.CreatedAt, read.CreatedAt);
        Assert.InRange(read.CreatedAt, before, DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task ASnippetWithoutStdinReadsBackWithoutStdin()
    {
        var snippet = NewSnippet(stdin: null) with { Creator = null };
        await Store.AddSnippetAsync(snippet, Ct);

        var read = await Store.GetSnippetAsync(snippet.Id, Ct);

        Assert.Equal((null, null), (read!.Stdin, read.Creator));
    }

    [Fact]
    public async Task AnEmptyStdinIsKeptApartFromNoStdin()
    {
        var snippet = NewSnippet(stdin: "");
        await Store.AddSnippetAsync(snippet, Ct);

        Assert.Equal("", (await Store.GetSnippetAsync(snippet.Id, Ct))!.Stdin);
    }

    [Fact]
    public async Task AnUnknownSnippetIsNotFound() =>
        Assert.Null(await Store.GetSnippetAsync("doesNotExist1", Ct));

    [Fact]
    public async Task StoringASnippetUnderATakenIdFailsAndLeavesTheFirstAsItWas()
    {
        var first = NewSnippet(id: "takenId00001", content: "print('first')");
        Assert.NotNull(await Store.AddSnippetAsync(first, Ct));

        var second = await Store.AddSnippetAsync(NewSnippet(id: "takenId00001", content: "print('second')"), Ct);

        Assert.Null(second);
        Assert.Equal("print('first')", (await Store.GetSnippetAsync("takenId00001", Ct))!.Files[0].Content);
    }

    [Fact]
    public async Task SnippetIdsAreCaseSensitive()
    {
        await Store.AddSnippetAsync(NewSnippet(id: "CaseId000001"), Ct);

        Assert.Null(await Store.GetSnippetAsync("caseid000001", Ct));
        Assert.NotNull(await Store.AddSnippetAsync(NewSnippet(id: "caseid000001"), Ct));
    }

    [Fact]
    public async Task AnotherClustersSnippetsAreNotVisible()
    {
        var snippet = NewSnippet();
        await Store.AddSnippetAsync(snippet, Ct);
        var other = await OpenStoreAsync($"test-{Guid.NewGuid():N}");

        Assert.Null(await other.GetSnippetAsync(snippet.Id, Ct));
        Assert.NotNull(await other.AddSnippetAsync(snippet, Ct));
    }
}
