using CodeRunner.Frontend.Compatibility.Judge0;
using CodeRunner.Frontend.Compatibility.Piston;
using CodeRunner.Frontend.Health;
using CodeRunner.Frontend.Hosting;
using CodeRunner.Frontend.Languages;
using CodeRunner.Frontend.Runs;
using CodeRunner.Frontend.Sessions;
using CodeRunner.Frontend.Submissions;
using CodeRunner.Silo.Internal;

if (args is ["keys", ..])
    return CodeRunner.Frontend.Auth.KeysCommand.Run(args[1..]);

var builder = WebApplication.CreateBuilder(args);
builder.AddFrontend();

var app = builder.Build();
app.UseFrontend();
app.MapFrontendHealth(builder.HostsSilo());
if (builder.HostsSilo())
    app.MapInternalApi();
app.MapLanguagesApi();
app.MapSubmissionsApi();
app.MapRunsApi();
app.MapSessionsApi();
app.MapJudge0Api();
app.MapPistonApi();
await app.RunAsync();
return 0;
