using System.Text.Json.Serialization;
using CodeRunner.Client;
using CodeRunner.Frontend.Auth;
using CodeRunner.Frontend.Operations;
using CodeRunner.Frontend.Sessions;
using CodeRunner.Frontend.Snippets;
using CodeRunner.Silo.Hosting;
using Microsoft.AspNetCore.ResponseCompression;

namespace CodeRunner.Frontend.Hosting;

public static class FrontendHostingExtensions
{
    /// <summary>Whether this process also hosts a silo (<see cref="FrontendOptions.HostSilo"/>).</summary>
    public static bool HostsSilo(this WebApplicationBuilder builder) =>
        builder.Configuration.GetValue($"{FrontendOptions.SectionName}:{nameof(FrontendOptions.HostSilo)}", true);

    /// <summary>
    /// The HTTP edge: a silo in the same process unless <c>Frontend:HostSilo</c> is false, the
    /// cluster client, JSON conventions, RFC 7807 problem details for every error, API keys and
    /// per-caller rate limits, CORS, compression, request ids and the OpenAPI document.
    /// </summary>
    public static WebApplicationBuilder AddFrontend(this WebApplicationBuilder builder)
    {
        // The default address, only when none is configured (--urls, ASPNETCORE_URLS, Urls): a
        // setting in appsettings.json would override the environment, which deployments rely on.
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
            builder.WebHost.UseUrls("http://127.0.0.1:8080");
        if (builder.HostsSilo())
            builder.AddSilo();
        builder.Services.AddClusterClient(builder.Configuration);
        builder.AddOperations();
        builder.Services.AddOptions<FrontendOptions>().Bind(builder.Configuration.GetSection(FrontendOptions.SectionName)).ValidateOnStart();
        builder.Services.AddOptions<AuthOptions>().Bind(builder.Configuration.GetSection(AuthOptions.SectionName));
        builder.Services.AddSingleton<ApiKeys>();
        builder.Services.AddSessionGateway(builder.Configuration);
        builder.Services.AddSnippets(builder.Configuration);
        builder.Services.AddCallerRateLimits();
        // traceId (W3C) is for distributed tracing; requestId is what X-Request-Id echoed.
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = c => c.ProblemDetails.Extensions["requestId"] = c.HttpContext.TraceIdentifier);
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        // Binding failures throw, so the handler can say what was wrong with the body (field, line).
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.MaxDepth = 32;
        });
        var origins = builder.Configuration.GetSection("Frontend:Cors:AllowedOrigins").Get<string[]>() ?? [];
        builder.Services.AddCors(o => o.AddDefaultPolicy(policy =>
        {
            // Editors in browsers call the API from their own origins; none is allowed unless configured.
            (origins.Contains("*") ? policy.AllowAnyOrigin() : policy.WithOrigins(origins))
                .AllowAnyHeader().AllowAnyMethod().WithExposedHeaders("Location", RequestIdMiddleware.Header, "Retry-After");
        }));
        builder.Services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Append("application/problem+json");
        });
        builder.Services.AddOpenApi();
        return builder;
    }

    public static WebApplication UseFrontend(this WebApplication app)
    {
        app.UseMiddleware<RequestIdMiddleware>();
        app.UseSessionWebSockets(); // before the key check: a refused session is told so on its socket (4401)
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseResponseCompression();
        // wwwroot: the playground (index.html at /), the dashboard, and their bundles; open to anyone,
        // since a browser cannot send a key with a page load (the page sends the user's key to the API).
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseCors();
        app.UseMiddleware<ApiKeyMiddleware>();
        app.UseRateLimiter();
        app.UseMiddleware<MaintenanceMiddleware>();
        app.MapOpenApi(); // /openapi/v1.json
        app.UseSwaggerUI(o =>
        {
            o.SwaggerEndpoint("/openapi/v1.json", "coderun");
            o.RoutePrefix = "api-docs"; // the browsable page, served from the package (no CDN)
        });
        return app;
    }
}
