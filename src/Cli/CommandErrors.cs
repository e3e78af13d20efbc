using System.Net;
using System.Text;
using System.Text.Json;
using CodeRunner.Cli.Console;
using CodeRunner.Cli.Http;
using CodeRunner.Cli.Running;

namespace CodeRunner.Cli;

/// <summary>Turns what can go wrong around a command into a message on stderr and a documented exit code.</summary>
public static class CommandErrors
{
    public static async Task<int> GuardAsync(CliConsole console, Func<Task<int>> command)
    {
        try
        {
            return await command();
        }
        catch (UsageException e)
        {
            console.Error(e.Message);
            return ExitCodes.Usage;
        }
        catch (ServiceException e)
        {
            console.Error(Describe(e));
            return e.Status switch
            {
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => ExitCodes.Unauthorized,
                >= HttpStatusCode.BadRequest and < HttpStatusCode.InternalServerError => ExitCodes.Rejected,
                _ => ExitCodes.Unavailable,
            };
        }
        catch (HttpRequestException e)
        {
            console.Error($"cannot reach the service: {e.Message}");
            return ExitCodes.Unavailable;
        }
        catch (JsonException e)
        {
            // A proxy's page, or a newer service with a verdict this client does not know.
            console.Error($"cannot read the service's answer: {e.Message}");
            return ExitCodes.Unavailable;
        }
    }

    /// <summary>Such as <c>the service refused the request (422): The run request is not valid</c>, then one line per field error.</summary>
    public static string Describe(ServiceException e)
    {
        var status = (int)e.Status;
        var text = new StringBuilder(status < 500 ? $"the service refused the request ({status})" : $"the service failed ({status})");
        var detail = e.Problem?.Detail ?? "";
        if (e.Problem?.Title is { Length: > 0 } title)
            text.Append(": ").Append(title);
        if (detail.Length > 0 && detail != e.Problem?.Title)
            text.Append(": ").Append(detail);
        foreach (var (field, messages) in e.Problem?.Errors ?? new Dictionary<string, string[]>())
            // The service's detail often repeats the only field error; once is enough.
            foreach (var message in messages.Where(m => !detail.Contains(m, StringComparison.Ordinal)))
                text.Append("\n  ").Append(field).Append(": ").Append(message);
        return text.ToString();
    }
}
