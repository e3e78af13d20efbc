using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CodeRunner.Tests.Compatibility;

/// <summary>
/// The Piston-compatible surface, with Piston's own documented request and answer (its README,
/// "Execute Endpoint" and "Runtimes Endpoint"): validation on a stateless frontend, programs
/// actually run on a single node.
/// </summary>
public sealed partial class PistonApiTests(StatelessFrontend stateless, SingleNodeFrontend node) : IClassFixture<StatelessFrontend>, IClassFixture<SingleNodeFrontend>
{
    private readonly HttpClient _http = stateless.CreateClient();

    private readonly HttpClient _node = node.CreateClient();

    private static Task<HttpResponseMessage> Post(HttpClient http, string json, string mediaType = "application/json") =>
        http.PostAsync("/api/v2/execute", new StringContent(json, Encoding.UTF8, mediaType));

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static string[] Keys(JsonElement o) => o.EnumerateObject().Select(p => p.Name).Order().ToArray();

    [GeneratedRegex(@"^\d+\.\d+\.\d+$")]
    private static partial Regex Semver();

    [Fact]
    public async Task RuntimesHaveLanguageVersionAndAliases()
    {
        var runtimes = (await Json(await _http.GetAsync("/api/v2/runtimes"))).EnumerateArray().ToList();
        Assert.All(runtimes, r =>
        {
            Assert.Equal(JsonValueKind.String, r.GetProperty("language").ValueKind);
            Assert.Equal(JsonValueKind.String, r.GetProperty("version").ValueKind);
            Assert.Equal(JsonValueKind.Array, r.GetProperty("aliases").ValueKind);
        });
        var python = runtimes.Single(r => r.GetProperty("language").GetString() == "python");
        Assert.Equal(["aliases", "language", "version"], Keys(python));
        Assert.Contains("py", python.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()));
    }

    [Theory]
    [InlineData("""{"version":"*","files":[{"content":"print(1)"}]}""", "language is required as a string")]
    [InlineData("""{"language":"python","files":[{"content":"print(1)"}]}""", "version is required as a string")]
    [InlineData("""{"language":"python","version":"*"}""", "files is required as an array")]
    [InlineData("""{"language":"python","version":"*","files":[{"name":"a.py"}]}""", "files[0].content is required as a string")]
    [InlineData("""{"language":"cobol","version":"*","files":[{"content":"x"}]}""", "cobol-* runtime is unknown")]
    [InlineData("""{"language":"python","version":"*","files":[{"content":"print(1)"}],"run_timeout":-5}""", "run_timeout must be non-negative")]
    [InlineData("""{"language":"python","version":"*","files":[{"content":"print(1)"}],"run_timeout":99999999}""", "run_timeout")]
    [InlineData("""{"language":"python","version":"*","files":[{"name":"../x.py","content":"print(1)"}]}""", "files[0].name")]
    [InlineData("""{"language":"python","version":"*","files":[{"content":"print(1)"}],"args":"not an array"}""", "not valid JSON")]
    [InlineData("""{"language":""", "not valid JSON")]
    public async Task BadJobsAre400WithPistonsMessage(string json, string message)
    {
        var response = await Post(_http, json);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await Json(response);
        Assert.Equal(["message"], Keys(body));
        Assert.Contains(message, body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABodyThatIsNotJsonIs415LikePiston()
    {
        var response = await Post(_http, "language=python", "application/x-www-form-urlencoded");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("requests must be of type application/json", (await Json(response)).GetProperty("message").GetString());
    }

    [Fact]
    public async Task AJobThatOutlastsTheWaitIs504AndKeepsRunningNatively()
    {
        await using var app = new ConfiguredFrontend(new Dictionary<string, string> { ["Auth:AllowAnonymous"] = "true", ["Frontend:MaxWait"] = "00:00:01" });
        var response = await Post(app.CreateClient(), """{"language":"python","version":"*","files":[{"content":"print(1)"}]}""");
        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.StartsWith("/api/v1/submissions/", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Contains("/api/v1/submissions/", (await Json(response)).GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteRunsPistonsDocumentedExampleWithStdinAndArgs()
    {
        // Piston's README example, in Bash (the languages this test node runs): args, stdin, and its limits.
        var response = await Post(_node, """
            {
              "language": "sh",
              "version": "*",
              "files": [{ "name": "my_cool_code.sh", "content": "echo \"$@\"\nread line\necho \"got $line\" >&2" }],
              "stdin": "hello",
              "args": ["1", "2", "3"],
              "compile_timeout": 10000,
              "run_timeout": 3000,
              "compile_cpu_time": 10000,
              "run_cpu_time": 3000,
              "compile_memory_limit": -1,
              "run_memory_limit": -1
            }
            """);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Json(response);
        Assert.Equal(["language", "run", "version"], Keys(body)); // no compile stage: Bash does not compile
        Assert.Equal("bash", body.GetProperty("language").GetString());
        Assert.Matches(Semver(), body.GetProperty("version").GetString()!);
        var run = body.GetProperty("run");
        Assert.Equal(["code", "cpu_time", "memory", "message", "output", "signal", "status", "stderr", "stdout", "wall_time"], Keys(run));
        Assert.Equal("1 2 3\n", run.GetProperty("stdout").GetString());
        Assert.Equal("got hello\n", run.GetProperty("stderr").GetString());
        Assert.Equal("1 2 3\ngot hello\n", run.GetProperty("output").GetString());
        Assert.Equal(0, run.GetProperty("code").GetInt32());
        Assert.Equal(JsonValueKind.Null, run.GetProperty("signal").ValueKind);
        Assert.Equal(JsonValueKind.Null, run.GetProperty("status").ValueKind);
        Assert.Equal(JsonValueKind.Null, run.GetProperty("message").ValueKind);
        Assert.True(run.GetProperty("wall_time").GetInt32() >= 0);
    }

    [Fact]
    public async Task AFailingRunReportsItsCodeOrSignalAndPistonsStatus()
    {
        var exited = (await Json(await Post(_node, """{"language":"python","version":"3","files":[{"content":"import sys\nprint('bye')\nsys.exit(4)"}]}"""))).GetProperty("run");
        Assert.Equal(4, exited.GetProperty("code").GetInt32());
        Assert.Equal("RE", exited.GetProperty("status").GetString());
        Assert.Equal("bye\n", exited.GetProperty("stdout").GetString());

        var killed = (await Json(await Post(_node, """{"language":"python","version":"*","files":[{"content":"import os, time\nos.system('kill -9 ' + str(os.getpid()))\ntime.sleep(5)"}]}"""))).GetProperty("run");
        Assert.Equal(JsonValueKind.Null, killed.GetProperty("code").ValueKind);
        Assert.Equal("SIGKILL", killed.GetProperty("signal").GetString());
        Assert.Equal("SG", killed.GetProperty("status").GetString());
    }

    [Fact]
    public async Task AVersionOfAnotherMajorIsAnUnknownRuntime()
    {
        await Support.Eventually.True(async () => Semver().IsMatch((await Json(await _node.GetAsync("/api/v2/runtimes"))).EnumerateArray()
                .Single(r => r.GetProperty("language").GetString() == "python").GetProperty("version").GetString()!),
            TimeSpan.FromSeconds(30), "the silo published its versions");
        var response = await Post(_node, """{"language":"python","version":"2.7.0","files":[{"content":"print 1"}]}""");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("python-2.7.0 runtime is unknown", (await Json(response)).GetProperty("message").GetString());
    }

    [Fact]
    public async Task GeneratedHostileBodiesNeverGetA5xxOtherThanTheWaitTimeout()
    {
        // A frontend with no silo and a short wait: bodies that pass every check end in 504 at once.
        await using var app = new ConfiguredFrontend(new Dictionary<string, string> { ["Auth:AllowAnonymous"] = "true", ["Frontend:MaxWait"] = "00:00:00.01" });
        var http = app.CreateClient();
        string[] fields = ["language", "version", "files", "stdin", "args", "run_timeout", "run_cpu_time", "run_memory_limit", "compile_timeout", "compile_memory_limit"];
        var fuzzer = new PeerBodyFuzzer(11, () => new JsonObject
        {
            ["language"] = "python", ["version"] = "*", ["files"] = new JsonArray(new JsonObject { ["content"] = "print(1)" }), ["stdin"] = "", ["args"] = new JsonArray(),
        }, fields);
        var statuses = new HashSet<int>();
        for (var i = 0; i < 600; i++)
        {
            var body = fuzzer.Next();
            using var response = await Post(http, body);
            var status = (int)response.StatusCode;
            statuses.Add(status);
            Assert.True(status < 500 || status == 504, $"#{i} got {status}: {body}\n{await response.Content.ReadAsStringAsync()}");
            Assert.True((await Json(response)).TryGetProperty("message", out _), body);
        }
        Assert.Contains(400, statuses);
        Assert.Contains(504, statuses);
    }
}
