using System.Text.RegularExpressions;
using CodeRunner.Helm.Tests.Support;
using CodeRunner.Tests.Support;

namespace CodeRunner.Helm.Tests;

/// <summary>
/// The images the chart runs, built by scripts/build-service-images.sh (tagged by content, so an
/// unchanged image is not rebuilt) and started the way the chart starts them: non-root, read-only
/// root, /tmp the only writable place. Needs the Docker engine, like the sandbox tests.
/// </summary>
public partial class ServiceImageTests
{
    // The first build installs packages into the images; after that the script only publishes and hashes.
    private static readonly TimeSpan BuildDeadline = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(60);
    private static readonly SemaphoreSlim BuildOnce = new(1, 1);
    private static IReadOnlyDictionary<string, string>? _images;

    [Fact]
    public async Task SiloImageRunsAsNonRootOnAReadOnlyRootAndAnswersItsProbes()
    {
        var socketGroup = (await Docker("run", "--rm", "-v", "/var/run/docker.sock:/s", "--entrypoint", "stat",
            (await ImagesAsync())["engine"], "-c", "%g", "/s")).Trim();
        await RunAndProbeAsync((await ImagesAsync())["silo"],
            "--group-add", socketGroup,
            "-v", "/var/run/docker.sock:/run/coderun-engine/docker.sock",
            "-e", "Docker__SocketPath=/run/coderun-engine/docker.sock",
            "-e", "Store__EmbeddedPath=/tmp/coderun.db",
            "-e", $"Silo__SiloName=image-test-{Guid.NewGuid():N}"[..40],
            "-e", "Sandboxes__MinWarm=0",
            "-e", "Languages__Enabled__0=python");
    }

    [Fact]
    public async Task FrontendImageRunsAsNonRootOnAReadOnlyRootAndAnswersItsProbes()
    {
        await RunAndProbeAsync((await ImagesAsync())["frontend"],
            "-e", "Frontend__HostSilo=false",
            "-e", "Store__EmbeddedPath=/tmp/coderun.db");
    }

    private static async Task RunAndProbeAsync(string image, params string[] options)
    {
        var id = (await Docker(["run", "-d", "--read-only", "--tmpfs", "/tmp", "--cap-drop", "ALL",
            "--security-opt", "no-new-privileges", "-p", "127.0.0.1::8080", .. options, image])).Trim();
        try
        {
            var port = PublishedPort().Match(await Docker("port", id, "8080/tcp")).Groups[1].Value;
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };
            foreach (var probe in new[] { "/health/startup", "/health/live", "/health/ready" })
            {
                await Eventually.True(async () =>
                {
                    try { return (await http.GetAsync(probe)).IsSuccessStatusCode; }
                    catch (HttpRequestException) { return false; }
                }, StartDeadline, $"{image} answers {probe}");
            }
            Assert.Equal("10001", (await Docker("exec", id, "id", "-u")).Trim());
        }
        catch (Exception e)
        {
            var (_, stdout, stderr) = await Tool.RunAsync("docker", "logs", "--tail", "40", id);
            throw new Xunit.Sdk.XunitException($"{e.Message}\n--- {image} logs ---\n{stdout}{stderr}");
        }
        finally
        {
            await Tool.RunAsync("docker", "rm", "-f", id);
        }
    }

    private static async Task<IReadOnlyDictionary<string, string>> ImagesAsync()
    {
        await BuildOnce.WaitAsync();
        try
        {
            if (_images is null)
            {
                var (exitCode, stdout, stderr) = await Tool.RunAsync(BuildDeadline, "bash", ["scripts/build-service-images.sh"]);
                Assert.True(exitCode == 0, stderr);
                _images = ImageLine().Matches(stdout).ToDictionary(m => m.Groups[1].Value, m => $"coderun/{m.Groups[1].Value}:{m.Groups[2].Value}");
                Assert.Equal(["engine", "frontend", "silo"], _images.Keys.Order());
            }
            return _images;
        }
        finally
        {
            BuildOnce.Release();
        }
    }

    private static async Task<string> Docker(params string[] arguments)
    {
        var (exitCode, stdout, stderr) = await Tool.RunAsync("docker", arguments);
        Assert.True(exitCode == 0, $"docker {string.Join(' ', arguments)}: {stderr}");
        return stdout;
    }

    [GeneratedRegex(@"^(\w+): \{ image: \{ repository: coderun/\w+, tag: ([0-9a-f]{16}) \} \}$", RegexOptions.Multiline)]
    private static partial Regex ImageLine();

    [GeneratedRegex(@":(\d+)\s*$")]
    private static partial Regex PublishedPort();
}
