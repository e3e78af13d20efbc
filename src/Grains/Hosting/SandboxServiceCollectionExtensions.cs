using CodeRunner.Docker;
using CodeRunner.Images;
using CodeRunner.Languages;
using CodeRunner.Membership;
using CodeRunner.Runs;
using CodeRunner.Sandboxes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CodeRunner.Hosting;

public static class SandboxServiceCollectionExtensions
{
    /// <summary>The sandbox engine of one node: Docker client, language images, pools, run executor.</summary>
    public static IServiceCollection AddSandboxes(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DockerOptions>().Bind(configuration.GetSection(DockerOptions.SectionName)).ValidateOnStart();
        services.AddOptions<LanguageOptions>().Bind(configuration.GetSection(LanguageOptions.SectionName)).ValidateOnStart();
        services.AddOptions<SiloOptions>().Bind(configuration.GetSection(SiloOptions.SectionName)).ValidateOnStart();
        services.AddOptions<SandboxOptions>().Bind(configuration.GetSection(SandboxOptions.SectionName)).ValidateOnStart();
        services.AddOptions<RunOptions>().Bind(configuration.GetSection(RunOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SandboxOptions>, SandboxOptionsValidator>();
        services.AddSingleton<IValidateOptions<SiloOptions>, SiloOptionsValidator>();

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<DockerClient>();
        services.AddSingleton<LanguageImageBuilder>();
        services.AddSingleton<SandboxPools>();
        services.AddHostedService(sp => sp.GetRequiredService<SandboxPools>());
        services.AddSingleton<RunExecutor>();
        return services;
    }
}
