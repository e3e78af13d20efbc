using CodeRunner.Frontend.Compatibility.Judge0;
using CodeRunner.Frontend.Compatibility.Piston;
using CodeRunner.Frontend.Health;
using CodeRunner.Frontend.Hosting;
using CodeRunner.Frontend.Languages;
using CodeRunner.Frontend.Operations;
using CodeRunner.Frontend.Runs;
using CodeRunner.Frontend.Snippets;
using CodeRunner.Frontend.Sessions;
using CodeRunner.Frontend.Submissions;
using CodeRunner.Silo.Internal;
using CodeRunner.Silo.Observability;

if (args is ["keys", ..])
    return CodeRunner.Frontend.Auth.KeysCommand.Run(args[1..]);

var builder = WebApplication.CreateBuilder(args);
builder.AddObservability("coderun-frontend");
builder.AddFrontend();

var app = builder.Build();
app.UseFrontend();
app.MapFrontendHealth(builder.HostsSilo());
if (builder.HostsSilo())
    app.MapInternalApi();
app.MapMetrics();
app.MapLanguagesApi();
app.MapSubmissionsApi();
app.MapRunsApi();
app.MapSnippetsApi();
app.MapSessionsApi();
app.MapJudge0Api();
app.MapPistonApi();
app.MapDashboard(app.Environment);
await app.RunAsync();
return 0;
