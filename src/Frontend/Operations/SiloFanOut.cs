using System.Net.Http.Json;
using CodeRunner.Client.Silos;
using CodeRunner.Storage;
using Microsoft.Extensions.Options;

namespace CodeRunner.Frontend.Operations;

/// <summary>Asks every live silo's internal API the same question at once; silos that do not answer in time are named, not waited for.</summary>
public sealed partial class SiloFanOut(SiloConnections connections, IOptions<OperationsOptions> options, ILogger<SiloFanOut> logger)
{
    public async Task<(List<T> Items, List<string> Unreachable)> GetAllAsync<T>(string relativePath, CancellationToken ct)
    {
        var silos = (await connections.ActiveAsync(ct)).ToList();
        var answers = await Task.WhenAll(silos.Select(async silo =>
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
            deadline.CancelAfter(options.Value.SiloCallTimeout);
            try
            {
                using var http = connections.For(silo);
                return (silo, await http.GetFromJsonAsync<List<T>>(relativePath, deadline.Token));
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException or System.Text.Json.JsonException && !ct.IsCancellationRequested)
            {
                LogUnreachable(silo.SiloId, relativePath, e.Message);
                return (silo, null);
            }
        }));
        return ([.. answers.SelectMany(a => a.Item2 ?? [])], [.. answers.Where(a => a.Item2 is null).Select(a => a.silo.SiloName)]);
    }

    /// <summary>Sends a call to one silo; null when it is not a live member.</summary>
    public async Task<HttpResponseMessage?> SendAsync(string siloId, HttpMethod method, string relativePath, CancellationToken ct)
    {
        if ((await connections.ActiveAsync(ct)).FirstOrDefault(s => s.SiloId == siloId) is not SiloRecord silo)
            return null;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(options.Value.SiloCallTimeout);
        using var http = connections.For(silo);
        return await http.SendAsync(new HttpRequestMessage(method, relativePath), deadline.Token);
    }

    [LoggerMessage(EventId = 2201, Level = LogLevel.Warning, Message = "Silo {SiloId} did not answer {Path}: {Reason}")]
    private partial void LogUnreachable(string siloId, string path, string reason);
}
