using System.Text.Json;
using System.Text.Json.Nodes;

namespace CodeRunner.Frontend.Compatibility.Judge0;

/// <summary>
/// The <c>fields</c> query parameter: a comma-separated list, or <c>*</c> for all. Judge0's default
/// set when it is absent. Fields Judge0 echoes from the request (source_code, limits, …) are accepted
/// and answered with null: the cluster does not keep the request.
/// </summary>
internal sealed class Judge0Fields
{
    private static readonly string[] Default = ["token", "time", "memory", "stdout", "stderr", "compile_output", "message", "status"];

    private static readonly string[] Served =
    [
        "token", "status", "status_id", "language_id", "language", "stdout", "stderr", "compile_output", "message",
        "exit_code", "exit_signal", "time", "wall_time", "memory", "created_at", "finished_at",
    ];

    private static readonly string[] NotKept =
    [
        "source_code", "stdin", "expected_output", "compiler_options", "command_line_arguments", "number_of_runs",
        "cpu_time_limit", "cpu_extra_time", "wall_time_limit", "memory_limit", "stack_limit", "max_processes_and_or_threads",
        "enable_per_process_and_thread_time_limit", "enable_per_process_and_thread_memory_limit", "max_file_size",
        "redirect_stderr_to_stdout", "callback_url", "additional_files", "enable_network",
    ];

    private Judge0Fields(IReadOnlyList<string> selected, IReadOnlyList<string> invalid) => (Selected, Invalid) = (selected, invalid);

    public IReadOnlyList<string> Selected { get; }

    public IReadOnlyList<string> Invalid { get; }

    public static Judge0Fields Parse(string? fields)
    {
        if (string.IsNullOrWhiteSpace(fields))
            return new Judge0Fields(Default, []);
        var requested = fields.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
        if (requested.Contains("*"))
            return new Judge0Fields([.. Served, .. NotKept], []);
        return new Judge0Fields(requested, requested.Where(f => !Served.Contains(f) && !NotKept.Contains(f)).ToList());
    }

    /// <summary>The submission with only the selected fields, in the order asked.</summary>
    public JsonObject Select(Judge0Submission submission, JsonSerializerOptions options)
    {
        var all = JsonSerializer.SerializeToNode(submission, options)!.AsObject();
        var selected = new JsonObject();
        foreach (var field in Selected)
            selected[field] = all[field]?.DeepClone();
        return selected;
    }
}
