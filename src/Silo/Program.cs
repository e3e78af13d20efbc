using CodeRunner.Silo.Health;
using CodeRunner.Silo.Hosting;
using CodeRunner.Silo.Images;

if (args is ["images", ..])
    return await ImagesCommand.RunAsync(args[1..]);

var builder = WebApplication.CreateBuilder(args);
builder.AddSilo();

var app = builder.Build();
app.MapHealthApi();
await app.RunAsync();
return Environment.ExitCode; // 3 when the cluster declared this silo dead
