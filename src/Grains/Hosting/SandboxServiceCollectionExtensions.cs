using CodeRunner.Docker;
using CodeRunner.Images;
using CodeRunner.Languages;
using CodeRunner.Membership;
using CodeRunner.Runs;
using CodeRunner.Sandboxes;
using CodeRunner.Sessions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
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
        services.AddSessions(configuration);
        return services;
    }

    /// <summary>Interactive sessions on this node's sandboxes (limits bound from <c>Sessions</c>).</summary>
    public static IServiceCollection AddSessions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSessionOptions(configuration);
        services.AddSingleton<SessionRegistry>();
        services.AddSingleton<SessionHost>();
        return services;
    }

    /// <summary>The <c>Sessions</c> options alone (a stateless frontend needs the idle limit and message size).</summary>
    public static IServiceCollection AddSessionOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SessionOptions>().Bind(configuration.GetSection(SessionOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SessionOptions>, SessionOptionsValidator>());
        return services;
    }
}
