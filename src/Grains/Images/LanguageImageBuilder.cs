using System.Formats.Tar;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CodeRunner.Docker;
using CodeRunner.Languages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CodeRunner.Images;

/// <summary>
/// Builds language images from <c>images/language.Dockerfile</c> through the Engine API, tagged by a
/// hash of everything that goes into them, so an image is rebuilt only when its definition, the
/// Dockerfile or the launcher changes.
/// </summary>
public sealed partial class LanguageImageBuilder(DockerClient docker, IOptions<LanguageOptions> options, ILogger<LanguageImageBuilder> logger)
{
    public const string VersionLabel = "org.coderun.version";
    public const string LanguageLabel = "org.coderun.language";

    private readonly LanguageOptions _options = options.Value;

    /// <summary>The tag the language's image has for the current sources.</summary>
    public string ImageTag(LanguageDefinition definition)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\0',
            File.ReadAllText(DockerfilePath),
            File.ReadAllText(LauncherSourcePath),
            _options.BaseImage,
            JsonSerializer.Serialize(definition.Image))));
        return $"{_options.ImageRepository}-{definition.Id}:{Convert.ToHexStringLower(hash)[..16]}";
    }

    /// <summary>Returns the language with its image and version, building the image when missing and allowed.</summary>
    public async Task<Language?> ResolveAsync(LanguageDefinition definition, bool build, CancellationToken ct)
    {
        var tag = ImageTag(definition);
        var image = await docker.InspectImageAsync(tag, ct);
        if (image is null)
        {
            if (!build)
            {
                LogImageMissing(definition.Id, tag);
                return null;
            }
            await BuildAsync(definition, tag, ct);
            image = await docker.InspectImageAsync(tag, ct)
                ?? throw new InvalidOperationException($"Image {tag} is missing right after its build.");
        }
        var version = image.Config?.Labels?.GetValueOrDefault(VersionLabel) ?? "unknown";
        return new Language(definition, tag, version);
    }

    private async Task BuildAsync(LanguageDefinition definition, string tag, CancellationToken ct)
    {
        if (await docker.InspectImageAsync(_options.BaseImage, ct) is null)
            throw new InvalidOperationException(
                $"Base image '{_options.BaseImage}' is missing: run scripts/build-base-image.sh (or set Languages:BaseImage).");
        LogBuilding(definition.Id, tag);
        var started = DateTime.UtcNow;
        var toolchainTag = tag + "-toolchain";
        var context = await PackContextAsync(
            ("Dockerfile", await File.ReadAllBytesAsync(DockerfilePath, ct)),
            ("launcher.c", await File.ReadAllBytesAsync(LauncherSourcePath, ct)));
        var buildArgs = new Dictionary<string, string>
        {
            ["BASE_IMAGE"] = _options.BaseImage,
            ["PACKAGES"] = string.Join(' ', definition.Image.Packages),
            ["VERSION_COMMAND"] = definition.Image.VersionCommand,
        };
        await docker.BuildImageAsync(context, toolchainTag, buildArgs, new Dictionary<string, string>(), line => LogBuildLine(definition.Id, line), ct);

        // The version is only known once the toolchain is installed: read it back out of the image,
        // then stamp it as a label in a one-line second build (instant, nothing to run).
        var version = await ReadVersionAsync(toolchainTag, definition.Id, ct);
        var labels = new Dictionary<string, string> { [VersionLabel] = version, [LanguageLabel] = definition.Id };
        var stamp = await PackContextAsync(("Dockerfile", Encoding.UTF8.GetBytes($"FROM {toolchainTag}\n")));
        await docker.BuildImageAsync(stamp, tag, new Dictionary<string, string>(), labels, null, ct);
        LogBuilt(definition.Id, tag, version, (DateTime.UtcNow - started).TotalSeconds);
    }

    private async Task<string> ReadVersionAsync(string image, string languageId, CancellationToken ct)
    {
        var name = $"coderun-version-{languageId}-{Guid.NewGuid():N}"[..48];
        var created = await docker.CreateContainerAsync(name, new ContainerCreateRequest
        {
            Image = image,
            NetworkDisabled = true,
            HostConfig = new HostConfig { NetworkMode = "none", LogConfig = new LogConfig("none") },
        }, ct);
        try
        {
            var bytes = await docker.ReadFileAsync(created.Id, "/opt/coderun/version", ct);
            var text = Encoding.UTF8.GetString(bytes).Trim();
            var firstLine = text.Split('\n', 2)[0].Trim();
            return firstLine.Length == 0 ? "unknown" : firstLine;
        }
        finally
        {
            await docker.RemoveContainerAsync(created.Id, force: true, CancellationToken.None);
        }
    }

    private static async Task<MemoryStream> PackContextAsync(params (string Name, byte[] Content)[] files)
    {
        var tar = new MemoryStream();
        await using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var (name, content) in files)
            {
                var entry = new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(content) };
                await writer.WriteEntryAsync(entry);
            }
        }
        tar.Position = 0;
        return tar;
    }

    private string DockerfilePath => Path.Combine(_options.ImagesDirectory, "language.Dockerfile");

    private string LauncherSourcePath => Path.Combine(_options.ImagesDirectory, "launcher", "launcher.c");

    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Building image {Image} for language {LanguageId}")]
    private partial void LogBuilding(string languageId, string image);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Built image {Image} for language {LanguageId} ({Version}) in {Seconds:F0} s")]
    private partial void LogBuilt(string languageId, string image, string version, double seconds);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Debug, Message = "{LanguageId} build: {Line}")]
    private partial void LogBuildLine(string languageId, string line);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning, Message = "Image {Image} for language {LanguageId} is missing and building is off; the language is not served")]
    private partial void LogImageMissing(string languageId, string image);
}
