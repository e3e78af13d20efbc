using CodeRunner.Docker;
using CodeRunner.Images;
using CodeRunner.Languages;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CodeRunner.Tests.Images;

public class LanguageImageBuilderTests
{
    private static readonly LanguageImageBuilder Builder = new(
        new DockerClient(Options.Create(new DockerOptions())), Options.Create(new LanguageOptions()), NullLogger<LanguageImageBuilder>.Instance);

    private static readonly LanguageDefinition Python = TestLanguages.Get("python").Definition;

    [Fact]
    public void TagIsStableForTheSameDefinition() =>
        Assert.Equal(Builder.ImageTag(Python), Builder.ImageTag(Python with { }));

    [Fact]
    public void TagChangesWhenWhatGoesIntoTheImageChanges()
    {
        var tag = Builder.ImageTag(Python);
        Assert.StartsWith("coderun/lang-python:", tag, StringComparison.Ordinal);
        Assert.NotEqual(tag, Builder.ImageTag(Python with { Image = Python.Image with { Packages = ["python3", "python3-numpy"] } }));
        Assert.NotEqual(tag, Builder.ImageTag(Python with { Image = Python.Image with { VersionCommand = "python3 -V" } }));
    }

    [Fact]
    public void TagDoesNotChangeWithHowTheLanguageIsRun() =>
        Assert.Equal(Builder.ImageTag(Python), Builder.ImageTag(Python with
        {
            Run = ["python3", "-u", "{entry}"],
            Env = new Dictionary<string, string> { ["X"] = "1" },
            Limits = Python.Limits with { Default = Python.Limits.Default with { CpuTimeMs = 1 } },
        }));
}
