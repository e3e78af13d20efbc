using System.Text;
using CodeRunner.Runs;

namespace CodeRunner.Tests.Runs;

public class RunPlannerTests
{
    private static readonly RunOptions Options = new();

    private static RunPlan Plan(RunRequest request) => RunPlanner.Plan(request, TestLanguages.Catalog, Options);

    private static RunRequestException Refused(RunRequest request) => Assert.Throws<RunRequestException>(() => Plan(request));

    [Fact]
    public void AliasFindsTheLanguageAndDefaultsFillTheLimits()
    {
        var plan = Plan(new RunRequest("Py", [new SourceFile("main.py", "print(1)")]));
        Assert.Equal("python", plan.Language.Id);
        Assert.Equal(plan.Language.Definition.Limits.Default.CpuTimeMs, plan.Run.CpuTimeMs);
        Assert.Equal(["python3", "main.py"], plan.Run.Argv);
        Assert.Null(plan.Compile);
    }

    [Fact]
    public void CompiledLanguageGetsSourcesOptionsAndArgsInPlace()
    {
        var plan = Plan(new RunRequest("c", [new SourceFile("main.c", ""), new SourceFile("util.c", ""), new SourceFile("util.h", "")],
            Args: ["a", "b c"], CompileOptions: ["-DX=1"]));
        Assert.Equal(["gcc", "-O2", "-std=gnu17", "-pipe", "-o", "main", "main.c", "util.c", "-lm", "-DX=1"], plan.Compile!.Argv);
        Assert.Equal(["./main", "a", "b c"], plan.Run.Argv);
    }

    [Fact]
    public void EnvironmentIsExactlyTheBaseAndTheLanguagesOwn()
    {
        var plan = Plan(new RunRequest("go", [new SourceFile("main.go", "")]));
        Assert.Contains("HOME=/sandbox", plan.Run.Env);
        Assert.Contains("GOCACHE=/tmp/go-cache", plan.Run.Env);
        Assert.DoesNotContain(plan.Run.Env, e => e.StartsWith("DOCKER", StringComparison.Ordinal));
    }

    [Fact]
    public void UnknownLanguageIsUnprocessable()
    {
        var e = Refused(new RunRequest("cobol-2099", [new SourceFile("a", "")]));
        Assert.Equal(RunRequestProblem.Unprocessable, e.Problem);
        Assert.Contains("language", e.Errors.Keys);
    }

    [Fact]
    public void LimitAboveTheMaximumIsUnprocessableAndNamesTheField()
    {
        var e = Refused(new RunRequest("python", [new SourceFile("main.py", "")], Limits: new ResourceLimits(CpuTimeMs: 10_000_000)));
        Assert.Equal(RunRequestProblem.Unprocessable, e.Problem);
        Assert.Contains("limits.cpuTimeMs", e.Errors.Keys);
    }

    [Fact]
    public void NegativeLimitIsInvalid()
    {
        var e = Refused(new RunRequest("python", [new SourceFile("main.py", "")], Limits: new ResourceLimits(MemoryBytes: -1)));
        Assert.Equal(RunRequestProblem.Invalid, e.Problem);
    }

    [Theory]
    [InlineData("../escape.py")]
    [InlineData("/etc/passwd")]
    [InlineData("a/../../b")]
    [InlineData("a//b")]
    [InlineData("nul\0byte")]
    [InlineData("./main.py")]
    [InlineData("")]
    public void HostileFileNamesAreRefusedBeforeAnySandboxIsTaken(string name)
    {
        var e = Refused(new RunRequest("python", [new SourceFile(name, "x")]));
        Assert.Equal(RunRequestProblem.Invalid, e.Problem);
        Assert.Contains("files[0].name", e.Errors.Keys);
    }

    [Fact]
    public void NameThatIsBothFileAndDirectoryIsRefused()
    {
        var e = Refused(new RunRequest("python", [new SourceFile("a", ""), new SourceFile("a/b.py", "")]));
        Assert.Contains("files", e.Errors.Keys);
    }

    [Fact]
    public void InvalidBase64IsInvalid()
    {
        var e = Refused(new RunRequest("python", [new SourceFile("main.py", "!!!not base64", ContentEncoding.Base64)]));
        Assert.Contains("files[0].content", e.Errors.Keys);
    }

    [Fact]
    public void Base64ContentIsDecodedToExactBytes()
    {
        byte[] bytes = [0xff, 0x00, 0xfe];
        var plan = Plan(new RunRequest("python", [new SourceFile("data.bin", Convert.ToBase64String(bytes), ContentEncoding.Base64)]));
        Assert.Equal(bytes, plan.Files[0].Content);
    }

    [Fact]
    public void OversizedStdinIsTooLarge()
    {
        var e = Assert.Throws<RunRequestException>(() => RunPlanner.Plan(
            new RunRequest("python", [new SourceFile("main.py", "")], Stdin: new string('x', 2048)),
            TestLanguages.Catalog, new RunOptions { MaxStdinBytes = 1024 }));
        Assert.Equal(RunRequestProblem.TooLarge, e.Problem);
    }

    [Fact]
    public void CompileOptionsForAnInterpretedLanguageAreRefused()
    {
        var e = Refused(new RunRequest("python", [new SourceFile("main.py", "")], CompileOptions: ["-O3"]));
        Assert.Contains("compileOptions", e.Errors.Keys);
    }

    [Fact]
    public void MalformedFieldOutranksUnknownLanguage()
    {
        var e = Refused(new RunRequest("nope", [new SourceFile("/abs", "")]));
        Assert.Equal(RunRequestProblem.Invalid, e.Problem);
        Assert.Equal(2, e.Errors.Count);
    }

    [Fact]
    public void StdinIsEncodedAsUtf8()
    {
        var plan = Plan(new RunRequest("python", [new SourceFile("main.py", "")], Stdin: "é"));
        Assert.Equal(Encoding.UTF8.GetBytes("é"), plan.Stdin);
    }

    [Fact]
    public void TestCasesAreDecodedAndCheckedAgainstTheCaps()
    {
        var plan = Plan(new RunRequest("python", [new SourceFile("main.py", "")], TestCases: [new TestCase("1", "2"), new TestCase(null, null)]));
        Assert.Equal(2, plan.TestCases!.Count);
        Assert.Equal("1"u8.ToArray(), plan.TestCases[0].Stdin);
        Assert.Null(plan.TestCases[1].ExpectedOutput);

        Assert.Equal(RunRequestProblem.Invalid, Refused(new RunRequest("python", [new SourceFile("main.py", "")], Stdin: "x", TestCases: [new TestCase("1", "2")])).Problem);
        Assert.Equal(RunRequestProblem.Invalid, Refused(new RunRequest("python", [new SourceFile("main.py", "")], TestCases: [])).Problem);
        var many = Assert.Throws<RunRequestException>(() => RunPlanner.Plan(
            new RunRequest("python", [new SourceFile("main.py", "")], TestCases: [new TestCase("1", "1"), new TestCase("2", "2")]),
            TestLanguages.Catalog, new RunOptions { MaxTestCases = 1 }));
        Assert.Equal(RunRequestProblem.TooLarge, many.Problem);
    }
}
