using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CodeRunner.Tests.Compatibility;

/// <summary>
/// The Judge0 CE-compatible surface, with Judge0's own documented requests and answers (its API
/// docs, "Create a Submission", "Get a Submission", batches, statuses): routing and validation on a
/// stateless frontend, programs actually run on a single node.
/// </summary>
public sealed class Judge0ApiTests(StatelessFrontend stateless, SingleNodeFrontend node) : IClassFixture<StatelessFrontend>, IClassFixture<SingleNodeFrontend>
{
    private static readonly string[] DefaultFields = ["token", "time", "memory", "stdout", "stderr", "compile_output", "message", "status"];

    private readonly HttpClient _http = stateless.CreateClient();

    private readonly HttpClient _node = node.CreateClient();

    private static Task<HttpResponseMessage> Post(HttpClient http, string path, string json) =>
        http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static string B64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static string[] Keys(JsonElement o) => o.EnumerateObject().Select(p => p.Name).Order().ToArray();

    [Fact]
    public async Task CreatingASubmissionAnswers201WithOnlyItsTokenAndGetShowsJudge0sDefaultFields()
    {
        // Judge0's documented example (language_id as a string, as in its "wait" example), in Python 3 (71).
        var created = await Post(_http, "/submissions", """{"source_code":"print(f\"hello, {input()}\")","language_id":"71","stdin":"world"}""");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await Json(created);
        Assert.Equal(["token"], Keys(body));
        var token = body.GetProperty("token").GetString()!;
        Assert.True(Guid.TryParse(token, out _));

        var read = await Json(await _http.GetAsync($"/submissions/{token}"));
        Assert.Equal(DefaultFields.Order().ToArray(), Keys(read));
        Assert.Equal(token, read.GetProperty("token").GetString());
        Assert.Equal(1, read.GetProperty("status").GetProperty("id").GetInt32());
        Assert.Equal("In Queue", read.GetProperty("status").GetProperty("description").GetString());
        Assert.Equal(JsonValueKind.Null, read.GetProperty("stdout").ValueKind);
        Assert.Equal(JsonValueKind.Null, read.GetProperty("time").ValueKind);
    }

    [Fact]
    public async Task FieldsSelectsTheAttributesAndStarSelectsAll()
    {
        var token = (await Json(await Post(_http, "/submissions", """{"source_code":"echo hi","language_id":46}"""))).GetProperty("token").GetString();

        // The documented example: fields=stdout,stderr,status_id,language_id.
        var some = await Json(await _http.GetAsync($"/submissions/{token}?fields=stdout,stderr,status_id,language_id"));
        Assert.Equal(["language_id", "status_id", "stderr", "stdout"], Keys(some));
        Assert.Equal(46, some.GetProperty("language_id").GetInt32());
        Assert.Equal(1, some.GetProperty("status_id").GetInt32());

        var all = await Json(await _http.GetAsync($"/submissions/{token}?fields=*"));
        foreach (var field in new[] { "token", "status", "language", "created_at", "finished_at", "exit_code", "exit_signal", "wall_time", "source_code", "cpu_time_limit" })
            Assert.True(all.TryGetProperty(field, out _), field);
        Assert.True(DateTimeOffset.TryParse(all.GetProperty("created_at").GetString(), CultureInfo.InvariantCulture, out _));
        Assert.Equal(JsonValueKind.Null, all.GetProperty("finished_at").ValueKind);

        var bad = await _http.GetAsync($"/submissions/{token}?fields=stdout,bogus");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("invalid fields: [bogus]", (await Json(bad)).GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("""{"source_code":"print(1)"}""", "language_id", "can't be blank")]
    [InlineData("""{"source_code":"print(1)","language_id":150000,"stdin":"world","expected_output":"hello, world"}""", "language_id", "language with id 150000 doesn't exist")]
    [InlineData("""{"language_id":71}""", "source_code", "can't be blank")]
    [InlineData("""{"source_code":"print(1)","language_id":71,"wall_time_limit":100000}""", "wall_time_limit", null)]
    [InlineData("""{"source_code":"print(1)","language_id":71,"memory_limit":-5}""", "memory_limit", "must be greater than 0")]
    [InlineData("""{"source_code":"print(1)","language_id":71,"callback_url":"http://example.com/cb"}""", "callback_url", null)]
    [InlineData("""{"source_code":"print(1)","language_id":71,"enable_network":true}""", "enable_network", "this option cannot be enabled")]
    public async Task InvalidSubmissionsAre422NamingJudge0sField(string json, string field, string? message)
    {
        var response = await Post(_http, "/submissions", json);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = (await Json(response)).GetProperty(field);
        Assert.Equal(JsonValueKind.Array, errors.ValueKind);
        if (message is not null)
            Assert.Contains(message, errors.EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task BadBodiesBase64AndTokensAreClientErrorsInJudge0sShape()
    {
        var malformed = await Post(_http, "/submissions", """{"source_code": """);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.False(string.IsNullOrEmpty((await Json(malformed)).GetProperty("error").GetString()));

        var notBase64 = await Post(_http, "/submissions?base64_encoded=true", """{"source_code":"!!not base64!!","language_id":71}""");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notBase64.StatusCode);
        Assert.True((await Json(notBase64)).TryGetProperty("source_code", out _));

        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync($"/submissions/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync("/submissions/not-a-token")).StatusCode);
    }

    [Fact]
    public async Task BatchAcceptsTheValidItemsAndAnswersTheInvalidOnesInPlace()
    {
        var created = await Post(_http, "/submissions/batch", """
            {"submissions":[
              {"language_id":46,"source_code":"echo hello from Bash"},
              {"language_id":150000,"source_code":"x"},
              {"language_id":71,"source_code":"print(\"hello from Python\")"}
            ]}
            """);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var answers = (await Json(created)).EnumerateArray().ToList();
        Assert.Equal(3, answers.Count);
        Assert.Equal(["token"], Keys(answers[0]));
        Assert.True(answers[1].TryGetProperty("language_id", out _));
        Assert.Equal(["token"], Keys(answers[2]));

        var tokens = $"{answers[0].GetProperty("token").GetString()},{Guid.NewGuid()},{answers[2].GetProperty("token").GetString()}";
        var read = await Json(await _http.GetAsync($"/submissions/batch?tokens={tokens}&fields=token,status_id"));
        var submissions = read.GetProperty("submissions").EnumerateArray().ToList();
        Assert.Equal(3, submissions.Count);
        Assert.Equal(answers[0].GetProperty("token").GetString(), submissions[0].GetProperty("token").GetString());
        Assert.Equal(JsonValueKind.Null, submissions[1].ValueKind);
        Assert.Equal(["status_id", "token"], Keys(submissions[2]));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await Post(_http, "/submissions/batch", """{"submissions":[{"language_id":150000,"source_code":"x"}]}""")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Post(_http, "/submissions/batch", """{"submissions":[]}""")).StatusCode);
        var tooMany = "{\"submissions\":[" + string.Join(",", Enumerable.Repeat("""{"language_id":46,"source_code":"echo"}""", 21)) + "]}";
        Assert.Equal(HttpStatusCode.BadRequest, (await Post(_http, "/submissions/batch", tooMany)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _http.GetAsync("/submissions/batch")).StatusCode);
    }

    [Fact]
    public async Task LanguagesUseJudge0sOwnIds()
    {
        var languages = (await Json(await _http.GetAsync("/languages"))).EnumerateArray().ToList();
        Assert.All(languages, l => Assert.Equal(["id", "name"], Keys(l)));
        Assert.StartsWith("Python 3", languages.Single(l => l.GetProperty("id").GetInt32() == 71).GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("Bash", languages.Single(l => l.GetProperty("id").GetInt32() == 46).GetProperty("name").GetString(), StringComparison.Ordinal);

        var python = await Json(await _http.GetAsync("/languages/71"));
        Assert.Equal("main.py", python.GetProperty("source_file").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync("/languages/150000")).StatusCode);
    }

    [Fact]
    public async Task StatusesAreJudge0sList()
    {
        string[] expected =
        [
            "In Queue", "Processing", "Accepted", "Wrong Answer", "Time Limit Exceeded", "Compilation Error",
            "Runtime Error (SIGSEGV)", "Runtime Error (SIGXFSZ)", "Runtime Error (SIGFPE)", "Runtime Error (SIGABRT)",
            "Runtime Error (NZEC)", "Runtime Error (Other)", "Internal Error", "Exec Format Error",
        ];
        var statuses = (await Json(await _http.GetAsync("/statuses"))).EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(1, 14), statuses.Select(s => s.GetProperty("id").GetInt32()));
        Assert.Equal(expected, statuses.Select(s => s.GetProperty("description").GetString()));
    }

    [Fact]
    public async Task WaitTrueAnswersWithTheFinishedSubmissionLikeJudge0sExample()
    {
        var response = await Post(_node, "/submissions?wait=true", """
            {"source_code":"name = input()\nprint(f\"hello, {name}\")","language_id":71,"stdin":"Judge0","expected_output":"hello, Judge0"}
            """);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await Json(response);
        Assert.Equal(DefaultFields.Order().ToArray(), Keys(body));
        Assert.Equal("hello, Judge0\n", body.GetProperty("stdout").GetString());
        Assert.Equal(3, body.GetProperty("status").GetProperty("id").GetInt32());
        Assert.Equal("Accepted", body.GetProperty("status").GetProperty("description").GetString());
        Assert.True(decimal.TryParse(body.GetProperty("time").GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out _));
        Assert.True(body.GetProperty("memory").GetInt64() > 0);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("stderr").ValueKind);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("compile_output").ValueKind);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("message").ValueKind);
    }

    [Fact]
    public async Task Base64RoundTripKeepsOutputThatIsNotUtf8()
    {
        var source = B64("import sys\nsys.stdout.buffer.write(bytes([0xff, 0xfe]) + sys.stdin.buffer.read())");
        var response = await Post(_node, "/submissions?base64_encoded=true&wait=true&fields=token,stdout,status",
            $$"""{"source_code":"{{source}}","language_id":71,"stdin":"{{B64("abc")}}"}""");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await Json(response);
        Assert.Equal(3, body.GetProperty("status").GetProperty("id").GetInt32());
        Assert.Equal(new byte[] { 0xff, 0xfe, (byte)'a', (byte)'b', (byte)'c' }, Convert.FromBase64String(body.GetProperty("stdout").GetString()!));

        // As text it cannot be shown without altering it: Judge0's answer is an error naming base64_encoded.
        var token = body.GetProperty("token").GetString();
        var asText = await _node.GetAsync($"/submissions/{token}");
        Assert.Equal(HttpStatusCode.BadRequest, asText.StatusCode);
        Assert.Contains("base64_encoded=true", (await Json(asText)).GetProperty("error").GetString(), StringComparison.Ordinal);
        var asBase64 = await Json(await _node.GetAsync($"/submissions/{token}?base64_encoded=true"));
        Assert.Equal(body.GetProperty("stdout").GetString(), asBase64.GetProperty("stdout").GetString());
    }

    [Theory]
    [InlineData("echo \"$1|$2\"; exit 3", "a 'b c'", null, 11, "a|b c\n")]
    [InlineData("echo 41", null, "42", 4, "41\n")]
    public async Task VerdictsBecomeJudge0Statuses(string script, string? arguments, string? expected, int status, string? stdout)
    {
        var request = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["source_code"] = script, ["language_id"] = 46, ["command_line_arguments"] = arguments, ["expected_output"] = expected,
        });
        var body = await Json(await Post(_node, "/submissions?wait=true&fields=status,stdout,exit_code,exit_signal", request));
        Assert.Equal(status, body.GetProperty("status").GetProperty("id").GetInt32());
        Assert.Equal(stdout, body.GetProperty("stdout").GetString());
    }

    [Fact]
    public async Task GeneratedHostileBodiesNeverGetA5xx()
    {
        string[] fields =
        [
            "source_code", "language_id", "stdin", "expected_output", "cpu_time_limit", "wall_time_limit", "memory_limit",
            "max_file_size", "command_line_arguments", "compiler_options", "callback_url", "enable_network", "number_of_runs",
        ];
        var fuzzer = new PeerBodyFuzzer(7, () => new JsonObject { ["source_code"] = "echo hi", ["language_id"] = 46 }, fields);
        var created = 0;
        for (var i = 0; i < 600; i++)
        {
            var body = fuzzer.Next();
            var path = (i % 3) switch { 0 => "/submissions", 1 => "/submissions?base64_encoded=true", _ => "/submissions/batch" };
            if (i % 3 == 2)
                body = $$"""{"submissions":[{{body}}]}""";
            using var response = await Post(_http, path, body);
            Assert.True((int)response.StatusCode < 500, $"{path} #{i} got {(int)response.StatusCode}: {body}\n{await response.Content.ReadAsStringAsync()}");
            created += response.StatusCode == HttpStatusCode.Created ? 1 : 0;
        }
        Assert.InRange(created, 1, 599);
    }
}
