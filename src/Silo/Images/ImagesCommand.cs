using CodeRunner.Docker;
using CodeRunner.Images;
using CodeRunner.Languages;
using Microsoft.Extensions.Options;

namespace CodeRunner.Silo.Images;

/// <summary>
/// <c>images build [id …]</c>: builds every language image (or the ones named) that the engine lacks,
/// and prints each language's image and version. <c>images tags</c>: prints the tags only.
/// </summary>
public static class ImagesCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args is not (["build", ..] or ["tags"]))
        {
            await Console.Error.WriteLineAsync("usage: images build [language-id …] | images tags");
            return 2;
        }
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.Services.AddOptions<DockerOptions>().Bind(builder.Configuration.GetSection(DockerOptions.SectionName));
        builder.Services.AddOptions<LanguageOptions>().Bind(builder.Configuration.GetSection(LanguageOptions.SectionName));
        builder.Services.AddSingleton<DockerClient>();
        builder.Services.AddSingleton<LanguageImageBuilder>();
        using var host = builder.Build();
        var images = host.Services.GetRequiredService<LanguageImageBuilder>();
        var options = host.Services.GetRequiredService<IOptions<LanguageOptions>>().Value;
        var wanted = args.Skip(1).ToHashSet();
        foreach (var definition in LanguageDefinitionLoader.LoadDirectory(options.Directory))
        {
            if (wanted.Count > 0 && !wanted.Contains(definition.Id))
                continue;
            if (args[0] == "tags")
            {
                Console.WriteLine($"{definition.Id}\t{images.ImageTag(definition)}");
                continue;
            }
            var language = await images.ResolveAsync(definition, build: true, CancellationToken.None);
            Console.WriteLine($"{definition.Id}\t{language!.Image}\t{language.Version}");
        }
        return 0;
    }
}
