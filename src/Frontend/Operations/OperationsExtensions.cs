using CodeRunner.Cluster;
using CodeRunner.Silo.Logs;
using Microsoft.Extensions.Options;

namespace CodeRunner.Frontend.Operations;

public static class OperationsExtensions
{
    /// <summary>The dashboard's services: maintenance mode, the cluster's snapshots, calls to silos, this process's log ring.</summary>
    public static WebApplicationBuilder AddOperations(this WebApplicationBuilder builder)
    {
        builder.AddLogRing("frontend"); // a frontend that hosts a silo has it already, named after the silo
        builder.Services.AddOptions<OperationsOptions>().Bind(builder.Configuration.GetSection(OperationsOptions.SectionName)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<OperationsOptions>, OperationsOptionsValidator>();
        // Suspect silos are judged with the silos' own heartbeat interval.
        builder.Services.AddOptions<ClusterMembershipOptions>().Bind(builder.Configuration.GetSection(ClusterMembershipOptions.SectionName));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<MaintenanceMode>();
        builder.Services.AddSingleton<ClusterSnapshots>();
        builder.Services.AddSingleton<SiloFanOut>();
        return builder;
    }

    /// <summary>
    /// The page at <c>/dashboard/</c> (its data comes from the admin API). <c>/dashboard</c>
    /// redirects with a relative location, so the page, whose asset and API URLs are relative too,
    /// works behind any path prefix (<c>/coderun/dashboard</c>).
    /// </summary>
    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app, IWebHostEnvironment environment)
    {
        app.MapGet("/dashboard", (HttpContext context) =>
            context.Request.Path.Value!.EndsWith('/')
                ? Results.File(environment.WebRootFileProvider.GetFileInfo("dashboard/index.html").PhysicalPath!, "text/html; charset=utf-8")
                : Results.Redirect("dashboard/"))
            .ExcludeFromDescription();
        app.MapAdminApi();
        return app;
    }
}
