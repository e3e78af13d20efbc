using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CodeRunner.Silo.Logs;

public static class LogRingExtensions
{
    /// <summary>
    /// Keeps this process's recent log entries in memory (<see cref="LogRing"/>) for the dashboard's
    /// live tail; safe to call twice (a frontend that hosts a silo).
    /// </summary>
    public static WebApplicationBuilder AddLogRing(this WebApplicationBuilder builder, string source)
    {
        if (builder.Services.Any(d => d.ServiceType == typeof(LogRing)))
            return builder;
        var options = builder.Configuration.GetSection(LogRingOptions.SectionName).Get<LogRingOptions>() ?? new LogRingOptions();
        if (options.Capacity <= 0)
            throw new InvalidOperationException($"{LogRingOptions.SectionName}:{nameof(LogRingOptions.Capacity)} must be positive.");
        builder.Services.AddSingleton(new LogRing(options.Capacity, source));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ILoggerProvider, LogRingProvider>());
        return builder;
    }
}
