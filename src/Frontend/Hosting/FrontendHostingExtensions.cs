using System.Text.Json.Serialization;
using CodeRunner.Client;
using CodeRunner.Silo.Hosting;

namespace CodeRunner.Frontend.Hosting;

public static class FrontendHostingExtensions
{
    /// <summary>Whether this process also hosts a silo (<see cref="FrontendOptions.HostSilo"/>).</summary>
    public static bool HostsSilo(this WebApplicationBuilder builder) =>
        builder.Configuration.GetValue($"{FrontendOptions.SectionName}:{nameof(FrontendOptions.HostSilo)}", true);

    /// <summary>
    /// The HTTP edge: a silo in the same process unless <c>Frontend:HostSilo</c> is false, the
    /// cluster client, JSON conventions, and RFC 7807 problem details for every error.
    /// </summary>
    public static WebApplicationBuilder AddFrontend(this WebApplicationBuilder builder)
    {
        if (builder.HostsSilo())
            builder.AddSilo();
        builder.Services.AddClusterClient(builder.Configuration);
        builder.Services.AddOptions<FrontendOptions>().Bind(builder.Configuration.GetSection(FrontendOptions.SectionName)).ValidateOnStart();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        // Binding failures throw, so the handler can say what was wrong with the body (field, line).
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.MaxDepth = 32;
        });
        return builder;
    }

    public static WebApplication UseFrontend(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}
