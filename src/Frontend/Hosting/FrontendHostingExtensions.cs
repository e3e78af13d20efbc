using System.Text.Json.Serialization;

namespace CodeRunner.Frontend.Hosting;

public static class FrontendHostingExtensions
{
    /// <summary>The HTTP edge: JSON conventions and RFC 7807 problem details for every error.</summary>
    public static WebApplicationBuilder AddFrontend(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
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
