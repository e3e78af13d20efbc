using CodeRunner.Client;
using CodeRunner.Frontend.Hosting;
using CodeRunner.Frontend.Languages;
using CodeRunner.Frontend.Runs;
using CodeRunner.Silo.Health;
using CodeRunner.Silo.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddSilo();
builder.Services.AddClusterClient(builder.Configuration);
builder.AddFrontend();

var app = builder.Build();
app.UseFrontend();
app.MapHealthApi();
app.MapLanguagesApi();
app.MapRunsApi();
app.Run();

/// <summary>Entry point, visible to the in-process tests.</summary>
public partial class Program;
