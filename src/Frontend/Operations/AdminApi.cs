using System.Runtime.CompilerServices;
using CodeRunner.Frontend.Hosting;
using CodeRunner.Frontend.Operations.Views;
using CodeRunner.Silo.Logs;
using CodeRunner.Silo.Operations;
using CodeRunner.Storage;
using CodeRunner.Submissions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CodeRunner.Frontend.Operations;

/// <summary>
/// The operators' API, which the dashboard uses: the overview, silos, sandboxes, submissions,
/// logs and a live stream; drain and resume a silo, size a language's warm pool, cancel a
/// submission, maintenance mode. Operators only (<see cref="OperatorFilter"/>). Lists are paged on
/// the server. Every mutation is idempotent by its nature (a PUT of a state, a drain of a drained
/// silo), so none needs an idempotency key.
/// </summary>
public static partial class AdminApi
{
    public const string Prefix = "/api/v1/admin";

    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup(Prefix).WithTags("Admin").AddEndpointFilter<OperatorFilter>()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        admin.MapGet("/overview", async (ClusterSnapshots snapshots, CancellationToken ct) => TypedResults.Ok((await snapshots.SnapshotAsync(ct)).Overview));
        admin.MapGet("/stream", Stream);
        admin.MapGet("/silos", async (ClusterSnapshots snapshots, CancellationToken ct) => TypedResults.Ok(await snapshots.SilosAsync(ct)));
        admin.MapPost("/silos/{siloId}/drain", (string siloId, SiloFanOut silos, CancellationToken ct) => Drain(siloId, HttpMethod.Post, silos, ct))
            .Produces<DrainState>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status502BadGateway);
        admin.MapDelete("/silos/{siloId}/drain", (string siloId, SiloFanOut silos, CancellationToken ct) => Drain(siloId, HttpMethod.Delete, silos, ct))
            .Produces<DrainState>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status502BadGateway);
        admin.MapGet("/sandboxes", Sandboxes).Produces<Page<SandboxInfo>>().ProducesValidationProblem();
        admin.MapGet("/submissions", Submissions).Produces<Page<SubmissionRow>>().ProducesValidationProblem();
        admin.MapGet("/submissions/{id:guid}", Submission).Produces<SubmissionDetail>().ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapDelete("/submissions/{id:guid}", Cancel).Produces<SubmissionDocument>().Produces<SubmissionDocument>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapGet("/pools", Pools).Produces<List<PoolView>>();
        admin.MapPut("/pools/{language}", Resize).Produces<PoolView>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        admin.MapDelete("/pools/{language}", ResetSize).Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapGet("/maintenance", async (MaintenanceMode mode, CancellationToken ct) =>
            TypedResults.Ok(await mode.MessageAsync(ct) is { } message ? new MaintenanceState(true, message) : new MaintenanceState(false, null)));
        admin.MapPut("/maintenance", SetMaintenance).Produces<MaintenanceState>().ProducesValidationProblem();
        admin.MapGet("/logs", Logs).Produces<Page<LogEntry>>().ProducesValidationProblem();
        return app;
    }

    /// <summary>Server-sent events: a <c>snapshot</c> (overview and silos) every <see cref="OperationsOptions.StreamInterval"/>, for <see cref="OperationsOptions.MaxStream"/>.</summary>
    private static ServerSentEventsResult<Snapshot> Stream(ClusterSnapshots snapshots, IOptions<OperationsOptions> options, TimeProvider time, CancellationToken ct) =>
        TypedResults.ServerSentEvents(Snapshots(snapshots, options.Value, time, ct), "snapshot");

    private static async IAsyncEnumerable<Snapshot> Snapshots(ClusterSnapshots snapshots, OperationsOptions options, TimeProvider time, [EnumeratorCancellation] CancellationToken ct)
    {
        var until = time.GetUtcNow() + options.MaxStream;
        using var timer = new PeriodicTimer(options.StreamInterval, time);
        do
        {
            Snapshot snapshot;
            try
            {
                snapshot = await snapshots.SnapshotAsync(ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                continue; // the store is away for a moment: the page keeps its last snapshot
            }
            yield return snapshot;
        }
        while (time.GetUtcNow() < until && await timer.WaitForNextTickAsync(ct));
    }

    private static async Task<IResult> Drain(string siloId, HttpMethod method, SiloFanOut silos, CancellationToken ct)
    {
        using var response = await silos.SendAsync(siloId, method, "internal/v1/drain", ct);
        if (response is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown silo", detail: $"No live silo has the id {siloId}.");
        if (!response.IsSuccessStatusCode)
            return TypedResults.Problem(statusCode: StatusCodes.Status502BadGateway, title: "The silo refused",
                detail: $"Silo {siloId} answered {(int)response.StatusCode} {response.ReasonPhrase}.");
        return TypedResults.Ok(await response.Content.ReadFromJsonAsync<DrainState>(ct));
    }

    private static async Task<IResult> Submission(Guid id, IClusterStore store, IClusterClient cluster, CancellationToken ct)
    {
        if (await store.GetAsync(id, ct) is not { } record || await cluster.GetAsync(id, ct) is not { } submission)
            return ProblemResults.NotFound(id);
        return TypedResults.Ok(new SubmissionDetail(SubmissionRow.From(record), SubmissionDocument.From(submission), await cluster.GetHistoryAsync(id, ct)));
    }

    private static async Task<IResult> Cancel(Guid id, IClusterClient cluster, CancellationToken ct) =>
        await cluster.CancelAsync(id, ct) switch
        {
            CancelStatus.NotFound => ProblemResults.NotFound(id),
            CancelStatus.Requested => TypedResults.Accepted($"{Prefix}/submissions/{id}", SubmissionDocument.From((await cluster.GetAsync(id, ct))!)),
            _ => TypedResults.Ok(SubmissionDocument.From((await cluster.GetAsync(id, ct))!)),
        };

    private static ValidationProblem? PagingProblem(int offset, int limit, OperationsOptions options) =>
        offset < 0 ? Invalid("offset", "must be 0 or more.")
        : limit < 1 || limit > options.MaxPageSize ? Invalid("limit", $"must be between 1 and {options.MaxPageSize}.")
        : null;

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [$"{field} {message}"] });
}
