using CodeRunner.Frontend.Health;
using CodeRunner.Frontend.Hosting;
using CodeRunner.Frontend.Languages;
using CodeRunner.Frontend.Runs;
using CodeRunner.Frontend.Submissions;

var builder = WebApplication.CreateBuilder(args);
builder.AddFrontend();

var app = builder.Build();
app.UseFrontend();
app.MapFrontendHealth(builder.HostsSilo());
app.MapLanguagesApi();
app.MapSubmissionsApi();
app.MapRunsApi();
app.Run();
