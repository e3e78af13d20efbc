using CodeRunner.Silo.Health;
using CodeRunner.Silo.Hosting;
using CodeRunner.Silo.Images;
using CodeRunner.Silo.Internal;
using CodeRunner.Silo.Observability;

if (args is ["images", ..])
    return await ImagesCommand.RunAsync(args[1..]);

var builder = WebApplication.CreateBuilder(args);
builder.AddObservability("coderun-silo");
builder.AddSilo();

var app = builder.Build();
app.UseSessionWebSockets();
app.MapHealthApi();
app.MapInternalApi();
app.MapMetrics();
await app.RunAsync();
return Environment.ExitCode; // 3 when the cluster declared this silo dead
